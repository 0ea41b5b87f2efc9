"""``python -m dashboard bench [--scale small|national] [--json FILE]``: how fast, at what scale.

The work is in ``dashboard/bench/`` (no Streamlit there but the page timings' own AppTest and
server); this module only reads the arguments, prints the table and writes the JSON.
"""

from __future__ import annotations

import sys
from pathlib import Path


def register(subparsers) -> None:
    from dashboard.bench.dataset import BENCH_DIR, SCALES

    parser = subparsers.add_parser(
        "bench",
        help="benchmark imports, indicator values and every page at sample or national scale",
        description="Generate (or reuse) a synthetic data set at the chosen scale, import it through the real "
        "import path, check the indicator values three ways (dashboard, pandas, DuckDB on raw rows), then time "
        "every page server-side (AppTest, cold and warm) and in Chromium against an empty Streamlit page. "
        "Prints a table, the targets met and not met, and writes JSON. Timings depend on the machine's load.",
    )
    parser.add_argument("--scale", choices=sorted(SCALES), default="small",
                        help="small: the sample data (22 councils x 6 years); national: 153 councils x 10 years, "
                        "10 million support records (built once, about 10-20 minutes; then reused)")
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help="write the results as JSON here")
    parser.add_argument("--pages", default=None, help="only these pages (url paths, comma separated)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing; the median is reported (default 5)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    parser.add_argument("--no-sample", action="store_true",
                        help="at national scale, do not also time the pages at sample scale")
    parser.add_argument("--cache", type=Path, default=BENCH_DIR,
                        help=f"where generated data sets are kept (default {BENCH_DIR})")
    parser.set_defaults(func=run)


def run(args) -> int:
    from dashboard.bench.run import run as bench, table, write_json

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.repeat < 1:
        raise ValueError("--repeat must be at least 1")
    only = [p.strip() for p in args.pages.split(",") if p.strip()] if args.pages else None
    result = bench(args.scale, only_pages=only, repeat=args.repeat, cache=args.cache,
                   compare_sample=False if args.no_sample else None, browser=not args.no_browser, progress=say,
                   checkpoint=(lambda partial: write_json(partial, args.json)) if args.json else None)
    if args.json:  # first: the figures are kept even if printing fails
        write_json(result, args.json)
        say(f"wrote {args.json}")
    print(table(result))
    bad_pages = [p["url"] for runs in (result.get("server") or {}).values() for p in runs["pages"] if not p["ok"]]
    bad_pages += [p["url"] for runs in (result.get("browser") or {}).values() for p in runs["pages"]
                  if not p.get("ok", True)]
    if result.get("error") or bad_pages:
        say("error: " + (result.get("error") or "pages showed an error: " + ", ".join(sorted(set(bad_pages)))))
        return 1
    return 0
