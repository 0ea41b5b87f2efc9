"""Collaboration breakdowns: one recorded breakdown. Its free-text note is for editors only."""

from __future__ import annotations

from dashboard.data.importers import common
from dashboard.data.importers.reading import normalise_name
from dashboard.data.importers.validation import Dataset, Field, not_before, period_from_date

CATEGORIES = {
    "transition to adult services": "moving from children's to adult services",
    "hospital or ATU discharge": "leaving hospital or an assessment and treatment unit",
    "housing": "housing and housing providers",
    "NHS specialist commissioning": "NHS specialist commissioning",
    "crisis response": "response in a crisis",
    "provider handover": "handover between providers",
    "other": "anything else",
}
SPELLINGS = {normalise_name(k): v for k, v in {
    "transition": "transition to adult services", "transitions": "transition to adult services",
    "hospital discharge": "hospital or ATU discharge", "ATU discharge": "hospital or ATU discharge",
    "discharge": "hospital or ATU discharge", "crisis": "crisis response",
    "specialist commissioning": "NHS specialist commissioning", "handover": "provider handover",
}.items()}

DATASET = Dataset(
    name="breakdowns",
    title="Collaboration breakdowns",
    table="breakdowns",
    one_row_is="one recorded breakdown",
    fields=[
        common.area(),
        Field("breakdown_date", "date of the breakdown", "date", synonyms=("date", "date recorded", "breakdown"),
              example="14/06/2024"),
        common.period(quarters=True, required=False),
        Field("category", "where collaboration broke down", "code", codes=CATEGORIES, spellings=SPELLINGS,
              synonyms=("type", "breakdown category", "breakdown type"), example="housing"),
        Field("days_delayed", "days delayed", "integer", minimum=0, maximum=3650,
              synonyms=("delay", "delay days", "days delay", "days"), example="14"),
        Field("people_affected", "people affected", "integer", minimum=1, maximum=10000,
              synonyms=("people", "number affected", "persons affected"), example="1"),
        Field("resolved_date", "date resolved", "date", required=False, blank_ok=True,
              synonyms=("resolved", "date resolved", "resolution date"), example="28/06/2024",
              help="Empty while not resolved."),
        Field("escalated", "escalated", "bool", synonyms=("was escalated", "escalation"), example="no"),
        Field("note", "note (editors only)", "text", required=False, blank_ok=True,
              synonyms=("notes", "comment", "comments", "description", "details"),
              example="Tenancy offer withdrawn", help="Free text: stored, and shown only to editors."),
        Field("reference", "breakdown reference", "key", required=False, blank_ok=True, stored=False,
              synonyms=("ref", "breakdown id", "case reference", "id"), example="BD-0001",
              help="Optional: used only to find duplicate rows; never stored."),
    ],
    unique=("reference", "area_code"),
    unique_words="the same breakdown reference appears on more than one row for the council",
    duplicate_rows=True,
    derive=period_from_date("breakdown_date"),
    checks=[not_before("resolved_date", "breakdown_date", "a date on or after the breakdown")],
    notes=["The period may be left out: it is the financial year of the breakdown date.",
           "The note is free text: it is stored and shown only to signed-in editors."],
)
