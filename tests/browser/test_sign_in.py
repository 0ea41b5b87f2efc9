"""Signing in as a named user, in Chromium."""

import pytest

from tests.browser.conftest import EDITOR_NAME, EDITOR_PASSWORD, axe_violations, open_app, sign_in

pytestmark = pytest.mark.browser


def test_editor_signs_in_and_out(page, editor_server):
    open_app(page, editor_server.url, "overview")
    sign_in(page, EDITOR_NAME, EDITOR_PASSWORD)
    assert f"Signed in as {EDITOR_NAME} (administrator)" in page.inner_text("body")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_selector("text=Sign in (editors)")


def test_wrong_password_is_refused(page, editor_server):
    open_app(page, editor_server.url, "overview")
    page.get_by_text("Sign in (editors)").click()
    page.get_by_label("User name").fill(EDITOR_NAME)
    page.get_by_label("Password", exact=True).fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("text=That user name and password do not match.")
    assert "Signed in as" not in page.inner_text("body")
