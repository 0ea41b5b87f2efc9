"""The attacker's audit of the fixture data: every cell the release layer publishes (indicator
figures per council and aggregate, splits by group), every published relation as linear
constraints, and for every hidden cell its feasible range by linear programming."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import release
from dashboard.figures.catalogue import load
from dashboard.release import bygroup, rules
from tests.release.audit import HALF, Problem, add_cell, failures, primary_what, timed
from tests.release.audit_tables import add_tables
from tests.release.intervals import rounded_base_hull


def build_problem(store, intervals: bool = True, tables: bool = True) -> tuple[Problem, dict]:
    """The audit's linear program; ``intervals``: add what each interval shown at 1 dp says about
    a cell's count and base (``tests.release.intervals``); ``tables``: the theme tables."""
    catalogue = load()
    raw_out, split_raw, built, table_raw = [], [], {}, {}
    published, members = release.compute(store, catalogue, raw_out=raw_out, tables_out=built, table_raw_out=table_raw)
    raw = raw_out[0]
    splits = bygroup.compute(store, published, raw_out=split_raw)
    split_raw = split_raw[0]
    problem = Problem()
    kinds = {i.id: i for i in catalogue.indicators}
    cells = {}
    stats = {"published cells": 0, "hidden cells": 0}
    for k in range(len(raw)):
        r, p = raw.iloc[k], published.iloc[k]
        ind = kinds[r["indicator_id"]]
        if ind.kind == "median" or r["source"] != release.cells.LOCAL or r["geography_level"] != "area":
            continue
        mult = 100.0 if ind.kind == "proportion" else ind.multiplier
        exact = r["numerator"] == r["count"] and r["denominator"] == r["base"]
        info = {"count": float(r["count"]), "base": float(r["base"]), "kind": ind.kind, "exact": exact}
        shown = None if p["suppressed"] else {"count": p["count"], "base": p["base"], "value": p["value"]}
        stats["hidden cells" if shown is None else "published cells"] += 1
        cells[(r["indicator_id"], r["geography_code"], r["period"])] = (
            add_cell(problem, ("figure", r["indicator_id"], r["geography_code"], r["period"]), ind.kind, mult, shown,
                     info, primary_what), exact)
        if intervals and shown is not None:
            c, b = cells[(r["indicator_id"], r["geography_code"], r["period"])][0]
            add_hull(problem, ind, p, [c], [b], exact, (p["count"], p["base"]))
    for k in range(len(raw)):
        r, p = raw.iloc[k], published.iloc[k]
        ind = kinds[r["indicator_id"]]
        if ind.kind == "median" or not isinstance(r["group_key"], str) or p["suppressed"]:
            continue
        found = [cells.get((r["indicator_id"], c, r["period"])) for c in members[r["group_key"]]]
        found = [f for f in found if f is not None]
        if found and all(exact for _, exact in found):
            mult = 100.0 if ind.kind == "proportion" else ind.multiplier
            problem.ratio([c for (c, _), _ in found], [b for (_, b), _ in found], p["value"], mult)
            stats["published cells"] += 1
            if intervals:
                add_hull(problem, ind, p, [c for (c, _), _ in found], [b for (_, b), _ in found], True, (None, None))
    # splits by group
    split_vars = {}
    for k in range(len(split_raw)):
        r, p = split_raw.iloc[k], splits.iloc[k]
        if r["members"] is not None:
            continue
        exact = r["numerator"] == r["count"] and r["denominator"] == r["base"]
        info = {"count": float(r["count"]), "base": float(r["base"]), "kind": "proportion", "exact": exact}
        shown = None if p["suppressed"] else {"count": p["count"], "base": p["base"], "value": p["value"]}
        stats["hidden cells" if shown is None else "published cells"] += 1
        key = (r["measure"], r["geography_key"], r["period"], r["dimension"], r["group_name"])
        split_vars[key] = (add_cell(problem, ("split", *key), "proportion", 100.0, shown, info, primary_what), exact, info)
    # totals and parts; a council's Everyone and its indicator figure
    for (measure, code, period, dimension, group), ((c, b), _, info) in split_vars.items():
        if dimension == "everyone":
            ind = cells.get((measure, code, period))
            if ind is not None:
                r = raw[(raw["indicator_id"] == measure) & (raw["geography_code"] == code) & (raw["period"] == period)
                        & (raw["source"] == release.cells.LOCAL)].iloc[0]
                if float(r["count"]) == info["count"] and float(r["base"]) == info["base"]:
                    (ci, bi), _ = ind
                    problem.eq({c: 1.0, ci: -1.0}, 0.0)
                    problem.eq({b: 1.0, bi: -1.0}, 0.0)
                    problem.relations += 1
            continue
    parts = {}
    for (measure, code, period, dimension, group), ((c, b), _, _) in split_vars.items():
        if dimension != "everyone":
            parts.setdefault((measure, code, period, dimension), []).append((c, b))
    for (measure, code, period, dimension), vs in parts.items():
        total = split_vars.get((measure, code, period, "everyone", "Everyone"))
        if total is None:
            continue
        (ct, bt), _, info = total
        same = split_raw[(split_raw["measure"] == measure) & (split_raw["geography_key"] == code)
                         & (split_raw["period"] == period) & (split_raw["dimension"] == dimension)]
        if float(same["count"].sum()) != info["count"] or float(same["base"].sum()) != info["base"]:
            continue  # this dimension does not cover everyone (answers without a group)
        problem.eq({ct: 1.0, **{c: -1.0 for c, _ in vs}}, 0.0)
        problem.eq({bt: 1.0, **{b: -1.0 for _, b in vs}}, 0.0)
        problem.relations += 1
    for k in range(len(split_raw)):
        r, p = split_raw.iloc[k], splits.iloc[k]
        if r["members"] is None or p["suppressed"]:
            continue
        found = [split_vars.get((r["measure"], c, r["period"], r["dimension"], r["group_name"])) for c in r["members"]]
        found = [f for f in found if f is not None]
        if not found:
            continue
        cs, bs = [f[0][0] for f in found], [f[0][1] for f in found]
        problem.interval({c: 1.0 for c in cs}, p["count"] - HALF, p["count"] + HALF)
        problem.interval({b: 1.0 for b in bs}, p["base"] - HALF, p["base"] + HALF)
        if all(f[1] for f in found):
            problem.ratio(cs, bs, p["value"], 100.0)
        stats["published cells"] += 1
    if intervals:
        link_shared_bases(problem, raw, cells)
    if tables:
        add_tables(problem, cells, published, built, table_raw, stats)
    return problem, stats


def add_hull(problem: Problem, ind, shown, counts: list, bases: list, exact: bool, rounded) -> None:
    """What the intervals shown at 1 dp say about a cell's base. A council's intervals are worked
    out from its shown value and rounded base (checked here): nothing more. An aggregate's base is
    not shown, but its intervals say which multiples of 5 it is rounded to: the sum of its
    councils' bases lies within that hull."""
    ends = {col: shown[col] for col in ("lower_95", "upper_95", "lower_998", "upper_998")}
    if all(v != v for v in ends.values()) or shown["value"] != shown["value"]:
        return
    if rounded[1] is not None:  # a council: its intervals follow from what it shows
        again = rules.intervals_from_shown(pd.DataFrame([dict(shown)]), ind.kind, ind.multiplier)
        for col, v in ends.items():
            assert v == again[col].iat[0] or (v != v and again[col].iat[0] != again[col].iat[0]), (ind.id, col, dict(shown))
        return
    hull = rounded_base_hull(ind.kind, shown["value"], ends, ind.multiplier)
    assert hull is not None, (ind.id, dict(shown))
    problem.interval({b: 1.0 for b in bases}, hull[0], hull[1])


def link_shared_bases(problem: Problem, raw: pd.DataFrame, cells: dict) -> None:
    """Indicators defined on the same people (the same base in every council and year, as the
    catalogue's definitions say) are one unknown base: an attacker reads the definitions."""
    local = raw[(raw["geography_level"] == "area") & (raw["source"] == release.cells.LOCAL)]
    bases = local.pivot_table(index=["geography_code", "period"], columns="indicator_id", values="base", aggfunc="first")
    ids = list(bases.columns)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            both = bases[[a, b]].dropna()
            if len(both) < 3 or not (both[a] == both[b]).all() or bases[a].notna().sum() != len(both):
                continue
            for (code, period) in both.index:
                ca, cb = cells.get((a, code, period)), cells.get((b, code, period))
                if ca is not None and cb is not None:
                    problem.eq({ca[0][1]: 1.0, cb[0][1]: -1.0}, 0.0)
                    problem.relations += 1


def test_no_hidden_cell_can_be_narrowed_below_5_or_away_from_0(store, capsys):
    problem, stats = build_problem(store)
    assert not problem.violated(), problem.violated()[:3]  # the model holds the true figures
    ranges, seconds = timed(problem)
    bad = failures(ranges)
    with capsys.disabled():
        print(f"\naudit: {stats['published cells']} published cells, {stats['hidden cells']} hidden cells, "
              f"{problem.relations} relations, {len(problem.names)} unknowns, {len(ranges)} hidden ranges "
              f"in {problem.blocks} independent blocks solved in {seconds:.1f} s; {len(bad)} failures")
    assert stats["hidden cells"] > 0 and problem.relations > 0
    assert not bad, bad[:5]
