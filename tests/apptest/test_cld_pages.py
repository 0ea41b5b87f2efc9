"""A council's CLD submission on the pages (issue 12): its ASCOF 3D figures replace the support
records for that year, labelled "from your CLD submission, NHS method"; the Data page offers CLD."""

from __future__ import annotations

import pytest

from tests.apptest.helpers import all_text, markdown_with_testid, open_page
from tests.apptest.test_data_page import open_as_editor
from tests.conftest import LEEDS
from tests.unit.test_cld_ascof import issue12_db


@pytest.fixture
def cld_env(fixture_db, tmp_path, monkeypatch):
    path = issue12_db(fixture_db, tmp_path / "cld.duckdb", published=False)
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    return path


def test_compare_and_trends_show_the_cld_figure_labelled(cld_env):
    at = open_page("compare", indicator="direct_payments", period="2023-24", area=LEEDS)
    table = markdown_with_testid(at, "compare-table")
    assert "56.3%" in table and "from your CLD submission, NHS method" in table  # 9 of 16, NHS rounding
    assert "20.0%" not in table.split("Leeds")[1].split("</tr>")[0]  # the support records' 20 of 100 is replaced
    at = open_page("trends", indicator="direct_payments", area=LEEDS, period="2024-25")
    table = markdown_with_testid(at, "trend_chart-table")
    assert "56.3%" in table and "from your CLD submission, NHS method" in table


def test_data_page_offers_cld_with_a_date_for_files_without_importdate(cld_env):
    at = open_as_editor()
    at.selectbox(key="data_dataset").set_value("cld").run()
    assert not at.exception
    assert any("sent to NHS England" in d.label for d in at.date_input)
    assert "Client Level Data" in all_text(at)
