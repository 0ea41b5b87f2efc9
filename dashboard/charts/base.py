"""What every chart shares: the font and colours, the Plotly toolbar, and :class:`Chart` (a figure
with the sentence that is its text alternative and caption)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15, color="#0b0c0c")
HIGHLIGHT = "#00549f"
OTHER = "#9aa5ab"
BENCHMARK = "#0b0c0c"
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


@dataclass
class Chart:
    figure: go.Figure
    sentence: str  # the chart's text alternative and caption

    @property
    def empty(self) -> bool:
        """Nothing to draw (no trace has a point): the page shows the sentence instead."""
        return not has_data(self.figure)


def _points(values) -> int:
    if values is None:
        return 0
    if isinstance(values, str):
        return 1
    try:
        items = list(values)
    except TypeError:
        return 0 if values != values else 1
    count = 0
    for item in items:
        if isinstance(item, (list, tuple, np.ndarray)):
            count += _points(item)
        elif item is not None and not (isinstance(item, float) and item != item):
            count += 1
    return count


def has_data(figure: go.Figure) -> bool:
    """True when at least one trace has a point to draw (lines and legend-only traces aside)."""
    for trace in figure.data:
        axes = [getattr(trace, name, None) for name in ("x", "y", "z", "values", "r")]
        present = [a for a in axes if a is not None]
        if present and all(_points(a) > 0 for a in present):
            return True
    return False

