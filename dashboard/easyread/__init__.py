"""Easy read: one figure turned into plain words, whole icons out of 10, a face and a word.

This module is the single source of easy-read content. The Easy read section
(``pages/easy-read.py``), the printable easy-read pack (``dashboard/easyread/pack.py``) and the
meeting packs all build from :func:`easy_read_figure`, so a sentence reads the same everywhere.

The rules (domain.md, "Easy read"): pictures on the left, words on the right; one idea per
line; short sentences (under 15 words); no jargon or acronyms (the hard word explained next to
it); numbers as numerals with a word ("7 out of 10 people: most people"); icon arrays out of 10
with whole icons; faces and words, never colour alone; every chart has the same sentence as its
text alternative. Small numbers stay hidden: a suppressed figure says only
"Not enough people answered to say."

Stable API (other modules rely on it; keep the signatures)::

    easy_read_figure(indicator, figure_row, benchmark, previous_row, area_name, period) -> EasyReadFigure
    easy_read_area(figures, area_code, period) -> list[EasyReadFigure]
    icon_array_svg(out_of_10, label) -> str     # 10 whole person icons, inline SVG
    bar_svg(value, benchmark, label, ...) -> str  # one bar with a mark for "most places"
    chart_svg(fig) -> str                       # the right simple chart for a figure
    picture_svg(name) / face_svg(name) -> str   # the SVG files in assets/easyread/
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

from dashboard.figures import stats
from dashboard.figures.catalogue import Indicator
from dashboard.config import PROJECT_ROOT

ASSETS_DIR = PROJECT_ROOT / "assets" / "easyread"

NOT_ENOUGH = "Not enough people answered to say."
NO_FIGURE = "There is no number for this yet."
MOST_PLACES = "most places"
MAX_WORDS = 14  # "sentences under 15 words"

#: comparison (from stats.compare) -> (words, face)
COMPARISON_WORDS = {
    stats.BETTER: ("better than most places", "happy"),
    stats.SIMILAR: ("about the same as most places", "neutral"),
    stats.WORSE: ("worse than most places", "sad"),
    # indicators where neither higher nor lower is better: a neutral pair, a neutral face
    stats.HIGHER: ("higher than most places", "neutral"),
    stats.LOWER: ("lower than most places", "neutral"),
    stats.NOT_COMPARED: ("we cannot compare this with other places", "question"),
}

#: what each face means, said in words (the face's text alternative)
FACE_WORDS = {
    "happy": "Happy face: this is good.",
    "neutral": "Face in the middle: this is not good or bad.",
    "sad": "Sad face: this is not good.",
    "question": "Question mark: we do not know.",
}

#: hard words and what they mean, shown next to them (easy-read rule: explain the hard word)
HARD_WORDS = {
    "direct payment": "money from the council that you manage yourself to pay for your support",
    "provider": "a company or charity that gives support",
    "self-advocates": "people with learning disabilities who speak up for themselves",
    "self-advocate": "a person with a learning disability who speaks up for themselves",
    "senior managers": "the people in charge at the council",
    "council": "the local government that arranges support where you live",
    "I statements": "sentences that say what good support feels like, like \"I am in control\"",
    "family carers": "family members who help look after someone",
    "support money": "money to pay for the help you need",
}

#: the comparison place, said plainly for the exact figure
_BENCHMARK_WORDS = {
    "England (published ASCOF)": "England, the national figure",
    "All areas in the data": "all places in this dashboard",
}

_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


# ------------------------------------------------------------------ the content


@dataclass(frozen=True)
class EasyReadFigure:
    """Everything the easy-read screen, pack and slides show for one indicator in one area."""

    indicator_id: str
    title: str  # the easy-read name: "Control over my life"
    sentence: str  # "8 out of 10 people said they have control over their daily life."
    out_of_10: int | None  # whole icons filled (proportions only; None when suppressed or not a share)
    amount_words: str  # "most people" (proportions), "" otherwise
    comparison: str  # stats.BETTER / SIMILAR / WORSE / HIGHER / LOWER / NOT_COMPARED
    comparison_word: str  # "better than most places"
    comparison_sentence: str  # "Leeds is better than most places."
    face: str  # happy | neutral | sad | question (a file in assets/easyread/faces/)
    face_words: str  # "Happy face: this is good."
    change: str  # up | down | same | unknown
    change_sentence: str  # "It went up since last year. That is good."
    suppressed: bool
    exact: str  # the exact figure, one click away: "Exact figure: 78.4%."
    exact_details: tuple[str, ...]  # more lines for the details box
    icon: str  # picture name: assets/easyread/<icon>.svg
    icon_path: Path
    chart: str  # "icons" (out of 10), "bar" (one bar with a mark for most places) or "none"
    area_name: str
    period: str
    kind: str
    polarity: str
    value: float | None = None  # the figure (rounded in words; exact only in `exact`)
    benchmark_value: float | None = None
    previous_value: float | None = None
    hard_words: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (word, meaning)

    @property
    def lines(self) -> list[str]:
        """The screen's words in reading order (also what "Read to me" says)."""
        out = [self.title + ".", self.sentence]
        if not self.suppressed:
            if self.amount_words:
                out.append(f"That is {self.amount_words}.")
            out.append(self.comparison_sentence)
        out.append(self.change_sentence)
        return out

    @property
    def spoken(self) -> str:
        return " ".join(self.lines)


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(float(value)))
    except (TypeError, ValueError):
        return True


def _get(row, name):
    if row is None:
        return None
    try:
        value = row[name]
    except (KeyError, IndexError, TypeError):
        return None
    return None if _missing(value) and not isinstance(value, (bool, str)) else value


def _is_suppressed(row) -> bool:
    if row is None:
        return False
    value = _get(row, "suppressed")
    return bool(value) if value is not None else False


def round_half_up(value: float) -> int:
    """0.5 goes up (Python's round() would make 7.5 -> 8 but 6.5 -> 6)."""
    return int(Decimal(repr(float(value))).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def out_of_10(percent: float) -> int:
    """A percentage as whole people out of 10: 78.4 -> 8, 75 -> 8, 4.9 -> 0, 96 -> 10."""
    return max(0, min(10, round_half_up(float(percent) / 10)))


def out_of_10_words(percent: float) -> str:
    """The numeral as the sentence says it: '8', 'Less than 1' (not 0 when some did), 'Almost 10'."""
    n = out_of_10(percent)
    if n == 0 and percent > 0:
        return "less than 1"
    if n == 10 and percent < 100:
        return "almost 10"
    return str(n)


def amount_words(percent: float, noun: str = "people") -> str:
    """The word beside the number: 'most people', 'about half of people', 'a few people'."""
    n = out_of_10(percent)
    if percent <= 0:
        return f"no {noun}"
    if percent >= 100:
        return f"all {noun}"
    if n == 0:
        return f"very few {noun}"
    if n <= 2:
        return f"a few {noun}"
    if n <= 4:
        return f"some {noun}"
    if n == 5:
        return f"about half of {noun}"
    if n <= 8:
        return f"most {noun}"
    return f"nearly all {noun}"


def whole_number_words(value: float) -> str:
    """A rate or a median as a whole number: 3.4 -> '3', 0.3 -> 'less than 1', 1234 -> '1,234'."""
    if value <= 0:
        return "0"
    if value < 0.5:
        return "less than 1"
    return f"{round_half_up(value):,}"


def _noun(indicator: Indicator) -> str:
    """What the icons count, from the sentence: people, problems, activities, answers, decisions."""
    template = indicator.easy_read_sentence
    match = re.search(r"\{out_of_10\} out of 10 ([a-z\-]+(?: [a-z\-]+)?)", template)
    if not match:
        return "people"
    words = match.group(1).split()
    if words[0] == "big" and len(words) > 1:
        return words[1]
    return words[0] if words[0] not in {"self-advocates"} else "self-advocates"


def _fill(template: str, **values: str) -> str:
    text = template.format(**values)
    return text[0].upper() + text[1:] if text else text


def figure_words(indicator: Indicator, value: float | None, suppressed: bool) -> tuple[str, int | None, str]:
    """(sentence, whole icons out of 10, amount words) for one value of an indicator."""
    if suppressed:
        return NOT_ENOUGH, None, ""
    if _missing(value):
        return NO_FIGURE, None, ""
    value = float(value)
    if indicator.kind == "proportion":
        sentence = _fill(indicator.easy_read_sentence, out_of_10=out_of_10_words(value), value=whole_number_words(value))
        return sentence, out_of_10(value), amount_words(value, _noun(indicator))
    sentence = _fill(indicator.easy_read_sentence, value=whole_number_words(value), out_of_10=out_of_10_words(value))
    return sentence, None, ""


def _standard_error(row) -> float | None:
    lower, upper = _get(row, "lower_95"), _get(row, "upper_95")
    if lower is None or upper is None:
        return None
    return (float(upper) - float(lower)) / (2 * stats.Z[95])


def change_since(indicator: Indicator, row, previous_row) -> tuple[str, str]:
    """What changed since last year, in words: (up|down|same|unknown, sentence).

    A change counts only when it is bigger than chance: the difference between the two years is
    more than 1.96 standard errors (each year's error from its 95% interval). Otherwise the
    figure is "about the same as last year".
    """
    if row is None or _is_suppressed(row) or _missing(_get(row, "value")):
        return "unknown", "We cannot say what changed since last year."
    if previous_row is None or (_missing(_get(previous_row, "value")) and not _is_suppressed(previous_row)):
        return "unknown", "There is no number for last year to compare with."
    if _is_suppressed(previous_row):
        return "unknown", "Last year not enough people answered to compare."
    now, before = float(row["value"]), float(previous_row["value"])
    se_now, se_before = _standard_error(row), _standard_error(previous_row)
    if se_now is not None and se_before is not None and (se_now > 0 or se_before > 0):
        significant = abs(now - before) > stats.Z[95] * math.hypot(se_now, se_before)
    else:  # no interval (should not happen): only a change that shows in the rounded words counts
        significant = _said(indicator, now) != _said(indicator, before)
    if indicator.kind == "proportion":
        last_year = f"Last year it was {out_of_10_words(before)} out of 10."
    elif indicator.unit == "days":
        last_year = f"Last year it was {whole_number_words(before)} days."
    else:
        last_year = f"Last year the number was {whole_number_words(before)}."
    last_year = last_year[0].upper() + last_year[1:]
    if not significant or now == before:
        return "same", f"This is about the same as last year. {last_year}"
    direction = "up" if now > before else "down"
    words = "It went up since last year." if direction == "up" else "It went down since last year."
    if indicator.polarity != "none":
        good = (direction == "up") == (indicator.polarity == "high_good")
        words += " That is good." if good else " That is not good."
    return direction, f"{words} {last_year}"


def _said(indicator: Indicator, value: float) -> str:
    return out_of_10_words(value) if indicator.kind == "proportion" else whole_number_words(value)


def _exact_value(indicator: Indicator, value: float) -> str:
    if indicator.kind == "median":
        return f"{value:,.1f} days" if indicator.unit == "days" else f"{value:,.1f}"
    return indicator.format_value(value)


def _benchmark_words(label: str | None) -> str:
    if not label:
        return "most places"
    return _BENCHMARK_WORDS.get(label, label[0].lower() + label[1:])


def hard_words_in(*texts: str) -> tuple[tuple[str, str], ...]:
    """The hard words used in these texts, each with its meaning (longest match first)."""
    found, seen = [], set()
    joined = " ".join(texts).lower()
    for word in sorted(HARD_WORDS, key=len, reverse=True):
        if word.lower() in joined and not any(word.lower() in s for s in seen):
            found.append((word, HARD_WORDS[word]))
            seen.add(word.lower())
    return tuple(found)


def easy_read_figure(indicator: Indicator, figure_row, benchmark, previous_row, area_name: str, period: str) -> EasyReadFigure:
    """One indicator for one area and year, in easy read.

    ``figure_row``: the area's row from ``Figures.figure`` (already suppressed), or None.
    ``benchmark``: ``Figures.benchmark`` (``.value``, ``.label``) for "most places", or None.
    ``previous_row``: the area's row for last year, or None.
    """
    suppressed = _is_suppressed(figure_row)
    value = None if suppressed else _get(figure_row, "value")
    value = None if _missing(value) else float(value)
    sentence, icons, amount = figure_words(indicator, value, suppressed)

    bench_value = None if benchmark is None or _missing(getattr(benchmark, "value", None)) else float(benchmark.value)
    if value is None or bench_value is None:
        comparison = stats.NOT_COMPARED
    else:
        comparison = stats.compare(_get(figure_row, "lower_95"), _get(figure_row, "upper_95"), bench_value, indicator.polarity)
        if comparison == stats.NOT_COMPARED and _get(figure_row, "lower_95") is None:
            comparison = stats.NOT_COMPARED
    comparison_word, face = COMPARISON_WORDS[comparison]
    if comparison == stats.NOT_COMPARED:
        comparison_sentence = "We cannot compare this with other places."
    else:
        comparison_sentence = f"{area_name} is {comparison_word}."

    change, change_sentence = change_since(indicator, figure_row, previous_row)
    previous_value = None
    if previous_row is not None and not _is_suppressed(previous_row) and not _missing(_get(previous_row, "value")):
        previous_value = float(previous_row["value"])

    if suppressed:
        exact = "Not enough people answered to show a number."
        details = ("Numbers from fewer than 5 people are never shown, to keep people private.",)
    elif value is None:
        exact = "There is no number for this year."
        details = ()
    else:
        exact = f"Exact figure: {_exact_value(indicator, value)}."
        lines = []
        source = _get(figure_row, "source")
        count, base = _get(figure_row, "count"), _get(figure_row, "base")
        if indicator.kind == "proportion" and source == "local data" and count is not None and base is not None:
            lines.append(f"Counted: {float(count):,.0f} out of {float(base):,.0f}.")
        if bench_value is not None:
            lines.append(f"Most places ({_benchmark_words(getattr(benchmark, 'label', None))}): {_exact_value(indicator, bench_value)}.")
        if previous_value is not None:
            lines.append(f"Last year: {_exact_value(indicator, previous_value)}.")
        lower, upper = _get(figure_row, "lower_95"), _get(figure_row, "upper_95")
        if lower is not None and upper is not None:
            lines.append(f"The true figure is likely between {_exact_value(indicator, float(lower))} and {_exact_value(indicator, float(upper))}.")
        where = "national published figures" if source == "published ASCOF" else indicator.source_dataset
        lines.append(f"Where the number comes from: {where}, {period}.")
        details = tuple(lines)

    if suppressed or value is None:
        chart = "none"
    elif indicator.kind == "proportion":
        chart = "icons"
    else:
        chart = "bar"
    icon = picture_for(indicator)
    return EasyReadFigure(
        indicator_id=indicator.id,
        title=indicator.easy_read_name,
        sentence=sentence,
        out_of_10=icons,
        amount_words=amount,
        comparison=comparison,
        comparison_word=comparison_word,
        comparison_sentence=comparison_sentence,
        face=face,
        face_words=FACE_WORDS[face],
        change=change,
        change_sentence=change_sentence,
        suppressed=suppressed,
        exact=exact,
        exact_details=details,
        icon=icon,
        icon_path=ASSETS_DIR / f"{icon}.svg",
        chart=chart,
        area_name=area_name,
        period=period,
        kind=indicator.kind,
        polarity=indicator.polarity,
        value=value,
        benchmark_value=bench_value,
        previous_value=previous_value,
        hard_words=hard_words_in(indicator.easy_read_name, indicator.easy_read_sentence),
    )


def previous_year(period: str) -> str | None:
    """'2024-25' -> '2023-24'; '2024-25 Q2' -> '2023-24 Q2'; None if not a financial year."""
    match = re.fullmatch(r"(\d{4})-(\d{2})(.*)", period or "")
    if not match:
        return None
    start = int(match.group(1)) - 1
    return f"{start}-{(start + 1) % 100:02d}{match.group(3)}"


def easy_read_area(figures, area_code: str, period: str, indicator_ids: list[str] | None = None) -> list[EasyReadFigure]:
    """Every catalogue indicator (or the ones named) for one area and year, in catalogue order."""
    area_name = figures.area_name(area_code)
    last = previous_year(period)
    out = []
    for indicator in figures.catalogue.indicators:
        if indicator_ids is not None and indicator.id not in indicator_ids:
            continue
        row = figures.figure(indicator.id, area_code, period)
        previous = figures.figure(indicator.id, area_code, last) if last else None
        out.append(easy_read_figure(indicator, row, figures.benchmark(indicator.id, period), previous, area_name, period))
    return out


def find_places(names: dict[str, str], search: str) -> tuple[list[tuple[str, str]], bool]:
    """Places whose name matches what was typed, best first: ([(name, code)], exact).

    Names that start with the text come first, then names with a word that starts with it, then
    any name containing it. When nothing contains it, close spellings are offered instead
    ("Leds" finds Leeds) and ``exact`` is False.
    """
    text = " ".join(search.lower().split())
    if not text:
        return sorted((n, c) for c, n in names.items()), True

    def rank(name: str) -> tuple:
        low = name.lower()
        return (not low.startswith(text), not any(w.startswith(text) for w in re.split(r"[\s,\-]+", low)), low)

    found = [(n, c) for c, n in names.items() if text in n.lower()]
    if found:
        return sorted(found, key=lambda nc: rank(nc[0])), True
    import difflib

    by_lower = {n.lower(): (n, c) for c, n in names.items()}
    close = difflib.get_close_matches(text, list(by_lower), n=5, cutoff=0.6)
    return [by_lower[n] for n in close], False


def council_without_data(names: dict[str, str], search: str) -> str | None:
    """The name of a real English council that ``search`` finds among all 153 but that has no
    data here ("Hull": Kingston upon Hull), or None. It is not misspelt: it has no numbers."""
    if not search.strip():
        return None
    from dashboard.charts import hexmap

    every = dict(zip(hexmap.layout()["area_code"], hexmap.layout()["name"]))
    others = {code: name for code, name in every.items() if code not in names}
    found, exact = find_places(others, search)
    return found[0][0] if found and exact else None


# ------------------------------------------------------------------ checks on the words


def word_count(sentence: str) -> int:
    return len(sentence.split())


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def acronyms(text: str) -> list[str]:
    """Words in capitals (ASCOF, DP, NHS): easy read spells things out."""
    return _ACRONYM.findall(text)


# ------------------------------------------------------------------ pictures


@lru_cache(maxsize=None)
def _read_svg(path: str) -> str:
    text = Path(path).read_text(encoding="utf-8")
    return re.sub(r"<\?xml[^>]*>\s*", "", text).strip()


def _label_svg(svg: str, label: str) -> str:
    """Give an SVG its text alternative: role=img, aria-label and a <title>."""
    label = html.escape(label, quote=True)
    svg = re.sub(r"<title>.*?</title>", "", svg, flags=re.S)
    svg = re.sub(r"\s(role|aria-label|aria-hidden)=\"[^\"]*\"", "", svg, count=0)
    return re.sub(r"<svg\b([^>]*)>", rf'<svg\1 role="img" aria-label="{label}"><title>{label}</title>', svg, count=1)


def picture_path(name: str) -> Path:
    return ASSETS_DIR / f"{name}.svg"


def picture_for(indicator: Indicator) -> str:
    """The indicator's picture (its ``icon``, else its id); for one with no picture drawn yet,
    the picture of its domain's headline indicator."""
    for name in (indicator.icon, indicator.id):
        if name and picture_path(name).is_file():
            return name
    from dashboard.figures.catalogue import load

    headline = load().headline(indicator.domain)
    return headline.icon or headline.id


def face_path(name: str) -> Path:
    return ASSETS_DIR / "faces" / f"{name}.svg"


def picture_svg(name: str, label: str, size: int = 160) -> str:
    """The indicator's picture as inline SVG with its text alternative."""
    svg = _read_svg(str(picture_path(name)))
    svg = re.sub(r"<svg\b", f'<svg width="{size}" height="{size}"', svg, count=1)
    return _label_svg(svg, label)


def face_svg(name: str, label: str | None = None, size: int = 72) -> str:
    svg = _read_svg(str(face_path(name)))
    svg = re.sub(r"<svg\b", f'<svg width="{size}" height="{size}"', svg, count=1)
    return _label_svg(svg, label or FACE_WORDS[name])


# a person: head and body, 40 x 100 units
_PERSON = (
    '<circle cx="20" cy="14" r="11"/>'
    '<path d="M4 48 Q4 30 20 30 Q36 30 36 48 L36 70 L29 70 L29 98 L11 98 L11 70 L4 70 Z"/>'
)
FILLED = "#0b3d91"  # dark blue, 11:1 on white
EMPTY_STROKE = "#505a5f"  # grey outline, 7:1 on white


def icon_array_svg(filled: int, label: str, width: int = 520) -> str:
    """Ten whole person icons: ``filled`` of them solid, the rest outlines (shape, not only
    colour, tells them apart). The SVG's text alternative is ``label`` (the sentence)."""
    filled = max(0, min(10, int(filled)))
    people = []
    for i in range(10):
        x = i * 48 + 4
        if i < filled:
            people.append(f'<g transform="translate({x} 4)" fill="{FILLED}" stroke="{FILLED}" stroke-width="2">{_PERSON}</g>')
        else:
            people.append(
                f'<g transform="translate({x} 4)" fill="#ffffff" stroke="{EMPTY_STROKE}" stroke-width="3" '
                f'stroke-dasharray="6 4">{_PERSON}</g>'
            )
    height = round(width * 106 / 484)
    label_attr = html.escape(label, quote=True)
    return (
        f'<svg class="gl-er-icons" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 484 106" width="{width}" '
        f'height="{height}" role="img" aria-label="{label_attr}" focusable="false"><title>{label_attr}</title>'
        + "".join(people) + "</svg>"
    )


def bar_svg(value: float, benchmark: float | None, label: str, value_words: str = "", width: int = 520) -> str:
    """One bar for the area and a mark for "most places" (no whiskers). Text alternative: ``label``.

    The words in the picture are 32 units high in a 520-unit-wide drawing, so they stay at least
    20 px even when the chart shrinks to a phone's width (about 330 px)."""
    top = max(value, benchmark or 0) * 1.25 or 1.0
    inner = 480
    bar = max(2.0, inner * value / top)
    parts = [
        f'<rect x="20" y="48" width="{inner}" height="56" fill="#ffffff" stroke="#505a5f" stroke-width="2"/>',
        f'<rect x="20" y="48" width="{bar:.1f}" height="56" fill="{FILLED}"/>',
    ]
    if value_words:
        parts.append(
            f'<text x="20" y="34" font-size="32" font-weight="700" fill="#0b0c0c">{html.escape(value_words)}</text>'
        )
    if benchmark is not None:
        mark = 20 + inner * benchmark / top
        parts.append(f'<line x1="{mark:.1f}" y1="40" x2="{mark:.1f}" y2="116" stroke="#0b0c0c" stroke-width="6"/>')
        # the triangle sits under the mark; the words run away from the nearer edge
        words, anchor, dx = (f"{MOST_PLACES} ▲", "end", 11) if mark > 270 else (f"▲ {MOST_PLACES}", "start", -11)
        parts.append(
            f'<text x="{mark + dx:.1f}" y="150" font-size="32" fill="#0b0c0c" text-anchor="{anchor}">{words}</text>'
        )
    label_attr = html.escape(label, quote=True)
    height = round(width * 164 / 520)
    return (
        f'<svg class="gl-er-bar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 520 164" width="{width}" '
        f'height="{height}" role="img" aria-label="{label_attr}" focusable="false"><title>{label_attr}</title>'
        + "".join(parts) + "</svg>"
    )


def value_words(fig: EasyReadFigure) -> str:
    """The rounded figure as words for a bar: '18 days', '60'; '' when there is none."""
    if fig.value is None:
        return ""
    if fig.kind == "proportion":
        return f"{out_of_10_words(fig.value)} out of 10"
    return whole_number_words(fig.value) + (" days" if fig.kind == "median" else "")


def chart_svg(fig: EasyReadFigure, width: int = 520) -> str:
    """The simple chart for a figure: icons out of 10, one bar with "most places", or nothing."""
    if fig.chart == "icons" and fig.out_of_10 is not None:
        return icon_array_svg(fig.out_of_10, fig.sentence, width)
    if fig.chart == "bar" and fig.value is not None:
        return bar_svg(fig.value, fig.benchmark_value, fig.sentence, f"{fig.area_name}: {value_words(fig)}", width)
    return ""
