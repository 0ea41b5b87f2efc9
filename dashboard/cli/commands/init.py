"""``python -m dashboard init [--force]``: build the database from sample_data/."""

from __future__ import annotations

from pathlib import Path

from dashboard import config


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "init",
        help="build the database from sample_data/",
        description="Build the embedded DuckDB database (DASHBOARD_DB, default data/dashboard.duckdb) "
        "from the committed sample data.",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing database")
    parser.add_argument("--db", type=Path, default=None, help="database file (default: DASHBOARD_DB or data/dashboard.duckdb)")
    parser.add_argument("--source", type=Path, default=config.SAMPLE_DATA_DIR, help="folder of dataset files (default: sample_data/)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from dashboard.data.build import build_database

    path = args.db or config.database_path()
    counts = build_database(path, force=args.force, source_dir=args.source)
    print(f"Built {path}")
    for table, rows in counts.items():
        print(f"  {table}: {rows:,} rows")
    return 0
