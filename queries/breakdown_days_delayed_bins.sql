-- breakdown_days_delayed_bins: collaboration breakdowns
-- How long breakdowns delayed support, in bins (never single records): one row per area with
-- breakdowns in the year and bin, with breakdowns (zero where a bin is empty).
-- Bins: 0-7, 8-14, 15-28, 29-56, 57-91, 92 or more days.
-- $period: financial year, for example 2024-25

with bins as (
    select * from (values
        (1, '0 to 7 days', 0, 7),
        (2, '8 to 14 days', 8, 14),
        (3, '15 to 28 days', 15, 28),
        (4, '29 to 56 days', 29, 56),
        (5, '57 to 91 days', 57, 91),
        (6, '92 days or more', 92, 100000)
    ) as b (bin_order, bin_label, low_days, high_days)
),

delays as (
    select area_code, greatest(days_delayed, 0) as days
    from breakdowns
    where period = $period
),

areas_with_breakdowns as (
    select distinct area_code from delays
),

final as (
    select
        areas_with_breakdowns.area_code,
        bins.bin_order,
        bins.bin_label,
        count(delays.days) as breakdowns
    from areas_with_breakdowns
    cross join bins
    left join delays
        on delays.area_code = areas_with_breakdowns.area_code
        and delays.days between bins.low_days and bins.high_days
    group by all
    order by areas_with_breakdowns.area_code, bins.bin_order
)

select * from final
