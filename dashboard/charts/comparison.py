"""The comparison pages' charts (Compare, Trends, Profile, By group): an indicator across areas
against a benchmark (bars, significance bars, funnel plot), an area's profile (spine chart), its
trend against the benchmark, and splits by group."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.base import BENCHMARK, FONT, HIGHLIGHT, OTHER, Chart
from dashboard.figures import narrative, stats
from dashboard.figures.catalogue import Indicator


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


#: a marker shape per comparison, so that colour is never the only cue
COMPARISON_SYMBOLS = {stats.BETTER: "circle", stats.SIMILAR: "diamond", stats.WORSE: "x", stats.HIGHER: "triangle-up",
                      stats.LOWER: "triangle-down", stats.NOT_COMPARED: "circle-open"}

SORTS = {"value": "By value (best first)", "name": "By area name"}


def _style(comparison: str) -> tuple[str, str, str]:
    return narrative.COMPARISON_STYLE.get(comparison, narrative.COMPARISON_STYLE[stats.NOT_COMPARED])


def significance_bars(frame: pd.DataFrame, indicator: Indicator, period: str, highlight: str | None,
                      benchmark_value: float | None, benchmark_label: str | None, level: float = 95,
                      sort: str = "value") -> Chart:
    """Bars coloured AND labelled in words by significance against the chosen benchmark, with
    95% or 99.8% whiskers; sorted by value (best at the top) or by name.

    ``frame``: rows from ``benchmarks.compared`` (comparison_95 / comparison_998)."""
    suffix = stats.level_suffix(level)
    column = f"comparison_{suffix}" if f"comparison_{suffix}" in frame else "comparison"
    shown = frame[~frame["suppressed"].astype(bool) & frame["value"].notna()].copy()
    if sort == "name":
        shown = shown.sort_values("area_name", ascending=False)  # A at the top
    else:
        shown = shown.sort_values("value", ascending=indicator.polarity != "low_good")
    names = [f"<b>{n}</b>" if c == highlight else n for n, c in zip(shown["area_name"], shown["geography_code"])]
    styles = [_style(c) for c in shown[column]]
    fig = go.Figure(go.Bar(
        x=shown["value"], y=names, orientation="h", name=indicator.short_name, showlegend=False,
        marker=dict(color=[colour for _, _, colour in styles],
                    line=dict(color="#0b0c0c", width=[3 if c == highlight else 0 for c in shown["geography_code"]])),
        text=[f"{symbol} {word}" for word, symbol, _ in styles], textposition="inside", insidetextanchor="start",
        textfont=dict(color="#ffffff", size=14), constraintext="none",
        error_x=dict(type="data", symmetric=False, array=shown[f"upper_{suffix}"] - shown["value"],
                     arrayminus=shown["value"] - shown[f"lower_{suffix}"], color="#0b0c0c", thickness=1.5, width=4),
        customdata=np.stack([shown[f"lower_{suffix}"], shown[f"upper_{suffix}"],
                             [f"{symbol} {word}" for word, symbol, _ in styles]], axis=1),
        hovertemplate=f"%{{y}}: %{{x:.1f}} ({level:g}% interval %{{customdata[0]:.1f}} to %{{customdata[1]:.1f}}), %{{customdata[2]}}<extra></extra>",
    ))
    for comparison, (word, symbol, colour) in narrative.COMPARISON_STYLE.items():
        if (shown[column] == comparison).any():  # legend entries: colour with its word and symbol
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=f"{symbol} {word}",
                                     marker=dict(symbol="square", size=14, color=colour), hoverinfo="skip"))
    if benchmark_value is not None and benchmark_value == benchmark_value:
        fig.add_vline(x=benchmark_value, line=dict(color=BENCHMARK, dash="dash", width=2),
                      annotation_text=f"{benchmark_label}: {indicator.format_value(benchmark_value)}",
                      annotation_position="top", annotation_font=dict(size=14, color=BENCHMARK))
    # 22 px a bar keeps 20-odd areas wholly on an analyst's first screen; the legend sits a fixed
    # 70 px below the plot, under the axis title (a fraction of the height would overlap it)
    height = max(340, 22 * len(shown) + 170)
    fig.update_layout(
        font=FONT, height=height, margin=dict(l=10, r=30, t=50, b=100),
        xaxis_title=f"{indicator.short_name} ({indicator.unit_suffix.strip() or indicator.unit})",
        yaxis=dict(automargin=True, categoryorder="array", categoryarray=names),
        plot_bgcolor="white", barmode="overlay",
        legend=dict(orientation="h", yanchor="top", y=-70 / (height - 150), title_text="Compared with the benchmark: "),
    )
    fig.update_xaxes(gridcolor="#dfe3e5", zeroline=True, zerolinecolor="#b1b4b6", rangemode="tozero")
    counts = shown[column].value_counts()
    parts = [f"{int(counts[c])} {_style(c)[0].lower()}" for c in narrative.COMPARISON_STYLE if c in counts]
    sentence = compare_sentence(shown, frame.assign(comparison=frame[column]), indicator, period, highlight,
                                benchmark_value, benchmark_label).replace("with 95% intervals", f"with {level:g}% intervals")
    if parts:
        sentence += f" Compared with {narrative.benchmark_name(benchmark_label)} at {level:g}%: {', '.join(parts)}."
    return Chart(fig, sentence)


def funnel_plot(frame: pd.DataFrame, indicator: Indicator, period: str, highlight: str | None,
                benchmark_value: float | None, benchmark_label: str | None) -> Chart | None:
    """Funnel plot: each area's value against the number of people (or the denominator for
    rates), with 95% and 99.8% control limits around the benchmark. None for medians."""
    if indicator.kind == "median" or benchmark_value is None or benchmark_value != benchmark_value:
        return None
    shown = frame[~frame["suppressed"].astype(bool) & frame["value"].notna()].copy()
    size_col = "base" if indicator.kind == "proportion" else "denominator"
    shown = shown[shown[size_col].astype(float) > 0]
    if shown.empty:
        return None
    biggest = float(shown[size_col].max())
    xs = np.unique(np.round(np.geomspace(max(5.0, float(shown[size_col].min()) * 0.5), biggest * 1.3, 80)))
    limits = funnel_limits(indicator, benchmark_value, xs)
    fig = go.Figure()
    styles = {95: dict(color="#505a5f", dash="dash", width=2), 99.8: dict(color="#0b0c0c", dash="dot", width=2)}
    for level in (95, 99.8):
        lo, hi = limits[level]
        fig.add_trace(go.Scatter(x=xs, y=hi, mode="lines", line=styles[level], name=f"{level:g}% limits",
                                 hoverinfo="skip", legendgroup=str(level)))
        fig.add_trace(go.Scatter(x=xs, y=lo, mode="lines", line=styles[level], showlegend=False,
                                 hoverinfo="skip", legendgroup=str(level)))
    fig.add_hline(y=benchmark_value, line=dict(color=HIGHLIGHT, width=2),
                  annotation_text=f"{benchmark_label}: {indicator.format_value(benchmark_value)}",
                  annotation_position="top left", annotation_font=dict(size=14, color=HIGHLIGHT))
    point_limits = funnel_limits(indicator, benchmark_value, shown[size_col].astype(float).to_numpy())
    shown["funnel"] = [
        stats.funnel_position(v, l95, u95, l998, u998)
        for v, l95, u95, l998, u998 in zip(shown["value"], point_limits[95][0], point_limits[95][1],
                                           point_limits[99.8][0], point_limits[99.8][1])
    ]
    shown["side"] = funnel_sides(indicator, shown["value"], point_limits[95][0], point_limits[95][1])
    for comparison, (word, symbol, colour) in narrative.COMPARISON_STYLE.items():
        dots = shown[shown["side"] == comparison]
        if dots.empty:
            continue
        mine = (dots["geography_code"] == highlight).to_numpy()
        fig.add_trace(go.Scatter(
            x=dots[size_col], y=dots["value"], mode="markers+text", name=f"{symbol} {word}",
            text=[n if m else "" for n, m in zip(dots["area_name"], mine)],
            textposition="top center",
            marker=dict(size=[18 if m else 12 for m in mine], color=colour, symbol=COMPARISON_SYMBOLS[comparison], opacity=1,
                        line=dict(color=["#0b0c0c" if m else "#ffffff" for m in mine], width=[3 if m else 1 for m in mine])),
            customdata=np.stack([dots["area_name"], dots["funnel"]], axis=1),
            hovertemplate=f"%{{customdata[0]}}: %{{y:.1f}} from %{{x:,.0f}}, %{{customdata[1]}} ({word.lower()})<extra></extra>",
        ))
    x_title = "People counted" if indicator.kind == "proportion" else f"Denominator ({indicator.denominator})"
    fig.update_layout(font=FONT, height=460, margin=dict(l=10, r=30, t=40, b=50), plot_bgcolor="white",
                      xaxis_title=x_title, yaxis_title=f"{indicator.short_name} ({indicator.unit_suffix.strip() or indicator.unit})",
                      legend=dict(orientation="h", y=-0.2))
    tickvals = log_ticks(float(xs.min()), float(xs.max()))
    fig.update_xaxes(gridcolor="#dfe3e5", type="log", tickvals=tickvals, ticktext=[f"{v:,.0f}" for v in tickvals],
                     minor=dict(showgrid=False, ticks=""))
    ys = np.concatenate([shown["value"].astype(float).to_numpy(), limits[99.8][0], limits[99.8][1], [benchmark_value]])
    ys = ys[np.isfinite(ys)]
    pad = max(1.0, (ys.max() - ys.min()) * 0.08)
    fig.update_yaxes(gridcolor="#dfe3e5", range=[max(0.0, ys.min() - pad), ys.max() + pad], automargin=True)
    outside95 = int((shown["funnel"] == "outside the 95% limits").sum())
    outside998 = int((shown["funnel"] == "outside the 99.8% limits").sum())
    sentence = (
        f"Funnel plot of {indicator.name.lower()} in {period} for {len(shown)} areas against "
        f"{'the number of people counted' if indicator.kind == 'proportion' else 'the denominator'}, with 95% and "
        f"99.8% limits around {narrative.benchmark_name(benchmark_label)} ({indicator.format_value(benchmark_value)}): "
        f"{len(shown) - outside95 - outside998} within the limits, {outside95} outside the 95% limits only, "
        f"{outside998} outside the 99.8% limits."
    )
    chosen = shown[shown["geography_code"] == highlight]
    if len(chosen):
        sentence += f" {chosen.iloc[0]['area_name']} is {chosen.iloc[0]['funnel']}."
    return Chart(fig, sentence)


def funnel_sides(indicator: Indicator, values, lower95, upper95) -> list[str]:
    """Better / similar / worse (higher / lower where neither is better) for each dot: outside
    the 95% limits above or below, read with the indicator's polarity."""
    above = {"high_good": stats.BETTER, "low_good": stats.WORSE}.get(indicator.polarity, stats.HIGHER)
    below = {"high_good": stats.WORSE, "low_good": stats.BETTER}.get(indicator.polarity, stats.LOWER)
    return [stats.NOT_COMPARED if v != v or lo != lo or hi != hi else above if v > hi else below if v < lo
            else stats.SIMILAR for v, lo, hi in zip(values, lower95, upper95)]


def log_ticks(low: float, high: float, most: int = 7) -> list[float]:
    """Round tick values for a log axis from ``low`` to ``high``: the finest of 1-9, 1-2-5, 1-3
    and powers of ten steps that puts no more than ``most`` labels on the axis."""
    low, high = max(low, 1e-9), max(high, low)
    for steps in (tuple(range(1, 10)), (1, 2, 5), (1, 3), (1,)):
        ticks = [m * 10.0 ** k for k in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)
                 for m in steps if low <= m * 10.0 ** k <= high]
        if len(ticks) <= most:
            return ticks
    return ticks[::math.ceil(len(ticks) / most)]


def funnel_limits(indicator: Indicator, benchmark_value: float, sizes) -> dict:
    """{level: (lower, upper)} in the indicator's units for each size."""
    out = {}
    for level in (95, 99.8):
        if indicator.kind == "proportion":
            lo, hi = stats.funnel_limits_proportion(benchmark_value / 100, sizes, level)
            out[level] = (lo * 100, hi * 100)
        else:
            lo, hi = stats.funnel_limits_rate(benchmark_value / indicator.multiplier, sizes, level)
            out[level] = (lo * indicator.multiplier, hi * indicator.multiplier)
    return out


def spine_chart(rows: pd.DataFrame, area_name: str, period: str, group_label: str) -> Chart:
    """Fingertips-style spine chart: one row per indicator (grouped by domain), the benchmark at
    the centre, the group's range (light) and 25th-75th percentile band (dark), the area's value
    as a marker coloured and shaped by significance. Better is to the right where an indicator
    has a polarity."""
    from dashboard.figures.comparison import spine_position

    rows = rows.reset_index(drop=True)
    labels = [r.indicator if r.indicator.startswith(r.domain_name) else f"{r.domain_name}: {r.indicator}"
              for r in rows.itertuples()]
    fig = go.Figure()
    # every band as one list of shapes set once (adding shapes one by one re-validates the
    # whole layout each time: seconds for a profile's fifty bands)
    shapes = []
    for i, r in enumerate(rows.itertuples()):
        lo = spine_position(r.lowest, r.benchmark_value, r.lowest, r.highest, r.polarity)
        hi = spine_position(r.highest, r.benchmark_value, r.lowest, r.highest, r.polarity)
        q1 = spine_position(r.q25, r.benchmark_value, r.lowest, r.highest, r.polarity)
        q3 = spine_position(r.q75, r.benchmark_value, r.lowest, r.highest, r.polarity)
        if lo == lo and hi == hi:
            shapes.append(dict(type="rect", x0=min(lo, hi), x1=max(lo, hi), y0=i - 0.32, y1=i + 0.32,
                               fillcolor="#dfe3e5", line=dict(width=0), layer="below"))
        if q1 == q1 and q3 == q3:
            shapes.append(dict(type="rect", x0=min(q1, q3), x1=max(q1, q3), y0=i - 0.32, y1=i + 0.32,
                               fillcolor="#9aa5ab", line=dict(width=0), layer="below"))
    shapes.append(dict(type="line", x0=0, x1=0, xref="x", y0=0, y1=1, yref="paper",
                       line=dict(color=BENCHMARK, width=2)))  # the benchmark (what add_vline draws)
    fig.update_layout(shapes=shapes)
    positions = [spine_position(r.value, r.benchmark_value, r.lowest, r.highest, r.polarity) for r in rows.itertuples()]
    symbols = COMPARISON_SYMBOLS
    for comparison, (word, symbol, colour) in narrative.COMPARISON_STYLE.items():
        idx = [i for i, c in enumerate(rows["comparison"]) if c == comparison and positions[i] == positions[i]]
        if not idx:
            continue
        fig.add_trace(go.Scatter(
            x=[positions[i] for i in idx], y=idx, mode="markers", name=f"{symbol} {word}",
            marker=dict(size=15, color=colour, symbol=symbols[comparison], line=dict(color="#ffffff", width=1.5)),
            customdata=[[labels[i], rows.loc[i, "value"]] for i in idx],
            hovertemplate="%{customdata[0]}: %{customdata[1]:.1f}<extra></extra>",
        ))
    fig.update_yaxes(zeroline=False, showgrid=False)
    fig.update_layout(
        font=FONT, height=max(360, 30 * len(rows) + 120), margin=dict(l=10, r=90, t=40, b=40), plot_bgcolor="white",
        xaxis=dict(range=[-1.1, 1.1], automargin=True, tickvals=[-1, 0, 1], ticktext=["Worse or lower ←", "Benchmark", "→ Better or higher"],
                   showgrid=False, zeroline=False),
        yaxis=dict(tickvals=list(range(len(rows))), ticktext=labels, autorange="reversed", automargin=True),
        legend=dict(orientation="h", y=-0.08),
    )
    counts = rows["comparison"].value_counts()
    parts = [f"{int(counts[c])} {_style(c)[0].lower()}" for c in narrative.COMPARISON_STYLE if c in counts]
    sentence = (
        f"Spine chart of {len(rows)} indicators for {area_name} in {period}: each row shows {area_name}'s value "
        f"against the benchmark at the centre, with the range and the middle half of {group_label}. "
        f"Compared with the benchmark: {', '.join(parts)}."
    )
    return Chart(fig, sentence)


def trend_chart(series: pd.DataFrame, indicator: Indicator, area_name: str, benchmark_series: pd.DataFrame,
                trend_words: str, level: float = 95) -> Chart:
    """One indicator over time for an area: its interval band, the benchmark line, and the trend."""
    suffix = stats.level_suffix(level)
    shown = series[~series["suppressed"].astype(bool) & series["value"].notna()]
    fig = go.Figure()
    if not shown.empty:
        fig.add_trace(go.Scatter(x=list(shown["period"]) + list(shown["period"])[::-1],
                                 y=list(shown[f"upper_{suffix}"]) + list(shown[f"lower_{suffix}"])[::-1],
                                 fill="toself", fillcolor="rgba(0,84,159,0.18)", line=dict(width=0), mode="lines",
                                 name=f"{level:g}% interval", hoverinfo="skip"))
        fig.add_trace(go.Scatter(x=shown["period"], y=shown["value"], mode="lines+markers+text", name=area_name,
                                 line=dict(color=HIGHLIGHT, width=3), marker=dict(size=10),
                                 text=[indicator.format_value(v) for v in shown["value"]], textposition="top center",
                                 hovertemplate="%{x}: %{y:.1f}<extra></extra>"))
    bench = benchmark_series.dropna(subset=["benchmark_value"]) if not benchmark_series.empty else benchmark_series
    if not bench.empty:
        fig.add_trace(go.Scatter(x=bench["period"], y=bench["benchmark_value"], mode="lines+markers",
                                 name=str(bench["benchmark_label"].iloc[-1]), line=dict(color=BENCHMARK, dash="dash", width=2),
                                 marker=dict(symbol="diamond", size=8), hovertemplate="%{x}: %{y:.1f}<extra></extra>"))
    fig.update_layout(font=FONT, height=420, margin=dict(l=10, r=20, t=30, b=40), plot_bgcolor="white",
                      yaxis_title=f"{indicator.short_name} ({indicator.unit_suffix.strip() or indicator.unit})",
                      xaxis=dict(type="category", categoryorder="array", categoryarray=sorted(series["period"])),
                      legend=dict(orientation="h", y=-0.15))
    fig.update_yaxes(gridcolor="#dfe3e5", automargin=True)
    if shown.empty:
        sentence = f"No figure for {indicator.short_name.lower()} in {area_name} can be shown for any year."
    else:
        first, last = shown.iloc[0], shown.iloc[-1]
        sentence = (
            f"Line chart of {indicator.name.lower()} in {area_name} from {first['period']} to {last['period']}, "
            f"with {level:g}% intervals: {indicator.format_value(first['value'])} in {first['period']}, "
            f"{indicator.format_value(last['value'])} in {last['period']}. Trend: {trend_words}."
        )
        if not bench.empty:
            sentence += f" The dashed line is {narrative.benchmark_name(str(bench['benchmark_label'].iloc[-1]))}."
        hidden = int(series["suppressed"].astype(bool).sum())
        if hidden:
            sentence += f" {hidden} year{'s' if hidden > 1 else ''} not shown because of small numbers."
    return Chart(fig, sentence)


def group_bars(rows: pd.DataFrame, indicator_name: str, dimension: str, where: str, period: str,
               overall: float | None = None) -> Chart:
    """An indicator split by a dimension (age band, support reason, delivery), with 95% whiskers."""
    shown = rows[~rows["suppressed"].astype(bool) & rows["value"].notna()].sort_values("value")
    fig = go.Figure(go.Bar(
        x=shown["value"], y=shown["group_name"], orientation="h", marker=dict(color=HIGHLIGHT),
        error_x=dict(type="data", symmetric=False, array=shown["upper_95"] - shown["value"],
                     arrayminus=shown["value"] - shown["lower_95"], color="#0b0c0c", thickness=1.5, width=4),
        text=[f"{v:.1f}%" for v in shown["value"]], textposition="inside", insidetextanchor="start",
        textfont=dict(color="#ffffff"),
        hovertemplate="%{y}: %{x:.1f}%<extra></extra>", name=indicator_name,
    ))
    if overall is not None and overall == overall:
        fig.add_vline(x=overall, line=dict(color=BENCHMARK, dash="dash", width=2),
                      annotation_text=f"Everyone: {overall:.1f}%", annotation_position="top")
    fig.update_layout(font=FONT, height=max(260, 44 * len(shown) + 110), margin=dict(l=10, r=30, t=50, b=40),
                      plot_bgcolor="white", xaxis_title=f"{indicator_name} (%)", yaxis=dict(automargin=True),
                      showlegend=False)
    fig.update_xaxes(gridcolor="#dfe3e5", range=[0, 100])
    if shown.empty:
        sentence = f"No group has a figure for {indicator_name.lower()} by {dimension} in {where}, {period}, that can be shown."
    else:
        top, bottom = shown.iloc[-1], shown.iloc[0]
        sentence = (f"Bar chart of {indicator_name.lower()} by {dimension} in {where}, {period}, with 95% intervals: "
                    f"highest {top['group_name']} {top['value']:.1f}%, lowest {bottom['group_name']} {bottom['value']:.1f}%.")
        hidden = int(rows["suppressed"].astype(bool).sum())
        if hidden:
            sentence += f" {hidden} group{'s' if hidden > 1 else ''} not shown because of small numbers."
    return Chart(fig, sentence)


