-- meeting_group_figures: survey indicators (control, choice, satisfaction) for one area and
-- period split by group: age band, primary support reason and how support is arranged (direct
-- payment or not). One row per indicator, dimension and group with count and base (people,
-- unweighted) and numerator and denominator (weighted). Not yet suppressed: the caller applies
-- the small-numbers rule (primary and secondary) before anything is shown.
-- $area_code: ONS code of the area
-- $period: the data period (e.g. 2024-25)

with answers as (
    select
        age_band,
        support_reason,
        case when delivery_mechanism in (1, 2) then 'Direct payment (all or part)'
             else 'No direct payment' end as arranged,
        weight,
        q3a_control,
        q2c_choice,
        q1_satisfaction
    from survey_responses
    where area_code = $area_code and period = $period
),

measures as (
    select 'control' as indicator_id, age_band, support_reason, arranged, weight,
           q3a_control in (1, 2) as meets
    from answers where q3a_control between 1 and 4
    union all
    select 'choice', age_band, support_reason, arranged, weight, q2c_choice = 1
    from answers where q2c_choice in (1, 2, 3)
    union all
    select 'satisfaction', age_band, support_reason, arranged, weight, q1_satisfaction in (1, 2)
    from answers where q1_satisfaction between 1 and 7
),

by_group as (
    select indicator_id, 'Age band' as dimension, age_band as group_name, meets, weight from measures
    union all
    select indicator_id, 'Primary support reason', support_reason, meets, weight from measures
    union all
    select indicator_id, 'How support is arranged', arranged, meets, weight from measures
),

final as (
    select
        indicator_id,
        dimension,
        group_name,
        count(*) filter (where meets) as count,
        count(*) as base,
        coalesce(sum(weight) filter (where meets), 0) as numerator,
        sum(weight) as denominator
    from by_group
    group by indicator_id, dimension, group_name
    order by indicator_id, dimension, group_name
)

select * from final
