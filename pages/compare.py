"""Compare areas: one indicator across areas, coloured and labelled by significance against the
chosen benchmark, 95% or 99.8% whiskers, sorted by value or name, and a funnel plot."""
# nav: title=Compare areas; order=20; section=Explore; icon=:material/bar_chart:

import streamlit as st

from dashboard import charts, release
from dashboard.app import compare_ui, ui
from dashboard.figures import comparison, exports, narrative

ui.page_setup("Compare areas")

with ui.guard("the comparison"):
    figs = ui.figures()
    ui.answer_first()
    st.title("Compare areas")
    c1, c2, c3 = st.columns([5, 2, 2])
    indicator_id = ui.choose_indicator(container=c1)
    period = ui.choose_period(figs, container=c2, indicator_id=indicator_id)
    area = ui.choose_area(figs, container=c3)
    # the chart on the left and the other choices beside it, so the whole chart is on the first
    # screen of an analyst's laptop (issue 15); on a phone the columns stack
    left, right = st.columns([3, 1], gap="medium")
    group = compare_ui.choose_group(figs, area, container=right)
    choice = compare_ui.choose_benchmark(figs, area, container=right)
    level = compare_ui.choose_level(container=right)
    sort = ui.url_choice("sort", "Sort", list(charts.SORTS), "value", lambda k: charts.SORTS[k], container=right)
    chart_kind = ui.url_choice("chart", "Chart", ["bars", "funnel"], "bars",
                         lambda k: {"bars": "Bars, ranked", "funnel": "Funnel plot"}[k], container=right,
                         help="A funnel plot shows each area against the number of people counted, with 95% and "
                              "99.8% limits around the benchmark.")
    ui.show_url_notices()
    ind = figs.catalogue[indicator_id]
    table = comparison.compared(figs, ui.store(), indicator_id, period, choice, group.codes)
    bench = comparison.benchmark(figs, ui.store(), indicator_id, period, choice, area)
    if choice.kind == comparison.REGION:
        right.info("Each area is compared with its own region. The line on the chart is the chosen area's region.",
                   icon=":material/info:")
    right.markdown(f"**{ind.name}** — {ind.definition} {ind.polarity_words}. Showing: {group.label}.")
    bench_value = bench.value if bench else None
    bench_label = bench.label if bench else None
    chart = charts.significance_bars(table, ind, period, area, bench_value, bench_label, level, sort)
    suffix = "95" if level == 95 else "998"
    column = f"comparison_{suffix}"
    if sort == "name":
        view = table.sort_values("area_name")
    else:
        view = table.sort_values(["suppressed", "value", "area_name"], ascending=[True, ind.polarity == "low_good", True])
    compared_with = "Compared with " + (narrative.benchmark_name(bench_label) if bench else "benchmark")
    shown = view.assign(
        Area=view["area_name"],
        Value=[release.SUPPRESSED_TEXT if s else ind.format_value(v) for v, s in zip(view["value"], view["suppressed"])],
        **{
            f"{level:g}% interval": [
                compare_ui.interval_text(ind, lo, hi, s)
                for lo, hi, s in zip(view[f"lower_{suffix}"], view[f"upper_{suffix}"], view["suppressed"])
            ],
            compared_with: [narrative.comparison_label(c) for c in view[column]],
            "Trend": view["trend"],
            "People counted": ["" if s or b != b else f"{b:,.0f}" for b, s in zip(view["base"], view["suppressed"])],
            "Source": view["source"],
        },
    )[["Area", "Value", f"{level:g}% interval", compared_with, "Trend", "People counted", "Source"]]
    csv = exports.chart_rows(table, ind)
    funnel = charts.funnel_plot(table, ind, period, area, bench_value, bench_label) if chart_kind == "funnel" else None
    if chart_kind == "bars":
        with left:
            compare_ui.chart_block(chart, "compare_chart", None, "", csv, f"compare-{indicator_id}-{period}")
        with st.expander(f"Table: {ind.short_name}, {period}, by area ({group.label})"):  # one click away
            ui.html_table(shown, f"{ind.short_name}, {period}, by area ({group.label})", key="compare-table",
                          numeric=("Value", "People counted"))
    elif funnel is None:
        ui.html_table(shown, f"{ind.short_name}, {period}, by area ({group.label})", key="compare-table",
                      numeric=("Value", "People counted"))
        st.info("A funnel plot needs a benchmark and a count behind each figure; it is not drawn for medians "
                "or when there is no benchmark.", icon=":material/info:")
    if funnel is not None:
        size_col = "base" if ind.kind == "proportion" else "denominator"
        limits = charts.funnel_limits(ind, bench_value, table[size_col].astype(float).to_numpy())
        ftable = table.assign(
            Area=table["area_name"],
            Value=[release.SUPPRESSED_TEXT if s else ind.format_value(v) for v, s in zip(table["value"], table["suppressed"])],
            **{
                "Counted": ["" if s or b != b else f"{b:,.0f}" for b, s in zip(table[size_col], table["suppressed"])],
                "95% limits": ["" if s else f"{ind.format_value(lo)} to {ind.format_value(hi)}"
                               for lo, hi, s in zip(limits[95][0], limits[95][1], table["suppressed"])],
                "99.8% limits": ["" if s else f"{ind.format_value(lo)} to {ind.format_value(hi)}"
                                 for lo, hi, s in zip(limits[99.8][0], limits[99.8][1], table["suppressed"])],
            },
        )[["Area", "Value", "Counted", "95% limits", "99.8% limits"]]
        with left:
            compare_ui.chart_block(funnel, "funnel_chart", ftable, f"Funnel plot data, {ind.short_name}, {period}", csv,
                                   f"funnel-{indicator_id}-{period}", numeric=("Value", "Counted"))
        # read after the chart, so the chart starts on the first screen
        st.markdown("Each dot is an area, its colour, shape and legend saying better, similar or worse than the "
                    "benchmark (outside the 95% limits). Areas with more people counted sit further right, where "
                    "chance moves the figure less, so the limits narrow. A dot outside the dotted 99.8% lines is "
                    "very unlikely to differ from the benchmark by chance.")
        with st.expander(f"Table: {ind.short_name}, {period}, by area ({group.label})"):  # one click away
            ui.html_table(shown, f"{ind.short_name}, {period}, by area ({group.label})", key="compare-table",
                          numeric=("Value", "People counted"))
    compare_ui.published_only_note(table)
    st.caption(ui.source_line(figs, indicator_id, period) + f" Caveats: {ind.caveats}")
    compare_ui.group_editor(figs)
