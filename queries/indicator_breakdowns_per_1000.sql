-- indicator_breakdowns_per_1000: collaboration breakdowns and support records
-- Breakdowns recorded in the financial year per person in long-term support (the page
-- multiplies by 1,000). Areas with breakdowns but no support records are left out: there is
-- nothing to divide by.
-- Rows by area, region and all areas, and year (rate_by_geography): count (breakdowns), base
-- (people supported), numerator (breakdowns) and denominator (people supported).

with people_supported as (
    select area_code, period, count(*) as people
    from support_records
    group by all
),

breakdowns_recorded as (
    select area_code, period, count(*) as events
    from breakdowns
    group by all
),

per_area as (
    select
        people_supported.area_code,
        people_supported.period,
        coalesce(breakdowns_recorded.events, 0) as events,
        people_supported.people
    from people_supported
    left join breakdowns_recorded using (area_code, period)
),

final as (
    select * from rate_by_geography(per_area)
)

select * from final
