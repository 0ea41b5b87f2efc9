"""Secondary suppression over published relations, and the small-table protection.

A *relation* is a set of cells whose sum (or ratio of sums) is published: a total and its parts,
an aggregate of councils and each council, an indicator and the table that breaks it down (two
cells that are the same quantity form a relation of two). In every relation a hidden cell is
never the only unknown: where exactly one member is hidden, the smallest other member is hidden
too, and this repeats until no relation has exactly one hidden member (a fixed point).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.release import rules


def secondary(hidden: np.ndarray, size: np.ndarray, relations: list[np.ndarray],
              amounts: list[np.ndarray] | None = None) -> np.ndarray:
    """Cells hidden by secondary suppression (a boolean array, primary cells excluded).

    ``hidden``: primary-hidden cells; ``size``: how much each cell is worth keeping (the smallest
    non-zero visible member is hidden first, a zero only where nothing else is left);
    ``relations``: arrays of cell positions, each a published sum; ``amounts``: quantities
    (counts, complements) whose hidden members in a relation must not add up to 1-4 either (two
    hidden cells of 1 and 2 are the only unknowns of a sum that says "3")."""
    hidden = np.asarray(hidden, dtype=bool).copy()
    amounts = [np.nan_to_num(np.asarray(a, dtype=float), nan=0.0) for a in amounts or []]

    def unsafe(members) -> bool:
        shut = hidden[members]
        if shut.sum() == 1:
            return True
        return bool(shut.any() and any(rules.is_small(a[members][shut].sum()) for a in amounts))

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
        if len(members) < 2 or hidden[members].all() or not unsafe(members):
            continue
        visible = members[~hidden[members]]
        if hidden[members].sum() > 1:  # a small hidden sum: hide a cell that adds to it
            shut = members[hidden[members]]
            failing = [a for a in amounts if rules.is_small(a[shut].sum())]
            helpful = visible[np.any([a[visible] > 0 for a in failing], axis=0)]
            if len(helpful):
                visible = helpful
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


@dataclass
class Link:
    """An indicator cell (or several: the years of a window) whose count is the sum of some rows
    of a table, and whose base is the sum of those rows and ``rest``: each sum is a relation
    between the table and the indicator, so neither reveals a cell the other hides.

    ``rows``, ``rest``: positions in the table; ``hidden``: whether each indicator cell is hidden
    (the indicator's cells are never the ones hidden here: it is protected on its own)."""

    rows: np.ndarray
    rest: np.ndarray | None
    hidden: list[bool]


def links_by(frame: pd.DataFrame, by: list[str], subset: pd.Series, scope: pd.Series | None,
             hidden_of) -> list[Link]:
    """One :class:`Link` per group of ``by``: ``subset`` rows make the count, ``scope`` rows (all
    where None) the base; ``hidden_of(key)`` gives the indicator cells' hidden flags (empty where
    the indicator has no figure)."""
    subset = subset.reset_index(drop=True).to_numpy(dtype=bool)
    scope = np.ones(len(frame), dtype=bool) if scope is None else scope.reset_index(drop=True).to_numpy(dtype=bool)
    out = []
    for key, idx in frame.reset_index(drop=True).groupby(by, sort=False, dropna=False).indices.items():
        flags = hidden_of(key if isinstance(key, tuple) else (key,))
        if flags:
            idx = np.asarray(idx, dtype=int)
            out.append(Link(idx[subset[idx] & scope[idx]], idx[~subset[idx] & scope[idx]], list(flags)))
    return out


def _with_links(hidden: np.ndarray, size: np.ndarray, relations: list[np.ndarray], links: list[Link] | None):
    """Secondary suppression over a table's relations and its links to indicators: the cells
    hidden to protect another (the table's rows only)."""
    n = len(hidden)
    pseudo_hidden, relations = [], list(relations)
    for link in links or []:
        cells = list(range(n + len(pseudo_hidden), n + len(pseudo_hidden) + len(link.hidden)))
        pseudo_hidden += [bool(h) for h in link.hidden]
        relations.append(np.asarray([*link.rows, *cells], dtype=int))
        if link.rest is not None:
            relations.append(np.asarray([*link.rest, *cells], dtype=int))
    all_hidden = np.concatenate([hidden, np.asarray(pseudo_hidden, dtype=bool)])
    all_size = np.concatenate([size, np.full(len(pseudo_hidden), np.inf)])
    return secondary(all_hidden, all_size, relations)[:n]


def _reasons(primary: np.ndarray, more: np.ndarray) -> pd.Series:
    reason = np.where(more, rules.SECONDARY_TEXT, primary)
    return pd.Series([r if isinstance(r, str) else None for r in reason], dtype=object)


def protect_counts(frame: pd.DataFrame, count_col: str, group_cols: list[str],
                   extra: list[list[str]] | None = None, total_col: str | None = None,
                   links: list[Link] | None = None) -> pd.DataFrame:
    """A table of counts whose group totals are published elsewhere (bins, categories, levels).

    Primary: a count of 1-4 is hidden, and a group whose total is 1-4 is hidden whole (its zeros
    would say where the few people are). Secondary: every group is a relation (its total is
    published, or follows from another table); ``extra`` names more columns whose groups are
    relations too (the same cell across years, say); ``links`` relate rows to indicator cells.
    Shown counts are rounded to 5. Adds ``suppressed`` and ``suppression_reason`` (the words of
    ``rules.REASONS``); hidden counts are NaN. ``total_col`` (optional) gets each group's total,
    rounded, blank where it is 1-4.
    """
    frame = frame.reset_index(drop=True).copy()
    counts = frame[count_col].astype(float).to_numpy()
    totals = frame.groupby(group_cols, sort=False, dropna=False)[count_col].transform("sum").astype(float).to_numpy()
    primary = np.where(rules.is_small(totals), rules.SMALL_BASE_TEXT,
                       np.where(rules.is_small(counts), rules.SUPPRESSED_TEXT, None)).astype(object)
    hidden = rules.is_small(counts) | rules.is_small(totals)
    relations = [np.asarray(idx, dtype=int) for _, idx in frame.groupby(group_cols, sort=False, dropna=False).indices.items()]
    for cols in extra or []:
        relations += [np.asarray(idx, dtype=int) for _, idx in frame.groupby(cols, sort=False, dropna=False).indices.items()]
    more = _with_links(hidden, counts, relations, links)
    frame["suppression_reason"] = _reasons(primary, more)
    hidden = hidden | more
    frame[count_col] = np.where(hidden, np.nan, rules.round_count(counts))
    frame["suppressed"] = hidden
    if total_col:
        frame[total_col] = np.where(rules.is_small(totals), np.nan, rules.round_count(totals))
    return frame


def shares(frame: pd.DataFrame, count_col: str, raw_counts: pd.Series, total: pd.Series) -> pd.Series:
    """Each visible cell's share of its group (percent, 1 decimal place) from unrounded figures."""
    share = raw_counts.astype(float) / total.astype(float) * 100
    return pd.Series(rules.round_value(share.where(frame[count_col].notna())), index=frame.index)


def protect_proportions(frame: pd.DataFrame, group_cols: list[str], links: list[Link] | None = None) -> pd.DataFrame:
    """A small table of proportions (``count`` of ``base``, with ``value`` and intervals worked
    out from the unrounded figures): primary suppression (count 1-4, base under 5, complement
    1-4), secondary suppression within each group (the rows of a group add up to a published
    total) and over ``links`` to indicator cells (rows' counts), counts rounded to 5, values to 1 decimal place."""
    frame = frame.reset_index(drop=True).copy()
    count = frame["count"].astype(float).to_numpy()
    base = frame["base"].astype(float).to_numpy()
    hidden = rules.primary(count, base, "proportion")
    primary = rules.primary_reason(count, base, "proportion")
    relations = [np.asarray(idx, dtype=int) for _, idx in frame.groupby(group_cols, sort=False, dropna=False).indices.items()]
    more = _with_links(hidden, base, relations, links)
    reason = _reasons(primary, more)
    hidden = hidden | more
    frame = rules.publish_counts(frame, rules.COUNT_COLUMNS)
    frame = rules.publish_values(frame)
    if "lower_95" in frame.columns:
        frame = rules.intervals_from_shown(frame, "proportion")  # from the shown value and rounded base
    cols = [c for c in rules.COUNT_COLUMNS + rules.VALUE_COLUMNS if c in frame.columns]
    frame.loc[hidden, cols] = np.nan
    frame["suppressed"] = hidden
    frame["suppression_reason"] = reason
    return frame
