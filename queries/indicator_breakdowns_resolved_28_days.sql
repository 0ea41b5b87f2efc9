-- indicator_breakdowns_resolved_28_days: breakdowns
-- Breakdowns resolved within 28 days of the breakdown date, of all breakdowns (unresolved count as not).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        source.period,
        1 as weight,
        coalesce(date_diff('day', source.breakdown_date, source.resolved_date) <= 28, false) as meets
    from breakdowns as source
    where true
),

final as (
    select * from share_by_geography(records)
)

select * from final
