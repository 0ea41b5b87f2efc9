"""Plotly figures, each with the sentence that is its text alternative and caption, by family:

- ``base``: the font, colours and :class:`Chart`, shared by every chart;
- ``comparison``: the comparison pages' charts (an indicator across areas against a benchmark,
  an area's profile and trend, splits by group);
- ``theme``: the theme pages' charts (counts and shares already suppressed by the release layer);
- ``hexmap``: the Map page's hex map of councils.

Callers use ``charts.<name>``; the names below are the package's public face.
"""

from dashboard.charts.base import BENCHMARK, FONT, HIGHLIGHT, OTHER, PLOTLY_CONFIG, Chart, has_data
from dashboard.charts.comparison import (COMPARISON_SYMBOLS, SORTS, compare_bars, compare_sentence, funnel_limits,
                                         funnel_plot, funnel_sides, group_bars, log_ticks, significance_bars,
                                         spine_chart, trend_chart)
from dashboard.charts.theme import (AGREEMENT_COLOURS, ANSWER_COLOURS, LEVEL_COLOURS, NOT_SHOWN, SERIES_COLOURS,
                                    binned_bars, category_lines, diverging_bars, grouped_bars, heatmap,
                                    stacked_bars, trend_lines)

__all__ = [
    "BENCHMARK", "FONT", "HIGHLIGHT", "OTHER", "PLOTLY_CONFIG", "Chart", "has_data",
    "COMPARISON_SYMBOLS", "SORTS", "compare_bars", "compare_sentence", "funnel_limits", "funnel_plot", "funnel_sides",
    "group_bars", "log_ticks", "significance_bars", "spine_chart", "trend_chart",
    "AGREEMENT_COLOURS", "ANSWER_COLOURS", "LEVEL_COLOURS", "NOT_SHOWN", "SERIES_COLOURS", "binned_bars",
    "category_lines", "diverging_bars", "grouped_bars", "heatmap", "stacked_bars", "trend_lines",
]
