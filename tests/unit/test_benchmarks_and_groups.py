"""Chosen benchmarks, comparison groups, the profile, 'worse and getting worse', splits by
group, CSV exports and the hex map layout, on the real fixture database."""

import csv
import io
import json

import numpy as np
import pandas as pd
import pytest

from dashboard.release import rules
from dashboard.access import User
from dashboard import release
from dashboard.charts import hexmap
from dashboard.figures import comparison, exports, groups, stats
from dashboard.figures.indicators import build_figures
from dashboard.data.store import Store
from tests.conftest import KIRKLEES, LEEDS, READING, ROOT, SCILLY


def test_region_benchmark_needs_three_councils_and_all_areas_add_up(figures, store):
    # Yorkshire and The Humber has 2 councils in the fixture: no region benchmark (release rule)
    assert comparison.region_benchmark(figures, "control", "2024-25", LEEDS) is None
    # all areas: Leeds 32 of 40, Kirklees 21 of 30, Reading 12 of 20, Scilly 2 of 3, to 1 decimal place
    every = figures.aggregate("control", "2024-25", (LEEDS, KIRKLEES, READING, SCILLY))
    assert every["value"] == round((32 + 21 + 12 + 2) / (40 + 30 + 20 + 3) * 100, 1)


def test_group_benchmark_sums_numerators_and_denominators_including_hidden_areas(figures, store):
    group = groups.Group("named-1", "Network", (LEEDS, KIRKLEES, READING, SCILLY))
    bench = comparison.group_benchmark(figures, store, "control", "2024-25", group)
    # independent computation straight from the survey table
    row = store.sql(
        "select sum(weight) filter (where q3a_control in (1, 2)) / sum(weight) * 100 as v from survey_responses "
        "where period = '2024-25' and q3a_control between 1 and 4"
    ).iloc[0]
    assert bench.value == pytest.approx(row["v"], abs=0.05)
    assert bench.label == "The group average of Network"


def test_group_benchmark_of_too_few_people_is_not_given(figures, store):
    group = groups.Group("named-1", "Scilly alone", (SCILLY,))
    assert comparison.group_benchmark(figures, store, "control", "2024-25", group) is None


def test_group_benchmark_for_a_median_uses_the_parameterised_query(figures, store):
    group = groups.Group("all", "All areas in the data", (LEEDS, KIRKLEES, READING, SCILLY))
    bench = comparison.group_benchmark(figures, store, "breakdown_days_delayed", "2024-25", group)
    every = figures.indicator("breakdown_days_delayed")
    every = every[(every["geography_level"] == "all") & (every["period"] == "2024-25")]["value"].iloc[0]
    assert bench.value == pytest.approx(every)


def test_compared_gives_both_levels_and_trend(figures, store):
    frame = comparison.compared(figures, store, "direct_payments", "2024-25", comparison.Choice())
    kirklees = frame[frame["geography_code"] == KIRKLEES].iloc[0]
    assert kirklees["comparison_95"] == stats.BETTER
    assert kirklees["comparison_998"] in (stats.BETTER, stats.SIMILAR)
    scilly = frame[frame["geography_code"] == SCILLY].iloc[0]
    assert scilly["comparison_95"] == stats.NOT_COMPARED and scilly["comparison_998"] == stats.NOT_COMPARED
    leeds = frame[frame["geography_code"] == LEEDS].iloc[0]
    assert leeds["trend"] in {"increasing and getting better", "no significant change", "could not be calculated",
                              "decreasing and getting worse"}


def test_region_choice_compares_each_area_with_its_own_region(figures, store):
    frame = comparison.compared(figures, store, "control", "2024-25", comparison.Choice(comparison.REGION))
    labels = dict(zip(frame["geography_code"], frame["benchmark_label"]))
    # every region in the fixture has fewer than 3 councils: no region benchmark is published
    assert all(label is None for label in labels.values())


def test_groups_resolve_by_region_and_council_type(figures):
    saved = pd.DataFrame(columns=["group_id", "group_name", "saved_by", "saved_at", "area_code"])
    options = groups.group_options(figures.areas, saved, LEEDS)
    assert set(options) == {"all", "region", "council_type"}
    region = groups.resolve("region", figures.areas, saved, LEEDS)
    assert set(region.codes) == {LEEDS, KIRKLEES}
    council_type = groups.resolve("council_type", figures.areas, saved, READING)
    assert READING in council_type.codes and LEEDS not in council_type.codes
    assert groups.resolve("named-99", figures.areas, saved, LEEDS).key == "all"


def test_named_groups_are_saved_replaced_and_validated(db_copy):
    store = Store(db_copy)
    try:
        editor1 = User("editor1", "editor", "password", frozenset({LEEDS}))
        admin = User("editor2", "administrator", "password")
        group_id = groups.save_group(store, "  North   network ", [LEEDS, KIRKLEES], editor1)
        saved = groups.named_groups(store)
        assert set(saved["area_code"]) == {LEEDS, KIRKLEES}
        assert saved["group_name"].iloc[0] == "North network"
        again = groups.save_group(store, "North network", [LEEDS, READING, SCILLY], admin)
        assert again == group_id
        saved = groups.named_groups(store)  # replaced by an administrator: the group keeps its owner
        assert set(saved["area_code"]) == {LEEDS, READING, SCILLY} and set(saved["saved_by"]) == {"editor1"}
        areas = store.query("areas_in_data")
        group = groups.resolve(f"named-{group_id}", areas, saved, LEEDS)
        assert group.label == "North network" and set(group.codes) == {LEEDS, READING, SCILLY}
        for name, codes, message in [("", [LEEDS, KIRKLEES], "name"), ("x", [LEEDS], "at least 2"),
                                     ("x", [LEEDS, "E99999999"], "Unknown area"), ("y" * 81, [LEEDS, KIRKLEES], "80")]:
            with pytest.raises(groups.GroupError, match=message):
                groups.save_group(store, name, codes, editor1)
        assert len(groups.named_groups(store)["group_id"].unique()) == 1  # bad input changed nothing
        groups.delete_group(store, group_id, editor1)
        assert groups.named_groups(store).empty
    finally:
        store.close()


def test_profile_has_a_row_per_indicator_with_spread_and_trend(figures, store):
    rows = comparison.profile(figures, store, LEEDS, "2024-25", comparison.Choice(), tuple(figures.areas["area_code"]))
    assert len(rows) == len(figures.catalogue.indicators)
    control = rows[rows["indicator_id"] == "control"].iloc[0]
    assert control["value"] == pytest.approx(80.0)
    # Reading (20 people) is hidden to protect the Isles of Scilly within all areas
    assert control["lowest"] == pytest.approx(70.0) and control["highest"] == pytest.approx(80.0)
    assert control["q25"] <= control["q75"]
    assert control["trend"] == "increasing and getting better"  # 20, 26, 32 of 40
    # suppressed areas never enter the spread
    visible = figures.areas_for("control", "2024-25")
    assert control["lowest"] >= visible[~visible["suppressed"]]["value"].min()


def test_spine_position_puts_better_to_the_right():
    assert comparison.spine_position(60, 50, 40, 70, "high_good") == pytest.approx(0.5)
    assert comparison.spine_position(60, 50, 40, 70, "low_good") == pytest.approx(-0.5)
    assert comparison.spine_position(50, 50, 50, 50, "high_good") == 0.0


def _add_worsening_reading(db_copy):
    """Reading's control falls: 55 of 60, then 30 of 60, then 5 of 60 more respondents."""
    store = Store(db_copy)
    rows = []
    for period, yes in (("2022-23", 55), ("2023-24", 30), ("2024-25", 5)):
        for i in range(60):
            rows.append((999, READING, period, "18-64", "Physical Support", "community", 4, 2, 1,
                         1 if i < yes else 4, 1, 2, 1.0))
    cur = store.cursor()
    cur.executemany("insert into survey_responses values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    cur.close()
    release.materialise(store)  # the writer's step after changing data
    return store


def test_worse_and_getting_worse_finds_the_area(db_copy):
    store = _add_worsening_reading(db_copy)
    try:
        figs = build_figures(store)
        found = comparison.worse_and_worsening(figs, store, "2024-25", comparison.Choice(), tuple(figs.areas["area_code"]))
        hit = found[(found["area_code"] == READING) & (found["indicator_id"] == "control")]
        assert len(hit) == 1
        assert hit.iloc[0]["trend"] == "decreasing and getting worse" and hit.iloc[0]["comparison"] == stats.WORSE
        assert not ((found["area_code"] == LEEDS) & (found["indicator_id"] == "control")).any()
    finally:
        store.close()


def test_splits_by_group_are_suppressed_with_secondary_suppression(store):
    rows = comparison.splits(store, "control", [LEEDS], "2024-25")
    assert set(rows["dimension"]) == {"everyone", "age band", "primary support reason", "mechanism of delivery"}
    everyone = rows[rows["dimension"] == "everyone"].iloc[0]
    assert everyone["value"] == pytest.approx(80.0) and everyone["base"] == 40
    delivery = rows[rows["dimension"] == "mechanism of delivery"].set_index("group_name")
    assert delivery.loc["Direct payment only", "value"] == pytest.approx(100.0)  # 10 of 10
    assert delivery.loc["Council-commissioned support only", "value"] == round(22 / 30 * 100, 1)
    # every shown part rests on 5 or more people and no count or complement of 1-4
    shown = rows[~rows["suppressed"].astype(bool)]
    assert (shown["base"] >= 5).all()
    assert not rules.is_small(shown["count"]).any() and not rules.is_small(shown["base"] - shown["count"]).any()
    # a dimension never has exactly one hidden part (the total would reveal it)
    for dim, part in rows[rows["dimension"] != "everyone"].groupby("dimension"):
        assert part["suppressed"].astype(bool).sum() != 1, dim


def test_csv_export_has_the_columns_and_no_suppressed_numbers(figures, store):
    frame = comparison.compared(figures, store, "control", "2024-25", comparison.Choice())
    data = exports.to_csv(exports.chart_rows(frame, figures.catalogue["control"]))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == exports.CSV_COLUMNS
    scilly = [r for r in rows if r["area_code"] == SCILLY][0]
    assert scilly["value"] == "" and scilly["lower_95"] == "" and scilly["note"].startswith("Not shown")
    leeds = [r for r in rows if r["area_code"] == LEEDS][0]
    assert float(leeds["value"]) == pytest.approx(80.0) and leeds["period"] == "2024-25"
    assert leeds["significance_95"] in {"better", "similar", "worse"} and leeds["trend"] and leeds["source"] == "local data"


def test_hex_map_has_the_153_councils_of_2023_and_the_credit():
    layout = hexmap.layout()
    areas = pd.read_csv(ROOT / "sample_data" / "reference" / "areas.csv", comment="#", dtype=str)
    assert set(layout["area_code"]) == set(areas["ons_code"]) and len(layout) == 153
    assert not layout.duplicated(["q", "r"]).any()
    raw = json.loads(hexmap.HEXMAP_FILE.read_text())
    assert raw["layout"] == "odd-r" and "Copyright (c) 2017- Open Innovations" in raw["credit"]
    assert "Copyright (c) 2017- Open Innovations" in (ROOT / "sample_data" / "reference" / "hexmap-2023.LICENSE.txt").read_text()
    # new 2023 councils sit next to each other
    cells = layout.set_index("area_code")
    for a, b in (("E06000063", "E06000064"), ("E06000061", "E06000062")):
        assert abs(cells.loc[a, "q"] - cells.loc[b, "q"]) == 1 and cells.loc[a, "r"] == cells.loc[b, "r"]


def test_hex_map_shows_areas_without_data_and_suppressed_areas(figures, store):
    frame = comparison.compared(figures, store, "control", "2024-25", comparison.Choice())
    hexes = hexmap.categorise(frame, "significance", "comparison_95")
    cats = hexes.set_index("area_code")["category"]
    assert cats[SCILLY] == "Not shown: small numbers"
    assert (cats == hexmap.NO_DATA).sum() == 153 - 4
    chart = hexmap.hex_map(hexes, figures.catalogue["control"], "2024-25", "significance", LEEDS, "England")
    assert "149 councils have no data" in chart.sentence
    quint = hexmap.categorise(frame, "quintile")
    assert set(quint.loc[quint["area_code"].isin([LEEDS, KIRKLEES]), "mark"]) <= {"1", "2", "3", "4", "5"}


def test_a_trend_never_mixes_published_and_local_figures(figures):
    # Kirklees: published ASCOF 2020-21 (85.1%), then local 70% three years running
    series = comparison.trend_series(figures, "control", KIRKLEES, "2024-25")
    assert list(series["period"]) == ["2022-23", "2023-24", "2024-25"] and set(series["source"]) == {"local data"}
    assert comparison.trend_to(figures, "control", KIRKLEES, "2024-25").words == "no significant change"
    published = comparison.trend_series(figures, "control", KIRKLEES, "2020-21")
    assert list(published["source"]) == ["published ASCOF"]
