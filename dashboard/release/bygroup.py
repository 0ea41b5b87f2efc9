"""Published splits: an indicator split by age band, primary support reason and mechanism of
delivery, for each council and each aggregate of councils (region, comparison group, all areas).

Relations protected together: each dimension's groups and "Everyone" (a total and its parts);
an aggregate's cell and the same cell of each of its councils (region minus its councils); a
council's "Everyone" and its indicator figure (the same people: hidden together).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.figures import stats
from dashboard.release import cells, protect, rules


def split_measures() -> dict[str, tuple[str, str]]:
    """indicator -> the named query that splits it and the ``measure`` of its rows there
    (``split_query`` and ``split_measure`` in the catalogue; a query returns every council and
    year, grouped by area_code and period)."""
    from dashboard.figures.catalogue import load

    return {i.id: (i.split_query, i.split_key) for i in load().indicators if i.split_query}


COLUMNS = ["dimension", "group_name", "count", "base", "numerator", "denominator", "value",
           "lower_95", "upper_95", "lower_998", "upper_998", "suppressed", "suppression_reason"]
KEYS = ["measure", "geography_key", "period", "dimension", "group_name"]


def geography_key(codes) -> str:
    codes = sorted(set(codes))
    return codes[0] if len(codes) == 1 else cells.group_key(codes)


def _raw_by_area(store, periods: dict[str, list[str]], only=None) -> pd.DataFrame:
    """Raw split counts per council (counts add up across councils): each split query runs once
    for every council and year (it groups by them), not once per council and year."""
    wanted = {(code, period) for period, codes in periods.items() if not only or period == only[1] for code in codes}
    frames = []
    measures = split_measures()
    for rank, query in enumerate(sorted({q for q, _ in measures.values()})):
        raw = store.query(query)
        keep = np.fromiter(((a, p) in wanted for a, p in zip(raw["area_code"], raw["period"])), dtype=bool,
                           count=len(raw))
        raw = raw[keep]
        # each indicator's rows, named by its id, in the query's own order
        mine = [raw[raw["measure"] == measure].assign(measure=indicator_id)
                for indicator_id, (q, measure) in measures.items() if q == query]
        mine = [m for m in mine if not m.empty]
        if mine:
            frames.append(pd.concat(mine).sort_index(kind="stable").assign(_query=rank))
    if not frames:
        return pd.DataFrame(columns=["measure", "area_code", "period", "dimension", "group_name",
                                     "count", "base", "numerator", "denominator"])
    # in the order of a council's rows: year, council, query (each query's rows in its own order)
    frame = (pd.concat(frames, ignore_index=True)
             .sort_values(["period", "area_code", "_query"], kind="stable").drop(columns="_query")
             .reset_index(drop=True))
    if only:
        frame = frame[frame["measure"] == only[0]]
    return frame


def compute(store, published: pd.DataFrame, only=None, raw_out: list | None = None) -> pd.DataFrame:
    """Published split cells for every council and aggregate (``only``: (measure, period));
    ``raw_out``, if given, receives the raw cells in the same order (the audit in the tests)."""
    areas = store.query("areas_in_data")
    from dashboard.release import _saved_groups

    groups = cells.aggregates(areas, _saved_groups(store))
    in_data = published[(published["geography_level"] == "area") & published["indicator_id"].isin(split_measures())]
    periods = {p: sorted(set(rows["geography_code"])) for p, rows in in_data.groupby("period")}
    raw = _raw_by_area(store, periods, only)
    if raw.empty:
        return pd.DataFrame(columns=KEYS + COLUMNS[2:] + ["councils"])
    sums = ["count", "base", "numerator", "denominator"]
    raw[sums] = raw[sums].astype(float)
    first = raw.groupby(["measure", "area_code", "period"])["dimension"].transform("first")
    everyone = (raw[raw["dimension"] == first].groupby(["measure", "area_code", "period"], as_index=False)[sums].sum()
                .assign(dimension="everyone", group_name="Everyone"))
    per_area = pd.concat([everyone, raw[["measure", "area_code", "period", "dimension", "group_name", *sums]]],
                         ignore_index=True)
    per_area["geography_key"] = per_area["area_code"]
    per_area["councils"] = 1
    aggs = []
    for _, _, codes in groups:
        part = per_area[per_area["area_code"].isin(codes)]
        if part.empty:
            continue
        got = part.groupby(["measure", "period", "dimension", "group_name"], as_index=False).agg(
            **{c: (c, "sum") for c in sums}, councils=("area_code", "nunique"))
        aggs.append(got.assign(geography_key=cells.group_key(codes), members=[codes] * len(got)))
    frame = pd.concat([per_area.assign(members=[None] * len(per_area)), *aggs], ignore_index=True)
    frame = frame.drop_duplicates(KEYS).reset_index(drop=True)
    if raw_out is not None:
        raw_out.append(frame.copy())
    return _protect(frame, published)


def _protect(frame: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    count, base = frame["count"].to_numpy(), frame["base"].to_numpy()
    hidden = rules.primary(count, base, "proportion")
    reason = rules.primary_reason(count, base, "proportion")
    aggregate = frame["members"].notna().to_numpy()
    few = aggregate & (frame["councils"].to_numpy() < rules.MIN_COUNCILS)
    reason[few & ~hidden] = rules.FEW_COUNCILS_TEXT
    hidden |= few
    # a council's "Everyone" is its indicator figure: hidden there, hidden here
    shown = published[(published["geography_level"] == "area")]
    hidden_fig = {(i, c, p) for i, c, p, s in zip(shown["indicator_id"], shown["geography_code"], shown["period"],
                                                   shown["suppressed"]) if s}
    same = np.array([d == "everyone" and not a and (m, g, p) in hidden_fig for d, a, m, g, p in zip(
        frame["dimension"], aggregate, frame["measure"], frame["geography_key"], frame["period"])], dtype=bool)
    reason[same & ~hidden] = rules.SECONDARY_TEXT
    hidden |= same
    relations = []
    everyone_at = {k: i for i, k in enumerate(zip(frame["measure"], frame["geography_key"], frame["period"]))
                   if frame["dimension"].iat[i] == "everyone"}
    for (measure, key, period, dimension), idx in frame.groupby(["measure", "geography_key", "period", "dimension"]).indices.items():
        if dimension != "everyone" and (measure, key, period) in everyone_at:
            relations.append(np.asarray([*idx, everyone_at[(measure, key, period)]], dtype=int))
    position = {k: i for i, k in enumerate(zip(frame["measure"], frame["geography_key"], frame["period"],
                                               frame["dimension"], frame["group_name"]))}
    for i in np.flatnonzero(aggregate & ~hidden):
        m, p, d, g = frame.at[i, "measure"], frame.at[i, "period"], frame.at[i, "dimension"], frame.at[i, "group_name"]
        members = [position[(m, c, p, d, g)] for c in frame.at[i, "members"] if (m, c, p, d, g) in position]
        relations.append(np.asarray([i, *members], dtype=int))
    size = base.astype(float).copy()
    size[aggregate] = np.inf
    more = protect.secondary(hidden, size, relations) & ~aggregate
    reason[more] = rules.SECONDARY_TEXT
    hidden |= more
    share = frame["numerator"] / frame["denominator"]
    share = share.where(frame["denominator"] > 0)
    frame["value"] = share * 100
    for level, suffix in ((95, "95"), (99.8, "998")):
        frame[f"lower_{suffix}"], frame[f"upper_{suffix}"] = stats.wilson_percent(share, base.astype(float), level)
    frame = rules.publish_counts(frame, rules.COUNT_COLUMNS)
    frame["numerator"], frame["denominator"] = frame["count"], frame["base"]
    frame = rules.publish_values(frame)
    frame = rules.intervals_from_shown(frame, "proportion")  # from the shown value and rounded base
    frame.loc[hidden, rules.COUNT_COLUMNS + rules.VALUE_COLUMNS] = np.nan
    # an aggregate's counts are never shown (as for benchmarks): with its councils' rounded
    # counts they would bound a hidden council's count from above
    frame.loc[aggregate, rules.COUNT_COLUMNS] = np.nan
    frame["suppressed"] = hidden
    frame["suppression_reason"] = reason
    return frame[KEYS + COLUMNS[2:] + ["councils"]]


def shaped(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows a page shows: Everyone first, then each dimension's groups."""
    if frame.empty:
        return pd.DataFrame(columns=COLUMNS)
    frame = frame.copy()
    frame["_first"] = frame["dimension"] != "everyone"
    frame = frame.sort_values(["_first"], kind="stable").drop(columns="_first")
    frame["suppressed"] = frame["suppressed"].astype(bool)
    return frame[COLUMNS].reset_index(drop=True)
