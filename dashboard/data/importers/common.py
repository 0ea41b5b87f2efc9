"""Fields several datasets share: area, period, age band, primary support reason."""

from __future__ import annotations

from dashboard.data.importers.reading import normalise_name
from dashboard.data.importers.validation import Field


def area(**kw) -> Field:
    return Field("area_code", "council", "area", synonyms=(
        "area", "ons code", "ons area code", "la code", "local authority code", "council code", "council",
        "local authority", "la", "cassr", "area name", "council name"), example="E08000035", **kw)


def period(quarters: bool = False, required: bool = True) -> Field:
    return Field("period", "period (financial year)", "period", required=required, blank_ok=not required,
                 quarters=quarters, synonyms=("year", "financial year", "reporting period", "fy", "survey year"),
                 example="2023-24", help="Financial years run from April to March.")


AGE_BANDS = {"18-64": "aged 18 to 64", "65 and over": "aged 65 and over"}
AGE_SPELLINGS = {normalise_name(s): v for s, v in {
    "18 to 64": "18-64", "18-64 years": "18-64", "working age": "18-64", "1864": "18-64",
    "65+": "65 and over", "65 plus": "65 and over", "65 and older": "65 and over", "65 or over": "65 and over",
    "over 65": "65 and over", "65ov": "65 and over", "older people": "65 and over", "65over": "65 and over",
}.items()}


def age_band() -> Field:
    return Field("age_band", "age band", "code", codes=AGE_BANDS, spellings=AGE_SPELLINGS,
                 synonyms=("age group", "age", "ageband"), example="18-64")


SUPPORT_REASONS = {
    "Learning Disability Support": "learning disability",
    "Physical Support": "physical support (access and mobility, personal care)",
    "Mental Health Support": "mental health",
    "Sensory Support": "sensory (visual, hearing, dual)",
    "Support with Memory and Cognition": "memory and cognition",
    "Social Support": "social support (substance misuse, asylum, isolation, carer support)",
}
REASON_SPELLINGS = {normalise_name(s): v for s, v in {
    "learning disability": "Learning Disability Support", "ld": "Learning Disability Support",
    "physical": "Physical Support", "mental health": "Mental Health Support",
    "sensory": "Sensory Support", "memory and cognition": "Support with Memory and Cognition",
    "social": "Social Support",
}.items()}


def support_reason() -> Field:
    return Field("support_reason", "primary support reason", "code", codes=SUPPORT_REASONS,
                 spellings=REASON_SPELLINGS, synonyms=("primary support reason", "psr", "reason for support"),
                 example="Learning Disability Support",
                 help='The long SALT form ("Physical Support: Personal Care Support") is read as its first part.')
