"""The foundation pages in Chromium: rendered figures, shared links, screenshots, axe."""

import pytest

from tests.browser.conftest import READY, Server, axe_violations, expanded_table, open_app, screenshot
from tests.conftest import KIRKLEES, LEEDS

pytestmark = pytest.mark.browser


def selected(page, label: str) -> str:
    """The shown value of a select box, found by its label."""
    box = page.locator("[data-testid='stSelectbox']").filter(has_text=label).first
    return box.evaluate(
        "b => (b.querySelector('input') && b.querySelector('input').value) || b.querySelector('[value]')?.getAttribute('value') || b.innerText"
    ).strip()


def test_no_page_not_found_dialog_for_any_page(page, server):
    for path in ["", "overview", "compare", "definitions"]:
        open_app(page, server.url, path)
        assert page.locator("[role='dialog']").count() == 0, f"/{path} showed a dialog"
        assert page.locator("#root[inert]").count() == 0


def test_overview_renders_tiles_and_narrative(page, server):
    open_app(page, server.url, f"overview?area={LEEDS}&period=2024-25")
    tiles = page.locator("[data-testid='domain-tile']")
    assert tiles.count() == 6
    control = page.locator("[data-testid='domain-tile'][data-domain='control']")
    assert "80.0%" in control.inner_text()
    # 32 of 40 (95% interval 65.2% to 89.5%) against all areas 67 of 93 (72.0%): similar, in words
    assert "≈ About the same as the average of all areas in the data" in control.inner_text()
    assert "Trend over the last 5 years: increasing and getting better" in control.inner_text()
    assert "80 out of 100 people in Leeds said they had control over their daily life" in page.inner_text("body")
    screenshot(page, "overview_leeds_2024-25")
    assert axe_violations(page) == []


def test_compare_renders_chart_with_text_alternative(page, server):
    open_app(page, server.url, f"compare?indicator=direct_payments&period=2024-25&area={KIRKLEES}")
    chart = page.locator("[data-testid='stPlotlyChart']")
    chart.wait_for()
    assert page.locator(".js-plotly-plot .bars path").count() >= 3
    alt = page.locator("[data-testid='stPlotlyChart'] [aria-label], [data-testid='stPlotlyChart'][aria-label]").first
    label = alt.get_attribute("aria-label")
    assert label and "Kirklees: 50.0%, better than the average of all areas in the data" in label
    table = expanded_table(page, "compare-table")  # one click away, under the chart
    assert "50.0%" in table and "Not shown: fewer than 5 people" in table
    screenshot(page, "compare_direct_payments_kirklees")
    assert axe_violations(page) == []


def test_definitions_search(page, server):
    open_app(page, server.url, "definitions")
    page.get_by_label("Search the definitions").fill("clawback")
    page.keyboard.press("Enter")
    page.wait_for_selector(READY)
    page.wait_for_timeout(300)
    assert "Money-recovered (clawback) letters per 100 direct-payment holders" in page.inner_text("body")
    screenshot(page, "definitions_search")
    assert axe_violations(page) == []


def test_choices_are_kept_in_the_url_and_across_pages(page, server):
    open_app(page, server.url, f"overview?area={KIRKLEES}&period=2023-24")
    page.get_by_role("link", name="Compare areas").click()
    page.wait_for_url("**/compare**")
    page.wait_for_selector(READY)
    page.wait_for_timeout(500)
    assert f"area={KIRKLEES}" in page.url and "period=2023-24" in page.url
    assert selected(page, "Area") == "Kirklees" and selected(page, "Year") == "2023-24"


def test_a_shared_deep_link_works_first_on_a_fresh_server(browser, fixture_db, tmp_path):
    """Streamlit's legacy pages/ discovery runs a deep link's page file directly on a fresh
    server: the page must still show the right view with the app's own navigation."""
    import shutil

    db = tmp_path / "fresh.duckdb"
    shutil.copy(fixture_db, db)
    fresh = Server(db)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        open_app(tab, fresh.url, f"compare?indicator=choice&period=2023-24&area={KIRKLEES}")
        body = tab.inner_text("body")
        assert "Compare areas" in body and "Enough choice over care and support" in body
        nav = tab.locator(".st-key-app_navigation").inner_text()
        assert "Overview" in nav and "streamlit app" not in nav.lower()
        assert "indicator=choice" in tab.url and f"area={KIRKLEES}" in tab.url
        screenshot(tab, "deep_link_fresh_server")
        context.close()
    finally:
        fresh.stop()


def test_pages_load_nothing_from_the_web(page, server):
    """A council network has no internet: every request a page makes stays on this server."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in [f"overview?area={LEEDS}", "compare?indicator=control", "map", "easy-read", "direct-payments", "meeting"]:
        open_app(page, server.url, path)
        page.wait_for_timeout(500)
    outside = [u for u in requested if not u.startswith((server.url, "data:", "blob:", "about:"))]
    assert requested and outside == []
