"""'I statement' check-ins (TLAP Making It Real): one answer per row."""

from __future__ import annotations

from dashboard.data.importers import common
from dashboard.data.importers.reading import normalise_name
from dashboard.data.importers.validation import Dataset, Field

THEMES = {
    "wellbeing and independence": "wellbeing and independence",
    "information and advice": "information and advice",
    "active and supportive communities": "active and supportive communities",
    "flexible and integrated care and support": "flexible and integrated care and support",
    "when things need to change": "when things need to change",
    "workforce": "workforce",
}
ANSWERS = {"yes": "yes", "sometimes": "sometimes", "no": "no"}

DATASET = Dataset(
    name="i_statements",
    title='"I statement" check-ins',
    table="i_statement_checkins",
    one_row_is="one answer",
    fields=[
        common.area(),
        common.period(quarters=True),
        Field("theme", "Making It Real theme", "code", codes=THEMES,
              spellings={normalise_name("flexible and integrated care"): "flexible and integrated care and support",
                         normalise_name("active communities"): "active and supportive communities",
                         "wellbeing": "wellbeing and independence", "information": "information and advice"},
              synonyms=("making it real theme", "mir theme"), example="wellbeing and independence"),
        Field("statement", '"I statement"', "text", synonyms=("i statement", "question"),
              example="I am in control of planning my care and support"),
        Field("answer", "answer", "code", codes=ANSWERS,
              spellings={"y": "yes", "n": "no", "partly": "sometimes", "somewhat": "sometimes"},
              synonyms=("response",), example="yes"),
        Field("answered_by", "who answered", "code", codes={"person": "the person", "family carer": "a family carer"},
              spellings={"self": "person", "individual": "person", "personwhodrawsoncare": "person",
                         "carer": "family carer", "family": "family carer", "familymember": "family carer"},
              synonyms=("respondent type", "who answered", "answered by"), example="person"),
        Field("respondent_id", "respondent id", "key", required=False, blank_ok=True, stored=False,
              synonyms=("respondent", "response id"), example="C001",
              help="Optional: with the statement, used only to find duplicate answers; never stored."),
    ],
    unique=("respondent_id", "statement", "area_code", "period"),
    unique_words="the same respondent answered the same statement twice",
    notes=["Themes are the six Making It Real themes; the statement is the words of the I statement."],
)
