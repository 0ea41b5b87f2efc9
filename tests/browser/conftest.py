"""Browser tests: a real Streamlit server on the fixture database, driven by Chromium
(/usr/bin/chromium) through Playwright, checked with axe. They never skip in CI."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from dashboard.bench.server import StreamlitServer, free_port
from tests.conftest import ROOT, artifacts_dir, in_ci

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


class Server(StreamlitServer):
    """A Streamlit server on a free loopback port, on its own copy of a database (and, given
    ``secrets``, its own secrets file); its log in the test artifacts."""

    def __init__(self, db: Path, extra_env: dict | None = None, secrets: str | None = None,
                 python: str = sys.executable):
        extra_args = []
        if secrets is not None:
            secrets_file = Path(db).with_suffix(".secrets.toml")
            secrets_file.write_text(secrets)
            extra_args = ["--secrets.files", str(secrets_file)]
        port = free_port()
        super().__init__(db, artifacts_dir("logs") / f"streamlit-{port}.log", port=port, extra_env=extra_env,
                         extra_args=extra_args, python=python)


# editor1 edits every council (an administrator); leeds1 is an editor for Leeds only
EDITOR_NAME, EDITOR_PASSWORD = "editor1", "editor password 1"
VIEWER_NAME, VIEWER_PASSWORD = "viewer1", "viewer password 1"
LEEDS_EDITOR_NAME, LEEDS_EDITOR_PASSWORD = "leeds1", "leeds password 1"


def users_secrets() -> str:
    """secrets.toml with an administrator, an editor for Leeds and a viewer."""
    from dashboard.access import hash_password
    from tests.conftest import LEEDS

    return (
        f'[dashboard.users.{EDITOR_NAME}]\npassword_hash = "{hash_password(EDITOR_PASSWORD)}"\n'
        'role = "administrator"\n'
        f'[dashboard.users.{LEEDS_EDITOR_NAME}]\npassword_hash = "{hash_password(LEEDS_EDITOR_PASSWORD)}"\n'
        f'role = "editor"\nareas = ["{LEEDS}"]\n'
        f'[dashboard.users.{VIEWER_NAME}]\npassword_hash = "{hash_password(VIEWER_PASSWORD)}"\nrole = "viewer"\n'
    )


def sign_in(page, name: str, password: str) -> None:
    """Sign in through the sidebar form."""
    page.get_by_text("Sign in (editors)").click()
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector(f"text=Signed in as", timeout=30_000)
    page.wait_for_selector(READY, timeout=60_000)


@pytest.fixture(scope="session")
def editor_server(fixture_db, tmp_path_factory):
    """A server with an editor and a viewer configured; its own writable database copy."""
    db = tmp_path_factory.mktemp("editor_server") / "editor.duckdb"
    shutil.copy(fixture_db, db)
    srv = Server(db, secrets=users_secrets())
    yield srv
    srv.stop()


def _require_chromium():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (scripts/run_tests.sh does)"
        if in_ci():
            pytest.fail(message)
        pytest.fail(message)


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(fixture_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("server") / "server.duckdb"
    shutil.copy(fixture_db, db)
    srv = Server(db)
    yield srv
    srv.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    try:
        assert_no_error_on_screen(tab)
    finally:
        context.close()


def assert_no_error_on_screen(page) -> None:
    """A page showing a crash (Streamlit's exception box, or the guard's apology) fails the test."""
    for shown in (page.locator('[data-testid="stException"]'), page.get_by_text("Sorry, something went wrong")):
        assert shown.count() == 0, f"{page.url} shows an error: {shown.first.inner_text()[:300]}"


def open_app(page, base_url: str, path: str):
    """Go to ``path`` and wait until the script has finished running."""
    page.goto(f"{base_url}/{path.lstrip('/')}")
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(READY, timeout=60_000)
    assert_no_error_on_screen(page)
    return page


def expanded_table(page, key: str) -> str:
    """The text of the table ``data-testid=key``, opening the expander that holds it if closed."""
    table = page.locator(f"[data-testid='{key}']").first
    table.wait_for(state="attached", timeout=60_000)
    if not table.is_visible():
        page.locator("[data-testid='stExpander']", has=table).locator("summary").first.click()
        table.wait_for(state="visible", timeout=30_000)
    return table.inner_text()


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label`` as a keyboard user would: open it,
    type to filter, click the option. Long lists are virtualised, so an option further down
    is not in the page until the list is filtered to it."""
    box = page.locator("[data-testid='stSelectbox']").filter(has_text=label).last
    box.click()
    box.locator("input").fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_timeout(300)
    page.wait_for_selector(READY, timeout=60_000)


def screenshot(page, name: str) -> Path:
    path = artifacts_dir("screenshots") / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page) -> list[dict]:
    """WCAG 2 A and AA violations on the page, from axe-core (bundled, no download)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    return [
        {"id": v["id"], "impact": v.get("impact"), "nodes": [n.get("target") for n in v["nodes"]][:5]}
        for v in results.response["violations"]
    ]
