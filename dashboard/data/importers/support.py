"""Support records (client level): one person's long-term support at a date.

Person identifiers are replaced at import by a keyed hash (see ``pseudonym``); the raw
identifier is never stored and never shown in a message.
"""

from __future__ import annotations

from dashboard.data.importers import common
from dashboard.data.importers.reading import normalise_name
from dashboard.data.importers.validation import Dataset, Field, not_before

MECHANISMS = {
    "Direct Payment": "a direct payment only",
    "Part Direct Payment": "part direct payment",
    "Council-managed personal budget": "a personal budget the council manages",
    "Individual Service Fund": "an individual service fund (a provider holds it, the person directs it)",
    "Council-commissioned support": "council-commissioned support only",
}
SPELLINGS = {normalise_name(k): v for k, v in {
    "Direct Payment only": "Direct Payment", "DP": "Direct Payment", "DP only": "Direct Payment",
    "Direct Payments": "Direct Payment", "Part DP": "Part Direct Payment",
    "Managed personal budget": "Council-managed personal budget", "CMPB": "Council-managed personal budget",
    "ISF": "Individual Service Fund", "Council-commissioned support only": "Council-commissioned support",
    "Council commissioned": "Council-commissioned support", "Commissioned support": "Council-commissioned support",
}.items()}
DP_USES = {"employs personal assistants": "employs personal assistants", "agency": "buys from an agency",
           "other": "other use"}
DP_USE_SPELLINGS = {normalise_name(k): v for k, v in {
    "PA": "employs personal assistants", "PAs": "employs personal assistants",
    "personal assistant": "employs personal assistants", "personal assistants": "employs personal assistants",
    "employs PA": "employs personal assistants", "agency": "agency", "home care agency": "agency",
}.items()}
DIRECT = ("Direct Payment", "Part Direct Payment")

DATASET = Dataset(
    name="support",
    title="Support records (client level)",
    table="support_records",
    one_row_is="one person's long-term support at a date",
    person_level=True,
    fields=[
        Field("person_key", "person identifier", "person_id", synonyms=(
            "person id", "personid", "person", "client id", "client", "service user id", "person ref",
            "person reference", "mosaic id", "lac id", "system id", "nhs number", "id"),
            example="123456", help="Replaced by a keyed code at import: the raw identifier is never stored."),
        common.area(),
        common.period(quarters=True),
        common.age_band(),
        common.support_reason(),
        Field("delivery_mechanism", "delivery mechanism", "code", codes=MECHANISMS, spellings=SPELLINGS,
              synonyms=("mechanism", "mechanism of delivery", "support type", "delivery"), example="Direct Payment"),
        Field("dp_use", "direct payment use", "code", required=False, blank_ok=True, codes=DP_USES,
              spellings=DP_USE_SPELLINGS, synonyms=("direct payment use", "dp used for", "use of direct payment"),
              example="employs personal assistants", help="Only for direct payments; empty otherwise."),
        Field("date_agreed", "date the direct payment was agreed", "date", required=False, blank_ok=True,
              synonyms=("agreed", "agreed date", "dp agreed", "date of agreement"), example="01/05/2023"),
        Field("date_first_paid", "date of the first payment", "date", required=False, blank_ok=True,
              synonyms=("first paid", "first payment", "first payment date", "date paid"), example="15/05/2023"),
    ],
    unique=("person_key", "area_code", "period"),
    unique_words="the same person appears more than once for the same council and period",
    checks=[not_before("date_first_paid", "date_agreed",
                       "a first payment on or after the date the direct payment was agreed")],
    notes=["One row per person with long-term support at the period's snapshot date.",
           "The person identifier is replaced at import by a keyed code (HMAC-SHA256); the file's raw "
           "identifiers are never stored. Importing needs the pseudonym key to be set."],
)
