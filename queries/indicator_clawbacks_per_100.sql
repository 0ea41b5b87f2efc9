-- indicator_clawbacks_per_100: direct-payment experience survey
-- Money-recovered (clawback) letters per direct-payment holder who answered (the page multiplies by 100).
-- Rows by area, region and all areas, and year (rate_by_geography): count (letters), base
-- (holders), numerator (letters) and denominator (holders).

with per_area as (
    select
        experience.area_code,
        experience.period,
        sum(experience.clawback_letters) as events,
        count(*) as people
    from dp_experience as experience
    group by all
),

final as (
    select * from rate_by_geography(per_area)
)

select * from final
