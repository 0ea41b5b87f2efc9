"""``python -m dashboard export pack --area CODE --period PERIOD --format pptx|pdf [--easy-read] -o FILE``:
a partnership board meeting pack (the meeting-mode slides) as PowerPoint or PDF."""

from __future__ import annotations

import time
from pathlib import Path

from dashboard import config


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a meeting pack (PPTX or PDF, standard or easy read)",
        description="Export files built from the database. Figures are suppressed as on screen: no "
        "count of 1-4 and no figure from fewer than 5 people.",
    )
    kinds = parser.add_subparsers(dest="what", metavar="WHAT")
    pack = kinds.add_parser(
        "pack",
        help="a partnership board meeting pack",
        description="The meeting-mode slides for one area and data period: agenda, domain headlines, one "
        "indicator per slide with the change since the last recorded meeting, group highlights, "
        "'you said, we did' actions and the board's self-assessment.",
    )
    pack.add_argument("--area", required=True, help="ONS code of the council, e.g. E08000035")
    pack.add_argument("--period", required=True, help="data period, e.g. 2024-25")
    pack.add_argument("--format", required=True, choices=["pptx", "pdf"], dest="fmt", help="pptx or pdf")
    pack.add_argument("--easy-read", action="store_true", help="the easy-read version")
    pack.add_argument("-o", "--output", required=True, type=Path, help="file to write")
    pack.add_argument("--db", type=Path, default=None, help="database file (default: DASHBOARD_DB or data/dashboard.duckdb)")
    pack.add_argument("--user", default=None, metavar="NAME",
                      help="an editor of the area (from secrets.toml; default $DASHBOARD_USER) gets owners and who "
                      "recorded each action in the pack, and the export is in the audit log; without it the "
                      "pack is a viewer's (no staff names)")
    pack.set_defaults(func=run_pack)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def _open_store(path: Path):
    from dashboard.data import snapshot
    from dashboard.data.store import Store

    if not path.exists():
        raise FileNotFoundError(f"There is no database at {path}: run `python -m dashboard init` first.")
    snapshot.upgrade(path)  # an older database: bring its schema up to date first (a new snapshot)
    return Store(path, read_only=True)


def _pack_user(name: str | None):
    """A named user (``--user`` / DASHBOARD_USER), or None: a viewer's pack. Unlike import, the
    machine's operator is not assumed here: staff names go in a pack only when asked for."""
    import os

    from dashboard.cli.identity import USER_ENV, command_line_user

    name = name or os.environ.get(USER_ENV)
    return command_line_user(name) if name else None


def run_pack(args) -> int:
    from dashboard.meeting import packs, slides
    from dashboard.figures.indicators import build_figures

    started = time.perf_counter()
    path = Path(args.db or config.database_path())
    store = _open_store(path)
    try:
        figs = build_figures(store)
        area = args.area.strip().upper()
        if area not in set(figs.areas["area_code"]):
            known = ", ".join(f"{c} ({n})" for c, n in zip(figs.areas["area_code"], figs.areas["area_name"]))
            raise ValueError(f"--area {args.area}: no data for that council. Areas in the data: {known}.")
        periods = figs.periods()
        if args.period not in periods:
            raise ValueError(f"--period {args.period}: no figures for that period. Periods: {', '.join(periods)}.")
        user = _pack_user(args.user)
        meeting = slides.build_meeting(store, figs, area, args.period, user=user)
        data = packs.build_pack(meeting, args.fmt, easy=args.easy_read)
        if user is not None and user.is_editor:
            from dashboard.records import audit, db

            audit.record("export pack", user=user, areas=[area], channel=audit.COMMAND_LINE, url=db.records_url(path),
                         detail=f"{'easy-read ' if args.easy_read else ''}{args.fmt.upper()} pack, "
                                f"{meeting.area_name}, {args.period}, to {args.output.name}")
    finally:
        store.close()
    output = args.output
    if output.parent and not output.parent.exists():
        raise FileNotFoundError(f"-o {output}: the folder {output.parent} does not exist.")
    output.write_bytes(data)
    kind = "easy-read " if args.easy_read else ""
    print(f"Wrote {output}: {kind}{args.fmt.upper()} pack for {meeting.area_name}, {args.period}, "
          f"{len(meeting.slides)} slides, {len(data) / 1024:,.0f} KB in {time.perf_counter() - started:.1f} s")
    return 0
