-- indicator_clawbacks_per_100: direct-payment experience survey
-- Money-recovered (clawback) letters per direct-payment holder who answered (the page multiplies by 100).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count (letters), base
-- (holders), numerator (letters) and denominator (holders).

with per_area as (
    select
        experience.area_code,
        areas.region_code,
        experience.period,
        sum(experience.clawback_letters) as events,
        count(*) as people
    from dp_experience as experience
    join areas using (area_code)
    group by all
),

final as (
    select * from rate_by_geography(per_area)
)

select * from final
