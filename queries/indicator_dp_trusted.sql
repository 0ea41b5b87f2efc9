-- indicator_dp_trusted: direct-payment experience survey
-- Direct-payment holders agreeing they are trusted to decide how to spend it (4-5 of 1-5).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (people,
-- unweighted) and numerator and denominator (people).

with answers as (
    select
        experience.area_code,
        areas.region_code,
        experience.period,
        1 as one,
        experience.trusted_to_decide >= 4 as meets
    from dp_experience as experience
    join areas using (area_code)
    where experience.trusted_to_decide between 1 and 5
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
        coalesce(sum(one) filter (where meets), 0) as numerator,
        sum(one) as denominator
    from answers
    group by grouping sets ((area_code, period), (region_code, period), (period))
)

select * from final
