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
        1 as weight,
        delivery_mechanism in ('Direct Payment', 'Part Direct Payment') as meets
    from support_records as records
    join areas using (area_code)
),

final as (
    select * from share_by_geography(people)
)

select * from final
