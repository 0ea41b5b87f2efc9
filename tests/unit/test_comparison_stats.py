"""Statistics for comparing areas: intervals against known values, properties, funnel limits
against published reference outputs and an independent computation, comparisons by level."""

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps

from dashboard.figures import stats

HERE = Path(__file__).resolve().parent.parent / "fixtures" / "issue4"


def test_wilson_interval_for_3605_of_4235():
    lower, upper = stats.wilson_interval(3605, 4235, 95)
    assert round(lower * 100, 2) == 84.02 and round(upper * 100, 2) == 86.16
    lower998, upper998 = stats.wilson_interval(3605, 4235, 99.8)
    assert lower998 < lower and upper998 > upper


def test_wilson_matches_statsmodels_independent_implementation():
    from statsmodels.stats.proportion import proportion_confint

    for count, n in [(65, 100), (1045, 5000), (3605, 4235), (0, 12), (12, 12)]:
        for level in (95, 99.8):
            ours = stats.wilson_interval(count, n, level)
            theirs = proportion_confint(count, n, alpha=1 - level / 100, method="wilson")
            assert ours == pytest.approx(theirs, abs=1e-6)


def test_byar_matches_exact_poisson_within_published_accuracy():
    # PHE Technical Guide "Confidence Intervals" (2018), Appendix 1: for 95% intervals Byar's
    # method is within 0.2% of the exact value for numerators of 10 or more.
    for count in (10, 25, 100, 389, 1000):
        lower, upper = stats.byar_interval(count, 95)
        exact_lower = sps.chi2.ppf(0.025, 2 * count) / 2
        exact_upper = sps.chi2.ppf(0.975, 2 * count + 2) / 2
        assert lower == pytest.approx(exact_lower, rel=0.002)
        assert upper == pytest.approx(exact_upper, rel=0.002)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=100_000), share=st.floats(min_value=0, max_value=1),
       level=st.sampled_from([95, 99.8]))
def test_wilson_interval_contains_the_value(n, share, level):
    count = round(share * n)
    lower, upper = stats.wilson_interval(count, n, level)
    assert 0 <= lower <= count / n <= upper <= 1


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=5, max_value=20_000), share=st.floats(min_value=0.05, max_value=0.95),
       factor=st.integers(min_value=2, max_value=50))
def test_wilson_interval_narrows_as_n_grows(n, share, factor):
    small = stats.wilson_interval(share * n, n)
    big = stats.wilson_interval(share * n * factor, n * factor)
    assert big[1] - big[0] < small[1] - small[0]
    wide = stats.wilson_interval(share * n, n, 99.8)
    assert wide[1] - wide[0] > small[1] - small[0]


@settings(max_examples=100, deadline=None)
@given(count=st.integers(min_value=0, max_value=5000), level=st.sampled_from([95, 99.8]))
def test_byar_interval_contains_the_count(count, level):
    lower, upper = stats.byar_interval(count, level)
    assert lower <= count <= upper


def test_proportion_funnel_limits_match_phe_reference_outputs():
    ref = pd.read_csv(HERE / "phe_funnel_prop_outputs.csv", comment="#")
    target = ref["Baseline"].iloc[0] / 100
    for level, lo_col, hi_col in ((95, "Lower2s0025limit", "Upper2s0025limit"),
                                  (99.8, "Lower3s0001limit", "Upper3s0001limit")):
        lower, upper = stats.funnel_limits_proportion(target, ref["Population"], level)
        assert np.allclose(lower * 100, ref[lo_col], atol=1e-5)
        assert np.allclose(upper * 100, ref[hi_col], atol=1e-5)


def _brute_force_quantile(pmf, p):
    """Spiegelhalter's interpolated quantile from a plain cumulative sum (no scipy ppf)."""
    cumulative = np.cumsum(pmf)
    r = int(np.argmax(cumulative >= p - 1e-12))
    below = cumulative[r - 1] if r > 0 else 0.0
    return r - (cumulative[r] - p) / (cumulative[r] - below)


@pytest.mark.parametrize("n,target", [(20, 0.8), (57, 0.35), (400, 0.62)])
def test_exact_binomial_funnel_limits_against_independent_computation(n, target):
    pmf = np.array([math.comb(n, k) * target**k * (1 - target) ** (n - k) for k in range(n + 1)])
    for level in (95, 99.8):
        p = (1 - level / 100) / 2
        lower, upper = stats.funnel_limits_proportion(target, [n], level, method="exact")
        assert lower[0] == pytest.approx(max(0, _brute_force_quantile(pmf, p)) / n, abs=1e-9)
        assert upper[0] == pytest.approx(_brute_force_quantile(pmf, 1 - p) / n, abs=1e-9)


# rate funnels follow the PHE method since issue 12: tests/unit/test_rate_funnels.py


def test_funnel_limits_narrow_as_n_grows_and_the_998_limits_are_wider():
    sizes = np.array([10, 50, 200, 1000, 5000])
    lo95, hi95 = stats.funnel_limits_proportion(0.6, sizes, 95)
    lo998, hi998 = stats.funnel_limits_proportion(0.6, sizes, 99.8)
    assert np.all(np.diff(hi95 - lo95) < 0)
    assert np.all(lo998 <= lo95) and np.all(hi998 >= hi95)


def test_funnel_position_in_words():
    assert stats.funnel_position(50, 40, 60, 35, 65) == "within the limits"
    assert stats.funnel_position(62, 40, 60, 35, 65) == "outside the 95% limits"
    assert stats.funnel_position(70, 40, 60, 35, 65) == "outside the 99.8% limits"
    assert stats.funnel_position(float("nan"), 40, 60, 35, 65) == "not compared"


def test_compare_at_uses_the_chosen_level_and_polarity():
    row = {"lower_95": 51.0, "upper_95": 59.0, "lower_998": 48.0, "upper_998": 62.0, "suppressed": False}
    assert stats.compare_at(row, 50.0, "high_good", 95) == stats.BETTER
    assert stats.compare_at(row, 50.0, "high_good", 99.8) == stats.SIMILAR
    assert stats.compare_at(row, 50.0, "low_good", 95) == stats.WORSE
    assert stats.compare_at(row, 50.0, "none", 95) == stats.HIGHER
    assert stats.compare_at({**row, "suppressed": True}, 50.0, "high_good", 95) == stats.NOT_COMPARED


def test_quintiles():
    assert stats.quintile_labels([1, 2, 3, 4, 5, float("nan")]) == [1, 2, 3, 4, 5, None]
    assert stats.quintile_labels(list(range(10))) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
