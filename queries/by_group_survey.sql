-- by_group_survey: user survey
-- The survey indicators (choice, information, control, social contact, satisfaction) for each
-- council and year, split by age band, primary support reason and mechanism of
-- delivery. Returns one row per measure, split (dimension) and group: count and base
-- (people, unweighted), numerator and denominator (weighted), for Wilson intervals.
-- One row per council and year too (area_code, period): the release layer reads every council's
-- splits in one statement and adds councils up itself.

with answers as (
    select area_code, period, measure, age_band, support_reason, delivery_mechanism, weight, meets
    from survey_measures()
),

labelled as (
    select
        area_code,
        period,
        measure,
        age_band,
        support_reason,
        case delivery_mechanism
            when 1 then 'Direct payment only'
            when 2 then 'Part direct payment'
            when 3 then 'Council-managed personal budget'
            when 4 then 'Council-commissioned support only'
            else 'Other'
        end as delivery,
        weight,
        meets
    from answers
),

final as (
    select
        area_code,
        period,
        measure,
        case
            when age_band is not null then 'age band'
            when support_reason is not null then 'primary support reason'
            else 'mechanism of delivery'
        end as dimension,
        coalesce(age_band, support_reason, delivery) as group_name,
        count(*) filter (where meets) as count,
        count(*) as base,
        coalesce(sum(weight) filter (where meets), 0) as numerator,
        sum(weight) as denominator
    from labelled
    group by grouping sets ((area_code, period, measure, age_band), (area_code, period, measure, support_reason),
        (area_code, period, measure, delivery))
    order by area_code, period, measure, dimension, group_name
)

select * from final
