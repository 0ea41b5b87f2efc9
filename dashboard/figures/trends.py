"""Trends over the years (one source only), for an area's figures. Used by ``Figures.trend`` and
by the comparisons (``comparison``); it needs only the figures' rows, so neither imports the
other through it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.figures import stats

if TYPE_CHECKING:
    from dashboard.figures.indicators import Figures


TREND_FIELDS = ["period", "source", "value", "base", "numerator", "denominator"]


def _trend_records(records: list[tuple], period: str, last: int) -> list[tuple]:
    """Rows (period, source, value, base, numerator, denominator) a trend is tested on."""
    rows = sorted(r for r in records if r[0] <= period)
    with_value = [r for r in rows if r[2] == r[2] and r[2] is not None]
    if with_value:
        source = with_value[-1][1]
        rows = [r for r in rows if r[1] == source]
    return rows[-last:]


def _area_records(frame: pd.DataFrame) -> list[tuple]:
    frame = frame[frame["geography_level"] == "area"]
    return list(frame[TREND_FIELDS].itertuples(index=False, name=None))


def trend_series(figs: Figures, indicator_id: str, code: str, period: str, last: int = 5) -> pd.DataFrame:
    """The figures a trend is tested on: the latest ``last`` years up to and including
    ``period``, from the source of the latest figure only (published ASCOF figures, weighted over
    the whole council, and a council's own exports are not the same measurement)."""
    rows = _trend_records(_area_records(figs.series(indicator_id, code)), period, last)
    return pd.DataFrame(rows, columns=TREND_FIELDS)


def _trend(indicator, rows: list[tuple]) -> stats.Trend:
    if indicator.kind == "proportion":
        counts = [v / 100 * b for _, _, v, b, _, _ in rows]
        return stats.trend_test(counts, [b for _, _, _, b, _, _ in rows], "proportion", indicator.polarity)
    if indicator.kind == "rate":
        return stats.trend_test([n for *_, n, _ in rows], [d for *_, d in rows], "rate", indicator.polarity)
    return stats.trend_test([], [], "median", indicator.polarity)


def trend_to(figs: Figures, indicator_id: str, code: str, period: str, last: int = 5) -> stats.Trend:
    """Trend over the latest ``last`` years up to and including ``period`` (``trend_series``)."""
    rows = _trend_records(_area_records(figs.series(indicator_id, code)), period, last)
    return _trend(figs.catalogue[indicator_id], rows)
