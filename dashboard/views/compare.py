"""The compare page: one indicator across areas against the chosen benchmark (bars or a funnel)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import charts
from dashboard.figures import comparison, exports, narrative, stats
from dashboard.figures.catalogue import Indicator
from dashboard.figures.groups import Group
from dashboard.figures.indicators import Benchmark, Figures
from dashboard.views.common import counts, interval_text, values


@dataclass(frozen=True)
class CompareView:
    ind: Indicator
    table: pd.DataFrame             # one row per area (comparison.compared)
    bench: Benchmark | None
    chart: charts.Chart             # the ranked bars
    shown: pd.DataFrame             # the table under the chart
    csv: pd.DataFrame
    funnel: charts.Chart | None     # only when asked for and one can be drawn
    funnel_table: pd.DataFrame | None
    by_region: bool = False         # each area compared with its own region
    missing_benchmark: str | None = None  # why the chosen group's average is not there


#: the sort orders the page offers (key -> words)
SORTS = charts.SORTS


def _funnel_table(ind: Indicator, table: pd.DataFrame, bench_value) -> pd.DataFrame:
    size_col = "base" if ind.kind == "proportion" else "denominator"
    limits = charts.funnel_limits(ind, bench_value, table[size_col].astype(float).to_numpy())
    return table.assign(
        Area=table["area_name"],
        Value=values(ind, table),
        **{
            "Counted": counts(table[size_col], table["suppressed"]),
            "95% limits": ["" if s else f"{ind.format_value(lo)} to {ind.format_value(hi)}"
                           for lo, hi, s in zip(limits[95][0], limits[95][1], table["suppressed"])],
            "99.8% limits": ["" if s else f"{ind.format_value(lo)} to {ind.format_value(hi)}"
                             for lo, hi, s in zip(limits[99.8][0], limits[99.8][1], table["suppressed"])],
        },
    )[["Area", "Value", "Counted", "95% limits", "99.8% limits"]]


def compare(figs: Figures, store, indicator_id: str, period: str, area: str, group: Group,
            choice: comparison.Choice, level: float, sort: str, chart_kind: str) -> CompareView:
    ind = figs.catalogue[indicator_id]
    table = comparison.compared(figs, store, indicator_id, period, choice, group.codes)
    bench = comparison.benchmark(figs, store, indicator_id, period, choice, area)
    bench_value = bench.value if bench else None
    bench_label = bench.label if bench else None
    chart = charts.significance_bars(table, ind, period, area, bench_value, bench_label, level, sort)
    suffix = stats.level_suffix(level)
    if sort == "name":
        view = table.sort_values("area_name")
    else:
        view = table.sort_values(["suppressed", "value", "area_name"], ascending=[True, ind.polarity == "low_good", True])
    compared_with = "Compared with " + (narrative.benchmark_name(bench_label) if bench else "benchmark")
    shown = view.assign(
        Area=view["area_name"],
        Value=values(ind, view),
        **{
            f"{level:g}% interval": [
                interval_text(ind, lo, hi, s)
                for lo, hi, s in zip(view[f"lower_{suffix}"], view[f"upper_{suffix}"], view["suppressed"])
            ],
            compared_with: [narrative.comparison_label(c) for c in view[f"comparison_{suffix}"]],
            "Trend": view["trend"],
            "People counted": counts(view["base"], view["suppressed"]),
            "Source": view["source"],
        },
    )[["Area", "Value", f"{level:g}% interval", compared_with, "Trend", "People counted", "Source"]]
    funnel = charts.funnel_plot(table, ind, period, area, bench_value, bench_label) if chart_kind == "funnel" else None
    funnel_table = _funnel_table(ind, table, bench_value) if funnel is not None else None
    return CompareView(ind, table, bench, chart, shown, exports.chart_rows(table, ind), funnel, funnel_table,
                       by_region=choice.kind == comparison.REGION,
                       missing_benchmark=comparison.missing_benchmark(figs, indicator_id, period, choice))
