-- indicator_dp_flexible_use: direct-payment experience survey
-- Direct-payment holders agreeing they can use it flexibly (4-5 of 1-5).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (people).

with final as (
    select * from dp_agreeing_by_geography('use_flexibly')
)

select * from final
