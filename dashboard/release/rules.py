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

# Why a cell is not shown: one vocabulary, the words every page, CSV and pack uses (a hidden
# cell carries its own reason from the release layer in ``suppression_reason``)
SUPPRESSED_TEXT = f"Not shown: fewer than {SMALL_BELOW} people"  # a count of 1-4
SMALL_BASE_TEXT = f"Not shown: out of fewer than {SMALL_BELOW} people"  # a base under 5
COMPLEMENT_TEXT = f"Not shown: all but fewer than {SMALL_BELOW} people"  # a complement of 1-4
SECONDARY_TEXT = "Not shown: would reveal a small number"  # hidden to protect another cell
FEW_COUNCILS_TEXT = f"Not shown: fewer than {MIN_COUNCILS} councils"
FEW_RECORDS_TEXT = f"Not shown: a median needs at least {MIN_MEDIAN_RECORDS} records"
REASONS = {
    "small count": SUPPRESSED_TEXT, "small base": SMALL_BASE_TEXT, "complement": COMPLEMENT_TEXT,
    "secondary": SECONDARY_TEXT, "few councils": FEW_COUNCILS_TEXT, "few records": FEW_RECORDS_TEXT,
}

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


def primary_reason(count, base, kind: str) -> np.ndarray:
    """Each cell's primary reason (the words of ``REASONS``; None where the cell is not hidden by
    the primary rule). The first that applies: a base under 5 (or, for a median, 5-9 records),
    a count of 1-4, a complement of 1-4."""
    count = np.asarray(count, dtype=float)
    base = np.asarray(base, dtype=float)
    out = np.array([None] * count.size, dtype=object).reshape(count.shape)
    if kind == "median":
        out[base < MIN_MEDIAN_RECORDS] = FEW_RECORDS_TEXT
    if kind == "proportion":
        out[is_small(base - count)] = COMPLEMENT_TEXT
    if kind in ("proportion", "rate", "count"):
        out[is_small(count)] = SUPPRESSED_TEXT
    out[np.isnan(base) | (base < SMALL_BELOW)] = SMALL_BASE_TEXT
    return out


def not_shown(reason) -> str:
    """The words for a hidden cell: its own reason when it carries one, else the small-count words."""
    return reason if isinstance(reason, str) and reason in REASONS.values() else SUPPRESSED_TEXT


def cell_text(hidden: bool, reason, shown: str) -> str:
    """A table cell as viewers read it: ``shown`` (already formatted), or why it is not shown."""
    return not_shown(reason) if hidden else shown


def intervals_from_shown(frame: pd.DataFrame, kind: str, multiplier=None, base=None) -> pd.DataFrame:
    """Intervals as viewers see them, worked out from what viewers see: the value to 1 decimal
    place and the base rounded to 5 (``base``: the rounded base where the frame's own is not
    shown, as for an aggregate). A Wilson or Byar interval from the exact figures would narrow a
    rounded count and base down to one pair; from the shown figures it tells nothing more.
    ``kind``: proportion (value in percent) or rate (value per ``multiplier``)."""
    from dashboard.figures import stats

    frame = frame.copy()
    value = pd.to_numeric(frame["value"], errors="coerce").astype(float).to_numpy()
    n = np.asarray(frame["base"] if base is None else base, dtype=float)
    mult = np.broadcast_to(np.asarray(100.0 if multiplier is None else multiplier, dtype=float), value.shape)
    for level, suffix in ((95, "95"), (99.8, "998")):
        lows, highs = [], []
        for v, b, m in zip(value, n, mult):
            if not (np.isfinite(v) and np.isfinite(b) and b > 0):
                lows.append(np.nan)
                highs.append(np.nan)
            elif kind == "proportion":
                lo, hi = stats.wilson_interval(min(max(v / 100, 0.0), 1.0) * b, b, level)
                lows.append(lo * 100)
                highs.append(hi * 100)
            else:
                lo, hi = stats.byar_interval(v * b / m, level)
                lows.append(lo / b * m)
                highs.append(hi / b * m)
        frame[f"lower_{suffix}"] = round_value(np.asarray(lows, dtype=float))
        frame[f"upper_{suffix}"] = round_value(np.asarray(highs, dtype=float))
    return frame


def shown_values(frame, fmt, col: str = "value") -> list[str]:
    """Each row's value as a table shows it (``fmt``), or its own reason where it is hidden
    (``suppressed`` and ``suppression_reason`` from the release layer)."""
    reasons = frame["suppression_reason"] if "suppression_reason" in frame else [None] * len(frame)
    return [cell_text(bool(s), r, "" if bool(s) else fmt(v)) for v, s, r in zip(frame[col], frame["suppressed"], reasons)]


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
