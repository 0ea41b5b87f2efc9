"""Trends: one indicator over time for an area, its interval band, the benchmark line and the
trend over the latest five years in words."""
# nav: title=Trends; order=24; section=Explore; icon=:material/show_chart:

import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.views.trends import trend_view

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
    view = trend_view(figs, ui.store(), indicator_id, area, period, choice, level)
    ind, name, used = view.ind, view.name, view.used

    st.markdown(f"**{ind.name}** in **{name}** — {ind.definition} {ind.polarity_words}.")
    st.markdown(f"<p class='gl-narrative'>{view.trend_sentence}</p>",
                unsafe_allow_html=True)
    if view.mixed_sources:
        st.caption(f"The trend uses the {used['source'].iloc[-1]} figures only ({used['period'].iloc[0]} to "
                   f"{used['period'].iloc[-1]}): published ASCOF figures and local exports are not the same measurement.")
    if ind.kind == "median":
        st.info("Trends are not tested for medians: the chart shows the values and their intervals only.",
                icon=":material/info:")
    if view.benchmark_label:
        st.markdown(f"Benchmark: {view.benchmark_label}.")
    compare_ui.chart_block(view.chart, "trend_chart", view.table, f"{ind.short_name} in {name} by year", view.csv,
                           f"trend-{indicator_id}-{area}", numeric=("Value", "Benchmark", "People counted"))
    compare_ui.published_only_note(view.series)
    st.caption(ui.source_line(figs, indicator_id, period) + f" Caveats: {ind.caveats}")
