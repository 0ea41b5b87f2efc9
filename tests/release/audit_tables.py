"""The theme tables in the attacker's audit: every published row as linear constraints on the
true counts, with the relations an attacker knows from the definitions (not from the release
layer's own list): a group's rows add up to its total, the total and parts of an indicator's
count and base, a median's ranks against the groups of days beside it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.figures import stats
from dashboard.release import rules, tables
from tests.release.audit import HALF, Problem

INF = float("inf")


def _shown(x) -> bool:
    return x is not None and x == x


class Tables:
    """Adds the theme tables to ``problem``; ``cells``: (indicator, area, period) -> ((count var,
    base var), exact) of the indicator cells already in the problem."""

    def __init__(self, problem: Problem, cells: dict, stats_out: dict):
        self.p = problem
        self.cells = cells
        self.stats = stats_out
        self.totals = {}

    def _rows(self, name: str, raw: pd.DataFrame, pub: pd.DataFrame, count_col: str) -> list[int]:
        """One unknown per row; a shown count is its rounded interval; a hidden row is a hidden
        cell (primary where its count is 1-4 or its group's total is)."""
        assert len(raw) == len(pub), name
        out = []
        for k in range(len(raw)):
            v = self.p.var(("table", name, k))
            self.p.truth[v] = float(raw[count_col].iat[k])
            shown = pub[count_col].iat[k]
            if bool(pub["suppressed"].iat[k]):
                self.p.hidden.append((("table", name, k), {v: 1.0}, 1 <= self.p.truth[v] <= 4))
                self.stats["hidden cells"] += 1
            else:
                self.p.interval({v: 1.0}, shown - HALF, shown + HALF)
                self.stats["published cells"] += 1
            out.append(v)
        return out

    def _total(self, key, members: list[int], truth: float):
        """A group's total: the sum of its rows (an unknown of its own)."""
        if key not in self.totals:
            t = self.p.var(("total",) + key)
            self.p.truth[t] = truth
            self.p.eq({t: 1.0, **{m: -1.0 for m in members}}, 0.0)
            self.p.relations += 1
            self.totals[key] = t
        return self.totals[key]

    def _link(self, indicator_id, area, period, count_rows: list[int] | None, base_var=None, base_rows=None):
        """The indicator's count is the sum of ``count_rows``; its base is ``base_var`` (or the sum
        of ``base_rows``)."""
        found = self.cells.get((indicator_id, area, period))
        if found is None:
            return
        (c, b), _ = found
        if count_rows is not None:
            self.p.eq({c: 1.0, **{m: -1.0 for m in count_rows}}, 0.0)
            self.p.relations += 1
        if base_var is not None:
            self.p.eq({b: 1.0, base_var: -1.0}, 0.0)
            self.p.relations += 1
        if base_rows is not None:
            self.p.eq({b: 1.0, **{m: -1.0 for m in base_rows}}, 0.0)
            self.p.relations += 1

    def counts(self, name, raw, pub, count_col, group_cols, total_col=None, share_col=None, links=()):
        """A table of counts: rows, group totals (published rounded in ``total_col``), shares of
        the total at 1 dp, and links ((indicator, subset mask, scope mask or None))."""
        raw, pub = raw.reset_index(drop=True), pub.reset_index(drop=True)
        xs = self._rows(name, raw, pub, count_col)
        groups = raw.groupby(group_cols, sort=False).indices
        for key, idx in groups.items():
            key = key if isinstance(key, tuple) else (key,)
            t = self._total((name,) + key, [xs[i] for i in idx], float(raw[count_col].iloc[idx].sum()))
            if total_col and _shown(pub[total_col].iat[idx[0]]):
                v = pub[total_col].iat[idx[0]]
                self.p.interval({t: 1.0}, v - HALF, v + HALF)
            if share_col:
                for i in idx:
                    self.p.ratio([xs[i]], [t], pub[share_col].iat[i], 100.0)
        for indicator_id, subset, scope in links:
            for (area, period), idx in raw.groupby(["area_code", "period"], sort=False).indices.items():
                rows = [xs[i] for i in idx if subset.iat[i]]
                base = [xs[i] for i in idx if scope.iat[i]] if scope is not None else None
                self._link(indicator_id, area, period, rows, base_rows=base)
        return xs

    def bins(self, name, raw, pub, count_col, median_cells: dict):
        """Days in groups, and the median and its interval ends: records at known ranks."""
        raw, pub = raw.reset_index(drop=True), pub.reset_index(drop=True)
        xs = self._rows(name, raw, pub, count_col)
        edges = [(0, 7), (8, 14), (15, 28), (29, 56), (57, 91), (92, 10 ** 9)]

        def bin_of(days):
            days = max(days, 0)
            return next(i for i, (lo, hi) in enumerate(edges) if lo <= days <= hi)

        for (area, period), idx in raw.groupby(["area_code", "period"], sort=False).indices.items():
            order = np.argsort(raw["bin_order"].to_numpy()[idx])
            vs = [xs[idx[i]] for i in order]
            n = self._total((name, area, period), vs, float(raw[count_col].iloc[idx].sum()))
            cell = median_cells.get((area, period))
            if cell is None or cell["suppressed"]:
                continue
            base = cell["base"]
            self.p.interval({n: 1.0}, base - HALF, base + HALF)
            candidates = [m for m in range(int(np.ceil(base - HALF)), int(np.floor(base + HALF)) + 1) if m > 0]

            def at_least(upto: int, rank_low: float):  # records in groups 0..upto >= rank
                self.p.le({**{v: -1.0 for v in vs[:upto + 1]}}, -rank_low)

            def at_most(upto: int, rank_high: float):
                if upto >= 0:
                    self.p.le({**{v: 1.0 for v in vs[:upto + 1]}}, rank_high)

            value = cell["value"]
            if _shown(value):  # half the records at or below the median, half at or above
                lo_bin, hi_bin = bin_of(np.floor(value)), bin_of(np.ceil(value))
                self.p.le({**{v: -1.0 for v in vs[:lo_bin + 1]}, n: 0.5}, 0.0)
                if hi_bin > 0:
                    self.p.le({**{v: 1.0 for v in vs[:hi_bin]}, n: -0.5}, 0.0)
                self.p.relations += 1
            for level, suffix in ((95, "95"), (99.8, "998")):
                ranks = [stats.median_interval_ranks(m, level) for m in candidates]
                for end, col in ((0, f"lower_{suffix}"), (1, f"upper_{suffix}")):
                    if not _shown(cell[col]):
                        continue
                    b = bin_of(cell[col])
                    r = [rk[end] for rk in ranks]
                    at_least(b, min(r))  # the record at rank r is in group b
                    at_most(b - 1, max(r) - 1)
                    self.p.relations += 1
        return xs

    def proportions(self, name, raw, pub, same_base=None):
        """A table of proportions (count of base, value and intervals at 1 dp); ``same_base``:
        columns whose rows share one base (a decision's count for self-advocates and carers)."""
        raw, pub = raw.reset_index(drop=True), pub.reset_index(drop=True)
        out, bases = [], {}
        for k in range(len(raw)):
            c, b = self.p.var(("table", name, k, "count")), self.p.var(("table", name, k, "base"))
            self.p.truth[c], self.p.truth[b] = float(raw["count"].iat[k]), float(raw["base"].iat[k])
            self.p.le({c: 1.0, b: -1.0}, 0.0)
            exact = raw["numerator"].iat[k] == raw["count"].iat[k] and raw["denominator"].iat[k] == raw["base"].iat[k]
            if same_base:
                key = tuple(raw[col].iat[k] for col in same_base)
                if key in bases:
                    self.p.eq({b: 1.0, bases[key]: -1.0}, 0.0)
                else:
                    bases[key] = b
            if bool(pub["suppressed"].iat[k]):
                cnt, base = self.p.truth[c], self.p.truth[b]
                primary = 1 <= cnt <= 4 or 1 <= base - cnt <= 4 or base < 5
                expr = {b: 1.0, c: -1.0} if 1 <= base - cnt <= 4 and not 1 <= cnt <= 4 else {c: 1.0}
                if base < 5:
                    expr = {b: 1.0}
                self.p.hidden.append((("table", name, k), expr, primary and base > 0))
                self.stats["hidden cells"] += 1
            else:
                self.stats["published cells"] += 1
                cp, bp = pub["count"].iat[k], pub["base"].iat[k]
                self.p.interval({c: 1.0}, cp - HALF, cp + HALF)
                self.p.interval({b: 1.0}, bp - HALF, bp + HALF)
                if exact:
                    self.p.ratio([c], [b], pub["value"].iat[k], 100.0)
                # the intervals are worked out from the shown value and rounded base: nothing more
                again = rules.intervals_from_shown(pub.iloc[[k]], "proportion")
                for col in ("lower_95", "upper_95", "lower_998", "upper_998"):
                    if col in pub:
                        assert pub[col].iat[k] == again[col].iat[0], (name, k, col)
            out.append((c, b))
        return out


def add_tables(problem: Problem, cells: dict, published: pd.DataFrame, built: dict, raw: dict, stats_out: dict):
    t = Tables(problem, cells, stats_out)
    deep = raw["levels"]["level"].isin(["co-designed", "co-produced"])
    t.counts("levels", raw["levels"], built["levels"], "activities", ["area_code", "period"],
             links=[("coproduced_activities", deep.reset_index(drop=True), pd.Series(True, index=range(len(deep))))])
    cat = raw["categories"].reset_index(drop=True)
    xs = t.counts("categories", cat, built["categories"], "breakdowns", ["area_code", "period"],
                  links=[("breakdowns_per_1000", pd.Series(True, index=cat.index), None),
                         ("transition_breakdowns_per_1000", cat["category"] == "transition to adult services", None),
                         ("discharge_breakdowns_per_1000", cat["category"] == "hospital or ATU discharge", None)])
    pub = built["categories"].reset_index(drop=True)
    for (area, period), idx in cat.groupby(["area_code", "period"], sort=False).indices.items():
        people = problem.var(("people", area, period))
        problem.truth[people] = float(cat["people_supported"].iat[idx[0]])
        if _shown(pub["people_supported"].iat[idx[0]]):
            v = pub["people_supported"].iat[idx[0]]
            problem.interval({people: 1.0}, v - HALF, v + HALF)
        for i in idx:
            problem.ratio([xs[i]], [people], pub["per_1000"].iat[i], 1000.0)
        for indicator_id in ("breakdowns_per_1000", "transition_breakdowns_per_1000", "discharge_breakdowns_per_1000"):
            t._link(indicator_id, area, period, None, base_var=people)
    agree = raw["agreement"].reset_index(drop=True)
    links = [(ind, (agree["statement_order"] == order) & (agree["agreement"] >= 4), agree["statement_order"] == order)
             for order, ind in ((1, "dp_flexible_use"), (3, "dp_paid_quickly"), (4, "dp_trusted"))]
    t.counts("agreement", agree, built["agreement"], "holders", ["area_code", "period", "statement_order"],
             total_col="answered", share_col="share", links=links)
    ist = raw["i_statements"].reset_index(drop=True)
    t.counts("i_statements", ist, built["i_statements"], "answers", ["area_code", "period", "theme"],
             total_col="answered", share_col="share",
             links=[("i_statements_yes", ist["answer"] == "yes", pd.Series(True, index=ist.index))])
    act = raw["actions"].reset_index(drop=True)
    t.counts("actions", act, built["actions"], "actions", ["area_code", "period"],
             links=[("you_said_we_did", act["status"] == "Completed", pd.Series(True, index=act.index))])
    par = raw["participants"].reset_index(drop=True)
    t.counts("participants", par, built["participants"], "places", ["area_code", "period"],
             links=[("self_advocate_share", par["role_key"] == "self_advocates", pd.Series(True, index=par.index))])
    area_cells = published[published["geography_level"] == "area"]
    for name, indicator_id in tables.BIN_MEDIANS.items():
        rows = area_cells[area_cells["indicator_id"] == indicator_id]
        medians = {(r.geography_code, r.period): r._asdict() for r in rows.itertuples()}
        t.bins(name, raw[name], built[name], {"payment_wait": "holders", "delays": "breakdowns"}[name], medians)
    dec = raw["decisions"].reset_index(drop=True)
    pairs = t.proportions("decisions", dec, built["decisions"], same_base=["area_code", "period", "decision"])
    # the window's decisions with self-advocates, and all its decisions, are parts of the
    # indicator's counts and bases over the window's years (which add commissioning decisions)
    for (area, start), idx in dec.groupby(["area_code", "period"], sort=False).indices.items():
        years = [cells.get(("decisions_with_self_advocates", area, y)) for y in rules.window_of(start)]
        years = [y for y in years if y is not None]
        if not years:
            continue
        sa = [pairs[i][0] for i in idx if dec["who"].iat[i] == "Self-advocates"]
        bases = [pairs[i][1] for i in idx if dec["who"].iat[i] == "Self-advocates"]
        sc, sb = problem.var(("slack", "decisions", area, start, "count")), problem.var(("slack", "decisions", area, start, "base"))
        problem.truth[sc] = sum(problem.truth[c] for (c, _), _ in years) - sum(problem.truth[c] for c in sa)
        problem.truth[sb] = sum(problem.truth[b] for (_, b), _ in years) - sum(problem.truth[b] for b in bases)
        problem.eq({**{c: 1.0 for (c, _), _ in years}, **{c: -1.0 for c in sa}, sc: -1.0}, 0.0)
        problem.eq({**{b: 1.0 for (_, b), _ in years}, **{b: -1.0 for b in bases}, sb: -1.0}, 0.0)
        problem.le({sc: 1.0, sb: -1.0}, 0.0)
        problem.relations += 2
    con = raw["control"].reset_index(drop=True)
    pairs = t.proportions("control", con, built["control"])
    for k in range(len(con)):
        if con["payment_group"].iat[k] != "With a direct payment":
            continue
        found = cells.get(("control_direct_payment", con["area_code"].iat[k], con["period"].iat[k]))
        if found is None:
            continue
        (c, b), _ = found
        if problem.truth[c] == problem.truth[pairs[k][0]] and problem.truth[b] == problem.truth[pairs[k][1]]:
            problem.eq({c: 1.0, pairs[k][0]: -1.0}, 0.0)
            problem.eq({b: 1.0, pairs[k][1]: -1.0}, 0.0)
            problem.relations += 1
