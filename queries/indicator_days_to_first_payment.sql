-- indicator_days_to_first_payment: support records
-- Median days from the date a direct payment was agreed to the date it was first paid, for
-- direct-payment holders with both dates, with its 95% and 99.8% intervals.
-- Rows by area, region and all areas, and year (median_by_geography).

with durations as (
    select
        records.area_code,
        records.period,
        date_diff('day', records.date_agreed, records.date_first_paid) as days
    from support_records as records
    where records.delivery_mechanism in ('Direct Payment', 'Part Direct Payment')
        and records.date_agreed is not null
        and records.date_first_paid is not null
),

final as (
    select * from median_by_geography(durations)
)

select * from final
