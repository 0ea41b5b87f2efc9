"""'You said, we did': the actions a partnership board agrees between meetings.

Editors record what self-advocates and families raised ("you said"), the action agreed ("we
did"), who owns it, when it is due and its status, linked to an area and (usually) an
indicator. Everyone sees them: on the Actions page, in meeting mode, in the meeting packs and on
the Co-production page.

Stable API (other modules build on it; keep these signatures):

- ``record_action(store, area_code, indicator_id, raised, action, owner, due_date, status,
  recorded_by) -> int``: the new action's id.
- ``update_action(store, action_id, updated_by, *, status=None, raised=None, action=None,
  owner=None, due_date=None, indicator_id=None, clear_due_date=False) -> None``.
- ``list_actions(store, area_code=None, status=None) -> DataFrame`` with ``ACTION_COLUMNS``:
  action_id, area_code, area_name, indicator_id, raised, action, owner, due_date, status,
  recorded_by, recorded_at, completed_at, updated_by, updated_at, overdue. Open actions first,
  then in progress, then completed; each by due date. Missing values (no indicator, no due
  date, not completed, never updated) are ``None``; due_date is a ``datetime.date``.
- ``open_actions(store, area_code)`` / ``completed_actions(store, area_code)``: shortcuts.
- ``STATUSES`` ("open", "in progress", "completed"), ``STATUS_STYLE`` (word, symbol, colour:
  never colour alone), ``status_label(status)``.

Bad input raises ``ActionError`` (a ``ValueError``) with a plain message naming the field, and
changes nothing. Actions live in the records store (``dashboard.records``: SQLite beside the
database, or PostgreSQL), which several app processes write at once; ``store`` is the analytic
snapshot, used to check and name areas. Every value reaches the database as a bound parameter
(SQLAlchemy Core).

Actions are public text written by editors: they must not name a person who draws on care
(the Actions page says so beside the form).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from dashboard.figures import catalogue
from dashboard.records import db as records
from dashboard.records.board import board_actions
from dashboard.data.store import Store

OPEN, IN_PROGRESS, COMPLETED = "open", "in progress", "completed"
STATUSES = (OPEN, IN_PROGRESS, COMPLETED)

#: how each status is said, shown and coloured (colour is never the only cue)
STATUS_STYLE = {
    OPEN: ("Open", "○", "#a8320f"),
    IN_PROGRESS: ("In progress", "◐", "#4c2c92"),
    COMPLETED: ("Completed", "✔", "#00549f"),
}

ACTION_COLUMNS = [
    "action_id", "area_code", "area_name", "indicator_id", "raised", "action", "owner",
    "due_date", "status", "recorded_by", "recorded_at", "completed_at", "updated_by",
    "updated_at", "overdue",
]

MAX_TEXT = 1000  # characters in "you said" / "we did"
MAX_SHORT = 200  # characters in owner and names


class ActionError(ValueError):
    """An action could not be saved; the message says which field and why (plain words)."""


def status_label(status: str) -> str:
    word, symbol, _ = STATUS_STYLE.get(status, (status, "", ""))
    return f"{symbol} {word}".strip()


# ------------------------------------------------------------------ validation


def _text(value, field: str, required: bool = True, limit: int = MAX_TEXT) -> str | None:
    if value is None:
        if required:
            raise ActionError(f"{field} is missing: write a few words.")
        return None
    text = " ".join(str(value).split())
    if not text:
        if required:
            raise ActionError(f"{field} is empty: write a few words.")
        return None
    if len(text) > limit:
        raise ActionError(f"{field} is {len(text)} characters long: keep it under {limit}.")
    return text


def _status(value, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    status = str(value or "").strip().lower()
    if status not in STATUSES:
        raise ActionError(f"Status “{value}” is not one of: {', '.join(STATUSES)}.")
    return status


def _date(value, field: str = "Due date") -> str | None:
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise ActionError(f"{field} “{value}” is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31.") from None


def _indicator(value) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    indicator_id = str(value).strip()
    if indicator_id not in catalogue.load():
        raise ActionError(f"Indicator “{indicator_id}” is not in the catalogue.")
    return indicator_id


def _area(store: Store, value) -> str:
    area_code = str(value or "").strip().upper()
    if not area_code:
        raise ActionError("Area is missing: choose the council whose board agreed the action.")
    if store.query("area_exists", area_code=area_code).empty:
        raise ActionError(f"Area “{value}” is not a council the dashboard knows (use its ONS code, e.g. E08000035).")
    return area_code


def _as_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def area_names(store: Store) -> dict[str, str]:
    """Council code -> name, from the snapshot (board records hold codes only)."""
    frame = store.query("area_names")
    return dict(zip(frame["area_code"], frame["area_name"]))


# ------------------------------------------------------------------ writing


def record_action(
    store: Store,
    area_code: str,
    indicator_id: str | None,
    raised: str,
    action: str,
    owner: str,
    due_date: dt.date | str | None = None,
    status: str = OPEN,
    recorded_by: str = "",
) -> int:
    """Record one action; returns its ``action_id``. Raises ``ActionError`` on bad input."""
    params = dict(
        area_code=_area(store, area_code),
        indicator_id=_indicator(indicator_id),
        raised=_text(raised, "What was raised (you said)"),
        action=_text(action, "The action agreed (we did)"),
        owner=_text(owner, "Owner", limit=MAX_SHORT),
        due_date=_date(due_date),
        status=_status(status),
        recorded_by=_text(recorded_by, "Recorded by", limit=MAX_SHORT),
    )
    now = dt.datetime.now()
    values = {**params, "due_date": _as_date(params["due_date"]), "recorded_at": now,
              "completed_at": now if params["status"] == COMPLETED else None}
    with records.writing(records.engine_for(store)) as conn:
        result = conn.execute(sa.insert(board_actions).values(**values).returning(board_actions.c.action_id))
        return int(result.scalar_one())


def update_action(
    store: Store,
    action_id: int,
    updated_by: str,
    *,
    status: str | None = None,
    raised: str | None = None,
    action: str | None = None,
    owner: str | None = None,
    due_date: dt.date | str | None = None,
    indicator_id: str | None = None,
    clear_due_date: bool = False,
) -> None:
    """Change an action; fields left as ``None`` keep their value. Completing an action stamps
    ``completed_at``; reopening it clears that. Raises ``ActionError`` if there is no such action."""
    params = dict(
        action_id=int(action_id),
        indicator_id=_indicator(indicator_id),
        raised=_text(raised, "What was raised (you said)", required=False),
        action=_text(action, "The action agreed (we did)", required=False),
        owner=_text(owner, "Owner", required=False, limit=MAX_SHORT),
        due_date=_date(due_date),
        clear_due_date=bool(clear_due_date),
        status=_status(status, required=False),
        updated_by=_text(updated_by, "Updated by", limit=MAX_SHORT),
    )
    table = board_actions
    with records.writing(records.engine_for(store)) as conn:
        row = conn.execute(sa.select(table.c.status, table.c.completed_at)
                           .where(table.c.action_id == params["action_id"])).first()
        if row is None:
            raise ActionError(f"There is no action number {action_id}.")
        now = dt.datetime.now()
        changes = {k: params[k] for k in ("indicator_id", "raised", "action", "owner", "status") if params[k] is not None}
        if params["clear_due_date"]:
            changes["due_date"] = None
        elif params["due_date"] is not None:
            changes["due_date"] = _as_date(params["due_date"])
        status = params["status"] or row.status
        changes["completed_at"] = (row.completed_at or now) if status == COMPLETED else None
        changes.update(updated_by=params["updated_by"], updated_at=now)
        conn.execute(sa.update(table).where(table.c.action_id == params["action_id"]).values(**changes))


# ------------------------------------------------------------------ reading


def list_actions(store: Store, area_code: str | None = None, status: str | None = None) -> pd.DataFrame:
    """Actions (all areas, or one), open first; ``ACTION_COLUMNS``. ``overdue`` is true for an
    action not completed whose due date has passed."""
    table = board_actions
    query = sa.select(*(table.c[c] for c in ACTION_COLUMNS if c not in ("area_name", "overdue")))
    if area_code:
        query = query.where(table.c.area_code == str(area_code).strip().upper())
    if status:
        query = query.where(table.c.status == _status(status))
    order = sa.case((table.c.status == OPEN, 0), (table.c.status == IN_PROGRESS, 1), else_=2)
    query = query.order_by(order, table.c.due_date.is_(None), table.c.due_date, table.c.action_id)
    frame = records.read_frame(store, query)
    frame.insert(2, "area_name", frame["area_code"].map(area_names(store)).fillna(frame["area_code"]))
    frame["due_date"] = [d.date() if isinstance(d, dt.datetime) else d for d in pd.to_datetime(frame["due_date"])]
    frame["due_date"] = frame["due_date"].astype(object).where(frame["due_date"].notna(), None)
    for col in ["indicator_id", "updated_by", "completed_at", "updated_at"]:
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    today = dt.date.today()
    frame["overdue"] = [
        bool(s != COMPLETED and d is not None and d == d and d < today)
        for s, d in zip(frame["status"], frame["due_date"])
    ]
    return frame[ACTION_COLUMNS].reset_index(drop=True)


def open_actions(store: Store, area_code: str | None = None) -> pd.DataFrame:
    """Actions still to do (open or in progress)."""
    frame = list_actions(store, area_code)
    return frame[frame["status"] != COMPLETED].reset_index(drop=True)


def completed_actions(store: Store, area_code: str | None = None) -> pd.DataFrame:
    return list_actions(store, area_code, COMPLETED)


def summary(frame: pd.DataFrame) -> dict[str, int]:
    """Counts by status (actions are not people: no suppression applies), plus overdue."""
    counts = {s: int((frame["status"] == s).sum()) for s in STATUSES}
    counts["overdue"] = int(frame["overdue"].sum()) if "overdue" in frame else 0
    counts["total"] = int(len(frame))
    return counts
