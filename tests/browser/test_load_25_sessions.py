"""Load: 25 browser sessions (one Chromium, 25 contexts) on one real Streamlit server keep
rerunning different pages and filters, each in its own Streamlit session (the R key: a reload
would start a new session and so could not show a session keeping an old snapshot), while a
command-line import (two files, one transaction) and then an undo publish new snapshots.

The driver (``dashboard.bench.load``) runs in a process of its own: it uses Playwright's async
API, which cannot share a process with the sync Playwright of the other browser tests. It prints
p50/p95 page time and the import's publish and swap times (also in its JSON, kept in
test-artifacts/bench/load_25_sessions.json). Bounded: 25 sessions, loopback only, each page at
most 5 minutes and the whole run at most 25 (6-7 minutes on this 2-core machine at load 3-22,
fewer quiet; the waits are generous because the machine running the tests may be loaded many
times over). Seen red: with a session keeping the snapshot it first pinned, the pages did not
change and no session showed the new figures."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, artifacts_dir
from tests.unit.test_import_common import KEY

pytestmark = pytest.mark.browser

SESSIONS = 25
SURVEY = ROOT / "tests" / "fixtures" / "imports" / "good" / "survey.csv"
WAKEFIELD, YORK = "E08000036", "E06000014"


def york_file(tmp_path):
    """A second survey file (York) so that the import is two files, two batches, one transaction."""
    text = SURVEY.read_text()
    assert WAKEFIELD in text
    path = tmp_path / "survey_york.csv"
    path.write_text(text.replace(WAKEFIELD, YORK).replace(",W0", ",Y0"))
    return path


def test_25_sessions_while_an_import_and_an_undo_run(fixture_db, tmp_path):
    db = tmp_path / "load.duckdb"
    shutil.copy(fixture_db, db)
    out = tmp_path / "load.json"
    env = {**os.environ, "DASHBOARD_PSEUDONYM_KEY": KEY}
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard.bench.load", "--db", str(db), "--dataset", "survey",
         "--files", str(SURVEY), str(york_file(tmp_path)), "--sessions", str(SESSIONS),
         "--page-timeout", "300", "--deadline", "1500", "--json", str(out), "--log-dir", str(artifacts_dir("logs"))],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    print(proc.stdout)
    print(proc.stderr[-4000:])  # the driver's steps with their times
    assert out.exists(), proc.stderr[-3000:]
    result = json.loads(out.read_text())
    assert "failed" not in result, (result, proc.stderr[-3000:])
    shutil.copy(out, artifacts_dir("bench") / "load_25_sessions.json")

    assert result["errors"] == [], result["errors"][:3]
    assert result["server_tracebacks"] == 0, result["server_log"]
    # the import changed what the pages over every area show (both files' councils appear), and
    # the undo changed it again (the second file's council goes)
    for url in result["pages_changing"]:
        assert result["changed"][url] == {"by_import": True, "by_undo": True}, url
    assert result["sessions_disagreeing"] == []
    assert len(result["import"]["batches"]) == 2  # two files, one transaction
    # never half an import: every page any session showed was a whole state
    assert result["half_states"] == [], result["half_states"][:2]
    # each session shows the new figures at its next rerun
    assert result["not_updated"] == [], result["not_updated"][:2]
    assert result["sessions_updated_after_import"] == result["sessions_updated_after_undo"] == SESSIONS
    assert result["page_runs"] >= 4 * SESSIONS
    # the writes really ran under load: every session had a rerun under way during each of them
    assert result["sessions_rerunning_during_both_writes"] == SESSIONS
    assert proc.returncode == 0, proc.stderr[-3000:]
