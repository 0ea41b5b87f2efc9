-- indicator_breakdowns_resolved_28_days: breakdowns
-- Breakdowns resolved within 28 days of the breakdown date, of all breakdowns (unresolved count as not).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        areas.region_code,
        source.period,
        1 as weight,
        coalesce(date_diff('day', source.breakdown_date, source.resolved_date) <= 28, false) as meets
    from breakdowns as source
    join areas using (area_code)
    where true
),

final as (
    select * from share_by_geography(records)
)

select * from final
