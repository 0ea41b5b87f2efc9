"""The self-assessment page: the board's rating of each domain beside what the data says, the
ratings recorded before, and recording a new one (checked and logged)."""

from __future__ import annotations

import pandas as pd

from dashboard import access
from dashboard.figures.indicators import Figures
from dashboard.meeting import self_assessment as sa
from dashboard.records import audit

RATINGS = sa.RATINGS
rating_label = sa.rating_label


def _when(value) -> str:
    return f"{value.day} {value:%b %Y}" if value is not None and value == value else "–"


def beside_the_data(store, figs: Figures, area: str, period: str, user: access.User | None) -> pd.DataFrame:
    """One row per domain: the board's current rating, its evidence, who and when (editors of
    the council only), and what the data says in ``period``."""
    current = sa.latest(store, area)
    rows = []
    for domain in figs.catalogue.domains:
        rating = current.get(domain.id)
        rows.append({
            "Domain": domain.name,
            "Board's rating": sa.rating_label(rating["rating"] if rating is not None else None),
            "Evidence": rating["evidence"] if rating is not None else "–",
            "Who, when": f"{rating['assessed_by']}, {_when(rating['assessed_at'])}" if rating is not None else "–",
            "Data period the board used": (rating["data_period"] or "–") if rating is not None else "–",
            f"What the data says ({period})": sa.data_view(figs, area, period, domain.id).words,
        })
    return access.staff_view(pd.DataFrame(rows), user, area)


def history(store, figs: Figures, area: str, user: access.User | None) -> pd.DataFrame:
    """Every rating recorded for the area, newest first (names for editors of the council only)."""
    found = sa.list_assessments(store, area)
    if not len(found):
        return pd.DataFrame()
    names = {d.id: d.name for d in figs.catalogue.domains}
    return access.staff_view(pd.DataFrame({
        "Domain": [names.get(d, d) for d in found["domain_id"]],
        "Rating": [sa.rating_label(r) for r in found["rating"]],
        "Evidence": found["evidence"],
        "Who": found["assessed_by"],
        "When": [_when(w) for w in found["assessed_at"]],
        "Current": ["yes" if x else "no" for x in found["is_latest"]],
    }), user, area)


def record(store, figs: Figures, user: access.User | None, area: str, period: str, domain_id: str, rating: str,
           evidence: str | None) -> tuple[bool, str]:
    """Record a rating (the role rule checked and the outcome logged): (saved, what to tell the user)."""
    try:
        with audit.act(user, "record rating", [area], f"record a rating for {area}",
                       detail=f"{domain_id}: {rating} ({period})"):
            sa.record_assessment(store, figs, area, domain_id, rating, evidence, period, user.name)
    except (sa.AssessmentError, access.Refused) as exc:
        return False, f"Not saved: {exc}"
    return True, f"Recorded {sa.rating_label(rating)} for {figs.catalogue.domain(domain_id).name}."
