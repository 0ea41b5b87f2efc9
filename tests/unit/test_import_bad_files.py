"""Bad files, each its own test: the import is refused with a message naming the file, row and
column (where there is one) and what was expected, and every table's row count and content
checksum is unchanged. Files are in tests/fixtures/imports/bad (written by make_imports.py);
the very large ones are written here."""

from __future__ import annotations

import pytest

from dashboard.data import importers
from dashboard.data.importers import Source
from dashboard.data.store import Store
from tests.unit.test_import_common import BAD, GOOD, KEY, run_cli, snapshot, snapshot_file

# file, dataset, row, column (as named in the file), words the message must contain, options
CASES = [
    ("wrong_delimiter.csv", "survey", None, None, "separated by a character other than a comma, semicolon or tab", {}),
    ("missing_column.csv", "survey", None, None, 'has no column for "q3a_control"', {}),
    ("text_in_number.csv", "survey", 7, "Q1", 'value "very" is not a whole number', {}),
    ("out_of_range_code.csv", "survey", 9, "Q3a", 'value "5" is not one of the allowed codes; expected a whole number from 1 to 4', {}),
    ("unknown_area.csv", "survey", 5, "Area Code", 'value "E08009999" is not a council we know', {}),
    ("future_period.csv", "survey", 11, "Year", 'value "2031-32" is in the future', {}),
    ("duplicate_respondent.csv", "survey", 14, "Respondent ID + Area Code + Year", "the same respondent id appears on more than one row", {}),
    ("empty.csv", "survey", None, None, "is empty: it has no header row and no data", {}),
    ("header_only.csv", "survey", None, None, "has a header row but no data rows", {}),
    ("binary_garbage.csv", "survey", None, None, "is not a spreadsheet: it holds binary data", {}),
    ("corrupt.xlsx", "survey", None, None, "the Excel workbook is damaged or incomplete", {}),
    ("ragged_row.csv", "survey", 6, "(whole row)", "has more values than the header has columns (13)", {}),
    ("blank_required.csv", "survey", 4, "Age band", 'value "" is empty; expected one of: "18-64", "65 and over"', {}),
    ("fraction_in_whole_number.csv", "survey", 6, "Mechanism of delivery", 'value "2.5" is not a whole number', {}),
    ("negative_weight.csv", "survey", 8, "Weight", 'value "-1" is outside the allowed range', {}),
    ("split_council.csv", "survey", 3, "Area Code", "Cumbria, which was split in two", {}),
    ("unreadable_period.csv", "survey", 10, "Year", 'value "Spring 2024" is not a period we can read', {}),
    ("quarter_not_allowed.csv", "survey", 12, "Year", 'value "2024-25 Q2" is not a period we can read', {}),
    ("wrong_dataset.csv", "survey", None, None, "it looks like a Support records (client level) file: choose that dataset, support", {}),
    ("report.pdf.xlsx", "survey", None, None, "is not a spreadsheet: it is a PDF", {}),
    ("letter.xlsx", "survey", None, None, "is not a spreadsheet: it is a Word document", {}),
    ("notes.json", "survey", None, None, 'files ending ".json" are not read', {}),
    ("support_duplicate_person.csv", "support", 13, "Person ID + LA Code + Period", "the same person appears more than once", {}),
    ("support_future_date.csv", "support", 7, "Date Agreed", 'value "01/01/2031" is in the future', {}),
    ("support_impossible_date.csv", "support", 2, "Date Agreed", 'value "31/02/2024" is not a date we can read', {}),
    ("support_us_date.csv", "support", 12, "Date First Paid", 'value "06/13/2024" is not a date we can read', {}),
    ("support_paid_before_agreed.csv", "support", 17, "Date First Paid", 'is before the date in column "Date Agreed"', {}),
    ("support_unknown_mechanism.csv", "support", 5, "Delivery Mechanism", 'value "Voucher" is not one of the allowed values', {}),
    ("breakdown_unknown_category.csv", "breakdowns", 6, "Category", 'value "parking" is not one of the allowed values', {}),
    ("breakdown_resolved_before.csv", "breakdowns", 4, "Resolved", 'is before the date in column "Date"', {}),
    ("breakdown_not_yes_no.csv", "breakdowns", 8, "Escalated", 'value "perhaps" is not yes or no', {}),
    ("breakdown_negative_days.csv", "breakdowns", 5, "Days delayed", 'value "-3" is outside the allowed range', {}),
    ("breakdown_duplicate_rows.csv", "breakdowns", 12, "(every column)", "the same values as an earlier row in every column", {}),
    ("breakdown_period_mismatch.csv", "breakdowns", 7, "Period", 'does not match the date in column "Date"', {}),
    ("coproduction_paid_above_people.csv", "coproduction", 3, "people_paid", "is more than everyone taking part", {}),
    ("coproduction_unknown_level.csv", "coproduction", 4, "level", 'value "tokenistic" is not one of the allowed values', {}),
    ("i_statement_unknown_answer.csv", "i_statements", 11, "Answer", 'value "maybe" is not one of the allowed values', {}),
    ("dp_agreement_out_of_range.csv", "dp_experience", 6, "Use flexibly", 'value "6" is not one of the allowed codes', {}),
    ("ascof-2020-21-numerator-above-denominator.csv", "ascof", 253, "Measure Value", "is a numerator above its denominator", {}),
    ("ascof-2020-21-text-value.csv", "ascof", 22, "Measure Value", 'value "n/a" is not a number or a missing-value marker', {}),
    ("ascof-2020-21-unknown-council.csv", "ascof", 32, "ONS Code", 'value "E08000099" is not a council we know', {}),
    ("ascof-2020-21-no-measure-value.csv", "ascof", None, None, 'has no column for "Measure Value (or Measure_Value)"', {}),
    ("ascof-2020-21-unknown-level.csv", "ascof", 42, "Geographical Level", 'value "Ward" is not a geographical level we know', {}),
    ("ascof-no-year.csv", "ascof", None, None, "does not say which year it is for", {}),
    ("ascof-2023-24-old-codes.csv", "ascof", 402, "Measure Group", "used only before the 2023-24 renumbering", {"period": "2023-24"}),
    ("ascof-2020-21-duplicate.csv", "ascof", 2362, "ASCOF Measure Code", "repeats a figure already given", {}),
]


@pytest.fixture(scope="module")
def import_store(fixture_db, tmp_path_factory):
    """One writable copy for this module: every test here must leave it unchanged."""
    import shutil

    path = tmp_path_factory.mktemp("bad_imports") / "bad.duckdb"
    shutil.copy(fixture_db, path)
    store = Store(path)
    yield store
    store.close()


def assert_refused(store, dataset, sources, words, file, row=None, column=None, **options) -> str:
    before = snapshot(store)
    with pytest.raises(importers.ImportRefused) as refused:
        importers.import_files(store, dataset, sources, who="test", key=options.pop("key", KEY), **options)
    text = str(refused.value)
    assert text.startswith("Nothing was imported")
    assert file in text
    if row is not None:
        assert f"{file}, row {row}" in text, text
    if column is not None:
        assert f'column "{column}"' in text, text
    assert words in text, text
    assert snapshot(store) == before
    return text


@pytest.mark.parametrize("name, dataset, row, column, words, options", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_refused_with_file_row_column_and_nothing_changes(import_store, name, dataset, row, column,
                                                                      words, options):
    assert_refused(import_store, dataset, [Source.from_path(BAD / name)], words, name, row, column, **options)


def test_200000_row_file_with_one_bad_row_at_the_end(import_store, tmp_path):
    lines = ["Person ID,LA Code,Period,Age Band,PSR,Delivery Mechanism"]
    lines += [f"P{i},E08000036,2024-25,18-64,Physical Support,Direct Payment" for i in range(199_999)]
    lines.append("P199999,E08000036,2024-25,18-64,Physical Support,Cash in hand")
    path = tmp_path / "support_200000.csv"
    path.write_text("\n".join(lines) + "\n")
    text = assert_refused(import_store, "support", [Source.from_path(path)], 'value "Cash in hand" is not one of the allowed values',
                          path.name, row=200_001, column="Delivery Mechanism")
    assert "1 row where" in text  # only the one bad row, not the 199,999 good ones


def test_oversized_file_is_refused_before_reading(import_store, tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: 51 MB without writing them
    with pytest.raises(importers.ImportRefused) as refused:
        Source.from_path(path)
    assert "huge.csv: is too big (51.0 MB)" in str(refused.value)
    assert "at most 50 MB" in str(refused.value)


def test_person_level_file_without_a_pseudonym_key_is_refused(import_store):
    assert_refused(import_store, "support", [Source.from_path(GOOD / "support.csv")], "no pseudonym key is set",
                   "support.csv", key="")


def test_person_level_file_with_a_short_key_is_refused(import_store):
    assert_refused(import_store, "support", [Source.from_path(GOOD / "support.csv")], "the pseudonym key is too short",
                   "support.csv", key="short")


def test_one_bad_file_among_good_ones_imports_nothing(import_store):
    sources = [Source.from_path(GOOD / "survey.csv"), Source.from_path(BAD / "out_of_range_code.csv")]
    text = assert_refused(import_store, "survey", sources, "is not one of the allowed codes", "out_of_range_code.csv", 9, "Q3a")
    assert "survey.csv," not in text.replace("out_of_range_code.csv", "")


def test_every_problem_is_listed_grouped_with_counts(import_store, tmp_path):
    lines = (GOOD / "survey.csv").read_text().splitlines()
    header, rows = lines[0], lines[1:]
    bad = [r.replace(",1,1,", ",9,9,", 1) if i < 12 else r for i, r in enumerate(rows)]  # Q2c and Q3a out of range
    bad[20] = bad[20].replace("E08000036", "NOWHERE")
    path = tmp_path / "many.csv"
    path.write_text("\n".join([header, *bad]) + "\n")
    text = assert_refused(import_store, "survey", [Source.from_path(path)], "is not a council we know", "many.csv", 22, "Area Code")
    import re

    groups = re.findall(r'Column "([^"]+)" of many.csv: (\d+) rows? where', text)
    assert len(groups) >= 3 and sum(int(n) for _, n in groups) == int(re.search(r"(\d+) problems found", text)[1])
    assert any(int(n) > 5 for _, n in groups)
    assert "… and " in text  # more rows than are shown


def test_command_line_prints_the_same_problems_and_exits_non_zero(fixture_db, tmp_path):
    import shutil

    db = tmp_path / "cli.duckdb"
    shutil.copy(fixture_db, db)
    before = snapshot_file(db)
    result = run_cli("import", "survey", str(BAD / "out_of_range_code.csv"), "--db", str(db))
    assert result.returncode == 1
    assert 'out_of_range_code.csv, row 9, column "Q3a": value "5" is not one of the allowed codes' in result.stderr
    assert "Nothing was imported" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot_file(db) == before
