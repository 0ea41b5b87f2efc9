-- 005_cld_events: NHS England's adult social care Client Level Data (CLD), one row per event
-- as the council submitted it. Submissions stack (NHS England keeps every one): the ASCOF query
-- picks the latest submission per council in each window, as NHS England's code does.
-- Person identifiers are keyed codes (HMAC-SHA256), never the raw NHS number or council id.

create table cld_events (
    batch_id                 integer not null,
    record_id                integer not null,   -- the row in its file (NHS England's Der_Unique_Record_ID)
    area_code                varchar not null,   -- LA_Code (ONS code)
    submission               varchar not null,   -- "2023-24 Q4 (submitted 20/04/2024 10:15)": the import key
    reporting_period_start   date not null,
    reporting_period_end     date not null,
    import_date              timestamp not null, -- ImportDate: when the submission reached NHS England
    nhs_key                  varchar,            -- keyed code of the NHS number (null when there is none)
    la_person_key            varchar,            -- keyed code of the council's person identifier
    birth_month              integer,
    birth_year               integer,
    date_of_death            date,
    client_type              varchar,
    primary_support_reason   varchar,
    event_type               varchar,
    event_start_date         date,
    event_end_date           date,
    event_outcome            varchar,
    service_type             varchar,
    service_component        varchar,
    delivery_mechanism       varchar
);

create table replaced_cld_events as select 0::integer as replaced_by, * from cld_events limit 0;
