"""ASCOF 3D from a council's own Client Level Data (CLD) submission, the NHS way.

``ascof_3d(store)`` runs the named query ``ascof_3d_cld`` (NHS England's replication code as
SQL: see the query's header) and rounds each outcome as the code's SQL Server
``ROUND(CAST(num AS Decimal) / CAST(den AS Decimal) * 100, 1)`` does: half away from zero, on
exact decimals (never on floats, where 12.25 may be 12.2499...).

``merge(local, cld, indicator_id)`` puts these figures in place of the support-records figures
for the same council and year (``indicators.compute_indicator`` calls it), labelled
"from your CLD submission, NHS method", and keeps the region and all-areas rows adding up.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

from dashboard.data import reference

SOURCE = "from your CLD submission, NHS method"
#: indicator -> the query's numerator column (ASCOF 3D part)
MEASURES = {"self_directed_support": "sds_numerator", "direct_payments": "dp_numerator"}
PARTS = {"sds_numerator": "3D1A", "dp_numerator": "3D2A"}


def sql_server_round(numerator: int, denominator: int, places: int = 1) -> Decimal:
    """numerator / denominator * 100 rounded to ``places`` decimals half away from zero, in whole
    numbers (exact: 49 of 400 is 12.25, which rounds to 12.3)."""
    numerator, denominator = int(numerator), int(denominator)
    if denominator <= 0 or numerator < 0:
        raise ValueError("a count of people: numerator 0 or more, denominator more than 0")
    scale = 10 ** places
    steps = (2 * numerator * 100 * scale + denominator) // (2 * denominator)
    return Decimal(steps).scaleb(-places)


def ascof_3d(store) -> pd.DataFrame:
    """Per council, year and breakdown (Total, 18-64, 65 and over): the denominator, both
    numerators and both outcomes (Decimal, rounded as NHS England's code)."""
    frame = store.query("ascof_3d_cld")
    for column in ("denominator", "sds_numerator", "dp_numerator"):
        frame[column] = frame[column].fillna(0).astype(int)
    frame["sds_outcome"] = [sql_server_round(n, d) for n, d in zip(frame["sds_numerator"], frame["denominator"])]
    frame["dp_outcome"] = [sql_server_round(n, d) for n, d in zip(frame["dp_numerator"], frame["denominator"])]
    return frame.sort_values(["area_code", "period", "disaggregation"]).reset_index(drop=True)


def _regions() -> dict[str, str]:
    areas = reference.areas_frame()
    return dict(zip(areas["area_code"], areas["region_code"]))


def merge(local: pd.DataFrame, cld: pd.DataFrame, indicator_id: str) -> pd.DataFrame:
    """``local`` (an indicator query's rows: area, region and all-areas) with the CLD figures in
    place of the same councils' and years' rows; region and all-areas rows adjusted by the
    difference, so they still add up the areas shown. ``value`` of a CLD row is the outcome as
    NHS England rounds it; ``value_exact`` keeps num/den for the interval."""
    column = MEASURES.get(indicator_id)
    if column is None or cld is None or cld.empty:
        return local
    rows = cld[cld["disaggregation"] == "Total"]
    if rows.empty:
        return local
    outcome = "sds_outcome" if column == "sds_numerator" else "dp_outcome"
    new = pd.DataFrame({
        "geography_level": "area",
        "geography_code": rows["area_code"].to_numpy(),
        "period": rows["period"].to_numpy(),
        "count": rows[column].to_numpy(dtype=float),
        "base": rows["denominator"].to_numpy(dtype=float),
        "numerator": rows[column].to_numpy(dtype=float),
        "denominator": rows["denominator"].to_numpy(dtype=float),
        "published_value": [float(v) for v in rows[outcome]],
        "source": SOURCE,
    })
    local = local.copy()
    keys = set(zip(new["geography_code"], new["period"]))
    is_area = local["geography_level"] == "area"
    in_cld = pd.Series([(c, p) in keys for c, p in zip(local["geography_code"], local["period"])], index=local.index,
                       dtype=bool)
    replaced = local[is_area & in_cld]
    kept = local.drop(index=replaced.index)
    # region and all-areas rows: + CLD - the support-records rows they replace
    region_of = _regions()
    delta = pd.concat([
        new[["geography_code", "period", "count", "base", "numerator", "denominator"]].assign(sign=1.0),
        replaced[["geography_code", "period", "count", "base", "numerator", "denominator"]].assign(sign=-1.0),
    ], ignore_index=True)
    counts = ["count", "base", "numerator", "denominator"]
    for col in counts:
        delta[col] = delta[col].astype(float).fillna(0) * delta["sign"]
    delta["region"] = delta["geography_code"].map(region_of)
    for level, key in (("region", "region"), ("all", None)):
        by = delta.assign(code=delta[key] if key else "all").groupby(["code", "period"])[counts].sum().reset_index()
        for row in by.itertuples(index=False):
            mask = (kept["geography_level"] == level) & (kept["geography_code"] == row.code) & (kept["period"] == row.period)
            if mask.any():
                for col in counts:
                    kept.loc[mask, col] = kept.loc[mask, col].astype(float) + getattr(row, col)
            else:
                kept = pd.concat([kept, pd.DataFrame([{
                    "geography_level": level, "geography_code": row.code, "period": row.period,
                    **{col: getattr(row, col) for col in counts}}])], ignore_index=True)
    if "source" not in kept.columns:
        kept["source"] = None
    merged = pd.concat([kept, new], ignore_index=True)
    if "value" in merged.columns:
        merged.loc[merged["geography_level"].isin(["region", "all"]), "value"] = np.nan
    return merged
