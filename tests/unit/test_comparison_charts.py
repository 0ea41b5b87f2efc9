"""Comparison charts: the sentence (text alternative and caption) says what the figure shows."""

import numpy as np
import pytest

from dashboard import benchmarks, charts, stats
from tests.conftest import KIRKLEES, LEEDS
from dashboard.catalogue import load as _load_catalogue

N_INDICATORS = len(_load_catalogue().indicators)


def test_funnel_plot_counts_areas_outside_the_limits(figures, store):
    frame = benchmarks.compared(figures, store, "direct_payments", "2024-25", benchmarks.Choice())
    bench = figures.benchmark("direct_payments", "2024-25")
    chart = charts.funnel_plot(frame, figures.catalogue["direct_payments"], "2024-25", KIRKLEES, bench.value, bench.label)
    # independent check: Kirklees 30 of 60 against the normal-approximation limits
    p0 = bench.value / 100
    upper998 = p0 + stats.Z[99.8] * np.sqrt(p0 * (1 - p0) / 60)
    assert 0.5 > upper998
    assert "Kirklees is outside the 99.8% limits" in chart.sentence
    assert "for 2 areas" in chart.sentence  # Isles of Scilly hidden, and Reading to protect it
    names = {t.name for t in chart.figure.data}
    assert {"95% limits", "99.8% limits", "Areas"} <= names


def test_no_funnel_for_a_median(figures, store):
    frame = benchmarks.compared(figures, store, "days_to_first_payment", "2024-25", benchmarks.Choice())
    assert charts.funnel_plot(frame, figures.catalogue["days_to_first_payment"], "2024-25", LEEDS, 20.0, "x") is None


def test_significance_bars_label_every_bar_in_words(figures, store):
    frame = benchmarks.compared(figures, store, "direct_payments", "2024-25", benchmarks.Choice())
    chart = charts.significance_bars(frame, figures.catalogue["direct_payments"], "2024-25", KIRKLEES, 28.7, "All areas in the data", 95, "value")
    bars = chart.figure.data[0]
    assert list(bars.y) == ["<b>Kirklees</b>", "Reading", "Leeds"][::-1] or list(bars.y)[-1] == "<b>Kirklees</b>"
    assert all(t.split(" ", 1)[1] in {"Better", "Similar", "Worse"} for t in bars.text)
    assert "Compared with the average of all areas in the data at 95%: 1 better, 1 similar." in chart.sentence  # Reading hidden


def test_spine_chart_sentence_counts_comparisons(figures, store):
    rows = benchmarks.profile(figures, store, LEEDS, "2024-25", benchmarks.Choice(), tuple(figures.areas["area_code"]))
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
    from dashboard import hexmap

    frame = benchmarks.compared(figures, store, "control", "2024-25", benchmarks.Choice())
    chart = hexmap.hex_map(hexmap.categorise(frame, colour_by, "comparison_95"), figures.catalogue["control"], "2024-25",
                           colour_by, LEEDS, "England")
    assert "153 English councils" in chart.sentence and "149 councils have no data" in chart.sentence
