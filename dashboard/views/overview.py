"""The overview page: one tile per domain (its headline indicator) and the same in plain English."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

import pandas as pd

from dashboard.figures import narrative
from dashboard.figures.indicators import Figures
from dashboard.views.common import source_line


@dataclass(frozen=True)
class Overview:
    tiles: list[str]          # one HTML tile per domain, in the catalogue's order
    sentences: list[str]      # one plain-English sentence per tile with a figure
    shown: pd.DataFrame       # the rows shown (for the note on published values without an interval)

    @property
    def narrative_html(self) -> str:
        return "<div class='gl-narrative'>" + "<br>".join(escape(s) for s in self.sentences) + "</div>"


def caption(area_name: str, period: str) -> str:
    return (f"{area_name}, {period}. Each tile shows one headline indicator for a domain, compared "
            "with England (the published ASCOF value where there is one, otherwise all areas in the "
            "data) using 95% intervals.")


def _tile(figs: Figures, domain, ind, row, bench, area: str, period: str) -> str:
    if row is None:
        value_html = "<div class='gl-value'>–</div><p>No figure for this year.</p>"
        badge = ""
    elif row["suppressed"]:
        value_html = "<div class='gl-value'>–</div><p>Not shown: fewer than 5 people.</p>"
        badge = ""
    else:
        word, symbol, colour = narrative.COMPARISON_STYLE[row["comparison"]]
        value_html = f"<div class='gl-value'>{ind.format_value(row['value'])}</div>"
        phrase = narrative.comparison_phrase(row["comparison"], bench.label if bench else None)
        badge = f"<span class='gl-badge' style='background:{colour}'>{symbol} {escape(phrase[0].upper() + phrase[1:])}</span>"
    bench_html = (
        f"<p class='gl-muted'>{bench.label}: {ind.format_value(bench.value)}</p>" if bench else
        "<p class='gl-muted'>No benchmark for this year.</p>"
    )
    source = row["source"] if row is not None else None
    trend = figs.trend(ind.id, area, period=period)
    trend_html = f"<p>{trend.arrow} {escape(narrative.trend_sentence(trend, 5))}</p>"
    return (f"<div class='gl-tile' data-testid='domain-tile' data-domain='{domain.id}'>"
            f"<h3>{escape(domain.name)}</h3><p class='gl-muted'>{escape(ind.name)}</p>{value_html}"
            f"<p>{badge}</p>{bench_html}{trend_html}"
            f"<p class='gl-muted'>{source_line(figs, ind.id, period, source)}</p>{_also(figs, domain, ind, area, period)}</div>")


def _also(figs: Figures, domain, headline, area: str, period: str) -> str:
    """The domain's other indicators, each a link to its Compare page (the tile shows one)."""
    others = [i for i in figs.catalogue.in_domain(domain.id) if i.id != headline.id]
    if not others:
        return ""
    links = ", ".join(
        f"<a href='compare?{urlencode({'indicator': i.id, 'area': area, 'period': period})}' target='_self'>"
        f"{escape(i.short_name)}</a>" for i in others)
    more = f"{len(others)} more indicator{'s' if len(others) > 1 else ''} in {escape(domain.name.lower())}"
    return (f"<details class='gl-muted' data-testid='domain-also'><summary>{more}</summary>"
            f"<p>{links}</p></details>")


def overview(figs: Figures, area: str, period: str) -> Overview:
    """Everything the overview shows for one area and year."""
    area_name = figs.area_name(area)
    tiles, sentences, shown = [], [], []
    for domain in figs.catalogue.domains:
        ind = figs.catalogue.headline(domain.id)
        table = figs.areas_for(ind.id, period)
        found = table[table["geography_code"] == area]
        row = found.iloc[0] if len(found) else None
        bench = figs.benchmark(ind.id, period)
        tiles.append(_tile(figs, domain, ind, row, bench, area, period))
        if row is not None:
            shown.append(row)
            sentences.append(narrative.figure_sentence(
                ind, area_name, period, row["value"], bool(row["suppressed"]),
                row["comparison"], bench.label if bench else None,
            ))
    return Overview(tiles, sentences, pd.DataFrame(shown))
