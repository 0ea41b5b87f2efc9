"""A viewer's walk for the council with 3 respondents and 2 breakdowns (the Isles of Scilly):
every page, every CSV download and both packs (the meeting pack and the easy-read pack). No
count of 1-4 appears anywhere, and no figure has more than one decimal place."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader

from dashboard.app import ui
from dashboard.release import rules
from tests.browser.conftest import READY, open_app
from tests.browser.test_theme_pages import download_all
from tests.conftest import SCILLY
from tests.unit.test_themes import COUNT_COLUMNS

pytestmark = pytest.mark.browser

PERIOD = "2024-25"
TWO_DECIMALS = re.compile(r"(?<![\d.])\d+\.\d{2,}(?![\d.])")
#: "2 of 3", "2 people", "3 respondents": a count of 1-4 said in words
SMALL_IN_WORDS = re.compile(r"(?<![\d.,-])[1-4] (?:of \d|people|person|respondents?|holders?|breakdowns?|answers?)\b")
VALUE_COLUMNS = {"value", "lower_95", "upper_95", "lower_998", "upper_998", "benchmark_value", "best_value",
                 "previous_value", "share", "per_1000"}


def check_text(where: str, text: str) -> None:
    assert not TWO_DECIMALS.findall(text), (where, TWO_DECIMALS.findall(text)[:5])
    assert not SMALL_IN_WORDS.findall(text), (where, SMALL_IN_WORDS.findall(text)[:5])


def check_tables(page, where: str) -> None:
    cells = page.locator("table.gl-table td").all_inner_texts()
    small = [c for c in cells if re.fullmatch(r"[1-4]", c.strip())]
    assert not small, (where, small[:5])


def check_csv(name: str, text: str) -> None:
    frame = pd.read_csv(io.StringIO(text), dtype=str)
    for column in frame.columns:
        values = frame[column].dropna()
        if column in COUNT_COLUMNS:
            numbers = pd.to_numeric(values, errors="coerce")
            assert not rules.is_small(numbers).any(), (name, column)
        if column in VALUE_COLUMNS or column in COUNT_COLUMNS:
            assert not values.str.fullmatch(r"-?\d+\.\d{2,}").any(), (name, column, list(values[:3]))


def test_a_viewer_never_sees_a_small_number_for_the_smallest_council(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    walked, downloads = [], 0
    try:
        for spec in ui.page_specs():
            url = spec["url"]
            open_app(page, server.url, f"{url}?area={SCILLY}&period={PERIOD}&group=all")
            body = page.inner_text("body")
            assert "Sorry, something went wrong" not in body, url
            check_text(url, body)
            check_tables(page, url)
            if url not in ("meeting", "easy-read"):
                for name, text in download_all(page):
                    check_csv(name, text)
                    downloads += 1
            walked.append(url)
        # the meeting pack, standard PowerPoint
        open_app(page, server.url, f"meeting?area={SCILLY}&period={PERIOD}&slide=1&present=0")
        with page.expect_download(timeout=240_000) as info:
            page.get_by_role("button", name="Download PowerPoint (standard)").click()
        deck = Presentation(info.value.path())
        text = "\n".join(
            (shape.text_frame.text if shape.has_text_frame else "") for slide in deck.slides for shape in slide.shapes)
        text += "\n".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides if slide.has_notes_slide)
        check_text("meeting pack", text)
        # the easy-read pack
        open_app(page, server.url, f"easy-read?area={SCILLY}&period={PERIOD}")
        buttons = page.get_by_role("button", name=re.compile("Isles of Scilly"))
        if buttons.count():
            buttons.first.click()
            page.wait_for_selector(READY, timeout=60_000)
        with page.expect_download(timeout=240_000) as info:
            page.get_by_role("button", name="Print all pages: easy-read pack (PDF)").click()
        reader = PdfReader(info.value.path())
        check_text("easy-read pack", "\n".join(p.extract_text() or "" for p in reader.pages))
    finally:
        context.close()
    print(f"walked {len(walked)} pages, {downloads} CSV downloads and 2 packs")
    assert len(walked) >= 15 and downloads >= 10
