-- 004_meetings: what a partnership board records itself, between and at its meetings.
-- These rows are written by editors in the dashboard (not imported), so they carry no batch_id
-- and an import or its undo never touches them.

-- "You said, we did": what self-advocates and families raised, the action agreed, who owns it.
create sequence board_action_ids start 1;

create table board_actions (
    action_id     integer primary key default nextval('board_action_ids'),
    area_code     varchar not null,       -- ONS code of the council whose board agreed it
    indicator_id  varchar,                -- catalogue indicator it is about (null: general)
    raised        varchar not null,       -- "you said": what self-advocates and families raised
    action        varchar not null,       -- "we did": the action agreed (and what was done)
    owner         varchar not null,       -- who will do it (a role or a name)
    due_date      date,                   -- when it should be done by
    status        varchar not null default 'open',  -- open, in progress, completed
    recorded_by   varchar not null,       -- editor who recorded it
    recorded_at   timestamp not null default current_timestamp,
    updated_by    varchar,                -- editor who last changed it
    updated_at    timestamp,
    completed_at  timestamp,              -- set when the status becomes completed
    check (status in ('open', 'in progress', 'completed'))
);

-- Meetings: the date the board met and the data period the meeting used.
create sequence board_meeting_ids start 1;

create table board_meetings (
    meeting_id    integer primary key default nextval('board_meeting_ids'),
    area_code     varchar not null,
    meeting_date  date not null,
    data_period   varchar not null,       -- the period whose figures the meeting looked at
    note          varchar,                -- e.g. "Quarterly board, Civic Hall"
    recorded_by   varchar not null,
    recorded_at   timestamp not null default current_timestamp,
    unique (area_code, meeting_date)
);

-- Self-assessment: the board's own red / amber / green rating of a domain, with its evidence.
-- Every rating is kept (history); the latest per area and domain is the current one.
create sequence self_assessment_ids start 1;

create table self_assessments (
    assessment_id integer primary key default nextval('self_assessment_ids'),
    area_code     varchar not null,
    domain_id     varchar not null,       -- catalogue domain: choice, control, ...
    rating        varchar not null,       -- red, amber, green
    evidence      varchar not null,
    data_period   varchar,                -- the period of data the board looked at
    assessed_by   varchar not null,
    assessed_at   timestamp not null default current_timestamp,
    check (rating in ('red', 'amber', 'green'))
);
