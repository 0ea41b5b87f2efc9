"""The worse-and-getting-worse page: areas significantly worse than their benchmark whose trend is
getting worse."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.figures import comparison, exports, narrative, stats
from dashboard.figures.groups import Group
from dashboard.figures.indicators import Figures


@dataclass(frozen=True)
class WorseView:
    found: pd.DataFrame         # comparison.worse_and_worsening
    table: pd.DataFrame | None
    sentence: str
    csv: pd.DataFrame | None


def worse_and_worsening(figs: Figures, store, period: str, group: Group, choice: comparison.Choice,
                        level: float) -> WorseView:
    found = comparison.worse_and_worsening(figs, store, period, choice, group.codes, level)
    if found.empty:
        return WorseView(found, None, "", None)
    cat = figs.catalogue
    table = pd.DataFrame({
        "Area": found["area_name"],
        "Indicator": [narrative.indicator_label(d, i) for d, i in zip(found["domain_name"], found["indicator"])],
        "Value": [cat[i].format_value(v) for i, v in zip(found["indicator_id"], found["value"])],
        f"{level:g}% interval": [f"{cat[i].format_value(lo)} to {cat[i].format_value(hi)}"
                                 for i, lo, hi in zip(found["indicator_id"], found["lower"], found["upper"])],
        "Benchmark": [f"{cat[i].format_value(v)} ({lab})" for i, v, lab in
                      zip(found["indicator_id"], found["benchmark_value"], found["benchmark_label"])],
        "Compared": "✖ Worse",
        "Trend": found["trend"],
        "Source": found["source"],
    })
    sentence = (f"{len(found)} area and indicator pair{'s' if len(found) != 1 else ''} in {period} "
                f"{'are' if len(found) != 1 else 'is'} significantly worse than the benchmark and getting worse.")
    suffix = stats.level_suffix(level)
    csv = found.rename(columns={"area_code": "geography_code", "lower": f"lower_{suffix}", "upper": f"upper_{suffix}"})
    rows = [exports.chart_rows(part.assign(**{f"comparison_{suffix}": part["comparison"]}).drop(columns=["comparison"]),
                               cat[indicator_id])
            for indicator_id, part in csv.groupby("indicator_id", sort=False)]
    return WorseView(found, table, sentence, pd.concat(rows, ignore_index=True))
