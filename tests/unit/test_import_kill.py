"""All or nothing: an import process killed (SIGKILL) part-way through writing leaves the
database exactly as it was, and consistent (every row belongs to a recorded batch)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

from dashboard.data.store import Store
from tests.conftest import ROOT
from tests.unit.test_import_common import snapshot, snapshot_file

HEADER = "area_code,period,age_band,support_reason,support_setting,delivery_mechanism,q1_satisfaction,q2c_choice,q3a_control,q8a_social_contact,q12_information,weight"


def big_survey(path, area: str, rows: int) -> None:
    line = f"{area},2024-25,18-64,Physical Support,community,4,2,1,1,1,2,1.0"
    path.write_text(HEADER + "\n" + "\n".join([line] * rows) + "\n")


def test_sigkill_part_way_through_an_import_leaves_the_database_unchanged(fixture_db, tmp_path):
    db = tmp_path / "kill.duckdb"
    shutil.copy(fixture_db, db)
    files = []
    for area in ["E08000036", "E06000014", "E08000012"]:  # Wakefield, York, Liverpool: none in the fixture
        path = tmp_path / f"survey_{area}.csv"
        big_survey(path, area, 150_000)
        files.append(str(path))
    before = snapshot_file(db)

    proc = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "import", "survey", *files, "--db", str(db)],
        cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    seen = []
    deadline = time.time() + 240
    try:
        for line in proc.stderr:  # progress lines: "Wrote survey_E08000036.csv as batch 8."
            seen.append(line)
            if line.startswith("Wrote ") or time.time() > deadline:
                os.kill(proc.pid, signal.SIGKILL)  # the first file is written, the others are not: mid-transaction
                break
    finally:
        proc.wait(timeout=60)
    assert any(line.startswith("Wrote survey_E08000036.csv") for line in seen), seen
    assert proc.returncode == -signal.SIGKILL
    assert not any("Imported" in line for line in seen)

    store = Store(db)  # reopening replays the log: only committed work survives
    try:
        assert snapshot(store) == before
        orphans = store.sql(
            "select count(*) as n from survey_responses where batch_id not in (select batch_id from import_batches)").n[0]
        assert orphans == 0
    finally:
        store.close()

    # and the database still takes an import afterwards
    done = subprocess.run([sys.executable, "-m", "dashboard", "import", "survey", files[0], "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    after = snapshot_file(db)
    assert after["survey_responses"][0] == before["survey_responses"][0] + 150_000
