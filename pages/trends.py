"""Trends: one indicator over time for an area, its interval band, the benchmark line and the
trend over the latest five years in words."""
# nav: title=Trends; order=24; section=Explore; icon=:material/show_chart:

import pandas as pd
import streamlit as st

from dashboard import charts, release
from dashboard.app import compare_ui, ui
from dashboard.figures import comparison, exports, narrative

ui.page_setup("Trends")

with ui.guard("the trend"):
    figs = ui.figures()
    st.title("Trends")
    c1, c2, c3, c4, c5 = st.columns([3, 2, 2, 3, 2])
    indicator_id = ui.choose_indicator(container=c1)
    area = ui.choose_area(figs, container=c2)
    period = ui.choose_period(figs, container=c3, indicator_id=indicator_id)
    choice = compare_ui.choose_benchmark(figs, area, container=c4)
    level = compare_ui.choose_level(container=c5)
    ui.show_url_notices()
    store = ui.store()
    ind = figs.catalogue[indicator_id]
    name = figs.area_name(area)
    series = figs.series(indicator_id, area)
    series = series[(series["geography_level"] == "area") & (series["period"] <= period)].copy()
    trend = comparison.trend_to(figs, indicator_id, area, period)
    bench_rows = []
    for p in series["period"]:
        bench = comparison.benchmark(figs, store, indicator_id, p, choice, area)
        bench_rows.append({"period": p, "benchmark_value": bench.value if bench else float("nan"),
                           "benchmark_label": bench.label if bench else None})
    bench_frame = pd.DataFrame(bench_rows, columns=["period", "benchmark_value", "benchmark_label"])
    series = series.merge(bench_frame, on="period", how="left")
    series["comparison_95"] = [comparison.stats.compare_at(r, r["benchmark_value"], ind.polarity, 95) for _, r in series.iterrows()]
    series["comparison_998"] = [comparison.stats.compare_at(r, r["benchmark_value"], ind.polarity, 99.8) for _, r in series.iterrows()]
    series["area_name"] = name
    series["trend"] = trend.words

    st.markdown(f"**{ind.name}** in **{name}** — {ind.definition} {ind.polarity_words}.")
    used = comparison.trend_series(figs, indicator_id, area, period)
    st.markdown(f"<p class='gl-narrative'>{trend.arrow} {narrative.trend_sentence(trend, len(used))}</p>",
                unsafe_allow_html=True)
    if len(used) and set(series["source"]) - {used["source"].iloc[-1]}:
        st.caption(f"The trend uses the {used['source'].iloc[-1]} figures only ({used['period'].iloc[0]} to "
                   f"{used['period'].iloc[-1]}): published ASCOF figures and local exports are not the same measurement.")
    if ind.kind == "median":
        st.info("Trends are not tested for medians: the chart shows the values and their intervals only.",
                icon=":material/info:")
    labels = series["benchmark_label"].dropna()
    if len(labels):
        st.markdown(f"Benchmark: {labels.iloc[-1]}.")
    chart = charts.trend_chart(series, ind, name, bench_frame, trend.words, level)
    suffix = "95" if level == 95 else "998"
    table = pd.DataFrame({
        "Year": series["period"],
        "Value": [release.SUPPRESSED_TEXT if s else ind.format_value(v) for v, s in zip(series["value"], series["suppressed"])],
        f"{level:g}% interval": [compare_ui.interval_text(ind, lo, hi, s)
                                 for lo, hi, s in zip(series[f"lower_{suffix}"], series[f"upper_{suffix}"], series["suppressed"])],
        "Benchmark": [ind.format_value(v) for v in series["benchmark_value"]],
        "Compared": [narrative.comparison_label(c) for c in series[f"comparison_{suffix}"]],
        "People counted": ["" if s or b != b else f"{b:,.0f}" for b, s in zip(series["base"], series["suppressed"])],
        "Source": series["source"],
    })
    compare_ui.chart_block(chart, "trend_chart", table, f"{ind.short_name} in {name} by year", exports.chart_rows(series, ind),
                           f"trend-{indicator_id}-{area}", numeric=("Value", "Benchmark", "People counted"))
    compare_ui.published_only_note(series)
    st.caption(ui.source_line(figs, indicator_id, period) + f" Caveats: {ind.caveats}")
