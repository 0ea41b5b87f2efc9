"""Figures: every catalogue indicator per geography and period, with intervals.

``compute_indicator`` runs an indicator's named query (SQL aggregates over the database; no
dataset table is pulled into pandas), adds published ASCOF values where an area has no local
figure and computes the 95% and 99.8% intervals: the raw figures, input to the release layer
(``dashboard.release``), never shown as they are. ``build_figures(store)`` returns the
published cells of the release layer as ``Figures``: everything a page shows comes from them.
"""

from __future__ import annotations

import functools
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data import ascof, cld
from dashboard.figures import stats
from dashboard.figures.trends import trend_to
from dashboard.figures.catalogue import Catalogue, Indicator
from dashboard.data.reference import ENGLAND_CODE
from dashboard.data.store import Store

LOCAL = "local data"
PUBLISHED = "published ASCOF"
ALL_AREAS = "all"  # geography_code of the all-areas aggregate

FIGURE_COLUMNS = [
    "indicator_id", "geography_level", "geography_code", "period", "source",
    "count", "base", "numerator", "denominator",
    "value", "lower_95", "upper_95", "lower_998", "upper_998",
    "suppressed", "suppression_reason",
]


def _intervals(frame: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """value and intervals for proportions (Wilson) and rates (Byar); medians come from SQL."""
    frame = frame.copy()
    if indicator.kind == "median":
        return frame
    num = frame["numerator"].astype(float)
    den = frame["denominator"].astype(float)
    if indicator.kind == "proportion":
        share = (num / den).where(den > 0)
        frame["value"] = frame["value"].where(frame["value"].notna(), share * 100) if "value" in frame else share * 100
        share = frame["value"] / 100
        for level, suffix in ((95, "95"), (99.8, "998")):
            frame[f"lower_{suffix}"], frame[f"upper_{suffix}"] = stats.wilson_percent(share, frame["base"].astype(float), level)
    else:  # rate per multiplier
        mult = indicator.multiplier
        rate = (num / den).where(den > 0)
        frame["value"] = frame["value"].where(frame["value"].notna(), rate * mult) if "value" in frame else rate * mult
        for level, suffix in ((95, "95"), (99.8, "998")):
            bounds = [stats.byar_interval(c, level) if c == c else (math.nan, math.nan) for c in num]
            frame[f"lower_{suffix}"] = [b[0] for b in bounds] / den * mult
            frame[f"upper_{suffix}"] = [b[1] for b in bounds] / den * mult
    return frame


def _published_rows(published: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """Every published value of the indicator's measure (its catalogue entry's ``ascof_codes``, the
    one each year's file uses), whatever rows came with it: with a base or denominator (Wilson
    interval later), with a margin of error only (the interval is the published one, see
    ``_published_intervals``), or the outcome alone (no interval: shown as published, never compared)."""
    years = {period: ascof.measure_group_in(indicator.ascof_codes, period) for period in published["period"].unique()}
    wanted = published["period"].map(years)
    rows = published[published["measure_group"] == wanted].copy()
    if rows.empty:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    rows = rows[rows["outcome"].notna()]
    base = rows["base"].where(rows["base"].notna(), rows["denominator"])
    rows["base"] = base
    counted = (rows["outcome"] / 100 * base).round()
    # the published numerator is the count where it counts the same people as the base
    rows["count"] = rows["numerator"].where(rows["base"].eq(rows["denominator"]) & rows["numerator"].notna(), counted)
    rows["value"] = rows["outcome"]
    rows["numerator"] = rows["numerator"].where(rows["numerator"].notna(), rows["count"])
    rows["denominator"] = rows["denominator"].where(rows["denominator"].notna(), base)
    rows["source"] = PUBLISHED
    return rows


def _published_intervals(frame: pd.DataFrame) -> pd.DataFrame:
    """Published rows with a margin of error and no counts: the published 95% interval
    (outcome -+ margin), and the 99.8% one scaled by z (3.09 / 1.96), both kept within 0-100."""
    if "margin_of_error" not in frame.columns:
        return frame
    moe = frame["margin_of_error"].astype(float)
    use = (frame["source"] == PUBLISHED) & moe.notna() & frame["base"].isna() & frame["value"].notna()
    if not use.any():
        return frame
    frame = frame.copy()
    value = frame["value"].astype(float)
    for level, suffix in ((95, "95"), (99.8, "998")):
        half = moe * stats.Z[level] / stats.Z[95]
        frame.loc[use, f"lower_{suffix}"] = (value - half).clip(lower=0)[use]
        frame.loc[use, f"upper_{suffix}"] = (value + half).clip(upper=100)[use]
    return frame


def compute_indicator(store: Store, indicator: Indicator, published: pd.DataFrame | None = None,
                      cld_figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """All figures for one indicator before suppression (never shown as they are).

    A council's own CLD submission (ASCOF 3D by NHS England's method, ``dashboard.data.cld``) takes
    the place of its support-records figure for the same year; published ASCOF values fill in
    where an area has no local figure."""
    local = store.query(indicator.query)
    local["source"] = LOCAL
    if indicator.id in cld.MEASURES:
        if cld_figures is None:
            cld_figures = cld.ascof_3d(store)
        local = cld.merge(local, cld_figures, indicator.id)
        local["source"] = local["source"].fillna(LOCAL)
    frames = [local]
    if indicator.ascof_codes and published is not None:
        pub = _published_rows(published, indicator)
        if not pub.empty:
            have = set(zip(local["geography_code"], local["period"]))
            keep = [(code, period) not in have for code, period in zip(pub["geography_code"], pub["period"])]
            # England is always kept: it is the benchmark, and local data never covers England
            keep = np.array(keep) | (pub["geography_level"] == "england").to_numpy()
            frames.append(pub[keep])
    frame = pd.concat([f for f in frames if not f.empty], ignore_index=True) if any(not f.empty for f in frames) else local
    for col in FIGURE_COLUMNS:
        if col not in frame.columns:
            frame[col] = np.nan
    frame["indicator_id"] = indicator.id
    frame = _published_intervals(_intervals(frame, indicator))
    if "published_value" in frame.columns:  # CLD: the outcome as NHS England rounds it; interval on exact counts
        frame["value"] = frame["published_value"].where(frame["published_value"].notna(), frame["value"])
    frame["suppressed"] = False
    frame["suppression_reason"] = None
    return frame[FIGURE_COLUMNS]


@dataclass
class Benchmark:
    value: float
    label: str  # "England (published ASCOF)" or "All areas in the data"
    source: str


_MISSING = object()


def per_figures(func):
    """Work ``func(figs, store, *args)`` out once per data version and arguments, and keep the
    result with the figures (shared by every session, dropped with them at the next import).
    Only for functions whose result depends on nothing but the figures, the same data version's
    database and the arguments."""

    @functools.wraps(func)
    def wrapper(figs, store, *args, **kwargs):
        key = (func.__module__, func.__qualname__, store is None, args, tuple(sorted(kwargs.items())))
        try:
            hash(key)
        except TypeError:  # lists of area codes
            key = (func.__module__, func.__qualname__, store is None, repr(args), repr(sorted(kwargs.items())))
        return figs.memo(key, lambda: func(figs, store, *args, **kwargs))

    return wrapper


class Figures:
    """Suppressed figures for every indicator, with helpers the pages share."""

    def __init__(self, frame: pd.DataFrame, catalogue: Catalogue, areas: pd.DataFrame):
        self.frame = frame  # published cells (dashboard.release): rounded, suppressed
        self.catalogue = catalogue
        self.areas = areas
        # ready per indicator, and per indicator and year once asked for: figures never change
        # for a data version (a new import builds a new Figures), so a page reads, never recomputes
        self._by_indicator = {key: group for key, group in frame.groupby("indicator_id", sort=False)}
        self._areas_for: dict[tuple[str, str], pd.DataFrame] = {}
        self._periods: dict[str | None, tuple[str, ...]] = {}
        self._memo: OrderedDict = OrderedDict()
        self._memo_lock = threading.Lock()

    # -- results worked out from these figures, kept with them (see ``per_figures``)
    MEMO_ENTRIES = 512

    def memo(self, key, compute):
        """``compute()`` once per key for these figures (one data version), the latest
        ``MEMO_ENTRIES`` kept; a DataFrame comes back as its own (shallow, copy-on-write) copy."""
        with self._memo_lock:
            found = self._memo.get(key, _MISSING)
            if found is not _MISSING:
                self._memo.move_to_end(key)
        if found is _MISSING:
            found = compute()
            with self._memo_lock:
                self._memo[key] = found
                while len(self._memo) > self.MEMO_ENTRIES:
                    self._memo.popitem(last=False)
        return found.copy(deep=False) if isinstance(found, pd.DataFrame) else found

    # -- lookups
    def indicator(self, indicator_id: str) -> pd.DataFrame:
        found = self._by_indicator.get(indicator_id)
        # a shallow copy: a caller that adds a column never changes the shared figures
        return found.copy(deep=False) if found is not None else self.frame.iloc[0:0]

    def periods(self, indicator_id: str | None = None) -> list[str]:
        if indicator_id not in self._periods:
            frame = self.frame if indicator_id is None else self.indicator(indicator_id)
            frame = frame[frame["geography_level"] == "area"]
            self._periods[indicator_id] = tuple(sorted(frame["period"].unique()))
        return list(self._periods[indicator_id])

    def latest_period(self) -> str | None:
        periods = self.periods()
        return periods[-1] if periods else None

    def area_name(self, code: str) -> str:
        names = self.__dict__.get("_area_names")
        if names is None:  # (a dict, once: a page naming 153 councils asked the frame 153 times)
            names = dict(zip(self.areas["area_code"], self.areas["area_name"]))
            self._area_names = names
        return names.get(code, code)

    def figure(self, indicator_id: str, area_code: str, period: str) -> pd.Series | None:
        frame = self.indicator(indicator_id)
        frame = frame[(frame["geography_code"] == area_code) & (frame["period"] == period)]
        return frame.iloc[0] if len(frame) else None

    def benchmark(self, indicator_id: str, period: str) -> Benchmark | None:
        """England: the published ASCOF value where there is one, else all areas in the data."""
        frame = self.indicator(indicator_id)
        frame = frame[frame["period"] == period]
        england = frame[(frame["geography_level"] == "england") & frame["value"].notna()]
        if len(england):
            return Benchmark(float(england["value"].iloc[0]), "England (published ASCOF)", PUBLISHED)
        every = frame[(frame["geography_level"] == "all") & frame["value"].notna()]
        if len(every):
            return Benchmark(float(every["value"].iloc[0]), "All areas in the data", LOCAL)
        return None

    def aggregate(self, indicator_id: str, period: str, codes) -> pd.Series | None:
        """The published aggregate of a set of councils (region, group, all areas), or None
        where the release layer does not publish it (fewer than 3 councils, small numbers)."""
        from dashboard.release.cells import group_key

        frame = self.indicator(indicator_id)
        rows = frame[(frame["group_key"] == group_key(codes)) & (frame["period"] == period)] if "group_key" in frame else frame.iloc[0:0]
        return rows.iloc[0] if len(rows) else None

    def areas_for(self, indicator_id: str, period: str) -> pd.DataFrame:
        """One row per area for an indicator and period, with names and England comparison
        (worked out once per indicator and period; each caller gets its own copy)."""
        key = (indicator_id, period)
        if key not in self._areas_for:
            self._areas_for[key] = self._areas_for_uncached(indicator_id, period)
        return self._areas_for[key].copy()

    def _areas_for_uncached(self, indicator_id: str, period: str) -> pd.DataFrame:
        frame = self.indicator(indicator_id)
        frame = frame[(frame["geography_level"] == "area") & (frame["period"] == period)]
        frame = frame.merge(self.areas, left_on="geography_code", right_on="area_code", how="left")
        bench = self.benchmark(indicator_id, period)
        polarity = self.catalogue[indicator_id].polarity
        frame["benchmark_value"] = bench.value if bench else np.nan
        frame["benchmark_label"] = bench.label if bench else None
        frame["comparison"] = [
            stats.compare(lo, hi, bench.value if bench else math.nan, polarity) if not s else stats.NOT_COMPARED
            for lo, hi, s in zip(frame["lower_95"], frame["upper_95"], frame["suppressed"])
        ]
        return frame

    def series(self, indicator_id: str, geography_code: str) -> pd.DataFrame:
        frame = self.indicator(indicator_id)
        return frame[frame["geography_code"] == geography_code].sort_values("period")

    def trend(self, indicator_id: str, geography_code: str, last: int = 5, period: str | None = None) -> stats.Trend:
        """Trend over the latest ``last`` years up to ``period`` (default: the latest), from the
        source of the latest figure only: published ASCOF values and local exports are never mixed
        in one test (see ``trends.trend_to``)."""

        if period is None:
            series = self.series(indicator_id, geography_code)
            if series.empty:
                return stats.trend_test([], [], "median", self.catalogue[indicator_id].polarity)
            period = series["period"].max()
        return self.memo(("trend", indicator_id, geography_code, period, last),
                         lambda: trend_to(self, indicator_id, geography_code, period, last))


def build_figures(store: Store, catalogue: Catalogue | None = None) -> Figures:
    """The published figures (``dashboard.release``): the only figures a page may show."""
    from dashboard import release

    return release.figures(store, catalogue)
