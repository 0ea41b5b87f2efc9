-- meeting_record: records one board meeting (its date and the data period it used); returns
-- the new meeting_id.
-- $area_code: ONS code of the area whose board met
-- $meeting_date: the date of the meeting
-- $data_period: the period of data the meeting looked at (e.g. 2024-25)
-- $note: a short note (where, which meeting), or null
-- $recorded_by: the editor recording it

insert into board_meetings (area_code, meeting_date, data_period, note, recorded_by, recorded_at)
values ($area_code, cast($meeting_date as date), $data_period, $note, $recorded_by, current_timestamp)
returning meeting_id
