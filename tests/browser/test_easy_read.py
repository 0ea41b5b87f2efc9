"""Easy read in Chromium: every screen at 1280x800 and 390x844 (phone), walked by keyboard only,
checked with axe, text alternatives, font sizes and "Read to me"; 1920x1080 (projector) too."""

from __future__ import annotations

import io

import pytest

from dashboard import easyread
from tests.browser.conftest import READY, axe_violations, open_app, screenshot
from tests.conftest import LEEDS, SCILLY

pytestmark = pytest.mark.browser

#: window.speechSynthesis.speak is replaced by a recorder: the test hears what would be said
SPEECH_STUB = """
window.__spoken = [];
if (window.speechSynthesis) {
  window.speechSynthesis.speak = function (utterance) { window.__spoken.push(utterance.text); };
}
"""

#: every control in the main area, tagged so the keyboard walk can tell which it reached
TAG_CONTROLS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const controls = [...main.querySelectorAll('button, input, select, textarea, summary, a[href], [tabindex="0"]')]
    .filter(el => el.offsetParent !== null && !el.disabled && el.getAttribute('tabindex') !== '-1');
  controls.forEach((el, i) => el.setAttribute('data-walk', String(i)));
  return controls.map(el => (el.innerText || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 60));
}"""

ACTIVE = """() => {
  const el = document.activeElement;
  const tagged = el && el.closest ? el.closest('[data-walk]') : null;
  return {walk: tagged ? tagged.getAttribute('data-walk') : null,
          text: el ? (el.innerText || el.getAttribute('aria-label') || el.tagName || '').trim().slice(0, 60) : ''};
}"""

#: the smallest rendered text in the main area: HTML text, and SVG text scaled as drawn
SMALLEST_TEXT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  let smallest = 1000, where = '';
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || el.closest('style, script, title, [aria-hidden="true"]')) continue;
    if (el.offsetParent === null && !el.closest('svg')) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
      size = size * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    }
    if (size < smallest) { smallest = size; where = node.textContent.trim().slice(0, 40); }
  }
  return {smallest: smallest, where: where, body: parseFloat(getComputedStyle(document.body).fontSize)};
}"""

IMAGES = """() => [...document.querySelectorAll('[data-testid="stMain"] svg[role="img"], [data-testid="stMain"] img')]
  .map(el => ({label: el.getAttribute('aria-label') || el.getAttribute('alt') || '',
               title: (el.querySelector && el.querySelector('title')) ? el.querySelector('title').textContent : null,
               where: el.closest('[data-testid^="er-"]') ? el.closest('[data-testid^="er-"]').getAttribute('data-testid') : ''}))"""


def _wait_ready(page):
    page.wait_for_timeout(250)
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(150)
    page.wait_for_selector(READY, timeout=60_000)


def _names(active: dict, label: str) -> bool:
    """Is the focused control the one with this label? (Material icon names are text too.)"""
    return label in [line.strip() for line in active["text"].split("\n")]


def keyboard_walk(page, stop_at: str | None = None, limit: int = 120) -> tuple[set[str], list[str]]:
    """Press Tab from the top of the page until every control in the main area has had the
    focus (or ``stop_at`` is focused). Returns (reached, the controls that exist)."""
    names = page.evaluate(TAG_CONTROLS)
    page.evaluate("() => { document.activeElement && document.activeElement.blur && document.activeElement.blur(); }")
    page.locator("body").focus()
    reached: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active["walk"] is not None:
            reached.add(active["walk"])
        if stop_at is not None and _names(active, stop_at):
            break
        if stop_at is None and len(reached) == len(names):
            break
    return reached, names


def press_by_keyboard(page, label: str) -> None:
    """Tab to the control whose text ends with ``label`` and press Enter."""
    _, _ = keyboard_walk(page, stop_at=label)
    active = page.evaluate(ACTIVE)
    assert _names(active, label), f"Tab never reached {label!r}: {active}"
    page.keyboard.press("Enter")
    _wait_ready(page)


def check_screen(page, name: str, min_px: float) -> None:
    """axe clean, every picture with its sentence, text big enough, every control reachable."""
    page.evaluate("() => { const m = document.querySelector('[data-testid=\"stMain\"]'); if (m) m.scrollTo(0, 0); }")
    shot = screenshot(page, name)
    assert shot.exists()
    assert axe_violations(page) == [], name
    sizes = page.evaluate(SMALLEST_TEXT)
    assert sizes["body"] >= min_px, (name, sizes)
    assert sizes["smallest"] >= min_px - 0.01, (name, sizes)
    for image in page.evaluate(IMAGES):
        assert image["label"].strip(), (name, image)
        if image["title"] is not None:
            assert image["title"] == image["label"], (name, image)
    reached, controls = keyboard_walk(page)
    assert len(reached) == len(controls), (name, [c for i, c in enumerate(controls) if str(i) not in reached])


def check_indicator_screen(page, fig: easyread.EasyReadFigure, name: str, min_px: float) -> None:
    main = page.locator("[data-testid='stMain']")
    assert fig.title in main.inner_text()
    sentence = page.locator(".gl-er-sentence").inner_text().strip()
    assert sentence == fig.sentence
    # the picture and the chart say the sentence; the face says the comparison next to it
    assert page.locator("[data-testid='er-picture'] svg").get_attribute("aria-label") == fig.sentence
    if fig.chart != "none":
        assert page.locator("[data-testid='er-chart'] svg").get_attribute("aria-label") == fig.sentence
        people = page.locator("[data-testid='er-chart'] svg.gl-er-icons > g")
        if fig.chart == "icons":
            assert people.count() == 10
    else:
        assert page.locator("[data-testid='er-chart']").count() == 0
    face = page.locator("[data-testid='er-compare'] svg")
    assert face.get_attribute("aria-label") == fig.comparison_sentence
    assert page.locator("[data-testid='er-compare'] p").inner_text().strip() == fig.comparison_sentence
    check_screen(page, name, min_px)
    # the exact figure is one click (one Enter) away
    exact = page.locator("[data-testid='er-exact']")
    assert not exact.evaluate("d => d.open")
    exact.locator("summary").focus()
    page.keyboard.press("Enter")
    assert exact.evaluate("d => d.open")
    assert fig.exact in exact.inner_text()
    # "Read to me" speaks the screen's words, starting with the sentence's screen title
    page.evaluate("() => { window.__spoken = []; }")
    page.locator(".gl-er-speak").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.__spoken && window.__spoken.length > 0", timeout=5_000)
    spoken = page.evaluate("() => window.__spoken[window.__spoken.length - 1]")
    assert spoken == fig.spoken
    assert fig.sentence in spoken


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)], ids=["1280x800", "390x844"])
def test_every_easy_read_screen_by_keyboard(browser, server, figures, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    try:
        size = f"{width}x{height}"
        open_app(page, server.url, "easy-read")
        assert "Choose your place" in page.inner_text("[data-testid='stMain']")
        check_screen(page, f"easy-read_{size}_00_choose-place", 20)
        # search by name, then choose from the short list, by keyboard only
        page.get_by_label("Type the name of your place").focus()
        page.keyboard.type("lee")
        page.keyboard.press("Enter")
        _wait_ready(page)
        assert page.locator("[class*='st-key-er_place_'] button").count() == 2  # Leeds, Kirklees
        check_screen(page, f"easy-read_{size}_00_search", 20)
        press_by_keyboard(page, "Leeds")
        figs = easyread.easy_read_area(figures, LEEDS, "2024-25")
        for number, fig in enumerate(figs, start=1):
            page.wait_for_function(
                f"() => document.body.innerText.includes('Page {number} of {len(figs)}.')", timeout=30_000
            )
            check_indicator_screen(page, fig, f"easy-read_{size}_{number:02d}_{fig.indicator_id}", 20)
            press_by_keyboard(page, "Next")
        page.wait_for_function("() => document.body.innerText.includes('That is the end')", timeout=30_000)
        check_screen(page, f"easy-read_{size}_99_end", 20)
        assert f"area={LEEDS}" in page.url
        if width == 1280:
            with page.expect_download() as download:
                page.get_by_role("button", name="Print all pages: easy-read pack (PDF)").click()
            from pypdf import PdfReader

            path = download.value.path()
            reader = PdfReader(io.BytesIO(open(path, "rb").read()))
            assert len(reader.pages) == len(figs) + 3
            assert download.value.suggested_filename == "easy-read-leeds-2024-25.pdf"
        # Back from the end goes to the last screen; Start again to the first
        press_by_keyboard(page, "Back")
        page.wait_for_function(f"() => document.body.innerText.includes('Page {len(figs)} of {len(figs)}.')")
    finally:
        context.close()


def test_suppressed_screen_says_not_enough_people(browser, server, figures):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    try:
        open_app(page, server.url, f"easy-read?area={SCILLY}&indicator=control&period=2024-25")
        fig = next(f for f in easyread.easy_read_area(figures, SCILLY, "2024-25") if f.indicator_id == "control")
        assert fig.suppressed
        main = page.inner_text("[data-testid='stMain']")
        assert "Not enough people answered to say." in main
        assert "%" not in main and "out of 10" not in main
        check_indicator_screen(page, fig, "easy-read_1280x800_scilly_control_suppressed", 20)
    finally:
        context.close()


def test_projector_1920_has_24px_text(browser, server, figures):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    try:
        figs = {f.indicator_id: f for f in easyread.easy_read_area(figures, LEEDS, "2024-25")}
        for indicator in ["control", "clawbacks_per_100", "days_to_first_payment"]:
            open_app(page, server.url, f"easy-read?area={LEEDS}&indicator={indicator}&period=2024-25")
            check_indicator_screen(page, figs[indicator], f"easy-read_1920x1080_{indicator}", 24)
    finally:
        context.close()


def test_easy_read_switch_on_another_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        open_app(page, server.url, f"compare?area={LEEDS}&indicator=satisfaction&period=2024-25")
        assert "mode=easy" not in page.url
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") != "22px"
        switch = page.get_by_role("switch", name="Easy read mode")
        switch.focus()
        page.keyboard.press("Space")
        _wait_ready(page)
        assert "mode=easy" in page.url
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "22px"
        screenshot(page, "compare_easy_mode_1280x800")
        assert axe_violations(page) == []
        link = page.get_by_role("link", name="Open the easy-read pages for this place")
        href = link.get_attribute("href")
        assert f"area={LEEDS}" in href and "indicator=satisfaction" in href and "mode=easy" in href
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/easy-read**")
        _wait_ready(page)
        page.wait_for_function("() => document.body.innerText.includes('Happy with my support')", timeout=30_000)
        assert "Easy read: Leeds" in page.inner_text("[data-testid='stMain']")
        # the switch is kept in the link: opening it again starts in easy mode
        open_app(page, server.url, f"overview?area={LEEDS}&mode=easy")
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "22px"
        assert page.get_by_role("link", name="Open the easy-read pages for this place").count() == 1
    finally:
        context.close()
