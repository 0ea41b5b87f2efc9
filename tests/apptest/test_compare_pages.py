"""AppTest for the comparison pages: no exception, the expected words, figures and links."""

import json

from dashboard.access import User
from dashboard.figures import groups
from dashboard.data.store import Store
from tests.apptest.helpers import all_text, assert_no_crash, open_page
from tests.conftest import KIRKLEES, LEEDS, READING, SCILLY
from dashboard.figures.catalogue import load as _load_catalogue

N_INDICATORS = len(_load_catalogue().indicators)
ADMIN = User("editor1", "administrator", "password")


def _markdown(at, testid: str) -> str:
    return next(m.value for m in at.markdown if f"data-testid='{testid}'" in m.value)


def test_compare_colours_and_labels_bars_in_words_with_a_funnel(app_env):
    at = open_page("compare", indicator="direct_payments", period="2024-25", area=KIRKLEES, level="99.8", sort="name")
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert bars["y"] == ["Leeds", "<b>Kirklees</b>"]  # by name, A at the top (Reading hidden to protect Scilly)
    assert any("Better" in t for t in bars["text"]) and any("Similar" in t for t in bars["text"])
    assert len(set(bars["marker"]["color"])) == 2  # coloured by significance
    assert "with 99.8% intervals" in all_text(at)
    assert "99.8% interval" in _markdown(at, "compare-table")
    assert at.query_params["level"] in ("99.8", ["99.8"])
    assert len(at.get("download_button")) >= 1
    at = open_page("compare", indicator="direct_payments", period="2024-25", area=KIRKLEES, chart="funnel")
    funnel = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    assert {t.get("name") for t in funnel} >= {"95% limits", "99.8% limits"}
    dots = [t for t in funnel if t.get("mode") == "markers+text"]  # a trace per comparison, in words and shape
    assert len(dots) >= 2 and len({t["marker"]["symbol"] for t in dots}) == len(dots)
    assert all(t["name"].split()[-1] in {"Better", "Similar", "Worse"} for t in dots)
    text = all_text(at)
    assert "Funnel plot of people receiving direct payments" in text and "Kirklees is outside the 99.8% limits" in text
    assert "17.3% to 40.1%" in _markdown(at, "funnel_chart-table")  # Kirklees, 60 people, around the benchmark published to 1 decimal place


def test_compare_funnel_is_not_drawn_for_a_median(app_env):
    at = open_page("compare", indicator="days_to_first_payment", period="2024-25", area=LEEDS, chart="funnel")
    assert not at.get("plotly_chart")
    assert any("not drawn for medians" in i.value for i in at.info)
    assert "data-testid='compare-table'" in all_text(at)


def test_compare_with_a_region_benchmark_and_a_region_group(app_env):
    at = open_page("compare", indicator="control", period="2024-25", area=LEEDS, benchmark="region", group="region")
    table = _markdown(at, "compare-table")
    assert "Leeds" in table and "Kirklees" in table and "Reading" not in table
    # a region of 2 councils in the data publishes no benchmark (release layer: at least 3)
    assert "Compared with the Yorkshire and The Humber region" not in table and "Not compared" in table
    assert "Each area is compared with its own region" in all_text(at)


def test_compare_with_a_named_group_benchmark(app_env):
    store = Store(app_env)
    try:
        group_id = groups.save_group(store, "Test network", [READING, KIRKLEES, LEEDS], ADMIN)  # at least 3
    finally:
        store.close()
    try:
        at = open_page("compare", indicator="control", period="2024-25", area=LEEDS, benchmark="group",
                       benchmark_group=f"named-{group_id}")
        text = all_text(at)
        # Reading's control is hidden in 2024-25, so the group's average would reveal it
        assert "The group average of Test network is not shown for 2024-25 (would reveal a small number)" in text
        at = open_page("compare", indicator="control_direct_payment", period="2024-25", area=LEEDS,
                       benchmark="group", benchmark_group=f"named-{group_id}")
        text = all_text(at)
        assert "The group average of Test network" in text and "is not shown" not in text
    finally:
        store = Store(app_env)
        groups.delete_group(store, group_id, ADMIN)
        store.close()


def test_profile_shows_every_indicator_with_spine_and_trend(app_env):
    at = open_page("profile", area=LEEDS, period="2024-25")
    table = _markdown(at, "profile-table")
    assert table.count("<tr>") == N_INDICATORS + 1  # header + one row per indicator
    assert "Control over daily life" in table and "increasing and getting better" in table
    assert "Not shown: fewer than 5 people" in table
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(spec["layout"]["shapes"]) > N_INDICATORS  # ranges and middle halves
    assert f"Spine chart of {N_INDICATORS} indicators for Leeds in 2024-25" in all_text(at)


def test_grid_is_an_html_table_with_words_and_symbols(app_env):
    at = open_page("grid", area=LEEDS, period="2024-25", domain="control")
    grid = _markdown(at, "grid-table")
    assert "<th scope='col'>Leeds</th>" not in grid  # areas are rows
    assert "<th scope='row'><strong>Leeds</strong></th>" in grid
    assert "80.0%" in grid and "≈ Similar" in grid
    # each hidden cell says why: the Isles of Scilly's 3 respondents, and cells hidden to protect another
    assert "Not shown: out of fewer than 5 people" in grid and "Not shown: would reveal a small number" in grid
    assert grid.count("<tr") == 1 + 1 + 4  # header, benchmark, 4 areas


def test_trends_show_the_interval_band_benchmark_and_words(app_env):
    at = open_page("trends", indicator="control", area=LEEDS, period="2024-25")
    text = all_text(at)
    assert "Trend over the last 3 years: increasing and getting better." in text
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = [t.get("name") for t in spec["data"]]
    assert "95% interval" in names and "Leeds" in names and len(names) == 3
    table = next(m.value for m in at.markdown if "trend_chart-table" in m.value)
    assert "2022-23" in table and "50.0%" in table and "80.0%" in table


def test_map_colours_hexes_and_links_to_the_profile(app_env):
    at = open_page("map", indicator="control", period="2024-25", area=LEEDS)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {t["name"] for t in spec["data"]}
    assert "No data" in names and "Not shown: small numbers" in names
    assert sum(len(t["customdata"]) for t in spec["data"]) == 153
    text = all_text(at)
    assert "Copyright (c) 2017- Open Innovations" in text
    assert "149 councils have no data" in text
    links = [p for p in at.get("page_link")]
    assert any("Open the profile of Leeds" in str(p.proto) for p in links)
    # the area picker under the map (a fragment: it reruns alone) moves the link to the area chosen
    picker = next(s for s in at.selectbox if s.key and "map_area" in s.key)
    picker.select(KIRKLEES).run()
    assert_no_crash(at)
    links = [str(p.proto) for p in at.get("page_link")]
    assert any("Open the profile of Kirklees" in p and KIRKLEES in p for p in links), links


def test_by_group_splits_with_intervals_and_suppression(app_env):
    at = open_page("by-group", indicator="control", period="2024-25", area=LEEDS)
    text = all_text(at)
    assert "By mechanism of delivery" in text and "By age band" in text
    assert "Direct payment only 100.0%" in text and "Council-commissioned support only 73.3%" in text
    assert "Everyone: **80.0%** (40 people counted)" in text


def test_worse_and_worsening_page_says_when_none_are_found(app_env):
    at = open_page("worse-and-worsening", area=LEEDS, period="2024-25")
    text = all_text(at)
    assert "Worse and getting worse" in text
    assert "No area among all areas in the data is both significantly worse" in text or "worse-table" in text


def test_unknown_group_falls_back_with_a_message(app_env):
    at = open_page("grid", area=LEEDS, period="2024-25", group="named-999")
    assert any("named-999" in i.value for i in at.info)


def test_worse_and_worsening_lists_an_area_that_is_worse_and_getting_worse(db_copy, monkeypatch):
    from tests.unit.test_benchmarks_and_groups import _add_worsening_reading

    _add_worsening_reading(db_copy).close()
    monkeypatch.setenv("DASHBOARD_DB", str(db_copy))
    at = open_page("worse-and-worsening", area=READING, period="2024-25")
    table = _markdown(at, "worse-table")
    assert "<td>Reading</td><td>Control over daily life</td>" in table  # the domain said once
    assert "decreasing and getting worse" in table and "✖ Worse" in table
    assert "Kirklees" not in table
    assert any("Open the profile of Reading" in str(p.proto) for p in at.get("page_link"))


def test_profile_against_the_region_spread_over_the_region(app_env):
    at = open_page("profile", area=LEEDS, period="2024-25", benchmark="region", group="region")
    table = _markdown(at, "profile-table")
    # control: no region benchmark (2 councils: fewer than 3), spread Leeds 80% and Kirklees 70% only
    assert "75.7%" not in table and "70.0%" in table
    assert "Reading" not in all_text(at)
    assert "the range across Yorkshire and The Humber" in all_text(at)


def test_only_the_groups_owner_or_an_administrator_is_offered_rename_and_delete(db_copy, monkeypatch):
    """The Compare page offers rename and delete only for the groups the editor may change (the
    refusals themselves, and their audit entries, are tested in tests/unit/test_editors_and_audit.py)."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    monkeypatch.setenv("DASHBOARD_DB", str(db_copy))
    monkeypatch.delenv("DASHBOARD_RECORDS_URL", raising=False)
    owner = User("asha", "editor", "password", frozenset({LEEDS}))
    kim = User("kim", "editor", "password", frozenset({KIRKLEES}))
    store = Store(db_copy, read_only=True)
    try:
        group_id = groups.save_group(store, "North network", [READING, KIRKLEES, LEEDS], owner)
    finally:
        store.close()

    def compare_as(user):
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        at.session_state["_signed_in_user"] = user
        at.query_params.update(indicator="control", period="2024-25", area=LEEDS)
        at.switch_page("pages/compare.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    at = compare_as(kim)
    assert "North network" in next(m.value for m in at.markdown if "data-testid='named-groups'" in m.value)
    assert "Only the editor who saved a group, or an administrator, can rename or delete it." in all_text(at)
    assert "Delete the group" not in [b.label for b in at.button]
    at = compare_as(owner)
    assert {"Rename the group", "Delete the group"} <= {b.label for b in at.button}
    assert "Rename or delete a group you saved." in all_text(at)
    assert group_id
