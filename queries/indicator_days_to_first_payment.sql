-- indicator_days_to_first_payment: support records
-- Median days from the date a direct payment was agreed to the date it was first paid, for
-- direct-payment holders with both dates, with its 95% and 99.8% intervals.
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all').

with durations as (
    select
        records.area_code,
        areas.region_code,
        records.period,
        date_diff('day', records.date_agreed, records.date_first_paid) as days
    from support_records as records
    join areas using (area_code)
    where records.delivery_mechanism in ('Direct Payment', 'Part Direct Payment')
        and records.date_agreed is not null
        and records.date_first_paid is not null
),

-- areas: the median and its interval from order statistics (ranks n/2 -+ z * sqrt(n) / 2,
-- see dashboard/figures/stats.py); regions and all areas: the median only (benchmarks need no interval,
-- and sorting every value in England would cost more than it tells)
per_area as (
    select
        'area' as geography_level,
        area_code as geography_code,
        period,
        count(*) as base,
        median(days) as value,
        list_sort(list(days)) as sorted_days
    from durations
    group by area_code, period
),

benchmarks as (
    select
        case when region_code is not null then 'region' else 'all' end as geography_level,
        coalesce(region_code, 'all') as geography_code,
        period,
        count(*) as base,
        median(days) as value
    from durations
    group by grouping sets ((region_code, period), (period))
),

final as (
    select
        geography_level,
        geography_code,
        period,
        base as count,
        base,
        null::double as numerator,
        null::double as denominator,
        value,
        sorted_days[greatest(1, floor(base / 2.0 - 1.959964 * sqrt(base) / 2)::integer)] as lower_95,
        sorted_days[least(base, ceil(1 + base / 2.0 + 1.959964 * sqrt(base) / 2)::integer)] as upper_95,
        sorted_days[greatest(1, floor(base / 2.0 - 3.090232 * sqrt(base) / 2)::integer)] as lower_998,
        sorted_days[least(base, ceil(1 + base / 2.0 + 3.090232 * sqrt(base) / 2)::integer)] as upper_998
    from per_area
    union all by name
    select *, base as count, null::double as numerator, null::double as denominator
    from benchmarks
)

select * from final
