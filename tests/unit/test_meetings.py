"""Meetings: recording dates and periods, and 'since last meeting' with significance in words."""

import datetime as dt

import pytest
from scipy import stats as sps

from dashboard.meeting import meetings
from dashboard.figures.indicators import build_figures
from dashboard.data.store import Store
from tests.conftest import LEEDS, SCILLY


@pytest.fixture
def writable(db_copy):
    store = Store(db_copy)
    yield store
    store.close()


def test_record_list_and_refuse(writable):
    first = meetings.record_meeting(writable, LEEDS, "2024-06-12", "2022-23", "Civic Hall", "asha")
    second = meetings.record_meeting(writable, LEEDS, dt.date(2025, 6, 11), "2023-24", None, "asha")
    frame = meetings.list_meetings(writable, LEEDS)
    assert list(frame["meeting_id"]) == [second, first]  # newest first
    assert frame.iloc[1]["meeting_date"] == dt.date(2024, 6, 12) and frame.iloc[1]["note"] == "Civic Hall"
    with pytest.raises(meetings.MeetingError, match="already recorded"):
        meetings.record_meeting(writable, LEEDS, "2024-06-12", "2023-24", None, "asha")
    with pytest.raises(meetings.MeetingError, match="YYYY-MM-DD"):
        meetings.record_meeting(writable, LEEDS, "12/06/2024", "2023-24", None, "asha")
    with pytest.raises(meetings.MeetingError, match="not a period"):
        meetings.record_meeting(writable, LEEDS, "2024-07-12", "2023", None, "asha")
    with pytest.raises(meetings.MeetingError, match="not a council"):
        meetings.record_meeting(writable, "E99999999", "2024-07-12", "2023-24", None, "asha")
    assert len(meetings.list_meetings(writable, LEEDS)) == 2
    meetings.delete_meeting(writable, first)
    assert list(meetings.list_meetings(writable, LEEDS)["meeting_id"]) == [second]
    with pytest.raises(meetings.MeetingError):
        meetings.delete_meeting(writable, first)


def test_baseline_without_meetings_is_the_period_before(store, figures):
    base = meetings.baseline(store, figures, LEEDS, "2024-25")
    assert base.period == "2023-24" and base.meeting_date is None
    assert "no earlier meeting" in base.words


def test_since_last_meeting_uses_the_period_that_meeting_used(writable):
    meetings.record_meeting(writable, LEEDS, "2023-06-14", "2022-23", None, "asha")
    figs = build_figures(writable)
    base = meetings.baseline(writable, figs, LEEDS, "2024-25", today=dt.date(2025, 6, 1))
    assert base.period == "2022-23" and base.meeting_date == dt.date(2023, 6, 14)
    change = meetings.changes(writable, figs, LEEDS, "2024-25", today=dt.date(2025, 6, 1))["control"]
    # Leeds control: 20 of 40 in 2022-23, 32 of 40 in 2024-25; chi-square without continuity
    # correction is the same test as the pooled two-proportion z-test
    expected = sps.chi2_contingency([[20, 20], [32, 8]], correction=False)[1]
    assert change.p_value == pytest.approx(expected)
    assert change.p_value < 0.05
    assert change.verdict == meetings.BETTER and change.significant
    assert "up from 50.0% to 80.0%" in change.words
    assert "the last meeting (14 June 2023, which used 2022-23 data)" in change.words
    assert "getting better" in change.words and "unlikely to be chance" in change.words
    # a room hears plain words; the test and its p value stay in the speaker notes (full figures)
    assert "test of two proportions" not in change.words and "p =" not in change.words
    assert "test of two proportions" in change.detail and "getting better" in change.detail
    assert change.label.startswith("✔")


def test_not_significant_is_said_so(store, figures):
    change = meetings.changes(store, figures, LEEDS, "2024-25")["choice"]  # 22/40 -> 24/40
    assert change.verdict == meetings.NO_CHANGE and not change.significant
    assert "could be chance" in change.words and "p =" not in change.words and "test" not in change.words
    assert "not a significant change" in change.detail and "test of two proportions, p = " in change.detail


def test_same_data_as_last_meeting(writable):
    meetings.record_meeting(writable, LEEDS, "2025-06-11", "2024-25", None, "asha")
    meetings.record_meeting(writable, LEEDS, "2025-09-10", "2024-25", None, "asha")
    figs = build_figures(writable)
    change = meetings.changes(writable, figs, LEEDS, "2024-25")["control"]
    assert change.verdict == meetings.SAME_DATA and "no new figures" in change.words


def test_suppressed_figures_are_never_compared(store, figures):
    changes = meetings.changes(store, figures, SCILLY, "2024-25")
    assert changes["control"].verdict == meetings.NOT_COMPARED
    assert changes["control"].from_value is None and changes["control"].to_value is None
    assert "small numbers are not shown" in changes["control"].words
    # Leeds dp_trusted: 7 of 10 agree, 3 do not: hidden
    assert meetings.changes(store, figures, LEEDS, "2024-25")["dp_trusted"].verdict == meetings.NOT_COMPARED


def test_rates_use_a_test_of_two_rates(store, figures):
    from statsmodels.stats.rates import test_poisson_2indep

    ind = figures.catalogue["breakdowns_per_1000"]
    before, after = figures.figure(ind.id, LEEDS, "2023-24"), figures.figure(ind.id, LEEDS, "2024-25")
    p, method = meetings.significance_test(ind, before, after)
    assert method == "test of two rates"
    expected = test_poisson_2indep(after["numerator"], after["denominator"], before["numerator"],
                                   before["denominator"], method="score").pvalue
    assert p == pytest.approx(expected)


def test_medians_use_non_overlapping_intervals(store, figures):
    change = meetings.changes(store, figures, LEEDS, "2024-25")["days_to_first_payment"]
    assert change.method == "95% intervals do not overlap"
    assert change.p_value is None
