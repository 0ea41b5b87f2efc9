"""Board records of an older install, copied once into the records store.

Versions before the records store kept the board's own records inside the DuckDB file
(migrations 003 and 004: ``comparison_groups``, ``comparison_group_members``, ``board_actions``,
``board_meetings``, ``self_assessments``). At first start, ``init --force`` or any command that
opens the database (``build.ensure_database``), ``copy_board_records`` copies them into the
records store:

- **once**: a row in ``legacy_copies`` says it was done (written in the same transaction as the
  rows), so a rerun, another process or a restart copies nothing again;
- **all or nothing**: every row of every table in one write transaction; any error leaves the
  records store as it was, and the next start tries again;
- ids are kept where they are free (a shared link to ``group=named-3`` still opens the same
  group); where the records store already has that id (records written since the upgrade), the
  row gets a new one and a group's members follow it. A group whose name is already taken, a
  meeting already recorded for that council and date, and a row identical to one already there
  are not copied twice (they are counted as skipped).

The DuckDB file is only read (read-only, as every serving process opens it).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import sqlalchemy as sa

from dashboard.records.board import (board_actions, board_meetings, comparison_group_members, comparison_groups,
                                     self_assessments)
from dashboard.records.db import metadata, ready_engine, records_url, writing

log = logging.getLogger("dashboard.records.legacy")

SOURCE = "board records kept in the DuckDB file (migrations 003 and 004)"

legacy_copies = sa.Table(
    "legacy_copies", metadata,
    sa.Column("source", sa.String(200), primary_key=True),  # what was copied (one row per kind of copy)
    sa.Column("copied_at", sa.DateTime, nullable=False),  # UTC
    sa.Column("database", sa.String(255), nullable=False),  # the DuckDB file it was copied from
    sa.Column("counts", sa.Text, nullable=False),  # JSON: rows copied and skipped per table
)

#: old DuckDB table -> (records table, id column or None, columns that make a row "the same one")
TABLES = {
    "comparison_groups": (comparison_groups, "group_id", ("group_name",)),
    "comparison_group_members": (comparison_group_members, None, ("group_id", "area_code")),
    "board_actions": (board_actions, "action_id", None),
    "board_meetings": (board_meetings, "meeting_id", ("area_code", "meeting_date")),
    "self_assessments": (self_assessments, "assessment_id", None),
}


def _copied(conn) -> bool:
    return conn.execute(sa.select(legacy_copies.c.source).where(legacy_copies.c.source == SOURCE)).first() is not None


def read_old_records(db: Path | str) -> dict[str, list[dict]]:
    """The board records inside the DuckDB file (read-only), per old table; {} where a table is missing."""
    from dashboard.data.store import connect

    con = connect(db, read_only=True)
    try:
        present = {t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
        out = {}
        for name, (table, id_column, _) in TABLES.items():
            if name not in present:
                continue
            old_columns = {c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_name = ?", [name]).fetchall()}
            columns = [c.name for c in table.columns if c.name in old_columns]
            order = f' order by "{id_column}"' if id_column else ""
            result = con.execute(f'select {", ".join(chr(34) + c + chr(34) for c in columns)} from "{name}"{order}')
            out[name] = [dict(zip(columns, row)) for row in result.fetchall()]
        return out
    finally:
        con.close()


def _same_row(conn, table: sa.Table, row: dict, id_column: str | None, key: tuple | None):
    """The id (or True) of a row already in the records store that is this row; None if there is none."""
    columns = key or tuple(c for c in row if c != id_column)
    clauses = [table.c[c].is_(None) if row.get(c) is None else table.c[c] == row[c] for c in columns]
    found = conn.execute(sa.select(table.c[id_column] if id_column else sa.literal(1)).where(*clauses)).first()
    return None if found is None else (found[0] if id_column else True)


def _insert(conn, table: sa.Table, row: dict, id_column: str) -> int:
    """Insert keeping the old id where it is free, else with a new one; the id it got."""
    taken = conn.execute(sa.select(table.c[id_column]).where(table.c[id_column] == row[id_column])).first()
    if taken is None:
        conn.execute(table.insert().values(**row))
        return int(row[id_column])
    values = {k: v for k, v in row.items() if k != id_column}
    return int(conn.execute(table.insert().values(**values).returning(table.c[id_column])).scalar_one())


def _reset_sequences(conn) -> None:
    """PostgreSQL: serial columns carry on after the ids copied in (SQLite needs nothing)."""
    if conn.dialect.name != "postgresql":
        return
    for table, id_column, _ in TABLES.values():
        if id_column:
            conn.execute(sa.text(
                f"select setval(pg_get_serial_sequence('{table.name}', '{id_column}'), "
                f"coalesce((select max({id_column}) from {table.name}), 1), "
                f"(select max({id_column}) from {table.name}) is not null)"))


def _copy(conn, old: dict[str, list[dict]]) -> dict[str, dict[str, int]]:
    counts = {name: {"copied": 0, "skipped": 0} for name in old}
    group_ids: dict[int, int | None] = {}  # old group id -> its id in the records store (None: not copied)
    for name, (table, id_column, key) in TABLES.items():
        for row in old.get(name, []):
            row = dict(row)
            if name == "comparison_group_members":
                new_group = group_ids.get(int(row["group_id"]))
                if new_group is None:  # its group was not copied (a group of that name was there already)
                    counts[name]["skipped"] += 1
                    continue
                row["group_id"] = new_group
            if _same_row(conn, table, row, id_column, key) is not None:
                counts[name]["skipped"] += 1
                if name == "comparison_groups":
                    group_ids[int(row["group_id"])] = None
                continue
            if id_column:
                new_id = _insert(conn, table, row, id_column)
                if name == "comparison_groups":
                    group_ids[int(row["group_id"])] = new_id
            else:
                conn.execute(table.insert().values(**row))
            counts[name]["copied"] += 1
    _reset_sequences(conn)
    return counts


def copy_board_records(db: Path | str, url: str | None = None) -> dict[str, dict[str, int]] | None:
    """Copy the board records an older version kept in the DuckDB file ``db`` into the records
    store beside it (or ``url``), once. Returns the counts per table, or None if they had been
    copied before (by this or another process)."""
    db = Path(db)
    engine = ready_engine(url or records_url(db))
    with engine.connect() as conn:
        if _copied(conn):
            return None
    old = read_old_records(db)
    try:
        with writing(engine) as conn:  # SQLite: the write lock first, so a second process waits, then sees the mark
            if _copied(conn):
                return None
            counts = _copy(conn, old)
            conn.execute(legacy_copies.insert().values(
                source=SOURCE, copied_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                database=db.name[:255], counts=json.dumps(counts)))
    except sa.exc.IntegrityError:  # PostgreSQL: another process copied them at the same moment (its mark won)
        with engine.connect() as conn:
            if _copied(conn):
                return None
        raise
    total = sum(c["copied"] for c in counts.values())
    if total:
        log.info("copied %d board records from %s into the records store: %s", total, db.name, counts)
    return counts
