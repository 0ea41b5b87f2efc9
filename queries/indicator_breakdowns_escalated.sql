-- indicator_breakdowns_escalated: breakdowns
-- Breakdowns escalated, of all breakdowns.
-- Rows by area, region and all areas, and year (share_by_geography): count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        source.period,
        1 as weight,
        source.escalated as meets
    from breakdowns as source
    where true
),

final as (
    select * from share_by_geography(records)
)

select * from final
