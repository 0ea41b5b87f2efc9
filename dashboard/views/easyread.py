"""The easy-read pages: finding a place by name, one indicator's screen (the figure in plain
words, with its picture, icons, face and change since last year), and the printable pack (an
editor's export logged)."""

from __future__ import annotations

from dashboard import access, easyread
from dashboard.easyread import EasyReadFigure, council_without_data, find_places
from dashboard.easyread import pack as easyread_pack
from dashboard.easyread.pack import pack_file_name
from dashboard.figures.indicators import Figures
from dashboard.records import audit

__all__ = ["council_without_data", "find_places", "pack_file_name", "pack_pdf", "screen"]


def screen(figs: Figures, indicator_id: str, area: str, period: str) -> tuple[EasyReadFigure, str]:
    """One indicator's screen for the area and year, and its topic (the domain's easy-read name)."""
    ind = figs.catalogue[indicator_id]
    last = easyread.previous_year(period)
    fig = easyread.easy_read_figure(
        ind, figs.figure(ind.id, area, period), figs.benchmark(ind.id, period),
        figs.figure(ind.id, area, last) if last else None, figs.area_name(area), period,
    )
    return fig, figs.catalogue.domain(ind.domain).easy_read_name


def pack_pdf(figs: Figures, area: str, period: str, user: access.User | None) -> bytes:
    """The easy-read pack for the area and year; an editor's export is in the audit log."""
    data = easyread_pack.pack_pdf(figs, area, period)
    if user is not None and user.is_editor:
        audit.record("export pack", user=user, areas=[area], detail=f"easy-read pack (PDF), {area}, {period}")
    return data
