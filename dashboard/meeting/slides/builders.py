"""The slide builders: the agenda, each domain's headline, one indicator a slide, group
highlights, "you said, we did" and the board's self-assessment; ``build_meeting`` puts them in
order. Only suppressed figures (``Figures``) are used."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from dashboard import access, easyread, release
from dashboard.data.store import Store
from dashboard.figures import narrative, stats
from dashboard.figures.catalogue import Indicator
from dashboard.figures.indicators import Figures
from dashboard.meeting import actions, meetings, self_assessment
from dashboard.meeting.slides.chart import trend_chart
from dashboard.meeting.slides.model import (ACTIONS, AGENDA, DOMAIN, GROUPS, INDICATOR, SELF_ASSESSMENT, EasySlide,
                                            Meeting, Slide)

RATING_COLUMN = "Board's rating"
ACTIONS_PER_SLIDE = 4  # rows that fit at 32 px on a 1920 x 1080 screen
GROUP_INDICATORS = ("control", "choice", "satisfaction")
DIMENSION_SHORT = {"Age band": "Age", "Primary support reason": "Support reason", "How support is arranged": "Support arranged"}


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
