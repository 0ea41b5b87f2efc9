-- indicator_breakdown_days_delayed: collaboration breakdowns
-- Median days delayed per recorded breakdown, with its 95% and 99.8% intervals.
-- Rows by area, region and all areas, and year (median_by_geography).

with durations as (
    select
        breakdowns.area_code,
        breakdowns.period,
        breakdowns.days_delayed as days
    from breakdowns
),

final as (
    select * from median_by_geography(durations)
)

select * from final
