"""CSV downloads of chart data: value, interval, significance, trend, source and period.

Every download is built from suppressed figures: a suppressed row keeps its area and says why,
with no number in it; benchmark rows never carry counts.
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard import release
from dashboard.figures import narrative, stats
from dashboard.figures.catalogue import Indicator
# the one formula-safe CSV writer lives with the data layer (records and templates use it too)
from dashboard.data.safe_csv import FORMULA_STARTS, neutralise, safe_frame, to_csv  # noqa: F401

CSV_COLUMNS = [
    "indicator_id", "indicator", "area_code", "area_name", "period", "value", "unit",
    "lower_95", "upper_95", "lower_998", "upper_998", "compared_with", "benchmark_value",
    "significance_95", "significance_998", "trend", "source", "note",
]


def _num(value, digits: int = 2):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits)


def _words(comparison) -> str:
    if comparison is None or comparison not in narrative.COMPARISON_STYLE:
        return narrative.COMPARISON_STYLE[stats.NOT_COMPARED][0].lower()
    return narrative.COMPARISON_STYLE[comparison][0].lower()


def chart_rows(frame: pd.DataFrame, indicator: Indicator, period_col: str = "period") -> pd.DataFrame:
    """Rows for a CSV from a frame of figures (``Figures.areas_for``/``benchmarks.compared``
    rows, or a series): names as in ``CSV_COLUMNS``."""
    rows = []
    for row in frame.to_dict("records"):  # (plain dicts: iterrows built a Series per row)
        suppressed = bool(row.get("suppressed", False))
        rows.append({
            "indicator_id": indicator.id,
            "indicator": indicator.name,
            "area_code": row.get("geography_code", row.get("area_code")),
            "area_name": row.get("area_name"),
            "period": row.get(period_col),
            "value": None if suppressed else _num(row.get("value")),
            "unit": indicator.unit_suffix.strip() or indicator.unit,
            "lower_95": None if suppressed else _num(row.get("lower_95")),
            "upper_95": None if suppressed else _num(row.get("upper_95")),
            "lower_998": None if suppressed else _num(row.get("lower_998")),
            "upper_998": None if suppressed else _num(row.get("upper_998")),
            "compared_with": row.get("benchmark_label"),
            "benchmark_value": _num(row.get("benchmark_value")),
            "significance_95": _words(row.get("comparison_95", row.get("comparison"))),
            "significance_998": _words(row.get("comparison_998")),
            "trend": row.get("trend"),
            "source": row.get("source"),
            "note": release.not_shown(row.get("suppression_reason")) if suppressed else "",
        })
    return pd.DataFrame(rows, columns=CSV_COLUMNS)
