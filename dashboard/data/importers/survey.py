"""User survey (ASCS style): one respondent per row, answers coded as in the national survey."""

from __future__ import annotations

from dashboard.data.importers import common
from dashboard.data.importers.reading import normalise_name
from dashboard.data.importers.validation import Dataset, Field

MECHANISMS = {
    1: "Direct Payment only", 2: "Part Direct Payment", 3: "Council-managed personal budget",
    4: "Council-commissioned support only",
}
MECHANISM_SPELLINGS = {normalise_name(k): v for k, v in {
    "Direct Payment only": 1, "Direct Payment": 1, "DP only": 1, "DP": 1, "Part Direct Payment": 2, "Part DP": 2,
    "Council-managed personal budget": 3, "Managed personal budget": 3, "CMPB": 3,
    "Council-commissioned support only": 4, "Council-commissioned support": 4, "Council commissioned": 4,
}.items()}


def _answer(name: str, label: str, codes: dict, synonyms: tuple) -> Field:
    return Field(name, label, "integer", blank_ok=True, minimum=min(codes), maximum=max(codes), codes=codes,
                 synonyms=synonyms, example="1", help="Leave empty when the person did not answer.")


DATASET = Dataset(
    name="survey",
    title="User survey (ASCS style)",
    table="survey_responses",
    one_row_is="one respondent",
    fields=[
        common.area(),
        common.period(),
        common.age_band(),
        common.support_reason(),
        Field("support_setting", "support setting", "code",
              codes={"community": "support in the community", "residential": "residential care",
                     "nursing": "nursing care"},
              spellings={"communitybased": "community", "residentialcare": "residential", "nursingcare": "nursing",
                         "home": "community", "care home": "residential"},
              synonyms=("setting", "care setting", "accommodation"), example="community"),
        Field("delivery_mechanism", "mechanism of delivery", "integer", minimum=1, maximum=4, codes=MECHANISMS,
              spellings=MECHANISM_SPELLINGS, synonyms=("mechanism", "mechanism of delivery", "delivery"),
              example="1", help="The number, or the words."),
        _answer("q1_satisfaction", "Q1 satisfaction with care and support",
                {1: "extremely satisfied", 2: "very satisfied", 3: "quite satisfied",
                 4: "neither satisfied nor dissatisfied", 5: "quite dissatisfied", 6: "very dissatisfied",
                 7: "extremely dissatisfied"}, ("q1", "satisfaction")),
        _answer("q2c_choice", "Q2c choice over care and support",
                {1: "enough choice", 2: "not enough choice", 3: "don't want or need choice"}, ("q2c", "choice")),
        _answer("q3a_control", "Q3a control over daily life",
                {1: "as much control as I want", 2: "adequate control", 3: "some control but not enough",
                 4: "no control"}, ("q3a", "control")),
        _answer("q8a_social_contact", "Q8a social contact",
                {1: "as much social contact as I want", 2: "adequate social contact",
                 3: "some social contact but not enough", 4: "little social contact, socially isolated"},
                ("q8a", "social contact")),
        _answer("q12_information", "Q12 ease of finding information",
                {1: "never tried to find information", 2: "very easy", 3: "fairly easy", 4: "fairly difficult",
                 5: "very difficult"}, ("q12", "information")),
        Field("weight", "survey weight", "number", required=False, blank_ok=True, default=1.0, minimum=0.0001,
              synonyms=("weighting", "survey weight", "wt"), example="1.0",
              help="Optional: 1 for every respondent when missing."),
        Field("respondent_id", "respondent id", "key", required=False, blank_ok=True, stored=False,
              synonyms=("respondent", "response id", "serial", "id"), example="R0001",
              help="Optional: used only to find duplicate rows; never stored."),
    ],
    unique=("respondent_id", "area_code", "period"),
    unique_words="the same respondent id appears on more than one row for the council and year",
    notes=["One row per respondent. Answers use the national survey's codes; leave a cell empty when "
           "there is no answer."],
)
