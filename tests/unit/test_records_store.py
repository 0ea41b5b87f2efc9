"""The records store: one code path (SQLAlchemy Core) for SQLite in WAL mode and a real
PostgreSQL server; several processes write at once."""

from __future__ import annotations

import subprocess
import sys
import uuid

import pytest

from dashboard.access import User
from dashboard.figures import groups
from dashboard.meeting import meetings
from dashboard.meeting import actions
from dashboard.records import db as records
from dashboard.data.store import Store
from tests.conftest import KIRKLEES, LEEDS, ROOT


@pytest.fixture(params=["sqlite", "postgresql"])
def records_url(request, tmp_path, monkeypatch):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'records.sqlite'}"
    else:
        url = request.getfixturevalue("postgres").new_database(f"t_{uuid.uuid4().hex[:10]}")
    monkeypatch.setenv(records.RECORDS_URL_ENV, url)
    yield url
    records.dispose_all()


def test_default_url_is_a_sqlite_file_named_after_the_database(monkeypatch, tmp_path):
    monkeypatch.delenv(records.RECORDS_URL_ENV, raising=False)
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "council.duckdb"))
    assert records.records_url() == f"sqlite:///{tmp_path / 'council.records.sqlite'}"
    engine = records.get_engine()
    assert engine is records.get_engine()  # cached per URL
    records.create_all(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("pragma busy_timeout").scalar() == records.BUSY_TIMEOUT_MS
    records.dispose_all()


def test_board_records_round_trip(records_url, store):
    action_id = actions.record_action(store, LEEDS, "control", "Say in reviews.", "Ask the person first.",
                                      "Team manager", "2026-03-31", "open", "asha")
    actions.update_action(store, action_id, "ben", status="completed")
    frame = actions.list_actions(store, LEEDS)
    row = frame.set_index("action_id").loc[action_id]
    assert row["status"] == "completed" and row["completed_at"] is not None and row["area_name"] == "Leeds"
    assert row["due_date"].isoformat() == "2026-03-31"
    meeting_id = meetings.record_meeting(store, LEEDS, "2025-06-01", "2024-25", "Civic Hall", "asha")
    with pytest.raises(meetings.MeetingError, match="already recorded"):
        meetings.record_meeting(store, LEEDS, "2025-06-01", "2024-25", None, "asha")
    assert list(meetings.list_meetings(store, LEEDS)["meeting_id"]) == [meeting_id]
    asha = User("asha", "editor", "password", frozenset({LEEDS}))
    group_id = groups.save_group(store, "Network", [LEEDS, KIRKLEES], asha)
    assert groups.save_group(store, "Network", [LEEDS, KIRKLEES], asha) == group_id  # replaced, same id
    saved = groups.named_groups(store)
    assert sorted(saved["area_code"]) == sorted([LEEDS, KIRKLEES]) and set(saved["saved_by"]) == {"asha"}
    groups.delete_group(store, group_id, asha)
    assert groups.named_groups(store).empty
    if records_url.startswith("postgresql"):
        import sqlalchemy as sa

        with sa.create_engine(records_url).connect() as conn:  # really in PostgreSQL
            assert conn.execute(sa.text("select count(*) from board_actions")).scalar() == 1


WRITER = """
import sys
from dashboard.meeting import actions
from dashboard.data.store import Store
store = Store(sys.argv[1], read_only=True)
for i in range(int(sys.argv[3])):
    actions.record_action(store, "E08000035", None, f"Raised {sys.argv[2]} {i}.", "Agreed.", "Owner", None, "open",
                          f"writer {sys.argv[2]}")
"""


def test_several_processes_write_at_once(records_url, fixture_db):
    """Four processes record 25 actions each at the same time: all 100 land, none fails."""
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(fixture_db), str(n), "25"], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for n in range(4)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    store = Store(fixture_db, read_only=True)
    frame = actions.list_actions(store, LEEDS)
    assert len(frame) == 100
    assert frame["recorded_by"].value_counts().to_dict() == {f"writer {n}": 25 for n in range(4)}
    store.close()


def test_first_use_from_many_threads_at_once(records_url, fixture_db):
    """25 Streamlit threads opening a fresh records store at once (a server's first sessions):
    the tables are created once, nobody gets 'database is locked'."""
    import threading

    store = Store(fixture_db, read_only=True)
    errors = []

    def first_look():
        try:
            actions.list_actions(store, LEEDS)
        except Exception as exc:  # collected and asserted below
            errors.append(repr(exc))

    threads = [threading.Thread(target=first_look) for _ in range(25)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store.close()
