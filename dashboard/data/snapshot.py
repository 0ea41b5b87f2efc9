"""Read-only snapshots of the analytic DuckDB file, and the one writer that publishes them.

The file ``DASHBOARD_DB`` names is the *served snapshot*. Serving processes open it read-only
(several processes may); nothing ever writes it in place. An import, an undo, a schema upgrade
or ``init`` writes a new snapshot instead, in one transaction:

1. take the writer lock (``<db>.lock``, a ``filelock.FileLock``): one writer at a time; a second
   writer waits up to ``wait`` seconds, then is told plainly (``WriterBusy``);
2. copy the served file beside it (``.<db>.new-<pid>``) and open the copy read-write;
3. write (the caller's block: ``batches.write``, ``batches.undo``, migrations);
4. ``after_write(store)``: the one hook between writing and publishing, where derived tables
   are rebuilt (the release layer's materialised cells);
5. checkpoint and close, verify the copy opens read-only and answers, ``fsync`` it;
6. rename it over the served file (``os.replace``: atomic on POSIX) and ``fsync`` the folder.

A failure or a kill at any step before 6 leaves the served file untouched (the leftover copy is
removed by the next writer); after 6 every process sees the new file. A serving process moves to
the new snapshot at a session's next rerun (``Snapshots.current``: by the file's identity), and
keeps the old one open, unlinked, until no run uses it: a session never sees half an import.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path

import filelock

from dashboard.data.store import Store, StoreError, connect, migrations, schema_version

log = logging.getLogger("dashboard.snapshot")

WAIT_ENV = "DASHBOARD_WRITE_WAIT"
DEFAULT_WAIT_SECONDS = 120.0
NEW_MARK = ".new-"

#: how long the last publish took, for the benchmark and the load test (seconds by step)
last_timings: dict[str, float] = {}


class WriterBusy(StoreError):
    """Another import or undo holds the writer lock and did not finish within the wait."""


def lock_path(db: Path | str) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".lock")


def _new_path(db: Path) -> Path:
    return db.with_name(f".{db.name}{NEW_MARK}{os.getpid()}-{threading.get_ident()}")


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def default_wait() -> float:
    try:
        return float(os.environ.get(WAIT_ENV, DEFAULT_WAIT_SECONDS))
    except ValueError:
        return DEFAULT_WAIT_SECONDS


def after_write(store: Store) -> None:
    """Between writing a new snapshot and publishing it: rebuild what is derived from the data.

    Called by every writer (import, undo, schema upgrade, ``init``) with the new snapshot open
    read-write, inside the writer lock. Anything raised here abandons the write: the served
    snapshot stays as it was. Add derived-table rebuilds here (e.g. the release layer's
    materialised cells), each one call.
    """
    from dashboard import release

    if not release.is_current(store):  # an import or undo has already materialised its cells
        release.materialise(store)


@contextmanager
def writer_lock(db: Path | str, wait: float | None = None, what: str = "an import or undo"):
    """Hold the one-writer lock for ``db``; wait up to ``wait`` seconds for another writer."""
    db = Path(db)
    wait = default_wait() if wait is None else wait
    lock = filelock.FileLock(str(lock_path(db)), timeout=wait)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise WriterBusy(
            f"Another import or undo is being written to {db.name} right now (waited {wait:.0f} s for it to "
            f"finish). Nothing was changed: try {what} again in a few minutes."
        ) from None
    try:
        yield lock
    finally:
        lock.release()


def _remove_leftovers(db: Path) -> None:
    """Copies left by a writer that was killed (only called while holding the lock)."""
    for leftover in db.parent.glob(f".{db.name}{NEW_MARK}*"):
        leftover.unlink(missing_ok=True)


def _fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verify(path: Path) -> None:
    """The new snapshot opens read-only, has the latest schema and answers a query per table."""
    con = connect(path, read_only=True)
    try:
        latest = max((v for v, _ in migrations()), default=0)
        found = schema_version(con)
        if found != latest:
            raise StoreError(f"The new snapshot has schema version {found}, expected {latest}.")
        tables = [t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()]
        for table in tables:
            con.execute(f'select count(*) from "{table}"').fetchall()
    finally:
        con.close()


def checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file: a snapshot is one self-contained file."""
    con = connect(path)
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    wal = _wal(path)
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(f"{path.name}: the write-ahead log could not be folded into the file.")
    wal.unlink(missing_ok=True)


def publish(new: Path, db: Path) -> dict[str, float]:
    """Verify ``new`` and rename it over ``db`` (atomic); the caller holds the writer lock.
    Returns the seconds taken to verify (and fsync) and to swap (rename and fsync the folder)."""
    started = time.perf_counter()
    verify(new)
    _fsync(new)
    verified = time.perf_counter()
    os.replace(new, db)
    _fsync(db.parent, directory=True)
    return {"verify": verified - started, "swap": time.perf_counter() - verified}


def record_timings(db: Path, what: str, timings: dict[str, float]) -> None:
    """Keep a publish's timings in the records store (``records.publishes``); never fails the write."""
    try:
        from dashboard.records import publishes

        publishes.record(db, what, timings)
    except Exception:  # the snapshot is published: a records outage must not turn that into an error
        log.warning("could not record the timings of a publish of %s", db.name, exc_info=True)


@contextmanager
def write(db: Path | str, wait: float | None = None, what: str = "an import or undo"):
    """Yield a read-write ``Store`` on a copy of the served snapshot; publish it when the block
    ends without error (after ``after_write``), else throw the copy away. One writer at a time.

    The block may set ``store.publish_note`` ("import of batches 7, 8"): it names the publish in
    the records of publish timings (``records.publishes``), with the time waited for the lock,
    each step, the swap and the whole time the writer lock was held."""
    db = Path(db)
    if not db.exists():
        raise StoreError(f"{db} does not exist: build it first with python -m dashboard init")
    asked = time.perf_counter()
    note = None
    with writer_lock(db, wait, what):
        started = time.perf_counter()
        _remove_leftovers(db)
        new = _new_path(db)
        try:
            shutil.copyfile(db, new)
            if _wal(db).exists():  # a database last written in place (an older version): keep its log
                shutil.copyfile(_wal(db), _wal(new))
            copied = time.perf_counter()
            store = Store(new)  # migrates the copy to the latest schema
            store.served_path = db
            try:
                yield store
                after_write(store)
            finally:
                store.close()
            note = getattr(store, "publish_note", None) or what
            checkpoint(new)
            written = time.perf_counter()
            steps = publish(new, db)
            done = time.perf_counter()
        finally:
            new.unlink(missing_ok=True)
            _wal(new).unlink(missing_ok=True)
    released = time.perf_counter()
    timings = dict(lock_wait_seconds=started - asked, copy_seconds=copied - started, write_seconds=written - copied,
                   verify_seconds=steps["verify"], swap_seconds=steps["swap"], lock_held_seconds=released - started)
    last_timings.clear()
    last_timings.update(copy=copied - started, write=written - copied, verify_and_swap=done - written,
                        swap=steps["swap"], total=done - started, lock_held=released - started)
    log.info("published a new snapshot of %s in %.2f s (copy %.2f s, write %.2f s, verify %.2f s, swap %.4f s; "
             "writer lock held %.2f s)", db.name, done - started, copied - started, written - copied,
             steps["verify"], steps["swap"], released - started)
    record_timings(db, note, timings)


def timings_text() -> str:
    """The last publish's timings in this process, in words (the import and undo commands print it)."""
    t = last_timings
    if not t:
        return ""
    return (f"Published the new snapshot in {t['total']:.2f} s (copy {t['copy']:.2f} s, write {t['write']:.2f} s, "
            f"verify and swap {t['verify_and_swap']:.2f} s); the swap took {t['swap'] * 1000:.1f} ms and the "
            f"writer lock was held {t['lock_held']:.2f} s.")


def needs_upgrade(db: Path) -> bool:
    con = connect(db, read_only=True)
    try:
        return schema_version(con) < max((v for v, _ in migrations()), default=0)
    finally:
        con.close()


def upgrade(db: Path | str) -> bool:
    """Bring the served snapshot to the latest schema (a write of its own); True if it did."""
    db = Path(db)
    if not needs_upgrade(db):
        return False
    with write(db, what="starting the dashboard") as store:
        store.publish_note = "schema upgrade"  # opening the copy read-write applies the migrations
    return True


def identity(db: Path | str) -> tuple[int, int, int, int]:
    """Which file ``db`` is now: a new snapshot is a new inode (and a new mtime)."""
    st = os.stat(db)
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


class Snapshots:
    """A serving process's read-only stores, one per published snapshot it has seen.

    ``current()`` returns the store of the file ``db`` names now, opening it read-only the first
    time. The newest ``keep`` are cached; an older one is closed by Python when the last run
    using it lets go of it (its file stays readable though unlinked until then)."""

    def __init__(self, db: Path | str, keep: int = 2):
        self.db = Path(db)
        self.keep = keep
        self._stores: OrderedDict[tuple, Store] = OrderedDict()
        self._lock = threading.Lock()

    def current(self) -> Store:
        for _ in range(5):
            before = identity(self.db)
            with self._lock:
                found = self._stores.get(before)
                if found is not None:
                    return found
            store = Store(self.db, read_only=True)
            if identity(self.db) != before:  # swapped while opening: which one did we get? try again
                store.close()
                continue
            store.snapshot_id = before
            with self._lock:
                found = self._stores.setdefault(before, store)
                while len(self._stores) > self.keep:
                    self._stores.popitem(last=False)
            if found is not store:
                store.close()
            return found
        raise StoreError(f"The database {self.db} kept changing while it was being opened; reload the page.")
