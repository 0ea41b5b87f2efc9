-- indicator_dp_paid_quickly: direct-payment experience survey
-- Direct-payment holders agreeing they get the money quickly without complicated procedures (4-5 of 1-5).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (people).

with final as (
    select * from dp_agreeing_by_geography('paid_quickly')
)

select * from final
