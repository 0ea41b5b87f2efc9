"""``python -m dashboard undo BATCH [--user NAME]``: take an import batch out (rows it replaced come back).

Exit status: 0 undone; 1 no such batch or already undone; 4 not allowed for ``--user``.

``python -m dashboard undo --list`` shows the import history to choose from."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dashboard import config
from dashboard.cli import DB, WAIT, Command, argument
from dashboard.cli.identity import USER


COMMAND = Command(
    "undo",
    help="undo an import batch (or --list the import history)",
    description="Undo an import batch: its rows are removed and any rows it replaced are put back. The "
    "history keeps the batch, marked as undone.",
    arguments=(
        argument("batch", nargs="?", type=int, help="the batch number (see --list)"),
        argument("--list", action="store_true", help="list the import history and stop"),
        DB,
        USER,
        WAIT,
    ),
)


def run(args) -> int:
    from dashboard.access import Refused
    from dashboard.cli.identity import command_line_user
    from dashboard.cli.commands.import_data import who
    from dashboard.data.build import ensure_database
    from dashboard.data import snapshot
    from dashboard.data.importers import batches
    from dashboard.records import audit, db
    from dashboard.data.store import Store

    path = Path(args.db or config.database_path())
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: build it first with python -m dashboard init")
    user = command_line_user(args.user)
    if args.wait is not None:
        os.environ[snapshot.WAIT_ENV] = str(args.wait)
    store = Store(ensure_database(path), read_only=True)  # the undo publishes a new snapshot
    try:
        if args.list or args.batch is None:
            frame = batches.history(store)
            for r in frame.itertuples():
                print(f"{r.batch_id:>5}  {r.status:<7} {r.dataset:<13} {r.row_count:>9,} rows  {r.periods or '':<30} "
                      f"{r.imported_at:%d/%m/%Y %H:%M}  {r.imported_by}  {r.file_name}")
            return 0 if args.list else 2
        try:
            with audit.act(user, "undo", batches.batch_areas(store, args.batch), f"undo batch {args.batch}",
                           detail=f"batch {args.batch}", channel=audit.COMMAND_LINE, names=batches.area_names(store),
                           url=db.records_url(path)):
                done = batches.undo(store, args.batch, who=user.name)
        except Refused as refused:
            print(f"Not allowed: {refused}", file=sys.stderr)
            return 4
        except ValueError as refused:
            print(str(refused), file=sys.stderr)
            return 1
    finally:
        store.close()
    if snapshot.last_timings:
        print(snapshot.timings_text(), file=sys.stderr)
    print(f"Undid batch {done['batch_id']} ({done['dataset']}, {done['file']}): removed {done['removed']:,} rows"
          + (f", put back {done['restored']:,} rows it had replaced" if done["restored"] else "") + ".")
    return 0
