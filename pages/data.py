"""Data: what is loaded; for signed-in editors, importing files, templates, history and undo."""
# nav: title=Data; order=90; section=Data; icon=:material/upload_file:

import pandas as pd
import streamlit as st

from dashboard import access, config, release
from dashboard.app import auth, ui
from dashboard.app.secrets import pseudonym_key
from dashboard.data import importers
from dashboard.records import audit, publishes
from dashboard.data import snapshot
from dashboard.data.importers import batches, templates
from dashboard.data.importers.reading import EXTENSIONS, Source, max_upload_mb

ui.page_setup("Data")

PLAN_KEY, RESULT_KEY, UNDONE_KEY = "_data_plan", "_data_result", "_data_undone"


def period_range(periods) -> str:
    """"2022-23, 2023-24, 2024-25" -> "2022-23 to 2024-25"."""
    found = sorted({p.strip() for p in str(periods or "").split(",") if p.strip()})
    return f"{found[0]} to {found[-1]}" if len(found) > 1 else (found[0] if found else "")


def loaded_table(store) -> pd.DataFrame:
    """Per dataset: periods, rows and the last import (no file names, no people: safe for everyone)."""
    loaded = batches.loaded(store).set_index("dataset")
    rows = []
    for name in importers.NAMES:
        if name in loaded.index:
            r = loaded.loc[name]
            count = int(r["rows"])
            rows.append({
                "Dataset": importers.TITLES[name],
                "Periods": period_range(r["periods"]),
                "Rows": release.SUPPRESSED_TEXT if release.rules.is_small(count) else f"{count:,}",
                "Last import": f"{r['last_import']:%d/%m/%Y}",
            })
        else:
            rows.append({"Dataset": importers.TITLES[name], "Periods": "none loaded", "Rows": "0", "Last import": ""})
    return pd.DataFrame(rows)


def show_problems(refused: importers.ImportRefused) -> None:
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
    limit = max_upload_mb()
    st.markdown(
        f"Files up to **{limit} MB** each: CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab "
        "separated) or Excel (.xlsx, first sheet unless you name one). Every file is checked first; if any "
        "row has a problem nothing is imported, and each problem is listed with its file, row and column. "
        "An import is all or nothing, and can be undone below."
    )
    names = importers.NAMES
    dataset = st.selectbox("Dataset", names, format_func=lambda n: importers.TITLES[n], key="data_dataset")
    uploads = st.file_uploader(
        "Files to import", type=[e.lstrip(".") for e in EXTENSIONS], accept_multiple_files=True,
        key=f"data_files_{st.session_state.get('_data_uploads', 0)}", help=f"Up to {limit} MB per file.",
    )
    with st.expander("Options"):
        sheet = st.text_input("Excel sheet name (leave empty for the first sheet)", key="data_sheet").strip() or None
        period = None
        if dataset == "ascof":
            from datetime import date

            from dashboard.data.reference import financial_year

            this_year = date.today().year if date.today().month >= 4 else date.today().year - 1
            years = ["from the file name"] + [financial_year(y) for y in range(this_year, 2013, -1)]
            chosen = st.selectbox("Year of the published file", years, key="data_ascof_year")
            period = None if chosen == years[0] else chosen
        submitted = None
        if dataset == "cld":
            sent = st.date_input("Date the file was sent to NHS England (for a file without an ImportDate "
                                 "column)", value=None, format="DD/MM/YYYY", key="data_cld_submitted")
            submitted = sent
    if importers.TABLES[dataset] and dataset in importers.PERSON_LEVEL:
        st.caption("This dataset holds person identifiers: they are replaced by a keyed code at import and "
                   "never stored.")

    if st.button("Check files", key="data_check", type="primary", disabled=not uploads):
        st.session_state.pop(RESULT_KEY, None)
        st.session_state.pop(UNDONE_KEY, None)
        sources = [Source(u.name, u.getvalue()) for u in uploads]
        try:
            with st.spinner("Checking…"):
                plan = importers.prepare(dataset, sources, store=store, sheet=sheet, period=period,
                                         submitted=submitted, key=pseudonym_key())
            files = ", ".join(f.file for f in plan.files)
            audit.check(user, "import", batches.plan_areas(plan), f"import {files}",
                        names=batches.area_names(store), detail=f"{importers.TITLES[dataset]}: {files} (checked)")
            st.session_state[PLAN_KEY] = plan
        except access.Refused as refused:
            st.session_state.pop(PLAN_KEY, None)
            st.error(f"Not allowed: {refused}", icon=":material/block:")
        except importers.ImportRefused as refused:
            st.session_state.pop(PLAN_KEY, None)
            show_problems(refused)

    plan = st.session_state.get(PLAN_KEY)
    if plan is not None and plan.dataset == dataset:
        st.success("Checked, no problems: " + plan.summary(), icon=":material/check_circle:")
        for note in plan.notes:
            st.caption(note)
        if plan.already:
            st.warning(str(batches.AlreadyImported(plan)), icon=":material/content_copy:")
        else:
            replace = False
            if plan.needs_confirmation:
                st.warning(batches.overlap_text(plan).replace(" (--replace on the command line)", ""),
                           icon=":material/warning:")
                overlaps = plan.overlaps.rename(columns={
                    "period": "Period", "areas": "Areas", "rows": "Rows already loaded", "batches": "From batch"})
                ui.html_table(overlaps, "Already loaded for the same areas and periods", key="overlaps",
                              numeric=("Areas", "Rows already loaded"))
                replace = st.checkbox("Replace the rows already loaded for these areas and periods",
                                      key="data_replace")
            if st.button("Import", key="data_import", type="primary", disabled=plan.needs_confirmation and not replace):
                try:
                    files = ", ".join(f.file for f in plan.files)
                    with st.spinner("Importing…"), audit.act(
                            user, "import", batches.plan_areas(plan), f"import {files}", names=batches.area_names(store),
                            detail=f"{importers.TITLES[plan.dataset]}: {files}, {plan.row_count:,} rows, "
                                   f"{', '.join(plan.periods)}") as note:
                        ids = batches.write(store, plan, who=user.name, replace=replace)
                        note.append(f"as batch {', '.join(map(str, ids))}")
                    ui.clear_caches()
                    st.session_state["_data_uploads"] = st.session_state.get("_data_uploads", 0) + 1  # empty the uploader
                    st.session_state[RESULT_KEY] = (
                        f"Imported {plan.row_count:,} rows as batch{'es' if len(ids) > 1 else ''} "
                        f"{', '.join(map(str, ids))}. Every page now uses them.")
                except (batches.AlreadyImported, batches.NeedsConfirmation, access.Refused, snapshot.WriterBusy) as stopped:
                    st.session_state[RESULT_KEY] = "Not imported: " + str(stopped)
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
    dataset = st.selectbox("Template for", importers.NAMES, format_func=lambda n: importers.TITLES[n],
                           key="data_template")
    left, right = st.columns(2)
    left.download_button("Download CSV template", templates.template_csv(dataset), f"{dataset}_template.csv",
                         "text/csv", key="data_template_csv")
    right.download_button("Download Excel template", templates.template_xlsx(dataset), f"{dataset}_template.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key="data_template_xlsx")
    ui.html_table(templates.columns_frame(dataset), f"Columns: {importers.TITLES[dataset]}", key="template-columns")


def history_section(store, user) -> None:
    st.header("Import history")
    history = batches.history(store)
    shown = pd.DataFrame({
        "Batch": history["batch_id"],
        "Dataset": history["dataset"].map(importers.TITLES).fillna(history["dataset"]),
        "File": history["file_name"],
        "Rows": [f"{n:,}" for n in history["row_count"]],
        "Periods": history["periods"].map(period_range),
        "Imported": [f"{t:%d/%m/%Y %H:%M} by {who}" for t, who in zip(history["imported_at"], history["imported_by"])],
        "Content hash": history["content_hash"].str.slice(0, 10),
        "Status": [
            f"undone by {by} {at:%d/%m/%Y %H:%M}" if s == "undone" else
            ("active" + (f", replaced {r:,} rows" if r and r == r else ""))
            for s, by, at, r in zip(history["status"], history["undone_by"], history["undone_at"],
                                    history["replaced_rows"])
        ],
    })
    ui.html_table(shown, "Every import, newest first", key="import-history", numeric=("Batch", "Rows"))

    st.subheader("Undo an import")
    active = history[history["status"] == "active"]
    if active.empty:
        st.caption("No import to undo.")
        return
    labels = {int(r.batch_id): f"Batch {r.batch_id}: {importers.TITLES.get(r.dataset, r.dataset)}, {r.file_name}, "
              f"{r.row_count:,} rows ({r.periods})" for r in active.itertuples()}
    # keyed by the newest batch: after an import or undo the choice starts again at the newest
    batch = st.selectbox("Batch to undo", list(labels), format_func=labels.get,
                         key=f"data_undo_batch_{max(labels)}")
    sure = st.checkbox("Yes, take this batch's rows out (rows it replaced come back)", key="data_undo_sure")
    if st.button("Undo this import", key="data_undo"):
        if not sure:
            st.warning("Tick the box above to confirm, then press the button again.")
            return
        try:
            with audit.act(user, "undo", batches.batch_areas(store, int(batch)), f"undo batch {batch}",
                           names=batches.area_names(store), detail=f"batch {batch}"):
                done = batches.undo(store, int(batch), who=user.name)
            ui.clear_caches()
            st.session_state[RESULT_KEY] = None
            st.session_state[UNDONE_KEY] = (
                f"Undid batch {done['batch_id']}: removed {done['removed']:,} rows"
                + (f", put back {done['restored']:,} rows it had replaced" if done["restored"] else "") + ".")
        except access.Refused as exc:
            st.session_state[UNDONE_KEY] = f"Not allowed: {exc}"
        except (ValueError, snapshot.WriterBusy) as exc:
            st.session_state[UNDONE_KEY] = str(exc)
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
    log = audit.read(limit=200)
    if log.empty:
        st.caption("Nothing logged yet.")
        return
    shown = log.rename(columns=audit.CSV_HEADERS).assign(**{"When (UTC)": [f"{t:%d/%m/%Y %H:%M:%S}" for t in log["at"]]})
    ui.html_table(shown, f"The latest {len(shown)} entries, newest first", key="audit-log", numeric=("Entry",))
    st.download_button("Download the whole audit log (CSV)", data=lambda: audit.csv_bytes(), file_name="audit-log.csv",
                       mime="text/csv", key="data_audit_csv", on_click="ignore", icon=":material/download:")


def publishes_section() -> None:
    """For administrators: how long the latest imports and undos took to publish, and the swap."""
    st.header("Snapshots published")
    st.markdown("Each import, undo or upgrade writes a new copy of the data and swaps it in for the one being "
                "served. Open pages move to it at their next rerun. The swap is the moment of change. While "
                "the writer lock is held, another import or undo waits.")
    frame = publishes.read(config.database_path())
    if frame.empty:
        st.caption("No snapshot published yet by this version.")
        return
    ui.html_table(publishes.shown(frame), f"The latest {len(frame)} published snapshots, newest first",
                  key="snapshot-publishes", numeric=tuple(publishes.HEADERS[k] for k in publishes.STEPS))


def exact_section(store, user) -> None:
    """Editors only: an area's exact figures, unrounded and unsuppressed, marked not for publication."""
    st.header("Exact figures (not for publication)")
    st.warning("These are the exact figures, before rounding and small-number suppression. They are for "
               "checking your own data only: NOT FOR PUBLICATION. Do not copy them into papers or slides; "
               "use the published figures on the other pages.", icon=":material/lock:")
    figs = ui.figures()
    names = {code: name for code, name in zip(figs.areas["area_code"], figs.areas["area_name"])
             if not access.not_allowed(user, [code])}  # an editor's own councils; all for administrators
    if not names:
        st.caption("You edit no council's data yet, so there are no exact figures to show.")
        return
    c1, c2 = st.columns(2)
    area = c1.selectbox("Area", list(names), format_func=names.get, key="data_exact_area")
    periods = list(reversed(figs.periods()))
    period = c2.selectbox("Year", periods, key="data_exact_period") if periods else None
    if area and period and st.toggle("Show the exact figures", key="data_exact_show"):
        frame = release.exact_figures(store, area, period)
        ui.html_table(frame, f"{names[area]}, {period}: exact figures, NOT FOR PUBLICATION", key="exact-figures",
                      numeric=("Count", "Out of", "Value"))


with ui.guard("the data page"):
    st.title("Data")
    store = ui.store()
    user = auth.current_user()
    st.markdown("Where the figures come from: the published ASCOF file (NHS England) and each council's own "
                "exports. Every figure on every page is counted from these.")
    ui.html_table(loaded_table(store), "Data loaded, by dataset", key="data-loaded", numeric=("Rows",))
    if user is None or not user.is_editor:
        st.info("Editors sign in (in the side bar) to import files, download templates and undo imports.",
                icon=":material/lock:")
    else:
        if user.role == access.EDITOR:
            names = batches.area_names(store)
            mine = ", ".join(f"{names.get(a, a)} ({a})" for a in sorted(user.areas)) or "no council yet"
            st.info(f"You edit data for {mine}: files with rows for other councils are refused, and you can undo "
                    "only imports for your councils.", icon=":material/badge:")
        import_section(store, user)
        templates_section()
        history_section(store, user)
        exact_section(store, user)
        if user.is_admin:
            publishes_section()
            audit_section(user)
