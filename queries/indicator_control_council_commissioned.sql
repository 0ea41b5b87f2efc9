-- indicator_control_council_commissioned: user survey
-- Control over daily life for people with council-commissioned support only (mechanism 4).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('control')
    where delivery_mechanism = 4
),

final as (
    select * from share_by_geography(answers)
)

select * from final
