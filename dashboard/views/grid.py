"""The grid page: indicators by areas, each cell a value marked by its comparison."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import release
from dashboard.figures import catalogue, comparison, exports, stats
from dashboard.figures.groups import Group
from dashboard.figures.indicators import Figures

CELL_COLUMNS = ["indicator_id", "geography_code", "text", "comparison", "benchmark_text"]


@dataclass(frozen=True)
class GridView:
    cells: pd.DataFrame                 # one row per indicator and area (CELL_COLUMNS)
    rows: list[tuple[str, str]]         # (indicator id, row label), in the catalogue's order
    area_cols: list[tuple[str, str]]    # (area code, name)
    intro: str
    sentence: str
    csv: pd.DataFrame


def grid(figs: Figures, store, period: str, domain: str, group: Group, choice: comparison.Choice, area: str,
         level: float) -> GridView:
    indicators = [i for i in figs.catalogue.indicators if domain == "all" or i.domain == domain]
    column = f"comparison_{stats.level_suffix(level)}"
    cells, csv_parts = [], []
    for ind in indicators:
        if period not in figs.periods(ind.id):
            continue
        frame = comparison.compared(figs, store, ind.id, period, choice, group.codes, with_trend=True)
        bench = comparison.benchmark(figs, store, ind.id, period, choice, area)
        for row in frame.itertuples():
            cells.append({
                "indicator_id": ind.id, "geography_code": row.geography_code,
                "text": release.cell_text(row.suppressed, row.suppression_reason, "" if row.suppressed else ind.format_value(row.value)),
                "comparison": getattr(row, column),
                "benchmark_text": "each area's region" if choice.kind == comparison.REGION else (
                    ind.format_value(bench.value) if bench else "–"),
            })
        csv_parts.append(exports.chart_rows(frame, ind))
    cells = pd.DataFrame(cells, columns=CELL_COLUMNS)
    area_cols = [(c, figs.area_name(c)) for c in group.codes]
    rows = [(i.id, f"{i.short_name} ({i.unit_suffix.strip() or i.unit})") for i in indicators
            if i.id in set(cells["indicator_id"])]
    counts = cells["comparison"].value_counts()
    sentence = (f"Grid of {len(rows)} indicators for {len(area_cols)} areas ({group.words}) in {period}, "
                f"each cell coloured and marked by comparison with the benchmark at {level:g}%: "
                + ", ".join(f"{int(counts[c])} {c}" for c in counts.index) + ".")
    intro = (f"Each cell shows the value, and a symbol and a word saying how the area compares with "
             f"{'its region' if choice.kind == comparison.REGION else 'the benchmark'} at {level:g}%.")
    csv = (pd.concat(csv_parts, ignore_index=True) if csv_parts
           else exports.chart_rows(pd.DataFrame(), catalogue.load()["control"]))
    return GridView(cells, rows, area_cols, intro, sentence, csv)
