"""Shared fixtures: one small fixture dataset (tests/fixtures/data) for unit, AppTest and
browser tests, built into a real DuckDB file once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dashboard.data.build import build_database
from dashboard.data.store import Store

# A page that crashes raises under test (dashboard.app.ui.guard), in AppTests and test servers alike
os.environ["DASHBOARD_RAISE_ERRORS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
ARTIFACTS = ROOT / "test-artifacts"

LEEDS, KIRKLEES, READING, SCILLY = "E08000035", "E08000034", "E06000038", "E06000053"


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    """The fixture database (read it; copy it before changing anything)."""
    path = tmp_path_factory.mktemp("fixture") / "fixture.duckdb"
    build_database(path, source_dir=FIXTURE_DATA)
    return path


@pytest.fixture(scope="session")
def store(fixture_db) -> Store:
    return Store(fixture_db, read_only=True)


@pytest.fixture(scope="session")
def figures(store):
    from dashboard.figures.indicators import build_figures

    return build_figures(store)


@pytest.fixture
def db_copy(fixture_db, tmp_path) -> Path:
    """A private, writable copy of the fixture database."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(fixture_db, path)
    return path


@pytest.fixture(scope="session")
def app_db(fixture_db, tmp_path_factory) -> Path:
    """A copy the in-process AppTests open read-write (DuckDB will not open one file both ways)."""
    path = tmp_path_factory.mktemp("app") / "app.duckdb"
    shutil.copy(fixture_db, path)
    return path


@pytest.fixture
def app_env(app_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(app_db))
    return app_db


def artifacts_dir(kind: str) -> Path:
    path = ARTIFACTS / kind
    path.mkdir(parents=True, exist_ok=True)
    return path


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for this test session (see tests/postgres.py)."""
    from tests.postgres import PostgresServer

    server = PostgresServer()
    yield server
    server.stop()
