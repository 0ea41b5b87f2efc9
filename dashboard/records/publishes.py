"""How long each published snapshot took: one row per import, undo, schema upgrade or ``init``
that published a new snapshot of the analytic database (``dashboard.data.snapshot``).

The swap itself (renaming the new file over the served one, and syncing the folder) is what
serving processes could ever notice; the writer lock's hold time is how long a second import or
undo would wait. Administrators see the latest on the Data page; the load test and the benchmark
read them too. Written after the lock is released; a failure to record never undoes a publish.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from dashboard.records.db import metadata, ready_engine, records_url, writing

snapshot_publishes = sa.Table(
    "snapshot_publishes", metadata,
    sa.Column("publish_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False),  # UTC, when the new snapshot was swapped in
    sa.Column("database", sa.String(255), nullable=False),  # file name of the served database
    sa.Column("what", sa.String(200), nullable=False),  # "import of batches 7, 8", "undo of batch 8", ...
    sa.Column("lock_wait_seconds", sa.Float, nullable=False),  # waiting for another writer
    sa.Column("copy_seconds", sa.Float, nullable=False),
    sa.Column("write_seconds", sa.Float, nullable=False),  # the write, derived tables and the checkpoint
    sa.Column("verify_seconds", sa.Float, nullable=False),  # the new file opened read-only and fsynced
    sa.Column("swap_seconds", sa.Float, nullable=False),  # rename over the served file and fsync the folder
    sa.Column("lock_held_seconds", sa.Float, nullable=False),  # from taking the writer lock to releasing it
)

STEPS = ["lock_wait_seconds", "copy_seconds", "write_seconds", "verify_seconds", "swap_seconds", "lock_held_seconds"]
HEADERS = {"at": "When (UTC)", "what": "What", "lock_wait_seconds": "Waited for the lock (s)",
           "copy_seconds": "Copy (s)", "write_seconds": "Write (s)", "verify_seconds": "Verify (s)",
           "swap_seconds": "Swap (ms)", "lock_held_seconds": "Writer lock held (s)"}


def record(db: Path | str, what: str, timings: dict[str, float]) -> None:
    """One published snapshot of ``db`` and its timings (``STEPS``, in seconds)."""
    row = {"at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), "database": Path(db).name[:255],
           "what": " ".join(str(what).split())[:200], **{k: float(timings[k]) for k in STEPS}}
    with writing(ready_engine(records_url(db))) as conn:
        conn.execute(snapshot_publishes.insert().values(**row))


def read(db: Path | str, limit: int = 20) -> pd.DataFrame:
    """The latest publishes of ``db``, newest first."""
    t = snapshot_publishes
    query = (sa.select(t.c.at, t.c.what, *[t.c[k] for k in STEPS]).where(t.c.database == Path(db).name)
             .order_by(t.c.publish_id.desc()).limit(int(limit)))
    with ready_engine(records_url(db)).connect() as conn:
        result = conn.execute(query)
        return pd.DataFrame([tuple(r) for r in result.fetchall()], columns=list(result.keys()))


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """For the Data page: times rounded, the swap in milliseconds, headers in words."""
    out = frame.copy()
    out["at"] = [f"{t:%d/%m/%Y %H:%M:%S}" for t in out["at"]]
    for k in STEPS:
        out[k] = (out[k] * 1000).round(1) if k == "swap_seconds" else out[k].round(2)
    return out.rename(columns=HEADERS)
