-- meeting_delete: removes one recorded meeting (an editor correcting a mistake); returns the
-- meeting_id removed (no row when there was no such meeting).
-- $meeting_id: the meeting to remove

delete from board_meetings where meeting_id = $meeting_id
returning meeting_id
