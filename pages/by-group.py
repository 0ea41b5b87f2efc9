"""By group: an indicator split by age band, primary support reason and mechanism of delivery,
with intervals (for example control over daily life with a direct payment against
council-commissioned support only)."""
# nav: title=By group; order=28; section=Explore; icon=:material/groups:

import pandas as pd
import streamlit as st

from dashboard import charts, release
from dashboard.app import compare_ui, ui
from dashboard.figures import comparison, exports
from dashboard.views.common import counts

ui.page_setup("By group")

SCOPES = {"area": "The chosen area", "group": "The areas shown together"}

with ui.guard("the groups"):
    figs = ui.figures()
    st.title("By group")
    c1, c2, c3, c4, c5 = st.columns([3, 2, 2, 2, 3])
    ids = [i.id for i in figs.catalogue.indicators if i.split_query]
    names = {i: figs.catalogue[i].name for i in ids}
    indicator_id = ui.url_choice("indicator", "Indicator", ids, "control", lambda i: names[i], container=c1)
    period = ui.choose_period(figs, container=c2, indicator_id=indicator_id)
    area = ui.choose_area(figs, container=c3)
    scope = ui.url_choice("scope", "Count", list(SCOPES), "area", lambda k: SCOPES[k], container=c4)
    group = compare_ui.choose_group(figs, area, container=c5) if scope == "group" else None
    ui.show_url_notices()
    ind = figs.catalogue[indicator_id]
    codes = list(group.codes) if group else [area]
    where = group.words if group else figs.area_name(area)
    rows = comparison.splits(ui.store(), indicator_id, codes, period)
    st.markdown(f"**{ind.name}** in **{where}**, {period}, for different groups of people. {ind.polarity_words}. "
                "Bars show 95% intervals: where two groups' intervals do not overlap, the difference is unlikely "
                "to be chance.")
    if rows.empty:
        st.warning(f"There are no answers for {ind.short_name.lower()} in {where} in {period}.")
    else:
        everyone = rows[rows["dimension"] == "everyone"].iloc[0]
        overall = None if everyone["suppressed"] else float(everyone["value"])
        if everyone["suppressed"]:
            st.markdown(f"Everyone: **{release.not_shown(everyone['suppression_reason'])}**.")
        else:
            counted = "" if everyone["base"] != everyone["base"] else f" ({everyone['base']:,.0f} people counted)"
            st.markdown(f"Everyone: **{ind.format_value(overall)}**{counted}.")
        for dimension in comparison.DIMENSIONS:
            part = rows[rows["dimension"] == dimension]
            if part.empty:
                continue
            st.subheader(f"By {dimension}")
            chart = charts.group_bars(part, ind.short_name, dimension, where, period, overall)
            table = pd.DataFrame({
                "Group": part["group_name"],
                "Value": release.shown_values(part, ind.format_value),
                "95% interval": ["" if s else f"{ind.format_value(lo)} to {ind.format_value(hi)}"
                                 for lo, hi, s in zip(part["lower_95"], part["upper_95"], part["suppressed"])],
                "People counted": counts(part["base"], part["suppressed"]),
            })
            csv = exports.chart_rows(part.assign(area_name=part["group_name"], geography_code=",".join(codes),
                                                 period=period, source="local data", trend=None), ind)
            csv.insert(2, "split", dimension)
            compare_ui.chart_block(chart, f"group_{dimension.replace(' ', '_')}", table,
                                   f"{ind.short_name} by {dimension}, {where}, {period}", csv,
                                   f"by-group-{indicator_id}-{compare_ui.slug(dimension)}-{period}",
                                   numeric=("Value", "People counted"))
    st.caption(f"Source: {ind.source_dataset}, {period}. Groups with fewer than 5 people are not shown, and where "
               "one group alone would be revealed by the total, the next smallest is hidden too. Counts are rounded "
               "to the nearest 5; areas counted together show no counts, and need at least 3 councils.")
