"""Secondary suppression over published relations, and the small-table protection.

A *relation* is a set of cells whose sum (or ratio of sums) is published: a total and its parts,
an aggregate of councils and each council, an indicator and the table that breaks it down (two
cells that are the same quantity form a relation of two). In every relation a hidden cell is
never the only unknown: where exactly one member is hidden, the smallest other member is hidden
too, and this repeats until no relation has exactly one hidden member (a fixed point).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from dashboard.release import rules


def secondary(hidden: np.ndarray, size: np.ndarray, relations: list[np.ndarray]) -> np.ndarray:
    """Cells hidden by secondary suppression (a boolean array, primary cells excluded).

    ``hidden``: primary-hidden cells; ``size``: how much each cell is worth keeping (the smallest
    non-zero visible member is hidden first, a zero only where nothing else is left);
    ``relations``: arrays of cell positions, each a published sum."""
    hidden = np.asarray(hidden, dtype=bool).copy()
    first = hidden.copy()
    size = np.nan_to_num(np.asarray(size, dtype=float), nan=0.0)
    by_cell: dict[int, list[int]] = defaultdict(list)
    for r, members in enumerate(relations):
        for m in members:
            by_cell[int(m)].append(r)
    todo = list(range(len(relations)))
    queued = set(todo)
    while todo:
        r = todo.pop()
        queued.discard(r)
        members = relations[r]
        if len(members) < 2 or hidden[members].sum() != 1:
            continue
        visible = members[~hidden[members]]
        sizes = size[visible]
        order = np.lexsort((visible, sizes <= 0, ))  # non-zero first
        nonzero = visible[sizes > 0]
        pick = nonzero[np.argmin(size[nonzero])] if len(nonzero) else visible[order[0]]
        hidden[pick] = True
        for other in by_cell[int(pick)]:
            if other not in queued:
                todo.append(other)
                queued.add(other)
    return hidden & ~first


def protect_counts(frame: pd.DataFrame, count_col: str, group_cols: list[str],
                   extra: list[list[str]] | None = None, total_col: str | None = None,
                   links: list[tuple[pd.Series, pd.Series]] | None = None,
                   link_by: list[str] | None = None) -> pd.DataFrame:
    """A table of counts whose group totals are published elsewhere (bins, categories, levels).

    Primary: a count of 1-4 is hidden, and a group whose total is 1-4 is hidden whole (its zeros
    would say where the few people are). Secondary: every group is a relation (its total is
    published, or follows from another table); ``extra`` names more columns whose groups are
    relations too (the same cell across years, say). Shown counts are rounded to 5. Adds
    ``suppressed`` and ``suppression_reason``; hidden counts are NaN. ``total_col`` (optional)
    gets each group's total, rounded, blank where it is 1-4. ``links``: (rows in the subset,
    whether the indicator is hidden: True, False or None where it has no figure) for an indicator
    whose count is the sum of a subset of each group (and whose base is the group's total): the
    subset and the rest are relations with the indicator's cell, so neither the table nor the
    indicator reveals a cell the other hides (``link_by``: the columns of one indicator cell,
    default ``group_cols``).
    """
    frame = frame.reset_index(drop=True).copy()
    counts = frame[count_col].astype(float).to_numpy()
    hidden = rules.is_small(counts)
    totals = frame.groupby(group_cols, sort=False, dropna=False)[count_col].transform("sum").astype(float).to_numpy()
    hidden |= rules.is_small(totals)
    relations = [np.asarray(idx, dtype=int) for _, idx in frame.groupby(group_cols, sort=False, dropna=False).indices.items()]
    for cols in extra or []:
        relations += [np.asarray(idx, dtype=int) for _, idx in frame.groupby(cols, sort=False, dropna=False).indices.items()]
    n = len(frame)
    pseudo_hidden, pseudo_size = [], []
    for subset, indicator_hidden in links or []:
        subset = subset.reset_index(drop=True).to_numpy(dtype=bool)
        indicator_hidden = indicator_hidden.reset_index(drop=True)
        for _, idx in frame.groupby(link_by or group_cols, sort=False, dropna=False).indices.items():
            flags = [h for h in indicator_hidden.iloc[idx] if h is not None and h == h]
            if not flags:
                continue  # the indicator has no figure here: nothing to relate
            cell = n + len(pseudo_hidden)
            pseudo_hidden.append(bool(flags[0]))
            pseudo_size.append(np.inf)  # the indicator's cell is never the one hidden here
            relations.append(np.asarray([*idx[subset[idx]], cell], dtype=int))
            relations.append(np.asarray([*idx[~subset[idx]], cell], dtype=int))
    all_hidden = np.concatenate([hidden, np.asarray(pseudo_hidden, dtype=bool)])
    all_size = np.concatenate([counts, np.asarray(pseudo_size, dtype=float)])
    more = secondary(all_hidden, all_size, relations)[:n]
    reason = np.where(hidden, rules.SUPPRESSED_TEXT, np.where(more, rules.SECONDARY_TEXT, None))
    hidden = hidden | more
    frame[count_col] = np.where(hidden, np.nan, rules.round_count(counts))
    frame["suppressed"] = hidden
    frame["suppression_reason"] = pd.Series([r if isinstance(r, str) else None for r in reason], dtype=object)
    if total_col:
        frame[total_col] = np.where(rules.is_small(totals), np.nan, rules.round_count(totals))
    return frame


def shares(frame: pd.DataFrame, count_col: str, raw_counts: pd.Series, total: pd.Series) -> pd.Series:
    """Each visible cell's share of its group (percent, 1 decimal place) from unrounded figures."""
    share = raw_counts.astype(float) / total.astype(float) * 100
    return pd.Series(rules.round_value(share.where(frame[count_col].notna())), index=frame.index)


def protect_proportions(frame: pd.DataFrame, group_cols: list[str]) -> pd.DataFrame:
    """A small table of proportions (``count`` of ``base``, with ``value`` and intervals worked
    out from the unrounded figures): primary suppression (count 1-4, base under 5, complement
    1-4), secondary suppression within each group (the rows of a group add up to a published
    total), counts rounded to 5, values to 1 decimal place."""
    frame = frame.reset_index(drop=True).copy()
    count = frame["count"].astype(float).to_numpy()
    base = frame["base"].astype(float).to_numpy()
    hidden = rules.primary(count, base, "proportion")
    relations = [np.asarray(idx, dtype=int) for _, idx in frame.groupby(group_cols, sort=False, dropna=False).indices.items()]
    more = secondary(hidden, base, relations)
    reason = np.where(hidden, rules.SUPPRESSED_TEXT, np.where(more, rules.SECONDARY_TEXT, None)).astype(object)
    hidden = hidden | more
    frame = rules.publish_counts(frame, rules.COUNT_COLUMNS)
    frame = rules.publish_values(frame)
    cols = [c for c in rules.COUNT_COLUMNS + rules.VALUE_COLUMNS if c in frame.columns]
    frame.loc[hidden, cols] = np.nan
    frame["suppressed"] = hidden
    frame["suppression_reason"] = pd.Series([r if isinstance(r, str) else None for r in reason], dtype=object)
    return frame
