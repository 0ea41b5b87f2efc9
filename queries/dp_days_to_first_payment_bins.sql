-- dp_days_to_first_payment_bins: support records
-- How many direct-payment holders waited how long from agreement to first payment, in bins
-- (never single records): one row per area in the data with direct-payment holders and bin,
-- with holders (zero where a bin is empty). Bins: 0-7, 8-14, 15-28, 29-56, 57-91, 92 or more days.
-- $period: financial year, for example 2024-25

with waits as (
    select
        area_code,
        date_diff('day', date_agreed, date_first_paid) as days
    from support_records
    where period = $period
        and delivery_mechanism in ('Direct Payment', 'Part Direct Payment')
        and date_agreed is not null
        and date_first_paid is not null
),

final as (
    select area_code, bin_order, bin_label, counted as holders
    from days_in_bins(waits)
    order by area_code, bin_order
)

select * from final
