"""The audit log and sign-in attempts, in the records store (``records.db``).

The audit log is append-only: this module writes rows (``record``) and reads them (``read``),
nothing else, and the database itself refuses UPDATE and DELETE on ``audit_log`` (a trigger in
SQLite and in PostgreSQL). Each row: when (UTC), who, their role, where (page or command line),
what (``action``), the outcome (done, refused, failed), the councils and a short description.

Logged: every sign-in (success and failure), import, undo, edit (actions, meetings, ratings),
deletion and pack export by an editor, and every refusal. Free-text notes are never copied in.

Failed sign-ins are slowed: after ``n`` failures for a user name in the last
``FAILURE_WINDOW`` the next check waits ``delay_after(n)`` seconds (0.5 s doubling, at most
``MAX_DELAY``), and ``MAX_FAILURES`` in ``LOCKOUT_SECONDS`` lock that name out for that long,
across every session and process (the attempts are in the shared store).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pandas as pd
import sqlalchemy as sa

from dashboard.access import Refused, User, require
from dashboard.records.db import metadata, ready_engine, writing

DONE, REFUSED, FAILED = "done", "refused", "failed"
PAGE, COMMAND_LINE = "page", "command line"

audit_log = sa.Table(
    "audit_log", metadata,
    sa.Column("entry_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False),  # UTC
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("outcome", sa.String(10), nullable=False),
    sa.Column("areas", sa.Text, nullable=False, default=""),
    sa.Column("detail", sa.Text, nullable=False, default=""),
)
sa.Index("audit_log_at", audit_log.c.at)

sign_in_attempts = sa.Table(
    "sign_in_attempts", metadata,
    sa.Column("attempt_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False),  # UTC
    sa.Column("user_name", sa.String(200), nullable=False),
    sa.Column("succeeded", sa.Boolean, nullable=False),
    sa.Column("method", sa.String(40), nullable=False),
)
sa.Index("sign_in_attempts_name_at", sign_in_attempts.c.user_name, sign_in_attempts.c.at)

# append-only, enforced by the database as well as by this module's API
_APPEND_ONLY = {
    "sqlite": (
        "create trigger audit_log_no_update before update on audit_log "
        "begin select raise(abort, 'the audit log is append-only'); end",
        "create trigger audit_log_no_delete before delete on audit_log "
        "begin select raise(abort, 'the audit log is append-only'); end",
    ),
    "postgresql": (
        "create or replace function audit_log_append_only() returns trigger language plpgsql as "
        "$$ begin raise exception 'the audit log is append-only'; end $$",
        "create trigger audit_log_append_only before update or delete or truncate on audit_log "
        "for each statement execute function audit_log_append_only()",
    ),
}
for _dialect, _statements in _APPEND_ONLY.items():
    for _statement in _statements:
        sa.event.listen(audit_log, "after_create", sa.DDL(_statement).execute_if(dialect=_dialect))

COLUMNS = ["entry_id", "at", "actor", "role", "channel", "action", "outcome", "areas", "detail"]
CSV_HEADERS = {"entry_id": "Entry", "at": "When (UTC)", "actor": "Who", "role": "Role", "channel": "Where",
               "action": "What", "outcome": "Outcome", "areas": "Councils", "detail": "Details"}

MAX_FAILURES = 5
LOCKOUT_SECONDS = 60
FAILURE_WINDOW = dt.timedelta(minutes=15)
BASE_DELAY, MAX_DELAY = 0.5, 8.0


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _clip(text, limit: int) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def record(action: str, *, user: User | None = None, actor: str | None = None, outcome: str = DONE,
           areas: Iterable[str] = (), detail: str = "", channel: str = PAGE, url: str | None = None) -> None:
    """Append one entry. ``user`` (or ``actor``, a name, for someone not signed in) says who."""
    engine = ready_engine(url)
    row = {
        "at": _now(),
        "actor": _clip(user.name if user else (actor or "not signed in"), 200),
        "role": user.role if user else "none",
        "channel": channel,
        "action": _clip(action, 40),
        "outcome": outcome,
        "areas": ", ".join(sorted({str(a) for a in areas if a})),
        "detail": _clip(detail, 2000),
    }
    with writing(engine) as conn:
        conn.execute(audit_log.insert().values(**row))


def read(limit: int | None = None, url: str | None = None) -> pd.DataFrame:
    """The log, newest first (``COLUMNS``)."""
    engine = ready_engine(url)
    query = sa.select(*[audit_log.c[c] for c in COLUMNS]).order_by(audit_log.c.entry_id.desc())
    if limit:
        query = query.limit(int(limit))
    with engine.connect() as conn:
        rows = conn.execute(query).fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=COLUMNS)


def csv_bytes(url: str | None = None) -> bytes:
    """The whole log as CSV for administrators (formula-safe, like every download)."""
    from dashboard.data import safe_csv

    frame = read(url=url).rename(columns=CSV_HEADERS)
    return safe_csv.to_csv(frame)


def check(user: User | None, action: str, areas: Iterable[str], what: str, *, detail: str = "",
          channel: str = PAGE, names=None, url: str | None = None) -> None:
    """``access.require``, with a refusal logged (and re-raised as ``access.Refused``)."""
    areas = sorted({str(a) for a in areas if a})
    try:
        require(user, areas, what, names)
    except Refused as refused:
        record(action, user=user, outcome=REFUSED, areas=refused.areas or areas,
               detail=f"{detail} — {refused}".strip(" —"), channel=channel, url=url)
        raise


@contextmanager
def act(user: User | None, action: str, areas: Iterable[str], what: str, *, detail: str = "",
        channel: str = PAGE, names=None, url: str | None = None) -> Iterator[list[str]]:
    """Check ``access.require`` for ``areas``, run the body, and log the outcome either way.

    A refusal is logged and re-raised as ``access.Refused``; an error in the body is logged as
    failed and re-raised. The body may append to the yielded list to add to the description."""
    areas = sorted({str(a) for a in areas if a})
    detail = detail or what
    check(user, action, areas, what, detail=detail, channel=channel, names=names, url=url)
    extra: list[str] = []
    try:
        yield extra
    except Exception as exc:
        record(action, user=user, outcome=FAILED, areas=areas,
               detail=" ".join([detail, *extra, f"({type(exc).__name__}: {exc})"]).strip(), channel=channel, url=url)
        raise
    record(action, user=user, outcome=DONE, areas=areas, detail=" ".join([detail, *extra]).strip(),
           channel=channel, url=url)


# ------------------------------------------------------------------ sign-in attempts


def delay_after(failures: int) -> float:
    """Seconds to wait before checking a password after ``failures`` recent failures."""
    return 0.0 if failures <= 0 else min(MAX_DELAY, BASE_DELAY * 2 ** (failures - 1))


def recent_failures(user_name: str, within: dt.timedelta = FAILURE_WINDOW, url: str | None = None) -> int:
    """Failed attempts for this name since its last success, within ``within``."""
    engine = ready_engine(url)
    name = _clip(user_name, 200).lower()
    since = _now() - within
    t = sign_in_attempts
    with engine.connect() as conn:
        last_ok = conn.execute(sa.select(sa.func.max(t.c.at)).where(t.c.user_name == name, t.c.succeeded)).scalar()
        floor = max(since, last_ok) if last_ok is not None else since
        return int(conn.execute(sa.select(sa.func.count()).select_from(t).where(
            t.c.user_name == name, sa.not_(t.c.succeeded), t.c.at > floor)).scalar() or 0)


def locked_out(user_name: str, url: str | None = None) -> bool:
    return recent_failures(user_name, dt.timedelta(seconds=LOCKOUT_SECONDS), url) >= MAX_FAILURES


def record_sign_in(user_name: str, succeeded: bool, method: str, user: User | None = None,
                   why: str = "", url: str | None = None) -> None:
    """One attempt, in ``sign_in_attempts`` and in the audit log."""
    engine = ready_engine(url)
    with writing(engine) as conn:
        conn.execute(sign_in_attempts.insert().values(
            at=_now(), user_name=_clip(user_name, 200).lower(), succeeded=bool(succeeded), method=method))
    if succeeded:
        record("sign in", user=user, actor=user_name, outcome=DONE, detail=f"signed in ({method})", url=url,
               areas=sorted(user.areas) if user else ())
    else:
        record("sign in", actor=_clip(user_name, 100) or "(no name)", outcome=REFUSED,
               detail=f"sign-in failed ({method}){': ' + why if why else ''}", url=url)
