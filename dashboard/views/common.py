"""Pieces several views share."""

from __future__ import annotations

from dashboard import release
from dashboard.data import cld
from dashboard.figures import exports
from dashboard.figures.indicators import Figures


def csv_bytes(frame) -> bytes:
    """A download's bytes: the one formula-safe CSV writer (``exports.to_csv``)."""
    return exports.to_csv(frame)


def source_line(figs: Figures, indicator_id: str, period: str, source: str | None = None) -> str:
    ind = figs.catalogue[indicator_id]
    if source == "published ASCOF":
        origin = "published ASCOF file (NHS England, Open Government Licence v3.0)"
    elif source == cld.SOURCE:
        origin = "Client Level Data " + cld.SOURCE + " (ASCOF 3D as NHS England's replication code works it out)"
    else:
        origin = ind.source_dataset
    return f"Source: {origin}, {period}."


def interval_text(ind, lower, upper, suppressed) -> str:
    """An interval for a table cell: blank when suppressed, said when none was published."""
    if suppressed:
        return ""
    if lower != lower or upper != upper:
        return "none (published value only)"
    return f"{ind.format_value(lower)} to {ind.format_value(upper)}"


def count_text(count, suppressed) -> str:
    """A count for a table cell: blank when suppressed or missing, else with thousands separators."""
    return "" if suppressed or count != count else f"{count:,.0f}"


def counts(values, suppressed) -> list[str]:
    return [count_text(c, s) for c, s in zip(values, suppressed)]


def values(ind, frame) -> list[str]:
    """Values for a table column: the indicator's format, or the cell's own reason where hidden."""
    return release.shown_values(frame, ind.format_value)
