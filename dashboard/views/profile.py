"""The area profile: every indicator for one area on a spine chart, grouped by domain."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import charts, release
from dashboard.figures import comparison, exports, narrative, stats
from dashboard.figures.groups import Group
from dashboard.figures.indicators import Figures
from dashboard.views.common import counts


@dataclass(frozen=True)
class ProfileView:
    rows: pd.DataFrame              # comparison.profile: one row per indicator (empty: no figures that year)
    chart: charts.Chart | None
    table: pd.DataFrame | None
    csv: pd.DataFrame | None
    benchmark_words: str


def profile(figs: Figures, store, area: str, period: str, group: Group, choice: comparison.Choice,
            level: float) -> ProfileView:
    name = figs.area_name(area)
    rows = comparison.profile(figs, store, area, period, choice, group.codes, level)
    words = choice.group.label if choice.group else comparison.BENCHMARK_OPTIONS[choice.kind]
    if rows.empty:
        return ProfileView(rows, None, None, None, words)
    cat = figs.catalogue
    chart = charts.spine_chart(rows, name, period, group.words)
    table = rows.assign(
        Indicator=[narrative.indicator_label(d, i) for d, i in zip(rows["domain_name"], rows["indicator"])],
        Count=counts(rows["count"], rows["suppressed"]),
        Value=[release.cell_text(s, r, "" if s else cat[i].format_value(v))
               for i, v, s, r in zip(rows["indicator_id"], rows["value"], rows["suppressed"], rows["suppression_reason"])],
        Benchmark=[cat[i].format_value(v) for i, v in zip(rows["indicator_id"], rows["benchmark_value"])],
        Lowest=[cat[i].format_value(v) for i, v in zip(rows["indicator_id"], rows["lowest"])],
        **{
            "Middle half": [f"{cat[i].format_value(a)} to {cat[i].format_value(b)}" if a == a else "–"
                            for i, a, b in zip(rows["indicator_id"], rows["q25"], rows["q75"])],
            "Highest": [cat[i].format_value(v) for i, v in zip(rows["indicator_id"], rows["highest"])],
            "Compared": [narrative.comparison_label(c) for c in rows["comparison"]],
            "Trend": [f"{a} {t}" for a, t in zip(rows["trend_arrow"], rows["trend"])],
        },
    )[["Indicator", "Count", "Value", "Benchmark", "Lowest", "Middle half", "Highest", "Compared", "Trend"]]
    suffix = stats.level_suffix(level)
    csv = exports.chart_rows(
        rows.assign(geography_code=area, area_name=name, period=period,
                    **{f"lower_{suffix}": rows["lower"], f"upper_{suffix}": rows["upper"],
                       f"comparison_{suffix}": rows["comparison"]}).drop(columns=["comparison"]),
        cat[rows["indicator_id"].iloc[0]],
    )
    csv["indicator_id"] = list(rows["indicator_id"])
    csv["indicator"] = [cat[i].name for i in rows["indicator_id"]]
    csv["unit"] = [cat[i].unit_suffix.strip() or cat[i].unit for i in rows["indicator_id"]]
    return ProfileView(rows, chart, table, csv, words)

