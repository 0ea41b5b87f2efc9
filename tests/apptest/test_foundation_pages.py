"""AppTest for the foundation pages: no exception, the expected text and figures."""

import json

from tests.apptest.helpers import all_text, open_page
from tests.conftest import KIRKLEES, LEEDS, READING, SCILLY
from dashboard.figures.catalogue import load as _load_catalogue

N_INDICATORS = len(_load_catalogue().indicators)


def test_overview_shows_a_tile_per_domain_with_words(app_env):
    at = open_page("overview", area=LEEDS, period="2024-25")
    text = all_text(at)
    for domain in ["Choice", "Control", "Direct-payment flexibility", "Collaboration", "Co-production", "Lived experience"]:
        assert f"<h3>{domain}</h3>" in text
    assert "80.0%" in text  # control, 32 of 40
    assert "≈ About the same as the average of all areas in the data" in text
    assert "↑ Trend over the last 5 years: increasing and getting better" in text
    assert "In 2024-25, 80 out of 100 people in Leeds said they had control over their daily life" in text
    assert "Not shown: fewer than 5 people" in text  # co-production: 4 of 8


def test_overview_for_a_small_council_hides_every_figure(app_env):
    at = open_page("overview", area=SCILLY, period="2024-25")
    text = all_text(at)
    assert text.count("Not shown: fewer than 5 people") >= 5
    assert "too few people in Isles of Scilly" in text


def test_overview_unknown_area_falls_back_with_a_message(app_env):
    at = open_page("overview", area="E99999999", period="2024-25")
    assert any("E99999999" in i.value for i in at.info)
    assert at.selectbox(key="w_area_overview").value == LEEDS


def test_compare_ranks_areas_with_whiskers_and_a_table(app_env):
    at = open_page("compare", indicator="direct_payments", period="2024-25", area=KIRKLEES)
    chart = at.get("plotly_chart")[0]
    spec = json.loads(chart.proto.spec)
    bars = spec["data"][0]
    assert bars["type"] == "bar" and bars["orientation"] == "h"
    assert "error_x" in bars
    assert len(bars["y"]) == 2  # Isles of Scilly hidden (2 of 6), and Reading with it so the total cannot reveal it
    assert "<b>Kirklees</b>" in bars["y"]
    table = next(m.value for m in at.markdown if "data-testid='compare-table'" in m.value)
    rows = table.split("<tr>")[2:]  # after the header row
    assert [r.split("<td>")[1].split("</td>")[0] for r in rows] == ["Kirklees", "Leeds", "Isles of Scilly", "Reading"]
    assert "Not shown" in rows[-2] and "Not shown" in rows[-1]
    assert "Kirklees: 50.0%, better than the average of all areas in the data" in all_text(at)
    assert at.query_params["indicator"] == ["direct_payments"] or at.query_params["indicator"] == "direct_payments"


def test_compare_published_year_uses_england_benchmark(app_env):
    at = open_page("compare", indicator="direct_payments", period="2020-21", area=LEEDS)
    text = all_text(at)
    assert "England (published ASCOF): 26.6%" in text
    table = next(m.value for m in at.markdown if "data-testid='compare-table'" in m.value)
    assert table.count("published ASCOF") == 4 and "local data" not in table


def test_definitions_search(app_env):
    at = open_page("definitions")
    assert f"{N_INDICATORS} indicators in 6 domains" in all_text(at)
    at.text_input(key="definitions_search").input("recovering").run()
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert labels == ["Money-recovered (clawback) letters per 100 direct-payment holders"]
    at.text_input(key="definitions_search").input("zzzz").run()
    assert "No indicator matches" in all_text(at)
