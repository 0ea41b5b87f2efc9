"""Importing real exports safely: the published ASCOF file and every local dataset.

    plan = prepare("survey", [Source.from_path("survey.csv")], store=store)   # reads and checks; writes nothing
    batches = write(store, plan, who="asha", replace=False)                    # one transaction, all or nothing

``prepare`` raises ``ImportRefused`` with every problem (file, row, column, value, expected)
when any file is wrong; nothing is written then. ``write`` refuses a file already imported
(same content hash) and, unless ``replace`` is given, data for council-periods already loaded.
One module per dataset family (``survey``, ``support``, ...) lists its columns and checks;
``reading`` opens files, ``validation`` checks columns, ``batches`` writes, undoes and lists.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.data.importers import (
    ascof,
    breakdowns,
    cld,
    coproduction,
    dp_experience,
    i_statements,
    pseudonym,
    staged,
    support,
    survey,
)
from dashboard.data.importers.problems import ImportRefused, Problems, refuse
from dashboard.data.importers.reading import ROW, Source, max_upload_mb, read_table
from dashboard.data.importers.validation import Dataset

#: dataset name -> its columns and checks (ASCOF has its own reader: see ``importers.ascof``)
DATASETS: dict[str, Dataset] = {d.name: d for d in [
    survey.DATASET, support.DATASET, dp_experience.DATASET, breakdowns.DATASET, coproduction.DATASET,
    i_statements.DATASET, cld.DATASET,
]}
NAMES = ["ascof", *DATASETS]
TITLES = {"ascof": ascof.TITLE, **{n: d.title for n, d in DATASETS.items()}}
TABLES = {"ascof": ascof.TABLE, **{n: d.table for n, d in DATASETS.items()}}
PERSON_LEVEL = {n for n, d in DATASETS.items() if d.person_level}
# others: area_code, period. CLD submissions stack (NHS England keeps each one): a file overlaps
# only the same council's same submission
KEY_COLUMNS = {"ascof": ("geography_code", "period"), "cld": ("area_code", "submission")}


def key_columns(dataset: str) -> tuple[str, str]:
    return KEY_COLUMNS.get(dataset, ("area_code", "period"))


@dataclass
class FilePlan:
    """One checked file, ready to write as one import batch."""

    file: str
    format: str
    content_hash: str
    rows: pd.DataFrame  # the table's columns, typed
    periods: list[str]
    areas: list[str]

    @property
    def row_count(self) -> int:
        return len(self.rows)


@dataclass
class Plan:
    """What an import would do; nothing is written until ``batches.write``."""

    dataset: str
    files: list[FilePlan]
    notes: list[str] = field(default_factory=list)
    already: list[dict] = field(default_factory=list)  # files imported before (same content hash)
    overlaps: pd.DataFrame | None = None  # period, areas, rows already loaded, batches

    @property
    def row_count(self) -> int:
        return sum(f.row_count for f in self.files)

    @property
    def periods(self) -> list[str]:
        return sorted({p for f in self.files for p in f.periods})

    @property
    def needs_confirmation(self) -> bool:
        return self.overlaps is not None and not self.overlaps.empty

    def summary(self) -> str:
        files = "1 file" if len(self.files) == 1 else f"{len(self.files)} files"
        areas = sorted({a for f in self.files for a in f.areas})
        where = "1 area" if len(areas) == 1 else f"{len(areas)} areas"
        return (f"{TITLES[self.dataset]}: {files}, {self.row_count:,} rows, {where}, "
                f"{', '.join(self.periods)}.")


def _stored_columns(dataset: str) -> list[str]:
    if dataset == "ascof":
        return ["geography_level", "geography_code", "period", "measure_code", "measure_group", "concept",
                "disaggregation", "outcome", "numerator", "denominator", "base", "margin_of_error"]
    if dataset == "cld":
        return cld.STORED
    return [f.name for f in DATASETS[dataset].stored_fields]


def prepare(dataset: str, sources: list[Source], *, store=None, sheet: str | None = None,
            period: str | None = None, key: str | None = None, today: date | None = None,
            submitted=None) -> Plan:
    """Read and check every file; raise ``ImportRefused`` listing every problem, or return the plan.

    ``period`` is the year of a published ASCOF file when its name does not say; ``key`` the
    pseudonym key (default: the configured one); ``submitted`` the date a CLD file without an
    ImportDate column was sent to NHS England; with ``store``, files already imported and
    council-periods already loaded are found (nothing is written)."""
    if dataset not in TABLES:
        raise refuse(dataset, "is not a dataset we import", "one of: " + ", ".join(NAMES))
    if not sources:
        raise refuse(dataset, "no file was given", "at least one CSV or Excel file")
    problems = Problems()
    if dataset in PERSON_LEVEL:
        key = key if key is not None else pseudonym.configured_key()
        why = pseudonym.key_problem(key)
        if why:
            problems.add(", ".join(s.name for s in sources), None,
                         f"holds person identifiers, and {why}, so it cannot be imported safely",
                         "a pseudonym key: " + pseudonym.HOW_TO_SET, count=1)
            raise ImportRefused(problems)
    if len(sources) == 1 and dataset in DATASETS and sheet is None:
        # a large plain CSV file: read and checked in DuckDB (``staged``); None: the careful way below
        fast = staged.prepare_file(DATASETS[dataset], sources[0].name, sources[0].data, max_upload_mb() * 1024 * 1024,
                                   problems, key=key, today=today or date.today())
        if fast is not None:
            return _plan(dataset, [(sources[0], fast[1], fast[0])], problems, store)
    checked: list[tuple[Source, str, pd.DataFrame]] = []
    for source in sources:
        try:
            table = read_table(source, sheet=sheet)
        except ImportRefused as refused:
            for group in refused.problems.groups.values():
                problems.groups[(group.file, group.column, group.what)] = group
            continue
        if dataset == "ascof":
            rows = ascof.check(table, problems, period=period, today=today)
        elif dataset == "cld":
            rows = cld.check(table, problems, today=today, submitted=submitted)
        else:
            rows = DATASETS[dataset].check(table, problems, today=today)
        if rows is not None:
            rows = rows.assign(_file=source.name)
            checked.append((source, table.format, rows))
        else:
            _hint_other_dataset(dataset, table, problems)
    if dataset != "ascof" and checked:
        _check_duplicates(DATASETS[dataset], [c[2] for c in checked], problems)
    if problems:
        raise ImportRefused(problems)
    return _plan(dataset, checked, problems, store, key)


def _plan(dataset: str, checked, problems: Problems, store, key: str | None = None) -> Plan:
    """The plan from checked files (source, format, typed rows); person identifiers are replaced
    by their keyed codes here unless the rows already hold them (``staged``: no ``key``)."""
    plans = []
    for source, fmt, rows in checked:
        if dataset in PERSON_LEVEL and key is not None:
            for f in DATASETS[dataset].fields:
                if f.kind == "person_id":
                    rows = rows.assign(**{f.name: pseudonym.pseudonymise(rows[f.name], key)})
        stored = rows[_stored_columns(dataset)].reset_index(drop=True)
        area_col, period_col = key_columns(dataset)
        plans.append(FilePlan(
            file=source.name, format=fmt, content_hash=hashlib.sha256(source.data).hexdigest(), rows=stored,
            periods=sorted(stored[period_col].dropna().unique()), areas=sorted(stored[area_col].dropna().unique()),
        ))
    plan = Plan(dataset, plans, notes=list(problems.notes))
    if store is not None:
        from dashboard.data.importers import batches

        batches.find_conflicts(store, plan)
    return plan


def _hint_other_dataset(dataset: str, table, problems: Problems) -> None:
    """When columns are missing and the file has every column of another dataset, say so."""
    for group in problems.groups.values():
        if group.file == table.file and group.what.startswith("has no column for"):
            for name, spec in DATASETS.items():
                found = spec.match_columns(table, Problems()) if name != dataset else {}
                if found and all(f.name in found for f in spec.fields if f.required):
                    group.what += f" (it looks like a {spec.title} file: choose that dataset, {name})"
                    return


def _check_duplicates(spec: Dataset, frames: list[pd.DataFrame], problems: Problems) -> None:
    """Duplicate rows across every file of the import (person twice, same reference twice...)."""
    mapping = {}
    for frame in frames:
        mapping.update(frame.attrs.get("columns", {}))
    combined = pd.concat(frames, ignore_index=True)
    if spec.unique:
        present = combined[list(spec.unique)].notna().all(axis=1)
        subset = combined[present]
        dup = subset.duplicated(list(spec.unique), keep="first")
        if dup.any():
            bad = subset[dup]
            column = " + ".join(mapping.get(u, u) for u in spec.unique)
            values = ["(hidden: a person identifier)" if spec.person_level else " / ".join(str(v) for v in r)
                      for r in bad[list(spec.unique)].itertuples(index=False)]
            bad = bad.assign(_shown=values)
            for file, group in bad.groupby("_file", sort=False):
                problems.add(file, column, f"is a duplicate: {spec.unique_words}",
                             "each row once (keep one of the rows with these values)", group[ROW].head(10).tolist(),
                             group["_shown"].head(10).tolist(), count=len(group))
    if spec.duplicate_rows:
        cols = [f.name for f in spec.stored_fields]
        dup = combined.duplicated(cols, keep="first")
        if dup.any():
            for file, group in combined[dup].groupby("_file", sort=False):
                problems.add(file, "(every column)", "is a duplicate: the same values as an earlier row in every column",
                             "each record once", group[ROW].head(10).tolist(),
                             [f"{r.area_code} {r.period}" for r in group.head(10).itertuples()], count=len(group))


def import_files(store, dataset: str, sources: list[Source], who: str, replace: bool = False,
                 progress=None, **options) -> list[int]:
    """Check and write in one go (the command line): the new batch ids."""
    from dashboard.data.importers import batches

    plan = prepare(dataset, sources, store=store, **options)
    return batches.write(store, plan, who=who, replace=replace, progress=progress)


__all__ = [
    "DATASETS", "NAMES", "TITLES", "TABLES", "PERSON_LEVEL", "FilePlan", "Plan", "Problems", "ImportRefused",
    "Source", "prepare", "import_files", "max_upload_mb",
]
