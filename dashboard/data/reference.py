"""Reference tables: regions, the 153 councils (areas) and financial-year periods."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard import config

AREAS_FILE = config.SAMPLE_DATA_DIR / "reference" / "areas.csv"

#: ONS region code, the short code the ASCOF file uses, and the name.
REGIONS = [
    ("E12000001", "NE", "North East"),
    ("E12000002", "NW", "North West"),
    ("E12000003", "YH", "Yorkshire and The Humber"),
    ("E12000004", "EM", "East Midlands"),
    ("E12000005", "WM", "West Midlands"),
    ("E12000006", "E", "East of England"),
    ("E12000007", "L", "London"),
    ("E12000008", "SE", "South East"),
    ("E12000009", "SW", "South West"),
]
ENGLAND_CODE = "E92000001"

FIRST_YEAR, LAST_YEAR = 2010, 2035


def regions_frame() -> pd.DataFrame:
    return pd.DataFrame(REGIONS, columns=["region_code", "short_code", "region_name"])


def areas_frame() -> pd.DataFrame:
    raw = pd.read_csv(AREAS_FILE, comment="#", dtype=str)
    by_name = {name: code for code, _, name in REGIONS}
    unknown = set(raw["region"]) - set(by_name)
    if unknown:
        raise ValueError(f"{AREAS_FILE.name}: unknown region(s) {sorted(unknown)}")
    return pd.DataFrame(
        {
            "area_code": raw["ons_code"],
            "cassr_code": raw["cassr_code"],
            "area_name": raw["name"],
            "region_code": raw["region"].map(by_name),
            "council_type": raw["council_type"],
        }
    )


def financial_year(start_year: int) -> str:
    """2023 -> '2023-24'."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def year_start(period: str) -> int:
    """'2023-24' or '2023-24 Q2' -> 2023."""
    return int(period[:4])


def period_of_date(day: date) -> str:
    """The financial year (April to March) a date falls in."""
    return financial_year(day.year if day.month >= 4 else day.year - 1)


def periods_frame() -> pd.DataFrame:
    rows = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        fy = financial_year(year)
        rows.append((fy, "year", fy, None, date(year, 4, 1), date(year + 1, 3, 31), year * 10))
        quarter_bounds = [
            (date(year, 4, 1), date(year, 6, 30)),
            (date(year, 7, 1), date(year, 9, 30)),
            (date(year, 10, 1), date(year, 12, 31)),
            (date(year + 1, 1, 1), date(year + 1, 3, 31)),
        ]
        for q, (start, end) in enumerate(quarter_bounds, start=1):
            rows.append((f"{fy} Q{q}", "quarter", fy, q, start, end, year * 10 + q))
    return pd.DataFrame(
        rows,
        columns=["period", "period_type", "financial_year", "quarter", "start_date", "end_date", "sort_key"],
    )
