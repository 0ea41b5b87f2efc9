-- indicator_control: user survey
-- Control over daily life (Q3a = 1 or 2 of 1-4).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('control')
),

final as (
    select * from share_by_geography(answers)
)

select * from final
