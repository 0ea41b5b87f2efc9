-- by_group_survey: user survey
-- The survey indicators (choice, information, control, social contact, satisfaction) for each
-- council and year, split by age band, primary support reason and mechanism of
-- delivery. Returns one row per measure, split (dimension) and group: count and base
-- (people, unweighted), numerator and denominator (weighted), for Wilson intervals.
-- One row per council and year too (area_code, period): the release layer reads every council's
-- splits in one statement and adds councils up itself.

with responses as (
    select *
    from survey_responses
),

answers as (
    select area_code, period, 'choice' as measure, age_band, support_reason, delivery_mechanism, weight,
        q2c_choice = 1 as meets
    from responses where q2c_choice in (1, 2, 3)
    union all
    select area_code, period, 'information', age_band, support_reason, delivery_mechanism, weight,
        q12_information in (2, 3)
    from responses where q12_information between 2 and 5
    union all
    select area_code, period, 'control', age_band, support_reason, delivery_mechanism, weight,
        q3a_control in (1, 2)
    from responses where q3a_control between 1 and 4
    union all
    select area_code, period, 'social_contact', age_band, support_reason, delivery_mechanism, weight,
        q8a_social_contact = 1
    from responses where q8a_social_contact between 1 and 4
    union all
    select area_code, period, 'satisfaction', age_band, support_reason, delivery_mechanism, weight,
        q1_satisfaction in (1, 2)
    from responses where q1_satisfaction between 1 and 7
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
