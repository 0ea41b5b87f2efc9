"""The one chart a slide carries: an indicator's trend in the area against the benchmark, drawn
big enough to read across a room."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.charts import Chart
from dashboard.figures import narrative
from dashboard.figures.catalogue import Indicator
from dashboard.figures.indicators import Figures

SLIDE_FONT = dict(family="DejaVu Sans, Source Sans Pro, Arial, sans-serif", size=26, color="#0b0c0c")
AREA_COLOUR = "#00549f"
BENCH_COLOUR = "#0b0c0c"


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
