"""Theme-page data (dashboard/views/themes/): what each chart, table and CSV holds for the fixture
data, counted by hand from tests/fixtures/make_fixture.py, and the small-numbers rule in every
one of them."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from dashboard.release import protect, rules
from dashboard import release
from dashboard.views import themes
from dashboard.figures.indicators import build_figures
from dashboard.data.store import Store
from tests.conftest import KIRKLEES, LEEDS, READING, SCILLY

PERIOD = "2024-25"
AREAS = [LEEDS, KIRKLEES, READING, SCILLY]
#: CSV columns that hold counts of people, records or events (never 1-4)
COUNT_COLUMNS = {"holders", "answered", "breakdowns", "people_supported", "activities", "places", "people_paid",
                 "actions", "answers", "count", "base", "decisions", "decisions_taken_part_in"}


def ctx(store, figures, area=LEEDS, period=PERIOD, group="all"):
    return themes.Context(store, figures, area, period, group)


def theme_panels(c: themes.Context) -> list[themes.Panel]:
    """The panels built from the theme queries (counts suppressed by the release layer)."""
    return [themes.payment_wait_panel(c), themes.agreement_panel(c), themes.control_panel(c),
            themes.category_trend_panel(c), themes.heatmap_panel(c), themes.delay_panel(c), themes.levels_panel(c),
            themes.decisions_panel(c), themes.participants_panel(c), themes.actions_panel(c),
            themes.i_statements_panel(c)]


def all_panels(c: themes.Context) -> list[themes.Panel]:
    """Every panel of the three pages, the indicator panels (from suppressed figures) included."""
    panels = [themes.key_figures_panel(c, t) for t in (themes.DIRECT_PAYMENTS, themes.COLLABORATION, themes.COPRODUCTION)]
    for theme in (themes.DIRECT_PAYMENTS, themes.COLLABORATION, themes.COPRODUCTION):
        for indicator_id in theme.indicators:
            panels += [themes.areas_panel(c, indicator_id), themes.trend_panel(c, indicator_id)]
    return panels + theme_panels(c)


def cells(panel, column):
    return list(panel.table[column])


# ---------------------------------------------------------------- the small-numbers rule


def test_suppress_cells_primary_secondary_and_small_totals():
    frame = pd.DataFrame({"g": ["a"] * 4 + ["b"] * 3 + ["c"] * 2, "n": [3, 0, 9, 6, 5, 7, 0, 2, 0]})
    out = protect.protect_counts(frame, "n", ["g"])
    a = out[out["g"] == "a"]
    # 3 is hidden; the total (18) would reveal it, so the smallest other non-zero cell (6) goes too
    assert list(a["n"].isna()) == [True, False, False, True]
    assert list(a["suppression_reason"]) == [rules.SUPPRESSED_TEXT, None, None, rules.SECONDARY_TEXT]
    assert not out[out["g"] == "b"]["suppressed"].any()
    # a group of 2 people in all is hidden whole, zeros too (they would say where the 2 are)
    assert out[out["g"] == "c"]["n"].isna().all()


def test_no_panel_shows_a_count_of_one_to_four_anywhere(store, figures):
    """Every CSV, table and count chart on the three pages, for every area, year and group."""
    checked = 0
    contexts = [(area, period, "all") for area in AREAS for period in ["2022-23", PERIOD]]
    contexts += [(LEEDS, "2020-21", "all"), (SCILLY, PERIOD, "region"), (READING, PERIOD, "council_type")]
    for area, period, group in contexts:
        every = area in (LEEDS, SCILLY) and period == PERIOD  # the indicator panels for two areas
        for panel in (all_panels if every else theme_panels)(ctx(store, figures, area, period, group)):
            for column in COUNT_COLUMNS & set(panel.csv.columns):
                values = pd.to_numeric(panel.csv[column], errors="coerce")
                assert not rules.is_small(values).any(), (panel.key, area, period, column)
                checked += 1
            for column in panel.table.columns:
                text = panel.table[column].astype(str)
                assert not text.isin(["1", "2", "3", "4"]).any(), (panel.key, area, period, column)
            if panel.chart is not None and panel.key in {"payment-wait", "days-delayed", "levels", "participants",
                                                         "you-said-we-did"}:
                for trace in panel.chart.figure.data:
                    values = np.asarray(trace.y if trace.orientation != "h" else trace.x, dtype=float)
                    assert not rules.is_small(values).any(), (panel.key, trace.name)
    assert checked > 150


# ---------------------------------------------------------------- direct payments


def test_payment_wait_bins_and_median(store, figures):
    panel = themes.payment_wait_panel(ctx(store, figures))
    assert cells(panel, "Holders") == ["0", "5", "15", "0", "0", "0"]  # 7 and 13, rounded to 5
    assert "The most: 15 to 28 days (15 holders)" in panel.sentence
    assert "Median: 18 days (95% interval 12 days to 23 days)" in panel.sentence
    kirklees = themes.payment_wait_panel(ctx(store, figures, KIRKLEES))
    assert cells(kirklees, "Holders") == ["0", "10", "15", "5", "0", "0"]
    scilly = themes.payment_wait_panel(ctx(store, figures, SCILLY))  # 2 holders: nothing shown, zeros neither
    assert set(cells(scilly, "Holders")) == {rules.SMALL_BASE_TEXT}  # a group of 2: its own reason
    assert "No group can be shown" in scilly.sentence and "Median" not in scilly.sentence


def test_agreement_statements_hide_small_answers_and_what_would_reveal_them(store, figures):
    panel = themes.agreement_panel(ctx(store, figures))
    table = panel.table.set_index("Statement")
    flexibly = table.loc["I can use my direct payment flexibly"]
    # 3 disagree (hidden); 7 strongly agree would reveal them from the 10 who answered: hidden too
    # each hidden cell says why: its own small count, or hidden to protect another
    assert flexibly["Disagree"] == rules.SUPPRESSED_TEXT and flexibly["Strongly agree"] == rules.SECONDARY_TEXT
    assert flexibly["Holders who answered"] == "10"
    assert table.loc["I know how much money I have", "Agree"] == "10"
    # "paid quickly" is the indicator dp_paid_quickly, hidden for Leeds: the table's agree and
    # disagree cells would give its count and base, so they are hidden with it (the link)
    assert bool(figures.figure("dp_paid_quickly", LEEDS, PERIOD)["suppressed"])
    assert table.loc["I get the money quickly without complicated procedures", ["Disagree", "Agree"]].tolist() == [
        rules.SECONDARY_TEXT, rules.SECONDARY_TEXT]
    assert "“I know how much money I have”: 100% agree" in panel.sentence
    assert "“I get the money quickly without complicated procedures”: not shown" in panel.sentence
    assert "“I can use my direct payment flexibly”: not shown" in panel.sentence
    # the chart: a diverging bar, disagree drawn to the left of zero
    traces = {t.name: t for t in panel.chart.figure.data}
    disagree = list(traces["Disagree"].x)
    assert disagree[1] == pytest.approx(0.0)  # statement 2: nobody disagrees
    assert traces["Not shown (small numbers)"].x[0] == pytest.approx(100.0)  # statement 1 wholly hidden
    assert traces["Not shown (small numbers)"].x[2] == pytest.approx(100.0)  # statement 3 too (the link)


def test_control_with_and_without_a_direct_payment(store, figures):
    panel = themes.control_panel(ctx(store, figures, group="region"))
    rows = panel.csv.set_index(["area_code", "payment_group"])
    assert rows.loc[(LEEDS, "With a direct payment"), "value"] == pytest.approx(100.0)
    assert rows.loc[(LEEDS, "Without a direct payment"), "value"] == round(22 / 30 * 100, 1)
    assert set(panel.csv["area_code"]) == {LEEDS, KIRKLEES}  # same region only
    assert "Leeds: people with a direct payment: 100.0%" in panel.sentence
    assert "people without a direct payment: 73.3%" in panel.sentence
    assert "intervals overlap" in panel.sentence
    scilly = themes.control_panel(ctx(store, figures, SCILLY, group="region"))
    assert scilly.csv["value"].isna().all()  # 3 people answered


def test_areas_panel_is_limited_to_the_group_and_uses_england_where_published(store, figures):
    panel = themes.areas_panel(ctx(store, figures, READING, "2020-21", "council_type"), "direct_payments")
    assert set(panel.csv["area_code"]) == {READING, SCILLY}  # unitary authorities
    assert "England (published ASCOF): 26.6%" in panel.sentence
    trend = themes.trend_panel(ctx(store, figures), "direct_payments")
    assert list(trend.table["Year"]) == ["2020-21", "2022-23", "2023-24", PERIOD]
    assert list(trend.table["Leeds"]) == ["15.4%", "20.0%", "20.0%", "20.0%"]
    assert trend.table["Benchmark"].iloc[0] == "England: 26.6%"


# ---------------------------------------------------------------- collaboration


def add_breakdowns(db: str, area: str, period: str, rows: list[tuple[str, int]]) -> None:
    """Add breakdowns (category, days delayed) to a private copy of the fixture database."""
    con = Store(db)
    cur = con.cursor()
    batch = cur.execute("select max(batch_id) from breakdowns").fetchone()[0]
    start = date(int(period[:4]), 9, 1)
    for i, (category, days) in enumerate(rows):
        day = start + timedelta(days=i)
        cur.execute(
            "insert into breakdowns values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
            [batch, area, day, period, category, days, day + timedelta(days=days) if days <= 28 else None, days > 40,
             f"Added note {i}"],
        )
    cur.close()
    release.materialise(con)  # the writer's step after changing data
    con.close()


def test_heatmap_and_categories_with_secondary_suppression(db_copy):
    extra = ([("transition to adult services", 10)] * 10 + [("hospital or ATU discharge", 20)] * 5
             + [("housing", 30)] * 4 + [("NHS specialist commissioning", 5)] * 4 + [("crisis response", 5)] * 4)
    add_breakdowns(db_copy, LEEDS, PERIOD, extra)
    store = Store(db_copy, read_only=True)
    figures = build_figures(store)
    c = ctx(store, figures)
    heat = themes.heatmap_panel(c)
    leeds = heat.csv[heat.csv["area_code"] == LEEDS].set_index("category")
    # Leeds now: transition 11, discharge 6, housing 5, NHS 5, crisis 5, provider handover 1, other 0
    assert leeds.loc["transition to adult services", "per_1000"] == pytest.approx(110.0)
    assert leeds.loc["hospital or ATU discharge", "per_1000"] == pytest.approx(60.0)
    assert math.isnan(leeds.loc["provider handover", "breakdowns"])
    # the total of 37 would reveal the 1: the smallest other non-zero cell (a 5) is hidden too
    assert list(leeds["suppression_reason"]).count(rules.SECONDARY_TEXT) == 1
    assert leeds["breakdowns"].isna().sum() == 2
    assert "Highest shown: Leeds, transition to adult services, 110.0 per 1,000" in heat.sentence
    assert "110.0" in heat.table.set_index("Area").loc["Leeds", "transition to adult services"]
    trend = themes.category_trend_panel(c)
    assert "Highest shown: transition to adult services in 2024-25, 110.0 per 1,000" in trend.sentence
    delays = themes.delay_panel(c)
    # Leeds delays: 5 10 20 30 45 60 and 10x10, 5x20, 4x30, 8x5 -> 0-7: 9, 8-14: 11, 15-28: 6, 29-56: 6, 57-91: 1;
    # the 1 is hidden, and the first of the two smallest others (6) with it
    assert cells(delays, "Breakdowns") == ["10", "10", rules.SECONDARY_TEXT, "5", rules.SUPPRESSED_TEXT, "0"]  # rounded to 5
    store.close()


def test_breakdown_notes_only_through_their_own_function(store, figures):
    notes = themes.breakdown_notes(store, LEEDS, PERIOD)
    assert list(notes.columns) == ["Date", "Category", "Days delayed", "Escalated", "Note"]
    assert notes["Note"].iloc[0] == f"Fixture note 5 for {LEEDS}"
    for panel in all_panels(ctx(store, figures)):
        assert "note" not in [col.lower() for col in panel.csv.columns]
        assert "Fixture note" not in panel.csv.to_csv() and "Fixture note" not in panel.table.to_csv()
        assert "Fixture note" not in panel.sentence


# ---------------------------------------------------------------- co-production


def test_participants_and_people_paid(store, figures):
    panel = themes.participants_panel(ctx(store, figures))
    year = panel.table.set_index("Year").loc[PERIOD]
    assert (year["Self-advocates"], year["Family carers"], year["Professionals"], year["Paid for their time"]) == (
        "20", "10", "40", "20")  # 22, 10, 39 and 18, rounded to 5
    assert "self-advocates 20, family carers 10, professionals 40 of 70 places" in panel.sentence
    reading = themes.participants_panel(ctx(store, figures, READING)).table.set_index("Year").loc[PERIOD]
    # self-advocates 4 and family carers 3 hidden; 11 professionals shown; nobody paid (0)
    assert (reading["Self-advocates"], reading["Family carers"], reading["Professionals"], reading["Paid for their time"]) == (
        rules.SUPPRESSED_TEXT, rules.SUPPRESSED_TEXT, "10", "0")


def test_levels_decisions_actions_and_i_statements_are_hidden_for_small_counts(store, figures):
    c = ctx(store, figures)
    levels = themes.levels_panel(c)  # Leeds: 1, 2, 1, 2, 2 activities a year
    assert set(levels.table.drop(columns="Year").stack()) == {rules.SUPPRESSED_TEXT}
    decisions = themes.decisions_panel(c)  # one of each decision a year: 3 in 2022-23 to 2024-25
    assert set(decisions.table["Decisions"]) == {rules.SUPPRESSED_TEXT}
    assert "in 2022-23 to 2024-25" in decisions.sentence
    actions = themes.actions_panel(c)  # 3 completed, 2 open
    assert set(actions.table["Completed"]) == {rules.SUPPRESSED_TEXT}
    answers = themes.i_statements_panel(c)  # 4, 2, 1 per theme
    assert list(answers.table["Answers"]) == ["5", "5", "5"]  # 7, 7 and 6, rounded to 5
    assert set(answers.table["Yes"]) == {rules.SUPPRESSED_TEXT}


def test_levels_and_decisions_with_more_activities(db_copy):
    con = Store(db_copy)
    cur = con.cursor()
    batch = cur.execute("select max(batch_id) from coproduction_activities").fetchone()[0]
    for i in range(6):  # six co-produced service specifications with self-advocates, two with family carers
        cur.execute("insert into coproduction_activities values (?, ?, ?, ?, 'writing a service specification', 2, ?, 3,"
                    " 'co-produced', 2, 'More easy read', 'Done', 'completed')",
                    [batch, LEEDS, date(2024, 10, 1) + timedelta(days=i), PERIOD, 1 if i < 2 else 0])
    cur.close()
    release.materialise(con)  # the writer's step after changing data
    con.close()
    store = Store(db_copy, read_only=True)
    c = ctx(store, build_figures(store))
    levels = themes.levels_panel(c).table.set_index("Year").loc[PERIOD]
    assert levels["Co-produced"] == "10"  # 2 + 6, rounded to 5
    # specifications in 2022-23 to 2024-25: one a year (self-advocates and family carers) and the six new ones
    decisions = themes.decisions_panel(c).table.set_index("Decision").loc["Writing a service specification"]
    assert decisions["Decisions"] == "10"  # 9, rounded to 5
    assert decisions["With self-advocates"] == "10 (100%)"
    assert decisions["With family carers"] == rules.COMPLEMENT_TEXT  # 5 of 9: the 4 without are few
    actions = themes.actions_panel(c).table.set_index("Year").loc[PERIOD]
    # 9 completed, 2 open: the 2 is hidden, and the 9 with it (the total of 11 is on the page)
    assert (actions["Completed"], actions["Still open"]) == (rules.SECONDARY_TEXT, rules.SUPPRESSED_TEXT)
    store.close()


def test_sentences_keep_acronyms(store, figures):
    panel = themes.areas_panel(ctx(store, figures, KIRKLEES), "discharge_breakdowns_per_1000")
    trend = themes.trend_panel(ctx(store, figures, KIRKLEES), "discharge_breakdowns_per_1000")
    for sentence in (panel.sentence, trend.sentence):
        assert "atu" not in sentence  # (Kirklees' discharge breakdowns are too few to show)
