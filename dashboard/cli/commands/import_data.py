"""``python -m dashboard import DATASET FILE [FILE ...]``: check and import files, all or nothing.

Exit status: 0 imported; 1 nothing imported because a file has problems (listed on standard
error: file, row, column, value, what was expected); 3 nothing imported because the file was
imported before, or because it overlaps data already loaded and --replace was not given;
4 not allowed: ``--user`` (or ``DASHBOARD_USER``) is an editor for other councils (the refusal
is in the audit log); 2 other errors (no database, another import still writing after --wait
seconds...).

The import writes a new snapshot of the database and swaps it in (``dashboard.data.snapshot``),
so it runs while the dashboard serves; a second import waits for the first (``--wait``).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from dashboard import config
from dashboard.cli import DB, WAIT, Command, argument
from dashboard.cli.identity import USER
from dashboard.data.importers import NAMES


COMMAND = Command(
    "import",
    help="check and import data files (all or nothing)",
    description="Check every file, then import them all in one transaction, or nothing if any file has a "
    "problem. Datasets: " + ", ".join(NAMES) + ". Files: CSV (UTF-8, UTF-16 or Windows-1252; comma, "
    "semicolon or tab separated) or Excel (.xlsx).",
    arguments=(
        argument("dataset", choices=NAMES, help="which dataset the files hold"),
        argument("files", nargs="+", type=Path, metavar="FILE", help="CSV or Excel files"),
        argument("--replace", action="store_true",
                 help="replace rows already loaded for the same areas and periods (undo puts them back)"),
        argument("--sheet", default=None, help="Excel sheet to read (default: the first)"),
        argument("--period", default=None,
                 help="year of a published ASCOF file, e.g. 2020-21 (default: from the file name)"),
        argument("--submitted", default=None, metavar="DATE",
                 help="Client Level Data without an ImportDate column: when the file was sent to NHS England "
                      "(2024-04-20, or 2024-04-20T10:15)"),
        argument("--check", action="store_true", help="check the files only; import nothing"),
        DB,
        USER,
        WAIT,
    ),
)


def who() -> str:
    try:
        return f"{getpass.getuser()} (command line)"
    except Exception:
        return "command line"


def run(args) -> int:
    from dashboard.data import importers
    from dashboard.access import Refused
    from dashboard.cli.identity import command_line_user
    from dashboard.records import audit, db
    from dashboard.data.build import ensure_database
    from dashboard.data.importers import batches
    from dashboard.data.importers.reading import Source
    from dashboard.data import snapshot
    from dashboard.data.store import Store

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    user = command_line_user(args.user)
    path = Path(args.db or config.database_path())
    records = db.records_url(path)
    try:
        sources = [Source.from_path(path) for path in args.files]
        if args.wait is not None:
            os.environ[snapshot.WAIT_ENV] = str(args.wait)
        store = Store(ensure_database(path), read_only=True)  # the served snapshot; writes publish a new one
        try:
            say(f"Checking {len(sources)} file{'s' if len(sources) != 1 else ''}…")
            submitted = None
            if args.submitted:
                from dashboard.data.importers.cld import parse_stamp

                submitted = parse_stamp(args.submitted.replace("T", " "))
                if submitted is None:
                    say(f"--submitted {args.submitted}: not a date we can read (2024-04-20, or 2024-04-20T10:15).")
                    return 2
            plan = importers.prepare(args.dataset, sources, store=store, sheet=args.sheet, period=args.period,
                                     submitted=submitted)
            for note in plan.notes:
                say("Note: " + note)
            say("Checked: " + plan.summary())
            if args.check:
                if plan.already:
                    say(str(batches.AlreadyImported(plan)))
                if plan.needs_confirmation:
                    say(batches.overlap_text(plan))
                print("The files are fine; nothing was imported (--check).")
                return 0
            files = ", ".join(f.file for f in plan.files)
            with audit.act(user, "import", batches.plan_areas(plan), f"import {files}", channel=audit.COMMAND_LINE,
                           names=batches.area_names(store), url=records,
                           detail=f"{importers.TITLES[args.dataset]}: {files}, {plan.row_count:,} rows, "
                                  f"{', '.join(plan.periods)}") as note:
                ids = batches.write(store, plan, who=user.name, replace=args.replace, progress=say)
                note.append(f"as batch {', '.join(map(str, ids))}")
            if args.dataset == "cld":
                _print_ascof_3d(store, {a for f in plan.files for a in f.areas})
        finally:
            store.close()
    except Refused as refused:
        print(f"Not allowed: {refused}", file=sys.stderr)
        return 4
    except importers.ImportRefused as refused:
        print(str(refused), file=sys.stderr)
        return 1
    except (batches.AlreadyImported, batches.NeedsConfirmation) as stopped:
        print(str(stopped), file=sys.stderr)
        return 3
    if snapshot.last_timings:
        say(snapshot.timings_text())
    print(f"Imported {plan.row_count:,} rows from {len(ids)} file{'s' if len(ids) != 1 else ''} as batch"
          f"{'es' if len(ids) != 1 else ''} {', '.join(map(str, ids))} into {path}.")
    return 0


def _print_ascof_3d(store, areas: set[str]) -> None:
    """After a CLD import: ASCOF 3D for the councils imported, as NHS England's code works it out
    (raw figures for the analyst who imported them: check them against NHS England's)."""
    from dashboard.data import cld

    frame = cld.ascof_3d(store)
    frame = frame[frame["area_code"].isin(areas)]
    if frame.empty:
        print("ASCOF 3D: no financial year has a complete submission (to 31 March, received by 1 May) yet.")
        return
    print("ASCOF 3D from your CLD submission, NHS method (people in long-term community support):")
    for r in frame.itertuples():
        print(f"  {r.area_code} {r.period} {r.disaggregation:<12} 3D1A {r.sds_outcome}% ({r.sds_numerator} of "
              f"{r.denominator})  3D2A {r.dp_outcome}% ({r.dp_numerator} of {r.denominator})")
