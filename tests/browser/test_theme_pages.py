"""The theme pages in Chromium: rendered charts with their text alternatives, findings, tables,
CSV downloads that never carry a note or a small number, notes for editors only, screenshots
and axe."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dashboard.release import rules
from tests.browser.conftest import (EDITOR_NAME, EDITOR_PASSWORD, READY, Server, axe_violations, open_app,
                                    screenshot, sign_in)
from tests.conftest import LEEDS
from tests.unit.test_themes import COUNT_COLUMNS, add_breakdowns

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def rich_server(fixture_db, tmp_path_factory):
    """The fixture data plus 27 breakdowns in Leeds in 2024-25, so the category charts, heat map
    and delay groups have figures to show (as a real council's data would)."""
    db = tmp_path_factory.mktemp("theme_server") / "themes.duckdb"
    shutil.copy(fixture_db, db)
    add_breakdowns(str(db), LEEDS, "2024-25",
                   [("transition to adult services", 10)] * 10 + [("hospital or ATU discharge", 20)] * 5
                   + [("housing", 30)] * 4 + [("NHS specialist commissioning", 5)] * 4 + [("crisis response", 5)] * 4)
    srv = Server(db)
    yield srv
    srv.stop()


def charts(page, minimum: int = 1):
    """The page's charts, once at least ``minimum`` have been drawn (a busy machine is slow)."""
    page.wait_for_function(
        f"document.querySelectorAll(\"[data-testid='stPlotlyChart'] .js-plotly-plot .main-svg\").length >= {minimum}",
        timeout=60_000)
    page.wait_for_selector(READY, timeout=60_000)
    return page.locator("[data-testid='stPlotlyChart']")


def alt_texts(page) -> list[str]:
    """Each chart's accessible name (st.plotly_chart(..., alt=...): role=figure, aria-label)."""
    return page.locator("[data-testid='stPlotlyChart'][role='figure']").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))")


def open_tab(page, name: str) -> None:
    """Show a tab (the sections after the first sit one click away, a tab each)."""
    page.get_by_role("tab", name=name, exact=True).click()
    page.get_by_role("tab", name=name, exact=True).and_(page.locator("[aria-selected='true']")).wait_for()


def page_text(page) -> str:
    """The page's text, hidden tabs included (their captions are there, one click away)."""
    return page.locator("[data-testid='stMain']").text_content()


def open_table(page, title: str, tab: str | None = None) -> str:
    if tab:
        open_tab(page, tab)
    page.get_by_text(f"Table: {title}", exact=True).click()
    table = page.locator("details[open] table.gl-table").last
    table.wait_for()
    return table.inner_text()


def download_all(page) -> list[tuple[str, str]]:
    """Click every CSV download on the page; returns (file name, text) for each."""
    files = []
    page.wait_for_selector(READY, timeout=60_000)
    files = _download_visible(page, "")  # the buttons on the page and in the tab that is open
    for tab in page.get_by_role("tab").all_inner_texts()[1:]:  # then each other tab's
        open_tab(page, tab)
        files += _download_visible(page, "[role='tabpanel']:visible ")
    return files


def _download_visible(page, scope: str) -> list[tuple[str, str]]:
    files = []
    buttons = page.locator(f"{scope}[data-testid='stDownloadButton'] button:visible")
    for i in range(buttons.count()):
        for attempt in range(3):  # a rerun on a busy server can replace the file behind a button
            try:
                with page.expect_download(timeout=20_000) as info:
                    buttons.nth(i).click()
                break
            except PlaywrightTimeout:
                if attempt == 2:
                    raise
                page.wait_for_selector(READY, timeout=60_000)
        download = info.value
        files.append((download.suggested_filename, open(download.path(), encoding="utf-8").read()))
    return files


def test_direct_payments_page(page, server):
    open_app(page, server.url, f"direct-payments?area={LEEDS}&period=2024-25&group=region")
    assert charts(page, 10).count() >= 10
    findings = page.locator("[data-testid='findings'] li")
    assert findings.count() == 3
    assert "The largest gap is individual service funds: 10.0% against 6.9%" in findings.nth(0).inner_text()
    labels = alt_texts(page)
    assert len(labels) == charts(page).count() and all(len(label) > 40 for label in labels)
    assert any("The most: 15 to 28 days (15 holders)" in label for label in labels)
    assert any(label.startswith("Diverging bar chart of how far direct-payment holders in Leeds") for label in labels)
    body = page_text(page)
    for label in labels:  # each text alternative is also the caption under its chart
        assert label in body
    wait = open_table(page, "Days from agreement to first payment", tab="Days from agreement to first payment")
    assert "15 to 28 days\t15" in wait  # 13, rounded to 5 (as the chart's label says)
    screenshot(page, "theme_direct_payments_leeds")
    assert axe_violations(page) == []


def test_collaboration_page_for_a_viewer(page, rich_server):
    open_app(page, rich_server.url, f"collaboration?area={LEEDS}&period=2024-25")
    # 9 charts: a rate hidden in every area (its hidden councils would add up to a small number
    # the all-areas rate pins down) is said in a sentence instead of an empty chart
    assert charts(page, 9).count() >= 9
    assert page.locator(".js-plotly-plot .hm, .js-plotly-plot .heatmaplayer image, .js-plotly-plot .heatmaplayer").count() >= 1
    labels = alt_texts(page)
    assert any("Highest shown: Leeds, transition to adult services, 110.0 per 1,000" in label for label in labels)
    body = page_text(page)
    assert "shown only to signed-in editors" in body
    assert "Fixture note" not in body and "Added note" not in body
    heat = open_table(page, "Breakdowns per 1,000 people supported, area by category", tab="Area by category")
    assert "110.0" in heat and rules.SUPPRESSED_TEXT in heat
    files = download_all(page)
    assert len(files) >= 10
    for name, text in files:
        assert "note" not in text.lower(), name
        frame = pd.read_csv(pd.io.common.StringIO(text))
        for column in COUNT_COLUMNS & set(frame.columns):
            assert not rules.is_small(pd.to_numeric(frame[column], errors="coerce")).any(), (name, column)
    screenshot(page, "theme_collaboration_leeds_viewer")
    assert axe_violations(page) == []


def test_collaboration_notes_for_a_signed_in_editor(page, editor_server):
    open_app(page, editor_server.url, f"collaboration?area={LEEDS}&period=2024-25")
    assert "Fixture note" not in page.inner_text("body")
    sign_in(page, EDITOR_NAME, EDITOR_PASSWORD)
    notes = page.locator("[data-testid='breakdown-notes']")
    notes.wait_for()
    assert f"Fixture note 5 for {LEEDS}" in notes.inner_text()
    notes.scroll_into_view_if_needed()
    screenshot(page, "theme_collaboration_leeds_editor")
    assert axe_violations(page) == []


def test_coproduction_page(page, server):
    open_app(page, server.url, f"coproduction?area={LEEDS}&period=2024-25")
    assert charts(page, 9).count() >= 9  # 3 charts with nothing to draw are their sentences (issue 12)
    assert page.locator("[data-testid='findings'] li").count() == 3
    labels = alt_texts(page)
    assert any("self-advocates 20, family carers 10, professionals 40 of 70 places" in label for label in labels)
    who = open_table(page, "Who took part in Leeds, and who was paid for their time", tab="Who took part")
    assert "20\t10\t40\t20" in who  # 22, 10, 39 and 18, rounded to 5
    assert "No “you said, we did” actions have been recorded for Leeds" in page_text(page)
    screenshot(page, "theme_coproduction_leeds")
    assert axe_violations(page) == []


def test_theme_pages_are_in_the_navigation_and_keep_choices(page, server):
    open_app(page, server.url, f"direct-payments?area={LEEDS}&period=2023-24&group=council_type")
    page.get_by_role("link", name="Co-production").click()
    page.wait_for_url("**/coproduction**")
    page.wait_for_selector("text=Metropolitan District councils", timeout=60_000)  # waits out a slow run
    assert "period=2023-24" in page.url and "group=council_type" in page.url


def _boxes(page) -> dict:
    """The page's full height, the findings' box and the first chart's box (px from the top)."""
    return page.evaluate("""() => {
      const box = e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; };
      const scrollers = [...document.querySelectorAll('*')].filter(e => /auto|scroll/.test(getComputedStyle(e).overflowY));
      const charts = [...document.querySelectorAll("[data-testid='stPlotlyChart']")].filter(e => e.offsetParent !== null);
      return {height: Math.max(document.scrollingElement.scrollHeight, ...scrollers.map(e => e.scrollHeight)),
              findings: box(document.querySelector("[data-testid='findings']")), chart: box(charts[0])};
    }""")


@pytest.mark.parametrize("path", ["direct-payments", "collaboration", "coproduction"])
def test_theme_page_answer_on_the_first_screen(page, server, path):
    """At 1440x900 (an analyst's laptop) the findings and the main chart are wholly on the first
    screen; the rest sits one click away in tabs, reachable by keyboard, so the page is short
    (it was 8,600-10,700 px tall with every section open)."""
    page.set_viewport_size({"width": 1440, "height": 900})
    open_app(page, server.url, f"{path}?area={LEEDS}&period=2024-25")
    charts(page, 2)
    # the main chart is laid out (visible) before it is measured: a busy machine lays out late
    page.wait_for_function("""() => document.querySelector("[data-testid='findings']") &&
        [...document.querySelectorAll("[data-testid='stPlotlyChart']")].some(e => e.offsetParent !== null)""",
        timeout=60_000)
    boxes = _boxes(page)
    assert 0 < boxes["findings"][0] and boxes["findings"][1] <= 900, boxes
    assert 0 < boxes["chart"][0] and boxes["chart"][1] <= 900, boxes
    assert boxes["height"] < 4500, boxes
    tabs = page.get_by_role("tab")
    assert tabs.first.inner_text() == "Key figures" and tabs.count() >= 5
    assert page.locator("[data-testid='table-key-figures']").is_visible()  # where the findings point
    # keyboard: focus the open tab, arrow to the next, and its section shows
    tabs.first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    second = tabs.nth(1)
    page.locator("[role='tab'][aria-selected='true']").filter(has_text=second.inner_text()).wait_for()
    page.get_by_role("heading", name=second.inner_text(), exact=True).first.wait_for(state="visible")
    assert not page.locator("[data-testid='table-key-figures']").is_visible()
    screenshot(page, f"theme_first_screen_{path}_1440")
