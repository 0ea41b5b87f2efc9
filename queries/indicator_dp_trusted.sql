-- indicator_dp_trusted: direct-payment experience survey
-- Direct-payment holders agreeing they are trusted to decide how to spend it (4-5 of 1-5).
-- Rows by area, region and all areas, and year (share_by_geography): count and base (people,
-- unweighted) and numerator and denominator (people).

with final as (
    select * from dp_agreeing_by_geography('trusted_to_decide')
)

select * from final
