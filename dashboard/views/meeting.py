"""Meeting mode: the meeting's slides (standard and easy read), its packs (an editor's export
logged), and the board's meeting dates (recorded and removed, checked and logged)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from dashboard import access, charts
from dashboard.meeting import meetings, packs, slides
from dashboard.meeting.slides import Meeting, Slide, slide_html
from dashboard.records import audit
from dashboard.records.board import board_version

__all__ = ["MIME", "PLOTLY_CONFIG", "Meeting", "Slide", "board_version", "build", "delete_meeting", "file_name",
           "meeting_dates", "build_pack", "projector_figure", "record_meeting", "sees_staff", "slide_html"]

MIME = packs.MIME
PLOTLY_CONFIG = charts.PLOTLY_CONFIG
file_name = packs.file_name
sees_staff = access.sees_staff_details


def build(store, figs, area: str, period: str, today: dt.date, user: access.User | None) -> Meeting:
    """Every slide of the area's meeting (editors' names only in an editor's meeting)."""
    return slides.build_meeting(store, figs, area, period, today=today, user=user)


def projector_figure(figure: go.Figure) -> go.Figure:
    """The slide's chart sized so the slide and its source line fit a 1920x1080 projector."""
    return go.Figure(figure).update_layout(height=400)


def build_pack(meeting: Meeting, fmt: str, easy: bool, user: access.User | None) -> bytes:
    """A pack; an editor's export is in the audit log."""
    data = packs.build_pack(meeting, fmt, easy=easy)
    if user is not None and user.is_editor:
        audit.record("export pack", user=user, areas=[meeting.area_code],
                     detail=f"{'easy-read ' if easy else ''}{fmt.upper()} pack, {meeting.area_name}, {meeting.period}")
    return data


def meeting_dates(store, area: str, user: access.User | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The area's recorded meetings: (the records, the table as the user may see it: notes and
    names for editors of the council only)."""
    frame = meetings.list_meetings(store, area)
    if frame.empty:
        return frame, pd.DataFrame()
    table = frame.assign(
        **{"Meeting date": [f"{d.day} {d:%B %Y}" for d in frame["meeting_date"]],
           "Data period used": frame["data_period"], "Note": frame["note"].fillna(""),
           "Recorded by": frame["recorded_by"]}
    )[["Meeting date", "Data period used", "Note", "Recorded by"]]
    return frame, access.staff_view(table, user, area)


def record_meeting(store, user: access.User | None, area: str, when: dt.date, period: str,
                   note: str | None) -> tuple[bool, str]:
    try:
        with audit.act(user, "record meeting", [area], f"record a meeting for {area}",
                       detail=f"meeting on {when} (data {period})"):
            meetings.record_meeting(store, area, when, period, note, user.name)
    except (meetings.MeetingError, access.Refused) as exc:
        return False, f"Not saved: {exc}"
    return True, f"Recorded the meeting on {when.day} {when:%B %Y} (data: {period})."


def delete_meeting(store, user: access.User | None, area: str, number: int) -> tuple[bool, str]:
    """Remove a meeting recorded by mistake (the rule checked against the meeting's own council)."""
    mine = number in set(meetings.list_meetings(store, area)["meeting_id"])
    try:
        with audit.act(user, "delete meeting", [area] if mine else [], f"remove meeting {number}",
                       detail=f"meeting {number}"):
            meetings.delete_meeting(store, number)
    except (meetings.MeetingError, access.Refused) as exc:
        return False, str(exc)
    return True, "Removed the meeting."
