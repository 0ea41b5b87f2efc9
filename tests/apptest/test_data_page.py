"""The Data page in-process (AppTest): viewers see what is loaded and no controls; editors see
import, templates, history and undo; undo from the page changes the figures. And a council
with only published ASCOF values appears on the Overview, labelled published."""

from __future__ import annotations

import pytest

from dashboard.app.auth import User
from dashboard.data.importers import Source, batches, import_files
from dashboard.data.store import Store
from tests.apptest.helpers import all_text, open_page
from tests.unit.test_import_common import GOOD, IMPORTS, WAKEFIELD


@pytest.fixture
def own_db(db_copy, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(db_copy))
    return db_copy


def open_as_editor(page: str = "data", **query):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.session_state["_signed_in_user"] = User("asha", "administrator", "password")
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_viewer_sees_what_is_loaded_and_no_import_controls(app_env):
    at = open_page("data")
    text = all_text(at)
    assert "Data loaded, by dataset" in text
    assert "<td>User survey (ASCS style)</td><td>2022-23 to 2024-25</td><td class='gl-num'>279</td>" in text
    assert "Editors sign in" in text
    for hidden in ["Import files", "Import history", "Check files", "survey_responses.csv", "sample data"]:
        assert hidden not in text
    assert not [b for b in at.button if b.label in ("Check files", "Import", "Undo this import")]
    assert not at.get("file_uploader")


def test_editor_sees_import_templates_history_and_undo(own_db):
    at = open_as_editor()
    text = all_text(at)
    for shown in ["Import files", "up to **50 MB**", "Templates", "Import history", "survey_responses.csv",
                  "Undo an import", "Columns: Published ASCOF file (NHS)"]:
        assert shown in text, shown
    assert {"Check files", "Undo this import"} <= {b.label for b in at.button}
    assert len(at.get("file_uploader")) == 1
    assert [s.label for s in at.selectbox][:1] == ["Dataset"]


def test_imported_survey_shows_on_overview_and_in_the_editor_history(own_db):
    store = Store(own_db)
    (batch,) = import_files(store, "survey", [Source.from_path(GOOD / "survey.csv")], who="asha")
    store.close()
    at = open_as_editor("overview", area=WAKEFIELD, period="2024-25")
    assert "Wakefield, 2024-25" in all_text(at) and "75.0%" in all_text(at)  # control: 30 of 40 (weighted)
    at.switch_page("pages/data.py")
    at.run()
    text = all_text(at)
    assert f"<td class='gl-num'>{batch}</td><td>User survey (ASCS style)</td><td>survey.csv</td>" in text
    assert f"Batch {batch}: User survey (ASCS style), survey.csv, 40 rows (2024-25)" in at.selectbox(key=f"data_undo_batch_{batch}").options


def test_council_with_only_published_values_appears_on_overview_labelled_published(own_db):
    store = Store(own_db)
    import_files(store, "ascof", [Source.from_path(IMPORTS / "ascof-2020-21-slice.csv")], who="asha", replace=True)
    store.close()
    at = open_page("overview", area=WAKEFIELD, period="2020-21")
    text = all_text(at)
    assert "Wakefield, 2020-21" in text
    assert "80.2%" in text  # control over daily life, published 1B for Wakefield
    assert "Source: published ASCOF file (NHS England, Open Government Licence v3.0), 2020-21." in text
    at = open_page("compare", indicator="direct_payments", period="2020-21", area=WAKEFIELD)
    table = next(m.value for m in at.markdown if "compare-table" in m.value)
    row = next(r for r in table.split("<tr>") if "<td>Wakefield</td>" in r)
    assert "16.9%" in row and "published ASCOF" in row  # 1C2A, as published for Wakefield


def test_administrators_see_each_publish_with_its_swap_time_and_editors_do_not(own_db, monkeypatch):
    from tests.unit.test_import_common import KEY

    monkeypatch.setenv("DASHBOARD_PSEUDONYM_KEY", KEY)
    store = Store(own_db, read_only=True)  # the served snapshot: the import publishes a new one
    try:
        (batch,) = import_files(store, "survey", [Source.from_path(GOOD / "survey.csv")], who="asha")
    finally:
        store.close()
    at = open_as_editor()
    text = all_text(at)
    assert "Snapshots published" in text
    assert "Swap (ms)" in text and "Writer lock held (s)" in text
    assert f"import of batch {batch} (survey)" in text
    at.session_state["_signed_in_user"] = User("lee", "editor", "password", frozenset({WAKEFIELD}))
    at.run()
    assert "Import history" in all_text(at) and "Snapshots published" not in all_text(at)
