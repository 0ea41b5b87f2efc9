"""The fast way in for a large, plain CSV file: read, checked and typed in DuckDB.

A file of millions of rows (a council's support records for a year, say) is read by DuckDB's
CSV reader into a staging table, and never becomes Python objects row by row:

1. the file is read into ``staging`` (text cells; DuckDB refuses a row with too many or too
   few values, or bytes that are not UTF-8);
2. each column's *distinct* cells are checked and converted by ``validation._convert``, the
   same code the careful way uses (so the rules, and the values they give, are in one place);
3. every other check is an SQL query over the typed rows: a check's ``sql`` (``not_before``),
   duplicates of the dataset's ``unique`` fields, rows the same in every column;
4. the typed rows (person identifiers replaced by their keyed code, in SQL) are fetched once,
   as Arrow columns, for ``batches.write``'s ``insert ... select``.

Anything unusual makes ``prepare_file`` return None, and the import takes the careful way
(``validation``: every problem listed with its file, row, column, value and what was expected):
a file that is not plain (a byte-order mark, quotes, blank lines, an Excel workbook, another
encoding), a dataset with a step the fast way has not got (a ``derive``, a check without
``sql``), and *any* problem found by steps 1-3. So a file is accepted here only when the
careful way would accept it, with the same rows; what a wrong file is told is unchanged, and
nothing is written unless everything is right (all or nothing).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.data.importers import pseudonym
from dashboard.data.importers.problems import Problems
from dashboard.data.importers.reading import ROW, Table, normalise_name, sniff_delimiter
from dashboard.data.importers.validation import Dataset, _convert

#: below this many bytes the careful way is as quick (and it is the one every small test file takes)
MIN_BYTES = 1_000_000
_CONTROL = bytes([*range(0, 9), 11, 12, *range(14, 32)])  # (tab and newline are not among them)
SQL_TYPES = {"integer": "BIGINT", "number": "DOUBLE", "bool": "BOOLEAN", "date": "DATE"}


def eligible(spec: Dataset) -> bool:
    """The dataset has no step the fast way lacks: no ``derive``, and every check has ``sql``."""
    return spec.derive is None and all(getattr(check, "sql", None) for check in spec.checks)


def plain_csv(name: str, data: bytes, limit: int) -> tuple[str, list[str]] | None:
    """(delimiter, header) when ``data`` is a plain UTF-8 CSV file the fast way reads exactly as
    ``reading.read_csv_text`` would; None otherwise."""
    if len(data) < MIN_BYTES or len(data) > limit or Path(name).suffix.lower() not in (".csv", ".txt", ".tsv"):
        return None
    if data[:4] in (b"PK\x03\x04", b"%PDF") or data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    if b'"' in data or b"\r" in data or b"\n\n" in data.rstrip(b"\n") or data.startswith(b"\n"):
        return None  # quoted cells, Windows line ends, blank lines: the careful reader's rules
    if len(data.translate(None, _CONTROL)) != len(data):
        return None
    first = data[: data.find(b"\n")] if b"\n" in data else data
    try:
        line = first.decode("utf-8")
    except UnicodeDecodeError:
        return None
    delimiter = sniff_delimiter(line)
    header = [h.strip() for h in line.split(delimiter)]
    normalised = [normalise_name(h) for h in header]
    if not all(header) or len(set(header)) != len(header) or len(set(normalised)) != len(normalised):
        return None
    return delimiter, header


def _distinct_map(con, f, cell: str, column: str, table: Table, problems: Problems, today: date):
    """The column's distinct cells and their typed values (None when a cell is wrong)."""
    cells = con.execute(f"select distinct coalesce({cell}, '') as raw from staging").fetchnumpy()["raw"]
    raw = pd.Series(np.asarray(cells, dtype=object), dtype=object)
    rows = pd.Series(np.arange(len(raw), dtype="int64"))
    typed = _convert(f, raw, rows, column, table, problems, today)
    if f.kind == "date":
        typed = pd.Series([d.isoformat() if isinstance(d, date) else None for d in typed], dtype=object)
    elif f.kind == "bool":
        typed = typed.astype("boolean")
    elif f.kind not in ("integer", "number"):
        typed = typed.astype(object).where(typed.notna(), None)
    return pd.DataFrame({"raw": raw.astype(str), "v": typed.reset_index(drop=True)})


def prepare_file(spec: Dataset, name: str, data: bytes, limit: int, problems: Problems, *,
                 key: str | None, today: date):
    """(typed rows, format in words), or None: take the careful way."""
    import duckdb

    if not eligible(spec):
        return None
    found = plain_csv(name, data, limit)
    if found is None:
        return None
    delimiter, header = found
    cells = [f"c{i}" for i in range(len(header))]
    table = Table(name, pd.DataFrame(columns=[*header, ROW]), header, "", delimiter=delimiter)
    mine = Problems()
    mapping = spec.match_columns(table, mine)
    if mine.groups:
        return None
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        with tempfile.NamedTemporaryFile(suffix=".csv") as tmp:
            tmp.write(data)
            tmp.flush()
            columns = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in cells) + "}"
            try:
                con.execute(
                    f"create table staging as select * from read_csv(?, header = true, delim = ?, quote = '\"',"
                    f" columns = {columns}, auto_detect = false, strict_mode = true, null_padding = false)"
                    f" where coalesce({', '.join(cells)}) is not null",  # a row of empty cells is skipped
                    [tmp.name, delimiter]).fetchall()
            except duckdb.Error:
                return None  # a row with more or fewer values, bytes that are not UTF-8...: the careful way says which
        if con.execute("select count(*) from staging").fetchall()[0][0] == 0:
            return None
        cell_of = {column: cells[header.index(column)] for column in header}
        selects, joins, params = [], [], {}
        for i, f in enumerate(spec.fields):
            column = mapping.get(f.name)
            sql_type = SQL_TYPES.get(f.kind, "VARCHAR")
            if column is None:
                params[f"default_{i}"] = f.default
                selects.append(f"cast($default_{i} as {sql_type}) as {f.name}")
                continue
            if f.kind == "person_id":  # nearly every cell distinct: ``_convert``'s rule in SQL
                cell = cell_of[column]
                if con.execute(f"select count(*) from staging where regexp_matches({cell}, '[^\\x00-\\x7f]')"
                               + ("" if f.blank_ok else f" or coalesce(regexp_replace({cell}, '\\s', '', 'g'), '') = ''")
                               ).fetchall()[0][0]:
                    return None  # not plain ASCII, or empty: the careful way
                selects.append(f"nullif(upper(regexp_replace(s.{cell}, '\\s+', '', 'g')), '') as {f.name}")
                continue
            lookup = _distinct_map(con, f, cell_of[column], column, table, mine, today)
            if mine.groups:
                return None  # a wrong cell: the careful way lists it with its row
            con.register(f"map_{i}", lookup)
            joins.append(f"join map_{i} on map_{i}.raw = coalesce(s.{cell_of[column]}, '')")
            value = f"cast(map_{i}.v as {sql_type})"
            selects.append(f"{value} as {f.name}")
        con.execute(f"create table typed as select {', '.join(selects)} from staging s {' '.join(joins)}", params).fetchall()
        if not _clean(con, spec):
            return None
        outputs, hmac = [], None
        for f in spec.stored_fields:
            if f.kind == "person_id":  # the keyed code, never the identifier (``pseudonym``)
                ipad, opad = pseudonym.pads(key)
                hmac = {"ipad": ipad, "opad": opad}
                outputs.append(f"case when {f.name} is not null then {pseudonym.HMAC_EXPR.format(id=f.name)} end"
                               f" as {f.name}")
            else:
                outputs.append(f.name)
        arrow = con.sql(f"select {', '.join(outputs)} from typed", params=hmac).to_arrow_table()
    finally:
        con.close()
    problems.notes.extend(n for n in mine.notes if n not in problems.notes)
    rows = arrow.to_pandas(types_mapper=pd.ArrowDtype)
    return rows, f"CSV, UTF-8, {({',': 'comma', ';': 'semicolon', chr(9): 'tab'})[delimiter]} separated"


def _clean(con, spec: Dataset) -> bool:
    """Every row-level check in SQL over the typed rows: nothing found (else the careful way)."""
    for check in spec.checks:
        if con.execute(f"select count(*) from typed where {check.sql}").fetchall()[0][0]:
            return False
    if spec.unique:
        cols = ", ".join(spec.unique)
        present = " and ".join(f"{c} is not null" for c in spec.unique)
        if con.execute(f"select count(*) from (select {cols} from typed where {present}"
                       f" group by all having count(*) > 1)").fetchall()[0][0]:
            return False
    if spec.duplicate_rows:
        cols = ", ".join(f.name for f in spec.stored_fields)
        if con.execute(f"select count(*) from (select {cols} from typed group by all having count(*) > 1)"
                       ).fetchall()[0][0]:
            return False
    return True
