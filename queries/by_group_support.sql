-- by_group_support: support records
-- Direct payments and self-directed support for a set of areas and a year, split by age band,
-- primary support reason and mechanism of delivery (self-directed support only). Returns one
-- row per measure, split (dimension) and group: count and base (people), numerator and
-- denominator (the same people, unweighted), for Wilson intervals.
-- $area_codes: the ONS codes of the areas counted together (a list)
-- $period: the financial year

with records as (
    select
        age_band,
        support_reason,
        delivery_mechanism,
        delivery_mechanism in ('Direct Payment', 'Part Direct Payment') as direct_payment,
        delivery_mechanism <> 'Council-commissioned support' as self_directed
    from support_records
    where area_code in (select unnest($area_codes::varchar[]))
        and period = $period
),

answers as (
    select 'direct_payments' as measure, age_band, support_reason, direct_payment as meets from records
    union all
    select 'self_directed_support', age_band, support_reason, self_directed from records
),

final as (
    select
        measure,
        case when age_band is not null then 'age band' else 'primary support reason' end as dimension,
        coalesce(age_band, support_reason) as group_name,
        count(*) filter (where meets) as count,
        count(*) as base,
        count(*) filter (where meets)::double as numerator,
        count(*)::double as denominator
    from answers
    group by grouping sets ((measure, age_band), (measure, support_reason))
    order by measure, dimension, group_name
)

select * from final
