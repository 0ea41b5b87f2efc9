"""The attacker's audit (how statistical offices audit cell suppression): every published cell
and relation written as linear constraints on the unknown true counts, then for every hidden cell
its smallest and largest possible value by linear programming (scipy.optimize.linprog).

Unknowns: each council cell's count and base (indicator figures and splits by group). Published:
a rounded count or base v is the interval [v - 2.5, v + 2.5]; a percentage or rate v shown to
1 decimal place is lo <= mult * count / base <= hi, written count - hi/mult * base <= 0 and
count - lo/mult * base >= 0 (linear); an aggregate's value is the same over its councils' sums;
a total equals the sum of its parts; a council's "Everyone" split is its indicator figure.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linprog

from dashboard.release import rules

HALF = rules.ROUND_TO / 2 + 1e-7
BIG = 1e6  # "as large as you like": no true count comes near it
HALF_DECIMAL = 0.5 * 10 ** -rules.DECIMALS + 1e-7


@dataclass
class Problem:
    names: list = field(default_factory=list)  # variable names (cell, "count"|"base")
    index: dict = field(default_factory=dict)
    a_ub: list = field(default_factory=list)
    b_ub: list = field(default_factory=list)
    a_eq: list = field(default_factory=list)
    b_eq: list = field(default_factory=list)
    relations: int = 0
    hidden: list = field(default_factory=list)  # (name, expression {var: coef}, primary)
    truth: dict = field(default_factory=dict)  # variable -> true value (to check the model)

    def var(self, key):
        if key not in self.index:
            self.index[key] = len(self.names)
            self.names.append(key)
        return self.index[key]

    def le(self, expr: dict, bound: float):
        self.a_ub.append(expr)
        self.b_ub.append(bound)

    def eq(self, expr: dict, value: float):
        self.a_eq.append(expr)
        self.b_eq.append(value)

    def interval(self, expr: dict, lo: float, hi: float):
        if lo != lo or hi != hi:
            return
        self.le(expr, hi)
        self.le({k: -v for k, v in expr.items()}, -lo)
        self.relations += 1

    def ratio(self, counts: list, bases: list, value: float, mult: float):
        """lo <= mult * sum(counts) / sum(bases) <= hi, linear in the unknowns."""
        if value is None or value != value:
            return
        lo, hi = (value - HALF_DECIMAL) / mult, (value + HALF_DECIMAL) / mult
        upper = {c: 1.0 for c in counts}
        lower = {c: -1.0 for c in counts}
        for b in bases:
            upper[b] = upper.get(b, 0) - hi
            lower[b] = lower.get(b, 0) + lo
        self.le(upper, 0.0)
        self.le(lower, 0.0)
        self.relations += 1

    def _matrix(self, rows):
        from scipy.sparse import coo_matrix

        r, c, v = [], [], []
        for i, row in enumerate(rows):
            for k, x in row.items():
                r.append(i)
                c.append(k)
                v.append(x)
        return coo_matrix((v, (r, c)), shape=(len(rows), len(self.names))).tocsr()

    def violated(self) -> list[str]:
        """Constraints the true figures break (a wrong model, never a disclosure)."""
        x = np.array([self.truth.get(i, np.nan) for i in range(len(self.names))])  # noqa: F841
        bad = []
        for row, bound in zip(self.a_ub, self.b_ub):
            if sum(v * x[k] for k, v in row.items()) > bound + 1e-6:
                bad.append(("<=", {self.names[k]: v for k, v in row.items()}, bound))
        for row, bound in zip(self.a_eq, self.b_eq):
            if abs(sum(v * x[k] for k, v in row.items()) - bound) > 1e-6:
                bad.append(("==", {self.names[k]: v for k, v in row.items()}, bound))
        return bad

    def solve(self) -> list[dict]:
        """Range of every hidden cell: [{name, low, high, primary}]. The unknowns split into
        independent blocks (constraints never join them); each cell is solved on its block."""
        from scipy.sparse import vstack
        from scipy.sparse.csgraph import connected_components

        a_ub, a_eq = self._matrix(self.a_ub), self._matrix(self.a_eq)
        b_ub, b_eq = np.array(self.b_ub), np.array(self.b_eq)
        both = vstack([a_ub, a_eq]).tocsr()
        pattern = (both != 0).astype(float)
        _, label = connected_components(pattern.T @ pattern, directed=False)
        blocks = {}
        out = []
        for name, expr, primary in self.hidden:
            block = label[next(iter(expr))]
            if block not in blocks:
                cols = np.flatnonzero(label == block)
                rows_ub = np.flatnonzero(np.asarray((a_ub[:, cols] != 0).sum(axis=1)).ravel() > 0)
                rows_eq = np.flatnonzero(np.asarray((a_eq[:, cols] != 0).sum(axis=1)).ravel() > 0)
                blocks[block] = (cols, a_ub[rows_ub][:, cols], b_ub[rows_ub], a_eq[rows_eq][:, cols], b_eq[rows_eq])
            cols, sub_ub, sub_bub, sub_eq, sub_beq = blocks[block]
            where = {k: i for i, k in enumerate(cols)}
            c = np.zeros(len(cols))
            for k, v in expr.items():
                c[where[k]] = v
            ends = []
            for sign in (1, -1):
                res = linprog(sign * c, A_ub=sub_ub if len(sub_bub) else None, b_ub=sub_bub if len(sub_bub) else None,
                              A_eq=sub_eq if len(sub_beq) else None, b_eq=sub_beq if len(sub_beq) else None,
                              bounds=(0, BIG), method="highs")
                if res.status != 0:
                    raise AssertionError(f"the published figures are inconsistent ({res.message})")
                ends.append(sign * res.fun)
            out.append({"name": name, "low": ends[0], "high": ends[1], "primary": primary})
        self.blocks = len(blocks)
        return out


def add_cell(problem: Problem, key, kind: str, mult: float, published: dict | None, raw: dict, primary_what=None):
    """One council cell: its unknowns, and its published figures (None when hidden)."""
    c, b = problem.var((key, "count")), problem.var((key, "base"))
    problem.truth[c], problem.truth[b] = raw["count"], raw["base"]
    if kind == "proportion":
        problem.le({c: 1.0, b: -1.0}, 0.0)  # count <= base
    if published is None:
        what = primary_what(raw) if primary_what else None
        expr = {c: 1.0} if what in (None, "count") else ({b: 1.0, c: -1.0} if what == "complement" else {b: 1.0})
        problem.hidden.append((key, expr, what is not None))
        return c, b
    if published.get("count") == published.get("count") and published.get("count") is not None:
        problem.interval({c: 1.0}, published["count"] - HALF, published["count"] + HALF)
    if published.get("base") == published.get("base") and published.get("base") is not None:
        problem.interval({b: 1.0}, published["base"] - HALF, published["base"] + HALF)
    if published.get("value") == published.get("value") and published.get("value") is not None and raw.get("exact", True):
        problem.ratio([c], [b], published["value"], mult)
    return c, b


def primary_what(raw: dict):
    """Which small quantity hid a cell by the primary rule (None: hidden to protect another)."""
    count, base = raw["count"], raw["base"]
    if rules.is_small(count):
        return "count"
    if raw.get("kind") == "proportion" and rules.is_small(base - count):
        return "complement"
    if base < rules.SMALL_BELOW:
        return "base"
    return None


def failures(ranges: list[dict]) -> list[dict]:
    """A hidden cell fails when its feasible range is narrower than 5, or (for a cell hidden
    because it is small) when the range excludes 0."""
    bad = []
    for r in ranges:
        width = r["high"] - r["low"]
        if width < rules.ROUND_TO - 1e-6 or (r["primary"] and r["low"] > 1e-6):
            bad.append(r)
    return bad


def timed(problem: Problem):
    start = time.perf_counter()
    ranges = problem.solve()
    return ranges, time.perf_counter() - start
