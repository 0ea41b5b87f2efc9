"""Docs and code must not drift apart; the app must run offline."""

import re
import tomllib

from dashboard.app import ui
from dashboard.figures import catalogue
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    return re.findall(r"```(?:bash|sh)\n(.+?)\n```", README, re.DOTALL)


def test_readme_has_the_two_setup_commands_and_ci_runs_the_test_one():
    commands = readme_commands()
    assert "bash scripts/run_dashboard.sh" in commands[0]
    assert "bash scripts/run_tests.sh" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "bash scripts/run_tests.sh" in ci
    assert "chromium" in (ROOT / "scripts" / "run_tests.sh").read_text()


def test_readme_lists_every_indicator_and_page():
    for ind in catalogue.load().indicators:
        assert f"`{ind.id}`" in README, f"README does not list indicator {ind.id}"
    for spec in ui.page_specs():
        assert f"`/{spec['url']}`" in README, f"README does not list page /{spec['url']}"


def test_no_telemetry_and_no_tracebacks_on_screen():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["serverAddress"] == "localhost"


def test_requirements_are_pinned():
    for name in ["requirements.txt", "requirements-dev.txt"]:
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r")):
                assert "==" in line, f"{name}: {line} is not pinned"


def test_pages_hold_no_sql():
    for path in (ROOT / "pages").glob("*.py"):
        text = path.read_text().lower()
        assert not re.search(r"\bselect\b.+\bfrom\b", text), f"{path.name} has SQL: put it in queries/"


def test_nothing_reads_shared_at_run_time():
    for folder in ["dashboard", "pages", "tests", "queries"]:
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "test_docs_and_config.py":
                continue
            assert "../shared" not in path.read_text() and "/shared/" not in path.read_text(), path
