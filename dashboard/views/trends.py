"""The trends page: one indicator over the years for an area, with its benchmark and the trend."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import charts
from dashboard.figures import comparison, exports, narrative, stats
from dashboard.figures.catalogue import Indicator
from dashboard.figures.indicators import Figures
from dashboard.views.common import counts, interval_text, values


@dataclass(frozen=True)
class TrendView:
    ind: Indicator
    name: str                   # the area's name
    series: pd.DataFrame        # the area's figures by year, with the benchmark and comparisons
    trend: stats.Trend
    used: pd.DataFrame          # the years the trend is tested on (one source only)
    chart: charts.Chart
    table: pd.DataFrame         # the chart's table
    csv: pd.DataFrame

    @property
    def mixed_sources(self) -> bool:
        return bool(len(self.used)) and bool(set(self.series["source"]) - {self.used["source"].iloc[-1]})

    @property
    def trend_sentence(self) -> str:
        """The trend in words, with its arrow: "↘ Getting worse over the latest 5 years ..."."""
        return f"{self.trend.arrow} {narrative.trend_sentence(self.trend, len(self.used))}"

    @property
    def benchmark_label(self) -> str | None:
        labels = self.series["benchmark_label"].dropna()
        return labels.iloc[-1] if len(labels) else None


def trend_view(figs: Figures, store, indicator_id: str, area: str, period: str, choice: comparison.Choice,
               level: float) -> TrendView:
    ind = figs.catalogue[indicator_id]
    name = figs.area_name(area)
    series = figs.series(indicator_id, area)
    series = series[(series["geography_level"] == "area") & (series["period"] <= period)].copy()
    trend = comparison.trend_to(figs, indicator_id, area, period)
    bench_rows = []
    for p in series["period"]:
        bench = comparison.benchmark(figs, store, indicator_id, p, choice, area)
        bench_rows.append({"period": p, "benchmark_value": bench.value if bench else float("nan"),
                           "benchmark_label": bench.label if bench else None})
    bench_frame = pd.DataFrame(bench_rows, columns=["period", "benchmark_value", "benchmark_label"])
    series = series.merge(bench_frame, on="period", how="left")
    series["comparison_95"] = [stats.compare_at(r, r["benchmark_value"], ind.polarity, 95) for _, r in series.iterrows()]
    series["comparison_998"] = [stats.compare_at(r, r["benchmark_value"], ind.polarity, 99.8) for _, r in series.iterrows()]
    series["area_name"] = name
    series["trend"] = trend.words
    used = comparison.trend_series(figs, indicator_id, area, period)
    chart = charts.trend_chart(series, ind, name, bench_frame, trend.words, level)
    suffix = stats.level_suffix(level)
    table = pd.DataFrame({
        "Year": series["period"],
        "Value": values(ind, series),
        f"{level:g}% interval": [interval_text(ind, lo, hi, s)
                                 for lo, hi, s in zip(series[f"lower_{suffix}"], series[f"upper_{suffix}"], series["suppressed"])],
        "Benchmark": [ind.format_value(v) for v in series["benchmark_value"]],
        "Compared": [narrative.comparison_label(c) for c in series[f"comparison_{suffix}"]],
        "People counted": counts(series["base"], series["suppressed"]),
        "Source": series["source"],
    })
    return TrendView(ind, name, series, trend, used, chart, table, exports.chart_rows(series, ind))
