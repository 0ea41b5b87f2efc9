"""Reading an uploaded or named file into a table of text cells, whatever its shape.

CSV in UTF-8, UTF-8 with BOM, UTF-16 (either byte order) or Windows-1252, separated by commas,
semicolons or tabs; Excel workbooks (.xlsx, .xlsm, .xls) through python-calamine, first sheet or
a named one. The kind of file is told from its content, not its name. Every cell is kept as text
(checking and converting is the job of ``validation``); each row keeps its spreadsheet row number
(the header is row 1) so problems can point at it.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import tomllib
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pandas as pd

from dashboard import config
from dashboard.data.importers.problems import refuse

ROW = "_row"  # column holding each row's spreadsheet row number
EXTENSIONS = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls")
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
SPREADSHEET_EXPECTED = "a CSV file (comma, semicolon or tab separated) or an Excel workbook (.xlsx)"


def max_upload_mb() -> int:
    """The upload limit: ``server.maxUploadSize`` in .streamlit/config.toml (Streamlit's own
    limit for the Data page), used for the command line too."""
    try:
        settings = tomllib.loads((config.PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
        return int(settings.get("server", {}).get("maxUploadSize", 50))
    except (OSError, ValueError, tomllib.TOMLDecodeError):
        return 50


@dataclass
class Source:
    """One file to import: its name and its bytes."""

    name: str
    data: bytes

    @classmethod
    def from_path(cls, path: Path | str, limit_mb: int | None = None) -> "Source":
        path = Path(path)
        limit = (limit_mb or max_upload_mb()) * 1024 * 1024
        if not path.is_file():
            raise refuse(path.name, "cannot be found", f"an existing file (looked for {path})")
        size = path.stat().st_size
        if size > limit:
            raise too_big(path.name, size, limit)
        return cls(path.name, path.read_bytes())


def too_big(name: str, size: int, limit: int):
    return refuse(name, f"is too big ({size / 1024 / 1024:,.1f} MB)",
                  f"a file of at most {limit // (1024 * 1024)} MB: split it, for example one file per year")


@dataclass
class Table:
    """A file read into text cells: ``frame`` has the file's own column names plus ``_row``."""

    file: str
    frame: pd.DataFrame
    columns: list[str]
    format: str  # in words: "CSV, UTF-8, comma separated" or "Excel workbook, sheet 'Data'"
    delimiter: str | None = None


# ------------------------------------------------------------------ text files


def decode(name: str, data: bytes) -> tuple[str, str]:
    """The file's text and its encoding in words; refuses what is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(name, data[3:], "utf-8"), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(name, data, "utf-16"), "UTF-16"
    sample = data[:4000]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) == 0:
        return _strict(name, data, "utf-16-le"), "UTF-16"
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4 and sample[1::2].count(0) == 0:
        return _strict(name, data, "utf-16-be"), "UTF-16"
    if b"\x00" in data:
        raise not_a_spreadsheet(name, "is not a spreadsheet: it holds binary data, not text")
    try:
        text, encoding = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            raise not_a_spreadsheet(name, "is not a spreadsheet: its bytes are not text in any encoding we read")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > max(2, len(text[:20000]) // 200):
        raise not_a_spreadsheet(name, "is not a spreadsheet: it holds binary data, not text")
    return text, encoding


def _strict(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise not_a_spreadsheet(name, f"could not be read as {encoding.upper()} text")


def not_a_spreadsheet(name: str, what: str):
    return refuse(name, what, SPREADSHEET_EXPECTED + " saved from your system or Excel")


def sniff_delimiter(header_line: str) -> str:
    """Comma, semicolon or tab: whichever splits the header line most (outside quotes)."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else ","


def read_csv_text(name: str, text: str, encoding: str) -> Table:
    text = text.lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip(" ,;\t")), "")
    if not first:
        raise refuse(name, "is empty: it has no header row and no data",
                     "a header row naming the columns, then one row per record")
    delimiter = sniff_delimiter(first)
    fast = _read_csv_fast(name, text, delimiter, encoding)
    if fast is not None:
        return fast
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise refuse(name, f"could not be read as CSV ({exc})", SPREADSHEET_EXPECTED)
    numbered = [(i + 1, r) for i, r in enumerate(records) if "".join(r).strip()]
    header_row, header = numbered[0]
    header = [h.strip() for h in header]
    width = len(header)
    problems_rows, values = [], []
    body = numbered[1:]
    if all(len(r) == width for _, r in body):  # the usual case: no row to pad or check
        cleaned, row_numbers = [r for _, r in body], [n for n, _ in body]
    else:
        cleaned, row_numbers = [], []
        for number, record in body:
            if len(record) > width and any(c.strip() for c in record[width:]):
                problems_rows.append(number)
                values.append(delimiter.join(record)[:80])
                continue
            cleaned.append((record + [""] * (width - len(record)))[:width])
            row_numbers.append(number)
    fmt = f"CSV, {encoding}, {DELIMITERS[delimiter]} separated"
    table = _table(name, header, cleaned, row_numbers, fmt)
    table.delimiter = delimiter
    if problems_rows:
        from dashboard.data.importers.problems import ImportRefused, Problems

        problems = Problems()
        problems.add(name, "(whole row)", f"has more values than the header has columns ({width})",
                     f"one value per column, {DELIMITERS[delimiter]} separated (put text that contains "
                     f"a {DELIMITERS[delimiter]} in double quotes)", problems_rows, values)
        raise ImportRefused(problems)
    return table


def _read_csv_fast(name: str, text: str, delimiter: str, encoding: str) -> Table | None:
    """pandas' C parser for the usual, well-formed file; None (use the csv module, which
    reports every bad row) when a row has more values than the header."""
    try:
        raw = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=object, keep_default_na=False,
                          na_filter=False, skip_blank_lines=False, quotechar='"', engine="c")
    except (pd.errors.ParserError, ValueError):
        return None
    raw = raw.fillna("")
    filled = raw.ne("").any(axis=1)  # a row of empty cells is skipped
    kept = raw[filled.to_numpy()]
    if kept.empty:
        return None
    header = [str(h).strip() for h in kept.iloc[0]]
    while header and not header[-1]:
        header = header[:-1]
    extra = kept.iloc[1:, len(header):]
    if not extra.empty and extra.ne("").any(axis=None):
        return None  # values beyond the header: the careful reader lists them
    body = kept.iloc[1:, : len(header)]
    rows = (body.index.to_numpy() + 1).tolist()
    frame = body.copy()
    frame.columns = _unique_labels(header)
    frame = frame.reset_index(drop=True)
    frame[ROW] = pd.Series(rows, dtype="int64")
    table = Table(name, frame, list(frame.columns[:-1]), f"CSV, {encoding}, {DELIMITERS[delimiter]} separated")
    table.delimiter = delimiter
    return table


# ------------------------------------------------------------------ Excel workbooks


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value != value:
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value.days)
    return str(value).strip()


#: an Excel workbook is a ZIP archive: refused before parsing when it would unpack to more than
#: this many times the upload limit, or when a part is packed more tightly than MAX_RATIO to 1
#: (a "zip bomb": a small file that unpacks to gigabytes)
UNPACKED_TIMES_LIMIT = 8
MAX_RATIO = 200
MAX_PARTS = 5000


def check_unpacked_size(name: str, archive: zipfile.ZipFile, limit_mb: int | None = None) -> None:
    """Refuse a workbook that would unpack to too much, before any XML is parsed.

    The sizes the archive declares are checked first; then every part is unpacked as a stream
    and counted (its CRC then proves the declared size true), stopping at the limit, so a bomb
    costs at most the limit's worth of unpacking and no memory."""
    limit_mb = limit_mb or max_upload_mb()
    cap = UNPACKED_TIMES_LIMIT * limit_mb * 1024 * 1024
    expected = f"a workbook that unpacks to at most {cap // (1024 * 1024):,} MB (an ordinary Excel file)"
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise refuse(name, f"is not an ordinary Excel workbook: it holds {len(parts):,} parts", expected)
    declared = sum(p.file_size for p in parts)
    if declared > cap:
        raise refuse(name, f"would unpack to {declared / 1024 / 1024:,.0f} MB, over the limit", expected)
    for part in parts:
        if part.file_size > 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise refuse(name, f"is packed {part.file_size // max(part.compress_size, 1):,} to 1 (part "
                               f"{part.filename}): a compressed bomb, not an ordinary workbook", expected)
    total = 0
    for part in parts:
        with archive.open(part) as stream:
            while chunk := stream.read(1024 * 1024):
                total += len(chunk)
                if total > cap:
                    raise refuse(name, "unpacks to more than the limit", expected)


def read_workbook(name: str, data: bytes, sheet: str | None = None, limit_mb: int | None = None) -> Table:
    from python_calamine import CalamineWorkbook

    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" in names:
                    check_unpacked_size(name, archive, limit_mb)
        except zipfile.BadZipFile:
            raise refuse(name, "could not be opened: the Excel workbook is damaged or incomplete",
                         "a workbook that opens in Excel (save it again, or export it again from your system)")
        if "xl/workbook.xml" not in names:
            kind = "a Word document" if "word/document.xml" in names else "a ZIP archive"
            raise not_a_spreadsheet(name, f"is not a spreadsheet: it is {kind}")
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = book.sheet_names
        if sheet:
            match = next((s for s in names if s.strip().lower() == sheet.strip().lower()), None)
            if match is None:
                raise refuse(name, f'has no sheet called "{sheet}"',
                             "one of its sheets: " + ", ".join(f'"{s}"' for s in names))
            chosen = match
        else:
            visible = [m.name for m in book.sheets_metadata if str(m.visible).lower().endswith("visible")
                       and "hidden" not in str(m.visible).lower()]
            chosen = (visible or names)[0]
        rows = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own errors for damaged files
        if exc.__class__.__name__ == "ImportRefused":
            raise
        raise refuse(name, "could not be opened: the Excel workbook is damaged or incomplete",
                     "a workbook that opens in Excel (save it again, or export it again from your system)")
    texts = [[_cell_text(v) for v in row] for row in rows]
    numbered = [(i + 1, r) for i, r in enumerate(texts) if any(r)]
    if not numbered:
        raise refuse(name, f'is empty: sheet "{chosen}" has no header row and no data',
                     "a header row naming the columns, then one row per record")
    header_row, header = numbered[0]
    while header and not header[-1]:
        header = header[:-1]
    width = len(header)
    body = [((r + [""] * width)[:width]) for _, r in numbered[1:]]
    return _table(name, header, body, [n for n, _ in numbered[1:]], f'Excel workbook, sheet "{chosen}"')


def _unique_labels(header: list[str]) -> list[str]:
    labels = [h if h else f"(column {i + 1} has no name)" for i, h in enumerate(header)]
    unique = []
    for label in labels:  # a repeated header name would collapse columns: keep both, checked later
        candidate, k = label, 2
        while candidate in unique:
            candidate, k = f"{label} ({k})", k + 1
        unique.append(candidate)
    return unique


def _table(name: str, header: list[str], body: list[list[str]], row_numbers: list[int], fmt: str) -> Table:
    unique = _unique_labels(header)
    columns = list(zip(*body)) if body else [()] * len(unique)
    frame = pd.DataFrame({name: pd.Series(list(col), dtype=object) for name, col in zip(unique, columns)})
    frame[ROW] = pd.Series(row_numbers, dtype="int64")
    return Table(name, frame, unique, fmt)


# ------------------------------------------------------------------ either


def read_table(source, sheet: str | None = None, limit_mb: int | None = None) -> Table:
    """Read ``source`` (a ``Source``) as a CSV or an Excel workbook, told apart by content."""
    name, data = source.name, source.data
    limit = (limit_mb or max_upload_mb()) * 1024 * 1024
    if len(data) > limit:
        raise too_big(name, len(data), limit)
    suffix = Path(name).suffix.lower()
    if suffix not in EXTENSIONS:
        raise not_a_spreadsheet(name, f'is not a spreadsheet: files ending "{suffix or "(nothing)"}" are not read')
    if not data.strip():
        raise refuse(name, "is empty: it has no header row and no data",
                     "a header row naming the columns, then one row per record")
    if data[:4] == b"%PDF":
        raise not_a_spreadsheet(name, "is not a spreadsheet: it is a PDF")
    if data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return read_workbook(name, data, sheet, limit_mb)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        raise refuse(name, "could not be opened: the Excel workbook is damaged or is not a workbook",
                     "a workbook that opens in Excel (save it again, or export it again from your system)")
    text, encoding = decode(name, data)
    return read_csv_text(name, text, encoding)


def normalise_name(name: str) -> str:
    """Column names match ignoring case, spaces and punctuation: "Area Code" == "area_code"."""
    return re.sub(r"[^a-z0-9]", "", str(name).lower())
