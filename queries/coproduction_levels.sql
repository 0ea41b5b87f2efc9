-- coproduction_levels: co-production activities
-- Activities by level of involvement for every area and year with activities: one row per
-- area, year and level (all five levels in order, zero where none), with activities.

with levels as (
    select * from (values
        (1, 'informed'), (2, 'consulted'), (3, 'engaged'), (4, 'co-designed'), (5, 'co-produced')
    ) as l (level_order, level)
),

area_years as (
    select distinct area_code, period from coproduction_activities
),

recorded as (
    select area_code, period, level, count(*) as activities
    from coproduction_activities
    group by all
),

final as (
    select
        area_years.area_code,
        area_years.period,
        levels.level_order,
        levels.level,
        coalesce(recorded.activities, 0) as activities
    from area_years
    cross join levels
    left join recorded
        on recorded.area_code = area_years.area_code
        and recorded.period = area_years.period
        and recorded.level = levels.level
    order by area_years.area_code, area_years.period, levels.level_order
)

select * from final
