"""Overview: the picture for one area at a glance, one tile per domain."""
# nav: title=Overview; order=10; section=Explore; icon=:material/dashboard:

import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.views import overview

ui.page_setup("Overview")

with ui.guard("the overview"):
    figs = ui.figures()
    st.title("Overview")
    left, right = st.columns(2)
    area = ui.choose_area(figs, container=left)
    period = ui.choose_period(figs, container=right)
    ui.show_url_notices()
    st.caption(overview.caption(figs.area_name(area), period))

    shown = overview.overview(figs, area, period)
    for start in range(0, len(shown.tiles), 3):
        for column, tile in zip(st.columns(3), shown.tiles[start:start + 3]):
            column.markdown(tile, unsafe_allow_html=True)
        st.write("")
    if not shown.shown.empty:
        compare_ui.published_only_note(shown.shown)
    st.subheader("In plain English")
    st.markdown(shown.narrative_html, unsafe_allow_html=True)
