"""The data page: what is loaded (safe for everyone), and for editors checking and importing
files, templates, the import history and undo, exact figures of their own councils (not for
publication), and for administrators the snapshots published and the audit log. Every write is
checked against the role rule and logged (``records.audit``)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard import access, config, release
from dashboard.data import importers, snapshot
from dashboard.data.importers import batches, templates
from dashboard.data.importers.reading import EXTENSIONS, Source, max_upload_mb
from dashboard.data.reference import financial_year
from dashboard.figures.indicators import Figures
from dashboard.records import audit, publishes

__all__ = ["EDITOR", "EXTENSIONS", "ImportRefused", "NAMES", "PERSON_LEVEL", "Refused", "Source", "TABLES", "TITLES",
           "already_text", "ascof_years", "audit_csv_bytes", "audit_log", "check", "editor_note", "exact_areas",
           "exact_figures", "history", "import_plan", "loaded_table", "max_upload_mb", "overlap_text", "overlaps",
           "period_range", "published_snapshots", "template_columns", "template_csv", "template_xlsx", "undo",
           "undo_choices"]

NAMES, TITLES, TABLES, PERSON_LEVEL = importers.NAMES, importers.TITLES, importers.TABLES, importers.PERSON_LEVEL
ImportRefused, Refused, EDITOR = importers.ImportRefused, access.Refused, access.EDITOR
template_csv, template_xlsx, template_columns = templates.template_csv, templates.template_xlsx, templates.columns_frame
exact_figures = release.exact_figures
audit_csv_bytes = audit.csv_bytes


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


def editor_note(store, user: access.User) -> str | None:
    """For an editor (not an administrator): the councils whose data they may import and undo."""
    if user.role != access.EDITOR:
        return None
    names = batches.area_names(store)
    mine = ", ".join(f"{names.get(a, a)} ({a})" for a in sorted(user.areas)) or "no council yet"
    return (f"You edit data for {mine}: files with rows for other councils are refused, and you can undo "
            "only imports for your councils.")


def ascof_years() -> list[str]:
    """The years a published ASCOF file may be for, newest first (after "from the file name")."""
    today = date.today()
    this_year = today.year if today.month >= 4 else today.year - 1
    return ["from the file name"] + [financial_year(y) for y in range(this_year, 2013, -1)]


def check(store, user: access.User | None, dataset: str, sources: list[Source], sheet, period, submitted, key):
    """Check files (nothing written) and that the user may import them: the import plan.
    Raises ``ImportRefused`` (every problem, by file, row and column) or ``Refused``."""
    plan = importers.prepare(dataset, sources, store=store, sheet=sheet, period=period, submitted=submitted, key=key)
    files = ", ".join(f.file for f in plan.files)
    audit.check(user, "import", batches.plan_areas(plan), f"import {files}", names=batches.area_names(store),
                detail=f"{importers.TITLES[dataset]}: {files} (checked)")
    return plan


def already_text(plan) -> str:
    return str(batches.AlreadyImported(plan))


def overlap_text(plan) -> str:
    return batches.overlap_text(plan).replace(" (--replace on the command line)", "")


def overlaps(plan) -> pd.DataFrame:
    return plan.overlaps.rename(columns={"period": "Period", "areas": "Areas", "rows": "Rows already loaded",
                                         "batches": "From batch"})


def import_plan(store, user: access.User, plan, replace: bool) -> tuple[bool, str]:
    """Write a checked plan (all or nothing; logged): (imported, what to tell the user)."""
    try:
        files = ", ".join(f.file for f in plan.files)
        with audit.act(user, "import", batches.plan_areas(plan), f"import {files}", names=batches.area_names(store),
                       detail=f"{importers.TITLES[plan.dataset]}: {files}, {plan.row_count:,} rows, "
                              f"{', '.join(plan.periods)}") as note:
            ids = batches.write(store, plan, who=user.name, replace=replace)
            note.append(f"as batch {', '.join(map(str, ids))}")
    except (batches.AlreadyImported, batches.NeedsConfirmation, access.Refused, snapshot.WriterBusy) as stopped:
        return False, "Not imported: " + str(stopped)
    return True, (f"Imported {plan.row_count:,} rows as batch{'es' if len(ids) > 1 else ''} "
                  f"{', '.join(map(str, ids))}. Every page now uses them.")


def history(store) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every import, newest first: (the records, the table shown)."""
    found = batches.history(store)
    shown = pd.DataFrame({
        "Batch": found["batch_id"],
        "Dataset": found["dataset"].map(importers.TITLES).fillna(found["dataset"]),
        "File": found["file_name"],
        "Rows": [f"{n:,}" for n in found["row_count"]],
        "Periods": found["periods"].map(period_range),
        "Imported": [f"{t:%d/%m/%Y %H:%M} by {who}" for t, who in zip(found["imported_at"], found["imported_by"])],
        "Content hash": found["content_hash"].str.slice(0, 10),
        "Status": [
            f"undone by {by} {at:%d/%m/%Y %H:%M}" if s == "undone" else
            ("active" + (f", replaced {r:,} rows" if r and r == r else ""))
            for s, by, at, r in zip(found["status"], found["undone_by"], found["undone_at"], found["replaced_rows"])
        ],
    })
    return found, shown


def undo_choices(found: pd.DataFrame) -> dict[int, str]:
    """The active imports that can be undone: batch -> words."""
    active = found[found["status"] == "active"]
    return {int(r.batch_id): f"Batch {r.batch_id}: {importers.TITLES.get(r.dataset, r.dataset)}, {r.file_name}, "
            f"{r.row_count:,} rows ({r.periods})" for r in active.itertuples()}


def undo(store, user: access.User, batch: int) -> tuple[bool, str]:
    """Undo an import (rows it replaced come back; logged): (undone, what to tell the user)."""
    try:
        with audit.act(user, "undo", batches.batch_areas(store, batch), f"undo batch {batch}",
                       names=batches.area_names(store), detail=f"batch {batch}"):
            done = batches.undo(store, batch, who=user.name)
    except access.Refused as exc:
        return False, f"Not allowed: {exc}"
    except (ValueError, snapshot.WriterBusy) as exc:
        return False, str(exc)
    return True, (f"Undid batch {done['batch_id']}: removed {done['removed']:,} rows"
                  + (f", put back {done['restored']:,} rows it had replaced" if done["restored"] else "") + ".")


def audit_log(limit: int = 200) -> pd.DataFrame:
    """The latest entries of the audit log, newest first, as shown."""
    log = audit.read(limit=limit)
    if log.empty:
        return log
    return log.rename(columns=audit.CSV_HEADERS).assign(**{"When (UTC)": [f"{t:%d/%m/%Y %H:%M:%S}" for t in log["at"]]})


def published_snapshots() -> tuple[pd.DataFrame, tuple[str, ...]]:
    """How long the latest publishes took: (the table, its numeric columns); empty when none."""
    frame = publishes.read(config.database_path())
    if frame.empty:
        return frame, ()
    return publishes.shown(frame), tuple(publishes.HEADERS[k] for k in publishes.STEPS)


def exact_areas(figs: Figures, user: access.User | None) -> dict[str, str]:
    """The councils whose exact figures the user may see: an editor's own; all for administrators."""
    return {code: name for code, name in zip(figs.areas["area_code"], figs.areas["area_name"])
            if not access.not_allowed(user, [code])}
