-- Shared SQL for the named queries (queries/*.sql), so each query states only what is its own.
--
-- share_by_geography(answers): the geography roll-up of a share. ``answers`` (a CTE or table)
--   has one row per person or answer with area_code, period, weight (1 where people are not
--   weighted) and meets (counted in the numerator); areas not in ``areas`` are left out, each
--   area is counted in its region. Returns one row per
--   geography and financial year: each area, each region (over the areas in the data) and all
--   areas together (geography_level 'all'), with count and base (rows, unweighted) and
--   numerator and denominator (weighted).
-- rate_by_geography(per_area): the same roll-up of a rate. ``per_area`` has area_code,
--   period, events and people; count and numerator are the events, base and
--   denominator the people.
-- survey_measures(): the user survey's questions as measures, each defined once: one row per
--   response and measure it answers (measure, area_code, period, weight, age_band,
--   support_reason, delivery_mechanism, meets).
-- survey_answers(wanted_measure): one measure's answers, ready for share_by_geography.

create or replace macro share_by_geography(answers) as table
    select
        case
            when area_code is not null then 'area'
            when region_code is not null then 'region'
            else 'all'
        end as geography_level,
        coalesce(area_code, region_code, 'all') as geography_code,
        period,
        count(*) filter (where meets) as count,
        count(*) as base,
        coalesce(sum(weight) filter (where meets), 0) as numerator,
        sum(weight) as denominator
    from (
        select answers.area_code, areas.region_code, answers.period, answers.weight, answers.meets
        from query_table(answers) as answers
        join areas using (area_code)
    )
    group by grouping sets ((area_code, period), (region_code, period), (period));

create or replace macro rate_by_geography(per_area) as table
    select
        case
            when area_code is not null then 'area'
            when region_code is not null then 'region'
            else 'all'
        end as geography_level,
        coalesce(area_code, region_code, 'all') as geography_code,
        period,
        sum(events) as count,
        sum(people) as base,
        sum(events) as numerator,
        sum(people) as denominator
    from (
        select per_area.area_code, areas.region_code, per_area.period, per_area.events, per_area.people
        from query_table(per_area) as per_area
        join areas using (area_code)
    )
    group by grouping sets ((area_code, period), (region_code, period), (period));

create or replace macro survey_measures() as table
    -- choice: enough choice over care and support (Q2c = 1 of 1-3)
    select 'choice' as measure, area_code, period, weight, age_band, support_reason, delivery_mechanism,
        q2c_choice = 1 as meets
    from survey_responses where q2c_choice in (1, 2, 3)
    union all
    -- information: easy to find information (Q12 = 2 or 3 of 2-5; never tried left out)
    select 'information', area_code, period, weight, age_band, support_reason, delivery_mechanism,
        q12_information in (2, 3)
    from survey_responses where q12_information between 2 and 5
    union all
    -- control: control over daily life (Q3a = 1 or 2 of 1-4)
    select 'control', area_code, period, weight, age_band, support_reason, delivery_mechanism,
        q3a_control in (1, 2)
    from survey_responses where q3a_control between 1 and 4
    union all
    -- social_contact: as much social contact as they would like (Q8a = 1 of 1-4)
    select 'social_contact', area_code, period, weight, age_band, support_reason, delivery_mechanism,
        q8a_social_contact = 1
    from survey_responses where q8a_social_contact between 1 and 4
    union all
    -- satisfaction: extremely or very satisfied with care and support (Q1 = 1 or 2 of 1-7)
    select 'satisfaction', area_code, period, weight, age_band, support_reason, delivery_mechanism,
        q1_satisfaction in (1, 2)
    from survey_responses where q1_satisfaction between 1 and 7;

create or replace macro survey_answers(wanted_measure) as table
    select * from survey_measures() where measure = wanted_measure;

-- median_lower(sorted_values, n, level) and median_upper(...): a median's interval at level 95
-- or 99.8 from order statistics, ranks n/2 -+ z * sqrt(n) / 2 of the n sorted values (the ranks
-- of dashboard/figures/stats.py median_interval_ranks; median_z gives z).
create or replace macro median_z(level) as case level when 95 then 1.959964 when 99.8 then 3.090232 end;

create or replace macro median_lower(sorted_values, n, level) as
    sorted_values[greatest(1, floor(n / 2.0 - median_z(level) * sqrt(n) / 2)::integer)];

create or replace macro median_upper(sorted_values, n, level) as
    sorted_values[least(n, ceil(1 + n / 2.0 + median_z(level) * sqrt(n) / 2)::integer)];

-- median_by_geography(durations): a median indicator's rows. ``durations`` has area_code,
--   period and days (one row per value); areas not in ``areas`` are left out. Areas get the
--   median and its intervals; regions and all areas the median only (benchmarks need no
--   interval, and sorting every value in England would cost more than it tells). count is the
--   base; numerator and denominator are null.
create or replace macro median_by_geography(durations) as table
    with located as (
        select durations.area_code, areas.region_code, durations.period, durations.days
        from query_table(durations) as durations
        join areas using (area_code)
    ),
    per_area as (
        select
            'area' as geography_level,
            area_code as geography_code,
            period,
            count(*) as base,
            median(days) as value,
            list_sort(list(days)) as sorted_days
        from located
        group by area_code, period
    ),
    benchmarks as (
        select
            case when region_code is not null then 'region' else 'all' end as geography_level,
            coalesce(region_code, 'all') as geography_code,
            period,
            count(*) as base,
            median(days) as value
        from located
        group by grouping sets ((region_code, period), (period))
    )
    select
        geography_level,
        geography_code,
        period,
        base as count,
        base,
        null::double as numerator,
        null::double as denominator,
        value,
        median_lower(sorted_days, base, 95) as lower_95,
        median_upper(sorted_days, base, 95) as upper_95,
        median_lower(sorted_days, base, 99.8) as lower_998,
        median_upper(sorted_days, base, 99.8) as upper_998
    from per_area
    union all by name
    select *, base as count, null::double as numerator, null::double as denominator
    from benchmarks;

-- median_of_group(durations): one row for values taken together (a comparison group's
--   benchmark): base, value (the median) and its 95% and 99.8% interval bounds.
create or replace macro median_of_group(durations) as table
    with grouped as (
        select count(*) as base, median(days) as value, list_sort(list(days)) as sorted_days
        from query_table(durations)
    )
    select
        base,
        value,
        median_lower(sorted_days, base, 95) as lower_95,
        median_upper(sorted_days, base, 95) as upper_95,
        median_lower(sorted_days, base, 99.8) as lower_998,
        median_upper(sorted_days, base, 99.8) as upper_998
    from grouped;

-- breakdowns_per_person_supported(wanted_category): per area and year, the breakdowns recorded
--   (events; in wanted_category, or every category when it is null) and the people in
--   long-term support (people). Areas with breakdowns but no support records are left out:
--   there is nothing to divide by. Ready for rate_by_geography.
create or replace macro breakdowns_per_person_supported(wanted_category) as table
    with people_supported as (
        select area_code, period, count(*) as people
        from support_records
        group by all
    ),
    breakdowns_recorded as (
        select area_code, period, count(*) as events
        from breakdowns
        where wanted_category is null or category = wanted_category
        group by all
    )
    select
        people_supported.area_code,
        people_supported.period,
        coalesce(breakdowns_recorded.events, 0) as events,
        people_supported.people
    from people_supported
    left join breakdowns_recorded using (area_code, period);
