-- indicator_choice: user survey
-- Enough choice over care and support (Q2c = 1 of 1-3).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('choice')
),

final as (
    select * from share_by_geography(answers)
)

select * from final
