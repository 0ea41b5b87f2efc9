-- indicator_satisfaction: user survey
-- Extremely or very satisfied with care and support (Q1 = 1 or 2 of 1-7).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('satisfaction')
),

final as (
    select * from share_by_geography(answers)
)

select * from final
