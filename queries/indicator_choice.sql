-- indicator_choice: user survey
-- Enough choice over care and support (Q2c = 1 of 1-3).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('choice')
),

final as (
    select * from share_by_geography(answers)
)

select * from final
