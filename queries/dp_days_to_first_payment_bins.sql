-- dp_days_to_first_payment_bins: support records
-- How many direct-payment holders waited how long from agreement to first payment, in bins
-- (never single records): one row per area in the data with direct-payment holders and bin,
-- with holders (zero where a bin is empty). Bins: 0-7, 8-14, 15-28, 29-56, 57-91, 92 or more days.
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

waits as (
    select
        area_code,
        date_diff('day', date_agreed, date_first_paid) as days
    from support_records
    where period = $period
        and delivery_mechanism in ('Direct Payment', 'Part Direct Payment')
        and date_agreed is not null
        and date_first_paid is not null
),

areas_with_holders as (
    select distinct area_code from waits
),

final as (
    select
        areas_with_holders.area_code,
        bins.bin_order,
        bins.bin_label,
        count(waits.days) as holders
    from areas_with_holders
    cross join bins
    left join waits
        on waits.area_code = areas_with_holders.area_code
        and greatest(waits.days, 0) between bins.low_days and bins.high_days
    group by all
    order by areas_with_holders.area_code, bins.bin_order
)

select * from final
