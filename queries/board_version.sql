-- board_version: one row, one column `version`: changes whenever the board's own records
-- (actions, meetings, self-assessments) change. The cache key for built meetings.

with parts as (
    select 'a' as part, count(*) as n, max(greatest(recorded_at, coalesce(updated_at, recorded_at))) as latest,
           sum(action_id) as ids
    from board_actions
    union all
    select 'm', count(*), max(recorded_at), sum(meeting_id) from board_meetings
    union all
    select 's', count(*), max(assessed_at), sum(assessment_id) from self_assessments
),

final as (
    select string_agg(part || n || ':' || coalesce(cast(latest as varchar), '') || ':' || coalesce(cast(ids as varchar), ''), '|' order by part) as version
    from parts
)

select * from final
