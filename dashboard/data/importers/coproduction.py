"""Co-production activities: one activity, with who took part and at what level."""

from __future__ import annotations

import pandas as pd

from dashboard.data.importers import common
from dashboard.data.importers.reading import ROW, normalise_name
from dashboard.data.importers.validation import Dataset, Field, period_from_date

ACTIVITIES = {
    "writing a service specification": "writing a service specification",
    "choosing providers": "choosing providers",
    "recruiting staff": "recruiting staff",
    "partnership board": "a partnership board meeting",
    "commissioning decision": "a commissioning decision",
    "reviewing a policy": "reviewing a policy",
    "delivering training": "delivering training",
}
ACTIVITY_SPELLINGS = {normalise_name(k): v for k, v in {
    "service specification": "writing a service specification", "specification": "writing a service specification",
    "choosing a provider": "choosing providers", "provider selection": "choosing providers",
    "recruitment": "recruiting staff", "board": "partnership board", "partnership board meeting": "partnership board",
    "commissioning": "commissioning decision", "policy review": "reviewing a policy", "training": "delivering training",
}.items()}
LEVELS = {"informed": "told what was decided", "consulted": "asked for views", "engaged": "involved in discussion",
          "co-designed": "designed it together", "co-produced": "shared power and decisions throughout"}
STATUSES = {"none": "no action raised", "open": "an action raised, not done yet", "completed": "action done"}


def _people(name: str, label: str, synonyms: tuple) -> Field:
    return Field(name, label, "integer", minimum=0, maximum=1000, synonyms=synonyms, example="3")


def _status(out: pd.DataFrame, mapping: dict, table, problems) -> pd.DataFrame:
    out = period_from_date("activity_date")(out, mapping, table, problems)
    if "action_status" not in mapping:  # worked out from "you said" and "we did"
        status = pd.Series("none", index=out.index)
        status[out["you_said"].notna()] = "open"
        status[out["we_did"].notna()] = "completed"
        out["action_status"] = status
    else:
        out["action_status"] = out["action_status"].where(out["action_status"].notna(), "none")
    return out


def _paid_not_above_people(out: pd.DataFrame, mapping: dict, table, problems) -> None:
    people = out[["self_advocates", "family_carers", "professionals"]].astype("Float64").sum(axis=1)
    bad = (out["people_paid"].astype("Float64") > people).fillna(False).astype(bool)
    if bad.any():
        problems.add(table.file, mapping["people_paid"], "is more than everyone taking part",
                     "at most the self-advocates, family carers and professionals together",
                     out.loc[bad, ROW].head(10).tolist(), out.loc[bad, "people_paid"].head(10).tolist(),
                     count=int(bad.sum()))


DATASET = Dataset(
    name="coproduction",
    title="Co-production activities",
    table="coproduction_activities",
    one_row_is="one activity",
    fields=[
        common.area(),
        Field("activity_date", "date of the activity", "date", synonyms=("date", "meeting date", "activity date"),
              example="01/07/2024"),
        common.period(quarters=True, required=False),
        Field("activity", "activity", "code", codes=ACTIVITIES, spellings=ACTIVITY_SPELLINGS,
              synonyms=("activity type", "type", "what"), example="choosing providers"),
        _people("self_advocates", "self-advocates taking part", ("self advocates", "selfadvocates")),
        _people("family_carers", "family carers taking part", ("carers", "family carers", "families")),
        _people("professionals", "professionals taking part", ("staff", "officers")),
        Field("level", "level of involvement", "code", codes=LEVELS,
              spellings={"codesign": "co-designed", "coproduction": "co-produced", "codesigned": "co-designed",
                         "coproduced": "co-produced", "inform": "informed", "consult": "consulted",
                         "engage": "engaged", "coproduce": "co-produced"},
              synonyms=("involvement", "level of involvement", "ladder"), example="co-produced"),
        Field("people_paid", "people paid or reimbursed for their time", "integer", minimum=0, maximum=1000,
              synonyms=("paid", "people paid", "paid for time", "reimbursed"), example="2"),
        Field("you_said", '"you said": what people raised', "text", required=False, blank_ok=True,
              synonyms=("you said", "raised"), example="Send papers in easy read"),
        Field("we_did", '"we did": what was done', "text", required=False, blank_ok=True,
              synonyms=("we did", "action taken", "done"), example="Papers sent in easy read"),
        Field("action_status", '"you said, we did" action', "code", required=False, blank_ok=True, codes=STATUSES,
              spellings={"done": "completed", "complete": "completed", "closed": "completed", "inprogress": "open",
                         "": "none", "na": "none"},
              synonyms=("status", "action", "action status"), example="completed",
              help="Optional: worked out from the two columns before when missing."),
    ],
    duplicate_rows=True,
    derive=_status,
    checks=[_paid_not_above_people],
    notes=["The period may be left out: it is the financial year of the activity date."],
)
