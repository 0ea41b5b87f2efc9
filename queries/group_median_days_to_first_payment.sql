-- group_median_days_to_first_payment: support records
-- Median days from the date a direct payment was agreed to the date it was first paid, over a
-- group of areas together (a comparison group's benchmark): one row (median_of_group).
-- $area_codes: the ONS codes of the group's areas (a list)
-- $period: the financial year

with durations as (
    select
        date_diff('day', records.date_agreed, records.date_first_paid) as days
    from support_records as records
    where records.delivery_mechanism in ('Direct Payment', 'Part Direct Payment')
        and records.date_agreed is not null
        and records.date_first_paid is not null
        and records.area_code in (select unnest($area_codes::varchar[]))
        and records.period = $period
),

final as (
    select * from median_of_group(durations)
)

select * from final
