"""Adding an indicator is one catalogue entry and one query (the catalogue's promise): a
throwaway indicator, in a copy of the catalogue and of queries/ (``DASHBOARD_CATALOGUE``,
``DASHBOARD_QUERIES``), is built into a fresh database and shows on every page that shows
indicators, with no page changed: Overview, Compare, Trends, Map, Definitions, Grid, Profile,
By group (its entry names a split), Worse and getting worse (its query makes Leeds fall behind),
Easy read, the three theme pages (its entry names them) and Meeting mode."""

from __future__ import annotations

import shutil

import pytest

from dashboard import config
from dashboard.data.build import build_database
from dashboard.figures import catalogue
from dashboard.figures.indicators import build_figures
from dashboard.data.store import Store
from tests.apptest.helpers import all_text, markdown_with_testid, open_page
from tests.conftest import FIXTURE_DATA, LEEDS

NAME = "Throwaway share satisfied"
SHORT = "Throwaway share"
ENTRY = f'''
[[indicator]]
id = "throwaway_share"
domain = "control"
name = "{NAME}"
short_name = "{SHORT}"
easy_read_name = "Throwaway"
easy_read_sentence = "{{out_of_10}} out of 10 people (a test's throwaway indicator)."
definition = "A throwaway indicator a test adds: people satisfied with their support."
numerator = "Respondents answering Q1 = 1 or 2, weighted."
denominator = "Respondents answering Q1, weighted."
kind = "proportion"
unit = "percent"
polarity = "high_good"
source_dataset = "user survey"
query = "indicator_throwaway_share"
themes = ["direct-payments", "collaboration", "coproduction"]
split_query = "by_group_survey"
split_measure = "satisfaction"
caveats = "It exists only in a test."
'''
QUERY = """-- indicator_throwaway_share: user survey
-- A throwaway indicator a test adds: satisfied people (the survey's satisfaction measure), except
-- that in Leeds nobody is after 2022-23 (so Leeds is worse than the others, and getting worse).

with answers as (
    select
        area_code,
        period,
        weight,
        case when area_code = 'E08000035' then meets and period = '2022-23' else meets end as meets
    from survey_answers('satisfaction')
),

final as (
    select * from share_by_geography(answers)
)

select * from final
"""


@pytest.fixture(scope="module")
def with_new_indicator(tmp_path_factory):
    root = tmp_path_factory.mktemp("new_indicator")
    queries = root / "queries"
    shutil.copytree(config.QUERIES_DIR, queries)
    (queries / "indicator_throwaway_share.sql").write_text(QUERY, encoding="utf-8")
    cat = root / "catalogue.toml"
    cat.write_text(config.catalogue_path().read_text(encoding="utf-8") + ENTRY, encoding="utf-8")
    db = root / "new.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASHBOARD_QUERIES", str(queries))
        mp.setenv("DASHBOARD_CATALOGUE", str(cat))
        build_database(db, source_dir=FIXTURE_DATA)
        mp.setenv("DASHBOARD_DB", str(db))
        yield db


def test_the_release_layer_publishes_it(with_new_indicator):
    assert "throwaway_share" in catalogue.load().ids
    figs = build_figures(Store(with_new_indicator, read_only=True))
    leeds = figs.areas_for("throwaway_share", "2024-25")
    assert len(leeds) and leeds["value"].notna().any()


@pytest.mark.parametrize("page, query", [
    ("compare", {"indicator": "throwaway_share"}),
    ("trends", {"indicator": "throwaway_share"}),
    ("map", {"indicator": "throwaway_share"}),
    ("definitions", {}),
])
def test_pages_that_pick_an_indicator_show_it(with_new_indicator, page, query):
    at = open_page(page, **query)
    assert NAME in all_text(at) + " ".join(e.label for e in at.expander)


def test_grid_and_profile_list_it(with_new_indicator):
    grid = open_page("grid", domain="control")
    assert SHORT in markdown_with_testid(grid, "grid-table")
    profile = open_page("profile")
    assert SHORT in markdown_with_testid(profile, "profile-table")  # the profile names indicators short


def test_overview_links_it_from_its_domain_tile(with_new_indicator):
    at = open_page("overview", area=LEEDS)
    tile = next(m.value for m in at.markdown if "data-domain='control'" in m.value)
    assert SHORT in tile and "indicator=throwaway_share" in tile


def test_by_group_splits_it(with_new_indicator):
    at = open_page("by-group", indicator="throwaway_share", area=LEEDS, period="2022-23")
    text = all_text(at)
    assert NAME in text and "By age band" in text


def test_worse_and_getting_worse_finds_it(with_new_indicator):
    at = open_page("worse-and-worsening", period="2024-25")
    table = markdown_with_testid(at, "worse-table")
    assert SHORT in table or NAME in table
    assert "Leeds" in table


def test_easy_read_has_a_page_for_it(with_new_indicator):
    at = open_page("easy-read", area=LEEDS, indicator="throwaway_share")
    assert "Throwaway" in all_text(at)


@pytest.mark.parametrize("page", ["direct-payments", "collaboration", "coproduction"])
def test_theme_pages_list_it_in_their_key_figures(with_new_indicator, page):
    at = open_page(page, area=LEEDS)
    assert SHORT in markdown_with_testid(at, "table-key-figures")


def test_meeting_mode_has_a_slide_for_it(with_new_indicator):
    at = open_page("meeting", area=LEEDS)
    jump = next(box for box in at.selectbox if box.label == "Go to slide")
    assert any(option.endswith(f": {NAME}") for option in jump.options)
