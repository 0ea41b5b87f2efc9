-- indicator_coproduced_activities: coproduction activities
-- Activities at co-designed or co-produced level, of all activities.
-- Rows by area, region and all areas, and year (share_by_geography): count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        source.period,
        1 as weight,
        source.level in ('co-designed', 'co-produced') as meets
    from coproduction_activities as source
    where true
),

final as (
    select * from share_by_geography(records)
)

select * from final
