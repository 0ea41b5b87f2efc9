"""NHS England's adult social care Client Level Data (CLD): one row per event, as submitted.

Columns are read under the CLD specification's names (``LA Code``, ``NHS Number``, ``LA Person
Unique Identifier``, ``Date of Birth``, ``Service Type``...) and under the derived names NHS
England's replication code uses (``LA_Code``, ``Der_NHS_Number_Traced_Pseudo``,
``Der_LA_Person_Unique_Identifier_Pseudo``, ``Der_Birth_Month``, ``Der_Birth_Year``,
``ImportDate``...): names match ignoring case, spaces and underscores.

- Person identifiers (NHS number, the council's person id) are replaced at import by keyed codes
  (``pseudonym``), like every person-level dataset; the raw values are never stored or shown.
- ``ImportDate`` says which submission a row belongs to (NHS England stamps it on receipt); a
  council's own file without it takes the date it was sent (``--submitted`` on the command line,
  the date box on the Data page). Several submissions for one council and quarter may be
  imported: they stack, and the ASCOF query takes the latest in each window, as NHS England does.
- Defined-list values (client type, event type, service type, service component, delivery
  mechanism) are matched as SQL Server compares text (case and trailing spaces ignored) and
  stored in the specification's spelling; a value outside the list is kept as given and noted,
  because NHS England's code handles it (it leaves the row out or blanks the value), rather
  than refused. A date, number or council that cannot be read is refused, as everywhere.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

import pandas as pd

from dashboard.data.importers import common
from dashboard.data.importers.problems import Problems
from dashboard.data.importers.reading import ROW, Table
from dashboard.data.importers.validation import Dataset, Field, quarter_of

TITLE = "Client Level Data (CLD, NHS England)"

#: the CLD specification's defined lists the ASCOF code tests (value -> meaning)
CLIENT_TYPES = {"Service User": "a person who draws on care", "Carer": "a carer",
                "Carer known by association": "a carer known through the person they care for"}
EVENT_TYPES = {"Request": "a request for support", "Assessment": "an assessment", "Service": "a service",
               "Review": "a review"}
SERVICE_TYPES = {
    "Long Term Support: Nursing Care": "long-term nursing care",
    "Long Term Support: Residential Care": "long-term residential care",
    "Long Term Support: Community": "long-term support in the community",
    "Long Term Support: Prison": "long-term support in prison",
    "Short Term Support: ST-Max": "short-term support to maximise independence",
    "Short Term Support: Ongoing Low Level": "ongoing low-level support",
    "Short Term Support: Other Short Term": "other short-term support",
    "Carer Support: Direct to Carer": "support given to a carer",
    "Carer Support: Support involving the person cared-for": "carer support through the person cared for",
}
SERVICE_COMPONENTS = {
    "Direct Payment": "a direct payment", "Home Care": "home care", "Day Care": "day care",
    "Supported Living": "supported living", "Shared Lives": "Shared Lives",
    "Extra Care Housing": "extra care housing", "Meals": "meals", "Equipment": "equipment",
    "Short Term Residential Care": "short stay in residential care", "Respite": "respite",
    "Other Long Term Community Support": "other community support", "Reablement": "reablement",
}
DELIVERY_MECHANISMS = {
    "Direct Payment": "a direct payment", "CASSR Managed Personal Budget": "a personal budget the council manages",
    "CASSR Commissioned Support": "support the council commissions",
}
#: the columns stored (``record_id`` is the row in the file, ``submission`` the import key)
STORED = ["record_id", "area_code", "submission", "reporting_period_start", "reporting_period_end", "import_date",
          "nhs_key", "la_person_key", "birth_month", "birth_year", "date_of_death", "client_type",
          "primary_support_reason", "event_type", "event_start_date", "event_end_date", "event_outcome",
          "service_type", "service_component", "delivery_mechanism"]
DEFINED_LISTS = {"client_type": CLIENT_TYPES, "event_type": EVENT_TYPES, "service_type": SERVICE_TYPES,
                 "service_component": SERVICE_COMPONENTS, "delivery_mechanism": DELIVERY_MECHANISMS}
#: the ASCOF code only tests these lists' values; other columns are stored as given
STRICT_LISTS = {"client_type", "event_type", "service_type", "delivery_mechanism"}


def _text(name, label, synonyms=(), required=False, example="", help="") -> Field:
    return Field(name, label, "text", required=required, blank_ok=True, synonyms=synonyms, example=example,
                 help=help)


DATASET = Dataset(
    name="cld",
    title=TITLE,
    table="cld_events",
    one_row_is="one event (request, assessment, service or review) for one person, as submitted to NHS England",
    person_level=True,
    fields=[
        common.area(),
        Field("reporting_period_start", "reporting period start date", "date",
              synonyms=("reporting period start date", "reporting period start"), example="01/04/2023"),
        Field("reporting_period_end", "reporting period end date", "date",
              synonyms=("reporting period end date", "reporting period end"), example="31/03/2024"),
        Field("import_date", "date and time the submission reached NHS England", "text", required=False,
              blank_ok=True, synonyms=("importdate", "submitted", "submission date", "date submitted"),
              example="20/04/2024 10:15",
              help="NHS England stamps it on receipt; a council's own file can give it at import instead."),
        Field("nhs_key", "NHS number", "person_id", required=False, blank_ok=True,
              synonyms=("nhs number", "der nhs number traced pseudo", "nhs number traced", "nhs no"),
              example="9434765919", help="Replaced by a keyed code at import: never stored."),
        Field("la_person_key", "the council's person identifier", "person_id", blank_ok=True,
              synonyms=("la person unique identifier", "der la person unique identifier pseudo",
                        "la person id", "person id"),
              example="P123456", help="Replaced by a keyed code at import: never stored."),
        Field("birth_month", "birth month", "integer", required=False, blank_ok=True, minimum=1, maximum=12,
              synonyms=("der birth month", "month of birth"), example="6"),
        Field("birth_year", "birth year", "integer", required=False, blank_ok=True, minimum=1900,
              maximum=date.today().year, synonyms=("der birth year", "year of birth"), example="1958"),
        Field("date_of_birth", "date of birth (only its month and year are kept)", "date", required=False,
              blank_ok=True, stored=False, synonyms=("dob", "birth date"), example="15/06/1958"),
        Field("date_of_death", "date of death", "date", required=False, blank_ok=True, synonyms=("dod",),
              example="02/02/2024"),
        _text("client_type", "client type", required=True, example="Service User",
              help="Service User, Carer or Carer known by association."),
        _text("primary_support_reason", "primary support reason", synonyms=("psr",),
              example="Learning Disability Support"),
        _text("event_type", "event type", required=True, example="Service"),
        Field("event_start_date", "event start date", "date", synonyms=("event start",), example="01/06/2022"),
        Field("event_end_date", "event end date", "date", required=False, blank_ok=True, synonyms=("event end",),
              example=""),
        _text("event_outcome", "event outcome", example="Provision of service"),
        _text("service_type", "service type", example="Long Term Support: Community"),
        _text("service_component", "service component", example="Direct Payment"),
        _text("delivery_mechanism", "delivery mechanism", example="Direct Payment",
              help="Not mandatory in CLD: a direct payment is also found in the service component."),
    ],
    notes=["One row per event, as submitted to NHS England (the CLD specification's columns).",
           "ASCOF 3D (self-directed support and direct payments) is worked out from it as NHS England's "
           "published replication code does: the latest submission per council, the snapshot at 31 March.",
           "NHS numbers and the council's person identifiers are replaced at import by keyed codes "
           "(HMAC-SHA256): never stored. Importing needs the pseudonym key to be set."],
)

#: the template's header: the CLD specification's names as NHS England's code spells them
HEADER = {
    "area_code": "LA_Code", "reporting_period_start": "Reporting_Period_Start_Date",
    "reporting_period_end": "Reporting_Period_End_Date", "import_date": "ImportDate", "nhs_key": "NHS_Number",
    "la_person_key": "LA_Person_Unique_Identifier", "birth_month": "Der_Birth_Month", "birth_year": "Der_Birth_Year",
    "date_of_birth": "Date_of_Birth", "date_of_death": "Date_of_Death", "client_type": "Client_Type",
    "primary_support_reason": "Primary_Support_Reason", "event_type": "Event_Type",
    "event_start_date": "Event_Start_Date", "event_end_date": "Event_End_Date", "event_outcome": "Event_Outcome",
    "service_type": "Service_Type", "service_component": "Service_Component",
    "delivery_mechanism": "Delivery_Mechanism",
}


def template_fields() -> list[Field]:
    """The fields under the names a CLD file uses (the template's header and notes)."""
    return [replace(f, name=HEADER[f.name]) for f in DATASET.fields]


_STAMP = re.compile(
    r"^(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4}))"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?)?$")


def parse_stamp(text: str) -> datetime | None:
    """``2024-04-20 10:15:00``, ``2024-04-20T10:15``, ``20/04/2024 10:15`` or a date alone."""
    match = _STAMP.match(str(text).strip())
    if not match:
        return None
    g = match.groupdict()
    try:
        return datetime(int(g["y"] or g["y2"]), int(g["m"] or g["m2"]), int(g["d"] or g["d2"]),
                        int(g["H"] or 0), int(g["M"] or 0), int(g["S"] or 0))
    except ValueError:
        return None


def canonical(values: pd.Series, allowed: dict) -> tuple[pd.Series, pd.Series]:
    """Values in the specification's spelling where they match it as SQL Server compares text
    (case-insensitive, trailing spaces ignored); others as given. Returns (values, outside list)."""
    lookup = {k.lower(): k for k in allowed}
    keyed = values.map(lambda v: lookup.get(str(v).rstrip().lower()) if v is not None else None)
    outside = values.notna() & keyed.isna()
    return keyed.where(keyed.notna(), values), outside


def check(table: Table, problems: Problems, today: date | None = None,
          submitted: datetime | date | None = None) -> pd.DataFrame | None:
    """Typed CLD rows (person identifiers still raw: ``importers.prepare`` keys them), or None."""
    before = len(problems.groups)
    out = DATASET.check(table, problems, today=today)
    if out is None:
        return None
    mapping = out.attrs.get("columns", {})
    file = table.file
    today = today or date.today()
    out["record_id"] = out[ROW].astype(int)
    # birth month and year: the derived columns, else (where blank) from the date of birth
    if ("birth_month" not in mapping or "birth_year" not in mapping) and "date_of_birth" not in mapping:
        problems.add(file, None, 'has no column for the birth month and year ("Der_Birth_Month" and '
                     '"Der_Birth_Year") or the date of birth ("Date_of_Birth")',
                     "either both birth columns or the date of birth", count=1)
        return None
    if "date_of_birth" in mapping:
        born = pd.to_datetime(out["date_of_birth"])
        month, year = out["birth_month"], out["birth_year"]
        if "birth_month" in mapping and "birth_year" in mapping:
            use = month.isna() | year.isna()
        else:
            use = pd.Series(True, index=out.index)
        out["birth_month"] = month.astype("Int64").where(~use, born.dt.month.astype("Int64"))
        out["birth_year"] = year.astype("Int64").where(~use, born.dt.year.astype("Int64"))
    # the submission's time stamp
    if "import_date" in mapping:
        stamps = out["import_date"].map(lambda v: parse_stamp(v) if v is not None else None)
        blank = out["import_date"].isna()
        if submitted is not None:
            stamps = stamps.where(~blank, pd.Timestamp(submitted).to_pydatetime())
        elif blank.any():
            problems.add(file, mapping["import_date"], "is empty",
                         "the date and time the submission reached NHS England, or give it at import "
                         "(--submitted on the command line, the date on the Data page)",
                         out.loc[blank, ROW].head(10).tolist(), count=int(blank.sum()))
        bad = ~blank & stamps.isna()
        if bad.any():
            problems.add(file, mapping["import_date"], "is not a date and time we can read",
                         "a date and time such as 2024-04-20 10:15:00 or 20/04/2024 10:15",
                         out.loc[bad, ROW].head(10).tolist(), out.loc[bad, "import_date"].head(10).tolist(),
                         count=int(bad.sum()))
        out["import_date"] = stamps
    elif submitted is not None:
        out["import_date"] = pd.Timestamp(submitted).to_pydatetime()
    else:
        problems.add(file, None, 'has no column "ImportDate" (when the submission reached NHS England)',
                     "an ImportDate column, or the date the file was sent given at import (--submitted 2024-04-20 "
                     "on the command line, the date on the Data page)", count=1)
        return None
    late = out["import_date"].map(lambda s: s is not None and s == s and s.date() > today)
    if late.any():
        problems.add(file, mapping.get("import_date", "ImportDate"), "is in the future", "a date and time that has passed",
                     out.loc[late, ROW].head(10).tolist(), count=int(late.sum()))
    ends = pd.to_datetime(out["reporting_period_end"])
    starts = pd.to_datetime(out["reporting_period_start"])
    backwards = ends.notna() & starts.notna() & (ends < starts)
    if backwards.any():
        problems.add(file, mapping["reporting_period_end"], "is before the reporting period start date",
                     "the end of the reporting period (on or after its start)", out.loc[backwards, ROW].head(10).tolist(),
                     [str(v) for v in out.loc[backwards, "reporting_period_end"].head(10)], count=int(backwards.sum()))
    if len(problems.groups) > before:
        return out
    stamp = pd.to_datetime(out["import_date"])
    out["submission"] = quarter_of(ends) + " (submitted " + stamp.dt.strftime("%d/%m/%Y %H:%M") + ")"
    for name, allowed in DEFINED_LISTS.items():
        out[name], outside = canonical(out[name], allowed)
        if outside.any() and name in STRICT_LISTS:
            shown = ", ".join(f'"{v}"' for v in pd.unique(out.loc[outside, name])[:5])
            problems.note(f"{file}: {int(outside.sum())} row{'s' if outside.sum() != 1 else ''} with a "
                          f"{DATASET.field(name).label} outside the CLD specification's list ({shown}): kept as "
                          "given; NHS England's method leaves such values out of ASCOF.")
    return out
