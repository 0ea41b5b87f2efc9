-- 003_comparison_groups: named comparison groups (a network's members) that editors save and
-- anyone can pick on the comparison pages.

create table comparison_groups (
    group_id     integer primary key,
    group_name   varchar not null unique,
    saved_by     varchar not null,
    saved_at     timestamp not null default current_timestamp
);

create table comparison_group_members (
    group_id     integer not null,  -- comparison_groups.group_id (no foreign key: DuckDB cannot
                                    -- delete a group and its members in one transaction with one)
    area_code    varchar not null references areas (area_code),
    primary key (group_id, area_code)
);
