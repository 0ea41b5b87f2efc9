"""What a partnership board records itself, between and at its meetings: actions ("you said,
we did"), meetings, self-assessment ratings and named comparison groups.

These are written by editors in the app (not imported), so they live in the records store
(``dashboard.records.db``), which several app processes can write at once, and never in the
read-only analytic snapshots. Area codes are checked against the snapshot's ``areas`` by the
modules that write them (``actions``, ``meetings``, ``self_assessment``, ``groups``).
"""

from __future__ import annotations

import sqlalchemy as sa

from dashboard.records.db import metadata

board_actions = sa.Table(
    "board_actions", metadata,
    sa.Column("action_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("area_code", sa.String(12), nullable=False, index=True),  # ONS code of the council whose board agreed it
    sa.Column("indicator_id", sa.String(80)),  # catalogue indicator it is about (null: general)
    sa.Column("raised", sa.Text, nullable=False),  # "you said"
    sa.Column("action", sa.Text, nullable=False),  # "we did"
    sa.Column("owner", sa.String(200), nullable=False),
    sa.Column("due_date", sa.Date),
    sa.Column("status", sa.String(20), nullable=False, server_default="open"),
    sa.Column("recorded_by", sa.String(200), nullable=False),
    sa.Column("recorded_at", sa.DateTime, nullable=False),
    sa.Column("updated_by", sa.String(200)),
    sa.Column("updated_at", sa.DateTime),
    sa.Column("completed_at", sa.DateTime),
    sa.CheckConstraint("status in ('open', 'in progress', 'completed')", name="board_actions_status"),
)

board_meetings = sa.Table(
    "board_meetings", metadata,
    sa.Column("meeting_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("area_code", sa.String(12), nullable=False),
    sa.Column("meeting_date", sa.Date, nullable=False),
    sa.Column("data_period", sa.String(20), nullable=False),  # the period whose figures the meeting looked at
    sa.Column("note", sa.Text),
    sa.Column("recorded_by", sa.String(200), nullable=False),
    sa.Column("recorded_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("area_code", "meeting_date", name="board_meetings_area_date"),
)

self_assessments = sa.Table(
    "self_assessments", metadata,
    sa.Column("assessment_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("area_code", sa.String(12), nullable=False, index=True),
    sa.Column("domain_id", sa.String(80), nullable=False),
    sa.Column("rating", sa.String(10), nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("data_period", sa.String(20)),
    sa.Column("assessed_by", sa.String(200), nullable=False),
    sa.Column("assessed_at", sa.DateTime, nullable=False),
    sa.CheckConstraint("rating in ('red', 'amber', 'green')", name="self_assessments_rating"),
)

comparison_groups = sa.Table(
    "comparison_groups", metadata,
    sa.Column("group_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("group_name", sa.String(80), nullable=False, unique=True),
    sa.Column("saved_by", sa.String(200), nullable=False),
    sa.Column("saved_at", sa.DateTime, nullable=False),
)

comparison_group_members = sa.Table(
    "comparison_group_members", metadata,
    sa.Column("group_id", sa.Integer, sa.ForeignKey("comparison_groups.group_id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("area_code", sa.String(12), primary_key=True),
)


def board_version(store) -> str:
    """Changes whenever the board's own records (actions, meetings, self-assessments) change:
    the cache key for built meetings."""
    from dashboard.records import db as records

    parts = [
        ("a", board_actions, board_actions.c.action_id,
         sa.func.max(sa.func.coalesce(board_actions.c.updated_at, board_actions.c.recorded_at))),
        ("m", board_meetings, board_meetings.c.meeting_id, sa.func.max(board_meetings.c.recorded_at)),
        ("s", self_assessments, self_assessments.c.assessment_id, sa.func.max(self_assessments.c.assessed_at)),
    ]
    out = []
    with records.reading(records.engine_for(store)) as conn:
        for name, table, ids, latest in parts:
            n, total, last = conn.execute(sa.select(sa.func.count(), sa.func.sum(ids), latest).select_from(table)).one()
            out.append(f"{name}{n}:{last or ''}:{total or ''}")
    return "|".join(out)
