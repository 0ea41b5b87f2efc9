-- indicator_people_paid_for_time: co-production activities
-- People paid or reimbursed for their time, of self-advocates and family carers taking
-- part, counting places taken, not different people.
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count (people paid),
-- base (self-advocate and family carer places), numerator and denominator (the same).

with places as (
    select
        activities.area_code,
        areas.region_code,
        activities.period,
        least(activities.people_paid, activities.self_advocates + activities.family_carers) as paid,
        activities.self_advocates + activities.family_carers as everyone
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
        sum(paid) as count,
        sum(everyone) as base,
        sum(paid) as numerator,
        sum(everyone) as denominator
    from places
    group by grouping sets ((area_code, period), (region_code, period), (period))
)

select * from final
