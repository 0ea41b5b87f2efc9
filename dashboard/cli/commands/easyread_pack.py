"""``python -m dashboard easyread-pack --area CODE --period PERIOD -o FILE``: the printable
easy-read pack for one area (PDF, A4 landscape, one idea per page)."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "easyread-pack",
        help="write the printable easy-read pack (PDF) for an area and year",
        description="Write the easy-read pack for one area and year: a PDF, A4 landscape, one idea per "
        "page, built from the same words and pictures as the Easy read pages. Small numbers stay hidden.",
    )
    parser.add_argument("--area", required=True, help="the area's ONS code, e.g. E08000035 (Leeds)")
    parser.add_argument("--period", default=None, help="financial year, e.g. 2024-25 (default: the latest)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF file to write")
    parser.add_argument("--db", type=Path, default=None, help="database file (default: DASHBOARD_DB or data/dashboard.duckdb)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from dashboard.easyread import pack as easyread_pack
    from dashboard.data.build import open_store
    from dashboard.figures.indicators import build_figures

    figures = build_figures(open_store(args.db))
    codes = list(figures.areas["area_code"])
    if args.area not in codes:
        names = ", ".join(f"{c} ({figures.area_name(c)})" for c in codes[:8])
        raise ValueError(f"--area {args.area!r} has no data in this database; areas with data include {names}")
    periods = figures.periods()
    period = args.period or (periods[-1] if periods else None)
    if period not in periods:
        raise ValueError(f"--period {args.period!r} has no data; years with data: {', '.join(periods)}")
    if args.output.parent and not args.output.parent.exists():
        raise FileNotFoundError(f"the folder {args.output.parent} does not exist")
    data = easyread_pack.pack_pdf(figures, args.area, period)
    args.output.write_bytes(data)
    pages = easyread_pack.pack_pages(len(figures.catalogue.indicators))
    print(f"Wrote {args.output}: easy-read pack for {figures.area_name(args.area)}, {period}, {pages} pages, {len(data):,} bytes")
    return 0
