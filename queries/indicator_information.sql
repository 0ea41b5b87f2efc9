-- indicator_information: user survey
-- Easy to find information (Q12 = 2 or 3 of 2-5; never tried left out).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('information')
),

final as (
    select * from share_by_geography(answers)
)

select * from final
