"""Links that name an area open that area; words a room or a reader would misread (issue 15).
Each at the size where the problem was seen."""

import pytest

from tests.browser.conftest import READY, open_app, screenshot
from tests.conftest import KIRKLEES, LEEDS, READING

pytestmark = pytest.mark.browser


@pytest.fixture
def analyst(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def settle(page):
    page.wait_for_timeout(500)
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(READY, timeout=60_000)


def profile_heading(page) -> str:
    page.wait_for_url("**/profile**")
    settle(page)
    page.get_by_text("Every indicator for").first.wait_for()
    return page.get_by_text("Every indicator for").first.inner_text()


def test_a_profile_link_opens_the_council_it_names(analyst, server):
    """Leeds is chosen (and remembered) on the map; the link to Kirklees' profile opens Kirklees."""
    open_app(analyst, server.url, f"map?indicator=control&period=2024-25&area={LEEDS}")
    box = analyst.locator("[data-testid='stSelectbox']").filter(has_text="Area").last
    box.click()
    analyst.get_by_role("option", name="Kirklees").click()
    settle(analyst)
    link = analyst.get_by_role("link", name="Open the profile of Kirklees")
    assert f"area={KIRKLEES}" in link.get_attribute("href")
    link.click()
    heading = profile_heading(analyst)
    assert "Every indicator for Kirklees" in heading, heading
    assert f"area={KIRKLEES}" in analyst.url
    # the next page without an area in its address keeps Kirklees (choices carry across pages)
    analyst.get_by_role("link", name="Trends").first.click()
    analyst.wait_for_url("**/trends**")
    settle(analyst)
    assert f"area={KIRKLEES}" in analyst.url


def _hex_centre(page, code: str) -> dict:
    """The on-screen centre of the hex whose customdata is ``code``."""
    page.locator(".js-plotly-plot .scatterlayer .point").first.wait_for()
    return page.evaluate(
        """code => {
            for (const el of document.querySelectorAll('.js-plotly-plot .scatterlayer .point')) {
              const d = el.__data__; const trace = el.closest('.trace').__data__[0].trace;
              const cd = trace.customdata && trace.customdata[d.i];
              if (cd && cd[0] === code) { el.scrollIntoView({block: 'center'});
                const r = el.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; }
            }
            return null;
        }""", code)


def test_a_hex_click_opens_that_councils_profile(analyst, server):
    open_app(analyst, server.url, f"map?indicator=control&period=2024-25&area={LEEDS}")
    screenshot(analyst, "issue15_map_1440")
    centre = _hex_centre(analyst, READING)
    assert centre, "no hex for Reading"
    analyst.mouse.click(centre["x"], centre["y"])
    heading = profile_heading(analyst)
    assert "Every indicator for Reading" in heading, heading
    assert f"area={READING}" in analyst.url
    screenshot(analyst, "issue15_profile_from_hex_1440")


def test_a_hex_without_data_says_so_on_screen(analyst, server):
    open_app(analyst, server.url, f"map?indicator=control&period=2024-25&area={LEEDS}")
    centre = _hex_centre(analyst, "E10000020")  # Norfolk: on the map, not in the fixture data
    analyst.mouse.click(centre["x"], centre["y"])
    settle(analyst)
    message = analyst.get_by_text("Norfolk has no data in the dashboard").first
    message.wait_for()
    box = message.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 900, box  # on the screen the reader is looking at
    assert "/map" in analyst.url
