"""The published indicator cells: every figure per area, region, comparison group, all areas
and England, per indicator and year, after every disclosure rule (``rules``, ``protect``).

Input is the raw computation (``dashboard.figures.indicators.compute_indicator``: one row per geography
and year before any rule). Aggregates of councils are added up here from the councils' own
figures, so that every aggregate a page can show is one of these cells, and each is a relation
(the aggregate against its councils) for secondary suppression.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np
import pandas as pd

from dashboard.figures.catalogue import Catalogue, Indicator
from dashboard.figures.groups import NAMED_PREFIX
from dashboard.release import protect, rules

LOCAL = "local data"
PUBLISHED = "published ASCOF"

CELL_COLUMNS = [
    "indicator_id", "geography_level", "geography_code", "period", "source",
    "count", "base", "numerator", "denominator",
    "value", "lower_95", "upper_95", "lower_998", "upper_998",
    "suppressed", "suppression_reason", "group_key", "councils",
]


def group_key(codes) -> str:
    """One key per set of councils (a region, a council type, a named group, all areas)."""
    text = "|".join(sorted(set(codes)))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def aggregates(areas: pd.DataFrame, saved: pd.DataFrame | None) -> list[tuple[str, str, tuple[str, ...]]]:
    """(geography_level, geography_code, member codes) for every aggregate a page can show."""
    out = [("all", "all", tuple(sorted(areas["area_code"])))]
    for region, rows in areas.groupby("region_code"):
        out.append(("region", region, tuple(sorted(rows["area_code"]))))
    for council_type, rows in areas.groupby("council_type"):
        out.append(("group", f"type:{council_type}", tuple(sorted(rows["area_code"]))))
    if saved is not None and len(saved):
        known = set(areas["area_code"])
        for group_id, rows in saved.groupby("group_id"):
            codes = tuple(sorted(c for c in rows["area_code"].dropna() if c in known))
            if codes:
                out.append(("group", f"named-{int(group_id)}", codes))
    return out


_SUMS = ("count", "base", "numerator", "denominator")


def _ratio_aggregates(indicator: Indicator, local: pd.DataFrame, groups) -> list[dict]:
    """Proportions and rates: each aggregate's councils added up, per year, in one grouped sum
    (the councils with a base above 0; an aggregate with none of them in a year has no row)."""
    contributing = local[local["base"].astype(float) > 0]
    if contributing.empty or not groups:
        return []
    membership = pd.DataFrame([(i, c) for i, (_, _, members) in enumerate(groups) for c in members],
                              columns=["_group", "geography_code"])
    joined = contributing[["geography_code", "period", *_SUMS]].merge(membership, on="geography_code")
    for col in _SUMS:
        joined[col] = joined[col].astype(float)
    sums = joined.groupby(["period", "_group"], sort=True).agg(
        **{col: (col, "sum") for col in _SUMS}, councils=("geography_code", "nunique")).reset_index()
    keys = [group_key(members) for _, _, members in groups]
    return [{"indicator_id": indicator.id, "geography_level": groups[g][0], "geography_code": groups[g][1],
             "period": period, "source": LOCAL, "group_key": keys[g], "councils": int(councils),
             "count": count, "base": base, "numerator": numerator, "denominator": denominator}
            for period, g, count, base, numerator, denominator, councils in sums[
                ["period", "_group", *_SUMS, "councils"]].itertuples(index=False)]


def _median_aggregates(indicator: Indicator, local: pd.DataFrame, groups, query_aggs: pd.DataFrame,
                       group_medians) -> list[dict]:
    """Medians: an aggregate's median is worked out from its records (a query), not added up."""
    rows = []
    for period, in_period in local.groupby("period"):
        contributing = in_period[in_period["base"].astype(float) > 0]
        for level, code, members in groups:
            mine = contributing[contributing["geography_code"].isin(members)]
            if mine.empty:
                continue
            row = {"indicator_id": indicator.id, "geography_level": level, "geography_code": code,
                   "period": period, "source": LOCAL, "group_key": group_key(members),
                   "councils": int(mine["geography_code"].nunique())}
            found = query_aggs[(query_aggs["geography_level"] == level) & (query_aggs["geography_code"] == code)
                               & (query_aggs["period"] == period)]
            if len(found):
                got = found.iloc[0]
            elif group_medians is not None:
                got = group_medians(indicator.id, list(members), period)
            else:
                got = None
            if got is None:
                continue
            for col in ("count", "base", "value", "lower_95", "upper_95", "lower_998", "upper_998"):
                row[col] = got.get(col, np.nan) if hasattr(got, "get") else np.nan
            row["count"] = row.get("base", np.nan)
            rows.append(row)
    return rows


def indicator_cells(indicator: Indicator, raw: pd.DataFrame, groups, group_medians=None) -> pd.DataFrame:
    """Raw figures of one indicator -> cells before suppression, aggregates added up here.

    ``group_medians(indicator_id, codes, period)`` gives a median aggregate's raw row."""
    from dashboard.figures.indicators import _intervals  # the raw statistics live with compute_indicator

    areas = raw[raw["geography_level"] == "area"].copy()
    local = areas[areas["source"] == LOCAL]
    published = raw[(raw["geography_level"] != "area") & (raw["source"] == PUBLISHED)].copy()
    query_aggs = raw[(raw["geography_level"] != "area") & (raw["source"] == LOCAL)]
    if indicator.kind != "median":
        rows = _ratio_aggregates(indicator, local, groups)
    else:
        rows = _median_aggregates(indicator, local, groups, query_aggs, group_medians)
    agg = pd.DataFrame(rows)
    if len(agg) and indicator.kind != "median":
        for col in ("value", "lower_95", "upper_95", "lower_998", "upper_998"):
            agg[col] = np.nan
        agg = _intervals(agg, indicator)
    areas["group_key"] = None
    areas["councils"] = 1
    published["group_key"] = None
    published["councils"] = np.nan
    parts = [f for f in (areas, agg, published) if len(f)]
    # an indicator with no figures yet (a new deployment, a dataset not imported) has no cells
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=CELL_COLUMNS)
    for col in CELL_COLUMNS:
        if col not in frame.columns:
            frame[col] = np.nan
    for col in rules.COUNT_COLUMNS + rules.VALUE_COLUMNS + ["councils"]:
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype(float)
    return frame[CELL_COLUMNS]


def protect_cells(frame: pd.DataFrame, catalogue: Catalogue, members: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """Apply every rule to the raw cells of all indicators; returns the published cells.

    ``members``: group_key -> the councils of that aggregate."""
    frame = frame.reset_index(drop=True).copy()
    kinds = frame["indicator_id"].map({i.id: i.kind for i in catalogue.indicators})
    hidden = np.zeros(len(frame), dtype=bool)
    reason = np.array([None] * len(frame), dtype=object)
    for kind in ("proportion", "rate", "median"):
        sel = np.flatnonzero((kinds == kind).to_numpy())
        mask = rules.primary(frame.loc[sel, "count"], frame.loc[sel, "base"], kind)
        # a published ASCOF value without counts (outcome only, or with a margin of error) is
        # shown as NHS England published it: it has no base to test, and reveals nothing new
        mask &= ~((frame.loc[sel, "source"] == PUBLISHED) & frame.loc[sel, "base"].isna()).to_numpy()
        hidden[sel[mask]] = True
        why = rules.primary_reason(frame.loc[sel, "count"], frame.loc[sel, "base"], kind)
        reason[sel[mask]] = why[mask]
    aggregate = frame["group_key"].notna().to_numpy()
    too_few = aggregate & (frame["councils"].astype(float).fillna(0).to_numpy() < rules.MIN_COUNCILS)
    reason[too_few] = rules.FEW_COUNCILS_TEXT
    hidden |= too_few
    size = frame["base"].astype(float).to_numpy().copy()
    size[aggregate] = np.inf  # an aggregate is never the cell hidden to protect another
    # a saved group is an editor's choice, made at any time: it must never change which councils
    # are hidden (a viewer comparing the pages before and after a save would learn both ways'
    # cells). Councils are protected against the fixed aggregates only; a saved group's figure is
    # hidden instead wherever one of its councils is hidden (below)
    saved = aggregate & frame["geography_code"].astype(str).str.startswith(NAMED_PREFIX).to_numpy()
    relations = relations_of(frame, hidden | saved, members)
    # (a median is not a sum: its aggregate says nothing of its councils' counts)
    count = np.where((kinds == "median").to_numpy(), 0.0, frame["count"].astype(float).to_numpy())
    complement = np.where((kinds == "proportion").to_numpy(), frame["base"].astype(float).to_numpy() - count, 1e9)
    # an aggregate's hidden councils never add up to a small count (or complement) either
    more = protect.secondary(hidden, size, relations, amounts=[np.where(aggregate, 0, count), np.where(aggregate, 0, complement)]) & ~aggregate
    reason[more] = rules.SECONDARY_TEXT
    hidden |= more
    for relation in relations_of(frame, hidden | ~saved, members):
        if hidden[relation[1:]].any():  # its total minus its shown councils would give the hidden ones
            hidden[relation[0]] = True
            reason[relation[0]] = rules.SECONDARY_TEXT
    frame["suppressed"] = hidden
    frame["suppression_reason"] = reason
    frame = _no_single_records(frame, (kinds == "median").to_numpy())
    mults = frame["indicator_id"].map({i.id: i.multiplier for i in catalogue.indicators})
    return publish(frame, kinds, mults)


def _no_single_records(frame: pd.DataFrame, median: np.ndarray) -> pd.DataFrame:
    """A median's interval ends are records at known ranks (n/2 -+ z * sqrt(n) / 2): where an
    end would be the shortest or the longest record (rank 1 or n), one person's record, that
    interval is not published."""
    n = frame["base"].astype(float).to_numpy()
    with np.errstate(invalid="ignore"):
        for z, suffix in ((1.959964, "95"), (3.090232, "998")):
            low = np.floor(n / 2.0 - z * np.sqrt(n) / 2)
            high = np.ceil(1 + n / 2.0 + z * np.sqrt(n) / 2)
            extreme = median & ((low < 2) | (high > n - 1))
            frame.loc[extreme, [f"lower_{suffix}", f"upper_{suffix}"]] = np.nan
    return frame


def relations_of(frame: pd.DataFrame, hidden: np.ndarray, members: dict[str, tuple[str, ...]]) -> list[np.ndarray]:
    """Each published aggregate with its councils: positions of (aggregate, member areas)."""
    area = frame[(frame["geography_level"] == "area") & (frame["source"] == LOCAL)]
    position = {(i, c, p): k for k, i, c, p in zip(area.index, area["indicator_id"], area["geography_code"], area["period"])}
    relations = []
    aggs = frame[frame["group_key"].notna()]
    for k, ind, key, period in zip(aggs.index, aggs["indicator_id"], aggs["group_key"], aggs["period"]):
        if hidden[k]:
            continue  # an unpublished aggregate relates nothing
        cells = [position[(ind, c, period)] for c in members.get(key, ()) if (ind, c, period) in position]
        relations.append(np.asarray([k, *cells], dtype=int))
    return relations


def publish(frame: pd.DataFrame, kinds: pd.Series | None = None, multipliers: pd.Series | None = None) -> pd.DataFrame:
    """What viewers see of each cell: counts and bases rounded to 5 (none for aggregates, whose
    counts are never shown), values and intervals to 1 decimal place, hidden cells blank. The
    intervals of local proportions and rates are worked out from the shown value and the rounded
    base (``rules.intervals_from_shown``: ``kinds`` and ``multipliers`` per row)."""
    frame = frame.copy()
    hidden = frame["suppressed"].astype(bool)
    aggregate = frame["geography_level"] != "area"
    for col in rules.COUNT_COLUMNS:
        frame[col] = rules.round_count(frame[col].astype(float))
    frame["numerator"] = frame["count"]
    frame["denominator"] = frame["base"]
    frame = rules.publish_values(frame)
    if kinds is not None:
        local = (frame["source"] == LOCAL).to_numpy() & ~hidden.to_numpy()
        ends = ["lower_95", "upper_95", "lower_998", "upper_998"]
        for kind in ("proportion", "rate"):
            sel = local & (kinds == kind).to_numpy()
            if sel.any():
                part = rules.intervals_from_shown(frame.loc[sel], kind, multipliers[sel].astype(float).to_numpy())
                frame.loc[sel, ends] = part[ends].to_numpy()
    frame.loc[aggregate, rules.COUNT_COLUMNS] = np.nan
    frame.loc[hidden, rules.COUNT_COLUMNS + rules.VALUE_COLUMNS] = np.nan
    frame["suppressed"] = hidden
    return frame


def finite(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))
