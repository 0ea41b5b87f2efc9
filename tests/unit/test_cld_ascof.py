"""ASCOF 3D parts 1a and 2a from Client Level Data, as NHS England's replication code works them
out (issue 12), on CLD files written from the specification with the traps the code handles
(tests/fixtures/issue12/make_cld.py lists every person and event).

Worked out by hand for Leeds, 2023-24 (snapshot 31/03/2024), from the re-submission of 28/04/2024
(the first submission of 15/04/2024 is superseded; the one of 02/05/2024 came after the window
closed on 01/05/2024; the 2024-25 Q1 file does not reach 31/03/2024 and starts after 01/04/2023):

    person  why                                            band        counted as
    P1      DP in delivery mechanism and component          18-64       DP   (P9, P26: same person)
    P2      DP only in Service Component                    65+         DP
    P3      CCS (rank 5) and CMPB (rank 4): CMPB            18-64       SDS
    P4      community DP (3) and residential (2)            -           not community: left out
    P5      ended 29/02/2024, before the snapshot           -           left out
    P6      died 01/03/2024, before the snapshot            -           left out
    P7      died 10/04/2024, after the snapshot: CCS        65+         denominator only
    P8      no NHS number, council id L8: CMPB              18-64       SDS
    P9      no NHS number, council id L1 = P1's             -           dropped (cannot be placed)
    P10     born April 1959: 23,741 days / 365.25 = 64.99   18-64       DP
    P11     born March 1959: 23,772 days / 365.25 = 65.08   65+         denominator only
    P12     a carer                                         -           left out
    P13     short-term support                              -           left out
    P14     mechanism "Cash payment" (invalid): blanked     18-64       denominator only
    P15     aged 17 (born May 2006): DP                     Total only  DP
    P16     client type "Client" (invalid)                  -           left out
    P17     "direct payment" (SQL Server ignores case)      65+         DP
    P18     prison                                          -           not community: left out
    P19     starts 05/04/2024, after the snapshot           -           left out
    P20     no mechanism, Home Care                         65+         denominator only
    P21     DP                                              18-64       DP
    P22     component DP, mechanism CCS: rank 3             65+         DP
    P23     DP; a residential stay ended 30/06/2023         18-64       DP
    P24     DP                                              65+         DP
    P25     CMPB                                            18-64       SDS

    Total:       denominator 16 (8 + 7 + P15); 1a (DP or CMPB) 12; 2a (DP) 9
                 1a = 12/16 = 75.0%; 2a = 9/16 = 56.25% -> 56.3% (half away from zero;
                 Python's round(56.25, 1) gives 56.2)
    18-64:       P1 P3 P8 P10 P14 P21 P23 P25 = 8; 1a 7 = 87.5%; 2a P1 P10 P21 P23 = 4 = 50.0%
    65 and over: P2 P7 P11 P17 P20 P22 P24 = 7; 1a 4 = 57.142..% -> 57.1%; 2a 4 -> 57.1%

Wakefield (no ImportDate column; sent 20/04/2024): W1 DP 18-64, W2 DP (component) 65+, W3 CMPB
18-64, W4 CCS 65+, W5 CCS 18-64: Total 3/5 = 60.0%, 2/5 = 40.0%; 18-64 2/3 = 66.7%, 1/3 = 33.3%;
65+ 1/2 = 50.0%, 1/2 = 50.0%.
"""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal

import pytest

from dashboard.data import cld, importers
from dashboard.data.importers import Source, batches
from dashboard.figures.catalogue import load
from dashboard.figures.indicators import build_figures, compute_indicator
from dashboard.data.store import Store
from tests.conftest import LEEDS, ROOT

HERE = ROOT / "tests" / "fixtures" / "issue12"
KEY = "issue12-test-key-0123456789abcdef"
WAKEFIELD = "E08000036"
LEEDS_FILES = ["cld-leeds-2023-24-first.csv", "cld-leeds-2023-24-resubmitted.csv", "cld-leeds-2023-24-too-late.csv",
               "cld-leeds-2024-25-q1.csv"]

EXPECTED = {  # (council, breakdown): (denominator, 1a numerator, 2a numerator, 1a %, 2a %)
    (LEEDS, "Total"): (16, 12, 9, "75.0", "56.3"),
    (LEEDS, "18-64"): (8, 7, 4, "87.5", "50.0"),
    (LEEDS, "65 and over"): (7, 4, 4, "57.1", "57.1"),
    (WAKEFIELD, "Total"): (5, 3, 2, "60.0", "40.0"),
    (WAKEFIELD, "18-64"): (3, 2, 1, "66.7", "33.3"),
    (WAKEFIELD, "65 and over"): (2, 1, 1, "50.0", "50.0"),
}


def issue12_db(fixture_db, path, published: bool = True, cld_files: bool = True):
    """A copy of the fixture database with this issue's published ASCOF files and/or CLD files."""
    shutil.copy(fixture_db, path)
    store = Store(path)
    try:
        if published:
            for name in ("ascof-2018-19-outcome-only.csv", "ascof-2023-24-mixed.csv"):
                importers.import_files(store, "ascof", [Source.from_path(HERE / name)], who="test")
        if cld_files:
            _import(store, LEEDS_FILES)
            _import(store, ["cld-wakefield-2023-24.csv"], submitted=datetime.datetime(2024, 4, 20, 9, 30))
    finally:
        store.close()
    return path


def _import(store: Store, names: list[str], **options) -> list[int]:
    return importers.import_files(store, "cld", [Source.from_path(HERE / n) for n in names], who="test", key=KEY,
                                  **options)


@pytest.fixture(scope="module")
def cld_db(fixture_db, tmp_path_factory):
    return issue12_db(fixture_db, tmp_path_factory.mktemp("cld") / "cld.duckdb", published=False)


@pytest.fixture(scope="module")
def cld_store(cld_db):
    store = Store(cld_db, read_only=True)
    yield store
    store.close()


def test_ascof_3d_matches_the_hand_worked_figures(cld_store):
    frame = cld.ascof_3d(cld_store)
    got = {(r.area_code, r.disaggregation): (r.denominator, r.sds_numerator, r.dp_numerator, str(r.sds_outcome),
                                             str(r.dp_outcome))
           for r in frame.itertuples() if r.period == "2023-24"}
    assert got == EXPECTED
    assert set(frame["period"]) == {"2023-24"}  # the 2024-25 Q1 file gives no year's figure


def test_sql_server_round_is_half_away_from_zero_on_exact_decimals():
    assert cld.sql_server_round(9, 16) == Decimal("56.3")  # 56.25
    assert round(9 / 16 * 100, 1) == 56.2  # what float rounding would have shown
    assert cld.sql_server_round(49, 400) == Decimal("12.3")  # 12.25
    assert cld.sql_server_round(1, 3) == Decimal("33.3")
    assert cld.sql_server_round(2, 3) == Decimal("66.7")
    assert cld.sql_server_round(1, 8, 0) == Decimal("13")  # 12.5 -> 13
    assert cld.sql_server_round(0, 7) == Decimal("0.0")


def test_cld_figures_replace_support_records_and_are_labelled(cld_store):
    figs = build_figures(cld_store)
    dp = figs.figure("direct_payments", LEEDS, "2023-24")
    assert dp["source"] == cld.SOURCE == "from your CLD submission, NHS method"
    # the value from the exact 9 of 16; viewers see the count and base rounded to 5 (release layer)
    assert dp["value"] == pytest.approx(56.3) and dp["base"] == 15 and dp["count"] == 10
    assert dp["lower_95"] < 9 / 16 * 100 < dp["upper_95"]  # Wilson on the exact counts
    sds = figs.figure("self_directed_support", LEEDS, "2023-24")
    assert sds["source"] == cld.SOURCE and sds["suppressed"]  # 4 of 16 without: the small-numbers rule holds
    raw = compute_indicator(cld_store, load()["self_directed_support"])
    raw = raw[(raw["geography_code"] == LEEDS) & (raw["period"] == "2023-24")].iloc[0]
    assert raw["source"] == cld.SOURCE and raw["value"] == pytest.approx(75.0) and raw["base"] == 16
    # other years keep the support records
    assert figs.figure("direct_payments", LEEDS, "2024-25")["source"] == "local data"
    # the region adds up the councils shown: support records for Kirklees (30 of 60) + Leeds' CLD
    # (9 of 16) + Wakefield's CLD (2 of 5)
    region = figs.indicator("direct_payments")
    region = region[(region["geography_code"] == "E12000003") & (region["period"] == "2023-24")].iloc[0]
    # ... but Wakefield's 2 of 5 is hidden, and the region minus Kirklees and Leeds would reveal
    # it, so the release layer hides the region too; its raw figure adds the CLD counts up
    assert region["suppressed"] and region["value"] != region["value"]
    raw = compute_indicator(cld_store, load()["direct_payments"])
    raw = raw[(raw["geography_code"] == "E12000003") & (raw["period"] == "2023-24")].iloc[0]
    assert raw["value"] == pytest.approx(41 / 81 * 100)


def test_resubmission_supersedes_and_late_file_is_ignored(fixture_db, tmp_path):
    path = tmp_path / "one.duckdb"
    shutil.copy(fixture_db, path)
    store = Store(path)
    try:
        _import(store, ["cld-leeds-2023-24-first.csv"])
        first = cld.ascof_3d(store).set_index(["area_code", "disaggregation"])
        assert first.loc[(LEEDS, "Total"), "denominator"] == 4 and first.loc[(LEEDS, "Total"), "dp_numerator"] == 1
        _import(store, ["cld-leeds-2023-24-too-late.csv"])  # received 02/05/2024: after the window
        assert cld.ascof_3d(store).set_index(["area_code", "disaggregation"]).loc[(LEEDS, "Total"), "denominator"] == 4
        _import(store, ["cld-leeds-2023-24-resubmitted.csv"])
        latest = cld.ascof_3d(store).set_index(["area_code", "disaggregation"])
        assert latest.loc[(LEEDS, "Total"), "denominator"] == 16
    finally:
        store.close()


def test_person_identifiers_are_keyed_never_stored(cld_store):
    stored = cld_store.sql("select nhs_key, la_person_key from cld_events")
    values = set(stored["nhs_key"].dropna()) | set(stored["la_person_key"].dropna())
    assert values and all(len(v) == 64 for v in values)
    assert not {"9000000011", "L1", "9100000011"} & values


def test_same_submission_twice_needs_confirmation_and_a_file_without_importdate_is_refused(cld_db, tmp_path):
    path = tmp_path / "again.duckdb"
    shutil.copy(cld_db, path)
    store = Store(path)
    try:
        with pytest.raises(importers.ImportRefused) as refused:
            _import(store, ["cld-wakefield-2023-24.csv"])
        assert 'has no column "ImportDate"' in str(refused.value)
        again = tmp_path / "cld-wakefield-2023-24-again.csv"  # a different file, the same submission
        again.write_text((HERE / "cld-wakefield-2023-24.csv").read_text().replace("W5", "W6"))
        with pytest.raises(batches.NeedsConfirmation):
            importers.import_files(store, "cld", [Source.from_path(again)], who="test", key=KEY,
                                   submitted=datetime.datetime(2024, 4, 20, 9, 30))
    finally:
        store.close()


def test_bad_cld_values_are_named_by_file_row_and_column(fixture_db, tmp_path):
    text = (HERE / "cld-leeds-2023-24-resubmitted.csv").read_text().splitlines()
    text[1] = text[1].replace(",6,1980,", ",13,1980,")  # birth month 13 (spreadsheet row 2)
    text[5] = text[5].replace("2024-04-28 16:30:00", "28th April")  # row 6
    bad = tmp_path / "cld-bad.csv"
    bad.write_text("\n".join(text) + "\n")
    path = tmp_path / "bad.duckdb"
    shutil.copy(fixture_db, path)
    store = Store(path)
    try:
        with pytest.raises(importers.ImportRefused) as refused:
            importers.import_files(store, "cld", [Source.from_path(bad)], who="test", key=KEY)
        message = str(refused.value)
        assert "cld-bad.csv" in message and 'Column "Der_Birth_Month"' in message and 'Column "ImportDate"' in message
        assert "row 2" in message and "row 6" in message and "28th April" in message
        assert store.sql("select count(*) as n from cld_events")["n"].iloc[0] == 0  # all or nothing
    finally:
        store.close()


def test_template_header_reads_back_and_a_date_of_birth_fills_blank_birth_columns():
    from dashboard.data.importers import templates

    header = templates.template_csv("cld").decode("utf-8-sig").strip()
    assert header.startswith("LA_Code,Reporting_Period_Start_Date,Reporting_Period_End_Date,ImportDate,NHS_Number")
    rows = ("E08000035,01/04/2023,31/03/2024,2024-04-20 10:00,9434765919,P1,,,15/06/1958,,Service User,,Service,"
            "01/01/2020,,,Long Term Support: Community,Direct Payment,\n"
            "E08000035,01/04/2023,31/03/2024,2024-04-20 10:00,,P2,3,1960,,,Service User,,Service,"
            "01/01/2020,,,Long Term Support: Community,,\n")
    plan = importers.prepare("cld", [Source("cld.csv", (header + "\n" + rows).encode())], key=KEY)
    stored = plan.files[0].rows
    assert stored[["birth_month", "birth_year"]].astype(int).values.tolist() == [[6, 1958], [3, 1960]]
    assert stored["nhs_key"].iloc[0] != "9434765919" and len(stored["nhs_key"].iloc[0]) == 64
    assert plan.files[0].periods == ["2023-24 Q4 (submitted 20/04/2024 10:00)"]
