-- i_statement_answers: "I statement" check-ins
-- Answers to the I statements by theme: one row per area with check-ins in the year, theme and
-- answer (yes, sometimes, no; zero where nobody gave that answer), with answers.
-- $period: financial year, for example 2024-25

with answer_types as (
    select * from (values (1, 'yes'), (2, 'sometimes'), (3, 'no')) as a (answer_order, answer)
),

checkins as (
    select area_code, theme, answer
    from i_statement_checkins
    where period = $period
),

themes as (
    select distinct area_code, theme from checkins
),

final as (
    select
        themes.area_code,
        themes.theme,
        answer_types.answer_order,
        answer_types.answer,
        count(checkins.answer) as answers
    from themes
    cross join answer_types
    left join checkins
        on checkins.area_code = themes.area_code
        and checkins.theme = themes.theme
        and checkins.answer = answer_types.answer
    group by all
    order by themes.area_code, themes.theme, answer_types.answer_order
)

select * from final
