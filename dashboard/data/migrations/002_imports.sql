-- 002_imports: what safe importing needs beyond 001.
-- import_batches: the file's format, how many rows it replaced, and who undid it and when.
-- replaced_<table>: rows a later import replaced (with --replace, or confirmed on the Data
-- page), kept with the batch that replaced them, so undoing that batch puts them back.

alter table import_batches add column file_format varchar;
alter table import_batches add column replaced_rows integer default 0;
alter table import_batches add column undone_by varchar;
alter table import_batches add column undone_at timestamp;

create table replaced_ascof_figures as select 0::integer as replaced_by, * from ascof_figures limit 0;
create table replaced_survey_responses as select 0::integer as replaced_by, * from survey_responses limit 0;
create table replaced_support_records as select 0::integer as replaced_by, * from support_records limit 0;
create table replaced_dp_experience as select 0::integer as replaced_by, * from dp_experience limit 0;
create table replaced_breakdowns as select 0::integer as replaced_by, * from breakdowns limit 0;
create table replaced_coproduction_activities as select 0::integer as replaced_by, * from coproduction_activities limit 0;
create table replaced_i_statement_checkins as select 0::integer as replaced_by, * from i_statement_checkins limit 0;
