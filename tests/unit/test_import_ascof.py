"""The published ASCOF file: the real 2020-21 slice (CSV, Windows-1252, and XLSX), an older shape
(2016-17: "ONS Area Code", ":" and "c" markers) and a newer one (2023-24: "Measure_Value", the
renumbered codes). Council, region and England rows land and are used as figures and benchmarks."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data import ascof, importers
from dashboard.figures import catalogue
from dashboard.data.importers import Source, batches
from dashboard.figures.indicators import PUBLISHED, build_figures
from dashboard.data.store import Store
from tests.unit.test_import_common import BAD, GOOD, IMPORTS, WAKEFIELD

SLICE = IMPORTS / "ascof-2020-21-slice.csv"


def published(slice_: pd.DataFrame, ons: str, group: str, kind: str, level: str = "Council") -> float:
    rows = slice_[(slice_["ONS Code"] == ons) & (slice_["ASCOF Measure Code"] == group)
                  & (slice_["Measure Type"] == kind) & (slice_["Geographical Level"] == level)]
    return float(rows["Measure Value"].iloc[0])


@pytest.fixture
def raw_slice() -> pd.DataFrame:
    return pd.read_csv(SLICE, encoding="cp1252", dtype=str, keep_default_na=False)


def test_real_2020_21_slice_lands_council_region_and_england_rows(db_copy, raw_slice):
    store = Store(db_copy)
    try:
        plan = importers.prepare("ascof", [Source.from_path(SLICE)], store=store)
        assert plan.periods == ["2020-21"]
        assert plan.needs_confirmation  # the fixture already has 2020-21 for Leeds, the regions and England
        (batch,) = batches.write(store, plan, who="test", replace=True)
        levels = store.sql("select geography_level, count(distinct geography_code) as n from ascof_figures"
                           " where batch_id = ? group by 1", [batch])
        assert dict(zip(levels.geography_level, levels.n)) == {
            "council": 4,  # Leeds, Wakefield, York, North Yorkshire (old code mapped to E06000065)
            "former council": 1,  # Cumbria, split in two in 2023
            "region": 1,  # Yorkshire and The Humber
            "england": 1,
        }
        codes = set(store.sql("select distinct geography_code from ascof_figures where batch_id = ?", [batch]).geography_code)
        assert {"E06000065", "E12000003", "E92000001", WAKEFIELD} <= codes and "E10000023" not in codes
        assert any("council-type rows" in n for n in plan.notes) and any("Cumbria" in n for n in plan.notes)

        figs = build_figures(store)
        # a council with no local data is a figure in its own right, labelled published
        assert WAKEFIELD in set(figs.areas.area_code)
        control = figs.figure("control", WAKEFIELD, "2020-21")
        assert control["source"] == PUBLISHED
        assert control["value"] == pytest.approx(published(raw_slice, WAKEFIELD, "1B", "Outcome"))
        dp = figs.figure("direct_payments", WAKEFIELD, "2020-21")
        assert dp["value"] == pytest.approx(published(raw_slice, WAKEFIELD, "1C2A", "Outcome"))
        # England and the region are benchmarks
        bench = figs.benchmark("direct_payments", "2020-21")
        assert bench.label == "England (published ASCOF)"
        assert bench.value == pytest.approx(published(raw_slice, "E92000001", "1C2A", "Outcome", "England"))
        region = figs.indicator("direct_payments")
        region = region[(region.geography_level == "region") & (region.geography_code == "E12000003")
                         & (region.period == "2020-21") & (region.source == PUBLISHED)]
        assert region["value"].iloc[0] == pytest.approx(published(raw_slice, "E12000003", "1C2A", "Outcome", "Region"))
    finally:
        store.close()


def test_xlsx_and_csv_of_the_same_slice_give_the_same_rows():
    from_csv = importers.prepare("ascof", [Source.from_path(SLICE)]).files[0].rows
    from_xlsx = importers.prepare("ascof", [Source.from_path(GOOD / "ascof-2020-21-slice.xlsx")]).files[0].rows
    pd.testing.assert_frame_equal(from_csv, from_xlsx)
    assert len(from_csv) == 7 * 79  # 7 geographies (council types left out) x 79 measure codes


def test_breakdown_codes_are_read_from_the_measure_code_when_columns_are_missing(raw_slice):
    with_columns = importers.prepare("ascof", [Source.from_path(SLICE)]).files[0].rows
    bare = raw_slice.drop(columns=["Disaggregation Level", "Measure Group", "Measure Group Description"])
    data = bare.to_csv(index=False).encode("cp1252")
    without = importers.prepare("ascof", [Source("ascof-2020-21-bare.csv", data)]).files[0].rows
    pd.testing.assert_frame_equal(with_columns, without)
    wakefield = without[(without.geography_code == WAKEFIELD) & (without.measure_group == "1C2A")]
    assert set(wakefield.disaggregation) == {"Total", "18-64", "65 and over"}


def test_older_shape_2016_17_with_colon_and_c_markers(db_copy, raw_slice):
    store = Store(db_copy)
    try:
        (batch,) = importers.import_files(store, "ascof", [Source.from_path(GOOD / "ascof-2016-17-old-shape.csv")], who="t")
        rows = store.sql("select * from ascof_figures where batch_id = ?", [batch])
        assert set(rows.period) == {"2016-17"}
        control = rows[(rows.geography_code == WAKEFIELD) & (rows.measure_group == "1B") & (rows.disaggregation == "Total")]
        assert control.outcome.iloc[0] == pytest.approx(published(raw_slice, WAKEFIELD, "1B", "Outcome"))
        # ":" (was [x]) is missing, not zero
        england_control = rows[(rows.geography_level == "england") & (rows.measure_group == "1B") & (rows.disaggregation == "Total")]
        assert england_control.outcome.isna().all()
    finally:
        store.close()


def test_newer_shape_2023_24_renumbered_codes_map_to_the_same_concepts(db_copy, raw_slice):
    store = Store(db_copy)
    try:
        (batch,) = importers.import_files(store, "ascof", [Source.from_path(GOOD / "ascof-2023-24-new-shape.csv")], who="t")
        rows = store.sql("select * from ascof_figures where batch_id = ? and geography_code = ? and disaggregation = 'Total'",
                         [batch, WAKEFIELD])
        by_group = {r.measure_group: r for r in rows.itertuples()}
        # which measure an indicator matches is its catalogue entry's ascof_codes, the one each year uses
        cat = catalogue.load()
        wanted = {i.id: ascof.measure_group_in(i.ascof_codes, "2023-24") for i in cat.indicators if i.ascof_codes}
        assert wanted == {"control": "3A", "satisfaction": "1D", "direct_payments": "3D2A", "social_contact": "5A1",
                          "information": "3C1", "self_directed_support": "3D1A"}
        assert by_group["3A"].outcome == pytest.approx(published(raw_slice, WAKEFIELD, "1B", "Outcome"))
        assert by_group["1D"].outcome == pytest.approx(published(raw_slice, WAKEFIELD, "3A", "Outcome"))
        figs = build_figures(store)
        control = figs.figure("control", WAKEFIELD, "2023-24")
        assert control["source"] == PUBLISHED and control["value"] == pytest.approx(by_group["3A"].outcome)
        # "3A" is control from 2023-24 (it was satisfaction before): satisfaction reads "1D"
        satisfaction = figs.figure("satisfaction", WAKEFIELD, "2023-24")
        assert satisfaction["source"] == PUBLISHED and satisfaction["value"] == pytest.approx(by_group["1D"].outcome)
    finally:
        store.close()


def test_year_given_when_the_name_does_not_say():
    plan = importers.prepare("ascof", [Source.from_path(BAD / "ascof-no-year.csv")], period="2020-21")
    assert plan.periods == ["2020-21"]


def test_the_year_in_the_name_is_read_in_several_spellings():
    from dashboard.data.importers.ascof import period_from_name

    assert period_from_name("ascof-2020-21-open-data.csv") == "2020-21"
    assert period_from_name("ASCOF_2023_24.xlsx") == "2023-24"
    assert period_from_name("meas-from-asc-of-eng-2019-2020.csv") == "2019-20"
    assert period_from_name("ascof.csv") is None


def test_importer_and_sample_build_agree_on_the_fixture_slice(store):
    """The sample build's ASCOF rows equal what the importer makes of the same file."""
    from tests.conftest import FIXTURE_DATA

    path = FIXTURE_DATA / "reference" / "ascof_2020_21_fixture.csv"
    rows = importers.prepare("ascof", [Source.from_path(path)]).files[0].rows
    built = store.sql("select * exclude (batch_id) from ascof_figures order by all")
    ours = rows.sort_values(list(rows.columns)).reset_index(drop=True)
    assert len(ours) == len(built) == 1106
    key = ["geography_code", "measure_code", "disaggregation"]
    merged = ours.merge(built, on=key, suffixes=("", "_built"))
    assert len(merged) == 1106
    for col in ["outcome", "numerator", "denominator", "base"]:
        assert ((merged[col] == merged[f"{col}_built"]) | (merged[col].isna() & merged[f"{col}_built"].isna())).all()
