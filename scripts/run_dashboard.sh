#!/usr/bin/env bash
# Install the runtime requirements into .venv and start the dashboard on its embedded DuckDB.
# The database (DASHBOARD_DB, default data/dashboard.duckdb) is built from sample_data/ on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/streamlit run streamlit_app.py "$@"
