-- indicator_i_statements_yes: i statement checkins
-- 'Yes' answers to I statements, of all answers.
-- Rows by area, region and all areas, and year (share_by_geography): count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        source.period,
        1 as weight,
        source.answer = 'yes' as meets
    from i_statement_checkins as source
    where source.answer in ('yes', 'sometimes', 'no')
),

final as (
    select * from share_by_geography(records)
)

select * from final
