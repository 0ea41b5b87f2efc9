"""The theme pages' charts (direct payments, collaboration breakdowns, co-production).

Each takes plain, already suppressed rows (a hidden value is NaN) and the sentence the caller
wrote from the same rows; a hidden value is never drawn, only labelled "not shown"."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.base import BENCHMARK, FONT, HIGHLIGHT, Chart
from dashboard.figures.catalogue import Indicator


NOT_SHOWN = "#505a5f"
#: five agreement levels, disagree (orange-red) to agree (blue); the middle is grey
AGREEMENT_COLOURS = ["#a8320f", "#e39b7b", "#b1b4b6", "#7aa6d6", "#00549f"]
#: yes / sometimes / no
ANSWER_COLOURS = {"yes": "#00549f", "sometimes": "#b1b4b6", "no": "#a8320f"}
#: categorical series: dark, distinguishable, each 3:1 against white
SERIES_COLOURS = ["#00549f", "#a8320f", "#4c2c92", "#00703c", "#6f4e00", "#505a5f", "#b3135c"]
#: informed .. co-produced: light to dark blue (the order is also in the legend and table)
LEVEL_COLOURS = ["#c6d6e8", "#8fb0d4", "#5a89bf", "#2c64a6", "#0b3d73"]


def _layout(fig: go.Figure, height: int, x_title: str | None = None, y_title: str | None = None,
            legend: bool = True) -> go.Figure:
    fig.update_layout(
        font=FONT,
        height=height,
        margin=dict(l=10, r=20, t=30, b=40),
        plot_bgcolor="white",
        showlegend=legend,
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0, title=None),
        xaxis_title=x_title,
        yaxis_title=y_title,
        yaxis=dict(automargin=True),
    )
    fig.update_xaxes(gridcolor="#dfe3e5", zerolinecolor="#b1b4b6")
    fig.update_yaxes(gridcolor="#dfe3e5", zerolinecolor="#b1b4b6")
    return fig


def trend_lines(rows: pd.DataFrame, indicator: Indicator, area_name: str, sentence: str) -> Chart:
    """One area's figure by year with 95% interval whiskers, and the benchmark by year (dashed).

    ``rows``: period, value, lower_95, upper_95, benchmark_value (NaN where hidden or missing).
    """
    shown = rows[rows["value"].notna()]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=shown["period"], y=shown["value"], mode="lines+markers", name=area_name,
        line=dict(color=HIGHLIGHT, width=3), marker=dict(size=10, symbol="circle"),
        error_y=dict(type="data", symmetric=False, array=shown["upper_95"] - shown["value"],
                     arrayminus=shown["value"] - shown["lower_95"], color=HIGHLIGHT, thickness=1.5, width=4),
        hovertemplate="%{x}: %{y:.1f}<extra>" + area_name + "</extra>",
    ))
    bench = rows[rows["benchmark_value"].notna()]
    if len(bench):
        fig.add_trace(go.Scatter(
            x=bench["period"], y=bench["benchmark_value"], mode="lines+markers", name="Benchmark",
            line=dict(color=BENCHMARK, dash="dash", width=2), marker=dict(size=8, symbol="diamond"),
            hovertemplate="%{x}: %{y:.1f}<extra>Benchmark</extra>",
        ))
    unit = indicator.unit_suffix.strip() or indicator.unit
    _layout(fig, 340, None, indicator.short_name if indicator.short_name.endswith(unit) else f"{indicator.short_name} ({unit})")
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=list(rows["period"]))
    fig.update_yaxes(rangemode="tozero")
    return Chart(fig, sentence)


def binned_bars(rows: pd.DataFrame, label_col: str, count_col: str, y_title: str, sentence: str) -> Chart:
    """Counts in bins (a distribution without single records); hidden bins say 'not shown'."""
    values = rows[count_col].astype(float)
    ticks = [str(label).replace(" days or more", "+").replace(" days", "").replace(" to ", "–") for label in rows[label_col]]
    fig = go.Figure(go.Bar(
        x=ticks, y=values.fillna(0), marker=dict(color=HIGHLIGHT),
        text=["not shown" if v != v else f"{v:,.0f}" for v in values], textposition="outside",
        textfont=dict(size=13, color=BENCHMARK), cliponaxis=False,
        hovertemplate="%{x} days: %{text}<extra></extra>", name=y_title,
    ))
    _layout(fig, 340, "Days", y_title, legend=False)
    fig.update_xaxes(type="category", tickangle=0)
    top = values.max()
    fig.update_yaxes(range=[0, (top if top == top and top > 0 else 5) * 1.25])
    return Chart(fig, sentence)


def diverging_bars(rows: pd.DataFrame, row_col: str, level_col: str, share_col: str, levels: list[str],
                   colours: list[str], sentence: str, neutral: str | None = None,
                   hidden_col: str | None = None) -> Chart:
    """A diverging stacked bar per row: levels before ``neutral`` to the left of zero, after it
    to the right, the neutral level split across zero. Shares in percent; a share that is hidden
    (NaN) is drawn only as part of a grey 'not shown' segment at the far right."""
    order = list(dict.fromkeys(rows[row_col]))
    fig = go.Figure()
    mid = levels.index(neutral) if neutral in levels else None
    for i, (level, colour) in enumerate(zip(levels, colours)):
        part = rows[rows[level_col] == level].set_index(row_col).reindex(order)
        share = part[share_col].astype(float)
        if mid is not None and i == mid:
            halves = [("", share / 2 * -1, False), ("", share / 2, True)]
        elif mid is not None and i < mid:
            halves = [("", -share, True)]
        else:
            halves = [("", share, True)]
        for _, values, legend in halves:
            fig.add_trace(go.Bar(
                y=order, x=values.fillna(0), orientation="h", name=level, marker=dict(color=colour),
                legendgroup=level, showlegend=legend,
                text=[f"{abs(v):.0f}%" if v == v and abs(v) >= 8 and legend else "" for v in values],
                textposition="inside", insidetextanchor="middle",
                customdata=share.fillna(-1), hovertemplate="%{y}: " + level + " %{customdata:.0f}%<extra></extra>",
            ))
    if hidden_col:
        hidden = rows.groupby(row_col, sort=False)[hidden_col].first().reindex(order).astype(float).fillna(0)
        if (hidden > 0).any():
            fig.add_trace(go.Bar(
                y=order, x=hidden, orientation="h", name="Not shown (small numbers)",
                marker=dict(color="white", line=dict(color=NOT_SHOWN, width=1.5), pattern=dict(shape="/", fgcolor=NOT_SHOWN)),
                hovertemplate="%{y}: not shown<extra></extra>",
            ))
    _layout(fig, max(260, 70 * len(order) + 120), "Percent who answered: disagree to the left, agree to the right")
    fig.update_layout(barmode="relative", legend=dict(traceorder="normal"))
    fig.update_xaxes(zeroline=True, zerolinecolor=BENCHMARK, zerolinewidth=2, ticksuffix="%")
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(order)))
    return Chart(fig, sentence)


def stacked_bars(rows: pd.DataFrame, x_col: str, stack_col: str, value_col: str, stacks: list[str],
                 colours: list[str], y_title: str, sentence: str, horizontal: bool = False,
                 percent: bool = False) -> Chart:
    """Stacked bars (counts or percents) with a label in every segment large enough to hold one."""
    fig = go.Figure()
    xs = list(dict.fromkeys(rows[x_col]))
    suffix = "%" if percent else ""
    for stack, colour in zip(stacks, colours):
        part = rows[rows[stack_col] == stack].set_index(x_col).reindex(xs)
        values = part[value_col].astype(float)
        labels = [f"{v:,.0f}{suffix}" if v == v and v > 0 else "" for v in values]
        kwargs = dict(x=values.fillna(0), y=xs, orientation="h") if horizontal else dict(x=xs, y=values.fillna(0))
        fig.add_trace(go.Bar(name=stack, marker=dict(color=colour), text=labels, textposition="inside",
                             insidetextanchor="middle", hovertemplate=f"%{{{'y' if horizontal else 'x'}}}: {stack} %{{text}}<extra></extra>",
                             **kwargs))
    _layout(fig, max(340, 60 * len(xs) + 120) if horizontal else 380,
            y_title if horizontal else None, None if horizontal else y_title)
    fig.update_layout(barmode="stack")
    if horizontal:
        fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(xs)))
    else:
        fig.update_xaxes(type="category")
    return Chart(fig, sentence)


def grouped_bars(rows: pd.DataFrame, y_col: str, series_col: str, value_col: str, series: list[str],
                 colours: list[str], x_title: str, sentence: str, lower_col: str | None = None,
                 upper_col: str | None = None, value_format: str = "{:,.1f}%", x_max: float | None = 100) -> Chart:
    """Horizontal bars side by side per row (for example with and without a direct payment),
    with 95% whiskers when given; hidden values are labelled 'not shown'."""
    fig = go.Figure()
    ys = list(dict.fromkeys(rows[y_col]))
    for name, colour in zip(series, colours):
        part = rows[rows[series_col] == name].set_index(y_col).reindex(ys)
        values = part[value_col].astype(float)
        error = None
        if lower_col and upper_col:
            error = dict(type="data", symmetric=False, array=(part[upper_col] - values).fillna(0),
                         arrayminus=(values - part[lower_col]).fillna(0), color=BENCHMARK, thickness=1.5, width=4)
        fig.add_trace(go.Bar(
            y=ys, x=values.fillna(0), orientation="h", name=name, marker=dict(color=colour), error_x=error,
            text=["not shown" if v != v else value_format.format(v) for v in values],
            # a figure sits inside its bar, clear of the whisker; "not shown" beside the empty bar
            textposition=["outside" if v != v or v < 12 else "inside" for v in values],
            insidetextanchor="start", textfont=dict(size=13), cliponaxis=False,
            hovertemplate="%{y}: " + name + " %{text}<extra></extra>",
        ))
    _layout(fig, max(300, 36 * len(ys) * max(1, len(series)) + 140), x_title)
    fig.update_layout(barmode="group")
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(ys)))
    fig.update_xaxes(rangemode="tozero", range=[0, x_max * 1.12] if x_max else None)
    return Chart(fig, sentence)


def heatmap(values: pd.DataFrame, text: pd.DataFrame, colour_title: str, sentence: str) -> Chart:
    """Areas (rows) by categories (columns); every cell carries its figure as text ('not shown'
    where hidden), so the colour is never the only cue."""
    fig = go.Figure(go.Heatmap(
        z=values.to_numpy(dtype=float), x=list(values.columns), y=list(values.index),
        text=text.to_numpy(), texttemplate="%{text}", textfont=dict(size=13),
        colorscale=[[0, "#f3f2f1"], [0.5, "#8fb0d4"], [1, "#0b3d73"]], hoverongaps=False,
        colorbar=dict(title=dict(text=colour_title, side="right")),
        hovertemplate="%{y}, %{x}: %{text}<extra></extra>", xgap=2, ygap=2,
    ))
    _layout(fig, max(300, 48 * len(values.index) + 160), legend=False)
    fig.update_xaxes(side="top", tickangle=0, automargin=True, tickfont=dict(size=12))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(plot_bgcolor="#dfe3e5")
    return Chart(fig, sentence)


def category_lines(rows: pd.DataFrame, x_col: str, series_col: str, value_col: str, y_title: str,
                   sentence: str) -> Chart:
    """One line per category (a marker shape each, so colour is never the only cue), by year;
    a hidden value is a gap in its line."""
    fig = go.Figure()
    symbols = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross"]
    for (series, part), colour in zip(rows.groupby(series_col, sort=False), SERIES_COLOURS):
        fig.add_trace(go.Scatter(x=part[x_col], y=part[value_col], name=series, mode="lines+markers",
                                 line=dict(color=colour, width=2.5), connectgaps=False,
                                 marker=dict(size=9, symbol=symbols[len(fig.data) % 7]),
                                 hovertemplate="%{x}: %{y:.1f} per 1,000<extra>" + series + "</extra>"))
    _layout(fig, 380, None, y_title)
    fig.update_xaxes(type="category")
    fig.update_yaxes(rangemode="tozero")
    return Chart(fig, sentence)
