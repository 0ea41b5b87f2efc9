"""The records store: SQLite in WAL mode by default, PostgreSQL when ``DASHBOARD_RECORDS_URL``
names one; one code path for both (SQLAlchemy Core).

- ``metadata``: every records table is declared on it (each module its own tables).
- ``get_engine()``: the engine for the configured URL, one per URL per process.
- ``create_all(engine=None)``: create the tables that do not exist yet.

The URL is ``DASHBOARD_RECORDS_URL`` if set, else a SQLite file beside the analytic database,
named after it: ``data/dashboard.duckdb`` -> ``data/dashboard.records.sqlite``.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import sqlalchemy
from sqlalchemy import event

from dashboard import config

metadata = sqlalchemy.MetaData()

BUSY_TIMEOUT_MS = 10_000
_engines: dict[str, sqlalchemy.Engine] = {}
_created: set[str] = set()
_lock = threading.Lock()


def records_url(db_path: Path | str | None = None) -> str:
    """``DASHBOARD_RECORDS_URL``, else the SQLite file beside ``db_path`` (default: DASHBOARD_DB)."""
    url = os.environ.get("DASHBOARD_RECORDS_URL", "").strip()
    if url:
        return url
    path = Path(db_path) if db_path is not None else config.database_path()
    return f"sqlite:///{path.with_suffix('')}.records.sqlite"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("pragma journal_mode=wal")
    cursor.execute(f"pragma busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("pragma foreign_keys=on")
    cursor.close()


def get_engine(url: str | None = None) -> sqlalchemy.Engine:
    """The engine for ``url`` (default: ``records_url()``), created once per URL per process."""
    url = url or records_url()
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            if url.startswith("sqlite"):
                db_file = sqlalchemy.engine.make_url(url).database
                if db_file and db_file != ":memory:":
                    Path(db_file).parent.mkdir(parents=True, exist_ok=True)
                engine = sqlalchemy.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = sqlalchemy.create_engine(url, pool_pre_ping=True)
            _engines[url] = engine
    return engine


def create_all(engine: sqlalchemy.Engine | None = None) -> sqlalchemy.Engine:
    """Create every table declared on ``metadata`` that does not exist yet (idempotent)."""
    engine = engine or get_engine()
    _import_table_modules()
    metadata.create_all(engine)
    _created.add(str(engine.url))
    return engine


def ready_engine(url: str | None = None) -> sqlalchemy.Engine:
    """``get_engine`` with the tables created (once per URL per process)."""
    engine = get_engine(url)
    if str(engine.url) not in _created:
        create_all(engine)
    return engine


def _import_table_modules() -> None:
    """Modules that declare tables on ``metadata`` (importing them registers their tables)."""
    from dashboard.records import audit  # noqa: F401
