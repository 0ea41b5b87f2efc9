"""The by-group page: an indicator split by age band, primary support reason and mechanism of
delivery, for one area or areas taken together (the release layer's published split cells)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard import charts, release
from dashboard.figures import comparison, exports
from dashboard.figures.catalogue import Indicator
from dashboard.figures.indicators import Figures
from dashboard.views.common import counts


@dataclass(frozen=True)
class Split:
    """One dimension's chart, its table and the rows of its download."""

    dimension: str
    chart: charts.Chart
    table: pd.DataFrame
    csv: pd.DataFrame


@dataclass(frozen=True)
class ByGroupView:
    ind: Indicator
    where: str                  # the area's name, or the words for the areas together
    everyone: str               # "Everyone: **78.4%** (40 people counted)." (Markdown), or "" when nothing to show
    splits: list[Split] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.everyone


def split_indicators(figs: Figures) -> dict[str, str]:
    """The indicators the catalogue splits by group (``split_query``): id -> name."""
    return {i.id: i.name for i in figs.catalogue.indicators if i.split_query}


def by_group(figs: Figures, store, indicator_id: str, codes: list[str], where: str, period: str) -> ByGroupView:
    ind = figs.catalogue[indicator_id]
    rows = comparison.splits(store, indicator_id, codes, period)
    if rows.empty:
        return ByGroupView(ind, where, "")
    everyone = rows[rows["dimension"] == "everyone"].iloc[0]
    overall = None if everyone["suppressed"] else float(everyone["value"])
    if everyone["suppressed"]:
        said = f"Everyone: **{release.not_shown(everyone['suppression_reason'])}**."
    else:
        counted = "" if everyone["base"] != everyone["base"] else f" ({everyone['base']:,.0f} people counted)"
        said = f"Everyone: **{ind.format_value(overall)}**{counted}."
    splits = []
    for dimension in comparison.DIMENSIONS:
        part = rows[rows["dimension"] == dimension]
        if part.empty:
            continue
        chart = charts.group_bars(part, ind.short_name, dimension, where, period, overall)
        table = pd.DataFrame({
            "Group": part["group_name"],
            "Value": release.shown_values(part, ind.format_value),
            "95% interval": ["" if s else f"{ind.format_value(lo)} to {ind.format_value(hi)}"
                             for lo, hi, s in zip(part["lower_95"], part["upper_95"], part["suppressed"])],
            "People counted": counts(part["base"], part["suppressed"]),
        })
        csv = exports.chart_rows(part.assign(area_name=part["group_name"], geography_code=",".join(codes),
                                             period=period, source="local data", trend=None), ind)
        csv.insert(2, "split", dimension)
        splits.append(Split(dimension, chart, table, csv))
    return ByGroupView(ind, where, said, splits)
