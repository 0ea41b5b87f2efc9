"""Direct-payment experience survey: one direct-payment holder's answers."""

from __future__ import annotations

from dashboard.data.importers import common
from dashboard.data.importers.reading import normalise_name
from dashboard.data.importers.validation import Dataset, Field

AGREEMENT = {1: "strongly disagree", 2: "disagree", 3: "neither agree nor disagree", 4: "agree",
             5: "strongly agree"}
AGREEMENT_SPELLINGS = {normalise_name(k): v for k, v in AGREEMENT.items()} | {
    normalise_name(v): k for k, v in AGREEMENT.items()}


def _statement(name: str, words: str, synonyms: tuple) -> Field:
    return Field(name, f'agreement with "{words}"', "integer", blank_ok=True, minimum=1, maximum=5,
                 codes=AGREEMENT, spellings={normalise_name(v): k for k, v in AGREEMENT.items()},
                 synonyms=synonyms, example="4", help="Leave empty when not answered.")


def _letters(name: str, label: str, synonyms: tuple) -> Field:
    return Field(name, label, "integer", required=False, blank_ok=True, default=0, minimum=0, maximum=100,
                 synonyms=synonyms, example="0", help="Optional: 0 when missing.")


DATASET = Dataset(
    name="dp_experience",
    title="Direct-payment experience survey",
    table="dp_experience",
    one_row_is="one direct-payment holder's answers",
    fields=[
        common.area(),
        common.period(quarters=True),
        _statement("use_flexibly", "I can use my direct payment flexibly", ("flexibly", "use flexibly", "flexible")),
        _statement("know_how_much", "I know how much money I have", ("know how much", "how much money")),
        _statement("paid_quickly", "I get the money quickly without complicated procedures",
                   ("quickly", "paid quickly", "money quickly")),
        _statement("trusted_to_decide", "I am trusted to decide how to spend it", ("trusted", "trusted to decide")),
        _letters("clawback_letters", "money recovered (clawback) letters in the period",
                 ("clawbacks", "clawback", "money recovered")),
        _letters("unauthorised_spend_letters", '"unauthorised spend" letters in the period',
                 ("unauthorised spend", "unauthorised", "unauthorized spend letters")),
        Field("respondent_id", "respondent id", "key", required=False, blank_ok=True, stored=False,
              synonyms=("respondent", "response id", "id"), example="D001",
              help="Optional: used only to find duplicate rows; never stored."),
    ],
    unique=("respondent_id", "area_code", "period"),
    unique_words="the same respondent id appears on more than one row for the council and period",
    notes=["Agreement: 1 strongly disagree, 2 disagree, 3 neither, 4 agree, 5 strongly agree (the words work too)."],
)
