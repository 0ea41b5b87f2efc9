-- self_assessments_list: an area's self-assessment ratings, newest first, with is_latest true
-- on the current rating for each domain (the most recent one).
-- $area_code: ONS code of the area

with ranked as (
    select
        *,
        row_number() over (partition by domain_id order by assessed_at desc, assessment_id desc) as position
    from self_assessments
    where area_code = $area_code
),

final as (
    select
        assessment_id, area_code, domain_id, rating, evidence, data_period, assessed_by, assessed_at,
        position = 1 as is_latest
    from ranked
    order by assessed_at desc, assessment_id desc
)

select * from final
