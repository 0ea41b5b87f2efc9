"""Comparison charts: the sentence (text alternative and caption) says what the figure shows."""

import base64
import json
import numpy as np
import pytest

from dashboard import charts
from dashboard.figures import comparison, stats
from tests.conftest import KIRKLEES, LEEDS
from dashboard.figures.catalogue import load as _load_catalogue

N_INDICATORS = len(_load_catalogue().indicators)


def test_funnel_plot_counts_areas_outside_the_limits(figures, store):
    frame = comparison.compared(figures, store, "direct_payments", "2024-25", comparison.Choice())
    bench = figures.benchmark("direct_payments", "2024-25")
    chart = charts.funnel_plot(frame, figures.catalogue["direct_payments"], "2024-25", KIRKLEES, bench.value, bench.label)
    # independent check: Kirklees 30 of 60 against the normal-approximation limits
    p0 = bench.value / 100
    upper998 = p0 + stats.Z[99.8] * np.sqrt(p0 * (1 - p0) / 60)
    assert 0.5 > upper998
    assert "Kirklees is outside the 99.8% limits" in chart.sentence
    assert "for 2 areas" in chart.sentence  # Isles of Scilly hidden, and Reading to protect it
    names = {t.name for t in chart.figure.data}
    assert {"95% limits", "99.8% limits"} <= names
    assert any((t.name or "").endswith("Better") for t in chart.figure.data)


def _contrast(colour: str, background: str = "#ffffff") -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    def luminance(c):
        rgb = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        rgb = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    hi, lo = sorted([luminance(colour), luminance(background)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_funnel_dots_differ_by_comparison_in_colour_shape_and_legend(figures, store):
    """Through the figure's spec (what st.plotly_chart sends): one trace of dots per comparison (better / similar / worse),
    each with its own colour (3:1 against white at least), marker shape and legend name, and
    each dot in the trace its 95% limits put it in."""
    ind = figures.catalogue["direct_payments"]
    frame = comparison.compared(figures, store, "direct_payments", "2024-25", comparison.Choice())
    bench = figures.benchmark("direct_payments", "2024-25")
    spec = json.loads(charts.funnel_plot(frame, ind, "2024-25", KIRKLEES, bench.value, bench.label).figure.to_json())
    dots = [t for t in spec["data"] if t["mode"] == "markers+text"]
    assert len(dots) >= 2, "the fixture has areas both inside and outside the limits"
    assert len({d["marker"]["color"] for d in dots}) == len(dots)
    assert len({d["marker"]["symbol"] for d in dots}) == len(dots)
    assert all(_contrast(d["marker"]["color"]) >= 3 and d["marker"]["opacity"] == 1 for d in dots)  # not faded
    assert all(d.get("showlegend", True) is not False and d["name"] for d in dots)
    shown = frame[~frame["suppressed"].astype(bool)].set_index("area_name")
    p0 = bench.value / 100
    for trace in dots:
        ys = trace["y"] if isinstance(trace["y"], list) else np.frombuffer(  # plotly sends arrays as base64
            base64.b64decode(trace["y"]["bdata"]), dtype=trace["y"]["dtype"])
        for name, y in zip([c[0] for c in trace["customdata"]], ys):
            n = float(shown.loc[name, "base"])
            half = stats.Z[95] * np.sqrt(p0 * (1 - p0) / n) * 100  # independent normal-approximation limits
            expected = "Better" if y > bench.value + half else "Worse" if y < bench.value - half else "Similar"
            assert trace["name"].endswith(expected), (name, y, trace["name"])
    kirklees = next(t for t in dots if "Kirklees" in list(t["text"]))
    assert kirklees["name"].endswith("Better")


def test_funnel_x_axis_has_few_readable_ticks(figures, store):
    frame = comparison.compared(figures, store, "direct_payments", "2024-25", comparison.Choice())
    bench = figures.benchmark("direct_payments", "2024-25")
    spec = json.loads(charts.funnel_plot(frame, figures.catalogue["direct_payments"], "2024-25", KIRKLEES,
                                         bench.value, bench.label).figure.to_json())
    axis = spec["layout"]["xaxis"]
    assert axis["type"] == "log"
    assert 2 <= len(axis["tickvals"]) <= 7
    assert axis["ticktext"] == [f"{v:,.0f}" for v in axis["tickvals"]]
    assert axis["minor"]["ticks"] == ""  # no unlabelled minor labels between them


@pytest.mark.parametrize("low,high", [(5, 6500), (300, 500), (2, 2e6), (40, 90), (12, 13_000)])
def test_log_ticks_are_round_and_few(low, high):
    ticks = charts.log_ticks(low, high)
    assert 1 <= len(ticks) <= 7 and all(low <= t <= high for t in ticks)
    assert all(str(int(t)).rstrip("0") in {"1", "2", "3", "4", "5", "6", "7", "8", "9"} for t in ticks)


def test_funnel_sides_follow_polarity():
    from dashboard.figures.catalogue import load

    low_good = next(i for i in load().indicators if i.polarity == "low_good")
    assert charts.funnel_sides(low_good, [10, 50, 90, float("nan")], [40] * 4, [60] * 4) == [
        stats.BETTER, stats.SIMILAR, stats.WORSE, stats.NOT_COMPARED]


def test_no_funnel_for_a_median(figures, store):
    frame = comparison.compared(figures, store, "days_to_first_payment", "2024-25", comparison.Choice())
    assert charts.funnel_plot(frame, figures.catalogue["days_to_first_payment"], "2024-25", LEEDS, 20.0, "x") is None


def test_significance_bars_label_every_bar_in_words(figures, store):
    frame = comparison.compared(figures, store, "direct_payments", "2024-25", comparison.Choice())
    chart = charts.significance_bars(frame, figures.catalogue["direct_payments"], "2024-25", KIRKLEES, 28.7, "All areas in the data", 95, "value")
    bars = chart.figure.data[0]
    assert list(bars.y) == ["<b>Kirklees</b>", "Reading", "Leeds"][::-1] or list(bars.y)[-1] == "<b>Kirklees</b>"
    assert all(t.split(" ", 1)[1] in {"Better", "Similar", "Worse"} for t in bars.text)
    assert "Compared with the average of all areas in the data at 95%: 1 better, 1 similar." in chart.sentence  # Reading hidden


def test_spine_chart_sentence_counts_comparisons(figures, store):
    rows = comparison.profile(figures, store, LEEDS, "2024-25", comparison.Choice(), tuple(figures.areas["area_code"]))
    chart = charts.spine_chart(rows, "Leeds", "2024-25", "all areas in the data")
    counts = rows["comparison"].value_counts()
    assert f"{counts.get('similar', 0)} similar" in chart.sentence
    assert chart.sentence.startswith(f"Spine chart of {N_INDICATORS} indicators for Leeds in 2024-25")
    drawn = (rows["lowest"].notna() & rows["benchmark_value"].notna()).sum()
    assert drawn >= 15 and len(chart.figure.layout.shapes) >= drawn + 1  # a range per row, the benchmark line


def test_trend_chart_says_the_trend_and_hidden_years(figures):
    series = figures.series("control", LEEDS)
    series = series[series["geography_level"] == "area"].assign(benchmark_value=np.nan, benchmark_label=None)
    chart = charts.trend_chart(series, figures.catalogue["control"], "Leeds", series.iloc[0:0], "increasing and getting better")
    assert "from 2022-23 to 2024-25" in chart.sentence and "Trend: increasing and getting better." in chart.sentence
    assert chart.figure.data[0].name == "95% interval"


@pytest.mark.parametrize("colour_by", ["significance", "quintile"])
def test_hex_map_sentence(figures, store, colour_by):
    from dashboard.charts import hexmap

    frame = comparison.compared(figures, store, "control", "2024-25", comparison.Choice())
    chart = hexmap.hex_map(hexmap.categorise(frame, colour_by, "comparison_95"), figures.catalogue["control"], "2024-25",
                           colour_by, LEEDS, "England")
    assert "153 English councils" in chart.sentence and "149 councils have no data" in chart.sentence
