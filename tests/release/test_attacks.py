"""One regression test per attack in issue 10, and a property test over random small councils."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import release
from dashboard.figures import comparison
from dashboard.figures.groups import Group
from dashboard.release import protect, rules
from tests.conftest import KIRKLEES, LEEDS, SCILLY
from tests.release.audit import Problem, add_cell, failures, primary_what


def test_a_group_of_one_has_no_benchmark(figures):
    for indicator_id in ("control", "breakdowns_per_1000"):
        for period in figures.periods(indicator_id):
            assert comparison.group_benchmark(figures, None, indicator_id, period, Group("x", "One", (SCILLY,))) is None
            two = Group("y", "Two", (LEEDS, KIRKLEES))
            assert comparison.group_benchmark(figures, None, indicator_id, period, two) is None  # fewer than 3


def test_no_published_figure_has_more_than_one_decimal_place_or_an_unrounded_count(figures):
    frame = figures.frame
    for col in rules.VALUE_COLUMNS:
        values = frame[col].dropna().astype(float)
        assert np.allclose(values * 10, (values * 10).round()), col
    for col in ("count", "base"):
        values = frame[col].dropna().astype(float)
        assert (values % rules.ROUND_TO == 0).all(), col


def test_a_split_table_hides_what_its_indicator_hides(store, figures):
    period = "2024-25"
    assert bool(figures.figure("control", SCILLY, period)["suppressed"])
    rows = release.splits(store, "control", [SCILLY], period)
    assert rows["suppressed"].all()
    shown = release.splits(store, "control", [LEEDS], period)
    assert not shown.empty and not rules.is_small(shown["count"].dropna()).any()


def test_an_aggregate_never_has_exactly_one_hidden_council():
    # aggregate (position 0) of councils 1-3; council 1 is hidden: another must be hidden too
    hidden = np.array([False, True, False, False])
    size = np.array([np.inf, 3, 40, 20])
    more = protect.secondary(hidden, size, [np.array([0, 1, 2, 3])])
    assert list(np.flatnonzero(more)) == [3]


def test_region_minus_its_councils_in_the_published_cells(figures):
    frame = figures.frame
    for (ind, period), rows in frame[frame["geography_level"] == "area"].groupby(["indicator_id", "period"]):
        every = figures.aggregate(ind, period, tuple(figures.areas["area_code"]))
        if every is None or every["suppressed"]:
            continue
        local = rows[rows["source"] == "local data"]
        assert local["suppressed"].astype(bool).sum() != 1, (ind, period)


def test_windows_never_overlap():
    periods = [f"{y}-{(y + 1) % 100:02d}" for y in range(2015, 2026)]
    windows = {tuple(rules.window_of(p)) for p in periods}
    seen = sorted(p for w in windows for p in w)
    assert len(seen) == len(set(seen))  # each year in exactly one window
    for p in periods:
        assert p in rules.window_of(p) and len(rules.window_of(p)) == rules.WINDOW_YEARS
    assert rules.window_of("2024-25") == ["2022-23", "2023-24", "2024-25"]


def test_a_median_needs_ten_records(figures):
    assert rules.primary([7], [7], "median")[0] and not rules.primary([10], [10], "median")[0]
    frame = figures.frame
    medians = frame[frame["indicator_id"] == "days_to_first_payment"]
    shown = medians[~medians["suppressed"].astype(bool) & (medians["geography_level"] == "area")]
    assert shown.empty or (shown["base"] >= rules.MIN_MEDIAN_RECORDS - rules.ROUND_TO / 2).all()
    assert medians[medians["geography_code"] == SCILLY]["suppressed"].all()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 30)), min_size=3, max_size=6))
def test_random_small_councils_pass_the_audit(councils):
    """Councils with a count of base (some small), an all-areas aggregate: after the rules,
    no hidden council's count can be narrowed below 5 or away from 0."""
    raw = [(min(c, b), b) for c, b in councils if b > 0]
    if len(raw) < 3:
        return
    count = np.array([c for c, _ in raw], dtype=float)
    base = np.array([b for _, b in raw], dtype=float)
    hidden = rules.primary(count, base, "proportion")
    cells = np.concatenate([[False], hidden])
    size = np.concatenate([[np.inf], base])
    more = protect.secondary(cells, size, [np.arange(len(raw) + 1)])
    hidden = hidden | more[1:]
    problem = Problem()
    pairs = []
    for i, (c, b) in enumerate(raw):
        info = {"count": c, "base": b, "kind": "proportion"}
        shown = None if hidden[i] else {"count": rules.round_count(c), "base": rules.round_count(b),
                                         "value": rules.round_value(100 * c / b)}
        pairs.append(add_cell(problem, i, "proportion", 100.0, shown, info, primary_what if hidden[i] else None))
    total_c, total_b = count.sum(), base.sum()
    if not rules.primary([total_c], [total_b], "proportion")[0]:
        problem.ratio([c for c, _ in pairs], [b for _, b in pairs], rules.round_value(100 * total_c / total_b), 100.0)
    assert not failures(problem.solve())


def test_a_table_never_reveals_its_hidden_indicator_and_vice_versa():
    # levels of one council's activities: the indicator (co-designed + co-produced of all) is
    # hidden (say, to protect another council); every level is 5 or more, so the table alone
    # would show the indicator's count (20 + 10) and base (40)
    levels = pd.DataFrame({"area_code": ["A"] * 4, "level": ["informed", "consulted", "co-designed", "co-produced"],
                           "activities": [6, 14, 20, 10]})
    subset = levels["level"].isin(["co-designed", "co-produced"])

    def link(indicator_hidden: bool):
        return protect.links_by(levels, ["area_code"], subset, None, lambda key: [indicator_hidden])

    out = protect.protect_counts(levels, "activities", ["area_code"], links=link(True))
    # with the hidden indicator, the subset and the rest each have a second unknown
    assert out.loc[subset.to_numpy(), "suppressed"].sum() >= 1
    assert out.loc[~subset.to_numpy(), "suppressed"].sum() >= 1
    # the indicator shown: a hidden level in the subset is never the only unknown in it
    levels = levels.assign(activities=[6, 14, 20, 3])
    out = protect.protect_counts(levels, "activities", ["area_code"], links=link(False))
    assert out.loc[subset.to_numpy(), "suppressed"].sum() == 2


def test_no_indicator_or_table_differs_by_one_hidden_cell_on_the_theme_pages(store, figures):
    from dashboard.views import themes

    for area in figures.areas["area_code"]:
        for period in figures.periods("coproduced_activities"):
            ctx = themes.Context(store, figures, area, period)
            fig = figures.figure("coproduced_activities", area, period)
            panel = themes.levels_panel(ctx)
            if fig is None or panel.csv.empty:
                continue
            rows = panel.csv[panel.csv["period"] == period]
            deep = rows[rows["level"].isin(["co-designed", "co-produced"])]
            hidden_in_table = deep["activities"].isna().sum()
            # equal relation: the indicator's count and the table's subset, hidden together or 2 unknowns
            assert hidden_in_table + int(bool(fig["suppressed"])) != 1, (area, period)


def test_a_median_interval_is_never_one_persons_record():
    from dashboard.release import cells

    frame = pd.DataFrame({"base": [10.0, 11.0, 16.0, 17.0], "lower_95": 1.0, "upper_95": 9.0,
                          "lower_998": 1.0, "upper_998": 9.0})
    out = cells._no_single_records(frame, np.array([True] * 4))
    assert list(out["lower_95"].isna()) == [True, False, False, False]  # 10 records: the 95% ends are min and max
    assert list(out["lower_998"].isna()) == [True, True, True, False]
