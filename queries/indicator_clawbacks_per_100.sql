-- indicator_clawbacks_per_100: direct-payment experience survey
-- Money-recovered (clawback) letters per direct-payment holder who answered (the page multiplies by 100).
-- Rows by area, region and all areas, and year (rate_by_geography): count (letters), base
-- (holders), numerator (letters) and denominator (holders).

with final as (
    select * from dp_letters_by_geography('clawback')
)

select * from final
