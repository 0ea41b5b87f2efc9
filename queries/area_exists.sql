-- area_exists: one row with the area's name if the ONS code is a known council, else no row.
-- $area_code: ONS code to look up

with final as (
    select area_code, area_name from areas where area_code = $area_code
)

select * from final
