"""``python -m dashboard bench --scale small`` keeps working: it builds the sample-scale data set
through the import path, checks values three ways, runs a page server-side and in Chromium.
No timing is asserted (speed targets live in the command's report, not in tests)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

from tests.conftest import ROOT


def _sample_rows(table: str) -> int:
    with gzip.open(ROOT / "sample_data" / f"{table}.csv.gz", "rt", encoding="utf-8") as f:
        import csv

        return sum(1 for _ in csv.reader(f)) - 1


def test_bench_small(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "bench", "--scale", "small", "--pages", "overview,direct-payments",
         "--repeat", "1", "--cache", str(tmp_path / "cache"), "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    result = json.loads(out.read_text())

    # the data set went through the import path: every sample row, every dataset
    from dashboard.bench.dataset import SOURCES

    imported = {i["dataset"]: i["rows"] for i in result["imports"]["imports"]}
    assert imported == {"ascof": imported["ascof"], **{d: _sample_rows(t) for d, t in SOURCES.items()}}
    assert imported["ascof"] > 0
    assert result["database_mb"] > 0

    # values agree three ways before any time is reported
    vals = result["values"]
    assert vals["agree"] and vals["problems"] == []
    assert vals["areas_compared"] > 100
    assert set(vals["seconds_per_request"]) == {"dashboard", "pandas", "duckdb_raw"}

    # each page ran server-side and in Chromium without an error; the empty page was timed
    for run in (result["server"]["small"], result["browser"]["small"]):
        assert [p["url"] for p in run["pages"]] == ["overview", "direct-payments"]
        assert all(p["ok"] and p["warm"] > 0 and p["cold"] > 0 for p in run["pages"])
    assert result["browser"]["empty"]["pages"][0]["warm"] > 0

    # every target is reported (met, not met, or not measured at this scale)
    from dashboard.bench.run import TARGETS

    assert set(result["targets"]) == set(TARGETS) - {"national_vs_sample"}
    assert "agree three ways" in proc.stdout
