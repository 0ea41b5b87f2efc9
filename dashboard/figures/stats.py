"""Honest statistics, as the Fingertips methods describe them.

- Proportions: Wilson score interval (95% and 99.8%).
- Rates of counts: Byar's approximation, exact Poisson (chi-square) below 10 events.
- Medians: order-statistic interval (ranks n/2 -+ z*sqrt(n)/2), the same ranks the median
  queries in ``queries/`` pick.
- Comparison with a benchmark: the interval wholly above or below the benchmark value.
- Trend: chi-square test for linear trend over the latest five periods.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import optimize, special
from scipy import stats as sps

Z = {95: 1.959963984540054, 99.8: 3.090232306167813}


def wilson_interval(count: float, n: float, level: float = 95) -> tuple[float, float]:
    """Wilson score interval for ``count`` of ``n`` as proportions (0-1)."""
    if n is None or n <= 0 or count is None or math.isnan(n) or math.isnan(count):
        return (math.nan, math.nan)
    z = Z[level]
    p = count / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    # clamp rounding error so the interval always contains the value (p = 0 or 1)
    return (max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half)))


def wilson_percent(shares, bases, level: float = 95) -> tuple[list[float], list[float]]:
    """Wilson intervals in percent for each share (0 to 1) of a base: (lowers, uppers); NaN where
    the share is missing or the base is missing or 0."""
    bounds = [wilson_interval(p * n, n, level) if n == n and p == p and n > 0 else (math.nan, math.nan)
              for p, n in zip(shares, bases)]
    return [b[0] * 100 for b in bounds], [b[1] * 100 for b in bounds]


def byar_interval(count: float, level: float = 95) -> tuple[float, float]:
    """Interval for an observed count of events: exact Poisson below 10, Byar's above."""
    if count is None or math.isnan(count) or count < 0:
        return (math.nan, math.nan)
    alpha = 1 - level / 100
    if count < 10:
        lower = 0.0 if count == 0 else sps.chi2.ppf(alpha / 2, 2 * count) / 2
        upper = sps.chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
        return (float(lower), float(upper))
    z = Z[level]
    lower = count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    upper = (count + 1) * (1 - 1 / (9 * (count + 1)) + z / (3 * math.sqrt(count + 1))) ** 3
    return (lower, upper)


def median_interval_ranks(n: int, level: float = 95) -> tuple[int, int]:
    """1-based ranks of the sorted values bounding the median's interval."""
    z = Z[level]
    lower = max(1, math.floor(n / 2 - z * math.sqrt(n) / 2))
    upper = min(n, math.ceil(1 + n / 2 + z * math.sqrt(n) / 2))
    return lower, upper


def median_interval(values, level: float = 95) -> tuple[float, float, float]:
    """(median, lower, upper) for a sample, by order statistics."""
    data = np.sort(np.asarray(values, dtype=float))
    if data.size == 0:
        return (math.nan, math.nan, math.nan)
    lo, hi = median_interval_ranks(data.size, level)
    return (float(np.median(data)), float(data[lo - 1]), float(data[hi - 1]))


# ------------------------------------------------------------------ comparisons

BETTER, SIMILAR, WORSE = "better", "similar", "worse"
HIGHER, LOWER = "higher", "lower"
NOT_COMPARED = "not compared"


def compare(lower: float, upper: float, benchmark: float, polarity: str) -> str:
    """Better / similar / worse (or higher / similar / lower) against a benchmark value."""
    if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in (lower, upper, benchmark)):
        return NOT_COMPARED
    if lower > benchmark:
        side = HIGHER
    elif upper < benchmark:
        side = LOWER
    else:
        return SIMILAR
    if polarity == "high_good":
        return BETTER if side == HIGHER else WORSE
    if polarity == "low_good":
        return BETTER if side == LOWER else WORSE
    return side


# ------------------------------------------------------------------ trends


@dataclass(frozen=True)
class Trend:
    direction: str  # increasing, decreasing, none, unknown
    words: str  # "increasing and getting better", "no significant change", ...
    arrow: str
    p_value: float | None


def _trend_words(direction: str, polarity: str) -> tuple[str, str]:
    if direction == "none":
        return "no significant change", "→"
    if direction == "unknown":
        return "could not be calculated", "–"
    arrow = "↑" if direction == "increasing" else "↓"
    if polarity == "none":
        return direction, arrow
    good = (direction == "increasing") == (polarity == "high_good")
    return f"{direction} and {'getting better' if good else 'getting worse'}", arrow


def trend_test(
    counts, bases, kind: str = "proportion", polarity: str = "high_good", alpha: float = 0.05
) -> Trend:
    """Chi-square test for linear trend over consecutive periods (oldest first).

    Proportions: the Cochran-Armitage chi-square for trend. Rates: the score test for a
    linear trend in Poisson rates with ``bases`` as person-time. Needs at least 3 periods
    with data; medians are not tested.
    """
    counts = np.asarray(counts, dtype=float)
    bases = np.asarray(bases, dtype=float)
    keep = ~(np.isnan(counts) | np.isnan(bases)) & (bases > 0)
    counts, bases = counts[keep], bases[keep]
    scores = np.arange(len(keep), dtype=float)[keep]
    if kind not in ("proportion", "rate") or counts.size < 3:
        words, arrow = _trend_words("unknown", polarity)
        return Trend("unknown", words, arrow, None)
    if kind == "proportion":
        total_n, total_x = bases.sum(), counts.sum()
        p = total_x / total_n
        if p <= 0 or p >= 1:
            words, arrow = _trend_words("none", polarity)
            return Trend("none", words, arrow, 1.0)
        t = np.sum(scores * (counts - bases * p))
        var = p * (1 - p) * (np.sum(bases * scores**2) - np.sum(bases * scores) ** 2 / total_n)
    else:
        total_e, total_x = bases.sum(), counts.sum()
        if total_x <= 0:
            words, arrow = _trend_words("none", polarity)
            return Trend("none", words, arrow, 1.0)
        expected = bases * total_x / total_e
        t = np.sum(scores * (counts - expected))
        var = total_x * (np.sum(bases * scores**2) / total_e - (np.sum(bases * scores) / total_e) ** 2)
    if var <= 0:
        words, arrow = _trend_words("unknown", polarity)
        return Trend("unknown", words, arrow, None)
    chi2 = t * t / var
    p_value = float(sps.chi2.sf(chi2, 1))
    direction = "none" if p_value >= alpha else ("increasing" if t > 0 else "decreasing")
    words, arrow = _trend_words(direction, polarity)
    return Trend(direction, words, arrow, p_value)


# ------------------------------------------------------------------ comparison at a chosen level


def level_suffix(level: float) -> str:
    """The column suffix of an interval level: "95" for 95%, "998" for 99.8%."""
    return "95" if level == 95 else "998"


def compare_at(row, benchmark: float, polarity: str, level: float = 95) -> str:
    """``compare`` with the 95% or 99.8% interval of a figure row (a mapping with lower_95,
    upper_95, lower_998, upper_998 and suppressed)."""
    if bool(row.get("suppressed", False)):
        return NOT_COMPARED
    suffix = level_suffix(level)
    return compare(row.get(f"lower_{suffix}"), row.get(f"upper_{suffix}"), benchmark, polarity)


# ------------------------------------------------------------------ funnel plots


def _interpolated_quantile(cdf, ppf, p: float) -> float:
    """Spiegelhalter's (2005) interpolated quantile of a discrete distribution: r_p is the
    smallest r with F(r) >= p; the limit is r_p - alpha with
    alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1))."""
    r = float(ppf(p))
    upper = float(cdf(r))
    below = float(cdf(r - 1)) if r >= 1 else 0.0
    if upper == below:
        return r
    alpha = (upper - p) / (upper - below)
    return r - alpha


def funnel_limits_proportion(target: float, n, level: float = 95, method: str = "normal") -> tuple[np.ndarray, np.ndarray]:
    """Funnel-plot control limits (0-1) around a target proportion for sample sizes ``n``.

    ``normal`` (default, as the PHE/UKHSA funnel tools behind Fingertips, PHEindicatormethods'
    ``phe_funnels``): target -+ z * sqrt(target * (1 - target) / n), kept within 0-1.
    ``exact``: binomial quantiles with Spiegelhalter's interpolation (Statistics in Medicine
    2005; 24:1185-1202), better for small n."""
    n = np.atleast_1d(np.asarray(n, dtype=float))
    if method == "normal":
        with np.errstate(divide="ignore", invalid="ignore"):
            half = Z[level] * np.sqrt(target * (1 - target) / n)
        bad = ~(n > 0) | (not 0 <= target <= 1)
        lower = np.where(bad, np.nan, np.clip(target - half, 0, 1))
        upper = np.where(bad, np.nan, np.clip(target + half, 0, 1))
        return lower, upper
    p = (1 - level / 100) / 2
    lower, upper = [], []
    for size in n:
        if not size > 0 or not 0 <= target <= 1:
            lower.append(math.nan)
            upper.append(math.nan)
            continue
        dist = sps.binom(int(round(size)), target)
        lower.append(max(0.0, _interpolated_quantile(dist.cdf, dist.ppf, p)) / size)
        upper.append(min(size, _interpolated_quantile(dist.cdf, dist.ppf, 1 - p)) / size)
    return np.array(lower), np.array(upper)


def _events_at_limit(expected: float, tail: float, side: str) -> float:
    """The (continuous) number of events whose exact Poisson limit equals ``expected``.

    PHE's funnels for rates (PHEindicatormethods ``phe_funnels(statistic = "rate")``, from the
    APHO funnel plot tool) take, for each number of events O, the population at which O is on
    the limit: the upper limit passes through (LCL(O) / target, O / population) where
    LCL(O) = chi2.ppf(tail, 2 O) / 2 is O's exact lower Poisson limit, and the lower limit
    through (UCL(O) / target, ...) with UCL(O) = chi2.ppf(1 - tail, 2 O + 2) / 2. Here the
    curve is read at any population by solving for O (the regularised incomplete gamma function
    is continuous in O), so at a whole O it is exactly PHE's point."""
    if side == "upper":  # LCL(O) = expected  <=>  P(O, expected) = tail (regularised lower gamma)
        def gap(o):
            return special.gammainc(o, expected) - tail
        low = 1e-12
    else:  # UCL(O) = expected  <=>  Q(O + 1, expected) = tail
        def gap(o):
            return tail - special.gammaincc(o + 1, expected)
        low = 0.0
        if gap(low) < 0:  # fewer expected than the 0-event limit: the lower limit is 0
            return 0.0
    high = expected + 10 * math.sqrt(expected) + 10
    while gap(high) > 0:
        high *= 2
    return optimize.brentq(gap, low, high, xtol=1e-12, rtol=1e-12)


def funnel_limits_rate(target_rate: float, denominator, level: float = 95) -> tuple[np.ndarray, np.ndarray]:
    """Funnel-plot limits for a rate (events per unit of ``denominator``) around a target rate,
    by the PHE method: exact Poisson limits for each number of events (see ``_events_at_limit``;
    checked against PHEindicatormethods' reference outputs in ``tests/fixtures/issue12``)."""
    den = np.atleast_1d(np.asarray(denominator, dtype=float))
    tail = (1 - level / 100) / 2
    lower, upper = [], []
    for size in den:
        if not size > 0 or not target_rate >= 0:
            lower.append(math.nan)
            upper.append(math.nan)
            continue
        expected = target_rate * size
        if expected == 0:
            lower.append(0.0)
            upper.append(0.0)
            continue
        lower.append(_events_at_limit(expected, tail, "lower") / size)
        upper.append(_events_at_limit(expected, tail, "upper") / size)
    return np.array(lower), np.array(upper)


def funnel_position(value: float, lower95: float, upper95: float, lower998: float, upper998: float) -> str:
    """Where a point lies against its funnel limits, in words."""
    if any(v != v for v in (value, lower95, upper95, lower998, upper998)):
        return "not compared"
    if value > upper998 or value < lower998:
        return "outside the 99.8% limits"
    if value > upper95 or value < lower95:
        return "outside the 95% limits"
    return "within the limits"


def quintile_labels(values) -> list[int | None]:
    """Quintile (1 lowest .. 5 highest) of each value among the values given (NaN -> None)."""
    data = np.asarray(values, dtype=float)
    ok = ~np.isnan(data)
    out: list[int | None] = [None] * len(data)
    if ok.sum() == 0:
        return out
    ranks = sps.rankdata(data[ok], method="average")
    quint = np.ceil(ranks / ok.sum() * 5).astype(int).clip(1, 5)
    for index, q in zip(np.flatnonzero(ok), quint):
        out[index] = int(q)
    return out
