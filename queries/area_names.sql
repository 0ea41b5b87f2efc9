-- area_names: every council the dashboard knows, code and name (to name the areas of board
-- records, which live in the records store, not in the analytic snapshot).

with final as (
    select area_code, area_name
    from areas
    order by area_code
)

select * from final
