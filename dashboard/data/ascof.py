"""The published NHS ASCOF open-data file: year-aware meaning of measure codes and parsing.

Facts (from the NHS files of several years): the ONS column is ``ONS Code`` from 2019-20 and
``ONS Area Code`` before; some releases spell the value column ``Measure_Value``; missing values
are ``:``, ``c``, ``[x]``, ``[c]``, ``[z]`` or blank; key on ``Measure Group``, never on the
description; measures were renumbered in 2023-24.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.data.reference import ENGLAND_CODE, REGIONS, year_start

MISSING_MARKERS = {"", ":", "c", "[x]", "[c]", "[z]", "x", "z", "-", "*", ".."}

# Which published measure an indicator matches is the indicator's own: its catalogue entry's
# ``ascof_codes`` (measure group up to 2022-23, from 2023-24). Here: which of the two a year uses.
RENUMBERED_FROM = 2023  # the 2023-24 file uses the new codes


def measure_group_in(codes: tuple[str, str], period: str) -> str:
    """The measure group a year's file uses, of an indicator's ``(up to 2022-23, from 2023-24)``."""
    old_code, new_code = codes
    return new_code if year_start(period) >= RENUMBERED_FROM else old_code


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


COLUMN_SYNONYMS = {
    "geographical_code": ["geographicalcode"],
    "geographical_description": ["geographicaldescription"],
    "geographical_level": ["geographicallevel"],
    "ons_code": ["onscode", "onsareacode"],
    "measure_code": ["ascofmeasurecode"],
    "disaggregation": ["disaggregationlevel"],
    "measure_type": ["measuretype"],
    "measure_value": ["measurevalue"],
    "measure_group": ["measuregroup"],
    "measure_group_description": ["measuregroupdescription"],
}


def standard_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Rename the publisher's header (either variant) to snake_case names."""
    lookup = {_norm(c): c for c in frame.columns}
    renames, missing = {}, []
    for name, synonyms in COLUMN_SYNONYMS.items():
        found = next((lookup[s] for s in synonyms if s in lookup), None)
        if found is None:
            if name != "measure_group_description":
                missing.append(name)
        else:
            renames[found] = name
    if missing:
        raise ValueError(f"missing column(s): {', '.join(missing)}")
    return frame.rename(columns=renames)


def parse_value(raw) -> float | None:
    if raw is None or (isinstance(raw, float) and pd.isna(raw)):
        return None
    text = str(raw).strip()
    if text.lower() in MISSING_MARKERS:
        return None
    return float(text.replace(",", ""))


_LEVELS = {"council": "council", "region": "region", "england": "england"}
_REGION_BY_SHORT = {short: code for code, short, _ in REGIONS}


def tidy(frame: pd.DataFrame, period: str) -> pd.DataFrame:
    """Long published rows -> one row per geography, measure code and breakdown.

    Council-type rows are dropped (the dashboard groups councils itself).
    """
    frame = standard_columns(frame.astype(str).where(frame.notna(), ""))
    frame["level"] = frame["geographical_level"].str.strip().str.lower().map(_LEVELS)
    frame = frame[frame["level"].notna()].copy()
    code = frame["ons_code"].str.strip()
    code = code.where(code != "", frame["geographical_code"].str.strip().map(_REGION_BY_SHORT).fillna(""))
    code = code.where(frame["level"] != "england", ENGLAND_CODE)
    frame["geography_code"] = code
    frame["value"] = frame["measure_value"].map(parse_value)
    frame["measure_type"] = frame["measure_type"].str.strip().str.lower().str.replace(" ", "_")
    keys = ["level", "geography_code", "measure_code", "measure_group", "disaggregation"]
    wide = (
        frame.groupby(keys + ["measure_type"], sort=False)["value"].first().unstack("measure_type").reset_index()
    )
    wide.columns.name = None
    for col in ["outcome", "numerator", "denominator", "base", "margin_of_error"]:
        if col not in wide.columns:
            wide[col] = None
    wide["period"] = period
    wide["concept"] = None  # kept for old databases: the catalogue's ascof_codes give a measure its meaning
    wide = wide.rename(columns={"level": "geography_level"})
    return wide[
        [
            "geography_level", "geography_code", "period", "measure_code", "measure_group", "concept",
            "disaggregation", "outcome", "numerator", "denominator", "base", "margin_of_error",
        ]
    ]


#: breakdown code (the end of an ASCOF Measure Code after its measure group) -> disaggregation
BREAKDOWN_SUFFIXES = {
    "": "Total",
    "1864": "18-64",
    "65OV": "65 and over",
    "64U": "64 and under",
    "6584": "65-84",
    "85OV": "85 and over",
    "6574": "65-74",
    "7584": "75-84",
    "F": "Female",
    "M": "Male",
}
#: measure groups that exist only before (old) or only from (new) the 2023-24 renumbering
OLD_ONLY_GROUPS = {"1C2A", "1C2B", "1C1A", "1I1", "3D1"}
NEW_ONLY_GROUPS = {"3D2A", "3D2B", "3D1A", "5A1", "3C1", "1D"}
#: measure groups whose outcome is a percentage of people, up to 2022-23 and from 2023-24: the
#: import checks that their numerator is never above the denominator and the outcome is 0 to 100
PERCENT_GROUPS = ({"1B", "1C2A", "1C2B", "1C1A", "3D1", "1I1", "3A"},
                  {"3A", "3D2A", "3D2B", "3D1A", "3C1", "5A1", "1D"})


def percent_groups(period: str) -> set[str]:
    return PERCENT_GROUPS[1] if year_start(period) >= RENUMBERED_FROM else PERCENT_GROUPS[0]


def split_measure_code(code: str, known_groups: set[str] | None = None) -> tuple[str, str] | None:
    """``1C2A1864`` -> (``1C2A``, ``18-64``); None when the code's ending is not a known breakdown.

    With ``known_groups`` the longest known group that prefixes the code wins; without, the
    breakdown ending is stripped (longest first)."""
    code = str(code).strip().upper()
    if known_groups:
        for group in sorted(known_groups, key=len, reverse=True):
            if code.startswith(group.upper()) and code[len(group):] in BREAKDOWN_SUFFIXES:
                return group, BREAKDOWN_SUFFIXES[code[len(group):]]
    for suffix in sorted(BREAKDOWN_SUFFIXES, key=len, reverse=True):
        if suffix and code.endswith(suffix) and len(code) > len(suffix) + 1:
            return code[: -len(suffix)], BREAKDOWN_SUFFIXES[suffix]
    return (code, "Total") if code else None
