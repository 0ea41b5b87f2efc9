"""Chosen benchmarks and comparisons: England, the area's region, or a comparison group.

- England: the published ASCOF value where the indicator has one, otherwise all areas in the
  data (``Figures.benchmark``).
- Region: the region's figure over its areas in the data (the indicator queries return region
  rows: numerators and denominators summed; medians over the region's values).
- Group: the chosen comparison group's aggregate: proportions and rates add up the group's
  numerators and denominators; medians run a parameterised query over the group's areas.
Every benchmark is a published cell of the release layer (``dashboard.release``): an aggregate
of councils only where at least 3 contribute, never with its counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.figures import narrative, stats
from dashboard.figures.trends import (TREND_FIELDS, _trend, _trend_records, trend_series,  # noqa: F401
                                      trend_to)
from dashboard.figures.groups import Group
from dashboard.figures.indicators import LOCAL, PUBLISHED, Benchmark, Figures, per_figures
from dashboard.data.store import Store
from dashboard.release import rules

ENGLAND, REGION, GROUP = "england", "region", "group"
BENCHMARK_OPTIONS = {
    ENGLAND: "England (published ASCOF, else all areas in the data)",
    REGION: "The area's region",
    GROUP: "A comparison group's average",
}
LEVELS = {"95": 95.0, "99.8": 99.8}


@dataclass(frozen=True)
class Choice:
    """What the benchmark is: ``kind`` (england, region, group) and, for ``group``, its areas."""
    kind: str = ENGLAND
    group: Group | None = None


def region_benchmark(figs: Figures, indicator_id: str, period: str, area: str) -> Benchmark | None:
    match = figs.areas[figs.areas["area_code"] == area]
    if match.empty:
        return None
    region_code, region_name = match.iloc[0]["region_code"], match.iloc[0]["region_name"]
    frame = figs.indicator(indicator_id)
    rows = frame[(frame["geography_level"] == "region") & (frame["geography_code"] == region_code)
                 & (frame["period"] == period) & frame["value"].notna()]
    if rows.empty:
        return None
    row = rows.sort_values("source").iloc[0]  # local data before published ASCOF
    where = "areas in the data" if row["source"] == LOCAL else "published ASCOF"
    return Benchmark(float(row["value"]), f"The {region_name} region ({where})", row["source"])


def group_benchmark(figs: Figures, store: Store | None, indicator_id: str, period: str, group: Group) -> Benchmark | None:
    """The group's aggregate as the release layer publishes it; None where it is not published
    (fewer than 3 councils contribute, or small numbers)."""
    if not group.codes:
        return None
    row = figs.aggregate(indicator_id, period, group.codes)
    if row is None or row["value"] != row["value"]:
        return None
    return Benchmark(float(row["value"]), f"The group average of {group.words}", row["source"])


def missing_benchmark(figs: Figures, indicator_id: str, period: str, choice: Choice) -> str | None:
    """Why a chosen group's average is not there (for the page to say so), or None."""
    if choice.kind != GROUP or choice.group is None or not choice.group.codes:
        return None
    if group_benchmark(figs, None, indicator_id, period, choice.group) is not None:
        return None
    row = figs.aggregate(indicator_id, period, choice.group.codes)
    reason = row.get("suppression_reason") if row is not None else rules.FEW_COUNCILS_TEXT
    return (f"The group average of {choice.group.words} is not shown for {period} "
            f"({rules.not_shown(reason).removeprefix('Not shown: ')}), so no area is compared with it.")


@per_figures
def benchmark(figs: Figures, store: Store | None, indicator_id: str, period: str, choice: Choice,
              area: str | None = None) -> Benchmark | None:
    """The chosen benchmark for one indicator and year (region: the region of ``area``)."""
    if choice.kind == REGION and area:
        return region_benchmark(figs, indicator_id, period, area)
    if choice.kind == GROUP and choice.group is not None:
        return group_benchmark(figs, store, indicator_id, period, choice.group)
    return figs.benchmark(indicator_id, period)


@per_figures
def compared(figs: Figures, store: Store | None, indicator_id: str, period: str, choice: Choice,
             codes: list[str] | tuple[str, ...] | None = None, with_trend: bool = True) -> pd.DataFrame:
    """One row per area (in ``codes`` if given) with the chosen benchmark, the comparison at 95%
    and at 99.8% and, if asked, the trend in words. Suppressed rows stay (not compared)."""
    frame = figs.areas_for(indicator_id, period)
    if codes is not None:
        frame = frame[frame["geography_code"].isin(list(codes))]
    frame = frame.copy()
    polarity = figs.catalogue[indicator_id].polarity
    fixed = None if choice.kind == REGION else benchmark(figs, store, indicator_id, period, choice)
    by_area: dict[str, list] = {}
    if with_trend:
        rows = figs.indicator(indicator_id)
        rows = rows[rows["geography_level"] == "area"]
        for code, *rest in rows[["geography_code", *TREND_FIELDS]].itertuples(index=False, name=None):
            by_area.setdefault(code, []).append(tuple(rest))
    indicator = figs.catalogue[indicator_id]
    by_region: dict = {}
    values, labels, c95, c998, trends = [], [], [], [], []
    for _, row in frame.iterrows():
        if choice.kind == REGION:
            region = row.get("region_code")
            if region not in by_region:
                by_region[region] = region_benchmark(figs, indicator_id, period, row["geography_code"])
            bench = by_region[region]
        else:
            bench = fixed
        value = bench.value if bench else math.nan
        values.append(value)
        labels.append(bench.label if bench else None)
        c95.append(stats.compare_at(row, value, polarity, 95))
        c998.append(stats.compare_at(row, value, polarity, 99.8))
        if with_trend:
            records = _trend_records(by_area.get(row["geography_code"], []), period, 5)
            trends.append(_trend(indicator, records).words)
    frame["benchmark_value"] = values
    frame["benchmark_label"] = labels
    frame["comparison_95"] = c95
    frame["comparison_998"] = c998
    frame["comparison"] = c95
    frame["trend"] = trends if with_trend else None
    return frame.reset_index(drop=True)


# ------------------------------------------------------------------ area profile (spine chart)


@per_figures
def profile(figs: Figures, store: Store | None, area: str, period: str, choice: Choice,
            group_codes: list[str] | tuple[str, ...], level: float = 95) -> pd.DataFrame:
    """One row per indicator for an area: local count and value, the benchmark, the lowest and
    highest in the group, the 25th and 75th percentiles, the comparison and the trend in words.
    The group's spread uses only figures that can be shown (suppressed areas left out)."""
    rows = []
    for indicator in figs.catalogue.indicators:
        if period not in figs.periods(indicator.id) and figs.figure(indicator.id, area, period) is None:
            continue
        areas = figs.areas_for(indicator.id, period)
        spread = areas[areas["geography_code"].isin(list(group_codes)) & ~areas["suppressed"].astype(bool)]["value"].dropna()
        own = figs.figure(indicator.id, area, period)
        bench = benchmark(figs, store, indicator.id, period, choice, area)
        suppressed = bool(own["suppressed"]) if own is not None else False
        comparison = stats.compare_at(own, bench.value if bench else math.nan, indicator.polarity, level) if own is not None else stats.NOT_COMPARED
        trend = trend_to(figs, indicator.id, area, period)
        rows.append({
            "domain": indicator.domain,
            "domain_name": figs.catalogue.domain(indicator.domain).name,
            "indicator_id": indicator.id,
            "indicator": indicator.short_name,
            "polarity": indicator.polarity,
            "count": own["count"] if own is not None else math.nan,
            "value": own["value"] if own is not None else math.nan,
            "lower": own[f"lower_{stats.level_suffix(level)}"] if own is not None else math.nan,
            "upper": own[f"upper_{stats.level_suffix(level)}"] if own is not None else math.nan,
            "suppressed": suppressed,
            "suppression_reason": own["suppression_reason"] if own is not None else None,
            "source": own["source"] if own is not None else None,
            "benchmark_value": bench.value if bench else math.nan,
            "benchmark_label": bench.label if bench else None,
            "lowest": spread.min() if len(spread) else math.nan,
            "highest": spread.max() if len(spread) else math.nan,
            "q25": spread.quantile(0.25) if len(spread) else math.nan,
            "q75": spread.quantile(0.75) if len(spread) else math.nan,
            "areas_in_spread": int(len(spread)),
            "comparison": comparison,
            "symbol": narrative.COMPARISON_STYLE[comparison][1],
            "trend": trend.words,
            "trend_arrow": trend.arrow,
        })
    return pd.DataFrame(rows)


@per_figures
def worse_and_worsening(figs: Figures, store: Store | None, period: str, choice: Choice,
                        codes: list[str] | tuple[str, ...], level: float = 95) -> pd.DataFrame:
    """Areas significantly worse than their benchmark AND with a trend getting worse, for every
    indicator with a polarity."""
    found = []
    for indicator in figs.catalogue.indicators:
        if indicator.polarity == "none" or period not in figs.periods(indicator.id):
            continue
        frame = compared(figs, store, indicator.id, period, choice, codes)
        column = f"comparison_{stats.level_suffix(level)}"
        hits = frame[(frame[column] == stats.WORSE) & frame["trend"].str.endswith("getting worse")]
        for _, row in hits.iterrows():
            found.append({
                "indicator_id": indicator.id,
                "indicator": indicator.short_name,
                "domain_name": figs.catalogue.domain(indicator.domain).name,
                "area_code": row["geography_code"],
                "area_name": row["area_name"],
                "value": row["value"],
                "lower": row[f"lower_{stats.level_suffix(level)}"],
                "upper": row[f"upper_{stats.level_suffix(level)}"],
                "benchmark_value": row["benchmark_value"],
                "benchmark_label": row["benchmark_label"],
                "comparison": row[column],
                "trend": row["trend"],
                "source": row["source"],
                "period": period,
            })
    return pd.DataFrame(found, columns=["indicator_id", "indicator", "domain_name", "area_code", "area_name", "value",
                                        "lower", "upper", "benchmark_value", "benchmark_label", "comparison", "trend",
                                        "source", "period"])


def spine_position(value: float, bench: float, lowest: float, highest: float, polarity: str) -> float:
    """Fingertips-style spine position: the benchmark at 0, the group's furthest value from it
    at -1 or 1; better to the right where the indicator has a polarity."""
    if any(v != v for v in (value, bench, lowest, highest)):
        return math.nan
    reach = max(abs(lowest - bench), abs(highest - bench), abs(value - bench))
    if reach == 0:
        return 0.0
    sign = -1.0 if polarity == "low_good" else 1.0
    return float(np.clip(sign * (value - bench) / reach, -1, 1))


# ------------------------------------------------------------------ splits by group (by-group page)

DIMENSIONS = ["age band", "primary support reason", "mechanism of delivery"]


def splits(store: Store, indicator_id: str, codes: list[str] | tuple[str, ...], period: str) -> pd.DataFrame:
    """An indicator for one area or a set of areas split by age band, primary support reason
    and mechanism of delivery: the release layer's published cells."""
    from dashboard import release

    return release.splits(store, indicator_id, codes, period)
