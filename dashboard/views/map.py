"""The map page: the hex map of councils coloured by significance or quintile, and its table."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import charts, release
from dashboard.charts import hexmap
from dashboard.figures import comparison, exports, narrative, stats
from dashboard.figures.catalogue import Indicator
from dashboard.figures.indicators import Figures

COLOUR_BY = {"significance": "Compared with the benchmark", "quintile": "Fifths of the values (quintiles)"}
CREDIT = hexmap.CREDIT


@dataclass(frozen=True)
class MapView:
    ind: Indicator
    chart: charts.Chart
    csv: pd.DataFrame
    table: pd.DataFrame     # the councils with data on the map
    councils: int           # hexes on the map

    @staticmethod
    def no_profile(code: str) -> str:
        """What a click on a council with no data says."""
        name = hexmap.layout().set_index("area_code").loc[code, "name"]
        return f"{name} has no data in the dashboard, so it has no profile here."


def map_view(figs: Figures, store, indicator_id: str, period: str, area: str, choice: comparison.Choice,
             level: float, colour_by: str) -> MapView:
    ind = figs.catalogue[indicator_id]
    frame = comparison.compared(figs, store, indicator_id, period, choice)
    column = f"comparison_{stats.level_suffix(level)}"
    bench = comparison.benchmark(figs, store, indicator_id, period, choice, area)
    hexes = hexmap.categorise(frame, colour_by, column)
    chart = hexmap.hex_map(hexes, ind, period, colour_by, area, bench.label if bench else None)
    shown = hexes[hexes["geography_code"].notna()].sort_values("name")
    table = shown.assign(
        Area=shown["name"],
        Value=release.shown_values(shown, ind.format_value),
        Colour=shown["category"],
        Compared=[narrative.comparison_label(c) for c in shown[column]],
    )[["Area", "Value", "Colour"] if colour_by == "quintile" else ["Area", "Value", "Compared"]]
    return MapView(ind, chart, exports.chart_rows(frame, ind), table, len(hexes))
