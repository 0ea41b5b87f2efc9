-- dp_agreement_statements: direct-payment experience survey
-- How far direct-payment holders agree with each of the four statements (1 strongly disagree
-- .. 5 strongly agree): one row per area in the data, statement and agreement level, with
-- holders (zero where nobody gave that answer). Unanswered statements are left out.
-- $period: financial year, for example 2024-25

with answers as (
    select area_code, statement_order, statement, agreement
    from dp_statement_answers()
    where period = $period
),

statements as (
    select distinct area_code, statement_order, statement from answers
),

levels as (
    select * from (values
        (1, 'Strongly disagree'), (2, 'Disagree'), (3, 'Neither agree nor disagree'), (4, 'Agree'), (5, 'Strongly agree')
    ) as l (agreement, agreement_label)
),

final as (
    select
        statements.area_code,
        statements.statement_order,
        statements.statement,
        levels.agreement,
        levels.agreement_label,
        count(answers.agreement) as holders
    from statements
    cross join levels
    left join answers
        on answers.area_code = statements.area_code
        and answers.statement_order = statements.statement_order
        and answers.agreement = levels.agreement
    group by all
    order by statements.area_code, statements.statement_order, levels.agreement
)

select * from final
