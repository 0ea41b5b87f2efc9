"""Streamlit glue for the theme pages: filters, the findings, and one way to show a panel
(chart with its sentence as text alternative and caption, its table, its CSV download)."""

from __future__ import annotations

import html
import re

import streamlit as st

from dashboard import access, charts
from dashboard.app import auth, compare_ui, ui
from dashboard.figures import exports
from dashboard.views import findings, themes
from dashboard.views.findings import Finding
from dashboard.figures.indicators import Figures


def filters(figs: Figures, period_indicator: str) -> themes.Context:
    """Area, year and comparison group, each kept in the URL."""
    c1, c2, c3 = st.columns(3)
    area = ui.choose_area(figs, container=c1)
    period = ui.choose_period(figs, container=c2, indicator_id=period_indicator)
    group = compare_ui.choose_group(figs, area, container=c3, label="Compare with")  # the comparison pages' groups
    ui.show_url_notices()
    return themes.Context(ui.store(), figs, area, period, group)


def show_findings(findings: list[Finding]) -> None:
    st.markdown(THEME_CSS, unsafe_allow_html=True)
    items = "".join(
        f"<li data-kind='{f.kind}'>{html.escape(f.text)} <a href='#{f.anchor}'>See the key figures</a></li>"
        for f in findings
    )
    st.markdown(
        f"<div class='gl-narrative' data-testid='findings'><p style='margin:0 0 .3rem 0'><b>What the figures say</b></p>"
        f"<ol style='margin-bottom:0'>{items}</ol></div>",
        unsafe_allow_html=True,
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


THEME_CSS = """
<style>
  .gl-table td.gl-num { white-space: normal; }
  .gl-table { margin-bottom: 0.4rem; }
  /* the answer on the first screen: the findings a little smaller, beside the main chart */
  .gl-narrative { font-size: 1.05rem; }
""" + ui.ANSWER_FIRST_CSS + """
</style>
"""


def _heading(panel: themes.Panel) -> None:  # noqa: D103
    st.markdown(f"<h4 id='{panel.key}'>{html.escape(panel.title)}</h4>", unsafe_allow_html=True)


def _chart(panel: themes.Panel) -> None:
    if panel.chart is None:
        if panel.table.empty:
            st.info(panel.empty, icon=":material/info:")
        return
    if panel.chart.empty:  # no empty charts: the sentence instead
        st.info(panel.chart.sentence, icon=":material/info:")
        return
    st.plotly_chart(panel.chart.figure, width="stretch", config=charts.PLOTLY_CONFIG, alt=panel.chart.sentence,
                    key=f"chart_{panel.key}")
    st.caption(panel.chart.sentence)


def _download(panel: themes.Panel, ctx: themes.Context) -> None:
    if panel.table.empty:
        return
    st.download_button(
        f"Download CSV: {panel.title}",
        data=panel.csv_bytes(),
        file_name=f"{panel.key}_{ctx.area}_{ctx.period}.csv",
        mime="text/csv",
        key=f"download_{panel.key}",
        on_click="ignore",
        icon=":material/download:",
        wrap=True,
    )


def _table(panel: themes.Panel, expanded: bool = False) -> None:
    """The chart's figures as an accessible table, in a section the reader opens."""
    if panel.table.empty:
        return
    with st.expander(f"Table: {panel.title}", expanded=expanded):
        _panel_table(panel)
        if panel.note:
            st.caption(panel.note)


def show_panel(panel: themes.Panel, ctx: themes.Context, heading: bool = True, expanded: bool = False) -> None:
    """Chart (its sentence as alt text and caption), its CSV download and its table."""
    if heading:
        _heading(panel)
    _chart(panel)
    _download(panel, ctx)
    _table(panel, expanded)


def section(title: str, panels: list[themes.Panel], ctx: themes.Context, intro: str | None = None,
            lead: bool = False) -> None:
    """A heading, an optional sentence, the charts side by side (two to a row) with their
    downloads and, below them at full width, each chart's table. The ``lead`` section (the main
    charts, just under the findings) has no heading of its own (each chart has one) and its
    sentence comes after the charts, so the first chart is on the first screen."""
    if not lead:
        st.subheader(title, anchor=_slug(title))
        if intro:
            st.write(intro)
    if len(panels) == 1:
        show_panel(panels[0], ctx, heading=lead)
    for start in range(0, len(panels) if len(panels) > 1 else 0, 2):
        row = panels[start:start + 2]
        for column, panel in zip(st.columns(2, gap="large"), row):
            with column:
                _heading(panel)
                _chart(panel)
                _download(panel, ctx)
        for panel in row:
            _table(panel)
    if lead and intro:
        st.caption(intro)


def _panel_table(panel: themes.Panel) -> None:
    """The panel's table (its HTML made once per panel: ``Panel.kept``)."""
    st.markdown(panel.kept("table_html", lambda: ui.table_html(panel.table, panel.caption, key=f"table-{panel.key}",
                                                              numeric=panel.numeric)), unsafe_allow_html=True)


def key_figures(panel: themes.Panel, ctx: themes.Context) -> None:
    st.subheader("Key figures", anchor="key-figures")
    _panel_table(panel)
    _download(panel, ctx)
    if panel.note:
        st.caption(panel.note)


def recorded_actions(ctx: themes.Context) -> None:
    """Actions recorded by editors between meetings, open and completed."""
    table, counts = themes.recorded_actions(ctx.store, ctx.figs, ctx.area)
    table = access.staff_view(table, auth.current_user(), ctx.area)  # owners' names: editors only
    st.markdown("<h4 id='recorded-actions'>Actions agreed between meetings</h4>", unsafe_allow_html=True)
    if table.empty:
        st.info(f"No “you said, we did” actions have been recorded for {ctx.area_name} yet. Editors record them on "
                "the “You said, we did” page.", icon=":material/info:")
        return
    done = counts.get("completed", 0)
    st.markdown(
        f"<p data-testid='recorded-actions-summary'>{html.escape(ctx.area_name)}: <b>{done} of {counts['total']}</b> recorded "
        f"actions completed; {counts.get('open', 0)} open, {counts.get('in progress', 0)} in progress"
        f"{', ' + str(counts['overdue']) + ' overdue' if counts.get('overdue') else ''}.</p>",
        unsafe_allow_html=True,
    )
    ui.html_table(table, f"“You said, we did” actions recorded for {ctx.area_name}, open first",
                  key="table-recorded-actions")
    st.download_button("Download CSV: actions agreed between meetings", data=exports.to_csv(table),
                       file_name=f"actions_{ctx.area}.csv", mime="text/csv", key="download_recorded_actions",
                       on_click="ignore", icon=":material/download:")


@st.cache_resource(max_entries=24, show_spinner="Working out the figures for this page…")
def _page(theme_key: str, snapshot: str, area: str, period: str, group_key: str, group_label: str,
          group_codes: tuple[str, ...]):
    """Findings, key figures and every section of a theme page, built once per snapshot (``ui.snapshot_key``) and
    choice (charts, tables and CSVs hold no editor-only data, so every session may share them)."""
    from dashboard.figures.groups import Group

    ctx = themes.Context(ui.store(), ui.figures(), area, period, Group(group_key, group_label, tuple(group_codes)))
    theme = themes.THEMES[theme_key]
    return findings.for_page(ctx, theme), themes.key_figures_panel(ctx, theme), themes.SECTIONS[theme_key](ctx)


def render(theme_key: str, ctx: themes.Context, after: dict | None = None) -> None:
    """The page body: findings and the first section (the main charts) on the first screen, then
    the key figures and every other section one click away, a tab each; ``after`` maps a section
    key to a function drawn just after it (for parts that must not be cached, such as recorded
    actions)."""
    group = ctx.comparison_group
    found, key_panel, sections = _page(theme_key, ui.snapshot_key(ctx.store),
                                       ctx.area, ctx.period, group.key, group.label, tuple(group.codes))
    first, rest = sections[0], sections[1:]
    # the answer on the first screen: the findings beside the main chart (stacked on a phone),
    # then the first section's other charts
    left, right = st.columns(2, gap="large")
    with left:
        show_findings(found)
    with right:
        show_panel(first.panels[0], ctx)
    _section_with_after(themes.Section(first.key, first.title, first.panels[1:], first.intro), ctx, after, lead=True)
    # the rest one click away: the key figures (where the findings point) open first
    tabs = st.tabs(["Key figures"] + [sec.title for sec in rest], key=f"tabs-{theme_key}")
    with tabs[0]:
        key_figures(key_panel, ctx)
    for tab, sec in zip(tabs[1:], rest):
        with tab:
            _section_with_after(sec, ctx, after)


def _section_with_after(sec: themes.Section, ctx: themes.Context, after: dict | None, lead: bool = False) -> None:
    section(sec.title, sec.panels, ctx, sec.intro, lead=lead)
    if after and sec.key in after:
        after[sec.key](ctx)
