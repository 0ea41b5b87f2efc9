"""The theme tables in the release layer: stored with the other release cells, read by the pages,
each hidden cell with its own reason; intervals that tell nothing beyond the shown figures; a
median's interval ends never pin the groups of days beside them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import release
from dashboard.access import User
from dashboard.data.store import Store
from dashboard.figures import groups
from dashboard.figures import exports
from dashboard.figures.catalogue import load
from dashboard.release import protect, rules, tables
from dashboard.views import themes
from dashboard.views.themes.panels import _count_text
from tests.conftest import KIRKLEES, LEEDS, READING, SCILLY
from tests.release.audit import Problem, failures
from tests.release.audit_tables import Tables
from tests.release.intervals import proportion_hull, rounded_base_hull

PERIOD = "2024-25"


def test_every_theme_table_is_stored_for_the_data_version_and_the_pages_read_it(db_copy):
    store = Store(db_copy)
    try:
        current = release.tables_version(store, release.load(store))
        assert current.startswith(store.data_version() + "|")  # the imports, not the saved groups
        for name in tables.BUILDERS:
            stored = store.sql(f"select distinct data_version from {release.TABLES_PREFIX}{name}")
            assert list(stored["data_version"]) == [current], name
        # the page shows what is stored: change one stored row and the table shows it
        _mark_stored_levels(store)
        assert _leeds_informed(store) == "995"
    finally:
        store.close()


def _mark_stored_levels(store):
    store.sql(f"update {release.TABLES_PREFIX}levels set activities = 995"
              " where area_code = ? and period = ? and level = 'informed'", [LEEDS, PERIOD])


def _leeds_informed(store) -> str:
    ctx = themes.Context(store, release.figures(store), LEEDS, PERIOD)
    return themes.levels_panel(ctx).table.set_index("Year").loc[PERIOD, "Informed"]


ADMIN = User("admin", "administrator", "password")


def test_after_a_group_is_saved_the_theme_pages_still_read_the_stored_tables(db_copy):
    store = Store(db_copy)
    try:
        _mark_stored_levels(store)
        before = release.version(store)
        # two councils: their total is hidden (fewer than 3 councils), so no council's cell changes
        groups.save_group(store, "Two neighbours", [LEEDS, KIRKLEES], ADMIN)
        assert release.version(store) != before  # the indicator cells are stale (a new aggregate) ...
        assert not release.is_current(store)
        assert _leeds_informed(store) == "995"  # ... the theme tables are not: the page reads the stored rows
    finally:
        store.close()


def _council_hidden(store) -> pd.Series:
    cells = release.load(store)
    areas = cells[cells["geography_level"] == "area"]
    return areas.set_index(["indicator_id", "geography_code", "period", "source"])["suppressed"].astype(bool)


def test_a_saved_group_never_changes_which_councils_are_hidden(db_copy):
    """A group with the Isles of Scilly (small numbers) and two others: before, Kirklees' "paid
    quickly" was hidden to protect Scilly within the group (so a viewer comparing the pages before
    and after the save learnt cells either way). Now no council's cell changes, the group's own
    figure is hidden wherever one of its councils is, and the stored theme tables stay current."""
    store = Store(db_copy)
    try:
        before = _council_hidden(store)
        stored = release.table(store, "agreement", area=KIRKLEES)
        group_id = groups.save_group(store, "South and north", [KIRKLEES, READING, SCILLY], ADMIN)
        after = _council_hidden(store)
        pd.testing.assert_series_equal(before.sort_index(), after.reindex(before.index).sort_index())
        cells = release.load(store)
        named = cells[cells["geography_code"] == f"{groups.NAMED_PREFIX}{group_id}"]
        assert len(named)
        areas = cells[(cells["geography_level"] == "area") & cells["geography_code"].isin([KIRKLEES, READING, SCILLY])]
        member_hidden = areas.groupby(["indicator_id", "period"])["suppressed"].any()
        for ind, period, hidden in zip(named["indicator_id"], named["period"], named["suppressed"]):
            if member_hidden.get((ind, period), False):
                assert hidden, (ind, period)
        assert named["suppressed"].any() and not named["suppressed"].all()
        pd.testing.assert_frame_equal(stored, release.table(store, "agreement", area=KIRKLEES))
    finally:
        store.close()


class _CountingStore(Store):
    """A real store that counts the statements it runs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements: list[str] = []

    def sql(self, statement, params=None):
        self.statements.append(statement)
        return super().sql(statement, params)


def test_the_stamps_are_read_once_per_version_not_per_table(fixture_db):
    store = _CountingStore(fixture_db, read_only=True)
    try:
        for _ in range(3):
            for name in tables.BUILDERS:
                release.table(store, name, area=LEEDS, period=PERIOD)
        stamps = [s for s in store.statements if release.STAMPS in s]
        versions = [s for s in store.statements if "import_batches" in s]
        assert len(stamps) == 1 and len(versions) == 1  # once for this snapshot, not per call
        assert len(store.statements) == 2 + 3 * len(tables.BUILDERS)  # then one read per table
    finally:
        store.close()


def test_a_cell_hidden_to_protect_another_says_so_in_the_table_and_the_csv():
    frame = pd.DataFrame({"area_code": ["A"] * 4, "period": [PERIOD] * 4, "n": [3, 20, 6, 30]})
    out = protect.protect_counts(frame, "n", ["area_code", "period"])
    assert list(out["suppression_reason"]) == [rules.SUPPRESSED_TEXT, None, rules.SECONDARY_TEXT, None]
    assert [_count_text(v, r) for v, r in zip(out["n"], out["suppression_reason"])] == [
        rules.SUPPRESSED_TEXT, "20", rules.SECONDARY_TEXT, "30"]
    # a base under 5 and a complement of 1-4 have their own words too
    why = rules.primary_reason([0, 3, 10, 20], [3, 10, 12, 40], "proportion")
    assert list(why) == [rules.SMALL_BASE_TEXT, rules.SUPPRESSED_TEXT, rules.COMPLEMENT_TEXT, None]
    # the CSV of a comparison page carries the cell's own reason
    ind = load()["control"]
    row = pd.DataFrame([{"geography_code": LEEDS, "area_name": "Leeds", "period": PERIOD, "value": np.nan,
                         "suppressed": True, "suppression_reason": rules.SECONDARY_TEXT}])
    assert exports.chart_rows(row, ind)["note"].iat[0] == rules.SECONDARY_TEXT


def test_published_intervals_follow_from_the_shown_value_and_base(figures):
    catalogue = load()
    frame = figures.frame
    local = frame[(frame["geography_level"] == "area") & (frame["source"] == "local data") & ~frame["suppressed"].astype(bool)]
    checked = 0
    for indicator_id, rows in local.groupby("indicator_id"):
        ind = catalogue[indicator_id]
        if ind.kind == "median":
            continue
        again = rules.intervals_from_shown(rows, ind.kind, ind.multiplier)
        for col in ("lower_95", "upper_95", "lower_998", "upper_998"):
            assert np.allclose(rows[col].astype(float), again[col].astype(float), equal_nan=True), (indicator_id, col)
        checked += len(rows)
    assert checked > 100


def test_an_interval_from_the_exact_figures_would_pin_a_rounded_count():
    # 37 of 58 is shown as 35 of 60, 63.8%; its Wilson interval from the exact figures, shown to
    # 1 dp, leaves one base only (the attack); from the shown figures it leaves the rounding
    value = rules.round_value(100 * 37 / 58)
    exact = {}
    from dashboard.figures import stats

    for level, suffix in ((95, "95"), (99.8, "998")):
        lo, hi = stats.wilson_interval(37, 58, level)
        exact[f"lower_{suffix}"], exact[f"upper_{suffix}"] = rules.round_value(lo * 100), rules.round_value(hi * 100)
    hull = proportion_hull(value, exact, (32.5, 37.5), (57.5, 62.5))
    assert hull[3] - hull[2] < 2  # the base is all but known
    shown = rules.intervals_from_shown(pd.DataFrame({"value": [value], "base": [60.0]}), "proportion")
    low, high = rounded_base_hull("proportion", value, shown.iloc[0].to_dict())
    assert low <= 57.5 and high >= 62.5  # nothing beyond the rounded base


def test_hidden_councils_never_add_up_to_a_small_count():
    # an aggregate (0) of four councils; councils 1 and 2 are hidden with 1 and 2 people: their
    # sum, 3, would follow from the aggregate, so a third council is hidden too
    hidden = np.array([False, True, True, False, False])
    size = np.array([np.inf, 30, 40, 50, 60])
    count = np.array([0, 1, 2, 20, 25])
    more = protect.secondary(hidden, size, [np.arange(5)], amounts=[count])
    assert list(np.flatnonzero(more)) == [3]
    assert not protect.secondary(hidden, size, [np.arange(5)]).any()  # without amounts: two unknowns pass


def _bins_problem(ends_shown: bool):
    # 20 waits: 1, 2, 3, 5 days | 8-13 | 15-24. The 4 is hidden, the 6 with it; the median (14)
    # and its interval ends are records at known ranks; the 99.8% lower end (rank 3) is 3 days
    raw = pd.DataFrame({"area_code": "A", "period": PERIOD, "bin_order": range(1, 7), "holders": [4, 6, 10, 0, 0, 0]})
    pub = protect.protect_counts(raw, "holders", ["area_code", "period"])
    assert list(pub["suppressed"]) == [True, True, False, False, False, False]
    cell = {"suppressed": False, "base": 20.0, "value": 14.0, "lower_95": 8.0, "upper_95": 20.0,
            "lower_998": 3.0, "upper_998": 22.0, "indicator_id": "days_to_first_payment", "geography_level": "area",
            "geography_code": "A", "period": PERIOD}
    published = tables.withhold_median_intervals(pd.DataFrame([cell]), {} if ends_shown else {"payment_wait": pub})
    problem = Problem()
    Tables(problem, {}, {"published cells": 0, "hidden cells": 0}).bins(
        "payment_wait", raw, pub, "holders", {("A", PERIOD): published.iloc[0].to_dict()})
    assert not problem.violated()
    return failures(problem.solve())


def test_a_median_interval_never_pins_a_hidden_group_of_days():
    assert _bins_problem(ends_shown=True)  # the attack: the rank-3 record says 2 or more in 0-7 days
    assert not _bins_problem(ends_shown=False)  # the release layer withholds the ends


def test_a_published_median_has_its_interval_exactly_where_no_group_of_days_is_hidden(store, figures):
    checked = 0
    for name, indicator_id in tables.BIN_MEDIANS.items():
        bins = release.table(store, name)
        for (area, period), rows in bins.groupby(["area_code", "period"]):
            fig = figures.figure(indicator_id, area, period)
            if fig is None or fig["suppressed"] or fig["base"] < 20:  # 17+ records for the 99.8% interval
                continue
            shown = fig["lower_95"] == fig["lower_95"]
            assert shown == (not rows["suppressed"].any()), (name, area, period)
            checked += 1
    assert checked
