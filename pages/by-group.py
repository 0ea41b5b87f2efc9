"""By group: an indicator split by age band, primary support reason and mechanism of delivery,
with intervals (for example control over daily life with a direct payment against
council-commissioned support only)."""
# nav: title=By group; order=28; section=Explore; icon=:material/groups:

import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.views.bygroup import by_group, split_indicators

ui.page_setup("By group")

SCOPES = {"area": "The chosen area", "group": "The areas shown together"}

with ui.guard("the groups"):
    figs = ui.figures()
    st.title("By group")
    c1, c2, c3, c4, c5 = st.columns([3, 2, 2, 2, 3])
    names = split_indicators(figs)
    indicator_id = ui.url_choice("indicator", "Indicator", list(names), "control", lambda i: names[i], container=c1)
    period = ui.choose_period(figs, container=c2, indicator_id=indicator_id)
    area = ui.choose_area(figs, container=c3)
    scope = ui.url_choice("scope", "Count", list(SCOPES), "area", lambda k: SCOPES[k], container=c4)
    group = compare_ui.choose_group(figs, area, container=c5) if scope == "group" else None
    ui.show_url_notices()
    codes = list(group.codes) if group else [area]
    view = by_group(figs, ui.store(), indicator_id, codes, group.words if group else figs.area_name(area), period)
    ind, where = view.ind, view.where
    st.markdown(f"**{ind.name}** in **{where}**, {period}, for different groups of people. {ind.polarity_words}. "
                "Bars show 95% intervals: where two groups' intervals do not overlap, the difference is unlikely "
                "to be chance.")
    if view.empty:
        st.warning(f"There are no answers for {ind.short_name.lower()} in {where} in {period}.")
    else:
        st.markdown(view.everyone)
        for split in view.splits:
            st.subheader(f"By {split.dimension}")
            compare_ui.chart_block(split.chart, f"group_{split.dimension.replace(' ', '_')}", split.table,
                                   f"{ind.short_name} by {split.dimension}, {where}, {period}", split.csv,
                                   f"by-group-{indicator_id}-{compare_ui.slug(split.dimension)}-{period}",
                                   numeric=("Value", "People counted"))
    st.caption(f"Source: {ind.source_dataset}, {period}. Groups with fewer than 5 people are not shown, and where "
               "one group alone would be revealed by the total, the next smallest is hidden too. Counts are rounded "
               "to the nearest 5; areas counted together show no counts, and need at least 3 councils.")
