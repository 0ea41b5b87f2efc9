"""Published ASCOF values and a council's CLD figures in Chromium (issue 12): an outcome-only
2018-19 file gives a drawn chart of every council against England's published value, to 1
decimal place; a 2023-24 CLD re-submission shows as "from your CLD submission, NHS method"."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Server, axe_violations, expanded_table, open_app, screenshot
from tests.browser.test_compare_pages import chart_label
from tests.conftest import LEEDS
from tests.unit.test_cld_ascof import issue12_db

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def published_server(fixture_db, tmp_path_factory):
    srv = Server(issue12_db(fixture_db, tmp_path_factory.mktemp("published_server") / "published.duckdb"))
    yield srv
    srv.stop()


def test_outcome_only_year_and_cld_figures_in_the_browser(page, published_server):
    open_app(page, published_server.url, f"compare?indicator=control&period=2018-19&area={LEEDS}")
    label = chart_label(page, 0)
    assert "for 5 areas" in label and "England (published ASCOF): 77.6%" in label
    assert page.locator(".js-plotly-plot .bars .point").count() == 5
    table = expanded_table(page, "compare-table")
    for value in ("77.4%", "75.1%", "79.1%", "80.0%", "76.2%"):
        assert value in table
    assert "none (published value only)" in table
    assert page.get_by_text("are not compared with the benchmark").count() == 1
    screenshot(page, "compare_published_outcome_only_2018-19")
    assert axe_violations(page) == []
    open_app(page, published_server.url, f"compare?indicator=direct_payments&period=2023-24&area={LEEDS}")
    table = expanded_table(page, "compare-table")
    leeds = next(line for line in table.splitlines() if line.startswith("Leeds"))
    assert "56.3%" in leeds and "from your CLD submission, NHS method" in leeds
    assert "England (published ASCOF): 27.0%" in chart_label(page, 0)
    screenshot(page, "compare_cld_direct_payments_2023-24")
