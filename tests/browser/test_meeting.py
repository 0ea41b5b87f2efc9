"""Meeting mode in Chromium at 1920x1080: every slide type (standard and easy read) screenshot,
type big enough for the back of a room, axe clean; keyboard navigation; an editor's action
reaching the downloaded pack."""

import io
import shutil

import pytest
from pptx import Presentation

from dashboard.meeting import slides
from tests.browser.conftest import (
    EDITOR_NAME, EDITOR_PASSWORD, READY, Server, axe_violations, open_app, screenshot, sign_in, users_secrets,
)
from tests.conftest import LEEDS

pytestmark = pytest.mark.browser
PERIOD = "2024-25"


@pytest.fixture
def room(browser):
    """A projector-sized browser window."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="module")
def meeting(store, figures):
    return slides.build_meeting(store, figures, LEEDS, PERIOD)


def wait_for_slide(page, key: str):
    page.wait_for_selector(f"[data-testid='slide'][data-key='{key}']", timeout=60_000)
    page.wait_for_selector(READY, timeout=60_000)


def px(page, selector: str) -> float:
    return page.locator(selector).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


@pytest.mark.parametrize("easy", [False, True], ids=["standard", "easy-read"])
def test_every_slide_type_at_1920_by_1080(room, server, meeting, easy):
    seen = []
    for kind in slides.SLIDE_KINDS:
        index = meeting.kinds().index(kind)
        slide = meeting.slides[index]
        open_app(room, server.url, f"meeting?area={LEEDS}&period={PERIOD}&slide={index + 1}&present=1&easy={int(easy)}")
        wait_for_slide(room, slide.key)
        room.wait_for_timeout(400)
        screenshot(room, f"meeting_{kind}_{'easy' if easy else 'standard'}_1920x1080")
        # the whole slide, source line included, is on the projector's screen
        footer = room.locator(".gl-slide-footer").first.bounding_box()
        assert footer["y"] + footer["height"] <= 1080, f"{kind}: the source line ends at {footer['y'] + footer['height']:.0f} px"
        # readable from the back of a room: body 32 px or more, titles and figures 60 px or more
        body = room.locator(".gl-slide p:not(.gl-slide-footer)")
        sizes = body.evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes and min(sizes) >= 32, f"{kind}: body text {min(sizes)} px"
        assert px(room, ".gl-slide h2") >= 60
        if slide.headline and not easy:
            assert px(room, ".gl-slide-figure") >= 60
            assert slide.headline in room.inner_text("[data-testid='stMain']")
        text = room.inner_text("[data-testid='stMain']")
        if easy:
            assert slide.easy.title in text
            assert room.locator(".gl-slide-easy svg[role='img'][aria-label]").count() >= 1 or not slide.easy.picture
        else:
            assert slide.title in text
        if slide.chart is not None and not easy:
            label = room.locator("[data-testid='stPlotlyChart'] [aria-label], [data-testid='stPlotlyChart'][aria-label]").first
            assert label.get_attribute("aria-label") == slide.chart.sentence
        # the Next and Back buttons are large targets
        box = room.get_by_role("button", name="Next").bounding_box()
        assert box["height"] >= 60 and box["width"] >= 200
        assert axe_violations(room) == [], f"{kind} ({'easy' if easy else 'standard'})"
        seen.append(kind)
    assert seen == list(slides.SLIDE_KINDS)


def test_suppressed_indicator_slide_in_the_browser(room, server, meeting):
    index = meeting.index_of("indicator:dp_trusted")
    open_app(room, server.url, f"meeting?area={LEEDS}&period={PERIOD}&slide={index + 1}&present=1")
    wait_for_slide(room, "indicator:dp_trusted")
    text = room.inner_text("[data-testid='stMain']")
    assert "Not shown" in text and "70.0%" not in text
    screenshot(room, "meeting_indicator_suppressed_1920x1080")


def test_arrow_keys_and_buttons_move_between_slides(room, server):
    open_app(room, server.url, f"meeting?area={LEEDS}&period={PERIOD}&slide=1&present=1")
    wait_for_slide(room, "agenda")
    room.locator("[data-testid='slide'] h2").click()  # focus the page, not a box
    room.keyboard.press("ArrowRight")
    wait_for_slide(room, "domain:choice")
    room.keyboard.press("ArrowRight")
    wait_for_slide(room, "domain:control")
    room.keyboard.press("ArrowLeft")
    wait_for_slide(room, "domain:choice")
    assert "slide=2" in room.url
    # by keyboard alone: Tab to the Next button and press Enter
    next_button = room.get_by_role("button", name="Next")
    next_button.focus()
    room.keyboard.press("Enter")
    wait_for_slide(room, "domain:control")
    room.get_by_role("button", name="Back").click()
    wait_for_slide(room, "domain:choice")


def test_meeting_page_with_menus(room, server):
    open_app(room, server.url, f"meeting?area={LEEDS}&period={PERIOD}&slide=1&present=0")
    wait_for_slide(room, "agenda")
    body = room.inner_text("body")
    assert "Meeting pack" in body and "Download PowerPoint (standard)" in body and "Download PDF (easy read)" in body
    assert "Editors record meeting dates" in body
    screenshot(room, "meeting_page_1920x1080")
    assert axe_violations(room) == []


@pytest.fixture(scope="module")
def board_server(fixture_db, tmp_path_factory):
    """Its own server and database: this test writes actions."""
    db = tmp_path_factory.mktemp("board_server") / "board.duckdb"
    shutil.copy(fixture_db, db)
    srv = Server(db, secrets=users_secrets())
    yield srv
    srv.stop()


def test_an_editors_action_reaches_the_next_pack(browser, board_server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    try:
        open_app(page, board_server.url, f"actions?area={LEEDS}")
        assert "No actions are recorded for Leeds yet." in page.inner_text("body")
        sign_in(page, EDITOR_NAME, EDITOR_PASSWORD)
        page.get_by_label("You said: what self-advocates and families raised").fill("Bus passes take months")
        page.get_by_label("We will: the action agreed").fill("Travel team to issue bus passes within two weeks")
        page.get_by_label("Owner (a role or a name)").fill("Travel team manager")
        page.get_by_role("button", name="Record action").click()
        page.wait_for_selector("text=Recorded action 1", timeout=60_000)
        page.wait_for_selector(READY)
        table = page.inner_text("[data-testid='actions-table']")
        assert "Bus passes take months" in table and "Travel team manager" in table and "Open" in table
        screenshot(page, "actions_editor_recorded")
        assert axe_violations(page) == []

        open_app(page, board_server.url, f"self-assessment?area={LEEDS}&period={PERIOD}")
        assert "Record a rating" in page.inner_text("body")
        screenshot(page, "self_assessment_editor")
        assert axe_violations(page) == []

        open_app(page, board_server.url, f"meeting?area={LEEDS}&period={PERIOD}&slide=1&present=0")
        wait_for_slide(page, "agenda")
        with page.expect_download(timeout=180_000) as download:
            page.get_by_role("button", name="Download PowerPoint (standard)").click()
        data = open(download.value.path(), "rb").read()
        assert download.value.suggested_filename == "board-pack-leeds-2024-25.pptx"
    finally:
        context.close()
    deck = Presentation(io.BytesIO(data))
    text = "\n".join(
        shape.text_frame.text if shape.has_text_frame else
        "\n".join(c.text for r in shape.table.rows for c in r.cells) if shape.has_table else ""
        for slide in deck.slides for shape in slide.shapes
    )
    assert "Bus passes take months" in text
    assert "Travel team to issue bus passes within two weeks" in text


def test_every_standard_slide_fits_the_projector(room, server, meeting):
    """Presentation mode at 1920x1080: no slide (every indicator slide too) runs past the screen."""
    over = {}
    for index, slide in enumerate(meeting.slides):
        open_app(room, server.url, f"meeting?area={LEEDS}&period={PERIOD}&slide={index + 1}&present=1&easy=0")
        wait_for_slide(room, slide.key)
        room.wait_for_timeout(200)
        footer = room.locator(".gl-slide-footer").first.bounding_box()
        bottom = footer["y"] + footer["height"]
        page_height = room.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        if bottom > 1080 or page_height > 1080:
            over[f"{index + 1} {slide.key}"] = (round(bottom), page_height)
    assert not over, f"slides past the 1080 px screen (source line bottom, page height): {over}"
