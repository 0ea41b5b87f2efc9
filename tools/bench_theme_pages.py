"""Time the data behind each theme page (findings, key figures and every panel) on a database.

    python tools/bench_theme_pages.py [--db data/dashboard.duckdb] [--area E08000035] [--repeat 3]

Prints seconds per page (best of --repeat; the app caches a page per data version and choice), the number of charts and the CSV bytes a page
offers. Rendering in the browser is not included.
"""

import argparse
import time
from pathlib import Path

from dashboard import config
from dashboard.views import findings, themes
from dashboard.figures.indicators import build_figures
from dashboard.data.store import Store

parser = argparse.ArgumentParser()
parser.add_argument("--db", default=str(config.database_path()))
parser.add_argument("--area", default="E08000035")
parser.add_argument("--repeat", type=int, default=3)
args = parser.parse_args()
store = Store(Path(args.db), read_only=True)
start = time.perf_counter()
figs = build_figures(store)
print(f"figures for {len(figs.areas)} areas: {time.perf_counter() - start:.2f} s (cached by the app between runs)")
period = figs.latest_period()
for name, theme in themes.THEMES.items():
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        ctx = themes.Context(store, figs, args.area, period, "all")
        findings.for_page(ctx, theme)
        sections = themes.SECTIONS[name](ctx)
        panels = [themes.key_figures_panel(ctx, theme)] + [p for s in sections for p in s.panels]
        best = min(best, time.perf_counter() - start)
    charts = sum(1 for p in panels if p.chart is not None)
    size = sum(len(p.csv_bytes()) for p in panels)
    print(f"{name}: {best:.2f} s, {charts} charts, {len(panels)} CSV downloads, {size / 1024:.0f} KB of CSV")
