"""The records store: SQLite in WAL mode beside the DuckDB file by default, PostgreSQL when
``DASHBOARD_RECORDS_URL`` names one, both through SQLAlchemy Core (one code path).

Contract (other modules build on it):

- ``metadata``: every records table is defined on it (``dashboard/records/*.py``).
- ``get_engine(url=None) -> Engine``: one engine per URL per process. The URL is
  ``DASHBOARD_RECORDS_URL`` if set, else ``sqlite:///<DASHBOARD_DB without suffix>.records.sqlite``.
  SQLite connections use WAL, a busy timeout and foreign keys; a transaction opened with
  ``writing(engine)`` takes SQLite's write lock at its start (``BEGIN IMMEDIATE``), so two
  processes writing at once wait for each other instead of failing.
- ``create_all(engine=None)``: creates every table defined in ``dashboard/records/`` (idempotent).
- ``engine_for(store)``: the (ready) engine of the records beside a DuckDB store's served file.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import threading
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from dashboard import config

RECORDS_URL_ENV = "DASHBOARD_RECORDS_URL"
BUSY_TIMEOUT_MS = 15_000

metadata = sa.MetaData()

_engines: dict[str, sa.Engine] = {}
_ready: set[str] = set()
_lock = threading.Lock()
_create_lock = threading.Lock()


def records_path(db_path: Path | str | None = None) -> Path:
    """The SQLite records file named after the DuckDB file: ``dashboard.records.sqlite``."""
    db = Path(db_path) if db_path is not None else config.database_path()
    return db.with_name(db.stem + ".records.sqlite")


def records_url(db_path: Path | str | None = None) -> str:
    """``DASHBOARD_RECORDS_URL`` if set, else the SQLite file beside the DuckDB file."""
    url = os.environ.get(RECORDS_URL_ENV, "").strip()
    if url:
        return url
    return f"sqlite:///{records_path(db_path)}"


def _sqlite_events(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("pragma journal_mode = wal")
        cursor.execute("pragma synchronous = normal")
        cursor.execute("pragma foreign_keys = on")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn):
        immediate = conn.get_execution_options().get("records_write", False)
        conn.exec_driver_sql("begin immediate" if immediate else "begin")


def get_engine(url: str | None = None) -> sa.Engine:
    """The engine for ``url`` (default: ``records_url()``), created once per process."""
    url = url or records_url()
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            if url.startswith("sqlite"):
                target = sa.make_url(url).database
                if target and target != ":memory:":
                    Path(target).parent.mkdir(parents=True, exist_ok=True)
                engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
                _sqlite_events(engine)
            else:
                engine = sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
            _engines[url] = engine
        return engine


def _import_table_modules() -> None:
    """Every module in ``dashboard/records`` defines its tables on ``metadata`` when imported."""
    import dashboard.records as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name != "db":
            importlib.import_module(f"{package.__name__}.{info.name}")


DDL_LOCK_KEY = 0x600D11FE5  # the advisory lock that serialises creating the records tables on PostgreSQL


def create_all(engine: sa.Engine | None = None) -> sa.Engine:
    """Create every records table that is missing (safe to call from several processes)."""
    engine = engine or get_engine()
    _import_table_modules()
    try:
        with writing(engine) as conn:  # SQLite: the write lock first, so processes take turns
            if conn.dialect.name == "postgresql":  # PostgreSQL: processes take turns on a lock held to commit
                conn.execute(sa.text("select pg_advisory_xact_lock(:key)"), {"key": DDL_LOCK_KEY})
            metadata.create_all(conn, checkfirst=True)
    except (sa.exc.IntegrityError, sa.exc.ProgrammingError):  # created by another process a moment before
        with writing(engine) as conn:
            metadata.create_all(conn, checkfirst=True)
    return engine


def ready_engine(url: str | None = None) -> sa.Engine:
    """``get_engine(url)`` with its tables created (once per process and URL)."""
    engine = get_engine(url)
    key = str(engine.url)
    if key not in _ready:
        with _create_lock:  # one thread creates; the others wait for it
            if key not in _ready:
                create_all(engine)
                _ready.add(key)
    return engine


def engine_for(store) -> sa.Engine:
    """The ready records engine for a DuckDB ``Store``: the records beside the file it serves
    (``store.served_path`` when the store is a snapshot being written, else its own path)."""
    return ready_engine(records_url(getattr(store, "served_path", None) or store.path))


@contextmanager
def writing(engine: sa.Engine):
    """A write transaction: committed at the end, rolled back on any error. On SQLite it takes
    the write lock first (``BEGIN IMMEDIATE``), waiting up to the busy timeout for another writer."""
    with engine.connect().execution_options(records_write=True) as conn:
        with conn.begin():
            yield conn


@contextmanager
def reading(engine: sa.Engine):
    with engine.connect() as conn:
        yield conn


def read_frame(store, query) -> "pd.DataFrame":
    """Run a Core ``select`` on the records beside ``store``; its rows as a DataFrame."""
    import pandas as pd

    with reading(engine_for(store)) as conn:
        result = conn.execute(query)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def area_rows(table: sa.Table, columns: list[str], area_code: str, *order) -> sa.Select:
    """``select columns from table where area_code = ? order by ...`` (newest first, say)."""
    return (sa.select(*(table.c[c] for c in columns))
            .where(table.c.area_code == str(area_code).strip().upper()).order_by(*order))


def dispose_all() -> None:
    """Close every pooled connection (tests, and after a fork)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _ready.clear()
