"""Compare areas: one indicator across areas, ranked, with intervals and the England line."""
# nav: title=Compare areas; order=20; section=Explore; icon=:material/bar_chart:

import streamlit as st

from dashboard import charts, narrative, privacy, ui

ui.page_setup("Compare areas")

with ui.guard("the comparison"):
    figs = ui.figures()
    st.title("Compare areas")
    c1, c2, c3 = st.columns([3, 2, 2])
    indicator_id = ui.choose_indicator(container=c1)
    period = ui.choose_period(figs, container=c2, indicator_id=indicator_id)
    area = ui.choose_area(figs, container=c3)
    ui.show_url_notices()
    ind = figs.catalogue[indicator_id]
    table = figs.areas_for(indicator_id, period)
    bench = figs.benchmark(indicator_id, period)

    st.markdown(f"**{ind.name}** — {ind.definition} {ind.polarity_words}.")
    chart = charts.compare_bars(
        table, ind, period, area, bench.value if bench else None, bench.label if bench else None
    )
    left, right = st.columns([3, 2])
    with left:
        st.plotly_chart(chart.figure, width="stretch", config=charts.PLOTLY_CONFIG, alt=chart.sentence,
                        key="compare_chart")
        st.caption(chart.sentence)
    with right:
        view = table.sort_values(["suppressed", "value", "area_name"], ascending=[True, ind.polarity == "low_good", True])
        shown = view.assign(
            Area=view["area_name"],
            Value=[privacy.SUPPRESSED_TEXT if s else ind.format_value(v) for v, s in zip(view["value"], view["suppressed"])],
            **{
                "95% interval": [
                    "" if s else f"{ind.format_value(lo)} to {ind.format_value(hi)}"
                    for lo, hi, s in zip(view["lower_95"], view["upper_95"], view["suppressed"])
                ],
                "Compared with " + (narrative.benchmark_name(bench.label) if bench else "benchmark"): [
                    narrative.comparison_label(c) for c in view["comparison"]
                ],
                "People counted": ["" if s else f"{b:,.0f}" for b, s in zip(view["base"], view["suppressed"])],
                "Source": view["source"],
            },
        )[["Area", "Value", "95% interval", "Compared with " + (narrative.benchmark_name(bench.label) if bench else "benchmark"), "People counted", "Source"]]
        ui.html_table(shown, f"{ind.short_name}, {period}, by area", key="compare-table",
                      numeric=("Value", "People counted"))
    st.caption(ui.source_line(figs, indicator_id, period) + f" Caveats: {ind.caveats}")
