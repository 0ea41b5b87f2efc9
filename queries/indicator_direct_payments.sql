-- indicator_direct_payments: support records
-- People with a direct payment (Direct Payment or Part Direct Payment), of all in long-term support.
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (people,
-- unweighted) and numerator and denominator (people).

with people as (
    select
        records.area_code,
        areas.region_code,
        records.period,
        1 as one,
        delivery_mechanism in ('Direct Payment', 'Part Direct Payment') as meets
    from support_records as records
    join areas using (area_code)
),

final as (
    select
        case
            when area_code is not null then 'area'
            when region_code is not null then 'region'
            else 'all'
        end as geography_level,
        coalesce(area_code, region_code, 'all') as geography_code,
        period,
        count(*) filter (where meets) as count,
        count(*) as base,
        coalesce(sum(one) filter (where meets), 0) as numerator,
        sum(one) as denominator
    from people
    group by grouping sets ((area_code, period), (region_code, period), (period))
)

select * from final
