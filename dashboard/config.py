"""Where things live. One place for paths so the app, the CLI and the tests agree."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA_DIR = PROJECT_ROOT / "sample_data"
QUERIES_DIR = PROJECT_ROOT / "queries"
FONTS_DIR = PROJECT_ROOT / "assets" / "fonts"  # DejaVu Sans and its licence (the packs and easy-read PDFs)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "data" / "migrations"
DEFAULT_DB = PROJECT_ROOT / "data" / "dashboard.duckdb"

#: Small numbers rule (domain.md): a count of 1-4, or a figure from fewer than 5 people, is never shown.
SUPPRESSION_THRESHOLD = 5


def database_path() -> Path:
    """The DuckDB file: ``DASHBOARD_DB`` if set, else ``data/dashboard.duckdb``."""
    value = os.environ.get("DASHBOARD_DB")
    return Path(value).expanduser().resolve() if value else DEFAULT_DB


def queries_dir() -> Path:
    """The named queries: ``DASHBOARD_QUERIES`` if set (a whole folder in place of queries/, as
    a test adding an indicator uses), else queries/."""
    value = os.environ.get("DASHBOARD_QUERIES")
    return Path(value) if value else QUERIES_DIR


def catalogue_path() -> Path:
    """The indicator catalogue: ``DASHBOARD_CATALOGUE`` if set, else the shipped catalogue.toml."""
    value = os.environ.get("DASHBOARD_CATALOGUE")
    return Path(value) if value else Path(__file__).resolve().parent / "figures" / "catalogue.toml"


def raise_errors() -> bool:
    """True under test (``DASHBOARD_RAISE_ERRORS=1``): a page that fails raises instead of
    showing its polite apology, so no test can pass on a crashed page."""
    return os.environ.get("DASHBOARD_RAISE_ERRORS", "") not in ("", "0", "false")
