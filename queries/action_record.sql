-- action_record: records one "you said, we did" action and returns its new action_id.
-- $area_code: ONS code of the area whose board agreed the action
-- $indicator_id: catalogue indicator the action is about (null for a general action)
-- $raised: what self-advocates and families raised ("you said")
-- $action: the action agreed ("we did")
-- $owner: who will do it
-- $due_date: date it should be done by (null if none)
-- $status: open, in progress or completed
-- $recorded_by: the editor recording it

insert into board_actions (
    area_code, indicator_id, raised, action, owner, due_date, status, recorded_by,
    recorded_at, completed_at
)
values (
    $area_code, $indicator_id, $raised, $action, $owner, cast($due_date as date), $status, $recorded_by,
    current_timestamp,
    case when $status = 'completed' then current_timestamp end
)
returning action_id
