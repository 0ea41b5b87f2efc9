"""Every published ASCOF value is shown (issue 12): outcome-only rows, margins of error, and
numerators/denominators, in the 2018-19 and 2023-24 shapes, on Compare, Overview and Trends."""

from __future__ import annotations

import json

import pytest

from tests.apptest.helpers import all_text, markdown_with_testid, open_page
from tests.conftest import LEEDS, READING
from tests.unit.test_cld_ascof import issue12_db

WAKEFIELD = "E08000036"


@pytest.fixture(scope="module")
def published_db(fixture_db, tmp_path_factory):
    return issue12_db(fixture_db, tmp_path_factory.mktemp("published") / "published.duckdb", cld_files=False)


@pytest.fixture
def published_env(published_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(published_db))
    return published_db


def test_outcome_only_year_shows_every_council_against_england(published_env):
    at = open_page("compare", indicator="control", period="2018-19", area=LEEDS)
    text = all_text(at)
    assert "No area has a figure" not in text
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert len(bars["y"]) == 5  # Leeds, Kirklees, Reading, Isles of Scilly, Wakefield
    table = markdown_with_testid(at, "compare-table")
    for value in ("77.4%", "75.1%", "79.1%", "80.0%", "76.2%"):  # 79.05 published: half away from zero
        assert value in table
    assert "none (published value only)" in table
    assert "England (published ASCOF): 77.6%" in text
    assert "are not compared with the benchmark" in text


@pytest.mark.parametrize("indicator, england", [("control", "77.6%"), ("self_directed_support", "92.9%"),
                                                 ("direct_payments", "27.0%")])
def test_2023_24_england_benchmark_is_the_published_value(published_env, indicator, england):
    at = open_page("compare", indicator=indicator, period="2023-24", area=LEEDS)
    text = all_text(at)
    assert f"England (published ASCOF): {england}" in text
    assert "All areas in the data:" not in text  # the benchmark line does not fall back


def test_margin_of_error_is_the_interval_and_counts_give_wilson(published_env):
    at = open_page("compare", indicator="control", period="2023-24", area=WAKEFIELD)
    table = markdown_with_testid(at, "compare-table")
    assert "74.4%" in table and "70.8% to 78.0%" in table  # Wakefield 74.4 -+ 3.6
    at = open_page("compare", indicator="direct_payments", period="2023-24", area=WAKEFIELD)
    table = markdown_with_testid(at, "compare-table")
    assert "30.6%" in table and "3,600" in table  # 1,100 of 3,600


def test_overview_and_trends_show_published_values_to_one_decimal(published_env):
    at = open_page("overview", area=WAKEFIELD, period="2018-19")
    text = all_text(at)
    assert "76.2%" in text and "England (published ASCOF): 77.6%" in text
    assert "are not compared with the benchmark" in text
    at = open_page("trends", indicator="control", area=READING, period="2018-19")
    table = markdown_with_testid(at, "trend_chart-table")
    assert "79.1%" in table and "none (published value only)" in table
    at = open_page("trends", indicator="direct_payments", area=WAKEFIELD, period="2023-24")
    table = markdown_with_testid(at, "trend_chart-table")
    assert "31.0%" in table or "30.6%" in table


def test_no_empty_chart_the_sentence_instead(published_env):
    # Kirklees has no figure at all for control in 2018-19's neighbour years before the data starts
    at = open_page("trends", indicator="days_to_first_payment", area=WAKEFIELD, period="2024-25")
    assert not at.get("plotly_chart")
    assert any("can be shown for any year" in i.value for i in at.info)
