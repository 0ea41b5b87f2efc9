-- indicator_you_said_we_did: coproduction activities
-- 'You said, we did' actions completed, of all actions (open or completed).
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        areas.region_code,
        source.period,
        1 as weight,
        source.action_status = 'completed' as meets
    from coproduction_activities as source
    join areas using (area_code)
    where source.action_status in ('open', 'completed')
),

final as (
    select * from share_by_geography(records)
)

select * from final
