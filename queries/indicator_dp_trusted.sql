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
        1 as weight,
        experience.trusted_to_decide >= 4 as meets
    from dp_experience as experience
    join areas using (area_code)
    where experience.trusted_to_decide between 1 and 5
),

final as (
    select * from share_by_geography(answers)
)

select * from final
