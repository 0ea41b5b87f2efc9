-- indicator_self_advocate_share: co-production activities
-- Self-advocates as a share of everyone taking part (self-advocates, family carers,
-- professionals), counting places taken, not different people.
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count (self-advocate
-- places), base (all places), numerator and denominator (the same).

with places as (
    select
        activities.area_code,
        areas.region_code,
        activities.period,
        activities.self_advocates,
        activities.self_advocates + activities.family_carers + activities.professionals as everyone
    from coproduction_activities as activities
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
        sum(self_advocates) as count,
        sum(everyone) as base,
        sum(self_advocates) as numerator,
        sum(everyone) as denominator
    from places
    group by grouping sets ((area_code, period), (region_code, period), (period))
)

select * from final
