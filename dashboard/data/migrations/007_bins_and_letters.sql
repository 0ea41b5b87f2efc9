-- More shared SQL for the named queries (see 006_shared_sql.sql).
--
-- days_in_bins(durations): how many values fall in each bin of days (never single records).
--   ``durations`` has area_code and days (one row per value; negative days count as 0). One row
--   per area in ``durations`` and bin (zero where a bin is empty): area_code, bin_order,
--   bin_label, counted. Bins: 0-7, 8-14, 15-28, 29-56, 57-91, 92 or more days.
-- dp_letters_by_geography(letter): the direct-payment experience survey's letters of one kind
--   ('clawback' or 'unauthorised_spend') per holder who answered, rolled up by
--   rate_by_geography: count and numerator the letters, base and denominator the holders.

create or replace macro days_in_bins(durations) as table
    with bins as (
        select * from (values
            (1, '0 to 7 days', 0, 7),
            (2, '8 to 14 days', 8, 14),
            (3, '15 to 28 days', 15, 28),
            (4, '29 to 56 days', 29, 56),
            (5, '57 to 91 days', 57, 91),
            (6, '92 days or more', 92, 100000)
        ) as b (bin_order, bin_label, low_days, high_days)
    ),
    clipped as (
        select durations.area_code, greatest(durations.days, 0) as days
        from query_table(durations) as durations
    ),
    areas_with_values as (
        select distinct area_code from clipped
    )
    select
        areas_with_values.area_code,
        bins.bin_order,
        bins.bin_label,
        count(clipped.days) as counted
    from areas_with_values
    cross join bins
    left join clipped
        on clipped.area_code = areas_with_values.area_code
        and clipped.days between bins.low_days and bins.high_days
    group by all
    order by areas_with_values.area_code, bins.bin_order;

create or replace macro dp_letters_by_geography(letter) as table
    with per_area as (
        select
            area_code,
            period,
            sum(case letter
                when 'clawback' then clawback_letters
                when 'unauthorised_spend' then unauthorised_spend_letters
            end) as events,
            count(*) as people
        from dp_experience
        group by all
    )
    select * from rate_by_geography(per_area);
