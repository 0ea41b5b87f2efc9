"""The happy path for every dataset in every encoding and format: UTF-8, UTF-8 with BOM, UTF-16,
Windows-1252; comma, semicolon or tab separated; Excel first sheet or a named sheet. The rows
land, one batch is recorded, and the values are the file's."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.data import importers
from dashboard.data.importers import Source, batches
from dashboard.data.store import Store
from tests.unit.test_import_common import GOOD, KEY, WAKEFIELD

DATASETS = ["survey", "support", "dp_experience", "breakdowns", "coproduction", "i_statements"]
ROWS = {"survey": 40, "support": 30, "dp_experience": 20, "breakdowns": 10, "coproduction": 8, "i_statements": 24}


def _text(frame: pd.DataFrame, sep: str) -> str:
    return frame.to_csv(index=False, sep=sep, lineterminator="\r\n")


def _xlsx(frame: pd.DataFrame, sheet: str | None) -> bytes:
    out = io.BytesIO()
    with pd.ExcelWriter(out) as writer:
        if sheet:  # the data on a second, named sheet; a cover sheet first
            pd.DataFrame({"About": ["Exported from the case-management system"]}).to_excel(writer, sheet_name="Cover", index=False)
            frame.to_excel(writer, sheet_name=sheet, index=False)
        else:
            frame.to_excel(writer, index=False)
    return out.getvalue()


VARIANTS = {
    "utf8-comma": lambda f: (".csv", _text(f, ",").encode("utf-8"), None),
    "utf8-bom-comma": lambda f: (".csv", b"\xef\xbb\xbf" + _text(f, ",").encode("utf-8"), None),
    "utf16-tab": lambda f: (".txt", _text(f, "\t").encode("utf-16"), None),
    "utf16le-no-bom-tab": lambda f: (".tsv", _text(f, "\t").encode("utf-16-le"), None),
    "windows1252-semicolon": lambda f: (".csv", _text(f, ";").encode("cp1252"), None),
    "utf8-tab": lambda f: (".tsv", _text(f, "\t").encode("utf-8"), None),
    "xlsx-first-sheet": lambda f: (".xlsx", _xlsx(f, None), None),
    "xlsx-named-sheet": lambda f: (".xlsx", _xlsx(f, "Responses"), "responses"),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("dataset", DATASETS)
def test_every_dataset_imports_in_every_encoding_and_format(db_copy, dataset, variant):
    frame = pd.read_csv(GOOD / f"{dataset}.csv", dtype=str, keep_default_na=False)
    suffix, data, sheet = VARIANTS[variant](frame)
    store = Store(db_copy)
    try:
        table = importers.TABLES[dataset]
        before = store.sql(f"select count(*) as n from {table}").n[0]
        plan = importers.prepare(dataset, [Source(f"{dataset}{suffix}", data)], store=store, sheet=sheet, key=KEY)
        assert plan.row_count == ROWS[dataset]
        assert not plan.needs_confirmation and not plan.already
        (batch,) = batches.write(store, plan, who="test")
        landed = store.sql(f"select count(*) as n from {table} where batch_id = ?", [batch]).n[0]
        assert landed == ROWS[dataset]
        assert store.sql(f"select count(*) as n from {table}").n[0] == before + ROWS[dataset]
        assert set(store.sql(f"select distinct area_code from {table} where batch_id = ?", [batch]).area_code) == {WAKEFIELD}
        history = batches.history(store).iloc[0]
        assert (history.batch_id, history.dataset, history.row_count, history.status) == (batch, dataset, ROWS[dataset], "active")
        assert history.file_format.startswith("Excel" if suffix == ".xlsx" else "CSV")
        assert len(history.content_hash) == 64
    finally:
        store.close()


def test_cp1252_curly_apostrophes_and_semicolons_keep_their_text(db_copy):
    frame = pd.read_csv(GOOD / "i_statements.csv", dtype=str, keep_default_na=False)
    store = Store(db_copy)
    try:
        importers.import_files(store, "i_statements", [Source("checkins.csv", _text(frame, ";").encode("cp1252"))], who="t")
        statements = set(store.sql("select statement from i_statement_checkins where area_code = ?", [WAKEFIELD]).statement)
        assert "I’m supported by people who help me to make links in my local area" in statements
        answers = store.sql("select answer, count(*) as n from i_statement_checkins where area_code = ? group by 1"
                            " order by 1", [WAKEFIELD])
        assert dict(zip(answers.answer, answers.n)) == {"no": 6, "sometimes": 6, "yes": 12}  # "Yes" read as yes
    finally:
        store.close()


def test_values_land_as_the_file_says(db_copy):
    """Survey: synonyms, "65+", the long SALT reason, words for the mechanism; dates in UK form;
    a period worked out from the date; "you said, we did" status worked out."""
    store = Store(db_copy)
    try:
        for dataset in DATASETS:
            importers.import_files(store, dataset, [Source.from_path(GOOD / f"{dataset}.csv")], who="t", key=KEY)
        survey = store.sql("select * from survey_responses where area_code = ? order by rowid", [WAKEFIELD])
        assert list(survey.age_band[:2]) == ["65 and over", "18-64"]
        assert set(survey.support_reason) == {"Physical Support", "Learning Disability Support"}
        assert list(survey.delivery_mechanism.value_counts().sort_index()) == [10, 30]  # 1 and 4 (from words)
        assert set(survey.period) == {"2024-25"}  # written 2024/25
        weighted = (survey.weight * survey.q3a_control.isin([1, 2])).sum() / survey.weight.sum()
        assert weighted == pytest.approx(0.75)
        support = store.sql("select * from support_records where area_code = ? order by date_agreed", [WAKEFIELD])
        assert set(support.period) == {"2024-25 Q2"}
        assert set(support.dp_use.dropna()) == {"employs personal assistants"}  # "PA"
        assert str(support.date_agreed.dropna().iloc[0])[:10] == "2024-05-01"  # 01/05/2024, day first
        breakdowns = store.sql("select * from breakdowns where area_code = ? order by breakdown_date", [WAKEFIELD])
        assert set(breakdowns.period) == {"2024-25"}  # from the date: no period column
        assert breakdowns.note.iloc[1] == "Delay 1, waiting for a plan"
        assert list(breakdowns.category[:3]) == ["housing", "hospital or ATU discharge", "transition to adult services"]
        co = store.sql("select * from coproduction_activities where area_code = ? order by activity_date", [WAKEFIELD])
        assert set(co.action_status) == {"none", "open", "completed"}
        dp = store.sql("select * from dp_experience where area_code = ?", [WAKEFIELD])
        assert set(dp.know_how_much) == {4}  # "agree"
        assert dp.clawback_letters.sum() == 1
    finally:
        store.close()


def test_excel_date_cells_blank_rows_and_a_title_free_sheet(db_copy):
    """Real Excel dates (not text), numbers stored as numbers, and empty rows in between."""
    from datetime import datetime

    frame = pd.read_csv(GOOD / "breakdowns.csv", dtype=str, keep_default_na=False)
    frame["Date"] = [datetime(2024, 7, 1 + i) for i in range(len(frame))]
    frame["Days delayed"] = frame["Days delayed"].astype(int)
    blank = pd.DataFrame([[None] * len(frame.columns)], columns=frame.columns)
    with_blanks = pd.concat([frame.iloc[:5], blank, blank, frame.iloc[5:]], ignore_index=True)
    out = io.BytesIO()
    with_blanks.to_excel(out, index=False)
    store = Store(db_copy)
    try:
        (batch,) = importers.import_files(store, "breakdowns", [Source("breakdowns.xlsx", out.getvalue())], who="t")
        rows = store.sql("select breakdown_date, days_delayed from breakdowns where batch_id = ? order by 1", [batch])
        assert len(rows) == 10
        assert str(rows.breakdown_date.iloc[0])[:10] == "2024-07-01"
        assert list(rows.days_delayed) == [5 * i for i in range(10)]
    finally:
        store.close()


def test_csv_with_blank_lines_and_empty_rows_is_read(db_copy):
    text = (GOOD / "survey.csv").read_text().splitlines()
    messy = [text[0], *text[1:11], "", ",,,,,,,,,,,,", *text[11:], "", ""]
    store = Store(db_copy)
    try:
        (batch,) = importers.import_files(store, "survey", [Source("messy.csv", "\n".join(messy).encode())], who="t")
        assert store.sql("select count(*) as n from survey_responses where batch_id = ?", [batch]).n[0] == 40
    finally:
        store.close()
