-- group_median_breakdown_days_delayed: collaboration breakdowns
-- Median days delayed per recorded breakdown, over a group of areas together (a comparison group's benchmark), with its 95% and
-- 99.8% intervals from order statistics (median_lower and median_upper: ranks n/2 -+ z * sqrt(n) / 2).
-- Returns one row: base (values counted), value (median) and the interval bounds.
-- $area_codes: the ONS codes of the group's areas (a list)
-- $period: the financial year

with durations as (
    select
        records.days_delayed as days
    from breakdowns as records
    where records.area_code in (select unnest($area_codes::varchar[]))
        and records.period = $period
),

grouped as (
    select
        count(*) as base,
        median(days) as value,
        list_sort(list(days)) as sorted_days
    from durations
),

final as (
    select
        base,
        value,
        median_lower(sorted_days, base, 95) as lower_95,
        median_upper(sorted_days, base, 95) as upper_95,
        median_lower(sorted_days, base, 99.8) as lower_998,
        median_upper(sorted_days, base, 99.8) as upper_998
    from grouped
)

select * from final
