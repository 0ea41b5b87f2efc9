"""Indicator values three ways on the same database, checked to agree before any time is reported.

- **dashboard**: what a page does per request: the figures built once per data version
  (``indicators.build_figures``, cached by the app) and read for one indicator and year
  (``Figures.areas_for``, worked out on the first request for that indicator and year, then
  ready). The build and the first request are timed separately.
- **pandas**: the same tables held in memory as DataFrames (as most Streamlit dashboards do),
  filtered and grouped per request.
- **duckdb raw**: the indicator's named query, aggregating the raw rows at request time.

The check compares every area's count, base, numerator and denominator (and the value shown,
where it is not suppressed) for each indicator that has a pandas definition here.
"""

from __future__ import annotations

import resource
import statistics
import time
from dataclasses import dataclass
from typing import Callable

import pandas as pd

DIRECT = ("Direct Payment", "Part Direct Payment")


@dataclass(frozen=True)
class PandasIndicator:
    """An indicator as a typical pandas dashboard computes it: rows kept, rows that meet it, weight."""

    table: str
    columns: tuple[str, ...]
    keep: Callable[[pd.DataFrame], pd.Series]
    meets: Callable[[pd.DataFrame], pd.Series]
    weight: str | None = None


def _between(col, lo, hi):
    return lambda d: d[col].between(lo, hi)


def _isin(col, values):
    return lambda d: d[col].isin(values)


def _all(d):
    return pd.Series(True, index=d.index)


SURVEY = ("area_code", "period", "weight", "delivery_mechanism", "q1_satisfaction", "q2c_choice", "q3a_control",
          "q8a_social_contact", "q12_information")
SUPPORT = ("area_code", "period", "delivery_mechanism")
DP = ("area_code", "period", "use_flexibly", "paid_quickly", "trusted_to_decide")

#: the indicators re-done in pandas (every proportion over one table; the same rules as queries/)
PANDAS: dict[str, PandasIndicator] = {
    "choice": PandasIndicator("survey_responses", SURVEY, _isin("q2c_choice", [1, 2, 3]), _isin("q2c_choice", [1]), "weight"),
    "control": PandasIndicator("survey_responses", SURVEY, _between("q3a_control", 1, 4), _isin("q3a_control", [1, 2]), "weight"),
    "control_direct_payment": PandasIndicator(
        "survey_responses", SURVEY, lambda d: d["q3a_control"].between(1, 4) & d["delivery_mechanism"].isin([1, 2]),
        _isin("q3a_control", [1, 2]), "weight"),
    "control_council_commissioned": PandasIndicator(
        "survey_responses", SURVEY, lambda d: d["q3a_control"].between(1, 4) & (d["delivery_mechanism"] == 4),
        _isin("q3a_control", [1, 2]), "weight"),
    "information": PandasIndicator("survey_responses", SURVEY, _between("q12_information", 2, 5),
                                   _isin("q12_information", [2, 3]), "weight"),
    "social_contact": PandasIndicator("survey_responses", SURVEY, _between("q8a_social_contact", 1, 4),
                                      _isin("q8a_social_contact", [1]), "weight"),
    "satisfaction": PandasIndicator("survey_responses", SURVEY, _between("q1_satisfaction", 1, 7),
                                    _isin("q1_satisfaction", [1, 2]), "weight"),
    "direct_payments": PandasIndicator("support_records", SUPPORT, _all, _isin("delivery_mechanism", DIRECT)),
    "self_directed_support": PandasIndicator("support_records", SUPPORT, _all,
                                             lambda d: d["delivery_mechanism"] != "Council-commissioned support"),
    "individual_service_funds": PandasIndicator("support_records", SUPPORT, _all,
                                                _isin("delivery_mechanism", ["Individual Service Fund"])),
    "dp_flexible_use": PandasIndicator("dp_experience", DP, _between("use_flexibly", 1, 5), lambda d: d["use_flexibly"] >= 4),
    "dp_paid_quickly": PandasIndicator("dp_experience", DP, _between("paid_quickly", 1, 5), lambda d: d["paid_quickly"] >= 4),
    "dp_trusted": PandasIndicator("dp_experience", DP, _between("trusted_to_decide", 1, 5),
                                  lambda d: d["trusted_to_decide"] >= 4),
    "breakdowns_escalated": PandasIndicator("breakdowns", ("area_code", "period", "escalated"), _all,
                                            lambda d: d["escalated"].fillna(False).astype(bool)),
    "coproduced_activities": PandasIndicator("coproduction_activities", ("area_code", "period", "level"), _all,
                                             _isin("level", ["co-designed", "co-produced"])),
    "i_statements_yes": PandasIndicator("i_statement_checkins", ("area_code", "period", "answer"),
                                        _isin("answer", ["yes", "sometimes", "no"]), _isin("answer", ["yes"])),
}

TOTALS = ["count", "base", "numerator", "denominator"]


def load_tables(store) -> dict[str, pd.DataFrame]:
    """The tables a pandas dashboard would hold in memory (only the columns it needs)."""
    needed: dict[str, set[str]] = {}
    for spec in PANDAS.values():
        needed.setdefault(spec.table, set()).update(spec.columns)
    return {table: store.sql(f"select {', '.join(sorted(cols))} from {table}") for table, cols in needed.items()}


def pandas_values(tables: dict[str, pd.DataFrame], indicator_id: str, period: str) -> pd.DataFrame:
    """One indicator for one year, every area: filter and group the in-memory table."""
    spec = PANDAS[indicator_id]
    frame = tables[spec.table]
    frame = frame[frame["period"] == period]
    frame = frame[spec.keep(frame).fillna(False).astype(bool)]
    meets = spec.meets(frame).fillna(False).astype(bool)
    weight = frame[spec.weight] if spec.weight else pd.Series(1, index=frame.index)
    grouped = pd.DataFrame({
        "area_code": frame["area_code"], "count": meets.astype(int), "base": 1,
        "numerator": weight.where(meets, 0), "denominator": weight,
    }).groupby("area_code").sum()
    return grouped.reset_index()


def duckdb_values(store, indicator, period: str) -> pd.DataFrame:
    """One indicator for one year, every area: its named query over the raw rows, now."""
    frame = store.query(indicator.query)
    frame = frame[(frame["geography_level"] == "area") & (frame["period"] == period)]
    return frame.rename(columns={"geography_code": "area_code"})[["area_code", *TOTALS]]


def dashboard_values(figures, indicator_id: str, period: str) -> pd.DataFrame:
    """What a page reads per request: the area rows (suppressed, with the comparison)."""
    return figures.areas_for(indicator_id, period)


def _dashboard_totals(store, figures, indicator_id: str, period: str) -> pd.DataFrame:
    """The dashboard's own area totals before the release layer rounds and hides them
    (``indicators.compute_indicator``, the release layer's input)."""
    from dashboard.figures.indicators import LOCAL, compute_indicator

    totals = compute_indicator(store, figures.catalogue[indicator_id])
    totals = totals[(totals["geography_level"] == "area") & (totals["period"] == period)
                    & (totals["source"] == LOCAL)]
    return totals.rename(columns={"geography_code": "area_code"})[["area_code", *TOTALS]]


def _compare(name: str, left: pd.DataFrame, right: pd.DataFrame, what: str) -> list[str]:
    merged = left.merge(right, on="area_code", how="outer", suffixes=("_a", "_b"), indicator=True)
    problems = []
    missing = merged[merged["_merge"] != "both"]
    if len(missing):
        problems.append(f"{name}: {what}: {len(missing)} areas only one side has ({', '.join(missing['area_code'][:3])})")
    both = merged[merged["_merge"] == "both"]
    for col in TOTALS:
        a, b = both[f"{col}_a"].astype(float), both[f"{col}_b"].astype(float)
        bad = (a - b).abs() > 1e-6 * b.abs().clip(lower=1)
        if bad.any():
            row = both[bad].iloc[0]
            problems.append(f"{name}: {what}: {col} differs in {int(bad.sum())} areas "
                            f"(e.g. {row['area_code']}: {row[f'{col}_a']} vs {row[f'{col}_b']})")
    return problems


def check_agreement(store, figures, tables, period: str) -> tuple[list[str], int]:
    """Every pandas-defined indicator's area figures for ``period``, compared three ways."""
    problems, compared = [], 0
    for indicator_id in PANDAS:
        indicator = figures.catalogue[indicator_id]
        by_pandas = pandas_values(tables, indicator_id, period)
        by_duckdb = duckdb_values(store, indicator, period)
        by_dashboard = _dashboard_totals(store, figures, indicator_id, period)
        problems += _compare(indicator_id, by_dashboard, by_pandas, "dashboard vs pandas")
        problems += _compare(indicator_id, by_duckdb, by_pandas, "duckdb raw vs pandas")
        shown = dashboard_values(figures, indicator_id, period)
        shown = shown[~shown["suppressed"].astype(bool) & (shown["source"] == "local data")]
        expected = by_pandas.set_index("area_code")
        expected = (expected["numerator"] / expected["denominator"] * 100).reindex(shown["area_code"])
        off = (shown["value"].to_numpy() - expected.to_numpy())
        if len(off) and abs(off).max() > 0.05 + 1e-6:  # shown to 1 decimal place (the release layer)
            problems.append(f"{indicator_id}: the value shown differs from pandas by up to {abs(off).max():.3g}")
        compared += len(by_pandas)
    return problems, compared


def _median_seconds(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def measure(db: str, repeat: int = 3) -> dict:
    """Run in its own process (see ``dataset._in_child``): build, check, then time each method."""
    from dashboard.figures.catalogue import load
    from dashboard.figures.indicators import build_figures
    from dashboard.data.store import Store

    store = Store(db, read_only=True)
    catalogue = load()
    t = time.perf_counter()
    figures = build_figures(store, catalogue)
    build_seconds = time.perf_counter() - t
    rss_after_figures = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    tables = load_tables(store)
    load_seconds = time.perf_counter() - t
    period = figures.latest_period()
    t = time.perf_counter()
    for indicator_id in PANDAS:  # the first request for each indicator and year works its table out
        dashboard_values(figures, indicator_id, period)
    first_request = (time.perf_counter() - t) / len(PANDAS)
    problems, compared = check_agreement(store, figures, tables, period)
    result = {
        "period": period, "indicators": sorted(PANDAS), "areas_compared": compared,
        "agree": not problems, "problems": problems[:20],
        "figures_build_seconds": round(build_seconds, 3),
        "dashboard_first_request_seconds": round(first_request, 5), "pandas_load_seconds": round(load_seconds, 3),
        "pandas_tables_mb": round(sum(f.memory_usage(deep=True).sum() for f in tables.values()) / 1e6),
        "dashboard_peak_memory_mb": round(rss_after_figures),
    }
    if problems:  # no time is reported for values that do not agree
        store.close()
        return result
    per = {"dashboard": [], "pandas": [], "duckdb_raw": []}
    for indicator_id in PANDAS:
        indicator = catalogue[indicator_id]
        per["dashboard"].append(_median_seconds(lambda: dashboard_values(figures, indicator_id, period), repeat))
        per["pandas"].append(_median_seconds(lambda: pandas_values(tables, indicator_id, period), repeat))
        per["duckdb_raw"].append(_median_seconds(lambda: duckdb_values(store, indicator, period), repeat))
    store.close()
    seconds = {k: sum(v) / len(v) for k, v in per.items()}
    result.update({
        "seconds_per_request": {k: round(v, 5) for k, v in seconds.items()},
        "pandas_over_dashboard": round(seconds["pandas"] / seconds["dashboard"], 1),
        "duckdb_raw_over_dashboard": round(seconds["duckdb_raw"] / seconds["dashboard"], 1),
        "repeat": repeat,
    })
    return result
