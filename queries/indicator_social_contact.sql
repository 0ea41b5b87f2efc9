-- indicator_social_contact: user survey
-- As much social contact as they would like (Q8a = 1 of 1-4).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (weighted by the survey weight).

with answers as (
    select * from survey_answers('social_contact')
),

final as (
    select * from share_by_geography(answers)
)

select * from final
