"""Build the dashboard database from ``sample_data/`` (first start, or ``init --force``).

The build writes a new file beside the target and moves it into place only when complete
(holding the writer lock, like an import: ``dashboard.data.snapshot``), so a failed or
interrupted build never leaves a half-built database behind, and a running dashboard moves to
the new file at its next rerun.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pandas as pd

from dashboard import config
from dashboard.data import ascof, reference
from dashboard.data.sample import SAMPLE_FILES
from dashboard.data.store import Store, connect, migrate

#: dataset name (as the CLI and the Data page call it) -> table
DATASET_TABLES = {
    "ascof": "ascof_figures",
    "survey": "survey_responses",
    "support": "support_records",
    "dp_experience": "dp_experience",
    "breakdowns": "breakdowns",
    "coproduction": "coproduction_activities",
    "i_statements": "i_statement_checkins",
}


def _hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_reference(con) -> None:
    for table, frame in (
        ("regions", reference.regions_frame()),
        ("areas", reference.areas_frame()),
        ("periods", reference.periods_frame()),
    ):
        con.register("incoming", frame)
        con.execute(f"insert into {table} by name select * from incoming")
        con.unregister("incoming")


def _next_batch_id(con) -> int:
    return con.execute("select coalesce(max(batch_id), 0) + 1 from import_batches").fetchone()[0]


def _record_batch(con, dataset: str, path: Path, rows: int, periods: list[str], who: str, batch_id: int | None = None) -> int:
    batch_id = batch_id or _next_batch_id(con)
    con.execute(
        "insert into import_batches (batch_id, dataset, file_name, content_hash, row_count, periods, imported_by)"
        " values (?, ?, ?, ?, ?, ?, ?)",
        [batch_id, dataset, path.name, _hash_file(path), rows, ", ".join(sorted(periods)), who],
    )
    return batch_id


def _dataset_file(source_dir: Path, table: str) -> Path | None:
    for name in (f"{table}.csv.gz", f"{table}.csv"):
        if (source_dir / name).exists():
            return source_dir / name
    return None


def load_sample(con, source_dir: Path = config.SAMPLE_DATA_DIR) -> dict[str, int]:
    """Load every dataset file in ``source_dir`` as its own import batch.

    ``source_dir`` holds ``<table>.csv`` or ``<table>.csv.gz`` per dataset and, under
    ``reference/``, published ASCOF slices named ``ascof_YYYY_YY_*.csv`` (publisher's shape).
    """
    counts = {"ascof_figures": 0}
    for path in sorted((source_dir / "reference").glob("ascof_*.csv")):
        year = path.name.split("_")[1]
        period = f"{year}-{path.name.split('_')[2]}"
        frame = ascof.tidy(pd.read_csv(path, encoding="cp1252", dtype=str, keep_default_na=False), period)
        batch = _record_batch(con, "ascof", path, len(frame), [period], "sample data")
        frame.insert(0, "batch_id", batch)
        con.register("incoming", frame)
        con.execute("insert into ascof_figures by name select * from incoming")
        con.unregister("incoming")
        counts["ascof_figures"] += len(frame)

    for table in SAMPLE_FILES:
        path = _dataset_file(source_dir, table)
        if path is None:
            continue
        dataset = next(name for name, t in DATASET_TABLES.items() if t == table)
        batch = _next_batch_id(con)
        # DuckDB reads the gzip CSV itself; the table's own column types do the casting.
        # (Not through a temp staging table: in one transaction DuckDB 2.0 lost rows read
        # back from a large temp table.)
        con.execute(
            f"insert into {table} by name"
            " select ?::integer as batch_id, * from read_csv(?, header = true, all_varchar = true)",
            [batch, str(path)],
        )
        rows = con.execute(f"select count(*) from {table} where batch_id = ?", [batch]).fetchone()[0]
        periods = [p for (p,) in con.execute(f"select distinct period from {table} where batch_id = ?", [batch]).fetchall()]
        _record_batch(con, dataset, path, rows, periods, "sample data", batch)
        counts[table] = rows
    return counts


def build_database(path: Path, force: bool = False, source_dir: Path = config.SAMPLE_DATA_DIR) -> dict[str, int]:
    """Create the database at ``path`` from ``source_dir`` (the sample data by default).

    Refuses to overwrite an existing file unless forced."""
    path = Path(path)
    if path.exists() and not force:
        raise FileExistsError(f"{path} already exists: use --force to rebuild it from sample_data/.")
    path.parent.mkdir(parents=True, exist_ok=True)
    from dashboard.data import snapshot

    if path.exists():  # rebuilding over an older install: its board records go to the records store first
        from dashboard.records import legacy

        legacy.copy_board_records(path)

    asked = time.perf_counter()
    with snapshot.writer_lock(path, what="init"):
        started = time.perf_counter()
        if path.exists() and not force:  # built by another process while this one waited
            raise FileExistsError(f"{path} already exists: use --force to rebuild it from sample_data/.")
        partial = path.with_name(path.name + ".building")
        for leftover in (partial, partial.with_name(partial.name + ".wal")):
            leftover.unlink(missing_ok=True)
        try:
            con = connect(partial)
            try:
                migrate(con)
                con.execute("begin transaction")
                load_reference(con)
                counts = load_sample(con, Path(source_dir))
                con.execute("commit")
            finally:
                con.close()
            store = Store(partial)
            store.served_path = path  # the records store (saved groups) sits beside the served file
            try:
                snapshot.after_write(store)
            finally:
                store.close()
            snapshot.checkpoint(partial)
            path.with_name(path.name + ".wal").unlink(missing_ok=True)
            written = time.perf_counter()
            steps = snapshot.publish(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    snapshot.record_timings(path, f"init from {Path(source_dir).name}/", dict(
        lock_wait_seconds=started - asked, copy_seconds=0.0, write_seconds=written - started,
        verify_seconds=steps["verify"], swap_seconds=steps["swap"], lock_held_seconds=time.perf_counter() - started))
    return counts


def ensure_database(path: Path | None = None) -> Path:
    """Build the database on first start if it is missing, bring an older one to the latest
    schema (as a new snapshot), copy an older install's board records into the records store
    (once: ``records.legacy``); return its path."""
    from dashboard.data import snapshot

    from dashboard.records import legacy

    path = Path(path or config.database_path())
    if not path.exists():
        try:
            build_database(path)
        except FileExistsError:  # another process built it first
            pass
    snapshot.upgrade(path)
    legacy.copy_board_records(path)  # an older install's board records, once, into the records store
    return path


def open_store(path: Path | None = None) -> Store:
    """The current snapshot, read-only (writes go through ``dashboard.data.snapshot.write``)."""
    return Store(ensure_database(path), read_only=True)
