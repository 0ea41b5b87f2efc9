-- areas_in_data: the councils that have any figure in the database (local exports or
-- published ASCOF values), with their region and council type, in name order.

with codes as (
    select area_code from survey_responses
    union select area_code from support_records
    union select area_code from dp_experience
    union select area_code from breakdowns
    union select area_code from coproduction_activities
    union select area_code from i_statement_checkins
    union select area_code from cld_events
    union select geography_code as area_code from ascof_figures where geography_level = 'council'
),

final as (
    select
        areas.area_code,
        areas.area_name,
        areas.region_code,
        regions.region_name,
        areas.council_type
    from areas
    join regions using (region_code)
    where areas.area_code in (select area_code from codes)
    order by areas.area_name
)

select * from final
