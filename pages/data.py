"""Data: what is loaded; for signed-in editors, importing files, templates, history and undo."""
# nav: title=Data; order=90; section=Data; icon=:material/upload_file:

import pandas as pd
import streamlit as st

from dashboard.app import auth, ui
from dashboard.app.secrets import pseudonym_key
from dashboard.views import data

ui.page_setup("Data")

PLAN_KEY, RESULT_KEY, UNDONE_KEY = "_data_plan", "_data_result", "_data_undone"


def show_problems(refused: data.ImportRefused) -> None:
    problems = refused.problems
    st.error(problems.summary(), icon=":material/error:")
    for group in problems.groups.values():
        st.markdown(f"**{group.title}.**  \nExpected: {group.expected}.")
        if group.rows:
            examples = pd.DataFrame({
                "File": group.file, "Row": group.rows[:5], "Column": group.column or "",
                "Value": group.values[:5],
            })
            more = f" (first {len(examples)} of {group.count:,})" if group.count > len(examples) else ""
            ui.html_table(examples, f"Rows with this problem{more}", key="problem-rows", numeric=("Row",))
    for note in problems.notes:
        st.caption(note)


def import_section(store, user) -> None:
    st.header("Import files")
    limit = data.max_upload_mb()
    st.markdown(
        f"Files up to **{limit} MB** each: CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab "
        "separated) or Excel (.xlsx, first sheet unless you name one). Every file is checked first; if any "
        "row has a problem nothing is imported, and each problem is listed with its file, row and column. "
        "An import is all or nothing, and can be undone below."
    )
    dataset = st.selectbox("Dataset", data.NAMES, format_func=lambda n: data.TITLES[n], key="data_dataset")
    uploads = st.file_uploader(
        "Files to import", type=[e.lstrip(".") for e in data.EXTENSIONS], accept_multiple_files=True,
        key=f"data_files_{st.session_state.get('_data_uploads', 0)}", help=f"Up to {limit} MB per file.",
    )
    with st.expander("Options"):
        sheet = st.text_input("Excel sheet name (leave empty for the first sheet)", key="data_sheet").strip() or None
        period = None
        if dataset == "ascof":
            years = data.ascof_years()
            chosen = st.selectbox("Year of the published file", years, key="data_ascof_year")
            period = None if chosen == years[0] else chosen
        submitted = None
        if dataset == "cld":
            sent = st.date_input("Date the file was sent to NHS England (for a file without an ImportDate "
                                 "column)", value=None, format="DD/MM/YYYY", key="data_cld_submitted")
            submitted = sent
    if data.TABLES[dataset] and dataset in data.PERSON_LEVEL:
        st.caption("This dataset holds person identifiers: they are replaced by a keyed code at import and "
                   "never stored.")

    if st.button("Check files", key="data_check", type="primary", disabled=not uploads):
        st.session_state.pop(RESULT_KEY, None)
        st.session_state.pop(UNDONE_KEY, None)
        sources = [data.Source(u.name, u.getvalue()) for u in uploads]
        try:
            with st.spinner("Checking…"):
                plan = data.check(store, user, dataset, sources, sheet, period, submitted, pseudonym_key())
            st.session_state[PLAN_KEY] = plan
        except data.Refused as refused:
            st.session_state.pop(PLAN_KEY, None)
            st.error(f"Not allowed: {refused}", icon=":material/block:")
        except data.ImportRefused as refused:
            st.session_state.pop(PLAN_KEY, None)
            show_problems(refused)

    plan = st.session_state.get(PLAN_KEY)
    if plan is not None and plan.dataset == dataset:
        st.success("Checked, no problems: " + plan.summary(), icon=":material/check_circle:")
        for note in plan.notes:
            st.caption(note)
        if plan.already:
            st.warning(data.already_text(plan), icon=":material/content_copy:")
        else:
            replace = False
            if plan.needs_confirmation:
                st.warning(data.overlap_text(plan), icon=":material/warning:")
                ui.html_table(data.overlaps(plan), "Already loaded for the same areas and periods", key="overlaps",
                              numeric=("Areas", "Rows already loaded"))
                replace = st.checkbox("Replace the rows already loaded for these areas and periods",
                                      key="data_replace")
            if st.button("Import", key="data_import", type="primary", disabled=plan.needs_confirmation and not replace):
                with st.spinner("Importing…"):
                    imported, said = data.import_plan(store, user, plan, replace)
                if imported:
                    ui.clear_caches()
                    st.session_state["_data_uploads"] = st.session_state.get("_data_uploads", 0) + 1  # empty the uploader
                st.session_state[RESULT_KEY] = said
                st.session_state.pop(PLAN_KEY, None)
                st.rerun()
    result = st.session_state.get(RESULT_KEY)
    if result:
        (st.success if result.startswith("Imported") else st.warning)(result)
        if result.startswith("Imported"):
            st.page_link("pages/overview.py", label="See the Overview", icon=":material/dashboard:")


def templates_section() -> None:
    st.header("Templates")
    st.markdown("A template per dataset: the CSV has the header row; the Excel workbook also has a notes sheet "
                "explaining each column and its allowed values.")
    dataset = st.selectbox("Template for", data.NAMES, format_func=lambda n: data.TITLES[n],
                           key="data_template")
    left, right = st.columns(2)
    left.download_button("Download CSV template", data.template_csv(dataset), f"{dataset}_template.csv",
                         "text/csv", key="data_template_csv")
    right.download_button("Download Excel template", data.template_xlsx(dataset), f"{dataset}_template.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key="data_template_xlsx")
    ui.html_table(data.template_columns(dataset), f"Columns: {data.TITLES[dataset]}", key="template-columns")


def history_section(store, user) -> None:
    st.header("Import history")
    history, shown = data.history(store)
    ui.html_table(shown, "Every import, newest first", key="import-history", numeric=("Batch", "Rows"))

    st.subheader("Undo an import")
    labels = data.undo_choices(history)
    if not labels:
        st.caption("No import to undo.")
        return
    # keyed by the newest batch: after an import or undo the choice starts again at the newest
    batch = st.selectbox("Batch to undo", list(labels), format_func=labels.get,
                         key=f"data_undo_batch_{max(labels)}")
    sure = st.checkbox("Yes, take this batch's rows out (rows it replaced come back)", key="data_undo_sure")
    if st.button("Undo this import", key="data_undo"):
        if not sure:
            st.warning("Tick the box above to confirm, then press the button again.")
            return
        undone, said = data.undo(store, user, int(batch))
        if undone:
            ui.clear_caches()
            st.session_state[RESULT_KEY] = None
        st.session_state[UNDONE_KEY] = said
        st.rerun()
    message = st.session_state.get(UNDONE_KEY)
    if message:
        st.success(message) if message.startswith("Undid") else st.warning(message)


def audit_section(user) -> None:
    """The audit log, for administrators: newest first, and the whole log as CSV."""
    st.header("Audit log")
    st.markdown("Every sign-in (and failed attempt), import, undo, edit, deletion and pack export by an editor, "
                "and every refusal: who, when (UTC), where, what and for which councils. Nothing in it can be "
                "changed or deleted.")
    shown = data.audit_log()
    if shown.empty:
        st.caption("Nothing logged yet.")
        return
    ui.html_table(shown, f"The latest {len(shown)} entries, newest first", key="audit-log", numeric=("Entry",))
    st.download_button("Download the whole audit log (CSV)", data=lambda: data.audit_csv_bytes(), file_name="audit-log.csv",
                       mime="text/csv", key="data_audit_csv", on_click="ignore", icon=":material/download:")


def publishes_section() -> None:
    """For administrators: how long the latest imports and undos took to publish, and the swap."""
    st.header("Snapshots published")
    st.markdown("Each import, undo or upgrade writes a new copy of the data and swaps it in for the one being "
                "served. Open pages move to it at their next rerun. The swap is the moment of change. While "
                "the writer lock is held, another import or undo waits.")
    frame, numeric = data.published_snapshots()
    if frame.empty:
        st.caption("No snapshot published yet by this version.")
        return
    ui.html_table(frame, f"The latest {len(frame)} published snapshots, newest first",
                  key="snapshot-publishes", numeric=numeric)


def exact_section(store, user) -> None:
    """Editors only: an area's exact figures, unrounded and unsuppressed, marked not for publication."""
    st.header("Exact figures (not for publication)")
    st.warning("These are the exact figures, before rounding and small-number suppression. They are for "
               "checking your own data only: NOT FOR PUBLICATION. Do not copy them into papers or slides; "
               "use the published figures on the other pages.", icon=":material/lock:")
    figs = ui.figures()
    names = data.exact_areas(figs, user)  # an editor's own councils; all for administrators
    if not names:
        st.caption("You edit no council's data yet, so there are no exact figures to show.")
        return
    c1, c2 = st.columns(2)
    area = c1.selectbox("Area", list(names), format_func=names.get, key="data_exact_area")
    periods = list(reversed(figs.periods()))
    period = c2.selectbox("Year", periods, key="data_exact_period") if periods else None
    if area and period and st.toggle("Show the exact figures", key="data_exact_show"):
        frame = data.exact_figures(store, area, period)
        ui.html_table(frame, f"{names[area]}, {period}: exact figures, NOT FOR PUBLICATION", key="exact-figures",
                      numeric=("Count", "Out of", "Value"))


with ui.guard("the data page"):
    st.title("Data")
    store = ui.store()
    user = auth.current_user()
    st.markdown("Where the figures come from: the published ASCOF file (NHS England) and each council's own "
                "exports. Every figure on every page is counted from these.")
    ui.html_table(data.loaded_table(store), "Data loaded, by dataset", key="data-loaded", numeric=("Rows",))
    if user is None or not user.is_editor:
        st.info("Editors sign in (in the side bar) to import files, download templates and undo imports.",
                icon=":material/lock:")
    else:
        note = data.editor_note(store, user)
        if note:
            st.info(note, icon=":material/badge:")
        import_section(store, user)
        templates_section()
        history_section(store, user)
        exact_section(store, user)
        if user.is_admin:
            publishes_section()
            audit_section(user)
