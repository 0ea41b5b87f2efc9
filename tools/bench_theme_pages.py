"""Time the data behind each theme page (findings, key figures and every panel) on a database.

    python tools/bench_theme_pages.py [--db data/dashboard.duckdb] [--area E08000035] [--repeat 3]

Prints seconds per page (best of --repeat), the number of charts and the CSV bytes a page
offers. Rendering in the browser is not included.
"""

import argparse
import time
from pathlib import Path

from dashboard import config, findings, themes
from dashboard.indicators import build_figures
from dashboard.store import Store

PAGES = {
    "direct-payments": (themes.DIRECT_PAYMENTS, lambda c: [
        themes.trend_panel(c, "direct_payments"), themes.areas_panel(c, "direct_payments"),
        themes.trend_panel(c, "self_directed_support"), themes.areas_panel(c, "self_directed_support"),
        themes.payment_wait_panel(c), themes.areas_panel(c, "days_to_first_payment"), themes.agreement_panel(c),
        themes.areas_panel(c, "clawbacks_per_100"), themes.areas_panel(c, "unauthorised_spend_per_100"),
        themes.trend_panel(c, "individual_service_funds"), themes.areas_panel(c, "individual_service_funds"),
        themes.control_panel(c)]),
    "collaboration": (themes.COLLABORATION, lambda c: [
        themes.trend_panel(c, "breakdowns_per_1000"), themes.areas_panel(c, "breakdowns_per_1000"),
        themes.category_trend_panel(c), themes.heatmap_panel(c), themes.delay_panel(c),
        themes.areas_panel(c, "breakdown_days_delayed"), themes.areas_panel(c, "breakdowns_resolved_28_days"),
        themes.areas_panel(c, "breakdowns_escalated"), themes.trend_panel(c, "transition_breakdowns_per_1000"),
        themes.areas_panel(c, "transition_breakdowns_per_1000"), themes.trend_panel(c, "discharge_breakdowns_per_1000"),
        themes.areas_panel(c, "discharge_breakdowns_per_1000")]),
    "coproduction": (themes.COPRODUCTION, lambda c: [
        themes.levels_panel(c), themes.areas_panel(c, "coproduced_activities"), themes.decisions_panel(c),
        themes.areas_panel(c, "decisions_with_self_advocates"), themes.participants_panel(c),
        themes.areas_panel(c, "self_advocate_share"), themes.trend_panel(c, "people_paid_for_time"),
        themes.areas_panel(c, "people_paid_for_time"), themes.actions_panel(c), themes.areas_panel(c, "you_said_we_did"),
        themes.i_statements_panel(c), themes.areas_panel(c, "i_statements_yes")]),
}

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
for name, (theme, build) in PAGES.items():
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        ctx = themes.Context(store, figs, args.area, period, "all")
        findings.for_page(ctx, theme)
        panels = [themes.key_figures_panel(ctx, theme)] + build(ctx)
        best = min(best, time.perf_counter() - start)
    charts = sum(1 for p in panels if p.chart is not None)
    size = sum(len(p.csv_bytes()) for p in panels)
    print(f"{name}: {best:.2f} s, {charts} charts, {len(panels)} CSV downloads, {size / 1024:.0f} KB of CSV")
