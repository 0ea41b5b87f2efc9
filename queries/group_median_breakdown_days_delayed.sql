-- group_median_breakdown_days_delayed: collaboration breakdowns
-- Median days delayed per recorded breakdown, over a group of areas together (a comparison
-- group's benchmark): one row (median_of_group).
-- $area_codes: the ONS codes of the group's areas (a list)
-- $period: the financial year

with durations as (
    select breakdowns.days_delayed as days
    from breakdowns
    where breakdowns.area_code in (select unnest($area_codes::varchar[]))
        and breakdowns.period = $period
),

final as (
    select * from median_of_group(durations)
)

select * from final
