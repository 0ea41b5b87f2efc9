"""A fresh install, as the README's first command makes it: a virtual environment built from
requirements.txt ALONE (not the development requirements the other tests run in). The server
started from it opens every page without an error message or a traceback, and every command
of ``python -m dashboard`` runs. Catches a runtime import that is only in requirements-dev.txt
(Meeting mode once crashed on a fresh install for want of statsmodels).

The environment is built once per session and kept under .cache/ keyed by requirements.txt
(pip's own cache makes a rebuild quick)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.app import ui
from dashboard.cli import build_parser
from tests.browser.conftest import Server, open_app
from tests.conftest import FIXTURE_DATA, LEEDS, ROOT

pytestmark = pytest.mark.browser

ERROR_WORDS = ["Sorry, something went wrong", "Traceback", "ModuleNotFoundError", "Error:"]


@pytest.fixture(scope="session")
def fresh_python() -> str:
    requirements = (ROOT / "requirements.txt").read_bytes()
    key = hashlib.sha256(requirements + sys.version.encode()).hexdigest()[:16]
    venv = ROOT / ".cache" / f"fresh-install-{key}"
    python = venv / "bin" / "python"
    if not (venv / "installed").exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", str(ROOT / "requirements.txt")], check=True)
        (venv / "installed").write_text("requirements.txt only\n")
    # the point of this test: nothing from the development requirements is there
    probe = subprocess.run([str(python), "-c", "import pytest"], capture_output=True)
    assert probe.returncode != 0, "the fresh environment must not hold the development requirements"
    return str(python)


@pytest.fixture(scope="session")
def fresh_server(fresh_python, fixture_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("fresh") / "fresh.duckdb"
    shutil.copy(fixture_db, db)
    srv = Server(db, python=fresh_python)
    yield srv
    srv.stop()


def test_every_page_opens_on_a_fresh_install(browser, fresh_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    problems = []
    try:
        for spec in ui.page_specs():
            open_app(page, fresh_server.url, f"{spec['url']}?area={LEEDS}")
            body = page.inner_text("body")
            assert spec["title"] in body, f"/{spec['url']} did not show its page"
            problems += [f"/{spec['url']}: {word}" for word in ERROR_WORDS if word in body]
    finally:
        context.close()
    log = fresh_server.log.read_text()
    assert "Traceback" not in log, log[-3000:]
    assert not problems, problems


def test_every_command_runs_on_a_fresh_install(fresh_python, fixture_db, tmp_path):
    db = tmp_path / "cli.duckdb"
    shutil.copy(fixture_db, db)
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "init": ["init", "--db", str(tmp_path / "init.duckdb"), "--source", str(FIXTURE_DATA)],
        "sample": ["sample", "--seed", "7", "--areas", "2", "--years", "2", "--out", str(out / "sample")],
        "user": ["user", "hash", "chair1", "--role", "viewer"],
        "export": ["export", "pack", "--area", LEEDS, "--period", "2024-25", "--format", "pptx",
                   "-o", str(out / "pack.pptx"), "--db", str(db)],
        "easyread-pack": ["easyread-pack", "--area", LEEDS, "--period", "2024-25", "-o", str(out / "easy.pdf"),
                          "--db", str(db)],
        "template": ["template", "survey", "-o", str(out / "survey.xlsx")],
        "import": ["import", "survey", str(ROOT / "tests" / "fixtures" / "imports" / "good" / "survey.csv"),
                   "--check", "--db", str(db)],
        "undo": ["undo", "--list", "--db", str(db)],
        "action": ["action", "record", "--area", LEEDS, "--raised", "Easy-read letters", "--action",
                   "Send letters in easy read", "--owner", "Commissioning lead", "--db", str(db)],
        # the benchmark's full run (imports, pages, Chromium) is tests/browser/test_bench_small.py;
        # here: its command loads in a runtime-only environment
        "bench": ["bench", "--help"],
    }
    listed = set(build_parser()._subparsers._group_actions[0].choices)
    assert listed == set(commands), f"a command is not run here: {sorted(listed ^ set(commands))}"
    env = {**os.environ, "DASHBOARD_DB": str(db)}
    for name, args in commands.items():
        result = subprocess.run([fresh_python, "-m", "dashboard", *args], cwd=ROOT, env=env, capture_output=True,
                                text=True, input="a long enough password\n", timeout=600)
        text = result.stdout + result.stderr
        assert result.returncode == 0, f"{name}: exit {result.returncode}\n{text[-2000:]}"
        assert "Traceback" not in text and "Error" not in text, f"{name}:\n{text[-2000:]}"
    pdf = subprocess.run([fresh_python, "-m", "dashboard", "export", "pack", "--area", LEEDS, "--period", "2024-25",
                          "--format", "pdf", "--easy-read", "-o", str(out / "easy-pack.pdf"), "--db", str(db)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert pdf.returncode == 0 and "Traceback" not in pdf.stderr, pdf.stderr[-2000:]
    assert (out / "pack.pptx").stat().st_size > 10_000 and (out / "easy-pack.pdf").stat().st_size > 10_000
