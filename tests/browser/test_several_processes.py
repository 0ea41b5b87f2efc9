"""Two app processes (real Streamlit servers on two loopback ports) over one data set: an action
recorded in one is seen in the other, with the records in SQLite (WAL, the default) and in a real
PostgreSQL server; and the command-line import runs while both serve."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid

import pytest

from tests.browser.conftest import (EDITOR_NAME, EDITOR_PASSWORD, READY, Server, open_app, sign_in,
                                    users_secrets)
from tests.conftest import LEEDS, ROOT
from tests.unit.test_import_common import KEY

GOOD = ROOT / "tests" / "fixtures" / "imports" / "good"


@pytest.fixture(params=["sqlite", "postgresql"])
def two_servers(request, fixture_db, tmp_path):
    db = tmp_path / "shared.duckdb"
    shutil.copy(fixture_db, db)
    env = {"DASHBOARD_PSEUDONYM_KEY": KEY}
    if request.param == "postgresql":
        env["DASHBOARD_RECORDS_URL"] = request.getfixturevalue("postgres").new_database(f"app_{uuid.uuid4().hex[:8]}")
    first = Server(db, extra_env=env, secrets=users_secrets())
    try:
        second = Server(db, extra_env=env, secrets=users_secrets())
    except Exception:
        first.stop()
        raise
    yield request.param, db, env, first, second
    first.stop()
    second.stop()


def test_an_action_recorded_in_one_process_appears_in_the_other(browser, two_servers):
    kind, db, env, first, second = two_servers
    assert first.port != second.port
    said = f"Ramps at the day centre ({kind})"
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        page = context.new_page()
        open_app(page, first.url, f"actions?area={LEEDS}")
        sign_in(page, EDITOR_NAME, EDITOR_PASSWORD)
        page.get_by_label("You said: what self-advocates and families raised").fill(said)
        page.get_by_label("We will: the action agreed").fill("Estates to fit ramps by spring")
        page.get_by_label("Owner (a role or a name)").fill("Estates manager")
        page.get_by_role("button", name="Record action").click()
        page.wait_for_selector("text=Recorded action 1", timeout=60_000)
        page.wait_for_selector(READY)

        other = context.new_page()  # a viewer on the second process: no sign-in needed to see actions
        open_app(other, second.url, f"actions?area={LEEDS}")
        table = other.inner_text("[data-testid='actions-table']")
        assert said in table and "Estates manager" not in table  # the owner is for the council's editors only
        assert "Sorry, something went wrong" not in other.inner_text("body")

        # a scheduled import from the command line while both processes serve
        open_app(other, second.url, "data")
        before = other.inner_text("[data-testid='data-loaded']")
        result = subprocess.run(
            [sys.executable, "-m", "dashboard", "import", "support", str(GOOD / "support.csv"), "--db", str(db)],
            cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, **env})
        assert result.returncode == 0, result.stderr
        open_app(other, second.url, "data")
        loaded = other.inner_text("[data-testid='data-loaded']")
        assert "Sorry, something went wrong" not in other.inner_text("body")
        assert loaded != before  # the second process moved to the new snapshot at its next run
        open_app(page, first.url, "data")
        assert page.inner_text("[data-testid='data-loaded']") == loaded  # and so did the first
    finally:
        context.close()
