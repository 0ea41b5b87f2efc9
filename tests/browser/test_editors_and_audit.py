"""Councils' own editors, the audit log and hostile input, in Chromium against a real server.

- An editor for Leeds cannot import a file with Kirklees rows, undo a batch holding Kirklees
  rows, or record actions, meetings and ratings for Kirklees; the administrator reads every
  refusal (and the failed sign-ins) in the audit log on the Data page and downloads it as CSV.
- Text with HTML in it shows as text; "=..." in a download is neutralised.
- Viewers see no editor's name and no free-text note on Meeting, "You said, we did",
  Co-production, Collaboration, or in the meeting pack.
"""

from __future__ import annotations

import csv
import io
import shutil
import time

import pytest
from pptx import Presentation

from tests.browser.conftest import (
    EDITOR_NAME, EDITOR_PASSWORD, LEEDS_EDITOR_NAME, LEEDS_EDITOR_PASSWORD, READY, Server, open_app, screenshot,
    users_secrets,
)
from tests.browser.test_data_page import choose, wait_ready
from tests.conftest import KIRKLEES, LEEDS
from tests.unit.test_editors_and_audit import breakdowns_file

pytestmark = pytest.mark.browser

PERIOD = "2024-25"
HOSTILE = '<img src=x onerror="window.__pwned=1">Bus <b>passes</b> =HYPERLINK("http://evil","x")'
FORMULA = '=HYPERLINK("http://evil","click")'
OWNER = "Travel manager Sam Example"
NOTE = "Civic Hall, notes by Sam"


@pytest.fixture(scope="module")
def server(fixture_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("editors") / "editors.duckdb"
    shutil.copy(fixture_db, db)
    srv = Server(db, secrets=users_secrets())
    yield srv
    srv.stop()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    yield ctx
    ctx.close()


def _sign_in_form(page) -> None:
    """Open the sidebar's sign-in form unless it is open already."""
    if not page.get_by_label("User name").is_visible():
        page.get_by_text("Sign in (editors)").click()
    page.get_by_label("User name").wait_for(timeout=30_000)


def _sign_in(page, name: str, password: str) -> None:
    _sign_in_form(page)
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("text=Signed in as", timeout=60_000)
    wait_ready(page)


def _go(page, title: str) -> None:
    """Move to another page through the sidebar (a new address would start a new session,
    signed out)."""
    page.get_by_role("link", name=title, exact=True).first.click()
    wait_ready(page)


def _download(page, button: str) -> bytes:
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name=button).click()
    return open(download.value.path(), "rb").read()


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_leeds_editor_is_refused_for_kirklees_and_the_administrator_reads_it(context, server, tmp_path):
    page = context.new_page()
    # two failed sign-ins first: the second is slowed, both are logged
    open_app(page, server.url, "data")
    timings = []
    for _ in range(2):
        _sign_in_form(page)
        page.get_by_label("User name").fill(LEEDS_EDITOR_NAME)
        page.get_by_label("Password", exact=True).fill("not the password")
        started = time.perf_counter()
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=10_000)
        page.wait_for_selector(READY, timeout=60_000)
        timings.append(time.perf_counter() - started)
        page.wait_for_selector("text=That user name and password do not match.", timeout=60_000)
        wait_ready(page)
    assert timings[1] >= 0.5, timings
    _sign_in(page, LEEDS_EDITOR_NAME, LEEDS_EDITOR_PASSWORD)
    assert "Councils you edit: E08000035" in page.inner_text("body")

    # import: a file with Kirklees rows is refused, naming Kirklees
    choose(page, "Dataset", "Collaboration breakdowns")
    page.locator("input[type=file]").set_input_files(str(breakdowns_file(tmp_path, "mixed.csv", ["Leeds", "Kirklees"])))
    wait_ready(page)
    page.get_by_role("button", name="Check files").click()
    page.wait_for_selector("text=Not allowed", timeout=60_000)
    wait_ready(page)
    body = page.inner_text("body")
    assert "may not import mixed.csv" in body and "E08000034 Kirklees" in body
    assert page.get_by_role("button", name="Import", exact=True).count() == 0
    screenshot(page, "editors-import-refused")

    # undo: every fixture batch holds Kirklees rows too
    history = page.locator("[data-testid='import-history']").inner_text()
    page.get_by_text("Yes, take this batch's rows out").click()
    wait_ready(page)
    page.get_by_role("button", name="Undo this import").click()
    page.wait_for_selector("text=Not allowed", timeout=60_000)
    wait_ready(page)
    assert "may not undo batch" in page.inner_text("body") and "E08000034" in page.inner_text("body")
    assert page.locator("[data-testid='import-history']").inner_text() == history  # nothing undone

    # actions, meetings and ratings: no forms for Kirklees, and the page says why
    _go(page, "You said, we did")
    choose(page, "Area", "Kirklees")
    for title, words in (("You said, we did", "You edit actions for E08000035, not Kirklees"),
                         ("Self-assessment", "You record ratings for E08000035"),
                         ("Meeting", "You record meetings for E08000035")):
        _go(page, title)
        body = page.inner_text("body")
        assert words in body, title
        assert not page.get_by_role("button", name="Record action").count()
        assert not page.get_by_role("button", name="Record rating").count()
        assert not page.get_by_role("button", name="Record meeting").count()
    page.close()

    # the administrator reads each refusal and failed sign-in in the audit log, and downloads it
    admin = context.browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        page = admin.new_page()
        open_app(page, server.url, "data")
        _sign_in(page, EDITOR_NAME, EDITOR_PASSWORD)
        log = page.locator("[data-testid='audit-log']").inner_text()
        for expected in ("import\trefused\tE08000034", "undo\trefused", "sign in\trefused"):
            assert expected in log, expected
        page.locator("[data-testid='audit-log']").scroll_into_view_if_needed()
        screenshot(page, "editors-audit-log")
        rows = _rows(_download(page, "Download the whole audit log (CSV)"))
        header, body = rows[0], rows[1:]
        assert header[:3] == ["Entry", "When (UTC)", "Who"]
        mine = [r for r in body if r[2] == LEEDS_EDITOR_NAME]
        outcomes = [(r[5], r[6]) for r in reversed(mine)]
        assert outcomes[:2] == [("sign in", "refused"), ("sign in", "refused")]
        assert ("sign in", "done") in outcomes and ("import", "refused") in outcomes and ("undo", "refused") in outcomes
        assert any(r[2] == EDITOR_NAME and r[5] == "sign in" for r in body)
    finally:
        admin.close()


def test_viewers_see_no_staff_names_or_notes_and_html_stays_text(context, server):
    editor = context.new_page()
    open_app(editor, server.url, f"actions?area={LEEDS}")
    _sign_in(editor, LEEDS_EDITOR_NAME, LEEDS_EDITOR_PASSWORD)
    editor.get_by_label("You said: what self-advocates and families raised").fill(HOSTILE)
    editor.get_by_label("We will: the action agreed").fill(FORMULA)
    editor.get_by_label("Owner (a role or a name)").fill(OWNER)
    editor.get_by_role("button", name="Record action").click()
    editor.wait_for_selector("text=Recorded action", timeout=60_000)
    wait_ready(editor)
    table = editor.inner_text("[data-testid='actions-table']")
    assert OWNER in table and LEEDS_EDITOR_NAME in table  # the area's editor sees who
    assert 'Bus <b>passes</b>' in table  # the markup is shown as text
    assert editor.evaluate("window.__pwned") is None and editor.locator("img[src='x']").count() == 0

    _go(editor, "Meeting")
    editor.get_by_label("Note (optional)").fill(NOTE)
    editor.get_by_role("button", name="Record meeting").click()
    editor.wait_for_selector("text=Recorded the meeting", timeout=60_000)
    wait_ready(editor)
    assert NOTE in editor.inner_text("[data-testid='meetings-table']")
    editor.close()

    viewer = context.browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        page = viewer.new_page()
        staff = (OWNER, NOTE, LEEDS_EDITOR_NAME, "Recorded by")
        pages = {
            "actions": f"actions?area={LEEDS}",
            "coproduction": f"coproduction?area={LEEDS}&period={PERIOD}",
            "collaboration": f"collaboration?area={LEEDS}&period={PERIOD}",
            "meeting": f"meeting?area={LEEDS}&period={PERIOD}&present=0",
            "self-assessment": f"self-assessment?area={LEEDS}&period={PERIOD}",
        }
        for name, path in pages.items():
            open_app(page, server.url, path)
            body = page.inner_text("body")
            for word in staff:
                assert word not in body, (name, word)
            assert "Fixture note" not in body  # breakdown notes
            assert page.evaluate("window.__pwned") is None and page.locator("img[src='x']").count() == 0
            screenshot(page, f"viewer-{name}")
        # the action itself is public, shown as text
        open_app(page, server.url, pages["actions"])
        assert "Bus <b>passes</b>" in page.inner_text("[data-testid='actions-table']")
        rows = _rows(_download(page, "Download these actions (CSV)"))
        cells = [c for r in rows for c in r]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
        assert "'" + FORMULA in cells and OWNER not in cells and "Owner" not in rows[0]
        open_app(page, server.url, pages["coproduction"])
        tab = page.get_by_role("tab", name="“You said, we did”", exact=True)  # one click away, a tab
        tab.click()
        tab.and_(page.locator("[aria-selected='true']")).wait_for()
        rows = _rows(_download(page, "Download CSV: actions agreed between meetings"))
        cells = [c for r in rows for c in r]
        assert "'" + FORMULA in cells and OWNER not in cells
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]

        # the meeting's speaker notes and the pack: no owner, no "Recorded by"
        open_app(page, server.url, pages["meeting"])
        jump = page.get_by_label("Go to slide")
        jump.click()
        jump.fill("You said, we did: open actions")
        page.keyboard.press("Enter")
        wait_ready(page)
        assert "open actions" in page.inner_text("[data-testid='slide']")
        page.get_by_text("Speaker notes: the full figures").click()
        notes = page.inner_text("body")
        assert "Travel" not in notes and "Recorded by" not in notes
        deck = Presentation(io.BytesIO(_download(page, "Download PowerPoint (standard)")))
        text = "\n".join(
            [shape.text_frame.text for s in deck.slides for shape in s.shapes if shape.has_text_frame]
            + ["\n".join(c.text for r in shape.table.rows for c in r.cells) for s in deck.slides for shape in s.shapes
               if shape.has_table]
            + [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide])
        assert "Bus <b>passes</b>" in text
        for word in staff:
            assert word not in text, word
    finally:
        viewer.close()
