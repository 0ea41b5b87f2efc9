-- breakdowns_by_category: collaboration breakdowns and support records
-- Breakdowns by category for every area and year that has people in long-term support (the
-- denominator of a rate per 1,000): one row per area, year and category (all seven categories,
-- zero where none was recorded), with breakdowns and people_supported.

with categories as (
    select * from (values
        (1, 'transition to adult services'),
        (2, 'hospital or ATU discharge'),
        (3, 'housing'),
        (4, 'NHS specialist commissioning'),
        (5, 'crisis response'),
        (6, 'provider handover'),
        (7, 'other')
    ) as c (category_order, category)
),

people_supported as (
    select area_code, period, count(*) as people
    from support_records
    group by all
),

recorded as (
    select area_code, period, category, count(*) as events
    from breakdowns
    group by all
),

final as (
    select
        people_supported.area_code,
        people_supported.period,
        categories.category_order,
        categories.category,
        coalesce(recorded.events, 0) as breakdowns,
        people_supported.people as people_supported
    from people_supported
    cross join categories
    left join recorded
        on recorded.area_code = people_supported.area_code
        and recorded.period = people_supported.period
        and recorded.category = categories.category
    order by people_supported.area_code, people_supported.period, categories.category_order
)

select * from final
