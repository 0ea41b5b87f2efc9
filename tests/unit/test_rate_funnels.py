"""Rate funnels by the PHE method (issue 12): exact Poisson limits for each number of events,
as PHEindicatormethods' ``phe_funnels(statistic = "rate")`` draws them.

Two sets of reference values:
- PHE's own: rows of PHEindicatormethods' test outputs (tests/fixtures/issue12/phe_funnel_rate_outputs.csv,
  source and commit in the file's header);
- independent: PHE's formulas evaluated here with scipy.stats.chi2 (the exact Poisson limits of
  O events are chi2.ppf(tail, 2 O) / 2 and chi2.ppf(1 - tail, 2 O + 2) / 2; the upper funnel
  passes through (LCL(O) / target, O / population), the lower through (UCL(O) / target, ...)).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2

from dashboard.figures import stats
from tests.conftest import ROOT

PHE = ROOT / "tests" / "fixtures" / "issue12" / "phe_funnel_rate_outputs.csv"
YEARS = 3  # PHE's test data pools three years: population_1_year x 3 is the denominator
PER = 100_000


def _phe() -> pd.DataFrame:
    return pd.read_csv(PHE, comment="#")


@pytest.mark.parametrize("level, tag", [(95, "2s"), (99.8, "3s")])
def test_rate_limits_match_phe_reference_outputs(level, tag):
    ref = _phe()
    target = ref["baseline"].iloc[0] / PER
    upper_at = ref[f"upper_{tag}_population_1_year"].to_numpy() * YEARS
    lower_at = ref[f"lower_{tag}_population_1_year"].to_numpy() * YEARS
    upper = stats.funnel_limits_rate(target, upper_at, level)[1] * PER
    lower = stats.funnel_limits_rate(target, lower_at, level)[0] * PER
    # PHE bisects to 1e-7, and prints 10 significant figures
    np.testing.assert_allclose(upper, ref[f"upper_{tag}_limit"], rtol=2e-5)
    np.testing.assert_allclose(lower, ref[f"lower_{tag}_limit"], rtol=2e-5)


@pytest.mark.parametrize("level", [95, 99.8])
@pytest.mark.parametrize("per_1000", [2.5, 14.6, 80.0])
def test_rate_limits_match_chi2_reference_for_each_number_of_events(level, per_1000):
    tail = (1 - level / 100) / 2
    target = per_1000 / 1000
    events = np.arange(1, 201)
    pop_upper = chi2.ppf(tail, 2 * events) / 2 / target
    pop_lower = chi2.ppf(1 - tail, 2 * events + 2) / 2 / target
    upper = stats.funnel_limits_rate(target, pop_upper, level)[1]
    lower = stats.funnel_limits_rate(target, pop_lower, level)[0]
    np.testing.assert_allclose(upper, events / pop_upper, rtol=1e-9)
    np.testing.assert_allclose(lower, events / pop_lower, rtol=1e-9)


def test_small_council_upper_limit_is_phe_not_the_poisson_quantile():
    # 18 people supported around 15 breakdowns per 1,000: PHE's 95% upper limit is 116.0 per
    # 1,000 (the interpolated Poisson quantile used before gave 66.6: 49.4 per 1,000 too low)
    lower, upper = stats.funnel_limits_rate(0.015, [18], 95)
    assert upper[0] * 1000 == pytest.approx(115.96, abs=0.01)
    assert lower[0] == 0.0  # 0.27 expected events: below the 0-event limit


def test_lower_limit_is_zero_below_the_zero_event_limit_and_limits_narrow():
    target = 0.01
    zero_event = -np.log(0.025) / target  # UCL(0) / target: about 369 people
    lower, _ = stats.funnel_limits_rate(target, [zero_event * 0.99, zero_event * 1.01], 95)
    assert lower[0] == 0.0 and lower[1] > 0.0
    sizes = np.geomspace(50, 50_000, 30)
    lo, hi = stats.funnel_limits_rate(target, sizes, 95)
    assert np.all(np.diff(hi) < 0) and np.all(np.diff(lo) >= 0)
    assert np.all(lo <= target) and np.all(hi >= target)
