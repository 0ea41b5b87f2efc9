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
