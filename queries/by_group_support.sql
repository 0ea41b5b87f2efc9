-- by_group_support: support records
-- Direct payments and self-directed support for each council and year, split by age band,
-- primary support reason and mechanism of delivery (self-directed support only). Returns one
-- row per measure, split (dimension) and group: count and base (people), numerator and
-- denominator (the same people, unweighted), for Wilson intervals.
-- One row per council and year too (area_code, period): the release layer reads every council's
-- splits in one statement and adds councils up itself.

with records as (
    select
        area_code,
        period,
        age_band,
        support_reason,
        delivery_mechanism,
        delivery_mechanism in ('Direct Payment', 'Part Direct Payment') as direct_payment,
        delivery_mechanism <> 'Council-commissioned support' as self_directed
    from support_records
),

answers as (
    select area_code, period, 'direct_payments' as measure, age_band, support_reason, direct_payment as meets from records
    union all
    select area_code, period, 'self_directed_support', age_band, support_reason, self_directed from records
),

final as (
    select
        area_code,
        period,
        measure,
        case when age_band is not null then 'age band' else 'primary support reason' end as dimension,
        coalesce(age_band, support_reason) as group_name,
        count(*) filter (where meets) as count,
        count(*) as base,
        count(*) filter (where meets)::double as numerator,
        count(*)::double as denominator
    from answers
    group by grouping sets ((area_code, period, measure, age_band), (area_code, period, measure, support_reason))
    order by area_code, period, measure, dimension, group_name
)

select * from final
