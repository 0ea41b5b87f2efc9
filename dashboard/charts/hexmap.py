"""Hex map of English councils (153 on 2023 boundaries), drawn with plotly markers only: no
tiles, fonts or scripts from the web.

Layout: ``sample_data/reference/hexmap-2023.hexjson``, the Open Innovations UTLA hex map
(MIT licence, "Copyright (c) 2017- Open Innovations") remapped to 2023 boundaries by
``tools/remap_hexmap.py``.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from dashboard import config
from dashboard.figures import narrative, stats
from dashboard.charts.base import FONT, Chart
from dashboard.figures.catalogue import Indicator

HEXMAP_FILE = config.SAMPLE_DATA_DIR / "reference" / "hexmap-2023.hexjson"
CREDIT = "Hex map layout: Open Innovations (odileeds/hexmaps), MIT licence, Copyright (c) 2017- Open Innovations; remapped to 2023 council boundaries."
NO_DATA = "No data"
NO_DATA_COLOUR = "#ffffff"
#: quintile colours, light to dark (dark ones carry white text); numbers are written on the hexes
QUINTILE_COLOURS = ["#e6f0f8", "#b3cde3", "#6a9fcb", "#2b6ca3", "#08306b"]
QUINTILE_NAMES = ["1 (lowest fifth)", "2", "3", "4", "5 (highest fifth)"]


@lru_cache(maxsize=1)
def layout() -> pd.DataFrame:
    """One row per council: area_code, name, q, r, and x, y (odd-r rows shifted half a hex)."""
    data = json.loads(HEXMAP_FILE.read_text(encoding="utf-8"))
    rows = []
    for code, cell in data["hexes"].items():
        q, r = int(cell["q"]), int(cell["r"])
        rows.append({"area_code": code, "name": cell["n"], "q": q, "r": r,
                     "x": q + (0.5 if r % 2 else 0.0), "y": r * math.sqrt(3) / 2})
    return pd.DataFrame(rows)


def categorise(frame: pd.DataFrame, colour_by: str, column: str = "comparison") -> pd.DataFrame:
    """Every council on the map with its category: significance words, a quintile, or no data.

    ``frame``: rows from ``benchmarks.compared`` (geography_code, value, suppressed, ...)."""
    frame = frame.drop(columns=[c for c in ("area_code", "name") if c in frame.columns])
    hexes = layout().merge(frame, left_on="area_code", right_on="geography_code", how="left")
    has_value = hexes["value"].notna() & ~hexes["suppressed"].fillna(False).astype(bool)
    if colour_by == "quintile":
        quint = stats.quintile_labels(hexes["value"].where(has_value))
        hexes["category"] = [QUINTILE_NAMES[q - 1] if q else None for q in quint]
        hexes["mark"] = [str(q) if q else "" for q in quint]
    else:
        hexes["category"] = [narrative.COMPARISON_STYLE[c][0] if ok and isinstance(c, str) else None
                             for c, ok in zip(hexes[column], has_value)]
        hexes["mark"] = [narrative.COMPARISON_STYLE[c][1] if ok and isinstance(c, str) else ""
                         for c, ok in zip(hexes[column], has_value)]
    in_data = hexes["geography_code"].notna()
    hexes.loc[~has_value & in_data & hexes["suppressed"].fillna(False).astype(bool), "category"] = "Not shown: small numbers"
    hexes["category"] = hexes["category"].fillna(NO_DATA)
    return hexes


def hex_map(hexes: pd.DataFrame, indicator: Indicator, period: str, colour_by: str, highlight: str | None,
            benchmark_label: str | None) -> Chart:
    if colour_by == "quintile":
        palette = list(zip(QUINTILE_NAMES, QUINTILE_COLOURS))
    else:
        palette = [(word, colour) for word, _, colour in narrative.COMPARISON_STYLE.values()]
    palette += [("Not shown: small numbers", "#dfe3e5"), (NO_DATA, NO_DATA_COLOUR)]
    fig = go.Figure()
    for index, (category, colour) in enumerate(palette):
        part = hexes[hexes["category"] == category]
        if part.empty:
            continue
        dark = colour_by != "quintile" or category in QUINTILE_NAMES[2:]
        text_colour = "#ffffff" if dark and category not in (NO_DATA, "Not shown: small numbers") else "#0b0c0c"
        values = [indicator.format_value(v) if v == v else "no figure" for v in part["value"]]
        fig.add_trace(go.Scatter(
            x=part["x"], y=part["y"], mode="markers+text", name=category,
            text=part["mark"], textfont=dict(color=text_colour, size=11),
            marker=dict(symbol="hexagon", size=33, color=colour,
                        line=dict(color=["#0b0c0c" if c == highlight else "#6f777b" for c in part["area_code"]],
                                  width=[3.5 if c == highlight else 1 for c in part["area_code"]])),
            customdata=list(zip(part["area_code"], part["name"], values)),
            hovertemplate="%{customdata[1]}: %{customdata[2]}<extra>" + category + "</extra>",
        ))
    lay = layout()
    fig.update_layout(
        font=FONT, height=620, width=680, margin=dict(l=10, r=10, t=10, b=10), plot_bgcolor="white",
        xaxis=dict(visible=False, range=[lay["x"].min() - 4, lay["x"].max() + 1]),
        yaxis=dict(visible=False, scaleanchor="x", scaleratio=1, range=[lay["y"].min() - 0.8, lay["y"].max() + 0.8]),
        legend=dict(title_text="Key", x=0.0, y=1.0, xanchor="left", yanchor="top", bgcolor="rgba(255,255,255,0.85)",
                    font=dict(size=14), itemclick=False, itemdoubleclick=False),
        dragmode=False, clickmode="event+select",
    )
    counts = hexes["category"].value_counts()
    parts = [f"{int(counts[c])} {c.lower()}" for c, _ in palette if c in counts and c != NO_DATA]
    how = "fifths of the areas' values (quintiles)" if colour_by == "quintile" else \
        f"comparison with {narrative.benchmark_name(benchmark_label)}"
    sentence = (f"Hex map of the {len(hexes)} English councils: {indicator.name.lower()} in {period}, coloured by {how}, "
                f"each hex marked with {'its quintile number' if colour_by == 'quintile' else 'a symbol'}. "
                f"{'; '.join(parts) or 'No area has a figure'}; {int(counts.get(NO_DATA, 0))} councils have no data.")
    return Chart(fig, sentence)
