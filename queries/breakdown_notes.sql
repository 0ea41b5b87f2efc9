-- breakdown_notes: collaboration breakdowns (editors only: free-text notes)
-- The recorded breakdowns of one area and year with their free-text notes, newest first: for
-- signed-in editors only; never shown to viewers or put in a download.
-- $area_code: the council's ONS code, for example E08000035
-- $period: financial year, for example 2024-25

with recorded as (
    select breakdown_date, category, days_delayed, people_affected, resolved_date, escalated, note
    from breakdowns
    where area_code = $area_code
        and period = $period
),

final as (
    select * from recorded
    order by breakdown_date desc, category
)

select * from final
