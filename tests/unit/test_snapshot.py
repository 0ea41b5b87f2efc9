"""Read-only snapshots: an import or undo writes a copy and swaps it in; the served file is
never written in place, one writer at a time, and a killed or failed writer changes nothing."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from dashboard.data import snapshot
from dashboard.data.importers import batches
from dashboard.data.store import Store, StoreError
from tests.conftest import ROOT
from tests.unit.test_import_common import KEY, snapshot_file
from tests.unit.test_import_kill import big_survey


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def served(fixture_db, tmp_path):
    db = tmp_path / "served.duckdb"
    shutil.copy(fixture_db, db)
    return db


def test_a_write_publishes_a_new_file_and_readers_move_at_their_next_look(served):
    snapshots = snapshot.Snapshots(served)
    old = snapshots.current()
    before = old.sql("select count(*) as n from import_batches").n[0]
    old_identity = snapshot.identity(served)
    with snapshot.write(served) as new:
        new.sql("insert into import_batches (batch_id, dataset, file_name, content_hash, row_count, periods,"
                " imported_by) values (999, 'survey', 'x.csv', 'abc', 0, '2024-25', 'test')")
        # while the copy is being written, the served file is still the old one
        assert snapshot.identity(served) == old_identity
    assert snapshot.identity(served) != old_identity
    assert set(snapshot.last_timings) == {"copy", "write", "verify_and_swap", "swap", "total", "lock_held"}
    # a run that pinned the old snapshot keeps reading it, whole, though it has been replaced
    assert old.sql("select count(*) as n from import_batches").n[0] == before
    current = snapshots.current()
    assert current is not old
    assert current.sql("select count(*) as n from import_batches").n[0] == before + 1
    assert current.read_only
    assert not list(served.parent.glob(".served.duckdb.new-*"))
    assert not served.with_name("served.duckdb.wal").exists()


def test_a_failed_write_leaves_the_served_snapshot_untouched(served):
    digest = sha256(served)
    with pytest.raises(RuntimeError, match="half way"):
        with snapshot.write(served) as new:
            new.sql("delete from survey_responses")
            raise RuntimeError("half way")
    assert sha256(served) == digest
    assert not list(served.parent.glob(".served.duckdb.new-*"))


def test_an_import_through_a_read_only_store_publishes_a_snapshot(served):
    from dashboard.data import importers
    from dashboard.data.importers.reading import Source

    reader = Store(served, read_only=True)
    os.environ.setdefault("DASHBOARD_PSEUDONYM_KEY", KEY)
    plan = importers.prepare("survey", [Source.from_path(ROOT / "tests/fixtures/imports/good/survey.csv")], store=reader)
    digest = sha256(served)
    ids = batches.write(reader, plan, who="test")
    assert sha256(served) != digest
    assert reader.sql("select count(*) as n from import_batches where batch_id = ?", [ids[0]]).n[0] == 0  # old
    fresh = Store(served, read_only=True)
    assert fresh.sql("select count(*) as n from import_batches where batch_id = ?", [ids[0]]).n[0] == 1
    done = batches.undo(fresh, ids[0], who="test")
    assert done["removed"] == plan.row_count
    reader.close(), fresh.close()


def test_a_second_writer_waits_then_is_told_clearly(served):
    with snapshot.writer_lock(served):
        started = time.perf_counter()
        with pytest.raises(snapshot.WriterBusy, match="Another import or undo is being written"):
            with snapshot.write(served, wait=0.5):
                pass
        assert 0.4 < time.perf_counter() - started < 10
        # the command line says the same, and exits 2
        result = subprocess.run(
            [sys.executable, "-m", "dashboard", "import", "survey", str(ROOT / "tests/fixtures/imports/good/survey.csv"),
             "--db", str(served), "--wait", "1"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
            env={**os.environ, "DASHBOARD_PSEUDONYM_KEY": KEY})
        assert result.returncode == 2, result.stderr
        assert "Another import or undo is being written" in result.stderr
    assert snapshot.lock_path(served).name == "served.duckdb.lock"


def test_the_served_file_stays_readable_by_other_processes_during_an_import(served):
    """Read-only opens from another process while a writer holds the lock and writes its copy."""
    with snapshot.write(served) as new:
        new.sql("delete from survey_responses")
        probe = subprocess.run(
            [sys.executable, "-c", "import sys; from dashboard.data.store import Store; "
             "print(Store(sys.argv[1], read_only=True).sql('select count(*) as n from survey_responses').n[0])",
             str(served)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert probe.returncode == 0, probe.stderr
        assert int(probe.stdout) > 0
    assert Store(served, read_only=True).sql("select count(*) as n from survey_responses").n[0] == 0


def test_sigkill_of_imports_at_random_points_never_touches_the_served_snapshot(served, tmp_path):
    """At least 20 imports killed with SIGKILL at random moments (before, during and after the
    write, some during the swap's verify): each time the served file is byte-for-byte the same
    and opens cleanly read-only; then an import runs to the end."""
    data = tmp_path / "survey_E08000036.csv"
    big_survey(data, "E08000036", 60_000)
    digest, content = sha256(served), snapshot_file(served)
    pristine = shutil.copy(served, tmp_path / "pristine.duckdb")
    rng = random.Random(11)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "DASHBOARD_PSEUDONYM_KEY": KEY}
    command = [sys.executable, "-m", "dashboard", "import", "survey", str(data), "--db", str(served)]
    phases: dict[str, int] = {}
    kills = 0
    for attempt in range(24):
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        # after which progress line to kill, then a random delay after it
        trigger = rng.choice(["", "Checking", "Checked:", "Writing ", "Wrote "])
        delay = rng.uniform(0, 0.8) if trigger else rng.uniform(0.2, 3.0)
        try:
            if trigger:
                for line in proc.stderr:
                    if line.startswith(trigger):
                        break
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait(timeout=120)
            proc.stderr.close(), proc.stdout.close()
        assert proc.returncode in (-signal.SIGKILL, 0)
        kills += proc.returncode == -signal.SIGKILL
        if sha256(served) == digest:
            phase = f"unchanged (killed after '{trigger.strip() or 'start'}')"
            assert snapshot_file(served) == content, f"attempt {attempt}"
        else:  # the kill came after the swap: the import was published whole, never half
            phase = "published whole before the kill"
            assert snapshot_file(served)["survey_responses"][0] == content["survey_responses"][0] + 60_000
            shutil.copy(pristine, served)
        phases[phase] = phases.get(phase, 0) + 1
    unchanged = sum(n for phase, n in phases.items() if phase.startswith("unchanged"))
    print(f"\nSIGKILL test: {kills} kills; served snapshot {phases}")
    assert kills >= 20 and unchanged >= 15
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert snapshot_file(served)["survey_responses"][0] == content["survey_responses"][0] + 60_000
    assert not list(served.parent.glob(".served.duckdb.new-*"))  # the killed writers' copies are gone


def test_init_over_a_served_database_swaps_it_whole(served):
    reader = Store(served, read_only=True)
    before = reader.sql("select count(*) as n from survey_responses").n[0]
    from dashboard.data.build import build_database

    build_database(served, force=True, source_dir=ROOT / "tests/fixtures/data")
    assert reader.sql("select count(*) as n from survey_responses").n[0] == before
    reader.close()


def test_a_missing_database_is_reported(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        with snapshot.write(tmp_path / "none.duckdb"):
            pass


def test_each_publish_keeps_its_swap_time_and_lock_hold_time_in_the_records(served, monkeypatch):
    """An import and its undo through the served (read-only) store: each publish is one row of
    ``snapshot_publishes`` in the records beside the database, with the swap and the lock hold."""
    from dashboard.data.importers import Source, import_files
    from dashboard.records import publishes
    from tests.unit.test_import_common import GOOD

    monkeypatch.setenv("DASHBOARD_PSEUDONYM_KEY", KEY)
    monkeypatch.delenv("DASHBOARD_RECORDS_URL", raising=False)
    store = Store(served, read_only=True)
    try:
        (batch,) = import_files(store, "survey", [Source.from_path(GOOD / "survey.csv")], who="asha")
    finally:
        store.close()
    store = Store(served, read_only=True)
    try:
        batches.undo(store, batch, who="asha")
    finally:
        store.close()
    rows = publishes.read(served)
    assert list(rows["what"][:2]) == [f"undo of batch {batch} (survey)", f"import of batch {batch} (survey)"]
    for row in rows.head(2).itertuples():
        assert 0 < row.swap_seconds < 5
        steps = row.copy_seconds + row.write_seconds + row.verify_seconds + row.swap_seconds
        assert row.lock_held_seconds >= steps > 0
        assert row.lock_wait_seconds >= 0
    assert snapshot.last_timings["swap"] == pytest.approx(rows["swap_seconds"].iloc[0])
    shown = publishes.shown(rows)
    assert shown.columns[-2:].tolist() == ["Swap (ms)", "Writer lock held (s)"]


def test_a_read_write_store_leaves_no_transaction_open_so_a_checkpoint_after_a_write_goes_through(tmp_path):
    """The benchmark's import hang (issue 13): the store's own migrations left a result open on
    its main connection, so a FORCE CHECKPOINT after any write waited for ever. A plain
    CHECKPOINT refuses (instead of waiting) while another transaction is open: it must pass."""
    Store(tmp_path / "db.duckdb").close()  # built and migrated
    store = Store(tmp_path / "db.duckdb")  # opened again: nothing to migrate, the version is read
    try:
        cur = store.cursor()
        cur.execute("create table written as select 1 as a")
        cur.close()
        store.sql("checkpoint")
        assert store.sql("select count(*) as n from written")["n"].iloc[0] == 1
    finally:
        store.close()
