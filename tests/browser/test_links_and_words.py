"""Links that name an area open that area; words a room or a reader would misread (issue 15).
Each at the size where the problem was seen."""

import pytest

from tests.browser.conftest import READY, choose, open_app, screenshot
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
    choose(analyst, "Area", "Kirklees")
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


# ------------------------------------------------------------------ easy read on a phone (390x844)

SCROLLED = """() => Math.max(...[document.querySelector('[data-testid="stMain"]'),
    document.querySelector('[data-testid="stAppViewContainer"]'), document.scrollingElement]
    .filter(Boolean).map(el => el.scrollTop))"""

SIDEBAR_OPEN = """() => { const s = document.querySelector('[data-testid="stSidebar"]');
    if (!s) return false; const r = s.getBoundingClientRect();
    return s.getAttribute('aria-expanded') === 'true' && r.right > 20 && r.width > 20; }"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    yield tab
    context.close()


def _on_first_screen(page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, (selector, box)
    return box


def test_easy_read_on_a_phone_next_and_back_land_at_the_top(phone, server):
    open_app(phone, server.url, "easy-read")
    assert not phone.evaluate(SIDEBAR_OPEN), "the menu covers the phone screen at the start"
    phone.get_by_label("Type the name of your place").fill("Leeds")
    phone.keyboard.press("Enter")
    settle(phone)
    assert not phone.evaluate(SIDEBAR_OPEN), "the menu opened after Enter in the place search"
    phone.get_by_role("button", name="Leeds", exact=True).click()
    phone.wait_for_function("() => document.body.innerText.includes('Page 1 of')", timeout=30_000)
    settle(phone)
    heights = []
    for step in range(3):
        # the reader scrolls down to the Next button and presses it
        phone.get_by_role("button", name="Next").scroll_into_view_if_needed()
        assert phone.evaluate(SCROLLED) > 100
        phone.get_by_role("button", name="Next").click()
        phone.wait_for_function(f"() => document.body.innerText.includes('Page {step + 2} of')", timeout=30_000)
        settle(phone)
        assert phone.evaluate(SCROLLED) == 0, f"page {step + 2} opened scrolled down"
        assert not phone.evaluate(SIDEBAR_OPEN), "the menu opened after Next"
        # title, picture and sentence on the first phone screen
        _on_first_screen(phone, ".gl-er-title")
        _on_first_screen(phone, "[data-testid='er-picture']")
        _on_first_screen(phone, ".gl-er-sentence")
        heights.append(phone.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"))
        screenshot(phone, f"issue15_easy_read_390_page{step + 2}")
    phone.get_by_role("button", name="Back").scroll_into_view_if_needed()
    phone.get_by_role("button", name="Back").click()
    phone.wait_for_function("() => document.body.innerText.includes('Page 3 of')", timeout=30_000)
    settle(phone)
    assert phone.evaluate(SCROLLED) == 0, "Back opened the screen scrolled down"
    print("easy-read screen heights at 390x844:", heights)


def test_a_real_council_with_no_data_says_so(phone, server):
    open_app(phone, server.url, "easy-read")
    phone.get_by_label("Type the name of your place").fill("Hull")
    phone.keyboard.press("Enter")
    settle(phone)
    text = phone.inner_text("[data-testid='stMain']")
    assert "We do not have numbers for Kingston upon Hull" in text, text[:600]
    assert "Try fewer letters" not in text
    assert phone.get_by_role("button", name="Leeds", exact=True).count() == 1  # the places that have numbers
    phone.get_by_label("Type the name of your place").fill("Xqzt")
    phone.keyboard.press("Enter")
    settle(phone)
    assert "Try fewer letters" in phone.inner_text("[data-testid='stMain']")


CUT_OFF = """() => [...document.querySelectorAll('[data-testid="stSelectbox"]')].flatMap(box =>
    [...box.querySelectorAll('div, span, input')].filter(el => el.children.length === 0 && (el.innerText || el.value)
        && el.scrollWidth > el.clientWidth + 1).map(el => (el.innerText || el.value).trim()))"""


def test_dropdown_labels_are_not_cut_off_and_domains_said_once(analyst, server):
    open_app(analyst, server.url, f"profile?area={LEEDS}&period=2024-25")
    assert analyst.evaluate(CUT_OFF) == []
    open_app(analyst, server.url, f"compare?indicator=control_council_commissioned&period=2024-25&area={LEEDS}")
    assert analyst.evaluate(CUT_OFF) == []
    box = analyst.locator("[data-testid='stSelectbox']").filter(has_text="Indicator").first
    box.click()
    box.locator("input").fill("control")  # the list is virtualised: filter it to the options in question
    analyst.get_by_role("option").first.wait_for()
    options = analyst.get_by_role("option").all_inner_texts()
    assert any("council-commissioned" in o for o in options), options
    assert not [o for o in options if o.lower().startswith("control: control")], options
    screenshot(analyst, "issue15_compare_options_1440")
