"""Checking a table against a dataset's columns, vectorised (a 200,000-row file in seconds).

A ``Dataset`` lists its ``Field`` s: the column in the database, the names a file may give it
(matched ignoring case, spaces and punctuation), its kind (area, period, date, whole number,
code, yes/no, text, person identifier), whether it is required, and its allowed values with
their meanings. ``Dataset.check(table, problems)`` returns the typed rows ready to write, and
adds every problem it finds (file, row, column, value, what was expected) to ``problems``.
Nothing here writes anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

import numpy as np
import pandas as pd

from dashboard.data import reference
from dashboard.data.importers.problems import HIDDEN, Problems
from dashboard.data.importers.reading import ROW, Table, normalise_name

DATE_EXPECTED = "a date written dd/mm/yyyy (31/03/2024) or yyyy-mm-dd (2024-03-31)"

# Councils whose ONS code changed in 2020-2023 with the same area (old code -> new code)
RENAMED_AREAS = {
    "E10000002": "E06000060",  # Buckinghamshire (unitary from April 2020)
    "E10000023": "E06000065",  # North Yorkshire (unitary from April 2023)
    "E10000027": "E06000066",  # Somerset (unitary from April 2023)
}
# Councils split in two: their figures cannot be given to either new council
SPLIT_AREAS = {
    "E10000006": ("Cumbria", "Cumberland E06000063 or Westmorland and Furness E06000064"),
    "E10000021": ("Northamptonshire", "North Northamptonshire E06000061 or West Northamptonshire E06000062"),
}


def _areas() -> pd.DataFrame:
    return reference.areas_frame()


@dataclass(frozen=True)
class Field:
    name: str  # column in the database (and in the template)
    label: str  # what it is, in plain words
    kind: str  # area | period | date | integer | number | code | bool | text | person_id | key
    required: bool = True  # the column must be in the file
    blank_ok: bool = False  # a cell may be empty
    default: object = None  # value when the column is missing, or a cell is empty and blank_ok
    synonyms: tuple[str, ...] = ()  # other column names accepted (matched like the name)
    minimum: float | None = None
    maximum: float | None = None
    codes: dict | None = None  # allowed value -> meaning
    spellings: dict | None = None  # other accepted spellings (normalised) -> allowed value
    quarters: bool = False  # for periods: quarters (2023-24 Q2) allowed as well as years
    stored: bool = True  # False: read for checks only (e.g. a respondent id), never stored
    example: str = ""
    help: str = ""

    @property
    def names(self) -> set[str]:
        return {normalise_name(self.name)} | {normalise_name(s) for s in self.synonyms}

    def expected(self) -> str:
        """What the column should hold, in plain words (for messages and the template notes)."""
        if self.kind == "area":
            return ("the ONS code of a council with adult social services responsibilities, such as "
                    "E08000035 (Leeds), or the council's name")
        if self.kind == "period":
            text = "a financial year such as 2023-24"
            return text + (", or a quarter such as 2023-24 Q2" if self.quarters else "") + ", not in the future"
        if self.kind == "date":
            return DATE_EXPECTED + ", not in the future"
        if self.kind in ("integer", "number"):
            word = "a whole number" if self.kind == "integer" else "a number"
            if self.codes:
                meanings = "; ".join(f"{k} = {v}" for k, v in self.codes.items())
                return f"{word} from {self.minimum:g} to {self.maximum:g} ({meanings})"
            if self.minimum is not None and self.maximum is not None:
                return f"{word} from {self.minimum:g} to {self.maximum:g}"
            if self.minimum is not None:
                return f"{word} of {self.minimum:g} or more" if self.minimum <= 0 else f"{word} greater than 0"
            return word
        if self.kind == "code":
            return "one of: " + ", ".join(f'"{c}"' for c in self.codes)
        if self.kind == "bool":
            return '"yes" or "no" (also true/false, y/n, 1/0)'
        if self.kind == "person_id":
            return "the person's identifier from your system (it is replaced by a keyed code at import)"
        if self.kind == "key":
            return "an identifier that is different on every row"
        return "text"


@dataclass
class Dataset:
    name: str  # as the command line and the Data page call it
    title: str
    table: str
    one_row_is: str
    fields: list[Field]
    person_level: bool = False  # holds person identifiers: needs the pseudonym key
    unique: tuple[str, ...] | None = None  # fields that identify a row (duplicates are refused)
    unique_words: str = ""
    duplicate_rows: bool = False  # refuse rows identical in every column
    checks: list[Callable] = field(default_factory=list)  # extra checks (frame, columns, table, problems)
    derive: Callable | None = None  # fill derived fields (e.g. period from a date)
    notes: list[str] = field(default_factory=list)  # for the template's notes sheet

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def stored_fields(self) -> list[Field]:
        return [f for f in self.fields if f.stored]

    # ------------------------------------------------------------------ columns

    def match_columns(self, table: Table, problems: Problems) -> dict[str, str]:
        """field name -> the file's column; adds problems for missing or doubled columns."""
        found: dict[str, list[str]] = {}
        for column in table.columns:
            norm = normalise_name(column)
            for f in self.fields:
                if norm in f.names:
                    found.setdefault(f.name, []).append(column)
        mapping = {}
        for f in self.fields:
            columns = found.get(f.name, [])
            if len(columns) > 1:
                problems.add(table.file, " and ".join(f'"{c}"' for c in columns).strip('"'),
                             f"are all read as {f.label} ({f.name})", "one column for each thing", count=1)
            elif columns:
                mapping[f.name] = columns[0]
        missing = [f for f in self.fields if f.required and f.name not in mapping]
        if missing:
            names = ", ".join(f'"{f.name}" ({f.label})' for f in missing)
            hint = ""
            if len(table.columns) == 1 and re.search(r"[|:^~]", table.columns[0]):
                hint = (f' (the header is one column, "{table.columns[0][:60]}": the values seem to be '
                        "separated by a character other than a comma, semicolon or tab)")
            problems.add(table.file, None, f"has no column for {names}{hint}",
                         "a header row with the template's column names (see the template for this dataset; "
                         "other names accepted are listed in its notes)", count=1)
        ignored = [c for c in table.columns if c not in mapping.values()]
        if ignored:
            problems.note(f"{table.file}: these columns are not used and were not stored: "
                          + ", ".join(f'"{c}"' for c in ignored[:12]) + ("…" if len(ignored) > 12 else "") + ".")
        return mapping

    # ------------------------------------------------------------------ rows

    def check(self, table: Table, problems: Problems, today: date | None = None) -> pd.DataFrame | None:
        """Typed rows, or None when the columns themselves are wrong."""
        before = len(problems.groups)
        mapping = self.match_columns(table, problems)
        if len(problems.groups) > before:
            return None
        raw = table.frame
        if raw.empty:
            problems.add(table.file, None, "has a header row but no data rows",
                         f"at least one row below the header ({self.one_row_is} per row)", count=1)
            return None
        today = today or date.today()
        out = pd.DataFrame({ROW: raw[ROW].to_numpy()}, index=raw.index)
        for f in self.fields:
            column = mapping.get(f.name)
            if column is None:
                out[f.name] = f.default
                continue
            out[f.name] = _convert(f, raw[column], raw[ROW], column, table, problems, today)
        out.attrs["columns"] = mapping
        if self.derive:
            out = self.derive(out, mapping, table, problems)
        for check in self.checks:
            check(out, mapping, table, problems)
        return out


# ------------------------------------------------------------------ converting one column


def _report(problems: Problems, table: Table, column: str, f: Field, bad: pd.Series, values: pd.Series,
            rows: pd.Series, what: str, expected: str | None = None) -> None:
    if not bad.any():
        return
    shown = values[bad]
    if f.kind == "person_id":
        shown = pd.Series([HIDDEN] * len(shown), index=shown.index)
    problems.add(table.file, column, what, expected or f.expected(), rows[bad].head(10).tolist(),
                 shown.head(10).tolist(), count=int(bad.sum()))


def _convert(f: Field, values: pd.Series, rows: pd.Series, column: str, table: Table, problems: Problems,
             today: date) -> pd.Series:
    # Every conversion and test runs on each distinct cell once (a 250,000-row file has few
    # distinct codes, dates and numbers; even its person identifiers are text to strip once),
    # and its result is spread back over the rows by position with numpy: no Python per row.
    positions, distinct_cells = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=False)
    u = pd.Series([str(v).strip() for v in distinct_cells], dtype=object)  # the distinct cell texts

    def spread(distinct) -> pd.Series:
        """A value per distinct text -> a value per row."""
        return pd.Series(np.asarray(distinct, dtype=object)[positions], index=values.index, dtype=object)

    def rows_where(distinct_mask) -> pd.Series:
        return pd.Series(np.asarray(distinct_mask, dtype=bool)[positions], index=values.index)

    text = spread(u)
    blank_u = u.eq("").to_numpy()
    blank = rows_where(blank_u)
    if not f.blank_ok:
        _report(problems, table, column, f, blank, text, rows, "is empty")
    kind = f.kind
    if kind in ("integer", "number"):
        number_u = _numbers(f, u, table).to_numpy(dtype=float)
        number = pd.Series(number_u[positions], index=values.index, dtype=float)
        not_number = ~blank & number.isna()
        what = "is not a whole number" if kind == "integer" else "is not a number"
        _report(problems, table, column, f, not_number, text, rows, what)
        if kind == "integer":
            fraction = ~blank & number.notna() & (number % 1 != 0)
            _report(problems, table, column, f, fraction, text, rows, "is not a whole number")
        out_of_range = pd.Series(False, index=text.index)
        if f.minimum is not None:
            out_of_range |= number < f.minimum
        if f.maximum is not None:
            out_of_range |= number > f.maximum
        what = "is not one of the allowed codes" if f.codes else "is outside the allowed range"
        _report(problems, table, column, f, out_of_range.fillna(False), text, rows, what)
        if f.default is not None:
            number = number.where(~blank, f.default)
        return number.round().astype("Int64") if kind == "integer" else number.astype(float)
    if kind in ("code", "bool", "date", "period", "area"):
        converted = _convert_distinct(f, u, table, problems)
        converted_u = converted.astype(object).where(converted.notna(), None).to_numpy(dtype=object)
        result = spread(converted_u)
        unread = rows_where(~blank_u & pd.isna(converted_u))
    if kind == "code":
        _report(problems, table, column, f, unread, text, rows, "is not one of the allowed values")
        if f.default is not None:
            result = result.where(~blank, f.default)
        return result
    if kind == "bool":
        _report(problems, table, column, f, unread, text, rows, "is not yes or no")
        if f.default is not None:
            result = result.where(~blank, f.default)
        return result
    if kind == "date":
        _report(problems, table, column, f, unread, text, rows, "is not a date we can read")
        future = rows_where([isinstance(d, date) and d > today for d in converted_u])
        _report(problems, table, column, f, future, text, rows, "is in the future")
        return result
    if kind == "period":
        _report(problems, table, column, f, unread, text, rows, "is not a period we can read")
        future = rows_where([isinstance(p, str) and period_start(p) > today for p in converted_u])
        _report(problems, table, column, f, future, text, rows, "is in the future")
        return result
    if kind == "area":
        upper_u = u.str.upper()
        renamed = rows_where(upper_u.isin(RENAMED_AREAS).to_numpy())
        if renamed.any():
            olds = sorted(set(text[renamed].str.upper()))
            problems.note(f"{table.file}: old council codes read as today's: "
                          + ", ".join(f"{o} as {RENAMED_AREAS[o]}" for o in olds) + ".")
        unknown = unread
        split = rows_where(upper_u.isin(SPLIT_AREAS).to_numpy())
        if (unknown & split).any():
            old = SPLIT_AREAS[text[unknown & split].iloc[0].upper()]
            _report(problems, table, column, f, unknown & split, text, rows,
                    f"is {old[0]}, which was split in two and no longer exists",
                    f"the code of the council on 2023 boundaries: {old[1]}")
        _report(problems, table, column, f, unknown & ~split, text, rows, "is not a council we know")
        return result
    kept_u = u.where(~blank_u, None)
    if kind == "person_id":
        # (identifiers are nearly all distinct: upper-cased and their spaces taken out by Arrow's
        # string kernels, not a Python loop per identifier)
        cleaned = kept_u.astype("str").str.upper().str.replace(r"\s+", "", regex=True)
        return pd.Series(cleaned.to_numpy(dtype=object, na_value=None)[positions], index=values.index, dtype=object)
    if kind == "text":
        long = rows_where((u.str.len() > 4000).to_numpy())
        _report(problems, table, column, f, long, spread(u.str.slice(0, 40) + "…"), rows,
                "is too long", "text of at most 4,000 characters")
    return spread(kept_u)  # text, key


def _numbers(f: Field, text: pd.Series, table: Table) -> pd.Series:
    """Distinct cell texts -> numbers (NaN when not a number); words allowed for coded answers."""
    cleaned = text
    if table.delimiter == ";":
        cleaned = cleaned.str.replace(",", ".", regex=False)
    else:
        cleaned = cleaned.str.replace(r"(?<=\d),(?=\d{3}\b)", "", regex=True)
    if f.spellings:
        named = cleaned.map(normalise_name).map(f.spellings)
        cleaned = cleaned.where(named.isna(), named.astype(object).map(lambda v: str(int(v)) if v == v else ""))
    return pd.to_numeric(cleaned.where(cleaned != ""), errors="coerce").astype(float)


def _convert_distinct(f: Field, values: pd.Series, table: Table, problems: Problems) -> pd.Series:
    """Convert distinct cell texts (stripped) for the code, bool, date, period and area kinds."""
    if f.kind == "code":
        lookup = {normalise_name(c): c for c in f.codes}
        lookup.update(f.spellings or {})
        norm = values.map(normalise_name)
        # primary support reasons often come in the long SALT form "Physical Support: Personal Care Support"
        head = values.str.split(":").str[0].map(normalise_name)
        coded = norm.map(lookup)
        return coded.where(coded.notna(), head.map(lookup))
    if f.kind == "bool":
        truth = {"yes": True, "y": True, "true": True, "1": True, "no": False, "n": False, "false": False, "0": False}
        return values.str.lower().map(truth)
    if f.kind == "date":
        parsed = parse_dates(values)
        return pd.Series([d.date() if d == d and d is not pd.NaT else None for d in parsed], dtype=object)
    if f.kind == "period":
        return parse_periods(values, f.quarters)
    return parse_areas(values)


# ------------------------------------------------------------------ parsers (vectorised)

_UK_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")


def parse_dates(text: pd.Series) -> pd.Series:
    """dd/mm/yyyy (also with - or .) or ISO yyyy-mm-dd; anything else is NaT."""
    uk = text.str.extract(_UK_DATE)
    iso = text.str.extract(_ISO_DATE)
    day = uk[0].fillna(iso[2])
    month = uk[1].fillna(iso[1])
    year = uk[2].fillna(iso[0])
    joined = year.str.zfill(4) + "-" + month.str.zfill(2) + "-" + day.str.zfill(2)
    return pd.to_datetime(joined, format="%Y-%m-%d", errors="coerce")


_PERIOD = re.compile(
    r"^(?:fy\s*)?(?P<y1>\d{4})\s*[-/]\s*(?P<y2>\d{2}|\d{4})(?:\s*[-,]?\s*q(?:uarter)?\s*(?P<q>\d))?$",
    re.IGNORECASE,
)
_PERIOD_Q_FIRST = re.compile(r"^q(?:uarter)?\s*(?P<q>\d)\s*[-,]?\s*(?P<y1>\d{4})\s*[-/]\s*(?P<y2>\d{2}|\d{4})$",
                             re.IGNORECASE)


def parse_periods(text: pd.Series, quarters: bool) -> pd.Series:
    """"2023-24", "2023/24", "2023-2024", "FY 2023-24" (and with quarters "2023-24 Q2", "Q2 2023/24")."""
    a = text.str.extract(_PERIOD)
    b = text.str.extract(_PERIOD_Q_FIRST)
    parts = a.where(a["y1"].notna(), b[["y1", "y2", "q"]].rename(columns=dict(zip(b.columns, b.columns))))
    y1 = pd.to_numeric(parts["y1"], errors="coerce")
    y2 = pd.to_numeric(parts["y2"], errors="coerce")
    y2 = y2.where(y2 >= 100, y1 // 100 * 100 + y2)
    y2 = y2.where(~((y2 < y1) & (y1 % 100 == 99)), y2 + 100)
    q = pd.to_numeric(parts["q"], errors="coerce")
    ok = y1.notna() & (y2 == y1 + 1) & y1.between(reference.FIRST_YEAR, reference.LAST_YEAR)
    ok &= q.isna() | (quarters & q.between(1, 4))
    year = y1.astype("Int64").astype(str) + "-" + ((y1 + 1) % 100).astype("Int64").astype(str).str.zfill(2)
    period = year.where(q.isna(), year + " Q" + q.astype("Int64").astype(str))
    return period.where(ok, None)


def parse_areas(text: pd.Series) -> pd.Series:
    """ONS code (any case) or the council's name; old codes of renamed councils are mapped."""
    areas = _areas()
    by_code = {c: c for c in areas["area_code"]}
    by_code.update(RENAMED_AREAS)
    by_name = {normalise_name(n): c for n, c in zip(areas["area_name"], areas["area_code"])}
    upper = text.str.upper()
    codes = upper.map(by_code)
    return codes.where(codes.notna(), text.map(normalise_name).map(by_name))


def financial_year_of(dates: pd.Series) -> pd.Series:
    """The financial year (April to March) of each date."""
    d = pd.to_datetime(dates)
    start = d.dt.year.where(d.dt.month >= 4, d.dt.year - 1)
    return (start.astype("Int64").astype(str) + "-" + ((start + 1) % 100).astype("Int64").astype(str).str.zfill(2)
            ).where(d.notna(), None)


def quarter_of(dates: pd.Series) -> pd.Series:
    d = pd.to_datetime(dates)
    q = ((d.dt.month - 4) % 12) // 3 + 1
    return financial_year_of(dates) + " Q" + q.astype("Int64").astype(str)


def period_from_date(date_field: str, period_field: str = "period"):
    """A derive step: the period is the financial year of the date when the file has no period
    column; when it has one, it must agree with the date (year, or quarter)."""

    def derive(out: pd.DataFrame, mapping: dict, table: Table, problems: Problems) -> pd.DataFrame:
        year = financial_year_of(out[date_field])
        if period_field not in mapping:
            out[period_field] = year
            return out
        given = out[period_field]
        quarter = quarter_of(out[date_field])
        has_both = given.notna() & year.notna()
        is_quarter = given.astype(str).str.contains("Q", regex=False)
        wrong = has_both & ((~is_quarter & (given != year)) | (is_quarter & (given != quarter)))
        if wrong.any():
            problems.add(table.file, mapping[period_field], f'does not match the date in column "{mapping[date_field]}"',
                         "the financial year (April to March) the date falls in, or leave the period empty",
                         out.loc[wrong, ROW].head(10).tolist(), given[wrong].head(10).tolist(), count=int(wrong.sum()))
        out[period_field] = given.where(given.notna(), year)
        return out

    return derive


# ------------------------------------------------------------------ shared checks


def not_before(later: str, earlier: str, words: str):
    """A check: ``later`` must not be before ``earlier`` (for example, paid before agreed)."""

    def check(out: pd.DataFrame, mapping: dict, table: Table, problems: Problems) -> None:
        a, b = pd.to_datetime(out[later]), pd.to_datetime(out[earlier])
        bad = a.notna() & b.notna() & (a < b)
        if bad.any():
            problems.add(table.file, mapping.get(later, later), f'is before the date in column "{mapping.get(earlier, earlier)}"',
                         words, out.loc[bad, ROW].head(10).tolist(),
                         [str(v) for v in out.loc[bad, later].head(10)], count=int(bad.sum()))

    check.sql = f"{later} < {earlier}"  # the rows it finds, over the typed rows (``staged``)
    return check


def duplicates(out: pd.DataFrame, fields: list[str], table_files: pd.Series | None = None) -> pd.Series:
    """True for every row after the first with the same values in ``fields``."""
    return out.duplicated(subset=fields, keep="first")


def period_start(period: str) -> date:
    year = reference.year_start(period)
    if " Q" in period:
        q = int(period[-1])
        month = 4 + 3 * (q - 1)
        return date(year + (month > 12), (month - 1) % 12 + 1, 1)
    return date(year, 4, 1)

