"""The published NHS ASCOF open-data file, any year from 2014-15: CSV (Windows-1252) or XLSX.

Both header variants (``ONS Code`` / ``ONS Area Code``, ``Measure Value`` / ``Measure_Value``),
every missing-value marker, breakdown codes (``1C2A1864``), and the 2023-24 renumbering mapped by
year (``dashboard.data.ascof``). Council, region and England rows all land; council-type rows are left
out (the dashboard groups councils itself). The year comes from the file name
(``ascof-2020-21-open-data.csv``), a year column, or is given by the person importing.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.data import ascof, reference
from dashboard.data.importers.problems import Problems
from dashboard.data.importers.reading import ROW, Table, normalise_name
from dashboard.data.importers.validation import Field, RENAMED_AREAS, SPLIT_AREAS, parse_periods, period_start

TITLE = "Published ASCOF file (NHS)"
TABLE = "ascof_figures"
LEVELS = {"council": "council", "region": "region", "england": "england", "counciltype": "council type"}
MEASURE_TYPES = {"outcome": "outcome", "numerator": "numerator", "denominator": "denominator",
                 "base": "base", "marginoferror": "margin_of_error"}
YEAR_COLUMNS = {"year", "financialyear", "reportingperiod", "period", "reportingyear"}

#: the publisher's columns, for the template and messages (name, what it holds, required)
COLUMNS = [
    ("Geographical Code", "the publisher's code: council (CASSR) code, region short code (NE, YH...) or England", True),
    ("Geographical Description", "the name of the council, region or England", True),
    ("Geographical Level", "Council, Region, Council Type or England", True),
    ("ONS Code", "the ONS code (E08000035, E12000003, E92000001); files up to 2018-19 call it ONS Area Code", True),
    ("ASCOF Measure Code", "measure and breakdown joined: 1C2A total, 1C2A1864 aged 18-64, 1BF female", True),
    ("Disaggregation Level", "Total, 18-64, 65 and over, Female, Male, ... (worked out from the code when missing)", False),
    ("Measure Type", "Outcome, Numerator, Denominator, Base or Margin Of Error", True),
    ("Measure Value", "a number, or a missing-value marker: blank, :, c, [x], [c], [z]; some years spell it Measure_Value", True),
    ("Measure Group", "the measure without its breakdown (1C2A); worked out from the code when missing", False),
    ("Measure Group Description", "the measure's name (not used: one year's file repeats a description)", False),
]
_SYNONYMS = {k: set(v) for k, v in ascof.COLUMN_SYNONYMS.items()}
_SYNONYMS["measure_code"] |= {"measurecode"}
_SYNONYMS["geographical_level"] |= {"geographylevel", "level"}


def period_from_name(name: str) -> str | None:
    """``ascof-2020-21-open-data.csv`` or ``ASCOF_2023_24.xlsx`` or ``meas-2019-2020.csv`` -> the year."""
    match = re.search(r"(?<!\d)(20\d{2})[-_ ./]?(\d{2}|20\d{2})(?!\d)", name)
    if not match:
        return None
    parsed = parse_periods(pd.Series([f"{match[1]}-{match[2]}"]), quarters=False).iloc[0]
    return parsed


def check(table: Table, problems: Problems, period: str | None = None, today=None) -> pd.DataFrame | None:
    """Validate one published file and return its tidy rows (one per geography, measure code
    and breakdown), or None when the file cannot be read as a published ASCOF file."""
    from datetime import date

    today = today or date.today()
    file = table.file
    lookup = {normalise_name(c): c for c in table.columns}
    mapping, missing = {}, []
    for name, synonyms in _SYNONYMS.items():
        found = next((lookup[s] for s in synonyms if s in lookup), None)
        if found:
            mapping[name] = found
        elif name not in ("measure_group_description", "measure_group", "disaggregation", "geographical_description"):
            missing.append(name)
    if missing:
        words = {"geographical_code": "Geographical Code", "geographical_level": "Geographical Level",
                 "ons_code": "ONS Code (or ONS Area Code)", "measure_code": "ASCOF Measure Code",
                 "measure_type": "Measure Type", "measure_value": "Measure Value (or Measure_Value)"}
        problems.add(file, None, "has no column for " + ", ".join(f'"{words[m]}"' for m in missing),
                     "the published ASCOF open-data file's header: " + ", ".join(c for c, _, _ in COLUMNS[:9]),
                     count=1)
        return None
    raw = table.frame
    if raw.empty:
        problems.add(file, None, "has a header row but no data rows",
                     "the published figures below the header", count=1)
        return None

    # ---- the year
    year_column = next((lookup[c] for c in YEAR_COLUMNS if c in lookup), None)
    if period is None and year_column is not None:
        years = parse_periods(raw[year_column].str.strip(), quarters=False)
        bad = years.isna()
        if bad.any():
            problems.add(file, year_column, "is not a financial year we can read", "a financial year such as 2020-21",
                         raw.loc[bad, ROW].head(10), raw.loc[bad, year_column].head(10), count=int(bad.sum()))
            return None
        if years.nunique() > 1:
            problems.add(file, year_column, "holds more than one year",
                         "one year per file (split the file by year)", count=1)
            return None
        period = years.iloc[0]
    period = period or period_from_name(file)
    if period is None:
        problems.add(file, None, "does not say which year it is for (no year in its name)",
                     "the year given with the file (--period 2020-21 on the command line, or the year "
                     "chosen on the Data page), or a name such as ascof-2020-21.csv", count=1)
        return None
    if period_start(period) > today:
        problems.add(file, None, f"is for {period}, which is in the future", "a year that has started", count=1)
        return None

    col = {k: raw[v].astype(str).str.strip() for k, v in mapping.items()}
    rows = raw[ROW]

    def report(mask, column_key, what, expected, values=None):
        mask = mask.fillna(False).astype(bool)
        if mask.any():
            shown = (values if values is not None else col[column_key])[mask]
            problems.add(file, mapping.get(column_key, column_key), what, expected, rows[mask].head(10).tolist(),
                         shown.head(10).tolist(), count=int(mask.sum()))

    # ---- level and geography
    level = col["geographical_level"].map(normalise_name).map(LEVELS)
    report(level.isna(), "geographical_level", "is not a geographical level we know",
           '"Council", "Region", "Council Type" or "England"')
    areas = set(reference.areas_frame()["area_code"])
    regions_by_short = {short: code for code, short, _ in reference.REGIONS}
    region_codes = {code for code, _, _ in reference.REGIONS}
    ons = col["ons_code"].str.upper().where(lambda s: ~s.isin(["", "NAN", "NONE"]), "")
    council = level == "council"
    known_council = ons.isin(areas) | ons.isin(RENAMED_AREAS) | ons.isin(SPLIT_AREAS)
    report(council & ~known_council, "ons_code", "is not a council we know",
           "the ONS code of a council with adult social services responsibilities, such as E08000035")
    region = level == "region"
    region_code = ons.where(ons.isin(region_codes), col["geographical_code"].str.upper().map(regions_by_short))
    report(region & region_code.isna(), "ons_code", "is not a region we know",
           "an ONS region code (E12000001 to E12000009) or the region's short code (NE, NW, YH, EM, WM, E, L, SE, SW)")

    # ---- measure type, code and value
    mtype = col["measure_type"].map(normalise_name).map(MEASURE_TYPES)
    report(mtype.isna(), "measure_type", "is not a measure type we know",
           '"Outcome", "Numerator", "Denominator", "Base" or "Margin Of Error"')
    code = col["measure_code"].str.upper()
    report(code.eq(""), "measure_code", "is empty", "an ASCOF measure code such as 1C2A")
    value_text = col["measure_value"].str.replace(",", "", regex=False).str.rstrip("%").str.strip()
    missing_marker = value_text.str.lower().isin(ascof.MISSING_MARKERS) | value_text.str.lower().isin({"nan", "none"})
    value = pd.to_numeric(value_text.where(~missing_marker), errors="coerce")
    report(~missing_marker & value.isna(), "measure_value", "is not a number or a missing-value marker",
           'a number, or one of the markers for a missing value: blank, ":", "c", "[x]", "[c]", "[z]"')

    # ---- measure group and breakdown (from the file's columns, else from the code)
    if "measure_group" in mapping:
        group = col["measure_group"].str.upper()
        group = group.where(group != "", code.map(lambda c: (ascof.split_measure_code(c) or ("", ""))[0]))
    else:
        group = code.map(lambda c: (ascof.split_measure_code(c) or ("", ""))[0])
    if "disaggregation" in mapping:
        disaggregation = col["disaggregation"]
    else:
        disaggregation = pd.Series("", index=raw.index)
    from_code = [ascof.BREAKDOWN_SUFFIXES.get(c[len(g):], "") if c.startswith(g) else "" for c, g in zip(code, group)]
    disaggregation = disaggregation.where(disaggregation != "", pd.Series(from_code, index=raw.index))
    report(disaggregation.eq("") & code.ne(""), "measure_code", "has a breakdown we do not know",
           "a measure code ending in a known breakdown: nothing (total), 1864, 65OV, 64U, 6584, 85OV, 6574, 7584, F or M")

    # ---- codes belong to the year: the 2023-24 renumbering
    start = reference.year_start(period)
    wrong_era = group.isin(ascof.OLD_ONLY_GROUPS) if start >= ascof.RENUMBERED_FROM else group.isin(ascof.NEW_ONLY_GROUPS)
    if wrong_era.any():
        era = "before" if start >= ascof.RENUMBERED_FROM else "from"
        report(wrong_era, "measure_group" if "measure_group" in mapping else "measure_code",
               f"is a measure code used only {era} the 2023-24 renumbering, but the file is for {period}",
               "the codes of the file's own year: check the year given for this file")

    if problems:
        return None
    keep = level.isin(["council", "region", "england"])
    frame = pd.DataFrame({
        "row": rows, "level": level, "ons": ons, "region_code": region_code, "type": mtype, "code": code,
        "group": group, "disaggregation": disaggregation, "value": value,
    })[keep]
    if (~keep).any():
        problems.note(f"{file}: {int((~keep).sum()):,} council-type rows (for example Shire Counties) were left "
                      "out: the dashboard groups councils itself.")

    # ---- duplicates: one value per geography, measure code, breakdown and type
    geo = frame["ons"].where(frame["level"] == "council", frame["region_code"]).where(frame["level"] != "england",
                                                                                      reference.ENGLAND_CODE)
    frame["geography_code"] = geo.map(lambda c: RENAMED_AREAS.get(c, c))
    dup = frame.duplicated(["level", "geography_code", "code", "disaggregation", "type"], keep="first")
    if dup.any():
        problems.add(file, mapping["measure_code"], "repeats a figure already given for the same area, measure and type",
                     "one row per area, measure code, breakdown and measure type", frame.loc[dup, "row"].head(10).tolist(),
                     (frame.loc[dup, "geography_code"] + " " + frame.loc[dup, "code"] + " " + frame.loc[dup, "type"]).head(10).tolist(),
                     count=int(dup.sum()))
        return None

    # ---- numerator never above denominator, percentages 0-100, for the measures the dashboard uses
    keys = ["level", "geography_code", "code", "group", "disaggregation"]
    grouped = frame.groupby(keys + ["type"], sort=False)
    wide = grouped["value"].first().unstack("type").reset_index()
    rows_of = grouped["row"].first().unstack("type").reset_index()
    wide.columns.name = rows_of.columns.name = None
    for column in ["outcome", "numerator", "denominator", "base", "margin_of_error"]:
        if column not in wide:
            wide[column] = float("nan")
            rows_of[column] = float("nan")
    wide["concept"] = None  # kept for old databases: the catalogue's ascof_codes give a measure its meaning
    proportion = wide["group"].isin(ascof.percent_groups(period))
    above = proportion & (wide["numerator"] > wide["denominator"])
    if above.any():
        problems.add(file, mapping["measure_value"], "is a numerator above its denominator",
                     "a numerator no bigger than the denominator for the same area and measure (these measures are "
                     "percentages of people)", rows_of.loc[above, "numerator"].astype(int).head(10).tolist(),
                     [f"{n:g} (denominator {d:g}, {g} {c})" for n, d, g, c in
                      zip(wide.loc[above, "numerator"], wide.loc[above, "denominator"], wide.loc[above, "geography_code"],
                          wide.loc[above, "code"])][:10], count=int(above.sum()))
    outside = proportion & ((wide["outcome"] < 0) | (wide["outcome"] > 100))
    if outside.any():
        problems.add(file, mapping["measure_value"], "is a percentage outside 0 to 100",
                     "an outcome from 0 to 100 for this measure (a percentage of people)",
                     rows_of.loc[outside, "outcome"].astype(int).head(10).tolist(),
                     wide.loc[outside, "outcome"].head(10).tolist(), count=int(outside.sum()))
    if problems:
        return None

    split = (wide["level"] == "council") & wide["geography_code"].isin(SPLIT_AREAS)
    if split.any():
        names = sorted({f"{SPLIT_AREAS[c][0]} ({c})" for c in wide.loc[split, "geography_code"]})
        problems.note(f"{file}: {', '.join(names)} no longer exist on 2023 boundaries (split in two): their "
                      "published values are kept for the record but are not shown for any council.")
    wide["geography_level"] = wide["level"].where(~split, "former council")
    tidy = pd.DataFrame({
        "geography_level": wide["geography_level"],
        "geography_code": wide["geography_code"],
        "period": period,
        "measure_code": wide["code"],
        "measure_group": wide["group"],
        "concept": wide["concept"],
        "disaggregation": wide["disaggregation"],
        "outcome": wide["outcome"].astype(float),
        "numerator": wide["numerator"].astype(float),
        "denominator": wide["denominator"].astype(float),
        "base": wide["base"].astype(float),
        "margin_of_error": wide["margin_of_error"].astype(float),
    })
    return tidy


def template_fields() -> list[Field]:
    """The publisher's columns as fields (for the template and its notes)."""
    return [Field(name, words, "text", required=required, help=words) for name, words, required in COLUMNS]
