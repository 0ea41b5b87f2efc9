-- indicator_control_direct_payment: user survey
-- Control over daily life for people with a direct payment (mechanism 1 or 2).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('control')
    where delivery_mechanism in (1, 2)
),

final as (
    select * from share_by_geography(answers)
)

select * from final
