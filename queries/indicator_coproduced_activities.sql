-- indicator_coproduced_activities: coproduction activities
-- Activities at co-designed or co-produced level, of all activities.
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        areas.region_code,
        source.period,
        1 as weight,
        source.level in ('co-designed', 'co-produced') as meets
    from coproduction_activities as source
    join areas using (area_code)
    where true
),

final as (
    select * from share_by_geography(records)
)

select * from final
