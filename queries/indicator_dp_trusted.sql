-- indicator_dp_trusted: direct-payment experience survey
-- Direct-payment holders agreeing they are trusted to decide how to spend it (4-5 of 1-5).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (people).

with answers as (
    select
        experience.area_code,
        experience.period,
        1 as weight,
        experience.trusted_to_decide >= 4 as meets
    from dp_experience as experience
    where experience.trusted_to_decide between 1 and 5
),

final as (
    select * from share_by_geography(answers)
)

select * from final
