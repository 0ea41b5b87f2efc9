"""Worse and getting worse: areas significantly worse than their benchmark AND with a trend
that is getting worse, for every indicator with a polarity."""
# nav: title=Worse and getting worse; order=29; section=Explore; icon=:material/trending_down:

import pandas as pd
import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.figures import comparison, exports, narrative

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
    found = comparison.worse_and_worsening(figs, ui.store(), period, choice, group.codes, level)
    st.markdown(
        f"Areas among {group.words} that are **significantly worse** than their benchmark at {level:g}% in "
        f"{period} **and** whose trend over the latest five years is **getting worse**. These are the places "
        "to look at first. Indicators with no better or worse direction are left out."
    )
    if found.empty:
        st.success(f"No area among {group.words} is both significantly worse than its benchmark and getting worse "
                   f"in {period}.", icon=":material/check_circle:")
    else:
        table = pd.DataFrame({
            "Area": found["area_name"],
            "Indicator": [narrative.indicator_label(d, i) for d, i in zip(found["domain_name"], found["indicator"])],
            "Value": [figs.catalogue[i].format_value(v) for i, v in zip(found["indicator_id"], found["value"])],
            f"{level:g}% interval": [f"{figs.catalogue[i].format_value(lo)} to {figs.catalogue[i].format_value(hi)}"
                                     for i, lo, hi in zip(found["indicator_id"], found["lower"], found["upper"])],
            "Benchmark": [f"{figs.catalogue[i].format_value(v)} ({lab})" for i, v, lab in
                          zip(found["indicator_id"], found["benchmark_value"], found["benchmark_label"])],
            "Compared": "✖ Worse",
            "Trend": found["trend"],
            "Source": found["source"],
        })
        sentence = (f"{len(found)} area and indicator pair{'s' if len(found) != 1 else ''} in {period} "
                    f"{'are' if len(found) != 1 else 'is'} significantly worse than the benchmark and getting worse.")
        st.markdown(f"<p class='gl-narrative'>{sentence}</p>", unsafe_allow_html=True)
        ui.html_table(table, f"Worse and getting worse, {period} ({group.label})", key="worse-table",
                      numeric=("Value",))
        csv = found.rename(columns={"area_code": "geography_code", "lower": f"lower_{'95' if level == 95 else '998'}",
                                    "upper": f"upper_{'95' if level == 95 else '998'}"})
        rows = []
        for indicator_id, part in csv.groupby("indicator_id", sort=False):
            out = exports.chart_rows(part.assign(**{f"comparison_{'95' if level == 95 else '998'}": part["comparison"]})
                                     .drop(columns=["comparison"]), figs.catalogue[indicator_id])
            rows.append(out)
        st.download_button("Download this list (CSV)", exports.to_csv(pd.concat(rows, ignore_index=True)),
                           file_name=f"worse-and-worsening-{period}.csv", mime="text/csv", key="worse-csv",
                           icon=":material/download:", on_click="ignore")
        for code in found["area_code"].unique()[:12]:
            st.page_link("pages/profile.py", label=f"Open the profile of {figs.area_name(code)}",
                         icon=":material/arrow_forward:", query_params={"area": code, "period": period})
    st.caption("Sources: local data exports and the published ASCOF file (NHS England, Open Government Licence v3.0). "
               "Figures from fewer than 5 people are never compared.")
