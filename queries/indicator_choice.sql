-- indicator_choice: user survey
-- Enough choice over care and support (Q2c = 1 of 1-3).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select
        responses.area_code,
        areas.region_code,
        responses.period,
        responses.weight,
        q2c_choice = 1 as meets
    from survey_responses as responses
    join areas using (area_code)
    where q2c_choice in (1, 2, 3)
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
