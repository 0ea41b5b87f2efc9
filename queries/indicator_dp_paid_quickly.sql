-- indicator_dp_paid_quickly: direct-payment experience survey
-- Direct-payment holders agreeing they get the money quickly without complicated procedures (4-5 of 1-5).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (people).

with answers as (
    select
        experience.area_code,
        experience.period,
        1 as weight,
        experience.paid_quickly >= 4 as meets
    from dp_experience as experience
    where experience.paid_quickly between 1 and 5
),

final as (
    select * from share_by_geography(answers)
)

select * from final
