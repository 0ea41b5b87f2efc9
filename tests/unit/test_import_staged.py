"""The fast way in for a large plain CSV file (``importers.staged``: read, checked and typed in
DuckDB) gives exactly the rows the careful way gives, and a wrong file is told exactly what the
careful way tells it (file, row, column, value), with nothing written."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest

from dashboard.data import importers
from dashboard.data.importers import batches, staged
from dashboard.data.importers.reading import Source
from dashboard.data.store import Store
from tests.conftest import FIXTURE_DATA
from tests.unit.test_import_common import KEY

TODAY = date(2026, 12, 1)


def _fixture_rows() -> list[dict]:
    with open(FIXTURE_DATA / "support_records.csv", newline="") as f:
        return list(csv.DictReader(f))


def _uk(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""


def big_support_file(rows: int = 12_000, change=None) -> bytes:
    """A support file of over 1 MB in the shapes real exports take (other spellings, council
    names, dd/mm/yyyy dates, identifiers with spaces and lower case, an ignored column)."""
    base = _fixture_rows()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Person ID", "Council", "Year", "Age group", "PSR", "Mechanism", "DP used for", "Agreed",
                     "First paid", "Notes"])
    for i in range(rows):
        r = base[i % len(base)]
        line = [f"p {i} x" if i % 3 else f"P{i}X", r["area_code"] if i % 5 else "Leeds" if r["area_code"] == "E08000035" else r["area_code"],
                r["period"] if i % 7 else r["period"].replace("-", "/"), r["age_band"] if i % 4 else {"18-64": "18 to 64"}.get(r["age_band"], r["age_band"]),
                r["support_reason"], {"Direct Payment": "DP"}.get(r["delivery_mechanism"], r["delivery_mechanism"]) if i % 2 else r["delivery_mechanism"],
                r["dp_use"], _uk(r["date_agreed"]) if i % 2 else r["date_agreed"], r["date_first_paid"], "anything"]
        if change:
            line = change(i, line)
        writer.writerow(line)
    data = out.getvalue().encode("utf-8")
    assert len(data) > staged.MIN_BYTES
    return data


def _prepare(data: bytes, fast: bool, monkeypatch, name: str = "support.csv"):
    monkeypatch.setattr(staged, "MIN_BYTES", staged.MIN_BYTES if fast else 10 ** 12)
    return importers.prepare("support", [Source(name, data)], key=KEY, today=TODAY)


def _comparable(frame: pd.DataFrame) -> list[tuple]:
    return [tuple(None if pd.isna(v) else str(v) for v in row) for row in frame.itertuples(index=False)]


def test_the_fast_way_is_taken_and_gives_the_careful_ways_rows(monkeypatch):
    data = big_support_file()
    assert staged.plain_csv("support.csv", data, 10 ** 9) is not None
    fast = _prepare(data, True, monkeypatch)
    careful = _prepare(data, False, monkeypatch)
    assert isinstance(fast.files[0].rows["person_key"].dtype, pd.ArrowDtype)  # (the fast way's Arrow columns)
    assert not isinstance(careful.files[0].rows["person_key"].dtype, pd.ArrowDtype)
    assert list(fast.files[0].rows.columns) == list(careful.files[0].rows.columns)
    assert _comparable(fast.files[0].rows) == _comparable(careful.files[0].rows)
    assert fast.notes == careful.notes and any("not used" in n for n in fast.notes)
    assert (fast.files[0].periods, fast.files[0].areas, fast.files[0].format) == (
        careful.files[0].periods, careful.files[0].areas, careful.files[0].format)


@pytest.mark.parametrize("change, words", [
    (lambda i, line: line[:1] + ["Narnia"] + line[2:] if i == 7000 else line, "is not a council we know"),
    (lambda i, line: line[:7] + ["31/12/2099"] + line[8:] if i == 9000 else line, "is in the future"),
    (lambda i, line: line[:8] + ["01/01/2000"] + line[9:] if i == 8000 and line[7] else line, "is before the date"),
    # the same person, council and period as the row one round of the fixture's rows before
    (lambda i, line: [f"P{i - len(_fixture_rows())}X"] + line[1:] if i == 10_000 else line, "is a duplicate"),
    (lambda i, line: [""] + line[1:] if i == 11_000 else line, "is empty"),
    (lambda i, line: line + ["extra"] if i == 6000 else line, "has more values than the header"),
])
def test_a_wrong_large_file_is_told_what_the_careful_way_tells(change, words, monkeypatch):
    data = big_support_file(change=change)
    messages = []
    for fast in (True, False):
        with pytest.raises(importers.ImportRefused) as refused:
            _prepare(data, fast, monkeypatch)
        messages.append(str(refused.value))
    assert messages[0] == messages[1]
    assert words in messages[0] and "support.csv" in messages[0]


def test_an_import_through_the_fast_way_is_written_and_undone_whole(db_copy, monkeypatch):
    store = Store(db_copy)
    try:
        before = store.sql("select count(*) as n from support_records").n[0]
        plan = _prepare(big_support_file(), True, monkeypatch)
        [batch] = batches.write(store, plan, who="test", replace=True, materialise=False)
        stored = store.sql("select * from support_records where batch_id = ?", [batch])
        assert len(stored) == 12_000 and stored["person_key"].str.fullmatch("[0-9a-f]{64}").all()
        careful = _prepare(big_support_file(), False, monkeypatch).files[0].rows
        assert sorted(stored["person_key"]) == sorted(careful["person_key"])  # the same keyed codes
        batches.undo(store, batch, who="test")
        assert store.sql("select count(*) as n from support_records").n[0] == before
    finally:
        store.close()
