"""Published theme-page tables: counts and shares for every council and year, after every rule.

The theme pages' tables (activity levels, breakdown categories, I-statement answers,
direct-payment agreement statements, "you said, we did" actions, who took part, decisions,
days in groups, control with and without a direct payment) are worked out here once per data
version by the writer (``release.materialise``) and stored in DuckDB beside the indicator cells
(``release_table_<name>``); pages read the ready rows (``release.table``).

Relations protected together (``protect``): the rows of a group and its total; the same row
across years where the total of a category is published; and each table with the indicator it
breaks down (``protect.Link``):

- activity levels: co-designed + co-produced = ``coproduced_activities``' count, all levels its base;
- breakdown categories: all categories = ``breakdowns_per_1000``, transition and discharge their own;
- I-statement answers: "yes" over all themes = ``i_statements_yes``' count, all answers its base;
- direct-payment statements: agree or strongly agree with statement 1, 3, 4 = ``dp_flexible_use``,
  ``dp_paid_quickly``, ``dp_trusted``' counts, that statement's answers their bases;
- actions: completed = ``you_said_we_did``' count, completed + still open its base;
- who took part: self-advocates' places = ``self_advocate_share``' count, all places its base;
- decisions (fixed windows of years): decisions with self-advocates over the window are part of
  the window's ``decisions_with_self_advocates`` counts (which also count commissioning decisions);
- days in groups: the groups add up to the median's base; where a group is hidden, the median's
  interval ends (records at known ranks that would bound the groups beside them) are withheld
  (``withhold_median_intervals``);
- control with and without a direct payment: "with" is ``control_direct_payment``'s cell.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.release import protect, rules
from dashboard.release.protect import Link, links_by

PREFIX = "release_table_"

LOCAL = "local data"


class Hidden:
    """Whether the release layer hides an indicator's figure for a council and year."""

    def __init__(self, published: pd.DataFrame):
        area = published[(published["geography_level"] == "area") & (published["source"] == LOCAL)]
        self._hidden = {(i, c, p): bool(s) for i, c, p, s in zip(area["indicator_id"], area["geography_code"],
                                                                 area["period"], area["suppressed"])}

    def of(self, indicator_id: str, area: str, periods) -> list[bool]:
        if indicator_id not in LINKED:  # the stored tables' version covers only these (``hidden_key``)
            raise KeyError(f"{indicator_id} is not in tables.LINKED")
        return [self._hidden[(indicator_id, area, p)] for p in periods if (indicator_id, area, p) in self._hidden]

    def by_area_period(self, indicator_id: str):
        return lambda key: self.of(indicator_id, key[0], [key[1]])


#: the indicators whose council cells the tables are protected with (``Hidden.of`` in the builders)
LINKED = ("coproduced_activities", "breakdowns_per_1000", "transition_breakdowns_per_1000",
          "discharge_breakdowns_per_1000", "dp_flexible_use", "dp_paid_quickly", "dp_trusted", "i_statements_yes",
          "self_advocate_share", "you_said_we_did", "decisions_with_self_advocates", "control_direct_payment")


def hidden_key(published: pd.DataFrame) -> str:
    """A fingerprint of everything the tables take from the published cells: which councils'
    cells of the ``LINKED`` indicators are hidden, in which years (and which years have local
    figures). Two sets of cells with the same key give the same tables."""
    import hashlib

    area = published[(published["geography_level"] == "area") & (published["source"] == LOCAL)
                     & published["indicator_id"].isin(LINKED)]
    hidden = area[area["suppressed"].astype(bool)]
    text = "|".join(sorted(f"{i}/{c}/{p}" for i, c, p in zip(hidden["indicator_id"], hidden["geography_code"],
                                                              hidden["period"])))
    text += "#" + ",".join(_periods(published))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _empty() -> pd.DataFrame:
    """A table with no rows (nothing imported yet): still stored, so the data version is current."""
    return pd.DataFrame({"area_code": pd.Series([], dtype="string"), "period": pd.Series([], dtype="string")})


def _periods(published: pd.DataFrame) -> list[str]:
    local = published[(published["geography_level"] == "area") & (published["source"] == LOCAL)]
    return sorted(set(local["period"]))


def _each_period(store, query: str, periods: list[str]) -> pd.DataFrame:
    frames = [store.query(query, period=p).assign(period=p) for p in periods]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _raw(store, query: str, periods, order: list[str], name: str, raw_out) -> pd.DataFrame:
    """A per-year query for every year, in a fixed order (``raw_out``: the raw rows, for the audit)."""
    frame = _each_period(store, query, periods)
    if frame.empty:
        return frame
    frame = frame.sort_values(["area_code", "period", *order]).reset_index(drop=True)
    if raw_out is not None:
        raw_out[name] = frame.copy()
    return frame


def shares_within(frame: pd.DataFrame, count_col: str, group_cols: list[str], links=None) -> pd.DataFrame:
    """Each row's share of its group's total (``answered``, ``share``): hidden counts stay hidden,
    shown counts are rounded to 5, shares (from the unrounded figures) to 1 decimal place, and a
    group total of 1-4 is not shown."""
    frame = frame.reset_index(drop=True)
    raw = frame[count_col].astype(float)
    total = frame.groupby(group_cols)[count_col].transform("sum").astype(float)
    out = protect.protect_counts(frame, count_col, group_cols, total_col="answered", links=links)
    out["share"] = protect.shares(out, count_col, raw, total)
    return out


# ------------------------------------------------------------------ one builder per table


def levels(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    frame = store.query("coproduction_levels").reset_index(drop=True)
    if frame.empty:
        return _empty()
    if raw_out is not None:
        raw_out["levels"] = frame.copy()
    deep = frame["level"].isin(["co-designed", "co-produced"])  # the indicator's count
    links = links_by(frame, ["area_code", "period"], deep, None, hidden.by_area_period("coproduced_activities"))
    return protect.protect_counts(frame, "activities", ["area_code", "period"], links=links)


def categories(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    frame = store.query("breakdowns_by_category").reset_index(drop=True)
    if frame.empty:
        return _empty()
    if raw_out is not None:
        raw_out["categories"] = frame.copy()
    people = frame["people_supported"].astype(float)
    rate = frame["breakdowns"].astype(float) / people * 1000  # from the unrounded figures
    links = []
    for category, indicator_id in (("transition to adult services", "transition_breakdowns_per_1000"),
                                   ("hospital or ATU discharge", "discharge_breakdowns_per_1000"), (None, "breakdowns_per_1000")):
        rows = frame["category"] == category if category else pd.Series(True, index=frame.index)
        links += links_by(frame, ["area_code", "period"], rows, pd.Series(False, index=frame.index),
                          hidden.by_area_period(indicator_id))
    for link in links:
        link.rest = None  # a rate's base is people supported, not the other categories
    frame = protect.protect_counts(frame, "breakdowns", ["area_code", "period"], extra=[["area_code", "category"]],
                                   links=links)
    few = rules.is_small(people.to_numpy()) | (people.to_numpy() < rules.SMALL_BELOW)  # a rate out of 1-4 people
    frame.loc[few, "breakdowns"] = np.nan
    frame.loc[few & ~frame["suppressed"].to_numpy(), "suppression_reason"] = rules.SMALL_BASE_TEXT
    frame.loc[few, "suppressed"] = True
    frame["people_supported"] = np.where(few, np.nan, rules.round_count(people))
    frame["per_1000"] = rules.round_value(rate.where(~frame["suppressed"].astype(bool)))
    return frame


def agreement(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    frame = _raw(store, "dp_agreement_statements", periods, ["statement_order", "agreement"], "agreement", raw_out)
    if frame.empty:
        return _empty()
    links = []
    for order, indicator_id in ((1, "dp_flexible_use"), (3, "dp_paid_quickly"), (4, "dp_trusted")):
        scope = frame["statement_order"] == order
        links += links_by(frame, ["area_code", "period"], scope & (frame["agreement"] >= 4), scope,
                          hidden.by_area_period(indicator_id))
    return shares_within(frame, "holders", ["area_code", "period", "statement_order"], links=links)


def i_statements(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    frame = _raw(store, "i_statement_answers", periods, ["theme", "answer_order"], "i_statements", raw_out)
    if frame.empty:
        return _empty()
    links = links_by(frame, ["area_code", "period"], frame["answer"] == "yes", None,
                     hidden.by_area_period("i_statements_yes"))
    return shares_within(frame, "answers", ["area_code", "period", "theme"], links=links)


def _bins(store, query: str, count_col: str, name: str, periods, raw_out=None) -> pd.DataFrame:
    frame = _raw(store, query, periods, ["bin_order"], name, raw_out)
    if frame.empty:
        return _empty()
    return protect.protect_counts(frame, count_col, ["area_code", "period"])


def payment_wait(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    return _bins(store, "dp_days_to_first_payment_bins", "holders", "payment_wait", periods, raw_out)


def delays(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    return _bins(store, "breakdown_days_delayed_bins", "breakdowns", "delays", periods, raw_out)


#: the median each table of days in groups is the distribution of
BIN_MEDIANS = {"payment_wait": "days_to_first_payment", "delays": "breakdown_days_delayed"}

ROLES = {"self_advocates": "Self-advocates", "family_carers": "Family carers", "professionals": "Professionals"}


def participants(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    mine = store.query("coproduction_participants")
    if mine.empty:
        return _empty()
    long = mine.melt(id_vars=["area_code", "period"], value_vars=list(ROLES), var_name="role_key", value_name="places")
    long["role"] = long["role_key"].map(ROLES)
    long["role_order"] = long["role_key"].map({k: i for i, k in enumerate(ROLES)})
    long = long.sort_values(["area_code", "period", "role_order"]).reset_index(drop=True)
    paid = mine.set_index(["area_code", "period"])["people_paid"].astype(float)
    long["people_paid"] = [paid.get((a, p), np.nan) for a, p in zip(long["area_code"], long["period"])]
    if raw_out is not None:
        raw_out["participants"] = long.copy()
    links = links_by(long, ["area_code", "period"], long["role_key"] == "self_advocates", None,
                     hidden.by_area_period("self_advocate_share"))
    long = protect.protect_counts(long, "places", ["area_code", "period"], links=links)
    people_paid = long["people_paid"].astype(float)
    long["people_paid"] = np.where(rules.is_small(people_paid), np.nan, rules.round_count(people_paid))
    long["people_paid_reason"] = np.where(rules.is_small(people_paid), rules.SUPPRESSED_TEXT, None)
    return long


def actions(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    mine = store.query("coproduction_actions")
    if mine.empty:
        return _empty()
    long = mine.drop(columns=["actions"]).melt(id_vars=["area_code", "period"], value_vars=["completed_actions", "open_actions"],
                                               var_name="status_key", value_name="actions")
    long["status"] = long["status_key"].map({"completed_actions": "Completed", "open_actions": "Still open"})
    long = long.sort_values(["area_code", "period", "status"]).reset_index(drop=True)
    if raw_out is not None:
        raw_out["actions"] = long.copy()
    links = links_by(long, ["area_code", "period"], long["status"] == "Completed", None,
                     hidden.by_area_period("you_said_we_did"))
    return protect.protect_counts(long, "actions", ["area_code", "period"], links=links)


def _proportion_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """value and 95% and 99.8% Wilson intervals (percent) from count, base, numerator, denominator."""
    from dashboard.figures import stats

    frame = frame.copy()
    share = (frame["numerator"].astype(float) / frame["denominator"].astype(float)).where(frame["denominator"] > 0)
    frame["value"] = share * 100
    for level in (95, 99.8):
        suffix = stats.level_suffix(level)
        frame[f"lower_{suffix}"], frame[f"upper_{suffix}"] = stats.wilson_percent(share, frame["base"].astype(float), level)
    return frame


def windows(periods) -> list[list[str]]:
    """The fixed windows of years (``rules.window_of``) that hold a year in the data."""
    return [list(w) for w in dict.fromkeys(tuple(rules.window_of(p)) for p in periods)]


def decisions(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    frames = []
    for years in windows(periods):
        got = store.query("coproduction_decisions", from_period=years[0], to_period=years[-1])
        if len(got):
            frames.append(got.assign(period=years[0]))
    if not frames:
        return _empty()
    mine = pd.concat(frames, ignore_index=True)
    long = pd.concat([
        mine.assign(who="Self-advocates", count=mine["with_self_advocates"]),
        mine.assign(who="Family carers", count=mine["with_family_carers"]),
    ], ignore_index=True).sort_values(["area_code", "period", "decision_order", "who"], ascending=[True, True, True, False])
    long = long.reset_index(drop=True)
    long = long.assign(base=long["decisions"], numerator=long["count"], denominator=long["decisions"])
    if raw_out is not None:
        raw_out["decisions"] = long.copy()
    long = _proportion_rows(long)
    # the window's decisions with self-advocates are part of the indicator's counts for its years
    links = links_by(long, ["area_code", "period"], long["who"] == "Self-advocates", pd.Series(False, index=long.index),
                     lambda key: hidden.of("decisions_with_self_advocates", key[0], rules.window_of(key[1])))
    for link in links:
        link.rest = None
    long = protect.protect_proportions(long, ["area_code", "period", "who"], links=links)
    decisions_raw = mine.set_index(["area_code", "period", "decision"])["decisions"].astype(float)
    shown = [decisions_raw[(a, p, d)] for a, p, d in zip(long["area_code"], long["period"], long["decision"])]
    shown = np.asarray(shown, dtype=float)
    long["decisions"] = np.where(rules.is_small(shown), np.nan, rules.round_count(shown))
    long["decisions_reason"] = np.where(rules.is_small(shown), rules.SUPPRESSED_TEXT, None)
    long["has_decisions"] = shown > 0
    return long


def control(store, hidden: Hidden, periods, raw_out=None) -> pd.DataFrame:
    frame = _raw(store, "control_by_direct_payment", periods, ["payment_group"], "control", raw_out)
    if frame.empty:
        return _empty()
    frame = frame.rename(columns={"with_control": "count", "respondents": "base"})
    if raw_out is not None:
        raw_out["control"] = frame.copy()
    frame = _proportion_rows(frame)
    with_dp = frame["payment_group"] == "With a direct payment"
    # "with a direct payment" is the same cell as the indicator: hidden there, hidden here
    links = links_by(frame, ["area_code", "period"], with_dp, pd.Series(False, index=frame.index),
                     hidden.by_area_period("control_direct_payment"))
    for link in links:
        link.rest = None
    return protect.protect_proportions(frame, ["area_code", "period"], links=links)


BUILDERS = {
    "levels": levels, "categories": categories, "agreement": agreement, "i_statements": i_statements,
    "payment_wait": payment_wait, "delays": delays, "participants": participants, "actions": actions,
    "decisions": decisions, "control": control,
}


def withhold_median_intervals(published: pd.DataFrame, built: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """A median's interval ends are records at known ranks: with the base, each says how many
    records lie below its group of days. Where a group of an area's year is hidden, the median's
    intervals are not published (the median itself is: the audit checks it)."""
    published = published.copy()
    for name, indicator_id in BIN_MEDIANS.items():
        bins = built.get(name)
        if bins is None or bins.empty:
            continue
        with_hidden = {(a, p) for (a, p), rows in bins.groupby(["area_code", "period"]) if rows["suppressed"].any()}
        sel = ((published["indicator_id"] == indicator_id) & (published["geography_level"] == "area")
               & pd.Series([(c, p) in with_hidden for c, p in zip(published["geography_code"], published["period"])],
                           index=published.index))
        published.loc[sel, ["lower_95", "upper_95", "lower_998", "upper_998"]] = np.nan
    return published


def compute(store, published: pd.DataFrame, raw_out: dict | None = None) -> dict[str, pd.DataFrame]:
    """Every theme table, protected: name -> rows for every council and year."""
    hidden = Hidden(published)
    periods = _periods(published)
    return {name: build(store, hidden, periods, raw_out) for name, build in BUILDERS.items()}
