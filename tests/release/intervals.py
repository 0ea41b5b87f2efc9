"""What an interval shown to 1 decimal place says about a cell's count and base.

A Wilson or Byar interval is not linear in the count and base, so the audit cannot write it as a
constraint; instead every (count, base) consistent with everything a cell shows is enumerated,
and the smallest and largest that fit are added to the audit as linear constraints (the hull).

The release layer works intervals out from the shown value and the base rounded to 5
(``rules.intervals_from_shown``): a council's interval is then a function of its shown figures
and says nothing more (the audit checks that it is); an aggregate's says which multiples of 5
its base may be rounded to (``rounded_base_hull``). ``proportion_hull`` and ``rate_hull`` model
intervals from the exact figures (what the layer did before), for the regression test.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import chi2

from dashboard.figures import stats
from dashboard.release import rules

H = 0.5 * 10 ** -rules.DECIMALS + 1e-9
CAP = 200_000  # no base in the fixture comes near it
LEVELS = ((95, "95"), (99.8, "998"))


def _wilson(p, n, level):
    z = stats.Z[level]
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * np.sqrt(np.maximum(p * (1 - p), 0) / n + z * z / (4 * n * n))
    return np.maximum(0.0, np.minimum(p, centre - half)), np.minimum(1.0, np.maximum(p, centre + half))


def _byar(c, level):
    c = np.asarray(c, dtype=float)
    alpha = 1 - level / 100
    z = stats.Z[level]
    with np.errstate(all="ignore"):
        small_lo = np.where(c == 0, 0.0, chi2.ppf(alpha / 2, 2 * np.maximum(c, 1e-9)) / 2)
        small_hi = chi2.ppf(1 - alpha / 2, 2 * c + 2) / 2
        big_lo = c * (1 - 1 / (9 * c) - z / (3 * np.sqrt(c))) ** 3
        big_hi = (c + 1) * (1 - 1 / (9 * (c + 1)) + z / (3 * np.sqrt(c + 1))) ** 3
    return np.where(c < 10, small_lo, big_lo), np.where(c < 10, small_hi, big_hi)


def _shown(x) -> bool:
    return x is not None and x == x


def proportion_hull(value, ends: dict, count_range=(0, CAP), base_range=(1, CAP), exact=True):
    """(count low, count high, base low, base high) consistent with a proportion's value (%) and
    interval ends {"lower_95": .., ...} at 1 dp; None where nothing fits (a wrong model)."""
    lo_b, hi_b = max(1, int(np.ceil(base_range[0]))), int(np.floor(base_range[1]))
    n = np.arange(lo_b, hi_b + 1, dtype=float)
    pl, ph = max(0.0, (value - H) / 100), min(1.0, (value + H) / 100)
    ok = np.ones(len(n), dtype=bool)
    if exact:  # some whole count of n people has this share, within the count's range
        c_lo = np.maximum(np.ceil(pl * n - 1e-9), count_range[0])
        c_hi = np.minimum(np.floor(ph * n + 1e-9), count_range[1])
        ok &= c_hi >= c_lo
    for level, suffix in LEVELS:
        for end, name in ((0, "lower"), (1, "upper")):
            pub = ends.get(f"{name}_{suffix}")
            if not _shown(pub):
                continue
            a = _wilson(pl, n, level)[end] * 100  # each end grows with the share
            b = _wilson(ph, n, level)[end] * 100
            ok &= (a <= pub + H) & (b >= pub - H)
    if not ok.any():
        return None
    n = n[ok]
    if exact:
        c_lo = np.maximum(np.ceil(pl * n - 1e-9), count_range[0])
        c_hi = np.minimum(np.floor(ph * n + 1e-9), count_range[1])
        return float(c_lo.min()), float(c_hi.max()), float(n.min()), float(n.max())
    return float(count_range[0]), float(count_range[1]), float(n.min()), float(n.max())


def rate_hull(value, ends: dict, mult: float, count_range=(0, CAP), base_range=(1, CAP)):
    """The same for a rate per ``mult`` with Byar's interval (which depends on the count alone)."""
    c = np.arange(int(np.ceil(count_range[0])), int(np.floor(min(count_range[1], CAP))) + 1, dtype=float)
    lo = np.full(len(c), float(base_range[0]))
    hi = np.full(len(c), float(base_range[1]))

    def within(x, pub):  # x * mult / base within pub +- H -> base in [x*mult/(pub+H), x*mult/(pub-H)]
        with np.errstate(divide="ignore", invalid="ignore"):
            low = np.where(x > 0, x * mult / (pub + H), 0.0)
            high = np.where(x > 0, np.where(pub - H > 0, x * mult / (pub - H), np.inf), np.inf)
        # x == 0: any base fits a shown 0.0, none fits a shown figure above 0
        bad = (x <= 0) & (pub - H > 0)
        return low, np.where(bad, -np.inf, high)

    for x, pub in [(c, value)] + [(_byar(c, level)[end], ends.get(f"{name}_{suffix}"))
                                  for level, suffix in LEVELS for end, name in ((0, "lower"), (1, "upper"))]:
        if not _shown(pub):
            continue
        low, high = within(x, pub)
        lo, hi = np.maximum(lo, low), np.minimum(hi, high)
    ok = np.ceil(lo - 1e-9) <= np.floor(hi + 1e-9)
    if not ok.any():
        return None
    return float(c[ok].min()), float(c[ok].max()), float(np.ceil(lo[ok] - 1e-9).min()), float(np.floor(hi[ok] + 1e-9).max())


def rounded_base_hull(kind: str, value, ends: dict, mult: float = 100.0):
    """(base low, base high) for a cell whose intervals come from its shown value and its base
    rounded to 5 (an aggregate's base is not shown): every multiple of 5 whose intervals match
    the shown ones, widened by the rounding. None where nothing fits."""
    m = np.arange(rules.ROUND_TO, CAP, rules.ROUND_TO, dtype=float)
    ok = np.ones(len(m), dtype=bool)
    for level, suffix in LEVELS:
        if kind == "proportion":
            got = [x * 100 for x in _wilson(min(max(value / 100, 0.0), 1.0), m, level)]
        else:
            got = [x / m * mult for x in _byar(value * m / mult, level)]
        for end, name in ((0, "lower"), (1, "upper")):
            pub = ends.get(f"{name}_{suffix}")
            if _shown(pub):
                ok &= np.abs(got[end] - pub) <= H + 1e-9
    if not ok.any():
        return None
    half = rules.ROUND_TO / 2
    return float(m[ok].min() - half), float(m[ok].max() + half)
