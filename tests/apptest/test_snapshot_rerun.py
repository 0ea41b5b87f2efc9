"""A session moves to a newly published snapshot at its next rerun, every figure of it: also when
the new snapshot has the same import history as the old one (``init --force`` from other files),
so nothing cached for the old snapshot may be served for the new one."""

from __future__ import annotations

import csv
import shutil

import pytest

from dashboard.data.build import build_database
from dashboard.data.store import Store
from tests.apptest.helpers import all_text, assert_no_crash, open_page
from tests.conftest import FIXTURE_DATA

LEEDS = "E08000035"


def data_version(db) -> str:
    store = Store(db, read_only=True)
    try:
        return store.data_version()
    finally:
        store.close()


def every_leeds_answer_says_in_control(source) -> None:
    path = source / "survey_responses.csv"
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["area_code"] == LEEDS:
            row["q3a_control"] = "1"
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("page", ["overview", "direct-payments"])  # the figures cache; a theme page's cache
def test_the_next_rerun_shows_the_new_snapshot_though_its_import_history_is_the_same(page, fixture_db, tmp_path,
                                                                                      monkeypatch):
    served = tmp_path / "served.duckdb"
    shutil.copy(fixture_db, served)
    monkeypatch.setenv("DASHBOARD_DB", str(served))
    at = open_page(page, area=LEEDS, period="2024-25")
    before = all_text(at)

    source = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, source)
    every_leeds_answer_says_in_control(source)
    old_version = data_version(served)
    build_database(served, force=True, source_dir=source)  # published while the session is open
    assert data_version(served) == old_version  # the same import history: only the file differs

    at.run()  # the session's next rerun
    assert_no_crash(at)
    after = all_text(at)

    # what a server started on the new snapshot shows (another path: nothing cached for it)
    fresh = tmp_path / "fresh.duckdb"
    shutil.copy(served, fresh)
    monkeypatch.setenv("DASHBOARD_DB", str(fresh))
    expected = all_text(open_page(page, area=LEEDS, period="2024-25"))
    assert expected != before
    assert after == expected
