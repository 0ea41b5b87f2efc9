"""Streamlit glue for the comparison pages (profile, compare, grid, trends, map, by group,
worse and getting worse): group and benchmark choices kept in the URL, and the chart block
every chart shares (chart with its sentence as text alternative and caption, a table of its
data, a CSV download)."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.app import auth, ui
from dashboard.figures import comparison, exports, groups
from dashboard.figures.indicators import PUBLISHED, Figures
from dashboard.views.common import interval_text  # noqa: F401  (pages call compare_ui.interval_text)


#: what the "Compare with" box shows: short enough not to be cut off in a narrow column (the
#: full wording is in its help and in each page's caption)
SHORT_BENCHMARK_LABELS = {comparison.ENGLAND: "England", comparison.REGION: "Its region",
                          comparison.GROUP: "A group's average"}


def saved_groups() -> pd.DataFrame:
    return groups.named_groups(ui.store())


def choose_group(figs: Figures, area: str, container=None, name: str = "group",
                 label: str = "Areas shown") -> groups.Group:
    saved = saved_groups()
    options = groups.group_options(figs.areas, saved, area)
    key = ui.url_choice(name, label, list(options), groups.ALL, lambda k: options.get(k, k), container=container,
                        help="Which areas the page shows: all areas, the same region or council type, or a named group.")
    return groups.resolve(key, figs.areas, saved, area)


def choose_benchmark(figs: Figures, area: str, container=None) -> comparison.Choice:
    where = container or st
    kind = ui.url_choice("benchmark", "Compare with", list(comparison.BENCHMARK_OPTIONS), comparison.ENGLAND,
                         lambda k: SHORT_BENCHMARK_LABELS.get(k, comparison.BENCHMARK_OPTIONS[k]), container=where,
                         help="The benchmark each area is compared with. England: the published ASCOF value where "
                              "there is one, otherwise the average of all areas in the data. A group's average adds "
                              "up its areas.")
    if kind != comparison.GROUP:
        return comparison.Choice(kind)
    group = choose_group(figs, area, container=where, name="benchmark_group", label="Group for the benchmark")
    return comparison.Choice(kind, group)


def choose_level(container=None) -> float:
    level = ui.url_choice("level", "Interval", list(comparison.LEVELS), "95", lambda k: f"{k}%",
                          widget="radio", container=container,
                          help="95%: the usual test. 99.8%: a stricter test, for a difference very unlikely to be chance.")
    return comparison.LEVELS[level]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def chart_block(chart: charts.Chart, key: str, table: pd.DataFrame | None, table_caption: str,
                csv_rows: pd.DataFrame | None, file_name: str, numeric: tuple[str, ...] = (),
                on_select: bool = False, width: str = "stretch"):
    """Chart (its sentence as text alternative AND caption), its data as a table, a CSV."""
    kwargs = dict(on_select="rerun", selection_mode="points") if on_select else {}
    if chart.empty:  # no empty charts: the sentence says what there is (or is not)
        st.info(chart.sentence, icon=":material/info:")
        return None
    event = st.plotly_chart(chart.figure, width=width, config=charts.PLOTLY_CONFIG, alt=chart.sentence, key=key,
                            theme=None, **kwargs)
    st.caption(chart.sentence)
    if table is not None:
        with st.expander(f"Table: {table_caption}"):
            ui.html_table(table, table_caption, key=f"{key}-table", numeric=numeric)
    if csv_rows is not None:
        st.download_button("Download the chart's data (CSV)", exports.to_csv(csv_rows), file_name=f"{file_name}.csv",
                           mime="text/csv", key=f"{key}-csv", icon=":material/download:", on_click="ignore")
    return event


PUBLISHED_ONLY_NOTE = ("Published ASCOF values that came without counts or a margin of error are shown as "
                       "published, without an interval, and are not compared with the benchmark.")


def published_only_note(frame: pd.DataFrame) -> None:
    """Say so when any figure shown is a published value without an interval."""
    if frame.empty or "source" not in frame.columns:
        return
    plain = (frame["source"] == PUBLISHED) & ~frame["suppressed"].astype(bool) & frame["value"].notna() \
        & frame["lower_95"].isna()
    if plain.any():
        st.caption(PUBLISHED_ONLY_NOTE)


def group_editor(figs: Figures) -> None:
    """Editors save named comparison groups (a network's members); the editor who saved a group
    or an administrator replaces, renames or deletes it (``access.may_change_group``); anyone can
    pick them under "Areas shown" or as the benchmark's group. Every change and refusal is logged
    (``groups``)."""
    from dashboard import access

    user = auth.current_user()
    if user is None or not user.is_editor:
        return
    with st.expander("Save a named comparison group (editors)", expanded="_group_message" in st.session_state):
        message = st.session_state.pop("_group_message", None)
        if message:
            (st.success if message[0] == "ok" else st.error)(message[1])
        if not access.may_change_group(user, None):
            st.caption("You edit no council yet, so you cannot save groups.")
            return
        names = dict(zip(figs.areas["area_code"], figs.areas["area_name"]))
        with st.form("save_group"):
            name = st.text_input("Group name", max_chars=groups.MAX_NAME,
                                 help="Saving under the name of a group you saved replaces its areas.")
            members = st.multiselect("Areas in the group", list(names), format_func=lambda c: names[c])
            saved = st.form_submit_button("Save the group")
        if saved:
            try:
                group_id = groups.save_group(ui.store(), name, members, user)
            except (groups.GroupError, access.Refused) as exc:
                st.error(f"The group was not saved: {exc}")
            else:
                st.session_state["_group_message"] = ("ok",
                    f"Saved the group “{' '.join(name.split())}” with {len(set(members))} areas. "
                    f"Anyone can now pick it under “Areas shown” (link: group=named-{group_id}).")
                st.rerun()
        existing = saved_groups()
        if not len(existing):
            return
        summary = existing.groupby(["group_id", "group_name", "saved_by"], as_index=False)["area_code"].count()
        ui.html_table(summary.rename(columns={"group_name": "Group", "saved_by": "Saved by",
                                             "area_code": "Areas"})[["Group", "Saved by", "Areas"]],
                      "Named comparison groups", key="named-groups")
        mine = summary[[access.may_change_group(user, owner) for owner in summary["saved_by"]]]
        if mine.empty:
            st.caption("Only the editor who saved a group, or an administrator, can rename or delete it.")
            return
        labels = dict(zip(mine["group_id"], mine["group_name"]))
        with st.form("change_group"):
            st.caption("Rename or delete a group you saved" + (" (administrators: any group)." if user.is_admin else "."))
            chosen = st.selectbox("Group", list(labels), format_func=lambda g: labels[g])
            new_name = st.text_input("New name", max_chars=groups.MAX_NAME)
            rename = st.form_submit_button("Rename the group")
            delete = st.form_submit_button("Delete the group")
        if rename or delete:
            try:
                if rename:
                    groups.rename_group(ui.store(), int(chosen), new_name, user)
                    done = f"Renamed the group “{labels[chosen]}” to “{' '.join(new_name.split())}”."
                else:
                    groups.delete_group(ui.store(), int(chosen), user)
                    done = f"Deleted the group “{labels[chosen]}”."
                st.session_state["_group_message"] = ("ok", done)
            except (groups.GroupError, access.Refused) as exc:
                st.session_state["_group_message"] = ("error", f"Nothing was changed: {exc}")
            st.rerun()


def comparison_cell(comparison: str) -> str:
    from dashboard.figures import narrative
    return narrative.comparison_label(comparison)


def grid_table(cells: pd.DataFrame, indicators: list[tuple[str, str]], areas: list[tuple[str, str]],
               caption: str, level: float, highlight: str | None = None) -> None:
    """Areas (rows) x indicators (columns) as an accessible HTML table: each cell the value, a
    symbol and a word by significance, on a colour (colour is never the only cue). The first
    row is the benchmark.

    ``cells``: indicator_id, geography_code, text, comparison, benchmark_text."""
    import html

    from dashboard.figures import narrative

    lookup = {(r.indicator_id, r.geography_code): r for r in cells.itertuples()}
    head = "<th scope='col'>Area</th>" + "".join(f"<th scope='col'>{html.escape(label)}</th>" for _, label in indicators)
    bench_cells = []
    for indicator_id, _ in indicators:
        bench = cells.loc[cells["indicator_id"] == indicator_id, "benchmark_text"]
        bench_cells.append(f"<td class='gl-num'>{html.escape(bench.iloc[0] if len(bench) else '–')}</td>")
    body = ["<tr class='gl-bench'><th scope='row'>Benchmark</th>" + "".join(bench_cells) + "</tr>"]
    for code, name in areas:
        label = f"<strong>{html.escape(name)}</strong>" if code == highlight else html.escape(name)
        row = [f"<th scope='row'>{label}</th>"]
        for indicator_id, _ in indicators:
            cell = lookup.get((indicator_id, code))
            if cell is None:
                row.append("<td class='gl-cell gl-none'>no data</td>")
                continue
            word, symbol, colour = narrative.COMPARISON_STYLE[cell.comparison]
            if cell.comparison == "not compared":
                row.append(f"<td class='gl-cell gl-none'>{html.escape(cell.text)}</td>")
            else:
                row.append(f"<td class='gl-cell' style='background:{colour};color:#ffffff'>"
                           f"{html.escape(cell.text)}<br><span class='gl-sig'>{symbol} {word}</span></td>")
        body.append("<tr>" + "".join(row) + "</tr>")
    style = ("<style>.gl-grid{font-size:0.85rem}.gl-grid td.gl-cell{text-align:center;border:2px solid #ffffff;min-width:4.5rem}"
             ".gl-grid td.gl-none{background:#ffffff;color:#0b0c0c;border:1px solid #b1b4b6}.gl-grid .gl-sig{font-size:0.85rem}"
             ".gl-grid th[scope=row]{font-weight:400;background:#ffffff}.gl-grid tr.gl-bench th,.gl-grid tr.gl-bench td{background:#f3f2f1;font-weight:700}</style>")
    st.markdown(
        f"{style}<table class='gl-table gl-grid' data-testid='grid-table'>"
        f"<caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>",
        unsafe_allow_html=True,
    )
