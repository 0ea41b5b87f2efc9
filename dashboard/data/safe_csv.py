"""The one formula-safe CSV writer: every CSV download and template goes through ``to_csv`` or
``neutralise`` (figures.exports re-exports them for the pages)."""

from __future__ import annotations

import pandas as pd


#: a cell starting with one of these is read as a formula by spreadsheet programs (CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell value safe to open in a spreadsheet: text starting with ``= + - @``, a tab or a
    carriage return gets a leading apostrophe (OWASP's advice), so it is shown as text, never run
    as a formula; carriage returns become line breaks. Numbers, dates and empty cells are left
    alone."""
    if isinstance(value, str):
        if value.startswith(FORMULA_STARTS):
            value = "'" + value
        # a lone carriage return inside a cell is not quoted by the CSV writer (lines end in \n) and
        # spreadsheet programs would start a new row there: make it a quoted line break
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def safe_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with every text cell and column name neutralised (see ``neutralise``)."""
    out = rows.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise).astype(object)
    return out


def to_csv(rows: pd.DataFrame) -> bytes:
    """The one way a CSV download is made: formula-safe (``safe_frame``), UTF-8 with a
    byte-order mark so spreadsheet programs read the symbols and dashes."""
    return safe_frame(rows).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")
