"""``python -m dashboard init [--force]``: build the database from sample_data/."""

from __future__ import annotations

from pathlib import Path

from dashboard import config
from dashboard.cli import DB, Command, argument


COMMAND = Command(
    "init",
    help="build the database from sample_data/",
    description="Build the embedded DuckDB database (DASHBOARD_DB, default data/dashboard.duckdb) "
    "from the committed sample data.",
    arguments=(
        argument("--force", action="store_true", help="replace an existing database"),
        DB,
        argument("--source", type=Path, default=config.SAMPLE_DATA_DIR, help="folder of dataset files (default: sample_data/)"),
    ),
)


def run(args) -> int:
    from dashboard.data.build import build_database

    path = args.db or config.database_path()
    counts = build_database(path, force=args.force, source_dir=args.source)
    print(f"Built {path}")
    for table, rows in counts.items():
        print(f"  {table}: {rows:,} rows")
    return 0
