"""Small numbers are never shown (domain.md): the one place the rule is applied.

Primary suppression: a figure built from fewer than 5 people (base), or resting on a count of
1-4 (or, for a proportion, a complement of 1-4, which reveals the same people).
Secondary suppression: where a table shows a total beside its parts, and exactly one part in a
group is suppressed, the next smallest part is suppressed too so the total cannot reveal it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.config import SUPPRESSION_THRESHOLD as T

SUPPRESSED_TEXT = "Not shown: fewer than 5 people"
COUNT_COLUMNS = ["count", "base", "numerator", "denominator"]
VALUE_COLUMNS = ["value", "lower_95", "upper_95", "lower_998", "upper_998"]


def is_small(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    return (x >= 1) & (x < T)


def primary_mask(frame: pd.DataFrame, kind: str) -> pd.Series:
    base = frame["base"].astype(float)
    count = frame["count"].astype(float)
    # a published ASCOF value without counts (outcome only, or with a margin of error) is
    # shown as NHS England published it: it has no base to test, and reveals nothing new
    published_only = frame["source"].eq("published ASCOF") if "source" in frame.columns else False
    mask = (base.isna() & ~published_only) | (base < T)
    if kind in ("proportion", "rate"):
        mask |= pd.Series(is_small(count), index=frame.index)
    if kind == "proportion":
        mask |= pd.Series(is_small(base - count), index=frame.index)
    return mask


def blank(frame: pd.DataFrame, mask: pd.Series, reason: str) -> pd.DataFrame:
    frame = frame.copy()
    cols = [c for c in COUNT_COLUMNS + VALUE_COLUMNS if c in frame.columns]
    frame[cols] = frame[cols].astype(float)
    frame.loc[mask, cols] = np.nan
    frame.loc[mask, "suppressed"] = True
    frame.loc[mask, "suppression_reason"] = reason
    return frame


def suppress(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Blank every figure that breaks the small-numbers rule; adds ``suppressed``."""
    if "suppressed" not in frame.columns:
        frame = frame.assign(suppressed=False, suppression_reason=None)
    return blank(frame, primary_mask(frame, kind) & ~frame["suppressed"].astype(bool), SUPPRESSED_TEXT)


def secondary_suppress(frame: pd.DataFrame, group_cols: list[str], size_col: str = "base") -> pd.DataFrame:
    """Where exactly one row in a group is suppressed, suppress the smallest other row too."""
    frame = frame.copy()
    extra = []
    for _, group in frame.groupby(group_cols, dropna=False):
        hidden = group["suppressed"].astype(bool)
        if hidden.sum() == 1 and (~hidden).sum() >= 1:
            candidates = group[~hidden]
            extra.append(candidates[size_col].astype(float).idxmin())
    if extra:
        mask = frame.index.isin(extra)
        frame = blank(frame, pd.Series(mask, index=frame.index), "Not shown: would reveal a small number")
    return frame
