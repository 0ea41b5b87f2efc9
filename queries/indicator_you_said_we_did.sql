-- indicator_you_said_we_did: coproduction activities
-- 'You said, we did' actions completed, of all actions (open or completed).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        source.period,
        1 as weight,
        source.action_status = 'completed' as meets
    from coproduction_activities as source
    where source.action_status in ('open', 'completed')
),

final as (
    select * from share_by_geography(records)
)

select * from final
