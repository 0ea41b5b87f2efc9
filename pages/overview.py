"""Overview: the picture for one area at a glance, one tile per domain."""
# nav: title=Overview; order=10; section=Explore; icon=:material/dashboard:

from html import escape

import pandas as pd
import streamlit as st

from dashboard.app import compare_ui, ui
from dashboard.figures import narrative

ui.page_setup("Overview")

with ui.guard("the overview"):
    figs = ui.figures()
    st.title("Overview")
    left, right = st.columns(2)
    area = ui.choose_area(figs, container=left)
    period = ui.choose_period(figs, container=right)
    ui.show_url_notices()
    area_name = figs.area_name(area)
    st.caption(
        f"{area_name}, {period}. Each tile shows one headline indicator for a domain, compared "
        "with England (the published ASCOF value where there is one, otherwise all areas in the "
        "data) using 95% intervals."
    )

    tiles = []
    for domain in figs.catalogue.domains:
        ind = figs.catalogue.headline(domain.id)
        table = figs.areas_for(ind.id, period)
        row = table[table["geography_code"] == area]
        tiles.append((domain, ind, row.iloc[0] if len(row) else None, figs.benchmark(ind.id, period)))

    sentences = []
    for start in range(0, len(tiles), 3):
        for column, (domain, ind, row, bench) in zip(st.columns(3), tiles[start:start + 3]):
            with column:
                if row is None:
                    value_html = "<div class='gl-value'>–</div><p>No figure for this year.</p>"
                    badge = ""
                elif row["suppressed"]:
                    value_html = "<div class='gl-value'>–</div><p>Not shown: fewer than 5 people.</p>"
                    badge = ""
                else:
                    word, symbol, colour = narrative.COMPARISON_STYLE[row["comparison"]]
                    value_html = f"<div class='gl-value'>{ind.format_value(row['value'])}</div>"
                    phrase = narrative.comparison_phrase(row["comparison"], bench.label if bench else None)
                    badge = f"<span class='gl-badge' style='background:{colour}'>{symbol} {escape(phrase[0].upper() + phrase[1:])}</span>"
                bench_html = (
                    f"<p class='gl-muted'>{bench.label}: {ind.format_value(bench.value)}</p>" if bench else
                    "<p class='gl-muted'>No benchmark for this year.</p>"
                )
                source = row["source"] if row is not None else None
                trend = figs.trend(ind.id, area, period=period)
                trend_html = f"<p>{trend.arrow} {escape(narrative.trend_sentence(trend, 5))}</p>"
                st.markdown(
                    f"<div class='gl-tile' data-testid='domain-tile' data-domain='{domain.id}'>"
                    f"<h3>{escape(domain.name)}</h3><p class='gl-muted'>{escape(ind.name)}</p>{value_html}"
                    f"<p>{badge}</p>{bench_html}{trend_html}"
                    f"<p class='gl-muted'>{ui.source_line(figs, ind.id, period, source)}</p></div>",
                    unsafe_allow_html=True,
                )
                if row is not None:
                    sentences.append(
                        narrative.figure_sentence(
                            ind, area_name, period, row["value"], bool(row["suppressed"]),
                            row["comparison"], bench.label if bench else None,
                        )
                    )
        st.write("")

    shown = [row for _, _, row, _ in tiles if row is not None]
    if shown:
        compare_ui.published_only_note(pd.DataFrame(shown))
    st.subheader("In plain English")
    st.markdown("<div class='gl-narrative'>" + "<br>".join(escape(s) for s in sentences) + "</div>",
                unsafe_allow_html=True)
