"""Grid: indicators x areas, each cell the value, coloured and marked by significance."""
# nav: title=Grid of areas; order=22; section=Explore; icon=:material/grid_on:

import streamlit as st

from dashboard import release
from dashboard.app import compare_ui, ui
from dashboard.figures import catalogue, comparison, exports

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
    store = ui.store()
    indicators = [i for i in figs.catalogue.indicators if domain == "all" or i.domain == domain]
    column = "comparison_95" if level == 95 else "comparison_998"
    cells, csv_parts = [], []
    for ind in indicators:
        if period not in figs.periods(ind.id):
            continue
        frame = comparison.compared(figs, store, ind.id, period, choice, group.codes, with_trend=True)
        bench = comparison.benchmark(figs, store, ind.id, period, choice, area)
        for row in frame.itertuples():
            cells.append({
                "indicator_id": ind.id, "geography_code": row.geography_code,
                "text": release.SUPPRESSED_TEXT if row.suppressed else ind.format_value(row.value),
                "comparison": getattr(row, column),
                "benchmark_text": "each area's region" if choice.kind == comparison.REGION else (
                    ind.format_value(bench.value) if bench else "–"),
            })
        csv_parts.append(exports.chart_rows(frame, ind))
    import pandas as pd

    cells = pd.DataFrame(cells, columns=["indicator_id", "geography_code", "text", "comparison", "benchmark_text"])
    area_cols = [(c, figs.area_name(c)) for c in group.codes]
    rows = [(i.id, f"{i.short_name} ({i.unit_suffix.strip() or i.unit})") for i in indicators
            if i.id in set(cells["indicator_id"])]
    counts = cells["comparison"].value_counts()
    sentence = (f"Grid of {len(rows)} indicators for {len(area_cols)} areas ({group.words}) in {period}, "
                f"each cell coloured and marked by comparison with the benchmark at {level:g}%: "
                + ", ".join(f"{int(counts[c])} {c}" for c in counts.index) + ".")
    st.markdown(f"Each cell shows the value, and a symbol and a word saying how the area compares with "
                f"{'its region' if choice.kind == comparison.REGION else 'the benchmark'} at {level:g}%.")
    compare_ui.grid_table(cells, rows, area_cols, f"{len(rows)} indicators for {len(area_cols)} areas, {period}", level, area)
    st.caption(sentence)
    csv = pd.concat(csv_parts, ignore_index=True) if csv_parts else exports.chart_rows(pd.DataFrame(), catalogue.load()["control"])
    st.download_button("Download the grid's data (CSV)", exports.to_csv(csv), file_name=f"grid-{period}.csv",
                       mime="text/csv", key="grid-csv", icon=":material/download:", on_click="ignore")
    st.caption("Sources: local data exports and the published ASCOF file (NHS England, Open Government Licence "
               f"v3.0), {period}. Figures from fewer than 5 people are not shown.")
