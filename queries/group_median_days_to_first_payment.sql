-- group_median_days_to_first_payment: support records
-- Median days from the date a direct payment was agreed to the date it was first paid, over a group of areas together (a comparison group's benchmark), with its 95% and
-- 99.8% intervals from order statistics (ranks n/2 -+ z * sqrt(n) / 2, see dashboard/figures/stats.py).
-- Returns one row: base (values counted), value (median) and the interval bounds.
-- $area_codes: the ONS codes of the group's areas (a list)
-- $period: the financial year

with durations as (
    select
        date_diff('day', records.date_agreed, records.date_first_paid) as days
    from support_records as records
    where records.delivery_mechanism in ('Direct Payment', 'Part Direct Payment') and records.date_agreed is not null and records.date_first_paid is not null and records.area_code in (select unnest($area_codes::varchar[]))
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
