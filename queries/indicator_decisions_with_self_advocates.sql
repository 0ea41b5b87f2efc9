-- indicator_decisions_with_self_advocates: coproduction activities
-- Decision activities (service specification, choosing providers, recruiting staff, commissioning decision) with at least one self-advocate taking part.
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        areas.region_code,
        source.period,
        1 as weight,
        source.self_advocates > 0 as meets
    from coproduction_activities as source
    join areas using (area_code)
    where source.activity in ('writing a service specification', 'choosing providers', 'recruiting staff', 'commissioning decision')
),

final as (
    select * from share_by_geography(records)
)

select * from final
