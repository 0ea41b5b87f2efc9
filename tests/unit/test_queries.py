"""Every indicator query against the fixture database, with expectations counted by hand from
the tables in tests/fixtures/make_fixture.py (Leeds, 2024-25 unless said otherwise)."""

import pytest

from dashboard.data import store as store_module
from dashboard.figures import catalogue
from dashboard.figures.catalogue import round_half_up
from tests.conftest import KIRKLEES, LEEDS, READING, SCILLY

PERIOD = "2024-25"

# indicator id -> (count, base, value) for Leeds 2024-25 before suppression
LEEDS_2024 = {
    "control": (32, 40, 80.0),
    "choice": (24, 40, 60.0),
    "information": (22, 30, 22 / 30 * 100),
    "satisfaction": (28, 40, 70.0),
    "social_contact": (18, 40, 45.0),
    "control_direct_payment": (10, 10, 100.0),
    "control_council_commissioned": (22, 30, 22 / 30 * 100),
    "direct_payments": (20, 100, 20.0),
    "self_directed_support": (80, 100, 80.0),
    "individual_service_funds": (10, 100, 10.0),
    "breakdowns_per_1000": (6, 100, 60.0),
    "self_advocate_share": (22, 71, 22 / 71 * 100),
    "people_paid_for_time": (18, 32, 18 / 32 * 100),
    "i_statements_yes": (12, 20, 60.0),
    # breakdown_days_delayed: a median from 6 records is not published (at least 10)
    "days_to_first_payment": (20, 20, 17.5),
}
# whole counts, but hidden to protect another cell (the release layer's secondary suppression)
LEEDS_SECONDARY = {
    "dp_paid_quickly": (5, 10),  # linked to the direct-payment statements, where a 1-4 is hidden
    "clawbacks_per_100": (6, 10),  # the all-areas sum would give Kirklees' 1-4 letters
}
# small numbers: hidden in Leeds 2024-25 (count or complement 1-4)
LEEDS_SUPPRESSED = [
    "dp_flexible_use",  # 7 of 10: 3 did not agree
    "dp_trusted",  # 7 of 10
    "unauthorised_spend_per_100",  # 3 letters
    "breakdown_days_delayed",  # a median from 6 records: fewer than 10
    "breakdowns_resolved_28_days",  # 3 of 6
    "breakdowns_escalated",  # 2 of 6
    "coproduced_activities",  # 4 of 8
    "decisions_with_self_advocates",  # 2 of 4 decisions
    "you_said_we_did",  # 3 of 5
]


def area_row(store, query, code=LEEDS, period=PERIOD):
    frame = store.query(query)
    row = frame[(frame["geography_code"] == code) & (frame["period"] == period)]
    assert len(row) == 1, f"{query}: expected one row for {code} {period}"
    return row.iloc[0]


@pytest.mark.parametrize("indicator_id", sorted(LEEDS_2024))
def test_indicator_query_counts(store, indicator_id, figures):
    ind = catalogue.load()[indicator_id]
    count, base, value = LEEDS_2024[indicator_id]
    row = area_row(store, ind.query)
    assert row["count"] == count
    assert row["base"] == base
    shown = figures.figure(indicator_id, LEEDS, PERIOD)
    assert not shown["suppressed"]
    assert shown["value"] == float(round_half_up(value, 1))  # published to 1 decimal place, half away from zero
    assert shown["lower_95"] <= shown["value"] <= shown["upper_95"]


@pytest.mark.parametrize("indicator_id", sorted(LEEDS_SECONDARY))
def test_whole_counts_hidden_to_protect_another_say_so(store, figures, indicator_id):
    from dashboard.release import rules

    count, base = LEEDS_SECONDARY[indicator_id]
    row = area_row(store, catalogue.load()[indicator_id].query)
    assert (row["count"], row["base"]) == (count, base)
    shown = figures.figure(indicator_id, LEEDS, PERIOD)
    assert shown["suppressed"] and shown["suppression_reason"] == rules.SECONDARY_TEXT
    assert shown["value"] != shown["value"]


@pytest.mark.parametrize("indicator_id", LEEDS_SUPPRESSED)
def test_small_numbers_are_suppressed(figures, indicator_id):
    shown = figures.figure(indicator_id, LEEDS, PERIOD)
    assert shown["suppressed"]
    for col in ["value", "count", "base", "numerator", "denominator", "lower_95", "upper_95"]:
        assert shown[col] != shown[col], f"{col} should be blank"  # NaN


def test_every_indicator_is_suppressed_for_the_isles_of_scilly(figures):
    local = figures.frame[(figures.frame["geography_code"] == SCILLY) & (figures.frame["source"] == "local data")]
    # 3 survey respondents, 2 direct-payment holders, 1 breakdown: every figure rests on
    # fewer than 5 people, except counts of zero (no individual service funds among 6 people,
    # no breakdown at hospital or ATU discharge for 6 people supported)
    shown = local[~local["suppressed"]]
    assert set(shown["indicator_id"]) <= {"individual_service_funds", "discharge_breakdowns_per_1000"}
    assert (shown["count"] == 0).all()


def test_all_areas_aggregate_and_region(store):
    frame = store.query("indicator_control")
    every = frame[(frame["geography_level"] == "all") & (frame["period"] == PERIOD)].iloc[0]
    assert (every["count"], every["base"]) == (32 + 21 + 12 + 2, 40 + 30 + 20 + 3)
    yorkshire = frame[(frame["geography_code"] == "E12000003") & (frame["period"] == PERIOD)].iloc[0]
    assert (yorkshire["count"], yorkshire["base"]) == (32 + 21, 70)


def test_benchmark_prefers_published_england(figures):
    bench = figures.benchmark("direct_payments", "2020-21")
    assert bench.value == pytest.approx(26.6) and bench.label == "England (published ASCOF)"
    local = figures.benchmark("control", PERIOD)
    assert local.label == "All areas in the data"
    assert local.value == float(round_half_up(67 / 93 * 100, 1))


def test_published_values_fill_years_without_local_data(figures):
    leeds = figures.figure("direct_payments", LEEDS, "2020-21")
    assert leeds["source"] == "published ASCOF" and leeds["value"] == pytest.approx(15.4)
    kirklees = figures.figure("control", KIRKLEES, "2020-21")
    assert kirklees["value"] == pytest.approx(85.1)


def test_comparison_and_trend(figures):
    table = figures.areas_for("direct_payments", PERIOD).set_index("geography_code")
    # Kirklees 30 of 60 (50%) against all areas (20+30+10+2)/(100+60+50+6) = 28.7%
    assert table.loc[KIRKLEES, "comparison"] == "better"
    assert table.loc[READING, "comparison"] == "not compared"  # hidden to protect the Isles of Scilly
    assert figures.trend("control", LEEDS).words == "increasing and getting better"
    assert figures.trend("choice", KIRKLEES).words == "no significant change"
    # Kirklees: published 85.1% in 2020-21, local 70% since: sources are never mixed in a trend
    assert figures.trend("control", KIRKLEES).words == "no significant change"
    assert figures.trend("control", LEEDS, period="2023-24").words == "could not be calculated"  # 2 years


def test_median_interval_in_sql_matches_python(store):
    from dashboard.figures.stats import median_interval

    row = area_row(store, "indicator_days_to_first_payment")
    days = sorted(list(range(10, 28)) + [10, 11])
    median, lower, upper = median_interval(days)
    assert (row["value"], row["lower_95"], row["upper_95"]) == (median, lower, upper)


def test_every_query_declares_its_parameters():
    for name in store_module.query_names():
        named = store_module.load_query(name)
        assert named.description, f"{name}.sql needs a header comment saying what it returns"
        for param, doc in named.params.items():
            assert doc, f"{name}.sql: ${param} needs a description in its header"
        body = "\n".join(l for l in named.sql.splitlines() if not l.startswith("--"))
        used = set(__import__("re").findall(r"\$([a-z_][a-z0-9_]*)", body))
        assert used == set(named.params), f"{name}.sql uses {used} but its header lists {set(named.params)}"


def test_every_indicator_has_its_query_and_ends_in_final():
    names = set(store_module.query_names())
    for ind in catalogue.load().indicators:
        assert ind.query in names, f"{ind.id}: no queries/{ind.query}.sql"
        sql = store_module.load_query(ind.query).sql.strip().lower()
        assert sql.endswith("select * from final"), f"{ind.query}.sql should end with select * from final"
        for extra in (ind.split_query, ind.group_median_query):
            assert extra is None or extra in names, f"{ind.id}: no queries/{extra}.sql"


def test_split_queries_return_the_indicators_that_name_them(store):
    """Each split query returns rows for every indicator naming it (measure = its split_measure or id),
    per council and year (one statement reads them all)."""
    cat = catalogue.load()
    for query in {i.split_query for i in cat.indicators if i.split_query}:
        rows = store.query(query)
        assert {"area_code", "period"} <= set(rows.columns)
        measures = set(rows[rows["period"] == "2024-25"]["measure"])
        wanted = {i.split_key for i in cat.indicators if i.split_query == query}
        assert wanted <= measures, f"{query} gives no rows for {sorted(wanted - measures)}"


# the raw counts behind the suppressed figures above (queries are right even where a page hides them)
LEEDS_2024_RAW = {
    "dp_flexible_use": (7, 10),
    "dp_trusted": (7, 10),
    "unauthorised_spend_per_100": (3, 10),
    "breakdowns_resolved_28_days": (3, 6),
    "breakdowns_escalated": (2, 6),
    "coproduced_activities": (4, 8),
    "decisions_with_self_advocates": (2, 4),
    "you_said_we_did": (3, 5),
}


@pytest.mark.parametrize("indicator_id", sorted(LEEDS_2024_RAW))
def test_raw_counts_behind_suppressed_figures(store, indicator_id):
    row = area_row(store, catalogue.load()[indicator_id].query)
    assert (row["count"], row["base"]) == LEEDS_2024_RAW[indicator_id]


def test_kirklees_counts_for_the_other_surveys(store):
    # direct-payment experience: 20 holders, 16 agree they can use it flexibly, 2 clawback letters
    assert (area_row(store, "indicator_dp_flexible_use", KIRKLEES)[["count", "base"]] == [16, 20]).all()
    assert (area_row(store, "indicator_clawbacks_per_100", KIRKLEES)[["count", "base"]] == [2, 20]).all()
    # co-production: 5 activities, 3 co-designed or co-produced; decisions: spec, providers, commissioning
    assert (area_row(store, "indicator_coproduced_activities", KIRKLEES)[["count", "base"]] == [3, 5]).all()
    assert (area_row(store, "indicator_decisions_with_self_advocates", KIRKLEES)[["count", "base"]] == [3, 3]).all()
    # breakdowns: delays 7, 14, 21, 28, 35: four resolved within 28 days, none escalated
    assert (area_row(store, "indicator_breakdowns_resolved_28_days", KIRKLEES)[["count", "base"]] == [4, 5]).all()


def published_measure(frame, indicator_id):
    """The published rows of an indicator's measure: its catalogue codes, the one each year uses."""
    from dashboard.data import ascof
    from dashboard.figures.catalogue import load

    codes = load()[indicator_id].ascof_codes
    return frame[frame["measure_group"] == frame["period"].map(lambda p: ascof.measure_group_in(codes, p))]


def test_published_ascof_query(store):
    frame = store.query("published_ascof")
    dp = published_measure(frame, "direct_payments")
    england = dp[dp["geography_level"] == "england"]
    assert len(england) == 1 and england.iloc[0]["outcome"] == pytest.approx(26.6)
    assert set(frame["geography_level"]) == {"area", "region", "england"}
    # 2020-21 survey was voluntary: England has no control figure, Kirklees does (85.1%)
    control = published_measure(frame, "control").set_index("geography_code")
    assert control.loc[KIRKLEES, "outcome"] == pytest.approx(85.1)
    assert control.loc["E92000001", "outcome"] != control.loc["E92000001", "outcome"]  # missing: NaN


def test_areas_in_data_and_sources(store):
    areas = store.query("areas_in_data")
    assert list(areas["area_name"]) == ["Isles of Scilly", "Kirklees", "Leeds", "Reading"]
    assert set(areas["region_name"]) == {"Yorkshire and The Humber", "South East", "South West"}
    sources = store.query("data_sources")
    assert len(sources) == 7 and set(sources["imported_by"]) == {"sample data"}
