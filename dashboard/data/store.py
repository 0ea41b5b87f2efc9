"""The embedded DuckDB database: connection, migrations, named queries.

Every figure the dashboard shows comes from a named SQL file in ``queries/`` run here
with its parameters bound (never formatted into the SQL). A Streamlit thread takes its
own cursor for every call, because one DuckDB connection refuses concurrent calls.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import config

_PARAM_LINE = re.compile(r"^--\s*\$(?P<name>[a-z_][a-z0-9_]*)\s*:\s*(?P<doc>.*)$")


class StoreError(RuntimeError):
    """A problem with the database that a person can act on (message is plain words)."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    sql: str
    params: dict[str, str]  # parameter name -> description from the header comment
    description: str


def load_query(name: str) -> NamedQuery:
    """Read ``queries/<name>.sql`` and its header: ``-- $param: description`` lines."""
    return _load_query(config.queries_dir(), name)


@lru_cache(maxsize=None)
def _load_query(folder: Path, name: str) -> NamedQuery:
    path = folder / f"{name}.sql"
    if not path.is_file():
        raise StoreError(f"There is no query named {name!r} (looked for {path.name}).")
    sql = path.read_text(encoding="utf-8")
    params: dict[str, str] = {}
    description = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        match = _PARAM_LINE.match(line)
        if match:
            params[match["name"]] = match["doc"].strip()
        else:
            description.append(line.lstrip("-").strip())
    return NamedQuery(name=name, sql=sql, params=params, description=" ".join(d for d in description if d))


def query_names() -> list[str]:
    return sorted(p.stem for p in config.queries_dir().glob("*.sql"))


_aliases = itertools.count()


def _read_only_alias(path: Path) -> Path | None:
    """A fresh hard link to the file ``path`` names now, for a read-only open.

    DuckDB keeps one database instance per path in a process: opening a path again while an
    earlier connection is open returns the earlier instance, i.e. the *old* file after a new
    snapshot was renamed over it. Opening through a new name each time gives the new file."""
    alias = path.with_name(f".{path.name}.read-{os.getpid()}-{next(_aliases)}")
    try:
        os.link(path, alias)
    except OSError:  # a read-only folder or a file system without hard links: open the path itself
        return None
    return alias


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file with no extension downloads (the machine may be offline)."""
    alias = _read_only_alias(Path(path)) if read_only and Path(path).exists() else None
    try:
        return duckdb.connect(
            str(alias or path),
            read_only=read_only,
            config={
                "autoinstall_known_extensions": False,
                "autoload_known_extensions": False,
            },
        )
    except duckdb.IOException as exc:  # lock held by another process, or unreadable file
        if "lock" in str(exc).lower():
            raise StoreError(
                f"The database {path} is open in another program (for example the running "
                "dashboard). Close it, or import through the Data page, then try again."
            ) from exc
        raise StoreError(f"The database {path} could not be opened: {exc}") from exc
    finally:
        if alias is not None:
            alias.unlink(missing_ok=True)  # the open file stays readable through its descriptor


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(config.MIGRATIONS_DIR.glob("*.sql")):
        found.append((int(path.name.split("_", 1)[0]), path))
    return found


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "select count(*) from information_schema.tables where table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("select coalesce(max(version), 0) from schema_migrations").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration newer than the database, each in its own transaction."""
    con.execute(
        "create table if not exists schema_migrations ("
        " version integer primary key, name varchar not null,"
        " applied_at timestamp not null default current_timestamp)"
    )
    current = schema_version(con)
    for version, path in migrations():
        if version <= current:
            continue
        con.execute("begin transaction")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("insert into schema_migrations (version, name) values (?, ?)", [version, path.stem])
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
        current = version
    return current


class Store:
    """One process-wide connection to the dashboard database; a cursor per call."""

    def __init__(self, path: Path | str, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._con = connect(self.path, read_only=read_only)
        self._lock = threading.Lock()
        if not read_only:
            # on a cursor of its own, closed after: a result left open on the main connection
            # keeps its transaction open, and a later (FORCE) CHECKPOINT from any cursor waits
            # for that transaction for ever (the benchmark's import hang, issue 13)
            cur = self._con.cursor()
            try:
                migrate(cur)
            finally:
                cur.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            return self._con.cursor()

    def close(self) -> None:
        self._con.close()

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run the named query with its parameters bound; returns its one result."""
        named = load_query(name)
        missing = set(named.params) - set(params)
        extra = set(params) - set(named.params)
        if missing or extra:
            raise StoreError(
                f"Query {name!r} takes {sorted(named.params) or 'no parameters'}; "
                f"missing {sorted(missing)}, unexpected {sorted(extra)}."
            )
        cur = self.cursor()
        try:
            return cur.execute(named.sql, params or None).df()
        finally:
            cur.close()

    def sql(self, statement: str, params: list | dict | None = None) -> pd.DataFrame:
        """For the package's own fixed statements (never built from user input)."""
        cur = self.cursor()
        try:
            return cur.execute(statement, params).df()
        finally:
            cur.close()

    def data_version(self) -> str:
        """Changes whenever an import lands or is undone: the cache key for figures."""
        row = self.sql(
            "select count(*) as n, coalesce(max(batch_id), 0) as last,"
            " count(*) filter (where status = 'undone') as undone from import_batches"
        ).iloc[0]
        return f"{row.n}:{row['last']}:{row.undone}"
