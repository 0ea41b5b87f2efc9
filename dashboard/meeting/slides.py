"""A partnership board meeting as a sequence of slides (data, not pixels).

``build_meeting(store, figs, area_code, period)`` returns a ``Meeting``: the slides in order,

1. the agenda;
2. the headline for each domain (with the board's own red / amber / green rating beside what
   the data says);
3. one indicator per slide: value, benchmark, trend in words, change since the last meeting;
4. group highlights (control, choice and satisfaction by age band, support reason and how
   support is arranged);
5. "you said, we did": open actions, then actions completed;
6. the board's self-assessment beside the data.

Every slide carries its easy-read version (``Slide.easy``), built on ``dashboard.easyread`` so a
sentence reads the same as on the Easy read pages. The meeting page (``pages/meeting.py``)
renders slides as HTML with ``slide_html``; the packs (``dashboard/meeting/packs.py``) write the same
slides to PPTX and PDF. Only suppressed figures (``Figures``) are used: nothing here can show a
count of 1-4 or a figure from fewer than 5 people.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import access, easyread, release
from dashboard.figures import narrative, stats
from dashboard.meeting import meetings
from dashboard.meeting import actions, self_assessment
from dashboard.figures.catalogue import Indicator
from dashboard.charts import Chart
from dashboard.figures.indicators import Figures
from dashboard.data.store import Store

AGENDA, DOMAIN, INDICATOR, GROUPS, ACTIONS, SELF_ASSESSMENT = (
    "agenda", "domain", "indicator", "groups", "actions", "self_assessment")
SLIDE_KINDS = (AGENDA, DOMAIN, INDICATOR, GROUPS, ACTIONS, SELF_ASSESSMENT)
RATING_COLUMN = "Board's rating"
ACTIONS_PER_SLIDE = 4  # rows that fit at 32 px on a 1920 x 1080 screen
GROUP_INDICATORS = ("control", "choice", "satisfaction")
DIMENSION_SHORT = {"Age band": "Age", "Primary support reason": "Support reason", "How support is arranged": "Support arranged"}

SLIDE_FONT = dict(family="DejaVu Sans, Source Sans Pro, Arial, sans-serif", size=26, color="#0b0c0c")
AREA_COLOUR = "#00549f"
BENCH_COLOUR = "#0b0c0c"


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


# ------------------------------------------------------------------ helpers


def _valid(row) -> bool:
    return row is not None and not bool(row["suppressed"]) and row["value"] == row["value"]


def _interval(ind: Indicator, row, level: str = "95") -> str:
    lo, hi = row[f"lower_{level}"], row[f"upper_{level}"]
    if lo != lo or hi != hi:
        return "no interval"
    return f"{ind.format_value(lo)} to {ind.format_value(hi)}"


def footer_for(figs: Figures, ind: Indicator | None, period: str, area_name: str, source: str | None = None) -> str:
    if ind is None:
        origin = "Good Lives dashboard (suppressed figures: no count of 1-4 or figure from under 5 people)"
    elif source == "published ASCOF":
        origin = "published ASCOF file (NHS England, Open Government Licence v3.0)"
    else:
        origin = ind.source_dataset
    return f"Source: {origin}. {area_name}, {period}."


def _comparison_badge(comparison: str, bench) -> str:
    """'✔ Better than England', '≈ Similar to all areas in the data' (words and a symbol)."""
    word, symbol, _ = narrative.COMPARISON_STYLE[comparison]
    name = narrative.benchmark_name(bench.label) if bench else "the benchmark"
    if comparison == stats.SIMILAR:
        return f"{symbol} Similar to {name}"
    if comparison == stats.NOT_COMPARED:
        return f"{symbol} Not compared with {name}"
    return f"{symbol} {word} than {name}"


def _trend(figs: Figures, ind: Indicator, area_code: str, period: str) -> tuple[stats.Trend, int]:
    series = figs.series(ind.id, area_code)
    series = series[series["period"] <= period].tail(5)
    if ind.kind == "proportion":
        result = stats.trend_test(series["value"] / 100 * series["base"], series["base"], "proportion", ind.polarity)
    elif ind.kind == "rate":
        result = stats.trend_test(series["numerator"], series["denominator"], "rate", ind.polarity)
    else:
        result = stats.trend_test([], [], "median", ind.polarity)
    return result, int(series["value"].notna().sum())


def trend_chart(figs: Figures, ind: Indicator, area_code: str, area_name: str, period: str) -> Chart | None:
    """The area's figures over time with 95% intervals and the benchmark, big enough for a room."""
    series = figs.series(ind.id, area_code)
    series = series[series["period"] <= period].tail(5)
    shown = series[~series["suppressed"].astype(bool) & series["value"].notna()]
    if shown.empty:
        return None
    bench = [(p, figs.benchmark(ind.id, p)) for p in series["period"]]
    bench = [(p, b) for p, b in bench if b is not None]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=shown["period"], y=shown["value"], mode="lines+markers", name=area_name,
        line=dict(color=AREA_COLOUR, width=5), marker=dict(size=18, symbol="circle", color=AREA_COLOUR),
        error_y=dict(type="data", symmetric=False, array=shown["upper_95"] - shown["value"],
                     arrayminus=shown["value"] - shown["lower_95"], color=AREA_COLOUR, thickness=3, width=10),
    ))
    if bench:
        fig.add_trace(go.Scatter(
            x=[p for p, _ in bench], y=[b.value for _, b in bench], mode="lines+markers",
            name=narrative.benchmark_name(bench[-1][1].label).capitalize() if bench[-1][1] else "Benchmark",
            line=dict(color=BENCH_COLOUR, width=3, dash="dash"), marker=dict(size=14, symbol="diamond", color=BENCH_COLOUR),
        ))
    fig.update_layout(
        font=SLIDE_FONT, height=460, width=1100, margin=dict(l=70, r=30, t=30, b=30, pad=6),
        plot_bgcolor="white", paper_bgcolor="white",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, font=dict(size=24)),
        yaxis_title=ind.unit_suffix.strip() or ind.unit,
    )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=list(series["period"]), tickfont=dict(size=24))
    # the margin grows to fit the widest number, and the unit stands clear of the numbers
    fig.update_yaxes(gridcolor="#dfe3e5", rangemode="tozero", tickfont=dict(size=22), automargin=True,
                     title_standoff=20, separatethousands=True)
    points = "; ".join(f"{ind.format_value(v)} in {p}" for p, v in zip(shown["period"], shown["value"]))
    sentence = (f"Line chart of {ind.name.lower()} in {area_name}, {series['period'].iloc[0]} to {period}, "
                f"with 95% intervals: {points}.")
    hidden = series[series["suppressed"].astype(bool)]["period"].tolist()
    if hidden:
        sentence += f" Not shown (fewer than 5 people): {', '.join(hidden)}."
    if bench:
        p, b = bench[-1]
        sentence += f" Dashed line: {b.label}, {ind.format_value(b.value)} in {p}."
    return Chart(fig, sentence)


def _easy_figure(figs: Figures, ind: Indicator, area_code: str, period: str, base: meetings.Baseline):
    row = figs.figure(ind.id, area_code, period)
    previous = figs.figure(ind.id, area_code, base.period) if base.period and not base.same_data else None
    return easyread.easy_read_figure(ind, row, figs.benchmark(ind.id, period), previous, figs.area_name(area_code), period)


# ------------------------------------------------------------------ slide builders


def agenda_slide(meeting_title: str, area_name: str, period: str, base: meetings.Baseline, sections: list[tuple[str, int]]) -> Slide:
    lines = [f"{number}. {name}" for name, number in sections]
    easy_names = {
        "Headlines for each domain": "How things are going",
        "One indicator at a time": "Each thing we measure, one at a time",
        "Group highlights": "Groups of people",
        "You said, we did": "You said, we did",
        "Self-assessment": "What the board thinks",
    }
    return Slide(
        kind=AGENDA, key="agenda", title="Agenda", subtitle=meeting_title,
        lines=lines + [f"Changes are since {base.words}."],
        notes=(f"Meeting slides for {area_name}, {period} data. Every change is compared with {base.words}. "
               "Figures from fewer than 5 people, or resting on a count of 1 to 4, are not shown."),
        footer=footer_for(None, None, period, area_name),
        easy=EasySlide(
            title="What we will talk about",
            lines=[f"{i}. {easy_names.get(name, name)}" for i, (name, _) in enumerate(sections, 1)]
            + [f"This is about {area_name}.", f"The numbers are from {period}."],
            picture="coproduced_activities", picture_label="Picture: people meeting together",
        ),
    )


def domain_slide(figs: Figures, area_code: str, period: str, domain, base: meetings.Baseline,
                 changes: dict[str, meetings.Change], ratings: dict) -> Slide:
    area_name = figs.area_name(area_code)
    ind = figs.catalogue.headline(domain.id)
    table = figs.areas_for(ind.id, period)
    row = table[table["geography_code"] == area_code]
    row = row.iloc[0] if len(row) else None
    bench = figs.benchmark(ind.id, period)
    view = self_assessment.data_view(figs, area_code, period, domain.id)
    rating = ratings.get(domain.id)
    badges = []
    if _valid(row):
        word, symbol, colour = narrative.COMPARISON_STYLE[row["comparison"]]
        headline = ind.format_value(row["value"])
        caption = narrative.figure_sentence(ind, area_name, period, row["value"], False, row["comparison"], bench.label if bench else None)
        badges.append((_comparison_badge(row["comparison"], bench), colour))
    else:
        headline = "Not shown" if row is not None and bool(row["suppressed"]) else "No figure"
        caption = narrative.figure_sentence(ind, area_name, period, None, row is not None and bool(row["suppressed"]))
    change = changes[ind.id]
    badges.append((change.label, meetings.CHANGE_STYLE[change.verdict][2]))
    rating_words = self_assessment.rating_label(rating["rating"] if rating is not None else None)
    lines = [
        f"Headline: {ind.name}.",
        change.words,
        f"The data for this domain. {view.words}",
        f"The board's self-assessment: {rating_words}.",
    ]
    if rating is not None:
        badges.append((rating_words, self_assessment.RATING_STYLE[rating["rating"]][2]))
    easy_fig = _easy_figure(figs, ind, area_code, period, base)
    easy_lines = [easy_fig.sentence]
    if not easy_fig.suppressed:
        easy_lines.append(easy_fig.comparison_sentence)
    easy_lines.append(change.easy_words)
    if rating is not None:
        easy_lines.append(self_assessment.RATING_STYLE[rating["rating"]][3])
    return Slide(
        kind=DOMAIN, key=f"domain:{domain.id}", title=domain.name, subtitle=f"{area_name}, {period}: {domain.description}",
        lines=lines, headline=headline, headline_caption=caption, badges=badges,
        notes=_notes(figs, ind, area_code, period, row, bench, change) + f"\nDomain: {view.words}",
        footer=footer_for(figs, ind, period, area_name, row["source"] if row is not None else None),
        easy=EasySlide(
            title=domain.easy_read_name, lines=easy_lines, picture=easy_fig.icon, picture_label=f"Picture: {easy_fig.title}",
            face=easy_fig.face, face_words=easy_fig.face_words,
            chart_svg=easyread.chart_svg(easy_fig), chart_sentence=easy_fig.sentence,
        ),
    )


def _notes(figs: Figures, ind: Indicator, area_code: str, period: str, row, bench, change: meetings.Change) -> str:
    """Speaker notes: the full figures (all already suppressed) and how they were worked out."""
    area_name = figs.area_name(area_code)
    out = [f"{ind.name} ({ind.id}), {area_name}, {period}."]
    if _valid(row):
        out.append(f"Value: {ind.format_value(row['value'])}.")
        out.append(f"95% interval: {_interval(ind, row)}; 99.8% interval: {_interval(ind, row, '998')}.")
        if row["base"] == row["base"] and row["source"] == "local data":
            if ind.kind == "proportion":
                out.append(f"Counted: {row['count']:,.0f} of {row['base']:,.0f} people.")
            elif ind.kind == "rate":
                out.append(f"Counted: {row['numerator']:,.0f} over {row['denominator']:,.0f}.")
            else:
                out.append(f"People counted: {row['base']:,.0f}.")
        out.append(f"Source: {row['source']}.")
    elif row is not None and bool(row["suppressed"]):
        out.append(f"{release.not_shown(row.get('suppression_reason'))}: small numbers are never shown.")
    else:
        out.append("No figure for this period.")
    if bench is not None:
        out.append(f"Benchmark: {bench.label}, {ind.format_value(bench.value)}.")
    out.append(change.detail or change.words)
    out.append(f"Definition: {ind.definition} Numerator: {ind.numerator} Denominator: {ind.denominator}")
    out.append(f"{ind.polarity_words}.")
    if ind.caveats:
        out.append(f"Caveats: {ind.caveats}")
    return "\n".join(out)


def indicator_slide(figs: Figures, area_code: str, period: str, ind: Indicator, base: meetings.Baseline,
                    change: meetings.Change) -> Slide:
    area_name = figs.area_name(area_code)
    domain = figs.catalogue.domain(ind.domain)
    table = figs.areas_for(ind.id, period)
    row = table[table["geography_code"] == area_code]
    row = row.iloc[0] if len(row) else None
    bench = figs.benchmark(ind.id, period)
    trend, years = _trend(figs, ind, area_code, period)
    badges = []
    lines = []
    if _valid(row):
        word, symbol, colour = narrative.COMPARISON_STYLE[row["comparison"]]
        headline = ind.format_value(row["value"])
        caption = narrative.figure_sentence(ind, area_name, period, row["value"], False, row["comparison"], bench.label if bench else None)
        badges.append((_comparison_badge(row["comparison"], bench), colour))
        lines.append(f"95% interval: {_interval(ind, row)}.")
    else:
        suppressed = row is not None and bool(row["suppressed"])
        headline = "Not shown" if suppressed else "No figure"
        caption = narrative.figure_sentence(ind, area_name, period, None, suppressed)
        if suppressed:
            lines.append(f"{release.not_shown(row.get('suppression_reason'))}. Small numbers are never shown, to keep people private.")
    lines.append(f"Benchmark: {bench.label}, {ind.format_value(bench.value)}." if bench else "Benchmark: none for this period.")
    lines.append(f"{trend.arrow} {narrative.trend_sentence(trend, years)}")
    lines.append(change.words)
    badges.append((change.label, meetings.CHANGE_STYLE[change.verdict][2]))
    easy_fig = _easy_figure(figs, ind, area_code, period, base)
    easy_lines = [easy_fig.sentence]
    if not easy_fig.suppressed and easy_fig.amount_words:
        easy_lines.append(f"That is {easy_fig.amount_words}.")
    if not easy_fig.suppressed:
        easy_lines.append(easy_fig.comparison_sentence)
    easy_lines.append(change.easy_words)
    for word, meaning in easy_fig.hard_words[:1]:
        easy_lines.append(f"{word.capitalize()} means {meaning}.")
    return Slide(
        kind=INDICATOR, key=f"indicator:{ind.id}", title=ind.name, subtitle=f"{domain.name} · {area_name}, {period}",
        lines=lines, headline=headline, headline_caption=caption, badges=badges,
        chart=trend_chart(figs, ind, area_code, area_name, period),
        notes=_notes(figs, ind, area_code, period, row, bench, change)
        + (f"\nTrend test p = {trend.p_value:.3f}." if trend.p_value is not None else ""),
        footer=footer_for(figs, ind, period, area_name, row["source"] if row is not None else None),
        easy=EasySlide(
            title=easy_fig.title, lines=easy_lines, picture=easy_fig.icon, picture_label=f"Picture: {easy_fig.title}",
            face=easy_fig.face, face_words=easy_fig.face_words,
            chart_svg=easyread.chart_svg(easy_fig), chart_sentence=easy_fig.sentence,
        ),
    )


def group_figures(store: Store, figs: Figures, area_code: str, period: str) -> pd.DataFrame:
    """Survey indicators by group for one area and period: the release layer's published splits
    (``dashboard.release``), with the comparison with the whole area at 95%."""
    from dashboard import release

    frames = []
    for ind_id in GROUP_INDICATORS:
        rows = release.splits(store, ind_id, [area_code], period)
        frames.append(rows[rows["dimension"] != "everyone"].assign(indicator_id=ind_id))
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if frame.empty:
        return pd.DataFrame(columns=["indicator_id", "dimension", "group_name", "count", "base", "value",
                                     "lower_95", "upper_95", "suppressed", "comparison"])
    comparisons = []
    for _, r in frame.iterrows():
        whole = figs.figure(r["indicator_id"], area_code, period)
        if bool(r["suppressed"]) or not _valid(whole):
            comparisons.append(stats.NOT_COMPARED)
        else:
            comparisons.append(stats.compare(r["lower_95"], r["upper_95"], float(whole["value"]),
                                             figs.catalogue[r["indicator_id"]].polarity))
    frame["comparison"] = comparisons
    return frame


def groups_slide(store: Store, figs: Figures, area_code: str, period: str) -> Slide:
    area_name = figs.area_name(area_code)
    frame = group_figures(store, figs, area_code, period)
    cat = figs.catalogue
    rows = []
    highlights, easy = [], []
    for (dimension, group), part in frame.groupby(["dimension", "group_name"], sort=True):
        cells = {"Group": group, "Type": DIMENSION_SHORT.get(dimension, dimension)}
        better, worse = [], []
        for ind_id in GROUP_INDICATORS:
            r = part[part["indicator_id"] == ind_id]
            ind = cat[ind_id]
            if r.empty:
                cells[ind.short_name] = "–"
                continue
            r = r.iloc[0]
            if bool(r["suppressed"]):
                cells[ind.short_name] = "Not shown"
                continue
            word, symbol, _ = narrative.COMPARISON_STYLE[r["comparison"]]
            cells[ind.short_name] = f"{r['value']:.0f}% {symbol}"
            if r["comparison"] in (stats.BETTER, stats.HIGHER):
                better.append((ind, r))
            elif r["comparison"] in (stats.WORSE, stats.LOWER):
                worse.append((ind, r))
        for found, word in ((better, "✔ better"), (worse, "✖ worse")):
            if found:
                names = ", ".join(f"{ind.short_name.lower()} {r['value']:.0f}%" for ind, r in found)
                highlights.append(f"{group} ({dimension.lower()}): {word} than the area as a whole for {names}.")
                for ind, r in found[:1]:
                    easy.append(f"{group}: {easyread.figure_words(ind, r['value'], False)[0]}")
        rows.append(cells)
    table = pd.DataFrame(rows)
    if not highlights:
        highlights = ["No group differs significantly from the area as a whole (95% intervals)."]
        easy = ["All groups of people said about the same."]
    lines = highlights[:3]
    if frame.empty:
        lines = ["There are no survey answers for this area and period."]
        easy = ["We have no answers for this year."]
    notes = "\n".join(
        f"{r['indicator_id']}, {r['dimension']}: {r['group_name']}: "
        + (release.not_shown(r.get("suppression_reason")) if bool(r["suppressed"]) else
           f"{r['value']:.1f}% (95% interval {r['lower_95']:.1f}% to {r['upper_95']:.1f}%), {r['count']:.0f} of {r['base']:.0f} people")
        for _, r in frame.iterrows()
    )
    return Slide(
        kind=GROUPS, key="groups", title="Group highlights", subtitle=f"Survey answers by group · {area_name}, {period}",
        lines=lines, table=table if len(table) else None,
        table_caption=(f"Control, choice and satisfaction by group, {area_name}, {period} "
                       "(✔ better, ≈ similar, ✖ worse than the area as a whole, 95% intervals)"),
        notes=notes or "No survey answers.",
        footer=footer_for(figs, cat["control"], period, area_name),
        easy=EasySlide(title="Groups of people", lines=["Some groups may answer differently.", *easy[:4]],
                       picture="control", picture_label="Picture: groups of people"),
    )


def _short_date(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no date"
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        value = value.date() if hasattr(value, "date") else value
    return f"{value.day} {value:%b %Y}"


def action_slides(store: Store, figs: Figures, area_code: str, period: str, base: meetings.Baseline,
                  user: access.User | None = None) -> list[Slide]:
    """Open, then completed actions; owners and who recorded them only for an editor of the area
    (``access.sees_staff_details``)."""
    staff = access.sees_staff_details(user, area_code)
    area_name = figs.area_name(area_code)
    frame = actions.list_actions(store, area_code)
    cat = figs.catalogue
    todo = frame[frame["status"] != actions.COMPLETED]
    done = frame[frame["status"] == actions.COMPLETED]
    counts = actions.summary(frame)
    summary = (f"{counts['open']} open, {counts['in progress']} in progress, {counts['completed']} completed"
               + (f"; {counts['overdue']} past their due date" if counts["overdue"] else "") + ".")
    if base.meeting_date is not None and len(done):
        since = sum(1 for d in done["completed_at"] if d is not None and pd.Timestamp(d).date() >= base.meeting_date)
        summary += f" Completed since {base.words}: {since}."

    def about(ind_id) -> str:
        return cat[ind_id].short_name if ind_id and ind_id in cat else "General"

    slides = []
    for label, part, key in (("Open actions", todo, "open"), ("Completed actions", done, "completed")):
        chunks = [part.iloc[i:i + ACTIONS_PER_SLIDE] for i in range(0, len(part), ACTIONS_PER_SLIDE)] or [part]
        for number, chunk in enumerate(chunks, 1):
            if key == "open":
                table = pd.DataFrame({
                    "You said": chunk["raised"], "We will": chunk["action"], "Owner": chunk["owner"],
                    "Due": [_short_date(d) + (" (overdue)" if o else "") for d, o in zip(chunk["due_date"], chunk["overdue"])],
                    "Status": [actions.status_label(s) for s in chunk["status"]], "About": [about(i) for i in chunk["indicator_id"]],
                })
            else:
                table = pd.DataFrame({
                    "You said": chunk["raised"], "We did": chunk["action"], "Owner": chunk["owner"],
                    "Completed": [_short_date(d) for d in chunk["completed_at"]],
                    "About": [about(i) for i in chunk["indicator_id"]],
                })
            title = "You said, we did: " + label.lower() + (f" ({number} of {len(chunks)})" if len(chunks) > 1 else "")
            empty = part.empty
            easy_lines = []
            for _, r in chunk.iterrows():
                easy_lines.append(f"You said: {r['raised']}")
                easy_lines.append(("We will: " if key == "open" else "We did: ") + r["action"])
            if empty:
                easy_lines = ["There are no actions still to do."] if key == "open" else ["No actions are finished yet."]
            table = access.staff_view(table, user, area_code)
            slides.append(Slide(
                kind=ACTIONS, key=f"actions:{key}:{number}", title=title,
                subtitle=f"{area_name} · what self-advocates and families raised, and what the board agreed",
                lines=[summary] if not empty else [f"No {label.lower()} recorded for {area_name}.", summary],
                table=None if empty else table, table_caption=f"{label}, {area_name}",
                notes="\n".join(
                    f"#{r['action_id']} [{r['status']}] You said: {r['raised']} | Action: {r['action']} | "
                    + (f"Owner: {r['owner']} | " if staff else "") + f"Due: {_short_date(r['due_date'])}"
                    + (f" | Recorded by {r['recorded_by']}" if staff else "")
                    for _, r in chunk.iterrows()) or "No actions.",
                footer=f"Source: board action log kept in the Good Lives dashboard. {area_name}, at {dt.date.today():%d %B %Y}.",
                easy=EasySlide(title="You said, we did" if key == "completed" else "You said, we will",
                               lines=easy_lines, picture="you_said_we_did", picture_label="Picture: you said, we did",
                               face="happy" if key == "completed" and not empty else None,
                               face_words=easyread.FACE_WORDS["happy"] if key == "completed" and not empty else ""),
            ))
    return slides


def self_assessment_slide(figs: Figures, area_code: str, period: str, ratings: dict,
                          user: access.User | None = None) -> Slide:
    """The board's ratings beside the data; who rated, only for an editor of the area."""
    staff = access.sees_staff_details(user, area_code)
    area_name = figs.area_name(area_code)
    rows, easy = [], []
    for domain in figs.catalogue.domains:
        view = self_assessment.data_view(figs, area_code, period, domain.id)
        rating = ratings.get(domain.id)
        rows.append({
            "Domain": domain.name,
            RATING_COLUMN: self_assessment.rating_label(rating["rating"] if rating is not None else None),
            "Evidence": rating["evidence"] if rating is not None else "–",
            "Who, when": (f"{rating['assessed_by']}, {_short_date(rating['assessed_at'])}" if rating is not None else "–"),
            "What the data says": view.words,
        })
        board = self_assessment.RATING_STYLE[rating["rating"]][3] if rating is not None else "The board has not said yet."
        easy.append(f"{domain.easy_read_name}: {board} {view.easy_words}")
    notes = "\n".join(
        f"{r['Domain']}: {r[RATING_COLUMN]}. Evidence: {r['Evidence']}. " + (f"{r['Who, when']}. " if staff else "")
        + f"Data: {r['What the data says']}" for r in rows)
    return Slide(
        kind=SELF_ASSESSMENT, key="self_assessment", title="Self-assessment beside the data",
        subtitle=f"The board's red / amber / green rating for each domain, next to the numbers · {area_name}, {period}",
        lines=["Ratings: ✔ green (going well), ◐ amber (getting there), ✖ red (not good enough yet). "
               "Data: each indicator compared with its benchmark using 95% intervals."],
        table=access.staff_view(pd.DataFrame(rows), user, area_code),
        table_caption=f"Self-assessment and data, {area_name}, {period}",
        notes=notes, footer=footer_for(figs, None, period, area_name),
        easy=EasySlide(title="What the board thinks", lines=easy, picture="coproduced_activities",
                       picture_label="Picture: the partnership board"),
    )


# ------------------------------------------------------------------ the meeting


def build_meeting(store: Store, figs: Figures, area_code: str, period: str,
                  indicator_ids: list[str] | None = None, today: dt.date | None = None,
                  user: access.User | None = None) -> Meeting:
    """Every slide for one area's meeting on one period's data. Editors' names (owners, who
    recorded, who rated) are in it only when ``user`` is an editor of the area; by default (a
    viewer) they are left out of the slides, the speaker notes and the packs."""
    area_name = figs.area_name(area_code)
    base = meetings.baseline(store, figs, area_code, period, today)
    changes = {ind.id: meetings.change_between(figs, ind.id, area_code, period, base) for ind in figs.catalogue.indicators}
    ratings = self_assessment.latest(store, area_code)
    chosen = [i for i in figs.catalogue.indicators if indicator_ids is None or i.id in indicator_ids]

    domains = [domain_slide(figs, area_code, period, d, base, changes, ratings) for d in figs.catalogue.domains]
    indicators = [indicator_slide(figs, area_code, period, i, base, changes[i.id]) for i in chosen]
    groups = [groups_slide(store, figs, area_code, period)]
    acts = action_slides(store, figs, area_code, period, base, user)
    selfa = [self_assessment_slide(figs, area_code, period, ratings, user)]
    start = 2
    sections = []
    for name, part in (("Headlines for each domain", domains), ("One indicator at a time", indicators),
                       ("Group highlights", groups), ("You said, we did", acts), ("Self-assessment", selfa)):
        if part:
            sections.append((name, start))
            start += len(part)
    meeting_title = f"Partnership board: {area_name}, {period} data"
    agenda = agenda_slide(meeting_title, area_name, period, base, sections)
    agenda.lines = [f"{name}: slide {number}" for name, number in sections] + agenda.lines[len(sections):]
    slides = [agenda, *domains, *indicators, *groups, *acts, *selfa]
    return Meeting(area_code, area_name, period, base, slides, dt.datetime.now())


# ------------------------------------------------------------------ HTML (meeting mode)


def _esc(text) -> str:
    return html.escape(str(text))


def table_html(table: pd.DataFrame, caption: str) -> str:
    head = "".join(f"<th scope='col'>{_esc(c)}</th>" for c in table.columns)
    body = "".join("<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>" for row in table.astype(str).itertuples(index=False))
    return f"<table class='gl-slide-table'><caption>{_esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def slide_html(slide: Slide, number: int, total: int, easy: bool = False, part: str = "all") -> str:
    """The slide's words as HTML (the chart, if any, is drawn beside it by the page).

    ``part`` splits a standard slide with a chart so the page can put the chart beside the figure:
    "head" (subtitle and title), "figure" (big figure, sentence, badges), "rest" (lines, table,
    footer); "all" is the whole slide in one section."""
    if easy and slide.easy is not None:
        e = slide.easy
        pics = []
        if e.picture and easyread.picture_path(e.picture).is_file():
            pics.append(easyread.picture_svg(e.picture, e.picture_label or e.title, size=200))
        if e.face:
            pics.append(easyread.face_svg(e.face, e.face_words, size=150))
        lines = "".join(f"<p>{_esc(line)}</p>" for line in e.lines)
        if e.face_words:
            lines += f"<p class='gl-slide-muted'>{_esc(e.face_words)}</p>"
        chart = f"<div class='gl-slide-easychart'>{e.chart_svg}</div>" if e.chart_svg else ""
        return (
            f"<section class='gl-slide gl-slide-easy' data-testid='slide' data-kind='{slide.kind}' data-key='{_esc(slide.key)}' "
            f"aria-label='Slide {number} of {total}, easy read: {_esc(e.title)}'>"
            f"<h2>{_esc(e.title)}</h2><div class='gl-slide-er'><div class='gl-slide-pics'>{''.join(pics)}</div>"
            f"<div class='gl-slide-words'>{lines}{chart}</div></div>"
            f"<p class='gl-slide-footer'>{_esc(slide.footer)} · Slide {number} of {total}</p></section>"
        )
    badges = "".join(
        f"<span class='gl-slide-badge' style='background:{colour}'>{_esc(text)}</span>" for text, colour in slide.badges
    )
    head = f"<p class='gl-slide-sub'>{_esc(slide.subtitle)}</p><h2>{_esc(slide.title)}</h2>"
    figure = (f"<div class='gl-slide-figure'>{_esc(slide.headline)}</div>" if slide.headline else "")
    figure += f"<p class='gl-slide-caption'>{_esc(slide.headline_caption)}</p>" if slide.headline_caption else ""
    figure += f"<div class='gl-slide-badges'>{badges}</div>"
    rest = "".join(f"<p>{_esc(line)}</p>" for line in slide.lines)
    rest += table_html(slide.table, slide.table_caption) if slide.table is not None else ""
    rest += f"<p class='gl-slide-footer'>{_esc(slide.footer)} · Slide {number} of {total}</p>"
    attrs = f"data-kind='{slide.kind}' data-key='{_esc(slide.key)}'"
    if part == "head":
        return (f"<section class='gl-slide' data-testid='slide' {attrs} "
                f"aria-label='Slide {number} of {total}: {_esc(slide.title)}'>{head}</section>")
    if part == "figure":
        return f"<div class='gl-slide'>{figure}</div>"
    if part == "rest":
        return f"<div class='gl-slide'>{rest}</div>"
    return (f"<section class='gl-slide' data-testid='slide' {attrs} "
            f"aria-label='Slide {number} of {total}: {_esc(slide.title)}'>{head}{figure}{rest}</section>")
