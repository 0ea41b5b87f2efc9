"""A template per dataset: a CSV with the header row, and an Excel workbook with the header on a
"data" sheet and a "notes" sheet explaining each column, whether it is required, its allowed
values and the other column names accepted."""

from __future__ import annotations

import io

import pandas as pd

from dashboard.data.importers import ascof, cld
from dashboard.data.importers.validation import Field


def _fields(dataset: str) -> list[Field]:
    from dashboard.data.importers import DATASETS

    if dataset == "ascof":
        return ascof.template_fields()
    if dataset == "cld":
        return cld.template_fields()
    return DATASETS[dataset].fields


def _notes(dataset: str) -> list[str]:
    from dashboard.data.importers import DATASETS, TITLES

    head = [f"Template for: {TITLES[dataset]}."]
    if dataset == "ascof":
        return head + [
            "The published NHS ASCOF open-data file, as downloaded (CSV or XLSX), any year from 2014-15.",
            "The year comes from the file name (ascof-2023-24.csv), or is chosen when importing.",
            "Measures renumbered in 2023-24 are matched by year: control is 1B up to 2022-23 and 3A from 2023-24.",
        ]
    spec = DATASETS[dataset]
    return head + [f"One row is {spec.one_row_is}.", *spec.notes,
                   "Column names match ignoring capitals, spaces and punctuation; the names in 'also accepted' work too.",
                   "Dates: dd/mm/yyyy or yyyy-mm-dd. Files: CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or "
                   "tab separated) or Excel (.xlsx)."]


def columns_frame(dataset: str) -> pd.DataFrame:
    """One row per column: name, required, what it holds, allowed values, example, other names."""
    rows = []
    for f in _fields(dataset):
        if dataset == "ascof":
            allowed = f.help
        else:
            allowed = f.expected()
            if f.help:
                allowed += ". " + f.help
        rows.append({
            "column": f.name,
            "required": "required" if f.required else "optional",
            "what it holds": f.label,
            "allowed values": allowed,
            "example": f.example,
            "also accepted": ", ".join(f.synonyms),
        })
    return pd.DataFrame(rows)


def template_csv(dataset: str) -> bytes:
    from dashboard.data.safe_csv import neutralise

    header = ",".join(neutralise(f.name) for f in _fields(dataset))
    return (header + "\n").encode("utf-8")


def template_xlsx(dataset: str) -> bytes:
    from openpyxl import Workbook

    from dashboard.data.safe_csv import neutralise
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    data = book.active
    data.title = "data"
    for i, f in enumerate(_fields(dataset), start=1):
        cell = data.cell(row=1, column=i, value=neutralise(f.name))
        cell.font = Font(bold=True)
        data.column_dimensions[cell.column_letter].width = max(14, len(f.name) + 4)
    notes = book.create_sheet("notes")
    row = 1
    for line in _notes(dataset):
        notes.cell(row=row, column=1, value=neutralise(line))
        row += 1
    row += 1
    frame = columns_frame(dataset)
    for j, name in enumerate(frame.columns, start=1):
        notes.cell(row=row, column=j, value=neutralise(name)).font = Font(bold=True)
    for record in frame.itertuples(index=False):
        row += 1
        for j, value in enumerate(record, start=1):
            notes.cell(row=row, column=j, value=neutralise(value)).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (24, 11, 36, 60, 28, 40)):
        notes.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template(dataset: str, fmt: str) -> bytes:
    return template_xlsx(dataset) if fmt == "xlsx" else template_csv(dataset)
