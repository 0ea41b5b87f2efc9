-- indicator_i_statements_yes: i statement checkins
-- 'Yes' answers to I statements, of all answers.
-- Returns one row per geography and financial year: each area, each region (over the areas
-- in the data) and all areas together (geography_level 'all'), with count and base (records) and numerator and denominator (one per record).

with records as (
    select
        source.area_code,
        areas.region_code,
        source.period,
        1 as weight,
        source.answer = 'yes' as meets
    from i_statement_checkins as source
    join areas using (area_code)
    where source.answer in ('yes', 'sometimes', 'no')
),

final as (
    select * from share_by_geography(records)
)

select * from final
