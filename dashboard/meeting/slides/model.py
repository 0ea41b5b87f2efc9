"""A meeting as data: the kinds of slide, :class:`Slide` (with its easy-read version,
:class:`EasySlide`) and :class:`Meeting` (the slides in order)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from dashboard.charts import Chart
from dashboard.meeting import meetings

AGENDA, DOMAIN, INDICATOR, GROUPS, ACTIONS, SELF_ASSESSMENT = (
    "agenda", "domain", "indicator", "groups", "actions", "self_assessment")
SLIDE_KINDS = (AGENDA, DOMAIN, INDICATOR, GROUPS, ACTIONS, SELF_ASSESSMENT)


@dataclass
class EasySlide:
    """The easy-read version: pictures on the left, one idea per line on the right."""

    title: str
    lines: list[str]
    picture: str | None = None  # a picture name in assets/easyread (indicator icon)
    picture_label: str = ""
    face: str | None = None  # happy | neutral | sad | question
    face_words: str = ""
    chart_svg: str = ""  # icon array out of 10, or one bar with "most places"
    chart_sentence: str = ""  # the chart's text alternative (the same sentence as the words)


@dataclass
class Slide:
    kind: str
    key: str  # stable: "agenda", "domain:choice", "indicator:control", "actions:open:1", ...
    title: str
    subtitle: str
    lines: list[str] = field(default_factory=list)
    headline: str | None = None  # the big figure ("80.0%"), or None
    headline_caption: str = ""
    badges: list[tuple[str, str]] = field(default_factory=list)  # (symbol and words, colour)
    table: pd.DataFrame | None = None
    table_caption: str = ""
    chart: Chart | None = None
    notes: str = ""  # speaker notes: the full figures
    footer: str = ""  # source and period
    easy: EasySlide | None = None

    @property
    def text(self) -> str:
        """Every word on the standard slide (for tests and search)."""
        parts = [self.title, self.subtitle, self.headline or "", self.headline_caption, *self.lines,
                 *(b[0] for b in self.badges), self.table_caption, self.footer]
        if self.table is not None:
            parts += [" ".join(map(str, self.table.columns))]
            parts += [" ".join(map(str, r)) for r in self.table.astype(str).itertuples(index=False)]
        if self.chart is not None:
            parts.append(self.chart.sentence)
        return "\n".join(p for p in parts if p)


@dataclass
class Meeting:
    area_code: str
    area_name: str
    period: str
    baseline: meetings.Baseline
    slides: list[Slide]
    made_at: dt.datetime

    def kinds(self) -> list[str]:
        return [s.kind for s in self.slides]

    def index_of(self, key: str) -> int:
        return next((i for i, s in enumerate(self.slides) if s.key == key), 0)

    @property
    def title(self) -> str:
        return f"Partnership board: {self.area_name}, {self.period} data"
