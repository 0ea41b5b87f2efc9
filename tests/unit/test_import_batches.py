"""Import batches: the same file twice never double counts; overlapping periods are replaced only
when confirmed; undo takes a batch out and puts back what it replaced; person identifiers are
pseudonymised; templates; the command line's exit codes."""

from __future__ import annotations

import hashlib
import hmac
import shutil

import openpyxl
import pandas as pd
import pytest

from dashboard.data import importers
from dashboard.data.importers import Source, batches, cld, pseudonym, templates
from dashboard.data.store import Store
from tests.unit.test_import_common import GOOD, KEY, WAKEFIELD, run_cli, snapshot, snapshot_file


@pytest.fixture
def store(db_copy):  # a writable store on a private copy (shadows the read-only session store)
    s = Store(db_copy)
    yield s
    s.close()


def survey_source(name="survey.csv", transform=None) -> Source:
    text = (GOOD / "survey.csv").read_text()
    return Source(name, (transform(text) if transform else text).encode("utf-8"))


def test_same_file_twice_is_recognised_and_never_double_counts(store):
    importers.import_files(store, "survey", [survey_source()], who="t")
    after_first = snapshot(store)
    with pytest.raises(batches.AlreadyImported) as again:
        importers.import_files(store, "survey", [survey_source("renamed.csv")], who="t")
    assert "already imported" in str(again.value) and "nothing is counted twice" in str(again.value)
    assert snapshot(store) == after_first


def test_overlapping_periods_are_replaced_only_when_confirmed_and_undo_puts_them_back(store):
    original = snapshot(store)
    (first,) = importers.import_files(store, "survey", [survey_source()], who="t")
    after_first = snapshot(store)
    # a corrected export for the same council and year: different bytes, same area and period
    corrected = survey_source("survey-corrected.csv", lambda t: t.replace(",0.75,", ",1.0,"))
    with pytest.raises(batches.NeedsConfirmation) as overlap:
        importers.import_files(store, "survey", [corrected], who="t")
    assert "2024-25: 1 area, 40 rows (batch" in str(overlap.value)
    assert snapshot(store) == after_first
    (second,) = importers.import_files(store, "survey", [corrected], who="t", replace=True)
    rows = store.sql("select batch_id, count(*) as n, sum(weight) as w from survey_responses where area_code = ?"
                     " group by 1", [WAKEFIELD])
    assert list(rows.batch_id) == [second] and list(rows.n) == [40] and rows.w[0] == pytest.approx(45.0)
    assert batches.history(store).set_index("batch_id").loc[second, "replaced_rows"] == 40
    # undo the replacement: the first batch's rows come back exactly
    done = batches.undo(store, second, who="t")
    assert (done["removed"], done["restored"]) == (40, 40)
    restored = snapshot(store)
    for table in ["survey_responses", "replaced_survey_responses"]:
        assert restored[table] == after_first[table]
    # undo the first: back to the fixture as it was (the history keeps both, marked undone)
    batches.undo(store, first, who="t")
    final = snapshot(store)
    # (the release layer's cells are keyed by the data version, which an undo moves on)
    kept = [k for k in final if k != "import_batches" and not k.startswith("release_")]
    assert {k: final[k] for k in kept} == {k: original[k] for k in kept}
    history = batches.history(store).set_index("batch_id")
    assert history.loc[first, "status"] == history.loc[second, "status"] == "undone"
    assert history.loc[first, "undone_by"] == "t"
    with pytest.raises(ValueError, match="already been undone"):
        batches.undo(store, first, who="t")
    with pytest.raises(ValueError, match="There is no batch 999"):
        batches.undo(store, 999, who="t")


def test_undo_of_an_older_batch_does_not_resurrect_rows_a_later_batch_holds(store):
    (a,) = importers.import_files(store, "survey", [survey_source()], who="t")
    (b,) = importers.import_files(store, "survey", [survey_source("b.csv", lambda t: t.replace(",0.75,", ",0.8,"))],
                                  who="t", replace=True)
    (c,) = importers.import_files(store, "survey", [survey_source("c.csv", lambda t: t.replace(",0.75,", ",0.9,"))],
                                  who="t", replace=True)
    batches.undo(store, b, who="t")  # b's own rows were already replaced by c; a's rows must not come back
    rows = store.sql("select batch_id, count(*) as n from survey_responses where area_code = ? group by 1", [WAKEFIELD])
    assert list(rows.batch_id) == [c] and list(rows.n) == [40]
    batches.undo(store, c, who="t")  # now a's rows, set aside by b and handed on to c, come back
    rows = store.sql("select batch_id, count(*) as n from survey_responses where area_code = ? group by 1", [WAKEFIELD])
    assert list(rows.batch_id) == [a] and list(rows.n) == [40]


def test_several_files_are_one_transaction_with_a_batch_each(store):
    one = survey_source("q1.csv")
    other = Source("q2.csv", (GOOD / "survey.csv").read_text().replace("E08000036", "E08000034").encode())
    ids = importers.import_files(store, "survey", [one, other], who="t", replace=True)
    assert len(ids) == 2 and ids[1] == ids[0] + 1
    history = batches.history(store).set_index("batch_id")
    assert list(history.loc[ids, "file_name"]) == ["q1.csv", "q2.csv"]


def test_person_identifiers_are_pseudonymised_and_never_stored(store):
    (batch,) = importers.import_files(store, "support", [Source.from_path(GOOD / "support.csv")], who="t", key=KEY)
    keys = store.sql("select person_key from support_records where batch_id = ?", [batch]).person_key
    expected = hmac.new(KEY.encode(), b"MOS-100000", hashlib.sha256).hexdigest()
    assert expected in set(keys)
    assert keys.str.fullmatch(r"[0-9a-f]{64}").all()
    for table in store.sql("select table_name from information_schema.tables where table_type = 'BASE TABLE'").table_name:
        text = store.sql(f"select string_agg(t::varchar, ' ') as s from {table} t").s[0] or ""
        assert "MOS-1" not in text, table


def test_same_key_same_code_different_key_different_code():
    ids = pd.Series(["A1", "a1 ", "B2"]).str.upper().str.strip()
    one, two = pseudonym.pseudonymise(ids, KEY), pseudonym.pseudonymise(ids, KEY + "x")
    assert one[0] == one[1] != one[2]
    assert set(one).isdisjoint(set(two))


@pytest.mark.parametrize("key", [KEY, "a key longer than one SHA-256 block of 64 bytes " * 3, "clé à accents 123456"])
def test_vectorised_pseudonyms_are_python_hmac_codes(key):
    """The codes are computed in DuckDB (vectorised) and must stay RFC 2104 HMAC-SHA256: the
    same person keeps the same code as in earlier imports; a missing identifier stays missing."""
    ids = pd.Series(["MOS-100000", None, "ÜNÏ-7", "MOS-100000"], dtype=object)
    codes = pseudonym.pseudonymise(ids, key)
    expected = [hmac.new(key.encode(), i.encode(), hashlib.sha256).hexdigest() for i in ("MOS-100000", "ÜNÏ-7")]
    assert list(codes) == [expected[0], None, expected[1], expected[0]]


def test_key_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(pseudonym.ENV, "from the environment 123")
    assert pseudonym.configured_key() == "from the environment 123"


@pytest.mark.parametrize("dataset", importers.NAMES)
def test_templates_have_the_columns_and_a_notes_sheet(dataset, tmp_path):
    header = templates.template_csv(dataset).decode().strip().split(",")
    if dataset == "ascof":
        assert header[:4] == ["Geographical Code", "Geographical Description", "Geographical Level", "ONS Code"]
    elif dataset == "cld":  # the CLD specification's own names, as councils' systems export them
        assert header[0] == "LA_Code" and header == [f.name for f in cld.template_fields()]
    else:
        assert header == [f.name for f in importers.DATASETS[dataset].fields]
    path = tmp_path / "t.xlsx"
    path.write_bytes(templates.template_xlsx(dataset))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["data", "notes"]
    assert [c.value for c in book["data"][1]] == header
    notes = "\n".join(str(c.value) for row in book["notes"].iter_rows() for c in row if c.value)
    assert "allowed values" in notes and header[0] in notes


def test_a_filled_in_template_imports(store):
    frame = pd.read_csv(GOOD / "dp_experience.csv", dtype=str)
    names = [f.name for f in importers.DATASETS["dp_experience"].stored_fields]
    frame.columns = names
    data = templates.template_csv("dp_experience") + frame.to_csv(index=False, header=False).encode()
    (batch,) = importers.import_files(store, "dp_experience", [Source("dp_template.csv", data)], who="t")
    assert store.sql("select count(*) as n from dp_experience where batch_id = ?", [batch]).n[0] == 20


def test_command_line_template_import_undo(fixture_db, tmp_path):
    db = tmp_path / "cli.duckdb"
    shutil.copy(fixture_db, db)
    out = tmp_path / "survey_template.xlsx"
    result = run_cli("template", "survey", "-o", str(out))
    assert result.returncode == 0 and out.exists()
    before = snapshot_file(db)
    result = run_cli("import", "support", str(GOOD / "support.csv"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "Imported 30 rows from 1 file as batch 8" in result.stdout
    result = run_cli("import", "support", str(GOOD / "support.csv"), "--db", str(db))
    assert result.returncode == 3 and "already imported" in result.stderr
    result = run_cli("import", "support", str(GOOD / "support.csv"), "--db", str(db), key=None)
    assert result.returncode == 1 and "no pseudonym key is set" in result.stderr
    result = run_cli("undo", "--list", "--db", str(db))
    assert result.returncode == 0 and "support.csv" in result.stdout
    result = run_cli("undo", "8", "--db", str(db))
    assert result.returncode == 0 and "removed 30 rows" in result.stdout
    after = snapshot_file(db)
    # the history and the release layer's cells (keyed by the data version, which an undo moves on) aside
    kept = [k for k in after if k != "import_batches" and not k.startswith("release_")]
    assert {k: after[k] for k in kept} == {k: before[k] for k in kept}
    result = run_cli("undo", "8", "--db", str(db))
    assert result.returncode == 1 and "already been undone" in result.stderr
    result = run_cli("import", "ascof", str(GOOD / "ascof-2020-21-slice.xlsx"), "--db", str(db), "--check")
    assert result.returncode == 0 and "nothing was imported (--check)" in result.stdout
    assert "already loaded for some of the same areas" in result.stderr
