-- group_median_breakdown_days_delayed: collaboration breakdowns
-- Median days delayed per recorded breakdown, over a group of areas together (a comparison group's benchmark), with its 95% and
-- 99.8% intervals from order statistics (ranks n/2 -+ z * sqrt(n) / 2, see dashboard/figures/stats.py).
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
        sorted_days[greatest(1, floor(base / 2.0 - 1.959964 * sqrt(base) / 2)::integer)] as lower_95,
        sorted_days[least(base, ceil(1 + base / 2.0 + 1.959964 * sqrt(base) / 2)::integer)] as upper_95,
        sorted_days[greatest(1, floor(base / 2.0 - 3.090232 * sqrt(base) / 2)::integer)] as lower_998,
        sorted_days[least(base, ceil(1 + base / 2.0 + 3.090232 * sqrt(base) / 2)::integer)] as upper_998
    from grouped
)

select * from final
