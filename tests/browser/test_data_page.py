"""The Data page in Chromium: an editor signs in, uploads a survey export, imports it, sees the
new figure on the Overview, and undoes it from the page; a viewer sees no import controls."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    EDITOR_NAME, EDITOR_PASSWORD, READY, VIEWER_NAME, VIEWER_PASSWORD, axe_violations, open_app, screenshot, sign_in,
)
from tests.unit.test_import_common import BAD, GOOD

pytestmark = pytest.mark.browser

CONTROLS = ["Files to import", "Check files", "Import history", "Undo this import", "Download CSV template"]


def wait_ready(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector(READY, timeout=60_000)


def choose(page, label: str, option: str) -> None:
    """Pick a select box option by typing it (as a keyboard user would) and pressing Enter."""
    box = page.get_by_label(label, exact=True)
    box.click()
    box.fill(option)
    page.keyboard.press("Enter")
    wait_ready(page)
    assert box.input_value() == option


def test_viewer_sees_what_is_loaded_and_no_import_controls(page, editor_server):
    open_app(page, editor_server.url, "data")
    sign_in(page, VIEWER_NAME, VIEWER_PASSWORD)
    body = page.inner_text("body")
    assert "Data loaded, by dataset" in body and "User survey (ASCS style)" in body
    assert "Editors sign in" in body
    for control in CONTROLS:
        assert control not in body
    assert page.locator("input[type=file]").count() == 0
    assert "survey_responses.csv" not in body  # no file names for viewers
    screenshot(page, "data-viewer")
    assert axe_violations(page) == []


def test_editor_uploads_a_bad_file_and_sees_every_problem(page, editor_server):
    open_app(page, editor_server.url, "data")
    sign_in(page, EDITOR_NAME, EDITOR_PASSWORD)
    body = page.inner_text("body")
    assert "up to 50 MB" in body.replace("\n", " ")
    history_before = page.locator("[data-testid='import-history']").inner_text()
    choose(page, "Dataset", "User survey (ASCS style)")
    page.locator("input[type=file]").set_input_files(str(BAD / "out_of_range_code.csv"))
    wait_ready(page)
    page.get_by_role("button", name="Check files").click()
    page.wait_for_selector("text=Nothing was imported", timeout=60_000)
    table = page.locator("[data-testid='problem-rows']").inner_text()
    assert "out_of_range_code.csv" in table and "9" in table and "Q3a" in table and "5" in table
    page.locator("[data-testid='problem-rows']").scroll_into_view_if_needed()
    screenshot(page, "data-editor-problems")
    assert axe_violations(page) == []
    assert page.locator("[data-testid='import-history']").inner_text() == history_before


def test_editor_uploads_a_file_and_sees_the_new_figures_on_overview(page, editor_server, tmp_path):
    open_app(page, editor_server.url, "data")
    sign_in(page, EDITOR_NAME, EDITOR_PASSWORD)
    choose(page, "Dataset", "User survey (ASCS style)")
    page.locator("input[type=file]").set_input_files(str(GOOD / "survey.csv"))
    wait_ready(page)
    page.get_by_role("button", name="Check files").click()
    page.wait_for_selector("text=Checked, no problems", timeout=60_000)
    page.get_by_role("button", name="Import", exact=True).click()
    page.wait_for_selector("text=Imported 40 rows as batch", timeout=60_000)
    wait_ready(page)
    history = page.locator("[data-testid='import-history']").inner_text()
    assert "survey.csv" in history and EDITOR_NAME in history
    screenshot(page, "data-editor")
    assert axe_violations(page) == []
    page.locator("[data-testid='import-history']").scroll_into_view_if_needed()
    screenshot(page, "data-editor-history")

    # the Overview now has Wakefield with its control figure (30 of 40, weighted: 75.0%)
    page.get_by_role("link", name="See the Overview").click()
    wait_ready(page)
    choose(page, "Area", "Wakefield")
    page.wait_for_selector("text=Wakefield, 2024-25", timeout=60_000)
    tile = page.locator("[data-testid='domain-tile'][data-domain='control']").inner_text()
    assert "75.0%" in tile
    screenshot(page, "overview-after-import")

    # a corrected export for the same council and year replaces it only when confirmed
    page.get_by_role("link", name="Data").first.click()
    wait_ready(page)
    choose(page, "Dataset", "User survey (ASCS style)")
    corrected = tmp_path / "survey-corrected.csv"
    corrected.write_text((GOOD / "survey.csv").read_text().replace(",0.75,", ",1.0,"))
    page.locator("input[type=file]").set_input_files(str(corrected))
    wait_ready(page)
    page.get_by_role("button", name="Check files").click()
    page.wait_for_selector("text=already loaded for some of the same areas and periods", timeout=60_000)
    assert page.get_by_role("button", name="Import", exact=True).is_disabled()
    page.get_by_text("Replace the rows already loaded for these areas and periods").click()
    wait_ready(page)
    page.get_by_role("button", name="Import", exact=True).click()
    page.wait_for_selector("text=Imported 40 rows as batch", timeout=60_000)
    wait_ready(page)
    assert "replaced 40 rows" in page.locator("[data-testid='import-history']").inner_text()

    # undo both from the Data page, newest first: Wakefield goes again
    page.get_by_text("Yes, take this batch's rows out").click()
    wait_ready(page)
    page.get_by_role("button", name="Undo this import").click()
    wait_ready(page)
    screenshot(page, "data-editor-undo")
    page.wait_for_selector("text=put back 40 rows it had replaced", timeout=60_000)
    wait_ready(page)
    page.get_by_role("button", name="Undo this import").click()
    page.wait_for_selector("text=removed 40 rows.", timeout=60_000)
    history = page.locator("[data-testid='import-history']").inner_text()
    assert history.count("undone by editor1") == 2
