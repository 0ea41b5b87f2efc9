-- indicator_self_directed_support: support records
-- People with self-directed support (any mechanism but council-commissioned), of all in long-term support.
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (people).

with people as (
    select
        records.area_code,
        records.period,
        1 as weight,
        delivery_mechanism <> 'Council-commissioned support' as meets
    from support_records as records
),

final as (
    select * from share_by_geography(people)
)

select * from final
