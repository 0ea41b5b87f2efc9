-- meetings_list: an area's recorded board meetings, newest first: date, the data period each
-- used, note, who recorded it and when.
-- $area_code: ONS code of the area

with final as (
    select meeting_id, area_code, meeting_date, data_period, note, recorded_by, recorded_at
    from board_meetings
    where area_code = $area_code
    order by meeting_date desc, meeting_id desc
)

select * from final
