-- coproduction_actions: co-production activities
-- "You said, we did" at activity level, for every area and year with activities: one row per
-- area and year with actions (activities where people raised something), completed_actions
-- and open_actions.

with final as (
    select
        area_code,
        period,
        count(*) filter (where action_status in ('open', 'completed')) as actions,
        count(*) filter (where action_status = 'completed') as completed_actions,
        count(*) filter (where action_status = 'open') as open_actions
    from coproduction_activities
    group by all
    order by area_code, period
)

select * from final
