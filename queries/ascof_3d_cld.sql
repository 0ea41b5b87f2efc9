-- ascof_3d_cld: ASCOF 3D parts 1a (self-directed support) and 2a (direct payments) for service
-- users, from Client Level Data, as NHS England's published replication code works them out
-- (NHSDigital/ASC-Client-Level-Data-SALT-ASCOF-transformations, "ASCOF 3D replication code"):
--   1. each financial year's window: the latest submission (by ImportDate) per council whose
--      reporting periods start on or before 1 April and end on or after the snapshot (31 March),
--      received after the snapshot and on or before the deadline (1 May, the code's worked example);
--   2. long-term support events (nursing, residential, community, prison) of service users open
--      at the snapshot (started on or before it, not ended before it), not dead before it, with a
--      birth month and year; age at the snapshot = floor(days since the 1st of the birth month / 365.25);
--   3. one id per person: the NHS number, else the council's person id unless that id also
--      appears with an NHS number (then the row is dropped: it cannot be placed safely);
--   4. a delivery mechanism that is not valid for the service type is blanked; each person is
--      placed once, at the highest setting of the SALT hierarchy (nursing 1 ... community direct
--      payment 3, where a community service component of Direct Payment also counts as 3);
--   5. per council: community people (denominator); of them with a direct payment in delivery
--      mechanism or service component, or a council-managed personal budget (1a); with a direct
--      payment (2a). Totals (every age, as the code's Total table) and 18-64, 65 and over.
-- Joins follow the code, including where they do not key on the council (steps 3 and 4).
-- Returns one row per council, year and disaggregation (Total, 18-64, 65 and over) with
-- denominator, sds_numerator and dp_numerator (people); outcomes are rounded in Python
-- (dashboard/data/cld.py) as SQL Server's ROUND does.

with years as (
    select
        period,
        start_date as window_start,
        end_date as snapshot_date,
        cast(end_date + interval 1 month + interval 1 day as date) as deadline
    from periods
    where period_type = 'year'
),

submissions as (
    select
        area_code,
        import_date,
        min(reporting_period_start) as reporting_start,
        max(reporting_period_end) as reporting_end
    from cld_events
    group by area_code, import_date
),

latest as (
    select
        years.period,
        years.snapshot_date,
        submissions.area_code,
        submissions.import_date,
        row_number() over (partition by years.period, submissions.area_code order by submissions.import_date desc) as newest
    from years
    join submissions
        on submissions.reporting_start <= years.window_start
        and submissions.reporting_end >= years.snapshot_date
        and submissions.import_date > years.snapshot_date
        and cast(submissions.import_date as date) <= years.deadline
),

build as (
    select
        latest.period,
        events.batch_id,
        events.record_id,
        events.area_code,
        events.nhs_key,
        events.la_person_key,
        events.service_type,
        events.service_component,
        events.delivery_mechanism,
        date_diff('day', make_date(events.birth_year, events.birth_month, 1), latest.snapshot_date) * 4 // 1461 as age
    from cld_events as events
    join latest
        on latest.newest = 1
        and events.area_code = latest.area_code
        and events.import_date = latest.import_date
    where events.service_type in ('Long Term Support: Nursing Care', 'Long Term Support: Residential Care',
                                  'Long Term Support: Community', 'Long Term Support: Prison')
        and events.client_type = 'Service User'
        and events.event_start_date <= latest.snapshot_date
        and (events.event_end_date >= latest.snapshot_date or events.event_end_date is null)
        and (events.date_of_death >= latest.snapshot_date or events.date_of_death is null)
        and events.birth_month is not null
        and events.birth_year is not null
),

nhs_people as (
    select distinct period, la_person_key
    from build
    where nhs_key is not null
),

identified as (
    select
        build.*,
        case
            when build.nhs_key is not null then build.nhs_key
            when not exists (
                select 1 from nhs_people
                where nhs_people.period = build.period and nhs_people.la_person_key = build.la_person_key
            ) then build.la_person_key
        end as person_id
    from build
),

hierarchy (service_type, delivery_mechanism, rank) as (
    values
        ('Long Term Support: Nursing Care', '', 1),
        ('Long Term Support: Residential Care', '', 2),
        ('Long Term Support: Community', 'Direct Payment', 3),
        ('Long Term Support: Community', 'CASSR Managed Personal Budget', 4),
        ('Long Term Support: Community', 'CASSR Commissioned Support', 5),
        ('Long Term Support: Community', '', 6),
        ('Long Term Support: Prison', 'CASSR Managed Personal Budget', 7),
        ('Long Term Support: Prison', 'CASSR Commissioned Support', 8),
        ('Long Term Support: Prison', '', 9)
),

cleaned as (
    select
        identified.*,
        case
            when identified.service_type in ('Long Term Support: Community', 'Long Term Support: Prison')
                and exists (
                    select 1 from hierarchy
                    where trim(hierarchy.service_type) = trim(identified.service_type)
                        and trim(hierarchy.delivery_mechanism) = trim(identified.delivery_mechanism)
                )
                then identified.delivery_mechanism
            else ''
        end as mechanism
    from identified
    where identified.person_id is not null
),

ranked as (
    select
        cleaned.*,
        case
            when cleaned.service_type = 'Long Term Support: Community' and cleaned.service_component = 'Direct Payment' then 3
            else hierarchy.rank
        end as rank
    from cleaned
    left join hierarchy
        on trim(cleaned.service_type) = trim(hierarchy.service_type)
        and trim(cleaned.mechanism) = trim(hierarchy.delivery_mechanism)
),

banded as (
    select 'Total' as disaggregation, * from ranked
    union all
    select '18-64' as disaggregation, * from ranked where age between 18 and 64
    union all
    select '65 and over' as disaggregation, * from ranked where age > 64
),

lowest as (
    select period, disaggregation, area_code, person_id, min(rank) as rank
    from banded
    group by period, disaggregation, area_code, person_id
),

placed as (
    -- the code joins each row to the lowest rank on the person and rank only (not the council)
    select distinct
        banded.period,
        banded.disaggregation,
        banded.area_code,
        banded.person_id,
        banded.service_type,
        banded.service_component,
        banded.mechanism
    from banded
    join lowest
        on banded.period = lowest.period
        and banded.disaggregation = lowest.disaggregation
        and banded.person_id = lowest.person_id
        and banded.rank = lowest.rank
),

final as (
    select
        area_code,
        period,
        disaggregation,
        count(distinct person_id) filter (where service_type = 'Long Term Support: Community') as denominator,
        count(distinct person_id) filter (
            where service_type = 'Long Term Support: Community'
                and (mechanism = 'Direct Payment' or service_component = 'Direct Payment'
                     or mechanism = 'CASSR Managed Personal Budget')
        ) as sds_numerator,
        count(distinct person_id) filter (
            where service_type = 'Long Term Support: Community'
                and (mechanism = 'Direct Payment' or service_component = 'Direct Payment')
        ) as dp_numerator
    from placed
    group by area_code, period, disaggregation
    having count(distinct person_id) filter (where service_type = 'Long Term Support: Community') > 0
)

select * from final
