-- indicator_breakdowns_per_1000: collaboration breakdowns and support records
-- Breakdowns recorded in the financial year per person in long-term support (the page
-- multiplies by 1,000). (breakdowns_per_person_supported)
-- Rows by area, region and all areas, and year (rate_by_geography): count (breakdowns), base
-- (people supported), numerator (breakdowns) and denominator (people supported).

with per_area as (
    select * from breakdowns_per_person_supported(null)
),

final as (
    select * from rate_by_geography(per_area)
)

select * from final
