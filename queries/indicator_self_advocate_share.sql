-- indicator_self_advocate_share: co-production activities
-- Self-advocates as a share of everyone taking part (self-advocates, family carers,
-- professionals), counting places taken, not different people.
-- Rows by area, region and all areas, and year: count (self-advocate
-- places), base (all places), numerator and denominator (the same).
-- rate_by_geography sums the places: events (the places counted) of people (all places).

with places as (
    select
        activities.area_code,
        activities.period,
        activities.self_advocates as events,
        activities.self_advocates + activities.family_carers + activities.professionals as people
    from coproduction_activities as activities
),

final as (
    select * from rate_by_geography(places)
)

select * from final
