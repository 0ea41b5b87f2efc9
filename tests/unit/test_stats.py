"""Statistics against independent implementations and known values."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps
from statsmodels.stats.proportion import proportion_confint

from dashboard.figures import stats


@pytest.mark.parametrize("count,n", [(3605, 4235), (0, 10), (10, 10), (1, 2), (37, 120), (5, 5000)])
@pytest.mark.parametrize("level", [95, 99.8])
def test_wilson_matches_statsmodels(count, n, level):
    lower, upper = stats.wilson_interval(count, n, level)
    expected = proportion_confint(count, n, alpha=1 - level / 100, method="wilson")
    assert lower == pytest.approx(expected[0], abs=1e-9)
    assert upper == pytest.approx(expected[1], abs=1e-9)


def test_wilson_known_value_3605_of_4235():
    lower, upper = stats.wilson_interval(3605, 4235)
    assert (round(lower * 100, 2), round(upper * 100, 2)) == (84.02, 86.16)


@given(n=st.integers(1, 100_000), share=st.floats(0, 1))
@settings(max_examples=200, deadline=None)
def test_wilson_contains_the_value_and_stays_in_range(n, share):
    count = round(share * n)
    lower, upper = stats.wilson_interval(count, n)
    assert 0 <= lower <= count / n <= upper <= 1
    lower998, upper998 = stats.wilson_interval(count, n, 99.8)
    assert lower998 <= lower and upper998 >= upper


@given(share=st.floats(0.01, 0.99), n=st.integers(10, 10_000))
@settings(max_examples=100, deadline=None)
def test_wilson_narrows_as_n_grows(share, n):
    narrow = stats.wilson_interval(share * n * 4, n * 4)
    wide = stats.wilson_interval(share * n, n)
    assert narrow[1] - narrow[0] < wide[1] - wide[0]


@pytest.mark.parametrize("count", [0, 1, 4, 9])
def test_exact_poisson_below_ten(count):
    lower, upper = stats.byar_interval(count)
    expected_lower = 0.0 if count == 0 else sps.chi2.ppf(0.025, 2 * count) / 2
    assert lower == pytest.approx(expected_lower)
    assert upper == pytest.approx(sps.chi2.ppf(0.975, 2 * count + 2) / 2)


def test_byar_known_value():
    # Byar's approximation for 20 events: 12.21 to 30.89 (exact Poisson gives 12.22 to 30.89)
    lower, upper = stats.byar_interval(20)
    assert round(lower, 2) == 12.21 and round(upper, 2) == 30.89


@given(count=st.integers(10, 100_000))
@settings(max_examples=100, deadline=None)
def test_byar_contains_the_count_and_is_close_to_exact(count):
    lower, upper = stats.byar_interval(count)
    assert lower < count < upper
    exact_lower = sps.chi2.ppf(0.025, 2 * count) / 2
    assert abs(lower - exact_lower) / count < 0.01


def test_median_interval_ranks_and_values():
    values = list(range(1, 101))  # 1..100
    median, lower, upper = stats.median_interval(values)
    lo_rank, hi_rank = stats.median_interval_ranks(100)
    assert median == 50.5
    assert (lo_rank, hi_rank) == (40, 61)
    assert (lower, upper) == (40.0, 61.0)


@pytest.mark.parametrize(
    "lower,upper,bench,polarity,expected",
    [
        (80, 85, 78, "high_good", "better"),
        (70, 75, 78, "high_good", "worse"),
        (76, 80, 78, "high_good", "similar"),
        (80, 85, 78, "low_good", "worse"),
        (70, 75, 78, "low_good", "better"),
        (80, 85, 78, "none", "higher"),
        (70, 75, 78, "none", "lower"),
        (math.nan, math.nan, 78, "high_good", "not compared"),
    ],
)
def test_compare(lower, upper, bench, polarity, expected):
    assert stats.compare(lower, upper, bench, polarity) == expected


def test_trend_for_proportions_increasing_and_better():
    trend = stats.trend_test([500, 550, 600, 650, 700], [1000] * 5, "proportion", "high_good")
    assert trend.direction == "increasing" and trend.words == "increasing and getting better"
    assert trend.p_value < 0.001


def test_trend_matches_chi_square_for_trend_by_hand():
    # Cochran-Armitage statistic computed independently with numpy
    x = np.array([24, 28, 32])
    n = np.array([40, 40, 40])
    s = np.arange(3)
    p = x.sum() / n.sum()
    t = (s * (x - n * p)).sum()
    var = p * (1 - p) * ((n * s**2).sum() - (n * s).sum() ** 2 / n.sum())
    expected = sps.chi2.sf(t * t / var, 1)
    trend = stats.trend_test(x, n, "proportion", "high_good")
    assert trend.p_value == pytest.approx(expected)


def test_trend_none_when_flat_and_words_for_low_good():
    flat = stats.trend_test([50, 50, 50, 50, 50], [100] * 5, "proportion", "high_good")
    assert flat.words == "no significant change"
    worse = stats.trend_test([10, 20, 30, 40, 50], [1000] * 5, "rate", "low_good")
    assert worse.words == "increasing and getting worse"


def test_trend_cannot_be_calculated_with_two_periods_or_medians():
    assert stats.trend_test([1, 2], [10, 10]).words == "could not be calculated"
    assert stats.trend_test([1, 2, 3], [10, 10, 10], "median").words == "could not be calculated"
