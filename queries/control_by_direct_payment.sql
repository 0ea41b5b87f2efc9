-- control_by_direct_payment: user survey
-- Control over daily life (Q3a = 1 or 2) for people with a direct payment (delivery mechanism
-- 1 or 2) and for people without one (3 council-managed budget, 4 council-commissioned only):
-- one row per area in the data and group, with respondents and with_control (unweighted
-- counts) and the weighted numerator and denominator.
-- $period: financial year, for example 2024-25

with answers as (
    select
        area_code,
        delivery_mechanism in (1, 2) as has_direct_payment,
        weight,
        meets as has_control
    from survey_measures()
    where measure = 'control'
        and period = $period
        and delivery_mechanism between 1 and 4
),

final as (
    select
        area_code,
        case when has_direct_payment then 'With a direct payment' else 'Without a direct payment' end as payment_group,
        count(*) as respondents,
        count(*) filter (where has_control) as with_control,
        coalesce(sum(weight) filter (where has_control), 0) as numerator,
        sum(weight) as denominator
    from answers
    group by all
    order by area_code, payment_group
)

select * from final
