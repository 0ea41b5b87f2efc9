-- indicator_information: user survey
-- Easy to find information (Q12 = 2 or 3 of 2-5; never tried left out).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('information')
),

final as (
    select * from share_by_geography(answers)
)

select * from final
