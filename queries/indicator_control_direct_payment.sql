-- indicator_control_direct_payment: user survey
-- Control over daily life for people with a direct payment (mechanism 1 or 2).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select
        responses.area_code,
        areas.region_code,
        responses.period,
        responses.weight,
        q3a_control in (1, 2) as meets
    from survey_responses as responses
    join areas using (area_code)
    where q3a_control between 1 and 4 and delivery_mechanism in (1, 2)
),

final as (
    select
        case
            when area_code is not null then 'area'
            when region_code is not null then 'region'
            else 'all'
        end as geography_level,
        coalesce(area_code, region_code, 'all') as geography_code,
        period,
        count(*) filter (where meets) as count,
        count(*) as base,
        coalesce(sum(weight) filter (where meets), 0) as numerator,
        sum(weight) as denominator
    from answers
    group by grouping sets ((area_code, period), (region_code, period), (period))
)

select * from final
