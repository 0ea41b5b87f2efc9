"""Compare areas: one indicator across areas, coloured and labelled by significance against the
chosen benchmark, 95% or 99.8% whiskers, sorted by value or name, and a funnel plot."""
# nav: title=Compare areas; order=20; section=Explore; icon=:material/bar_chart:

import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.views.compare import SORTS, compare

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
    sort = ui.url_choice("sort", "Sort", list(SORTS), "value", lambda k: SORTS[k], container=right)
    chart_kind = ui.url_choice("chart", "Chart", ["bars", "funnel"], "bars",
                         lambda k: {"bars": "Bars, ranked", "funnel": "Funnel plot"}[k], container=right,
                         help="A funnel plot shows each area against the number of people counted, with 95% and "
                              "99.8% limits around the benchmark.")
    ui.show_url_notices()
    view = compare(figs, ui.store(), indicator_id, period, area, group, choice, level, sort, chart_kind)
    ind, shown, csv, funnel = view.ind, view.shown, view.csv, view.funnel
    if view.by_region:
        right.info("Each area is compared with its own region. The line on the chart is the chosen area's region.",
                   icon=":material/info:")
    if view.missing_benchmark:
        right.info(view.missing_benchmark, icon=":material/info:")
    right.markdown(f"**{ind.name}** — {ind.definition} {ind.polarity_words}. Showing: {group.label}.")
    if chart_kind == "bars":
        with left:
            compare_ui.chart_block(view.chart, "compare_chart", None, "", csv, f"compare-{indicator_id}-{period}")
        with st.expander(f"Table: {ind.short_name}, {period}, by area ({group.label})"):  # one click away
            ui.html_table(shown, f"{ind.short_name}, {period}, by area ({group.label})", key="compare-table",
                          numeric=("Value", "People counted"))
    elif funnel is None:
        ui.html_table(shown, f"{ind.short_name}, {period}, by area ({group.label})", key="compare-table",
                      numeric=("Value", "People counted"))
        st.info("A funnel plot needs a benchmark and a count behind each figure; it is not drawn for medians "
                "or when there is no benchmark.", icon=":material/info:")
    if funnel is not None:
        with left:
            compare_ui.chart_block(funnel, "funnel_chart", view.funnel_table, f"Funnel plot data, {ind.short_name}, {period}", csv,
                                   f"funnel-{indicator_id}-{period}", numeric=("Value", "Counted"))
        # read after the chart, so the chart starts on the first screen
        st.markdown("Each dot is an area, its colour, shape and legend saying better, similar or worse than the "
                    "benchmark (outside the 95% limits). Areas with more people counted sit further right, where "
                    "chance moves the figure less, so the limits narrow. A dot outside the dotted 99.8% lines is "
                    "very unlikely to differ from the benchmark by chance.")
        with st.expander(f"Table: {ind.short_name}, {period}, by area ({group.label})"):  # one click away
            ui.html_table(shown, f"{ind.short_name}, {period}, by area ({group.label})", key="compare-table",
                          numeric=("Value", "People counted"))
    compare_ui.published_only_note(view.table)
    st.caption(ui.source_line(figs, indicator_id, period) + f" Caveats: {ind.caveats}")
    compare_ui.group_editor(figs)
