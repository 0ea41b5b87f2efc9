"""Area profile: a spine chart of every indicator for one area, grouped by domain."""
# nav: title=Area profile; order=15; section=Explore; icon=:material/view_timeline:

import streamlit as st

from dashboard import charts, release
from dashboard.app import compare_ui, ui
from dashboard.figures import comparison, exports, narrative

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
    store = ui.store()
    name = figs.area_name(area)
    rows = comparison.profile(figs, store, area, period, choice, group.codes, level)
    if rows.empty:
        st.warning(f"There are no figures for {period}.")
    else:
        st.markdown(
            f"Every indicator for **{name}** in **{period}**. The black line in the middle is the benchmark; "
            f"the light bar is the range across {group.words} "
            "and the darker bar its middle half (25th to 75th percentile). Better is to the right. "
            f"The marker's shape, colour and the word in the table say how {name} compares at {level:g}%."
        )
        chart = charts.spine_chart(rows, name, period, group.words)
        table = rows.assign(
            Indicator=[narrative.indicator_label(d, i) for d, i in zip(rows["domain_name"], rows["indicator"])],
            Count=["" if s or c != c else f"{c:,.0f}" for c, s in zip(rows["count"], rows["suppressed"])],
            Value=[release.SUPPRESSED_TEXT if s else figs.catalogue[i].format_value(v)
                   for i, v, s in zip(rows["indicator_id"], rows["value"], rows["suppressed"])],
            Benchmark=[figs.catalogue[i].format_value(v) for i, v in zip(rows["indicator_id"], rows["benchmark_value"])],
            Lowest=[figs.catalogue[i].format_value(v) for i, v in zip(rows["indicator_id"], rows["lowest"])],
            **{
                "Middle half": [f"{figs.catalogue[i].format_value(a)} to {figs.catalogue[i].format_value(b)}" if a == a else "–"
                              for i, a, b in zip(rows["indicator_id"], rows["q25"], rows["q75"])],
                "Highest": [figs.catalogue[i].format_value(v) for i, v in zip(rows["indicator_id"], rows["highest"])],
                "Compared": [narrative.comparison_label(c) for c in rows["comparison"]],
                "Trend": [f"{a} {t}" for a, t in zip(rows["trend_arrow"], rows["trend"])],
            },
        )[["Indicator", "Count", "Value", "Benchmark", "Lowest", "Middle half", "Highest", "Compared", "Trend"]]
        csv = exports.chart_rows(
            rows.assign(geography_code=area, area_name=name, period=period,
                        **{f"lower_{'95' if level == 95 else '998'}": rows["lower"],
                           f"upper_{'95' if level == 95 else '998'}": rows["upper"],
                           f"comparison_{'95' if level == 95 else '998'}": rows["comparison"]}).drop(columns=["comparison"]),
            figs.catalogue[rows["indicator_id"].iloc[0]],
        )
        csv["indicator_id"] = list(rows["indicator_id"])
        csv["indicator"] = [figs.catalogue[i].name for i in rows["indicator_id"]]
        csv["unit"] = [figs.catalogue[i].unit_suffix.strip() or figs.catalogue[i].unit for i in rows["indicator_id"]]
        compare_ui.chart_block(chart, "spine_chart", None, "", csv, f"profile-{area}-{period}")
        ui.html_table(table, f"{name}, {period}: every indicator", key="profile-table",
                      numeric=("Count", "Value", "Benchmark", "Lowest", "Highest"))
        st.caption(f"Benchmark: {choice.group.label if choice.group else comparison.BENCHMARK_OPTIONS[choice.kind]}. "
                   "Sources: local data exports and the published ASCOF file (NHS England, Open Government Licence v3.0), "
                   f"{period}. Counts of 1-4 and figures from fewer than 5 people are not shown.")
