-- indicator_decisions_with_self_advocates: coproduction activities
-- Decision activities (service specification, choosing providers, recruiting staff, commissioning decision) with at least one self-advocate taking part.
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        areas.region_code,
        source.period,
        1 as one,
        source.self_advocates > 0 as meets
    from coproduction_activities as source
    join areas using (area_code)
    where source.activity in ('writing a service specification', 'choosing providers', 'recruiting staff', 'commissioning decision')
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
    from records
    group by grouping sets ((area_code, period), (region_code, period), (period))
)

select * from final
