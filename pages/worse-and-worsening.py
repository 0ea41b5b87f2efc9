"""Worse and getting worse: areas significantly worse than their benchmark AND with a trend
that is getting worse, for every indicator with a polarity."""
# nav: title=Worse and getting worse; order=29; section=Explore; icon=:material/trending_down:

import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.views.common import csv_bytes
from dashboard.views.worse import worse_and_worsening

ui.page_setup("Worse and getting worse")

with ui.guard("the list of areas worse and getting worse"):
    figs = ui.figures()
    st.title("Worse and getting worse")
    c1, c2, c3, c4, c5 = st.columns([2, 2, 3, 2, 2])
    area = ui.choose_area(figs, container=c1)
    period = ui.choose_period(figs, container=c2)
    group = compare_ui.choose_group(figs, area, container=c3)
    choice = compare_ui.choose_benchmark(figs, area, container=c4)
    level = compare_ui.choose_level(container=c5)
    ui.show_url_notices()
    view = worse_and_worsening(figs, ui.store(), period, group, choice, level)
    found = view.found
    st.markdown(
        f"Areas among {group.words} that are **significantly worse** than their benchmark at {level:g}% in "
        f"{period} **and** whose trend over the latest five years is **getting worse**. These are the places "
        "to look at first. Indicators with no better or worse direction are left out."
    )
    if found.empty:
        st.success(f"No area among {group.words} is both significantly worse than its benchmark and getting worse "
                   f"in {period}.", icon=":material/check_circle:")
    else:
        st.markdown(f"<p class='gl-narrative'>{view.sentence}</p>", unsafe_allow_html=True)
        ui.html_table(view.table, f"Worse and getting worse, {period} ({group.label})", key="worse-table",
                      numeric=("Value",))
        st.download_button("Download this list (CSV)", csv_bytes(view.csv),
                           file_name=f"worse-and-worsening-{period}.csv", mime="text/csv", key="worse-csv",
                           icon=":material/download:", on_click="ignore")
        for code in found["area_code"].unique()[:12]:
            st.page_link("pages/profile.py", label=f"Open the profile of {figs.area_name(code)}",
                         icon=":material/arrow_forward:", query_params={"area": code, "period": period})
    st.caption("Sources: local data exports and the published ASCOF file (NHS England, Open Government Licence v3.0). "
               "Figures from fewer than 5 people are never compared.")
