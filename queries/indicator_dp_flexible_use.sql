-- indicator_dp_flexible_use: direct-payment experience survey
-- Direct-payment holders agreeing they can use it flexibly (4-5 of 1-5).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (people).

with answers as (
    select
        experience.area_code,
        experience.period,
        1 as weight,
        experience.use_flexibly >= 4 as meets
    from dp_experience as experience
    where experience.use_flexibly between 1 and 5
),

final as (
    select * from share_by_geography(answers)
)

select * from final
