-- indicator_people_paid_for_time: co-production activities
-- People paid or reimbursed for their time, of self-advocates and family carers taking
-- part, counting places taken, not different people.
-- Rows by area, region and all areas, and year: count (people paid),
-- base (self-advocate and family carer places), numerator and denominator (the same).
-- rate_by_geography sums the places: events (the places counted) of people (all places).

with places as (
    select
        activities.area_code,
        activities.period,
        least(activities.people_paid, activities.self_advocates + activities.family_carers) as events,
        activities.self_advocates + activities.family_carers as people
    from coproduction_activities as activities
),

final as (
    select * from rate_by_geography(places)
)

select * from final
