"""Plotly figures, each with the sentence that is its text alternative and caption."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import narrative
from dashboard.catalogue import Indicator

FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15, color="#0b0c0c")
HIGHLIGHT = "#00549f"
OTHER = "#9aa5ab"
BENCHMARK = "#0b0c0c"
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


@dataclass
class Chart:
    figure: go.Figure
    sentence: str  # the chart's text alternative and caption


def compare_bars(frame: pd.DataFrame, indicator: Indicator, period: str, highlight: str | None,
                 benchmark_value: float | None, benchmark_label: str | None) -> Chart:
    """Ranked bars with 95% interval whiskers, the benchmark line and the chosen area highlighted.

    ``frame``: rows from ``Figures.areas_for`` (suppressed rows are left out of the chart; the
    table beside it says why).
    """
    shown = frame[~frame["suppressed"].astype(bool) & frame["value"].notna()].copy()
    ascending = indicator.polarity != "low_good"
    shown = shown.sort_values("value", ascending=ascending)  # best at the top of the chart
    names = [f"<b>{n}</b>" if c == highlight else n for n, c in zip(shown["area_name"], shown["geography_code"])]
    colours = [HIGHLIGHT if c == highlight else OTHER for c in shown["geography_code"]]
    fig = go.Figure(
        go.Bar(
            x=shown["value"],
            y=names,
            orientation="h",
            marker=dict(color=colours, line=dict(color="#0b0c0c", width=[2 if c == highlight else 0 for c in shown["geography_code"]])),
            error_x=dict(
                type="data",
                symmetric=False,
                array=shown["upper_95"] - shown["value"],
                arrayminus=shown["value"] - shown["lower_95"],
                color="#0b0c0c",
                thickness=1.5,
                width=4,
            ),
            customdata=shown[["lower_95", "upper_95"]].to_numpy(),
            hovertemplate="%{y}: %{x:.1f} (95% interval %{customdata[0]:.1f} to %{customdata[1]:.1f})<extra></extra>",
            name=indicator.short_name,
        )
    )
    if benchmark_value is not None:
        fig.add_vline(
            x=benchmark_value,
            line=dict(color=BENCHMARK, dash="dash", width=2),
            annotation_text=f"{benchmark_label}: {indicator.format_value(benchmark_value)}",
            annotation_position="top",
            annotation_font=dict(size=14, color=BENCHMARK),
        )
    fig.update_layout(
        font=FONT,
        height=max(320, 28 * len(shown) + 120),
        margin=dict(l=10, r=30, t=50, b=40),
        xaxis_title=f"{indicator.short_name} ({indicator.unit_suffix.strip() or indicator.unit})",
        yaxis=dict(automargin=True),
        plot_bgcolor="white",
        showlegend=False,
    )
    fig.update_xaxes(gridcolor="#dfe3e5", zeroline=True, zerolinecolor="#b1b4b6", rangemode="tozero")
    return Chart(fig, compare_sentence(shown, frame, indicator, period, highlight, benchmark_value, benchmark_label))


def compare_sentence(shown, frame, indicator, period, highlight, benchmark_value, benchmark_label) -> str:
    if shown.empty:
        return f"No area has a figure for {indicator.short_name.lower()} in {period} that can be shown."
    top = shown.sort_values("value").iloc[-1]
    bottom = shown.sort_values("value").iloc[0]
    text = (
        f"Bar chart of {indicator.name.lower()} in {period} for {len(shown)} areas, with 95% intervals. "
        f"Highest: {top['area_name']} {indicator.format_value(top['value'])}; "
        f"lowest: {bottom['area_name']} {indicator.format_value(bottom['value'])}."
    )
    if benchmark_value is not None:
        text += f" {benchmark_label}: {indicator.format_value(benchmark_value)}."
    chosen = frame[frame["geography_code"] == highlight]
    if len(chosen):
        row = chosen.iloc[0]
        if row["suppressed"]:
            text += f" {row['area_name']}: not shown, fewer than 5 people."
        elif row["value"] == row["value"]:
            text += (
                f" {row['area_name']}: {indicator.format_value(row['value'])}, "
                f"{narrative.comparison_phrase(row['comparison'], benchmark_label)}."
            )
    hidden = int(frame["suppressed"].astype(bool).sum())
    if hidden:
        text += f" {hidden} area{'s' if hidden > 1 else ''} not shown because of small numbers."
    return text
