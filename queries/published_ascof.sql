-- published_ascof: published ASCOF figures the dashboard uses, one row per concept,
-- geography and year, for the whole population (disaggregation 'Total').
-- geography_level is 'area' for councils, 'region' or 'england'. Outcome-only rows are kept:
-- numerator, denominator, base and margin_of_error are null where the file has none.

with published as (
    select *
    from ascof_figures
    where concept is not null
        and disaggregation = 'Total'
),

final as (
    select
        concept,
        case geography_level when 'council' then 'area' else geography_level end as geography_level,
        geography_code,
        period,
        outcome,
        numerator,
        denominator,
        base,
        margin_of_error,
        batch_id
    from published
)

select * from final
