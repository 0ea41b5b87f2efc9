"""Map: a hex map of the 153 English councils, coloured by significance or quintile; choosing
an area opens its profile."""
# nav: title=Map; order=26; section=Explore; icon=:material/hexagon:

import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.views.map import COLOUR_BY, CREDIT, map_view

ui.page_setup("Map")

@st.fragment
def profile_link(names: dict, area: str, period: str) -> None:
    """The area picker under the map: choosing an area reruns only this part (the link), not
    the map and its table (a Streamlit fragment; its own guard, as a fragment reruns alone)."""
    with ui.guard("the area picker"):
        st.subheader("Open an area's profile")
        target = st.selectbox("Area", list(names), index=list(names).index(area) if area in names else 0,
                              format_func=lambda c: names[c], key=ui.widget_key("map_area"))
        st.page_link("pages/profile.py", label=f"Open the profile of {names.get(target, target)}",
                     icon=":material/arrow_forward:", query_params={"area": target, "period": period})


with ui.guard("the map"):
    figs = ui.figures()
    st.title("Map")
    c1, c2, c3, c4, c5 = st.columns([3, 2, 2, 3, 2])
    indicator_id = ui.choose_indicator(container=c1)
    period = ui.choose_period(figs, container=c2, indicator_id=indicator_id)
    area = ui.choose_area(figs, container=c3)
    choice = compare_ui.choose_benchmark(figs, area, container=c4)
    level = compare_ui.choose_level(container=c5)
    colour_by = ui.url_choice("colour", "Colour by", list(COLOUR_BY), "significance", lambda k: COLOUR_BY[k],
                              widget="radio")
    ui.show_url_notices()
    view = map_view(figs, ui.store(), indicator_id, period, area, choice, level, colour_by)
    ind = view.ind
    st.markdown(f"**{ind.name}**, {period}. {ind.polarity_words}. White hexes are councils with no data here. "
                "Click a hex to open that council's profile (or choose an area below the map).")
    notice = st.container()  # above the map: what a click on a hex without data says, on screen at once
    left, right = st.container(), st.container()
    with left:
        event = compare_ui.chart_block(view.chart, "hex_map", None, "", view.csv,
                                       f"map-{indicator_id}-{period}", on_select=True, width="content")
        st.caption(CREDIT)
    names = dict(zip(figs.areas["area_code"], figs.areas["area_name"]))
    picked = None
    try:
        points = event.selection.points if event else []
        if points:
            picked = points[0]["customdata"][0]
    except (AttributeError, KeyError, IndexError, TypeError):
        picked = None
    if picked and picked in names:  # a hex with data: open its profile straight away
        st.switch_page("pages/profile.py", query_params={"area": picked, "period": period})
    elif picked:
        notice.info(view.no_profile(picked), icon=":material/info:")
    with right:
        profile_link(names, area, period)
        ui.html_table(view.table, f"Areas with data on the map ({len(view.table)} of {view.councils} councils)",
                      key="map-table",
                      numeric=("Value",))
