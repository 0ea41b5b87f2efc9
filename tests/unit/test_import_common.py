"""Helpers the import tests share (and tests of the helpers themselves): a snapshot of every
table's row count and content checksum, and the paths of the import fixture files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.data.store import Store
from tests.conftest import ROOT

IMPORTS = ROOT / "tests" / "fixtures" / "imports"
GOOD, BAD = IMPORTS / "good", IMPORTS / "bad"
KEY = "test pseudonym key 0123456789"
WAKEFIELD = "E08000036"


def snapshot(store: Store) -> dict[str, tuple[int, str]]:
    """Every table -> (row count, md5 of its rows in a fixed order): equal snapshots mean the
    database content is unchanged."""
    tables = store.sql(
        "select table_name from information_schema.tables where table_type = 'BASE TABLE' order by table_name"
    )["table_name"]
    out = {}
    for table in tables:
        row = store.sql(
            f"select count(*) as n, md5(coalesce(string_agg(t::varchar, chr(10) order by t::varchar), '')) as h"
            f" from {table} t"
        ).iloc[0]
        out[table] = (int(row.n), row.h)
    return out


def snapshot_file(path: Path) -> dict[str, tuple[int, str]]:
    store = Store(path, read_only=True)
    try:
        return snapshot(store)
    finally:
        store.close()


def run_cli(*args: str, key: str | None = KEY, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DASHBOARD_PSEUDONYM_KEY"}
    if key:
        env["DASHBOARD_PSEUDONYM_KEY"] = key
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_snapshot_sees_a_changed_value_and_a_new_row(db_copy):
    store = Store(db_copy)
    try:
        before = snapshot(store)
        assert before["survey_responses"][0] == 279  # the fixture's respondents, counted by hand
        store.sql("update survey_responses set weight = 2.0 where rowid = (select min(rowid) from survey_responses)")
        changed = snapshot(store)
        assert changed["survey_responses"][0] == 279 and changed["survey_responses"] != before["survey_responses"]
        assert {k: v for k, v in changed.items() if k != "survey_responses"} == {
            k: v for k, v in before.items() if k != "survey_responses"}
    finally:
        store.close()


@pytest.mark.parametrize("folder", [GOOD, BAD])
def test_fixture_files_are_committed(folder):
    assert len(list(folder.iterdir())) >= 9
