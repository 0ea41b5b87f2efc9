-- breakdown_days_delayed_bins: collaboration breakdowns
-- How long breakdowns delayed support, in bins (never single records): one row per area with
-- breakdowns in the year and bin, with breakdowns (zero where a bin is empty).
-- Bins: 0-7, 8-14, 15-28, 29-56, 57-91, 92 or more days.
-- $period: financial year, for example 2024-25

with delays as (
    select area_code, days_delayed as days
    from breakdowns
    where period = $period
),

final as (
    select area_code, bin_order, bin_label, counted as breakdowns
    from days_in_bins(delays)
    order by area_code, bin_order
)

select * from final
