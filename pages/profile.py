"""Area profile: a spine chart of every indicator for one area, grouped by domain."""
# nav: title=Area profile; order=15; section=Explore; icon=:material/view_timeline:

import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.views.profile import profile

ui.page_setup("Area profile")

with ui.guard("the area profile"):
    figs = ui.figures()
    st.title("Area profile")
    c1, c2, c3, c4, c5 = st.columns([2, 2, 3, 2, 2])
    area = ui.choose_area(figs, container=c1)
    period = ui.choose_period(figs, container=c2)
    group = compare_ui.choose_group(figs, area, container=c3, label="Spread across")
    choice = compare_ui.choose_benchmark(figs, area, container=c4)
    level = compare_ui.choose_level(container=c5)
    ui.show_url_notices()
    name = figs.area_name(area)
    view = profile(figs, ui.store(), area, period, group, choice, level)
    if view.rows.empty:
        st.warning(f"There are no figures for {period}.")
    else:
        st.markdown(
            f"Every indicator for **{name}** in **{period}**. The black line in the middle is the benchmark; "
            f"the light bar is the range across {group.words} "
            "and the darker bar its middle half (25th to 75th percentile). Better is to the right. "
            f"The marker's shape, colour and the word in the table say how {name} compares at {level:g}%."
        )
        compare_ui.chart_block(view.chart, "spine_chart", None, "", view.csv, f"profile-{area}-{period}")
        ui.html_table(view.table, f"{name}, {period}: every indicator", key="profile-table",
                      numeric=("Count", "Value", "Benchmark", "Lowest", "Highest"))
        st.caption(f"Benchmark: {view.benchmark_words}. "
                   "Sources: local data exports and the published ASCOF file (NHS England, Open Government Licence v3.0), "
                   f"{period}. Counts of 1-4 and figures from fewer than 5 people are not shown.")
