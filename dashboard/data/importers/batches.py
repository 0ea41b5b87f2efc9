"""Writing, undoing and listing import batches. Every write is one transaction: all or nothing.

A batch is one file. ``write`` puts every file of an import in one transaction, so a crash or
a kill part-way leaves the database as it was (DuckDB only makes a transaction durable at
commit). Rows are inserted straight into their table with their ``batch_id`` from a
registered pandas frame (not staged in a temp table), and counted back before commit.

Given a read-only store (the served snapshot: the Data page, the command line), ``write`` and
``undo`` write a new snapshot and publish it (``dashboard.data.snapshot.write``: one writer at a
time, the served file untouched until the new one is complete and verified).
"""

from __future__ import annotations

from contextlib import contextmanager

import pandas as pd

from dashboard import release
from dashboard.data.importers import TABLES, TITLES, Plan, key_columns
from dashboard.data.importers.problems import Problems, refuse, ImportRefused


class NeedsConfirmation(Exception):
    """Data for some council-periods is already loaded: replace it only when the user confirms."""

    def __init__(self, plan: Plan):
        self.plan = plan
        super().__init__(overlap_text(plan))


class AlreadyImported(Exception):
    """The same file (same content hash) is already imported: importing again would double count."""

    def __init__(self, plan: Plan):
        self.plan = plan
        lines = [f'{d["file"]} was already imported on {d["imported_at"]:%d/%m/%Y %H:%M} as batch '
                 f'{d["batch_id"]} (by {d["imported_by"]}): nothing was imported, so nothing is counted twice. '
                 f'To load it again, undo batch {d["batch_id"]} first.' for d in plan.already]
        super().__init__("\n".join(lines))


def overlap_text(plan: Plan) -> str:
    frame = plan.overlaps
    parts = [f"{r.period}: {r.areas} area{'s' if r.areas != 1 else ''}, {r.rows:,} rows (batch {r.batches})"
             for r in frame.itertuples()]
    return (f"{TITLES[plan.dataset]} already loaded for some of the same areas and periods — "
            + "; ".join(parts) + ". Nothing was imported. To replace those rows with this file's, confirm "
            "(--replace on the command line); undoing this import later puts them back.")


def _register_keys(cur, plan: Plan) -> list[str]:
    area_col, period_col = key_columns(plan.dataset)
    keys = pd.concat([f.rows[[area_col, period_col]] for f in plan.files]).drop_duplicates()
    cur.register("incoming_keys", keys)
    return [area_col, period_col]


def find_conflicts(store, plan: Plan) -> Plan:
    """Fill ``plan.already`` (same content hash) and ``plan.overlaps`` (council-periods loaded)."""
    cur = store.cursor()
    try:
        _conflicts(cur, plan)
    finally:
        cur.close()
    return plan


def _conflicts(cur, plan: Plan) -> None:
    table = TABLES[plan.dataset]
    hashes = [f.content_hash for f in plan.files]
    found = cur.execute(
        "select batch_id, file_name, content_hash, imported_by, imported_at from import_batches"
        " where dataset = ? and status = 'active' and content_hash in (select unnest(?::varchar[]))",
        [plan.dataset, hashes],
    ).fetchall()
    by_hash = {row[2]: row for row in found}
    plan.already = [
        {"file": f.file, "batch_id": by_hash[f.content_hash][0], "imported_by": by_hash[f.content_hash][3],
         "imported_at": by_hash[f.content_hash][4]}
        for f in plan.files if f.content_hash in by_hash
    ]
    area_col, period_col = _register_keys(cur, plan)
    try:
        plan.overlaps = cur.execute(
            f"select t.{period_col} as period, count(distinct t.{area_col}) as areas, count(*) as rows,"
            f" string_agg(distinct t.batch_id::varchar, ', ') as batches"
            f" from {table} t join incoming_keys k on t.{area_col} = k.{area_col} and t.{period_col} = k.{period_col}"
            f" group by t.{period_col} order by t.{period_col}"
        ).df()
    finally:
        cur.unregister("incoming_keys")


def _published(store):
    """For a read-only (served) store: a writable copy that is published when the block ends."""
    from dashboard.data import snapshot

    return snapshot.write(getattr(store, "served_path", None) or store.path)


@contextmanager
def _transaction(store, materialise: bool = True):
    """A cursor in one transaction: committed when the block ends, rolled back if it raises; after
    the commit, the writer's step (``release.materialise``: published cells for the new data
    version) unless ``materialise`` is False."""
    cur = store.cursor()
    try:
        cur.execute("begin transaction")
        try:
            yield cur
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
    finally:
        cur.close()
    if materialise:
        release.materialise(store)


def write(store, plan: Plan, who: str, replace: bool = False, progress=None, materialise: bool = True) -> list[int]:
    """Write every file of the plan as its own batch, in one transaction; return the batch ids.

    ``materialise=False`` leaves the release layer to the caller: the benchmark imports a
    dataset file by file into a store no one serves, and builds the layer once after (timed on
    its own). Every other writer keeps the default: cells for each new data version."""
    if store.read_only:
        with _published(store) as new:
            return write(new, plan, who, replace, progress)
    table = TABLES[plan.dataset]
    say = progress or (lambda message: None)
    with _transaction(store, materialise) as cur:
        _conflicts(cur, plan)  # again, inside the transaction
        if plan.already:
            raise AlreadyImported(plan)
        if plan.needs_confirmation and not replace:
            raise NeedsConfirmation(plan)
        columns = [r[0] for r in cur.execute(
            "select column_name, data_type from information_schema.columns where table_name = ?"
            " order by ordinal_position", [table]).fetchall()]
        types = dict(cur.execute(
            "select column_name, data_type from information_schema.columns where table_name = ?", [table]
        ).fetchall())
        first = cur.execute("select coalesce(max(batch_id), 0) + 1 from import_batches").fetchall()[0][0]
        replaced = 0
        if plan.needs_confirmation:
            replaced = _replace(cur, plan, table, replaced_by=first)
            say(f"Set aside {replaced:,} rows already loaded for the same areas and periods.")
        ids = []
        for i, f in enumerate(plan.files):
            batch_id = first + i
            say(f"Writing {f.file} as batch {batch_id} ({f.row_count:,} rows)…")
            frame = f.rows.copy()
            frame.insert(0, "batch_id", batch_id)
            cur.register("incoming", frame)
            select = ", ".join(f'cast("{c}" as {types[c]}) as "{c}"' if c in frame.columns else f'null as "{c}"'
                               for c in columns)
            cur.execute(f"insert into {table} select {select} from incoming")
            cur.unregister("incoming")
            landed = cur.execute(f"select count(*) from {table} where batch_id = ?", [batch_id]).fetchall()[0][0]
            if landed != f.row_count:
                raise RuntimeError(f"{f.file}: {landed} rows landed of {f.row_count}; nothing was imported")
            cur.execute(
                "insert into import_batches (batch_id, dataset, file_name, content_hash, row_count, periods,"
                " imported_by, file_format, replaced_rows) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [batch_id, plan.dataset, f.file, f.content_hash, f.row_count, ", ".join(f.periods), who,
                 f.format, replaced if i == 0 else 0],
            )
            say(f"Wrote {f.file} as batch {batch_id}.")
            ids.append(batch_id)
    store.publish_note = f"import of batch{'es' if len(ids) != 1 else ''} {', '.join(map(str, ids))} ({plan.dataset})"
    return ids


def _replace(cur, plan: Plan, table: str, replaced_by: int) -> int:
    """Move the rows for the plan's council-periods to ``replaced_<table>`` (undo puts them back)."""
    area_col, period_col = _register_keys(cur, plan)
    try:
        match = f"t.{area_col} = k.{area_col} and t.{period_col} = k.{period_col}"
        cur.execute(f"insert into replaced_{table} select ? as replaced_by, t.* from {table} t"
                    f" join incoming_keys k on {match}", [replaced_by])
        moved = cur.execute(f"select count(*) from replaced_{table} where replaced_by = ?", [replaced_by]).fetchall()[0][0]
        cur.execute(f"delete from {table} t using incoming_keys k where {match}")
    finally:
        cur.unregister("incoming_keys")
    return int(moved)


def undo(store, batch_id: int, who: str) -> dict:
    """Take a batch's rows out and put back any rows it replaced; the history keeps the batch
    marked as undone (by whom, when)."""
    if store.read_only:
        with _published(store) as new:
            return undo(new, batch_id, who)
    with _transaction(store) as cur:
        found = cur.execute("select dataset, file_name, status, row_count from import_batches where batch_id = ?",
                            [batch_id]).fetchall()
        row = found[0] if found else None
        if row is None:
            raise ValueError(f"There is no batch {batch_id}: choose a batch number from the import history.")
        dataset, file_name, status, rows = row
        if status != "active":
            raise ValueError(f"Batch {batch_id} has already been undone: nothing was changed.")
        table = TABLES[dataset]
        area_col, period_col = key_columns(dataset)
        removed = cur.execute(f"select count(*) from {table} where batch_id = ?", [batch_id]).fetchall()[0][0]
        cur.execute(f"delete from {table} where batch_id = ?", [batch_id])
        cur.execute(f"delete from replaced_{table} where batch_id = ?", [batch_id])
        # rows this batch replaced come back, unless a later batch now holds their area and period
        match = f"t.{area_col} = r.{area_col} and t.{period_col} = r.{period_col}"
        restored = cur.execute(
            f"select count(*) from replaced_{table} r where replaced_by = ?"
            f" and not exists (select 1 from {table} t where {match})", [batch_id]).fetchall()[0][0]
        cur.execute(
            f"update replaced_{table} r set replaced_by = (select max(t.batch_id) from {table} t where {match})"
            f" where replaced_by = ? and exists (select 1 from {table} t where {match})", [batch_id])
        cur.execute(
            f"insert into {table} by name select * exclude (replaced_by) from replaced_{table} r where replaced_by = ?",
            [batch_id])
        cur.execute(f"delete from replaced_{table} where replaced_by = ?", [batch_id])
        cur.execute("update import_batches set status = 'undone', undone_by = ?, undone_at = current_timestamp"
                    " where batch_id = ?", [who, batch_id])
    store.publish_note = f"undo of batch {batch_id} ({dataset})"
    return {"batch_id": batch_id, "dataset": dataset, "file": file_name, "removed": int(removed),
            "restored": int(restored)}


def plan_areas(plan: Plan) -> list[str]:
    """Every council (or, for the published ASCOF file, region and England) the plan has rows for."""
    return sorted({a for f in plan.files for a in f.areas})


def batch_areas(store, batch_id: int) -> list[str]:
    """Every council a batch holds rows for (its own rows and rows later set aside from it)."""
    found = store.sql("select dataset from import_batches where batch_id = ?", [int(batch_id)])
    if found.empty:
        return []
    dataset = found["dataset"].iloc[0]
    table = TABLES[dataset]
    area_col, _ = key_columns(dataset)
    frame = store.sql(f"select distinct {area_col} as area from {table} where batch_id = ?"
                      f" union select distinct {area_col} from replaced_{table} where batch_id = ?",
                      [int(batch_id), int(batch_id)])
    return sorted(str(a) for a in frame["area"].dropna())


def area_names(store) -> dict[str, str]:
    """Council code -> name, for messages."""
    frame = store.sql("select area_code, area_name from areas")
    return dict(zip(frame["area_code"], frame["area_name"]))


def history(store) -> pd.DataFrame:
    """Every batch, newest first: who, when, file, dataset, rows, periods, hash, status."""
    return store.sql(
        "select batch_id, dataset, file_name, file_format, row_count, periods, imported_by, imported_at,"
        " content_hash, status, replaced_rows, undone_by, undone_at from import_batches order by batch_id desc"
    )


def loaded(store) -> pd.DataFrame:
    """Per dataset: active batches, rows and periods loaded, last import (no file names, no people)."""
    return store.sql(
        "select dataset, count(*) as batches, sum(row_count) as rows, string_agg(periods, ', ') as periods,"
        " max(imported_at) as last_import from import_batches where status = 'active' group by dataset"
    )


__all__ = ["write", "undo", "history", "loaded", "plan_areas", "batch_areas", "area_names", "find_conflicts", "NeedsConfirmation", "AlreadyImported",
           "Problems", "ImportRefused"]
