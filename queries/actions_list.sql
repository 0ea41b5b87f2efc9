-- actions_list: "you said, we did" actions with their area name, open ones first (then in
-- progress, then completed), each group by due date. One row per action.
-- $area_code: ONS code to show one area's actions, or null for every area
-- $status: open, in progress or completed to show one status, or null for all

with chosen as (
    select *
    from board_actions
    where (cast($area_code as varchar) is null or area_code = $area_code)
      and (cast($status as varchar) is null or status = $status)
),

final as (
    select
        chosen.action_id,
        chosen.area_code,
        coalesce(areas.area_name, chosen.area_code) as area_name,
        chosen.indicator_id,
        chosen.raised,
        chosen.action,
        chosen.owner,
        chosen.due_date,
        chosen.status,
        chosen.recorded_by,
        chosen.recorded_at,
        chosen.completed_at,
        chosen.updated_by,
        chosen.updated_at
    from chosen
    left join areas using (area_code)
    order by
        case chosen.status when 'open' then 0 when 'in progress' then 1 else 2 end,
        chosen.due_date nulls last,
        chosen.action_id
)

select * from final
