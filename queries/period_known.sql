-- period_known: one row if the period is one the database knows (e.g. 2024-25), else no row.
-- $period: the period to look up

with final as (
    select period, period_type, sort_key from periods where period = $period
)

select * from final
