-- indicator_decisions_with_self_advocates: coproduction activities
-- Decision activities (service specification, choosing providers, recruiting staff, commissioning decision) with at least one self-advocate taking part.
-- Rows by area, region and all areas, and year (share_by_geography): count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        source.period,
        1 as weight,
        source.self_advocates > 0 as meets
    from coproduction_activities as source
    where source.activity in ('writing a service specification', 'choosing providers', 'recruiting staff', 'commissioning decision')
),

final as (
    select * from share_by_geography(records)
)

select * from final
