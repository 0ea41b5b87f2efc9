-- indicator_control_council_commissioned: user survey
-- Control over daily life for people with council-commissioned support only (mechanism 4).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('control')
    where delivery_mechanism = 4
),

final as (
    select * from share_by_geography(answers)
)

select * from final
