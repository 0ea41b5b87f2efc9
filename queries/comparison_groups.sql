-- comparison_groups: the named comparison groups editors have saved, one row per group and
-- member area (area_code), in group name order.

with members as (
    select
        groups.group_id,
        groups.group_name,
        groups.saved_by,
        groups.saved_at,
        members.area_code
    from comparison_groups as groups
    left join comparison_group_members as members using (group_id)
),

final as (
    select * from members
    order by group_name, area_code
)

select * from final
