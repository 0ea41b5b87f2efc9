-- action_update: changes one action's fields (a null parameter leaves that field as it is) and
-- returns the action_id changed (no row when there is no such action). completed_at is set when
-- the status becomes completed and cleared when it is reopened.
-- $action_id: the action to change
-- $indicator_id: new indicator id, or null to keep
-- $raised: new "you said" text, or null to keep
-- $action: new "we did" text, or null to keep
-- $owner: new owner, or null to keep
-- $due_date: new due date, or null to keep
-- $clear_due_date: true to remove the due date
-- $status: new status (open, in progress, completed), or null to keep
-- $updated_by: the editor making the change

update board_actions
set
    indicator_id = coalesce($indicator_id, indicator_id),
    raised = coalesce($raised, raised),
    action = coalesce($action, action),
    owner = coalesce($owner, owner),
    due_date = case when $clear_due_date then null else coalesce(cast($due_date as date), due_date) end,
    completed_at = case
        when coalesce($status, status) = 'completed' then coalesce(completed_at, current_timestamp)
    end,
    status = coalesce($status, status),
    updated_by = $updated_by,
    updated_at = current_timestamp
where action_id = $action_id
returning action_id
