-- published_ascof: published ASCOF figures, one row per measure group, geography and year, for the
-- whole population (disaggregation 'Total'). Which measure group an indicator matches is its
-- catalogue entry's ascof_codes (dashboard/figures/indicators.py).
-- geography_level is 'area' for councils, 'region' or 'england'. Outcome-only rows are kept:
-- numerator, denominator, base and margin_of_error are null where the file has none.

with published as (
    select *
    from ascof_figures
    where disaggregation = 'Total'
),

final as (
    select
        measure_group,
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
