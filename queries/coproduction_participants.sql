-- coproduction_participants: co-production activities
-- Who took part, for every area and year with activities: one row per area and year with
-- activities, self_advocates, family_carers and professionals (places taken across all
-- activities: one person at two activities counts twice) and people_paid (people paid or
-- reimbursed for their time).

with final as (
    select
        area_code,
        period,
        count(*) as activities,
        sum(self_advocates) as self_advocates,
        sum(family_carers) as family_carers,
        sum(professionals) as professionals,
        sum(people_paid) as people_paid
    from coproduction_activities
    group by all
    order by area_code, period
)

select * from final
