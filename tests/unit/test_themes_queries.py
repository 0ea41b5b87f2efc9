"""The theme pages' named queries against the fixture database, with expectations counted by
hand from the tables in tests/fixtures/make_fixture.py (2024-25; every fixture year is the same
except the survey)."""

import pytest

from dashboard.data import store as store_module
from dashboard.figures import catalogue
from tests.conftest import KIRKLEES, LEEDS, READING, SCILLY

PERIOD = "2024-25"
THEME_QUERIES = [
    "dp_days_to_first_payment_bins", "dp_agreement_statements", "control_by_direct_payment",
    "breakdowns_by_category", "breakdown_days_delayed_bins", "breakdown_notes", "coproduction_levels",
    "coproduction_decisions", "coproduction_participants", "coproduction_actions", "i_statement_answers",
    "indicator_transition_breakdowns_per_1000", "indicator_discharge_breakdowns_per_1000",
]


def by_area(frame, code, column):
    return list(frame[frame["area_code"] == code][column])


@pytest.mark.parametrize("name", THEME_QUERIES)
def test_query_files_follow_the_rules(name):
    named = store_module.load_query(name)
    sql = named.sql.strip().lower()
    assert sql.endswith("select * from final")
    assert named.description
    body = "\n".join(line for line in named.sql.splitlines() if not line.startswith("--"))
    for param in named.params:
        assert f"${param}" in body


def test_days_to_first_payment_bins(store):
    frame = store.query("dp_days_to_first_payment_bins", period=PERIOD)
    assert list(frame[frame["area_code"] == LEEDS]["bin_label"]) == [
        "0 to 7 days", "8 to 14 days", "15 to 28 days", "29 to 56 days", "57 to 91 days", "92 days or more"]
    # Leeds: 18 Direct Payment holders paid after 10..27 days, 2 Part Direct Payment after 10, 11
    assert by_area(frame, LEEDS, "holders") == [0, 7, 13, 0, 0, 0]
    # Kirklees: 25 paid after 10..34 days and 5 after 10..14
    assert by_area(frame, KIRKLEES, "holders") == [0, 10, 14, 6, 0, 0]
    assert by_area(frame, READING, "holders") == [0, 5, 5, 0, 0, 0]  # 10..19 days
    assert by_area(frame, SCILLY, "holders") == [0, 2, 0, 0, 0, 0]  # 10, 11 days
    assert frame.groupby("area_code")["holders"].sum().to_dict() == {LEEDS: 20, KIRKLEES: 30, READING: 10, SCILLY: 2}


def test_agreement_statements(store):
    frame = store.query("dp_agreement_statements", period=PERIOD)
    assert len(frame) == 4 * 4 * 5  # areas x statements x levels
    leeds = frame[frame["area_code"] == LEEDS]
    counts = {s: list(g.sort_values("agreement")["holders"]) for s, g in leeds.groupby("statement_order")}
    assert counts == {
        1: [0, 3, 0, 0, 7],  # 7 of 10 strongly agree they can use it flexibly, 3 disagree
        2: [0, 0, 0, 10, 0],  # all agree they know how much they have
        3: [0, 5, 0, 5, 0],  # paid quickly: even-numbered holders agree
        4: [0, 0, 3, 0, 7],  # trusted
    }
    assert leeds[leeds["statement_order"] == 1]["statement"].iloc[0] == "I can use my direct payment flexibly"


def test_control_by_direct_payment(store):
    frame = store.query("control_by_direct_payment", period=PERIOD).set_index(["area_code", "payment_group"])
    # Leeds: 40 respondents, the first 10 (a quarter) have a direct payment and all have control; 32 have control
    assert tuple(frame.loc[(LEEDS, "With a direct payment"), ["respondents", "with_control"]]) == (10, 10)
    assert tuple(frame.loc[(LEEDS, "Without a direct payment"), ["respondents", "with_control"]]) == (30, 22)
    assert tuple(frame.loc[(KIRKLEES, "With a direct payment"), ["respondents", "with_control"]]) == (7, 7)
    assert tuple(frame.loc[(KIRKLEES, "Without a direct payment"), ["respondents", "with_control"]]) == (23, 14)
    assert tuple(frame.loc[(READING, "Without a direct payment"), ["respondents", "with_control"]]) == (15, 7)
    assert (SCILLY, "With a direct payment") not in frame.index  # 3 respondents: 3 // 4 = 0 holders


def test_breakdowns_by_category(store):
    frame = store.query("breakdowns_by_category")
    assert len(frame) == 4 * 3 * 7
    leeds = frame[(frame["area_code"] == LEEDS) & (frame["period"] == PERIOD)]
    # six breakdowns, one in each of the first six categories; none "other"; 100 people supported
    assert list(leeds["breakdowns"]) == [1, 1, 1, 1, 1, 1, 0]
    assert set(leeds["people_supported"]) == {100}
    kirklees = frame[(frame["area_code"] == KIRKLEES) & (frame["period"] == PERIOD)]
    assert list(kirklees["breakdowns"]) == [1, 1, 1, 1, 1, 0, 0]
    assert set(kirklees["people_supported"]) == {60}


def test_days_delayed_bins(store):
    frame = store.query("breakdown_days_delayed_bins", period=PERIOD)
    assert by_area(frame, LEEDS, "breakdowns") == [1, 1, 1, 2, 1, 0]  # 5, 10, 20, 30 45, 60
    assert by_area(frame, KIRKLEES, "breakdowns") == [1, 1, 2, 1, 0, 0]  # 7, 14, 21 28, 35
    assert by_area(frame, READING, "breakdowns") == [1, 0, 0, 1, 0, 0]  # 3, 50


def test_breakdown_notes_are_one_area_and_year(store):
    frame = store.query("breakdown_notes", area_code=LEEDS, period=PERIOD)
    assert len(frame) == 6
    assert frame["note"].iloc[0] == f"Fixture note 5 for {LEEDS}"  # newest first: 1 June + 150 days
    assert frame["days_delayed"].iloc[0] == 60
    assert store.query("breakdown_notes", area_code="E99999999", period=PERIOD).empty


def test_coproduction_levels(store):
    frame = store.query("coproduction_levels")
    leeds = frame[(frame["area_code"] == LEEDS) & (frame["period"] == PERIOD)]
    assert list(leeds["level"]) == ["informed", "consulted", "engaged", "co-designed", "co-produced"]
    assert list(leeds["activities"]) == [1, 2, 1, 2, 2]
    kirklees = frame[(frame["area_code"] == KIRKLEES) & (frame["period"] == PERIOD)]
    assert list(kirklees["activities"]) == [0, 1, 1, 1, 2]


def test_coproduction_decisions(store):
    frame = store.query("coproduction_decisions", from_period=PERIOD, to_period=PERIOD)
    leeds = frame[frame["area_code"] == LEEDS]
    assert list(leeds["decision"]) == ["writing a service specification", "choosing providers", "recruiting staff"]
    assert list(leeds["decisions"]) == [1, 1, 1]
    assert list(leeds["with_self_advocates"]) == [1, 0, 1]
    assert list(leeds["with_family_carers"]) == [1, 1, 0]
    assert by_area(frame, READING, "decisions") == [0, 1, 0]
    # three years together: the same decisions each year
    pooled = store.query("coproduction_decisions", from_period="2022-23", to_period=PERIOD)
    assert by_area(pooled, LEEDS, "decisions") == [3, 3, 3]
    assert by_area(pooled, LEEDS, "with_self_advocates") == [3, 0, 3]
    assert by_area(pooled, KIRKLEES, "with_family_carers") == [3, 3, 0]


def test_coproduction_participants(store):
    frame = store.query("coproduction_participants")
    row = frame[(frame["area_code"] == LEEDS) & (frame["period"] == PERIOD)].iloc[0]
    assert (row["activities"], row["self_advocates"], row["family_carers"], row["professionals"], row["people_paid"]) == (
        8, 22, 10, 39, 18)
    row = frame[(frame["area_code"] == KIRKLEES) & (frame["period"] == PERIOD)].iloc[0]
    assert (row["self_advocates"], row["family_carers"], row["professionals"], row["people_paid"]) == (20, 12, 23, 28)


def test_coproduction_actions(store):
    frame = store.query("coproduction_actions").set_index(["area_code", "period"])
    assert tuple(frame.loc[(LEEDS, PERIOD), ["actions", "completed_actions", "open_actions"]]) == (5, 3, 2)
    assert tuple(frame.loc[(KIRKLEES, PERIOD), ["actions", "completed_actions", "open_actions"]]) == (4, 3, 1)
    assert tuple(frame.loc[(SCILLY, PERIOD), ["actions", "completed_actions", "open_actions"]]) == (0, 0, 0)


def test_i_statement_answers(store):
    frame = store.query("i_statement_answers", period=PERIOD)
    leeds = frame[frame["area_code"] == LEEDS]
    counts = {t: list(g.sort_values("answer_order")["answers"]) for t, g in leeds.groupby("theme")}
    # answers 0..19 go round the three themes: yes 0-11, sometimes 12-16, no 17-19
    assert counts == {
        "wellbeing and independence": [4, 2, 1],
        "flexible and integrated care and support": [4, 2, 1],
        "when things need to change": [4, 1, 1],
    }


def test_transition_and_discharge_indicators(store, figures):
    cat = catalogue.load()
    for indicator_id, counts in [("transition_breakdowns_per_1000", {LEEDS: 1, KIRKLEES: 1, READING: 1, SCILLY: 1}),
                                 ("discharge_breakdowns_per_1000", {LEEDS: 1, KIRKLEES: 1, READING: 1, SCILLY: 1})]:
        frame = store.query(cat[indicator_id].query)
        year = frame[(frame["geography_level"] == "area") & (frame["period"] == PERIOD)].set_index("geography_code")
        assert year["count"].to_dict() == counts
        assert year["base"].to_dict() == {LEEDS: 100, KIRKLEES: 60, READING: 50, SCILLY: 6}
        every = frame[(frame["geography_level"] == "all") & (frame["period"] == PERIOD)].iloc[0]
        assert (every["count"], every["base"]) == (sum(counts.values()), 216)
        assert figures.figure(indicator_id, LEEDS, PERIOD)["suppressed"]  # one breakdown
