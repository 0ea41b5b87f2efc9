-- 001_initial: reference tables, import history and one table per dataset in domain.md.
-- Every dataset row carries the import batch that brought it, so a batch can be undone.

create table regions (
    region_code   varchar primary key,   -- ONS code, E12000003
    short_code    varchar not null,      -- ASCOF code, YH
    region_name   varchar not null
);

create table areas (
    area_code     varchar primary key,   -- ONS code, E08000035
    cassr_code    varchar not null,
    area_name     varchar not null,
    region_code   varchar not null references regions (region_code),
    council_type  varchar not null
);

create table periods (
    period          varchar primary key, -- 2023-24 or 2023-24 Q2
    period_type     varchar not null,    -- year or quarter
    financial_year  varchar not null,    -- 2023-24
    quarter         integer,             -- 1..4 for quarters
    start_date      date not null,
    end_date        date not null,
    sort_key        integer not null
);

create table import_batches (
    batch_id      integer primary key,
    dataset       varchar not null,
    file_name     varchar not null,
    content_hash  varchar not null,
    row_count     integer not null,
    periods       varchar,
    imported_by   varchar not null,
    imported_at   timestamp not null default current_timestamp,
    status        varchar not null default 'active'  -- active or undone
);

-- published ASCOF figures: one row per geography, year, measure code and breakdown
create table ascof_figures (
    batch_id          integer not null,
    geography_level   varchar not null,  -- council, region, england
    geography_code    varchar not null,  -- ONS code (E08000035, E12000003, E92000001)
    period            varchar not null,  -- financial year
    measure_code      varchar not null,  -- as published in that year (1B, 3A, 1C2A1864, ...)
    measure_group     varchar not null,  -- as published (1B, 1C2A, ...)
    concept           varchar,           -- year-aware meaning: control, direct_payments, ...
    disaggregation    varchar not null,  -- Total, 18-64, 65 and over, Female, Male, ...
    outcome           double,            -- percentage or score as published
    numerator         double,
    denominator       double,
    base              double,            -- survey respondents
    margin_of_error   double
);

-- user survey (ASCS style): one respondent
create table survey_responses (
    batch_id            integer not null,
    area_code           varchar not null,
    period              varchar not null,
    age_band            varchar not null,   -- 18-64, 65 and over
    support_reason      varchar not null,   -- primary support reason
    support_setting     varchar not null,   -- community, residential, nursing
    delivery_mechanism  integer not null,   -- 1 DP only, 2 part DP, 3 council-managed PB, 4 council-commissioned only
    q1_satisfaction     integer,            -- 1..7
    q2c_choice          integer,            -- 1 enough, 2 not enough, 3 do not want or need choice
    q3a_control         integer,            -- 1..4
    q8a_social_contact  integer,            -- 1..4
    q12_information     integer,            -- 1 never tried, 2..5 very easy .. very difficult
    weight              double not null default 1.0
);

-- support records (client level): one person's long-term support at a date
create table support_records (
    batch_id            integer not null,
    person_key          varchar not null,   -- keyed hash, never the raw identifier
    area_code           varchar not null,
    period              varchar not null,
    age_band            varchar not null,
    support_reason      varchar not null,
    delivery_mechanism  varchar not null,   -- Direct Payment, Part Direct Payment, Council-managed personal budget, Individual Service Fund, Council-commissioned support
    dp_use              varchar,            -- employs personal assistants, agency, other
    date_agreed         date,
    date_first_paid     date
);

-- direct-payment experience survey: one DP holder's answers
create table dp_experience (
    batch_id                    integer not null,
    area_code                   varchar not null,
    period                      varchar not null,
    use_flexibly                integer,    -- agreement 1 (strongly disagree) .. 5 (strongly agree)
    know_how_much               integer,
    paid_quickly                integer,
    trusted_to_decide           integer,
    clawback_letters            integer not null default 0,
    unauthorised_spend_letters  integer not null default 0
);

-- collaboration breakdowns: one recorded breakdown
create table breakdowns (
    batch_id         integer not null,
    area_code        varchar not null,
    breakdown_date   date not null,
    period           varchar not null,   -- financial year of breakdown_date
    category         varchar not null,
    days_delayed     integer not null,
    people_affected  integer not null,
    resolved_date    date,
    escalated        boolean not null,
    note             varchar             -- free text: editors only
);

-- co-production activities: one activity
create table coproduction_activities (
    batch_id           integer not null,
    area_code          varchar not null,
    activity_date      date not null,
    period             varchar not null,
    activity           varchar not null,
    self_advocates     integer not null,
    family_carers      integer not null,
    professionals      integer not null,
    level              varchar not null,  -- informed, consulted, engaged, co-designed, co-produced
    people_paid        integer not null,
    you_said           varchar,           -- what self-advocates and families raised
    we_did             varchar,           -- what was done
    action_status      varchar not null   -- none, open, completed
);

-- "I statement" check-ins: one answer
create table i_statement_checkins (
    batch_id      integer not null,
    area_code     varchar not null,
    period        varchar not null,
    theme         varchar not null,
    statement     varchar not null,
    answer        varchar not null,   -- yes, sometimes, no
    answered_by   varchar not null    -- person, family carer
);

