"""An older install kept the board's own records inside the DuckDB file (migrations 003 and 004,
before the records store): at first start they are copied into the records store once, all or
nothing, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import sqlalchemy as sa

from dashboard.figures import groups
from dashboard.meeting import meetings
from dashboard.meeting import actions, self_assessment
from dashboard.access import User
from dashboard.data.build import ensure_database
from dashboard.records import db as records
from dashboard.records import legacy
from dashboard.data.store import Store, connect
from tests.conftest import KIRKLEES, LEEDS, READING, ROOT
from tests.unit.test_records_store import records_url  # noqa: F401  (the fixture: SQLite and PostgreSQL)

TABLES = ["comparison_groups", "comparison_group_members", "board_actions", "board_meetings", "self_assessments"]


def old_install(fixture_db, tmp_path):
    """A database as an older version left it: board records written in place into its own
    tables (the SQL of migrations 003 and 004, ids from their sequences)."""
    db = tmp_path / "old.duckdb"
    shutil.copy(fixture_db, db)
    con = connect(db)
    try:
        con.execute("insert into comparison_groups (group_id, group_name, saved_by, saved_at) values"
                    " (1, 'West Yorkshire network', 'asha', '2024-05-01 10:00'),"
                    " (2, 'Southern pair', 'ben', '2024-06-01 11:00')")
        con.execute(f"insert into comparison_group_members values (1, '{LEEDS}'), (1, '{KIRKLEES}'),"
                    f" (2, '{READING}'), (2, '{LEEDS}')")
        con.execute("insert into board_actions (area_code, indicator_id, raised, action, owner, due_date, status,"
                    " recorded_by, recorded_at) values"
                    f" ('{LEEDS}', 'control', 'Say in reviews.', 'Ask the person first.', 'Team manager',"
                    "  '2025-03-31', 'open', 'asha', '2024-09-01 09:00'),"
                    f" ('{LEEDS}', null, 'Easy-read letters.', 'Letters rewritten.', 'Comms', null, 'completed',"
                    "  'ben', '2024-10-01 09:00')")
        con.execute("insert into board_meetings (area_code, meeting_date, data_period, note, recorded_by, recorded_at)"
                    f" values ('{LEEDS}', '2024-09-10', '2023-24', 'Civic Hall', 'asha', '2024-09-10 18:00')")
        con.execute("insert into self_assessments (area_code, domain_id, rating, evidence, data_period, assessed_by,"
                    f" assessed_at) values ('{LEEDS}', 'control', 'amber', 'Reviews ask, plans do not.', '2023-24',"
                    f" 'asha', '2024-09-10 18:30'), ('{LEEDS}', 'choice', 'green', 'Choice of provider.', '2023-24',"
                    " 'asha', '2024-09-10 18:40')")
        con.execute("checkpoint")
    finally:
        con.close()
    return db


def counts(url) -> dict[str, int]:
    with sa.create_engine(url).connect() as conn:
        return {t: conn.execute(sa.text(f"select count(*) from {t}")).scalar() for t in TABLES}


def test_an_old_install_s_board_records_are_copied_once(records_url, fixture_db, tmp_path):
    db = old_install(fixture_db, tmp_path)
    ensure_database(db)  # first start of this version
    assert counts(records_url) == {"comparison_groups": 2, "comparison_group_members": 4, "board_actions": 2,
                                   "board_meetings": 1, "self_assessments": 2}
    store = Store(db, read_only=True)
    try:
        saved = groups.named_groups(store)
        # ids kept: a link to group=named-1 still opens the same group
        assert saved.groupby("group_id")["group_name"].first().to_dict() == {1: "West Yorkshire network",
                                                                              2: "Southern pair"}
        assert sorted(saved.loc[saved["group_id"] == 1, "area_code"]) == sorted([LEEDS, KIRKLEES])
        shown = actions.list_actions(store, LEEDS)
        assert set(shown["raised"]) == {"Say in reviews.", "Easy-read letters."}
        assert set(shown["status"]) == {"open", "completed"}
        assert list(meetings.list_meetings(store, LEEDS)["note"]) == ["Civic Hall"]
        assert set(self_assessment.list_assessments(store, LEEDS)["rating"]) == {"amber", "green"}
        # the store carries on after the copied ids
        new_id = actions.record_action(store, LEEDS, None, "More.", "Agreed.", "Owner", None, "open", "cat")
        assert new_id == 3
    finally:
        store.close()

    # a rerun, a restart (another process) and init --force over it copy nothing again
    assert legacy.copy_board_records(db) is None
    ensure_database(db)
    proc = subprocess.run([sys.executable, "-c", "import sys; from dashboard.data.build import ensure_database; "
                           "ensure_database(sys.argv[1])", str(db)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert counts(records_url) == {"comparison_groups": 2, "comparison_group_members": 4, "board_actions": 3,
                                   "board_meetings": 1, "self_assessments": 2}


def test_records_written_since_the_upgrade_are_kept_and_not_duplicated(records_url, fixture_db, tmp_path):
    """An install that ran a version with the records store before this copy existed: its new
    records keep their ids; an old row whose id is taken gets a new one, and a group of the same
    name or a meeting already recorded for that date is not copied twice."""
    db = old_install(fixture_db, tmp_path)
    store = Store(db, read_only=True)
    try:
        taken = actions.record_action(store, LEEDS, None, "Since the upgrade.", "Agreed.", "Owner", None, "open", "dee")
        assert taken == 1
        meetings.record_meeting(store, LEEDS, "2024-09-10", "2023-24", None, "dee")
        groups.save_group(store, "Southern pair", [READING, KIRKLEES], User("dee", "editor", "password", frozenset({READING})))
    finally:
        store.close()
    copied = legacy.copy_board_records(db)
    assert copied["board_actions"] == {"copied": 2, "skipped": 0}
    assert copied["board_meetings"] == {"copied": 0, "skipped": 1}
    assert copied["comparison_groups"] == {"copied": 1, "skipped": 1}
    assert copied["comparison_group_members"] == {"copied": 2, "skipped": 2}
    store = Store(db, read_only=True)
    try:
        shown = actions.list_actions(store, LEEDS).set_index("action_id")
        assert shown.loc[1, "raised"] == "Since the upgrade."
        assert set(shown["raised"]) == {"Since the upgrade.", "Say in reviews.", "Easy-read letters."}
        saved = groups.named_groups(store)
        pair = saved[saved["group_name"] == "Southern pair"]
        assert sorted(pair["area_code"]) == sorted([READING, KIRKLEES]) and set(pair["saved_by"]) == {"dee"}
    finally:
        store.close()
    assert legacy.copy_board_records(db) is None


def test_the_copy_is_all_or_nothing(fixture_db, tmp_path, monkeypatch):
    """The records store refuses one row (a trigger, as a full disk or a constraint would): nothing
    at all is copied and nothing marked, so the next start copies everything."""
    url = f"sqlite:///{tmp_path / 'old.records.sqlite'}"
    monkeypatch.setenv(records.RECORDS_URL_ENV, url)
    db = old_install(fixture_db, tmp_path)
    engine = records.ready_engine(url)
    with records.writing(engine) as conn:
        conn.exec_driver_sql("create trigger refuse before insert on self_assessments "
                             "begin select raise(abort, 'disk full'); end")
    with pytest.raises(sa.exc.IntegrityError, match="disk full"):
        ensure_database(db)
    assert set(counts(url).values()) == {0}
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(legacy.legacy_copies)).scalar() == 0
    with records.writing(engine) as conn:
        conn.exec_driver_sql("drop trigger refuse")
    assert legacy.copy_board_records(db)["self_assessments"] == {"copied": 2, "skipped": 0}
    assert counts(url)["board_actions"] == 2
    records.dispose_all()


def test_a_new_install_copies_nothing_and_marks_it_done(fixture_db, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'new.records.sqlite'}"
    monkeypatch.setenv(records.RECORDS_URL_ENV, url)
    db = tmp_path / "new.duckdb"
    shutil.copy(fixture_db, db)
    assert all(c == {"copied": 0, "skipped": 0} for c in legacy.copy_board_records(db).values())
    assert legacy.copy_board_records(db) is None
    records.dispose_all()
