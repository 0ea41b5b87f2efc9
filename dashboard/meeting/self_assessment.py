"""The board's self-assessment: a red / amber / green rating per domain, with its evidence, who
made it and when, shown beside what the data says (the board's judgement next to the numbers).

Ratings are said in words and symbols as well as colour (``RATING_STYLE``). Every rating is
kept; the latest for each domain is the current one. Only editors record ratings (the page
checks ``auth.is_editor()``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from dashboard.figures import narrative, stats
from dashboard.figures.indicators import Figures
from dashboard.records import db as records
from dashboard.records.board import self_assessments
from dashboard.data.store import Store

RED, AMBER, GREEN = "red", "amber", "green"
RATINGS = (RED, AMBER, GREEN)

#: rating -> (words, symbol, colour, easy-read words, face)
RATING_STYLE = {
    RED: ("Red: not good enough yet", "✖", "#a8320f", "The board says: not good enough yet.", "sad"),
    AMBER: ("Amber: getting there", "◐", "#7a4b00", "The board says: getting there.", "neutral"),
    GREEN: ("Green: going well", "✔", "#00703c", "The board says: going well.", "happy"),
}


class AssessmentError(ValueError):
    """A rating could not be saved; the message says which field and why."""


def rating_label(rating: str | None) -> str:
    if rating not in RATING_STYLE:
        return "– Not rated yet"
    words, symbol, *_ = RATING_STYLE[rating]
    return f"{symbol} {words}"


def record_assessment(store: Store, figs: Figures, area_code: str, domain_id: str, rating: str, evidence: str,
                      data_period: str | None, assessed_by: str) -> int:
    """Record a rating; returns its id. Raises ``AssessmentError`` on bad input (nothing saved)."""
    area_code = str(area_code or "").strip().upper()
    if store.query("area_exists", area_code=area_code).empty:
        raise AssessmentError(f"Area “{area_code}” is not a council the dashboard knows.")
    if domain_id not in {d.id for d in figs.catalogue.domains}:
        raise AssessmentError(f"Domain “{domain_id}” is not in the catalogue.")
    rating = str(rating or "").strip().lower()
    if rating not in RATINGS:
        raise AssessmentError(f"Rating “{rating}” must be red, amber or green.")
    evidence = " ".join(str(evidence or "").split())
    if len(evidence) < 10:
        raise AssessmentError("Evidence is missing: say in a sentence what the rating is based on.")
    if len(evidence) > 1500:
        raise AssessmentError(f"Evidence is {len(evidence)} characters long: keep it under 1500.")
    who = " ".join(str(assessed_by or "").split())
    if not who:
        raise AssessmentError("Assessed by is missing.")
    table = self_assessments
    with records.writing(records.engine_for(store)) as conn:
        result = conn.execute(sa.insert(table).values(
            area_code=area_code, domain_id=domain_id, rating=rating, evidence=evidence,
            data_period=data_period or None, assessed_by=who, assessed_at=dt.datetime.now(),
        ).returning(table.c.assessment_id))
        return int(result.scalar_one())


ASSESSMENT_COLUMNS = ["assessment_id", "area_code", "domain_id", "rating", "evidence", "data_period",
                      "assessed_by", "assessed_at"]


def list_assessments(store: Store, area_code: str) -> pd.DataFrame:
    """Every rating for the area, newest first; ``is_latest`` marks the current one per domain."""
    table = self_assessments
    frame = records.read_frame(store, records.area_rows(table, ASSESSMENT_COLUMNS, area_code,
                                                        table.c.assessed_at.desc(), table.c.assessment_id.desc()))
    frame["is_latest"] = ~frame["domain_id"].duplicated()  # newest first: the first per domain is current
    frame["data_period"] = frame["data_period"].astype(object).where(frame["data_period"].notna(), None)
    return frame


def latest(store: Store, area_code: str) -> dict[str, pd.Series]:
    """domain id -> the current rating row."""
    frame = list_assessments(store, area_code)
    return {row["domain_id"]: row for _, row in frame[frame["is_latest"]].iterrows()}


@dataclass(frozen=True)
class DataView:
    """What the data says about a domain, beside the board's rating."""

    domain_id: str
    counts: dict[str, int]  # comparison -> number of indicators (better, similar, worse, ...)
    hidden: int  # indicators not shown (small numbers) or with no figure
    words: str  # "✔ 2 better, ≈ 3 similar, ✖ 1 worse than the benchmark; 1 not shown"
    easy_words: str


def data_view(figs: Figures, area_code: str, period: str, domain_id: str) -> DataView:
    """Each indicator in the domain compared with its benchmark (95% intervals)."""
    counts: dict[str, int] = {}
    hidden = 0
    for ind in figs.catalogue.in_domain(domain_id):
        table = figs.areas_for(ind.id, period)
        row = table[table["geography_code"] == area_code]
        if row.empty or bool(row.iloc[0]["suppressed"]) or row.iloc[0]["value"] != row.iloc[0]["value"]:
            hidden += 1
            continue
        comparison = row.iloc[0]["comparison"]
        if comparison == stats.NOT_COMPARED:
            hidden += 1
            continue
        counts[comparison] = counts.get(comparison, 0) + 1
    order = [stats.BETTER, stats.SIMILAR, stats.WORSE, stats.HIGHER, stats.LOWER]
    parts = [f"{narrative.COMPARISON_STYLE[c][1]} {counts[c]} {narrative.COMPARISON_STYLE[c][0].lower()}"
             for c in order if counts.get(c)]
    words = ("Compared with the benchmark: " + ", ".join(parts)) if parts else "No indicator can be compared"
    if hidden:
        words += f"; {hidden} not shown or not compared"
    better, worse = counts.get(stats.BETTER, 0), counts.get(stats.WORSE, 0)
    if not parts:
        easy = "The numbers cannot tell us yet."
    elif worse > better:
        easy = "The numbers say: worse than most places."
    elif better > worse:
        easy = "The numbers say: better than most places."
    else:
        easy = "The numbers say: about the same as most places."
    return DataView(domain_id, counts, hidden, words + ".", easy)
