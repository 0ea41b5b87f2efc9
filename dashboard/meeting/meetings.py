"""Board meetings: the dates a partnership board met, the data period each used, and what
changed since the last meeting, with its significance in words.

What is compared with what
--------------------------
A meeting looks at one data period (``2024-25``). "Since the last meeting" compares each
figure with the figure for the data period the previous recorded meeting used. If no earlier
meeting is recorded, it compares with the period before in the data and says so. If the last
meeting used the same period, nothing can have changed, and it says that.

How a change is tested (95% level, two-sided)
---------------------------------------------
- Proportions: a test of two proportions (a two-sample z-test with pooled variance,
  ``statsmodels.stats.proportion.proportions_ztest``) on the people counted in each period.
- Rates: a test of two Poisson rates (``statsmodels.stats.rates.test_poisson_2indep``, score
  method) on the events and the people they are counted over.
- Medians: the two 95% intervals; a change is significant only when they do not overlap (a
  conservative check: the figures carry no counts to test).

Only suppressed figures (``Figures``) are used: a figure hidden by the small-numbers rule is
never compared, and the words say why.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from dashboard.figures.catalogue import Indicator
from dashboard.figures.indicators import Figures
from dashboard.records import db as records
from dashboard.records.board import board_meetings
from dashboard.data.store import Store

ALPHA = 0.05

METHOD_WORDS = {
    "proportion": "test of two proportions",
    "rate": "test of two rates",
    "median": "95% intervals do not overlap",
}

# change verdicts: how each is said and shown (never colour alone)
BETTER, WORSE, HIGHER, LOWER = "better", "worse", "higher", "lower"
NO_CHANGE, NOT_COMPARED, SAME_DATA = "no significant change", "not compared", "same data"
CHANGE_STYLE = {
    BETTER: ("Better since last meeting", "✔", "#00549f"),
    WORSE: ("Worse since last meeting", "✖", "#a8320f"),
    HIGHER: ("Higher since last meeting", "▲", "#4c2c92"),
    LOWER: ("Lower since last meeting", "▼", "#4c2c92"),
    NO_CHANGE: ("No real change", "≈", "#505a5f"),
    NOT_COMPARED: ("Not compared", "–", "#505a5f"),
    SAME_DATA: ("Same data as last meeting", "=", "#505a5f"),
}


class MeetingError(ValueError):
    """A meeting could not be saved; the message says which field and why."""


# ------------------------------------------------------------------ recording meetings


def record_meeting(store: Store, area_code: str, meeting_date, data_period: str, note: str | None,
                   recorded_by: str) -> int:
    """Record a meeting (one per area and date); returns its id. Raises ``MeetingError``."""
    area_code = str(area_code or "").strip().upper()
    if not area_code or store.query("area_exists", area_code=area_code).empty:
        raise MeetingError(f"Area “{area_code}” is not a council the dashboard knows.")
    try:
        when = meeting_date if isinstance(meeting_date, dt.date) else dt.date.fromisoformat(str(meeting_date).strip())
    except ValueError:
        raise MeetingError(f"Meeting date “{meeting_date}” is not a date: write it as YYYY-MM-DD.") from None
    period = str(data_period or "").strip()
    if store.query("period_known", period=period).empty:
        raise MeetingError(f"Data period “{data_period}” is not a period in the data (e.g. 2024-25).")
    who = " ".join(str(recorded_by or "").split())
    if not who:
        raise MeetingError("Recorded by is missing.")
    note = " ".join(str(note).split())[:300] if note else None
    existing = list_meetings(store, area_code)
    if (existing["meeting_date"] == when).any():
        raise MeetingError(f"A meeting on {when:%-d %B %Y} is already recorded for this area.")
    table = board_meetings
    try:
        with records.writing(records.engine_for(store)) as conn:
            result = conn.execute(sa.insert(table).values(
                area_code=area_code, meeting_date=when, data_period=period, note=note, recorded_by=who,
                recorded_at=dt.datetime.now()).returning(table.c.meeting_id))
            return int(result.scalar_one())
    except sa.exc.IntegrityError:  # recorded a moment ago in another window or process
        raise MeetingError(f"A meeting on {when:%-d %B %Y} is already recorded for this area.") from None


def delete_meeting(store: Store, meeting_id: int) -> None:
    table = board_meetings
    with records.writing(records.engine_for(store)) as conn:
        deleted = conn.execute(sa.delete(table).where(table.c.meeting_id == int(meeting_id))).rowcount
    if not deleted:
        raise MeetingError(f"There is no meeting number {meeting_id}.")


MEETING_COLUMNS = ["meeting_id", "area_code", "meeting_date", "data_period", "note", "recorded_by", "recorded_at"]


def list_meetings(store: Store, area_code: str) -> pd.DataFrame:
    """An area's meetings, newest first; ``meeting_date`` as ``datetime.date``."""
    table = board_meetings
    frame = records.read_frame(store, records.area_rows(table, MEETING_COLUMNS, area_code,
                                                        table.c.meeting_date.desc(), table.c.meeting_id.desc()))
    frame["meeting_date"] = [d.date() for d in pd.to_datetime(frame["meeting_date"])]
    frame["note"] = frame["note"].astype(object).where(frame["note"].notna(), None)
    return frame


# ------------------------------------------------------------------ which period to compare with


@dataclass(frozen=True)
class Baseline:
    """What 'since last meeting' compares with."""

    period: str | None  # the data period to compare with (None: nothing to compare)
    meeting_date: dt.date | None  # the previous meeting, if one is recorded
    words: str  # "the last meeting (12 March 2025, which used 2023-24 data)"
    same_data: bool = False  # the last meeting used the same period


def _date_words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def baseline(store: Store, figs: Figures, area_code: str, period: str, today: dt.date | None = None) -> Baseline:
    """The previous meeting for this area and period.

    The meeting being held is the latest recorded meeting that used ``period`` (if any); the
    previous meeting is the latest one before it (or before ``today`` if this meeting is not
    recorded yet)."""
    today = today or dt.date.today()
    meetings = list_meetings(store, area_code)
    this = meetings[meetings["data_period"] == period]
    cutoff = this["meeting_date"].max() if len(this) else today + dt.timedelta(days=1)
    earlier = meetings[meetings["meeting_date"] < cutoff]
    if len(earlier):
        last = earlier.iloc[0]
        when = last["meeting_date"]
        if last["data_period"] == period:
            return Baseline(period, when, f"the last meeting ({_date_words(when)}, which used the same {period} data)", True)
        return Baseline(last["data_period"], when, f"the last meeting ({_date_words(when)}, which used {last['data_period']} data)")
    periods = [p for p in figs.periods() if p < period]
    if periods:
        return Baseline(periods[-1], None, f"{periods[-1]} (the period before; no earlier meeting is recorded)")
    return Baseline(None, None, "no earlier meeting or earlier data")


# ------------------------------------------------------------------ the change for one indicator


@dataclass(frozen=True)
class Change:
    indicator_id: str
    from_period: str | None
    to_period: str
    from_value: float | None
    to_value: float | None
    verdict: str  # better, worse, higher, lower, no significant change, not compared, same data
    method: str  # how it was tested, in words ("" when not tested)
    p_value: float | None
    words: str  # the sentence a slide shows, in plain words for a room (no test names or p values)
    easy_words: str  # the easy-read sentence
    detail: str = ""  # the same with the test and its p value: speaker notes and the full figures

    @property
    def significant(self) -> bool:
        return self.verdict in (BETTER, WORSE, HIGHER, LOWER)

    @property
    def label(self) -> str:
        word, symbol, _ = CHANGE_STYLE[self.verdict]
        return f"{symbol} {word}"


def _valid(row) -> bool:
    return row is not None and not bool(row["suppressed"]) and row["value"] == row["value"]


def significance_test(indicator: Indicator, before, after) -> tuple[float | None, str]:
    """(p value or None, method words) for two unsuppressed figure rows. For medians the p value
    is None and significance is decided by the intervals (see ``change_between``)."""
    if indicator.kind == "proportion":
        from statsmodels.stats.proportion import proportions_ztest

        n1, n2 = float(before["base"]), float(after["base"])
        c1, c2 = float(before["value"]) / 100 * n1, float(after["value"]) / 100 * n2
        if n1 <= 0 or n2 <= 0:
            return None, METHOD_WORDS["proportion"]
        pooled = (c1 + c2) / (n1 + n2)
        if pooled in (0.0, 1.0):  # everyone (or no one) both times: no difference to test
            return 1.0, METHOD_WORDS["proportion"]
        _, p = proportions_ztest([c2, c1], [n2, n1])
        return float(p), METHOD_WORDS["proportion"]
    if indicator.kind == "rate":
        from statsmodels.stats.rates import test_poisson_2indep

        e1, e2 = float(before["numerator"]), float(after["numerator"])
        d1, d2 = float(before["denominator"]), float(after["denominator"])
        if d1 <= 0 or d2 <= 0 or math.isnan(e1) or math.isnan(e2):
            return None, METHOD_WORDS["rate"]
        if e1 + e2 == 0:
            return 1.0, METHOD_WORDS["rate"]
        result = test_poisson_2indep(e2, d2, e1, d1, method="score")
        return float(result.pvalue), METHOD_WORDS["rate"]
    return None, METHOD_WORDS["median"]


def change_between(figs: Figures, indicator_id: str, area_code: str, period: str, base: Baseline) -> Change:
    indicator = figs.catalogue[indicator_id]
    after = figs.figure(indicator_id, area_code, period)
    to_value = float(after["value"]) if _valid(after) else None

    def result(verdict, words, easy, before=None, p=None, method="", detail=None):
        from_value = float(before["value"]) if _valid(before) else None
        return Change(indicator_id, base.period, period, from_value, to_value, verdict, method, p, words, easy,
                      detail or words)

    if base.period is None:
        return result(NOT_COMPARED, "Since the last meeting: nothing to compare with (no earlier meeting or data).",
                      "We cannot say if this changed.")
    if base.same_data:
        return result(SAME_DATA, f"Since {base.words}: no new figures, so nothing has changed.",
                      "These are the same numbers as last meeting.")
    before = figs.figure(indicator_id, area_code, base.period)
    if not _valid(after) or not _valid(before):
        hidden = [p for p, r in ((base.period, before), (period, after)) if r is not None and bool(r["suppressed"])]
        why = (f"small numbers are not shown ({' and '.join(hidden)})" if hidden
               else f"there is no figure for {base.period if not _valid(before) else period}")
        return result(NOT_COMPARED, f"Since {base.words}: not compared, because {why}.",
                      "We cannot say if this changed.", before)
    from_value = float(before["value"])
    p, method = significance_test(indicator, before, after)
    if indicator.kind == "median":
        apart = float(after["lower_95"]) > float(before["upper_95"]) or float(after["upper_95"]) < float(before["lower_95"])
        significant = apart
        test_words = "their 95% intervals do not overlap" if apart else "their 95% intervals overlap"
    else:
        significant = p is not None and p < ALPHA
        test_words = f"{method}, p = {p:.3f}" if p is not None and p >= 0.001 else f"{method}, p < 0.001" if p is not None else method
    moved = "up" if to_value > from_value else "down" if to_value < from_value else "unchanged"
    span = (f"{moved} from {indicator.format_value(from_value)} to {indicator.format_value(to_value)}"
            if moved != "unchanged" else f"unchanged at {indicator.format_value(to_value)}")
    if moved == "unchanged":
        return result(NO_CHANGE, f"Since {base.words}: {span}.", "The same as last meeting.", before, p, method)
    if not significant:
        words = f"Since {base.words}: {span}. This could be chance: it is not a clear change."
        detail = (f"Since {base.words}: {span}. This is not a significant change: it could be chance "
                  f"({test_words}).")
        return result(NO_CHANGE, words, "About the same as last meeting.", before, p, method, detail)
    if indicator.polarity == "none":
        verdict = HIGHER if to_value > from_value else LOWER
        easy = "Higher than last meeting." if verdict == HIGHER else "Lower than last meeting."
        quality = "a significant change"
    else:
        good = (to_value > from_value) == (indicator.polarity == "high_good")
        verdict = BETTER if good else WORSE
        easy = "Better than last meeting." if good else "Worse than last meeting."
        quality = f"a significant change, getting {verdict}"
    plain = quality.replace("a significant change", "a clear change, unlikely to be chance")
    words = f"Since {base.words}: {span}, {plain}."
    detail = f"Since {base.words}: {span}, {quality} ({test_words})."
    return result(verdict, words, easy, before, p, method, detail)


def changes(store: Store, figs: Figures, area_code: str, period: str, today: dt.date | None = None) -> dict[str, Change]:
    """The change since the last meeting for every indicator in the catalogue."""
    base = baseline(store, figs, area_code, period, today)
    return {ind.id: change_between(figs, ind.id, area_code, period, base) for ind in figs.catalogue.indicators}


__all__ = [
    "Baseline", "Change", "MeetingError", "CHANGE_STYLE", "METHOD_WORDS", "baseline", "change_between",
    "changes", "delete_meeting", "list_meetings", "record_meeting", "significance_test",
]
