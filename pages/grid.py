"""Grid: indicators x areas, each cell the value, coloured and marked by significance."""
# nav: title=Grid of areas; order=22; section=Explore; icon=:material/grid_on:

import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.views.common import csv_bytes
from dashboard.views.grid import grid

ui.page_setup("Grid of areas")

with ui.guard("the grid"):
    figs = ui.figures()
    st.title("Grid of areas")
    c1, c2, c3, c4, c5, c6 = st.columns([2, 2, 2, 2, 3, 2])
    area = ui.choose_area(figs, container=c1)
    period = ui.choose_period(figs, container=c2)
    domains = {"all": "All domains", **{d.id: d.name for d in figs.catalogue.domains}}
    domain = ui.url_choice("domain", "Domain", list(domains), "control", lambda d: domains[d], container=c3)
    group = compare_ui.choose_group(figs, area, container=c4)
    choice = compare_ui.choose_benchmark(figs, area, container=c5)
    level = compare_ui.choose_level(container=c6)
    ui.show_url_notices()
    view = grid(figs, ui.store(), period, domain, group, choice, area, level)
    st.markdown(view.intro)
    compare_ui.grid_table(view.cells, view.rows, view.area_cols,
                          f"{len(view.rows)} indicators for {len(view.area_cols)} areas, {period}", level, area)
    st.caption(view.sentence)
    st.download_button("Download the grid's data (CSV)", csv_bytes(view.csv), file_name=f"grid-{period}.csv",
                       mime="text/csv", key="grid-csv", icon=":material/download:", on_click="ignore")
    st.caption("Sources: local data exports and the published ASCOF file (NHS England, Open Government Licence "
               f"v3.0), {period}. Figures from fewer than 5 people are not shown.")
