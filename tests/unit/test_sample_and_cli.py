"""The seeded generator, the database build and the command line."""

import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from dashboard.data import sample
from dashboard.data.build import build_database
from dashboard.cli import main
from tests.conftest import ROOT


def test_generator_is_repeatable_and_seed_dependent(tmp_path):
    one = sample.generate(seed=5, areas=3, years=2)
    two = sample.generate(seed=5, areas=3, years=2)
    other = sample.generate(seed=6, areas=3, years=2)
    for table in one:
        pd.testing.assert_frame_equal(one[table], two[table])
    assert not one["survey_responses"].equals(other["survey_responses"])
    sample.write(one, tmp_path / "a")
    sample.write(two, tmp_path / "b")
    for name in sample.SAMPLE_FILES.values():
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_committed_sample_is_the_default_output(tmp_path):
    """sample_data/ is what `python -m dashboard sample` writes with its defaults."""
    assert main(["sample", "--out", str(tmp_path)]) == 0
    for name in sample.SAMPLE_FILES.values():
        assert (tmp_path / name).read_bytes() == (ROOT / "sample_data" / name).read_bytes(), name


@pytest.fixture(scope="module")
def sample_figures(tmp_path_factory):
    from dashboard.figures.indicators import build_figures
    from dashboard.data.store import Store

    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    build_database(path)
    return build_figures(Store(path, read_only=True))


def test_sample_covers_the_promised_shape(sample_figures):
    areas = sample_figures.areas
    assert len(areas) >= 20 and areas["region_name"].nunique() >= 4
    assert sample_figures.periods() == ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]
    for ind in sample_figures.catalogue.indicators:
        shown = sample_figures.areas_for(ind.id, "2024-25")
        assert shown["value"].notna().sum() >= 12, f"{ind.id}: too few areas with a figure"


def test_sample_areas_differ_for_real(sample_figures):
    table = sample_figures.areas_for("control", "2024-25")
    assert {"better", "worse"} <= set(table["comparison"])
    assert sample_figures.trend("control", "E08000035").words == "increasing and getting better"  # Leeds
    assert sample_figures.trend("control", "E09000018").words == "decreasing and getting worse"  # Hounslow
    scilly = sample_figures.frame[(sample_figures.frame["geography_code"] == "E06000053") & (sample_figures.frame["source"] == "local data")]
    assert scilly["suppressed"].mean() > 0.5  # the Isles of Scilly: small numbers


def test_sample_carries_the_real_published_slice(sample_figures):
    bench = sample_figures.benchmark("direct_payments", "2020-21")
    assert bench.value == pytest.approx(26.6) and "published" in bench.label


def test_init_refuses_to_overwrite_without_force(tmp_path, capsys):
    db = tmp_path / "x.duckdb"
    db.write_bytes(b"")
    assert main(["init", "--db", str(db)]) == 2
    assert "--force" in capsys.readouterr().err


def test_init_builds_from_a_source_folder(tmp_path):
    db = tmp_path / "fixture.duckdb"
    assert main(["init", "--db", str(db), "--source", str(ROOT / "tests" / "fixtures" / "data")]) == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from survey_responses").fetchone()[0] == 279
    assert con.execute("select max(version) from schema_migrations").fetchone()[0] >= 1
    assert con.execute("select count(*) from areas").fetchone()[0] == 153


def test_help_lists_the_commands():
    result = subprocess.run([sys.executable, "-m", "dashboard", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "init" in result.stdout and "sample" in result.stdout


def test_first_start_builds_the_database(tmp_path, monkeypatch):
    from dashboard.data.build import ensure_database

    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "new" / "dash.duckdb"))
    path = ensure_database()
    assert path.exists() and path.parent.name == "new"
