-- coproduction_decisions: co-production activities
-- Which decisions self-advocates and families took part in, over a run of financial years
-- (decisions are few in one year): one row per area with activities in those years and
-- decision (writing a service specification, choosing providers, recruiting staff; zero where
-- none), with decisions, with_self_advocates (at least one self-advocate took part) and
-- with_family_carers (at least one family carer took part).
-- $from_period: first financial year, for example 2022-23
-- $to_period: last financial year, for example 2024-25

with decision_types as (
    select * from (values
        (1, 'writing a service specification'), (2, 'choosing providers'), (3, 'recruiting staff')
    ) as d (decision_order, decision)
),

area_list as (
    select distinct area_code from coproduction_activities where period between $from_period and $to_period
),

activities as (
    select area_code, activity, self_advocates, family_carers
    from coproduction_activities
    where period between $from_period and $to_period
),

final as (
    select
        area_list.area_code,
        decision_types.decision_order,
        decision_types.decision,
        count(activities.activity) as decisions,
        count(activities.activity) filter (where activities.self_advocates > 0) as with_self_advocates,
        count(activities.activity) filter (where activities.family_carers > 0) as with_family_carers
    from area_list
    cross join decision_types
    left join activities
        on activities.area_code = area_list.area_code
        and activities.activity = decision_types.decision
    group by all
    order by area_list.area_code, decision_types.decision_order
)

select * from final
