"""The three findings that open each theme page, checked against the figures they rest on."""

from __future__ import annotations

import math

import pytest

from dashboard.figures import stats
from dashboard.release import rules
from dashboard.views import findings, themes
from dashboard.figures.indicators import build_figures
from dashboard.data.store import Store
from tests.conftest import KIRKLEES, LEEDS, READING, SCILLY
from tests.unit.test_themes import add_breakdowns

PERIOD = "2024-25"
THEMES = [themes.DIRECT_PAYMENTS, themes.COLLABORATION, themes.COPRODUCTION]


def ctx(store, figures, area=LEEDS, period=PERIOD, group="all"):
    return themes.Context(store, figures, area, period, group)


def test_direct_payments_findings_for_leeds(store, figures):
    gap, change, best = findings.for_page(ctx(store, figures, group="region"), themes.DIRECT_PAYMENTS)
    # clawback letters: Leeds 6 of all areas' 8 (21.6 per 100); Kirklees' 1-4 letters and the
    # Isles of Scilly's would add up to a small number the all-areas rate pins down, so Leeds' 6
    # is hidden to protect them; the largest gap left is within the margin of error
    assert figures.figure("clawbacks_per_100", LEEDS, PERIOD)["suppression_reason"] == rules.SECONDARY_TEXT
    assert gap.text == ("No figure for Leeds in 2024-25 on this page is clearly different from the benchmark. "
                        "The largest gap is individual service funds: 10.0% against 6.9% for the average of all "
                        "areas in the data, within the margin of error.")
    # control without a direct payment: 16 of 30 in 2023-24 (26 with control less 10 holders), 22 of 30 now
    assert change.text.startswith("Biggest change since 2023-24: control: commissioned support in Leeds went up "
                                  "from 53.3% to 73.3%, getting better.")
    assert "may be chance" in change.text
    # direct payments: Kirklees 30 of 60, Leeds 20 of 100, in Yorkshire and The Humber
    assert best.text == ("Best among areas in Yorkshire and The Humber for direct payments in 2024-25: Kirklees, 50.0%, "
                         "better than the average of all areas in the data. Leeds: 20.0%.")


def test_best_is_only_said_of_an_area_clearly_better_than_the_benchmark(store, figures):
    """The top value alone is not "best": a small area's 0.0 with a wide interval is too few to
    tell. Every "best" names an area whose interval lies wholly on the better side."""
    named = 0
    for area in [LEEDS, KIRKLEES, READING, SCILLY]:
        for theme in THEMES:
            for group in ["all", "region"]:
                c = ctx(store, figures, area, PERIOD, group)
                for indicator_id in theme.indicators:
                    if figures.catalogue[indicator_id].polarity == "none":
                        continue
                    table = figures.areas_for(indicator_id, PERIOD)
                    table = table[table["geography_code"].isin(c.group_codes) & ~table["suppressed"].astype(bool)
                                  & table["value"].notna()]
                    best = themes.best_area(c, indicator_id)
                    better = table[table["comparison"] == stats.BETTER]
                    if better.empty:
                        assert best is None, (area, indicator_id, best["area_name"])
                        continue
                    named += 1
                    assert best["comparison"] == stats.BETTER
                    assert best["geography_code"] in set(better["geography_code"])
    assert named >= 3


def test_gap_finding_is_the_largest_significant_relative_gap(store, figures):
    """Recomputed from the figures, independently of key_figures()."""
    for area in [LEEDS, KIRKLEES, READING]:
        for theme in THEMES:
            c = ctx(store, figures, area)
            candidates = []
            for indicator_id in theme.indicators:
                row = figures.areas_for(indicator_id, PERIOD).set_index("geography_code")
                if area not in row.index or row.loc[area, "suppressed"] or math.isnan(row.loc[area, "value"]):
                    continue
                bench = figures.benchmark(indicator_id, PERIOD)
                if bench is None or bench.value == 0:
                    continue
                gap = abs(row.loc[area, "value"] - bench.value) / abs(bench.value)
                significant = row.loc[area, "comparison"] in {stats.BETTER, stats.WORSE, stats.HIGHER, stats.LOWER}
                candidates.append((significant, gap, indicator_id))
            finding = findings.gap_finding(c, theme)
            if not candidates:
                assert finding.indicator_id is None
                continue
            expected = max(candidates, key=lambda t: (t[0], t[1]))
            assert finding.indicator_id == expected[2], (area, theme.key)
            assert ("clearly different" not in finding.text) == expected[0]


def test_every_finding_rests_on_a_figure_shown_in_the_key_figures_table(store, figures):
    checked = 0
    contexts = [(area, period, "all") for area in [LEEDS, KIRKLEES, READING, SCILLY] for period in ["2020-21", "2022-23", PERIOD]]
    contexts += [(LEEDS, PERIOD, "region"), (READING, PERIOD, "council_type"), (SCILLY, "2022-23", "region")]
    for area, period, group in contexts:
        c = ctx(store, figures, area, period, group)
        for theme in THEMES:
            page = findings.for_page(c, theme)
            assert [f.kind for f in page] == ["gap", "change", "best"]
            table = themes.key_figures_panel(c, theme).table
            for finding in page:
                assert finding.anchor == "key-figures"
                if finding.figure is None:
                    continue
                row = table[table["Indicator"] == figures.catalogue[finding.indicator_id].short_name].iloc[0]
                assert any(finding.figure in str(cell) for cell in row.tolist()), (finding.text, row.tolist())
                assert finding.figure in finding.text
                checked += 1
    assert checked > 50


def test_no_change_and_no_previous_year(store, figures):
    # every breakdown figure in the fixture is the same each year
    change = findings.change_finding(ctx(store, figures), themes.COLLABORATION)
    assert change.text.startswith("None of the figures for Leeds on this page changed between 2023-24 and 2024-25")
    first = findings.change_finding(ctx(store, figures, period="2020-21"), themes.COLLABORATION)
    assert first.text == "There is no year before 2020-21 to compare with." and first.figure is None


def test_findings_for_a_small_area_never_use_a_hidden_figure(store, figures):
    gap, change, best = findings.for_page(ctx(store, figures, SCILLY, group="region"), themes.COPRODUCTION)
    assert gap.figure is None and "too few people" in gap.text
    assert best.figure is None and "No area among areas in South West" in best.text


def test_change_finding_after_more_breakdowns(db_copy):
    # ten more breakdowns in Leeds in 2024-25 (25 days each: the median stays 25 days)
    add_breakdowns(db_copy, LEEDS, PERIOD, [("housing", 25)] * 10)
    store = Store(db_copy, read_only=True)
    figs = build_figures(store)
    change = findings.change_finding(ctx(store, figs), themes.COLLABORATION)
    # 6 of 100 people supported (60.0 per 1,000) to 16 of 100 (160.0 per 1,000); Byar intervals
    # 22.0-130.6 and 91.4-259.8 overlap
    assert change.text == ("Biggest change since 2023-24: breakdowns per 1,000 in Leeds went up from 60.0 per 1,000 "
                           "to 160.0 per 1,000, getting worse. The two years' 95% intervals overlap, so the change may be chance.")
    best = findings.best_finding(ctx(store, figs, group="region"), themes.COLLABORATION)
    # Kirklees has the lowest rate (5 of 60: 83.3 per 1,000) but its interval (27.1 to 194.4)
    # does not show it better than the benchmark: it is not called best
    assert "Kirklees, 83.3" not in best.text
    assert best.text.startswith("Highest among areas in Yorkshire and The Humber for escalated in 2024-25")
    store.close()


@pytest.mark.parametrize("name,expected", [("I statements: yes", "I statements: yes"), ("Days delayed", "days delayed"),
                                           ("NHS waits", "NHS waits"),
                                           ("Breakdowns at hospital or ATU discharge", "breakdowns at hospital or ATU discharge")])
def test_lower_name_keeps_capitals_that_matter(name, expected):
    assert findings.lower_name(name) == expected
