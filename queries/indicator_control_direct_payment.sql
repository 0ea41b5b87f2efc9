-- indicator_control_direct_payment: user survey
-- Control over daily life for people with a direct payment (mechanism 1 or 2).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('control')
    where delivery_mechanism in (1, 2)
),

final as (
    select * from share_by_geography(answers)
)

select * from final
