"""Plain-English sentences generated from the figures (one vocabulary, used by every page)."""

from __future__ import annotations

import math

from dashboard.figures import stats
from dashboard.figures.catalogue import Indicator

#: how each comparison is said, shown and coloured (colour is never the only cue)
COMPARISON_STYLE = {
    stats.BETTER: ("Better", "✔", "#00549f"),  # dark blue
    stats.SIMILAR: ("Similar", "≈", "#505a5f"),  # grey
    stats.WORSE: ("Worse", "✖", "#a8320f"),  # dark orange-red
    stats.HIGHER: ("Higher", "▲", "#4c2c92"),
    stats.LOWER: ("Lower", "▼", "#4c2c92"),
    stats.NOT_COMPARED: ("Not compared", "–", "#505a5f"),
}


def comparison_label(comparison: str) -> str:
    word, symbol, _ = COMPARISON_STYLE[comparison]
    return f"{symbol} {word}"


def benchmark_name(benchmark_label: str | None) -> str:
    if not benchmark_label:
        return "the benchmark"
    if benchmark_label.startswith("England"):
        return "England"
    if benchmark_label.lower().startswith("all areas"):
        # "worse than all areas in the data" reads as "the worst of all": it is their combined figure
        return "the average of " + benchmark_label[0].lower() + benchmark_label[1:]
    return benchmark_label[0].lower() + benchmark_label[1:]


def indicator_label(domain_name: str, indicator_name: str) -> str:
    """'Choice: Enough choice over care and support', but 'Control over daily life: people with a
    direct payment' without 'Control: ' in front: the domain is said once."""
    first = domain_name.split()[0].lower().rstrip(":")
    if indicator_name.lower().startswith((domain_name.lower(), first)):
        return indicator_name
    return f"{domain_name}: {indicator_name}"


def comparison_phrase(comparison: str, benchmark_label: str | None) -> str:
    """'about the same as England', 'better than all areas in the data', ..."""
    name = benchmark_name(benchmark_label)
    return {
        stats.BETTER: f"better than {name}",
        stats.WORSE: f"worse than {name}",
        stats.SIMILAR: f"about the same as {name}",
        stats.HIGHER: f"higher than {name}",
        stats.LOWER: f"lower than {name}",
    }.get(comparison, f"not compared with {name}")


def value_words(indicator: Indicator, value: float) -> str:
    """The figure as the narrative says it: whole numbers out of 100, rates to 1 decimal place."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if indicator.kind == "rate":
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def figure_sentence(
    indicator: Indicator,
    area_name: str,
    period: str,
    value: float | None,
    suppressed: bool,
    comparison: str | None = None,
    benchmark_label: str | None = None,
) -> str:
    """'In 2024-25, 78 out of 100 people in Leeds said they had control over their daily life,
    about the same as England.'"""
    if suppressed:
        return f"In {period}, too few people in {area_name} were counted to show {indicator.short_name.lower()}."
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return f"In {period}, there is no figure for {indicator.short_name.lower()} in {area_name}."
    clause = indicator.narrative.format(value=value_words(indicator, value), area=area_name)
    text = f"In {period}, {clause}"
    if comparison and comparison != stats.NOT_COMPARED:
        text += f", {comparison_phrase(comparison, benchmark_label)}"
    return text + "."


def trend_sentence(trend: stats.Trend, periods: int) -> str:
    if trend.direction == "unknown":
        return "Trend: could not be calculated (too few years with figures)."
    return f"Trend over the last {periods} years: {trend.words}."
