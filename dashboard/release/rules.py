"""The disclosure rules: the only place their thresholds live (README "How figures are counted").

They follow NHS England's practice for its Adult Social Care Survey (ASCS) and ASCOF releases:

- primary suppression: a count of 1-4, a base under 5, or (for a proportion) a complement of 1-4;
- counts and bases shown to viewers are rounded to the nearest 5;
- percentages and rates are worked out from the unrounded figures and shown to 1 decimal place;
- an aggregate of councils (a region, a comparison group, all areas) is published only when at
  least 3 councils contribute to it;
- secondary suppression: in every published relation (a total and its parts, an aggregate and
  its councils, an indicator and its breakdown tables) a hidden cell is never the only unknown;
- windows of years never overlap;
- a median and its interval only from at least 10 records.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: a count of 1 to SMALL_BELOW - 1, or a base under SMALL_BELOW, is never shown
SMALL_BELOW = 5
#: counts and bases shown to viewers are rounded to the nearest ROUND_TO
ROUND_TO = 5
#: percentages and rates are shown to DECIMALS decimal places (downloads included)
DECIMALS = 1
#: an aggregate of councils is published only when at least MIN_COUNCILS councils contribute
MIN_COUNCILS = 3
#: a median and its interval only from at least MIN_MEDIAN_RECORDS records
MIN_MEDIAN_RECORDS = 10
#: windows of years (decisions) are this many years long and never overlap
WINDOW_YEARS = 3
#: the first year of the first window (financial year 2013-14)
WINDOW_ORIGIN = 2013

SUPPRESSED_TEXT = "Not shown: fewer than 5 people"
SECONDARY_TEXT = "Not shown: would reveal a small number"
FEW_COUNCILS_TEXT = f"Not shown: fewer than {MIN_COUNCILS} councils"
FEW_RECORDS_TEXT = f"Not shown: a median needs at least {MIN_MEDIAN_RECORDS} records"

VALUE_COLUMNS = ["value", "lower_95", "upper_95", "lower_998", "upper_998"]
COUNT_COLUMNS = ["count", "base", "numerator", "denominator"]


def is_small(x) -> np.ndarray:
    """True for a count of 1-4 (0 is not small: nobody to find)."""
    x = np.asarray(x, dtype=float)
    return (x >= 1) & (x < SMALL_BELOW)


def round_count(x):
    """Counts and bases as viewers see them: to the nearest 5 (halves up; NaN stays NaN)."""
    x = np.asarray(x, dtype=float)
    out = np.floor(x / ROUND_TO + 0.5) * ROUND_TO
    return out if out.ndim else float(out)


def round_value(x):
    """Percentages, rates, medians and intervals as viewers see them: 1 decimal place."""
    from dashboard.figures.catalogue import round_half_up  # NHS England's rounding: half away from zero

    x = np.asarray(x, dtype=float)
    out = np.array([float(round_half_up(v, DECIMALS)) if np.isfinite(v) else v for v in x.ravel()]).reshape(x.shape)
    return out if out.ndim else float(out)


def primary(count, base, kind: str) -> np.ndarray:
    """Primary suppression for indicator cells (``kind``: proportion, rate or median)."""
    count = np.asarray(count, dtype=float)
    base = np.asarray(base, dtype=float)
    mask = np.isnan(base) | (base < SMALL_BELOW)
    if kind in ("proportion", "rate"):
        mask |= is_small(count)
    if kind == "proportion":
        mask |= is_small(base - count)
    if kind == "median":
        mask |= base < MIN_MEDIAN_RECORDS
    return mask


def window_of(period: str) -> list[str]:
    """The fixed window of WINDOW_YEARS financial years that holds ``period``.

    Windows are counted from WINDOW_ORIGIN (2013-14, 2016-17, ..., 2022-23 to 2024-25), whatever
    the data holds, so two windows never share a year, not even across data versions: the
    difference between two published windows is never a single year."""
    year = int(period[:4])
    start = WINDOW_ORIGIN + ((year - WINDOW_ORIGIN) // WINDOW_YEARS) * WINDOW_YEARS
    return [f"{y}-{(y + 1) % 100:02d}" for y in range(start, start + WINDOW_YEARS)]


def publish_counts(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Round the named count columns for viewers (hidden cells stay NaN)."""
    frame = frame.copy()
    for col in columns:
        if col in frame.columns:
            frame[col] = round_count(pd.to_numeric(frame[col], errors="coerce").astype(float))
    return frame


def publish_values(frame: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """Round the value columns for viewers to DECIMALS places."""
    frame = frame.copy()
    for col in columns or VALUE_COLUMNS:
        if col in frame.columns:
            frame[col] = round_value(pd.to_numeric(frame[col], errors="coerce").astype(float))
    return frame
