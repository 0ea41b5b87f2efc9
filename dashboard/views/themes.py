"""The theme pages (direct payments, collaboration breakdowns, co-production): the data behind
every chart, assembled and suppressed here so that a page only renders what it is given.

Every function returns :class:`Panel` objects: a chart with its sentence, the table people read
and the rows of its CSV download. All three come from the same suppressed rows, so a number
hidden in one is hidden in all: a count of 1-4 is blanked, and where a total shown elsewhere
would reveal one hidden cell, the next smallest cell is hidden too (secondary suppression).
Distributions are counts in bins of days, never single records. Free-text breakdown notes are
read only by :func:`breakdown_notes`, which the page calls for signed-in editors alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard import charts, release
from dashboard.figures import groups, narrative, stats
from dashboard.figures.groups import Group
from dashboard.release import protect, rules
from dashboard.release import tables as release_tables
from dashboard.figures.indicators import Figures
from dashboard.data.store import Store
from dashboard.views.common import counts

SECONDARY_TEXT = rules.SECONDARY_TEXT

# ------------------------------------------------------------------ groups of areas
# One comparison-group model for every page (``dashboard.figures.groups``): all areas, the same region,
# the same council type or a named group, the same ``group`` in the link as the comparison pages.


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    indicators: tuple[str, ...]  # in the order the key-figures table lists them; first is the headline


DIRECT_PAYMENTS = Theme(
    "direct-payments", "Direct payments",
    ("direct_payments", "self_directed_support", "individual_service_funds", "days_to_first_payment",
     "dp_flexible_use", "dp_paid_quickly", "dp_trusted", "clawbacks_per_100", "unauthorised_spend_per_100",
     "control_direct_payment", "control_council_commissioned"),
)
COLLABORATION = Theme(
    "collaboration", "Collaboration breakdowns",
    ("breakdowns_per_1000", "transition_breakdowns_per_1000", "discharge_breakdowns_per_1000",
     "breakdown_days_delayed", "breakdowns_resolved_28_days", "breakdowns_escalated"),
)
COPRODUCTION = Theme(
    "coproduction", "Co-production",
    ("coproduced_activities", "decisions_with_self_advocates", "self_advocate_share", "people_paid_for_time",
     "you_said_we_did", "i_statements_yes"),
)


@dataclass
class Context:
    """What the reader chose: area, year and comparison group."""

    store: Store
    figs: Figures
    area: str
    period: str
    group: str | Group = "all"  # a ``dashboard.figures.groups`` key or the resolved Group
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def _cached(self, key, compute):
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def areas_for(self, indicator_id: str, period: str | None = None) -> pd.DataFrame:
        period = period or self.period
        return self._cached(("areas_for", indicator_id, period), lambda: self.figs.areas_for(indicator_id, period))

    def benchmark(self, indicator_id: str, period: str | None = None):
        period = period or self.period
        return self._cached(("benchmark", indicator_id, period), lambda: self.figs.benchmark(indicator_id, period))

    def figure(self, indicator_id: str, period: str | None = None):
        period = period or self.period
        return self._cached(("figure", indicator_id, period), lambda: self.figs.figure(indicator_id, self.area, period))

    @property
    def area_name(self) -> str:
        return self.figs.area_name(self.area)

    @property
    def comparison_group(self) -> Group:
        """The chosen group, resolved as the comparison pages resolve it (``groups.resolve``)."""
        if isinstance(self.group, Group):
            return self.group

        def resolve():
            saved = groups.named_groups(self.store) if str(self.group).startswith(groups.NAMED_PREFIX) else \
                pd.DataFrame(columns=["group_id", "group_name", "area_code"])
            return groups.resolve(str(self.group), self.figs.areas, saved, self.area)

        return self._cached(("group",), resolve)

    @property
    def group_areas(self) -> pd.DataFrame:
        areas = self.figs.areas
        return areas[areas["area_code"].isin(self.comparison_group.codes)]

    @property
    def group_codes(self) -> list[str]:
        return list(self.group_areas["area_code"])

    @property
    def group_label(self) -> str:
        """'all areas in the data', 'areas in Yorkshire and The Humber', 'Metropolitan District councils'."""
        group = self.comparison_group
        if group.key == groups.REGION:
            return f"areas in {group.label}"
        return group.words

    def recent_periods(self, years: int) -> list[str]:
        """The chosen year and up to ``years - 1`` years before it (years in the data)."""
        periods = [p for p in self.figs.periods() if p <= self.period]
        return periods[-years:] if periods else [self.period]

    @property
    def previous_period(self) -> str | None:
        periods = self.figs.periods()
        if self.period in periods:
            i = periods.index(self.period)
            return periods[i - 1] if i > 0 else None
        return None


# ------------------------------------------------------------------ panels


@dataclass
class Panel:
    """One chart with its sentence, the table people read and the rows of its CSV download."""

    key: str
    title: str
    chart: charts.Chart | None
    table: pd.DataFrame
    caption: str
    csv: pd.DataFrame
    numeric: tuple[str, ...] = ()
    note: str = ""
    empty: str = ""  # said instead of the chart when there is nothing to show
    extra: dict = field(default_factory=dict)

    @property
    def sentence(self) -> str:
        return self.chart.sentence if self.chart else self.empty

    def csv_bytes(self) -> bytes:
        from dashboard.figures import exports

        return exports.to_csv(self.csv)


def _count_text(value, reason=None) -> str:
    """A count as a table shows it, or why it is not shown (its own reason, ``rules.REASONS``)."""
    return rules.cell_text(value != value, reason, "" if value != value else f"{value:,.0f}")


def _wide_text(frame: pd.DataFrame, index: str, columns: str, values: str, order=None) -> pd.DataFrame:
    """A long table of counts as a wide table of words: each cell its count or its own reason."""
    wide = frame.pivot_table(index=index, columns=columns, values=values, aggfunc="first", dropna=False, sort=False)
    why = frame.pivot_table(index=index, columns=columns, values="suppression_reason", aggfunc="first",
                            dropna=False, sort=False) if frame["suppression_reason"].notna().any() else None
    if order is not None:
        wide = wide.reindex(columns=order)
    out = pd.DataFrame(index=wide.index)
    for col in wide.columns:
        reasons = why[col].reindex(wide.index) if why is not None and col in why.columns else [None] * len(wide)
        out[col] = [_count_text(v, r) for v, r in zip(wide[col], reasons)]
    return out


def suppress_cells(frame: pd.DataFrame, count_col: str, group_cols: list[str]) -> pd.DataFrame:
    """A table of counts whose group totals are known elsewhere (``release.protect``)."""
    return protect.protect_counts(frame, count_col, group_cols)


def sentence_name(name: str) -> str:
    """A name inside a sentence: 'Breakdowns at hospital or ATU discharge' -> 'breakdowns at
    hospital or ATU discharge' (only the first letter changes; acronyms keep their capitals)."""
    if name.startswith("I ") or name[:2].isupper():
        return name
    return name[:1].lower() + name[1:]


def _interval_text(ind, lo, hi, suppressed) -> str:
    if suppressed or lo != lo or hi != hi:
        return ""
    return f"{ind.format_value(lo)} to {ind.format_value(hi)}"


# ------------------------------------------------------------------ key figures (backs the findings)


def key_figures(ctx: Context, theme: Theme) -> pd.DataFrame:
    """One row per indicator of the theme: the area this year and last year, the benchmark,
    the comparison and the best area in the group (numbers, suppressed)."""
    figs = ctx.figs
    rows = []
    for indicator_id in theme.indicators:
        ind = figs.catalogue[indicator_id]
        table = ctx.areas_for(indicator_id)
        mine = table[table["geography_code"] == ctx.area]
        row = mine.iloc[0] if len(mine) else None
        before = ctx.figure(indicator_id, ctx.previous_period) if ctx.previous_period else None
        bench = ctx.benchmark(indicator_id)
        best = best_area(ctx, indicator_id)
        rows.append({
            "indicator_id": indicator_id,
            "indicator": ind.short_name,
            "value": np.nan if row is None else row["value"],
            "suppressed": bool(row["suppressed"]) if row is not None else False,
            "suppression_reason": row["suppression_reason"] if row is not None else None,
            "lower_95": np.nan if row is None else row["lower_95"],
            "upper_95": np.nan if row is None else row["upper_95"],
            "previous_value": np.nan if before is None else before["value"],
            "previous_suppressed": bool(before["suppressed"]) if before is not None else False,
            "previous_reason": before["suppression_reason"] if before is not None else None,
            "benchmark_value": bench.value if bench else np.nan,
            "benchmark_label": bench.label if bench else None,
            "comparison": row["comparison"] if row is not None else stats.NOT_COMPARED,
            "best_area": best["area_name"] if best is not None else None,
            "best_value": best["value"] if best is not None else np.nan,
            "source": row["source"] if row is not None else None,
        })
    return pd.DataFrame(rows)


def best_area(ctx: Context, indicator_id: str) -> pd.Series | None:
    """The best shown area of the group in the year (highest where neither is better).

    "Best" is only said of an area whose 95% interval shows it better than the benchmark: a
    small area's 0.0 with an interval of 0 to 47.9 is not the best, it is too few to tell."""
    table = ctx.areas_for(indicator_id)
    table = table[table["geography_code"].isin(ctx.group_codes) & ~table["suppressed"].astype(bool)
                  & table["value"].notna()]
    polarity = ctx.figs.catalogue[indicator_id].polarity
    if polarity != "none":
        table = table[table["comparison"] == stats.BETTER]
    if table.empty:
        return None
    table = table.sort_values(["value", "area_name"], ascending=[polarity == "low_good", True])
    return table.iloc[0]


def key_figures_panel(ctx: Context, theme: Theme) -> Panel:
    figs = ctx.figs
    frame = key_figures(ctx, theme)
    prev = ctx.previous_period or "last year"
    fmt = {r.indicator_id: figs.catalogue[r.indicator_id].format_value for r in frame.itertuples()}

    def shown(value, suppressed, indicator_id, reason=None):
        return rules.cell_text(suppressed, reason, "" if suppressed else fmt[indicator_id](value))

    best_col = f"Best in {ctx.group_label} (better than the benchmark)"
    table = pd.DataFrame({
        "Indicator": frame["indicator"],
        f"{ctx.area_name}, {ctx.period}": [shown(v, s, i, r) for v, s, i, r in zip(frame["value"], frame["suppressed"], frame["indicator_id"], frame["suppression_reason"])],
        f"{ctx.area_name}, {prev}": [shown(v, s, i, r) for v, s, i, r in zip(frame["previous_value"], frame["previous_suppressed"], frame["indicator_id"], frame["previous_reason"])],
        "Benchmark": [f"{narrative.benchmark_name(lbl)}: {fmt[i](v)}" if isinstance(lbl, str) else "–"
                      for v, lbl, i in zip(frame["benchmark_value"], frame["benchmark_label"], frame["indicator_id"])],
        "Compared with the benchmark": [narrative.comparison_label(c) for c in frame["comparison"]],
        best_col: [f"{a}: {fmt[i](v)}" if isinstance(a, str) else "–" for a, v, i in zip(frame["best_area"], frame["best_value"], frame["indicator_id"])],
    })
    csv = frame.assign(area_code=ctx.area, area_name=ctx.area_name, period=ctx.period, previous_period=ctx.previous_period,
                       group=ctx.group_label)[
        ["indicator_id", "indicator", "area_code", "area_name", "period", "value", "lower_95", "upper_95",
         "previous_period", "previous_value", "benchmark_label", "benchmark_value", "comparison", "group",
         "best_area", "best_value", "source"]]
    return Panel("key-figures", "Key figures", None, table,
                 f"Key figures for {ctx.area_name}, {ctx.period}, with the best area among {ctx.group_label}", csv,
                 numeric=tuple(table.columns[1:3]),
                 note="Compared with the benchmark using 95% intervals. Suppressed figures are blank in the download.")


# ------------------------------------------------------------------ one indicator: areas and trend


def areas_panel(ctx: Context, indicator_id: str) -> Panel:
    """The indicator across the areas of the group in the year, ranked, with the benchmark."""
    figs = ctx.figs
    ind = figs.catalogue[indicator_id]
    table = ctx.areas_for(indicator_id)
    table = table[table["geography_code"].isin(ctx.group_codes)]
    bench = ctx.benchmark(indicator_id)
    key = f"{indicator_id}-areas"
    if table.empty:
        return Panel(key, f"{ind.short_name} by area", None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"No area among {ctx.group_label} has a figure for {sentence_name(ind.short_name)} in {ctx.period}.")
    chart = charts.compare_bars(table, ind, ctx.period, ctx.area, bench.value if bench else None, bench.label if bench else None)
    chart.sentence = chart.sentence.replace(ind.name.lower(), sentence_name(ind.name))  # keep "ATU", "NHS"
    view = table.sort_values(["suppressed", "value", "area_name"], ascending=[True, ind.polarity == "low_good", True])
    bench_name = narrative.benchmark_name(bench.label) if bench else "the benchmark"
    counted = "Events counted" if ind.kind == "rate" else "People counted"
    shown = pd.DataFrame({
        "Area": view["area_name"],
        "Value": rules.shown_values(view, ind.format_value),
        "95% interval": [_interval_text(ind, lo, hi, s) for lo, hi, s in zip(view["lower_95"], view["upper_95"], view["suppressed"])],
        f"Compared with {bench_name}": [narrative.comparison_label(c) for c in view["comparison"]],
        counted: ["" if s or c != c else f"{c:,.0f}" for c, s in zip(view["count"], view["suppressed"])],
        "Out of": counts(view["base"], view["suppressed"]),
        "Source": view["source"],
    })
    csv = view.assign(indicator_id=indicator_id, benchmark_label=bench.label if bench else None)[
        ["indicator_id", "geography_code", "area_name", "period", "value", "lower_95", "upper_95", "count", "base",
         "benchmark_label", "benchmark_value", "comparison", "source", "suppression_reason"]
    ].rename(columns={"geography_code": "area_code"})
    return Panel(key, f"{ind.short_name} by area", chart, shown,
                 f"{ind.short_name}, {ctx.period}, {ctx.group_label}", csv,
                 numeric=("Value", counted, "Out of"),
                 note=f"{ind.definition} {ind.polarity_words}. Source: {ind.source_dataset}. {ind.caveats}")


def trend_panel(ctx: Context, indicator_id: str) -> Panel:
    """One area's figure by year against the benchmark (England where published)."""
    figs = ctx.figs
    ind = figs.catalogue[indicator_id]
    series = figs.series(indicator_id, ctx.area)
    series = series[series["geography_level"] == "area"]
    rows = []
    for r in series.itertuples():
        bench = ctx.benchmark(indicator_id, r.period)
        rows.append({"period": r.period, "value": r.value, "lower_95": r.lower_95, "upper_95": r.upper_95,
                     "suppressed": bool(r.suppressed), "source": r.source, "count": r.count, "base": r.base,
                     "benchmark_value": bench.value if bench else np.nan,
                     "benchmark_label": bench.label if bench else None})
    frame = pd.DataFrame(rows, columns=["period", "value", "lower_95", "upper_95", "suppressed", "source", "count", "base",
                                        "benchmark_value", "benchmark_label"])
    key = f"{indicator_id}-trend"
    title = f"{ind.short_name} in {ctx.area_name} by year"
    if frame.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"There are no figures for {sentence_name(ind.short_name)} in {ctx.area_name}.")
    shown_rows = frame[frame["value"].notna()]
    if shown_rows.empty:
        sentence = (f"Line chart of {sentence_name(ind.name)} in {ctx.area_name}: no year can be shown, "
                    "because every figure rests on fewer than 5 people.")
    else:
        first, last = shown_rows.iloc[0], shown_rows.iloc[-1]
        sentence = (f"Line chart of {sentence_name(ind.name)} in {ctx.area_name} by year, with 95% intervals, against the "
                    f"benchmark (dashed). {first['period']}: {ind.format_value(first['value'])}")
        if last["period"] != first["period"]:
            sentence += f"; {last['period']}: {ind.format_value(last['value'])}"
        sentence += "."
        england = frame[frame["benchmark_label"].fillna("").str.startswith("England")]
        if len(england):
            e = england.iloc[-1]
            sentence += f" England (published ASCOF) in {e['period']}: {ind.format_value(e['benchmark_value'])}."
        hidden = int(frame["suppressed"].sum())
        if hidden:
            sentence += f" {hidden} year{'s' if hidden > 1 else ''} not shown because of small numbers."
    chart = charts.trend_lines(frame, ind, ctx.area_name, sentence)
    table = pd.DataFrame({
        "Year": frame["period"],
        ctx.area_name: rules.shown_values(frame, ind.format_value),
        "95% interval": [_interval_text(ind, lo, hi, s) for lo, hi, s in zip(frame["lower_95"], frame["upper_95"], frame["suppressed"])],
        "Benchmark": [f"{narrative.benchmark_name(l)}: {ind.format_value(v)}" if isinstance(l, str) else "–"
                      for v, l in zip(frame["benchmark_value"], frame["benchmark_label"])],
        "Source": frame["source"],
    })
    csv = frame.assign(indicator_id=indicator_id, area_code=ctx.area, area_name=ctx.area_name)[
        ["indicator_id", "area_code", "area_name", "period", "value", "lower_95", "upper_95", "count", "base",
         "benchmark_label", "benchmark_value", "source"]]
    return Panel(key, title, chart, table, f"{ind.short_name}, {ctx.area_name}, by year", csv,
                 numeric=(ctx.area_name,), note=f"{ind.definition} Source: {ind.source_dataset}; published ASCOF where marked.")


# ------------------------------------------------------------------ distributions in bins


def _bins_panel(ctx: Context, key: str, title: str, table_name: str, count_col: str, what: str,
                median_id: str, unit_people: str) -> Panel:
    figs = ctx.figs
    mine = release.table(ctx.store, table_name, area=ctx.area, period=ctx.period)
    if mine.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"There are no {what} for {ctx.area_name} in {ctx.period}.")
    mine = mine.sort_values("bin_order").reset_index(drop=True)
    median = ctx.figure(median_id)
    ind = figs.catalogue[median_id]
    shown = mine[mine[count_col].notna()]
    hidden = int(mine["suppressed"].sum())
    sentence = f"Bar chart of {what} in {ctx.area_name} in {ctx.period}, counted in {len(mine)} groups of days."
    if not shown[shown[count_col] > 0].empty:
        top = shown.sort_values([count_col, "bin_order"], ascending=[False, True]).iloc[0]
        sentence += f" The most: {top['bin_label']} ({top[count_col]:,.0f} {unit_people})."
    if median is not None and not median["suppressed"] and median["value"] == median["value"]:
        sentence += f" Median: {ind.format_value(median['value'])}"
        sentence += (f" (95% interval {ind.format_value(median['lower_95'])} to {ind.format_value(median['upper_95'])})."
                     if median["lower_95"] == median["lower_95"] else ".")
    if hidden == len(mine):
        sentence += " No group can be shown: each rests on fewer than 5 people, or would reveal one that does."
    elif hidden:
        sentence += f" {hidden} group{'s' if hidden > 1 else ''} not shown because of small numbers."
    chart = charts.binned_bars(mine, "bin_label", count_col, unit_people.capitalize(), sentence)
    table = pd.DataFrame({"Days": mine["bin_label"], unit_people.capitalize(): [
        _count_text(v, r) for v, r in zip(mine[count_col], mine["suppression_reason"])]})
    csv = mine.assign(area_name=ctx.area_name, period=ctx.period)[
        ["area_code", "area_name", "period", "bin_label", count_col, "suppression_reason"]]
    return Panel(key, title, chart, table, f"{what.capitalize()}, {ctx.area_name}, {ctx.period}", csv,
                 numeric=(unit_people.capitalize(),),
                 note="Counts in groups of days, never single records; groups of 1 to 4 are not shown.")


def payment_wait_panel(ctx: Context) -> Panel:
    return _bins_panel(ctx, "payment-wait", "Days from agreement to first payment", "payment_wait", "holders",
                       "days from agreeing a direct payment to the first payment", "days_to_first_payment", "holders")


def delay_panel(ctx: Context) -> Panel:
    return _bins_panel(ctx, "days-delayed", "Days delayed", "delays", "breakdowns",
                       "days each breakdown delayed someone's support", "breakdown_days_delayed", "breakdowns")


# ------------------------------------------------------------------ direct payments


AGREEMENT_LEVELS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]


def agreement_panel(ctx: Context) -> Panel:
    """What direct-payment holders say: a diverging stacked bar per statement."""
    mine = release.table(ctx.store, "agreement", area=ctx.area, period=ctx.period)
    key, title = "flexibility", "What direct-payment holders say"
    if mine.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"No direct-payment holder in {ctx.area_name} answered the survey in {ctx.period}.")
    mine = mine.sort_values(["statement_order", "agreement"]).reset_index(drop=True)
    hidden_share = (mine.groupby("statement_order")["share"].transform(lambda s: 100 - s.sum())
                    .where(mine.groupby("statement_order")["suppressed"].transform("any"), 0))
    mine["hidden_share"] = hidden_share.where(mine["answered"].notna(), 100)
    parts = []
    for statement, rows in mine.groupby("statement", sort=False):
        agree = rows[rows["agreement"] >= 4]
        if agree["holders"].isna().any() or rows["answered"].isna().all():
            parts.append(f"“{statement}”: not shown")
        else:
            parts.append(f"“{statement}”: {agree['holders'].sum() / rows['answered'].iloc[0] * 100:.0f}% agree")
    sentence = (f"Diverging bar chart of how far direct-payment holders in {ctx.area_name} agreed with four "
                f"statements in {ctx.period}, disagree to the left and agree to the right. " + "; ".join(parts) + ".")
    if mine["suppressed"].any():
        sentence += " Answers given by fewer than 5 people are not shown."
    chart = charts.diverging_bars(mine, "statement", "agreement_label", "share", AGREEMENT_LEVELS,
                                  charts.AGREEMENT_COLOURS, sentence, neutral="Neither agree nor disagree",
                                  hidden_col="hidden_share")
    wide = _wide_text(mine, "statement_order", "agreement", "holders", order=range(1, 6))
    names = mine.groupby("statement_order")["statement"].first()
    answered_by = mine.groupby("statement_order")["answered"].first()
    table = pd.DataFrame({"Statement": list(names.reindex(wide.index))})
    for level, label in enumerate(AGREEMENT_LEVELS, start=1):
        table[label] = list(wide[level])
    table["Holders who answered"] = [_count_text(v, None if v == v else rules.SMALL_BASE_TEXT)
                                     for v in answered_by.reindex(wide.index)]
    csv = mine.assign(area_name=ctx.area_name, period=ctx.period)[
        ["area_code", "area_name", "period", "statement", "agreement", "agreement_label", "holders", "answered",
         "share", "suppression_reason"]]
    return Panel(key, title, chart, table, f"Direct-payment holders' answers, {ctx.area_name}, {ctx.period} (people)",
                 csv, numeric=tuple(AGREEMENT_LEVELS) + ("Holders who answered",),
                 note="Direct-payment experience survey. Agreement 1 (strongly disagree) to 5 (strongly agree).")


def control_panel(ctx: Context) -> Panel:
    """Control over daily life with and without a direct payment, for the areas of the group."""
    frame = release.table(ctx.store, "control", areas=ctx.group_codes, period=ctx.period)
    key, title = "control", "Control over daily life, with and without a direct payment"
    if frame.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"There are no survey answers about control among {ctx.group_label} in {ctx.period}.")
    names = dict(zip(ctx.figs.areas["area_code"], ctx.figs.areas["area_name"]))
    frame["area_name"] = frame["area_code"].map(names)
    frame = frame.sort_values(["area_name", "payment_group"])
    frame["label"] = [f"<b>{n}</b>" if c == ctx.area else n for n, c in zip(frame["area_name"], frame["area_code"])]
    mine = frame[frame["area_code"] == ctx.area].set_index("payment_group")
    ind = ctx.figs.catalogue["control"]

    def say(group):
        if group not in mine.index:
            return f"no answers from people {group.lower()[0] + group[1:]}"
        r = mine.loc[group]
        who = "people " + group[0].lower() + group[1:]
        if r["suppressed"]:
            return f"{who}: not shown, small numbers"
        return f"{who}: {ind.format_value(r['value'])} (95% interval {ind.format_value(r['lower_95'])} to {ind.format_value(r['upper_95'])}, {r['base']:,.0f} people)"

    sentence = (f"Bar chart of people who said they had control over their daily life in {ctx.period}, with and "
                f"without a direct payment, for {frame['area_code'].nunique()} areas ({ctx.group_label}). "
                f"{ctx.area_name}: {say('With a direct payment')}; {say('Without a direct payment')}.")
    if {"With a direct payment", "Without a direct payment"} <= set(mine.index) and not mine["suppressed"].any():
        a, b = mine.loc["With a direct payment"], mine.loc["Without a direct payment"]
        overlap = a["lower_95"] <= b["upper_95"] and b["lower_95"] <= a["upper_95"]
        sentence += (" The 95% intervals overlap, so the difference may be chance." if overlap
                     else " The 95% intervals do not overlap.")
    chart = charts.grouped_bars(frame, "label", "payment_group", "value", ["With a direct payment", "Without a direct payment"],
                                [charts.HIGHLIGHT, charts.OTHER], "Control over daily life (%)", sentence,
                                lower_col="lower_95", upper_col="upper_95")
    table = pd.DataFrame({
        "Area": frame["area_name"],
        "Group": frame["payment_group"],
        "With control": [rules.cell_text(s, r, ind.format_value(v))
                         for v, s, r in zip(frame["value"], frame["suppressed"], frame["suppression_reason"])],
        "95% interval": [_interval_text(ind, lo, hi, s) for lo, hi, s in zip(frame["lower_95"], frame["upper_95"], frame["suppressed"])],
        "People who answered": counts(frame["base"], frame["suppressed"]),
    })
    csv = frame.assign(period=ctx.period)[["area_code", "area_name", "period", "payment_group", "value", "lower_95",
                                           "upper_95", "count", "base", "suppression_reason"]]
    return Panel(key, title, chart, table, f"Control over daily life by direct payment, {ctx.period}", csv,
                 numeric=("With control", "People who answered"),
                 note="User survey: Q3a = 1 or 2. With a direct payment: delivery mechanism 1 or 2; without: 3 or 4. "
                      "Weighted where the survey has weights; the interval uses the number of people who answered.")


# ------------------------------------------------------------------ collaboration breakdowns

CATEGORY_WRAP = {
    "transition to adult services": "transition<br>to adult<br>services",
    "hospital or ATU discharge": "hospital<br>or ATU<br>discharge",
    "NHS specialist commissioning": "NHS<br>specialist<br>commissioning",
    "crisis response": "crisis<br>response",
    "provider handover": "provider<br>handover",
}


def _category_rates(ctx: Context) -> pd.DataFrame:
    frame = release.table(ctx.store, "categories")
    names = dict(zip(ctx.figs.areas["area_code"], ctx.figs.areas["area_name"]))
    frame["area_name"] = frame["area_code"].map(names)
    return frame


def category_trend_panel(ctx: Context) -> Panel:
    """Breakdowns per 1,000 people supported in the area, by category, by year."""
    frame = _category_rates(ctx)
    mine = frame[frame["area_code"] == ctx.area].sort_values(["period", "category_order"])
    key, title = "by-category", f"Breakdowns per 1,000 people supported in {ctx.area_name}, by category"
    if mine.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"There are no support records for {ctx.area_name}, so no rate per 1,000 can be worked out.")
    shown = mine[mine["per_1000"].notna() & (mine["per_1000"] > 0)]
    latest = mine[mine["period"] == mine["period"].max()]
    sentence = (f"Line chart of breakdowns per 1,000 people supported in {ctx.area_name} by category, "
                f"{mine['period'].min()} to {mine['period'].max()}.")
    if not shown.empty:
        top = shown.sort_values(["per_1000", "period"], ascending=[False, False]).iloc[0]
        sentence += f" Highest shown: {top['category']} in {top['period']}, {top['per_1000']:.1f} per 1,000."
    hidden = int(mine["suppressed"].sum())
    if hidden:
        sentence += f" {hidden} of {len(mine)} figures not shown because of small numbers."
    import plotly.graph_objects as go

    fig = go.Figure()
    for (category, rows), colour in zip(mine.groupby("category", sort=False), charts.SERIES_COLOURS):
        fig.add_trace(go.Scatter(x=rows["period"], y=rows["per_1000"], name=category, mode="lines+markers",
                                 line=dict(color=colour, width=2.5), connectgaps=False,
                                 marker=dict(size=9, symbol=["circle", "square", "diamond", "triangle-up", "x", "star", "cross"][len(fig.data) % 7]),
                                 hovertemplate="%{x}: %{y:.1f} per 1,000<extra>" + category + "</extra>"))
    charts._layout(fig, 380, None, "Breakdowns per 1,000 people supported")
    fig.update_xaxes(type="category")
    fig.update_yaxes(rangemode="tozero")
    chart = charts.Chart(fig, sentence)
    table = pd.DataFrame({
        "Year": mine["period"], "Category": mine["category"],
        "Breakdowns": [_count_text(v, r) for v, r in zip(mine["breakdowns"], mine["suppression_reason"])],
        "Per 1,000 people supported": ["" if v != v else f"{v:,.1f}" for v in mine["per_1000"]],
        "People supported": [_count_text(v, rules.SMALL_BASE_TEXT) for v in mine["people_supported"]],
    })
    csv = mine[["area_code", "area_name", "period", "category", "breakdowns", "people_supported", "per_1000",
                "suppression_reason"]]
    del latest
    return Panel(key, title, chart, table, f"Breakdowns by category, {ctx.area_name}, by year", csv,
                 numeric=("Breakdowns", "Per 1,000 people supported", "People supported"),
                 note="Counts of 1 to 4 are not shown, and where one is hidden the next smallest in the same year is hidden too.")


def heatmap_panel(ctx: Context) -> Panel:
    """Breakdowns per 1,000 people supported: areas of the group by category, in the year."""
    frame = _category_rates(ctx)
    frame = frame[(frame["period"] == ctx.period) & frame["area_code"].isin(ctx.group_codes)]
    key, title = "heatmap", "Breakdowns per 1,000 people supported, area by category"
    if frame.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"No area among {ctx.group_label} has breakdowns and support records for {ctx.period}.")
    frame = frame.sort_values(["area_name", "category_order"])
    frame["label"] = [f"<b>{n}</b>" if c == ctx.area else n for n, c in zip(frame["area_name"], frame["area_code"])]
    values = frame.pivot_table(index="label", columns="category", values="per_1000", aggfunc="first", dropna=False, sort=False)
    order = list(dict.fromkeys(frame["category"]))
    labels = list(dict.fromkeys(frame["label"]))
    values = values.reindex(index=labels, columns=order)
    text = values.map(lambda v: "not shown" if v != v else f"{v:.1f}")
    values.columns = [CATEGORY_WRAP.get(c, c) for c in values.columns]
    text.columns = values.columns
    shown = frame[frame["per_1000"].notna() & (frame["per_1000"] > 0)]
    hidden = int(frame["suppressed"].sum())
    sentence = (f"Heat map of breakdowns per 1,000 people supported in {ctx.period}: {len(labels)} areas "
                f"({ctx.group_label}) by {len(order)} categories, each cell labelled with its figure.")
    if not shown.empty:
        top = shown.sort_values("per_1000", ascending=False).iloc[0]
        sentence += f" Highest shown: {top['area_name']}, {top['category']}, {top['per_1000']:.1f} per 1,000."
    if hidden:
        sentence += f" {hidden} of {len(frame)} cells not shown because of small numbers."
    chart = charts.heatmap(values, text, "Per 1,000", sentence)
    table = pd.DataFrame({"Area": list(dict.fromkeys(frame["area_name"]))})
    wide = frame.pivot_table(index="area_name", columns="category", values="per_1000", aggfunc="first", dropna=False, sort=False)
    why = frame.pivot_table(index="area_name", columns="category", values="suppression_reason", aggfunc="first",
                            dropna=False, sort=False).reindex(index=table["Area"], columns=order)
    for category in order:
        table[category] = [rules.cell_text(v != v, r, f"{v:.1f}")
                           for v, r in zip(wide.reindex(table["Area"])[category], why[category])]
    csv = frame[["area_code", "area_name", "period", "category", "breakdowns", "people_supported", "per_1000",
                 "suppression_reason"]]
    return Panel(key, title, chart, table, f"Breakdowns per 1,000 people supported by category, {ctx.period}", csv,
                 numeric=tuple(order))


def breakdown_notes(store: Store, area: str, period: str) -> pd.DataFrame:
    """Free-text notes: call ONLY for a signed-in editor (the page checks auth.is_editor())."""
    frame = store.query("breakdown_notes", area_code=area, period=period)
    return pd.DataFrame({
        "Date": [d.strftime("%d %b %Y") for d in pd.to_datetime(frame["breakdown_date"])],
        "Category": frame["category"],
        "Days delayed": frame["days_delayed"].astype(int),
        "Escalated": ["yes" if e else "no" for e in frame["escalated"]],
        "Note": frame["note"].fillna(""),
    })


# ------------------------------------------------------------------ co-production

LEVELS = ["informed", "consulted", "engaged", "co-designed", "co-produced"]
DECISION_YEARS = rules.WINDOW_YEARS  # decisions are pooled over fixed windows that never overlap
ROLES = release_tables.ROLES


def levels_panel(ctx: Context) -> Panel:
    """Activities in the area by level of involvement, by year."""
    mine = release.table(ctx.store, "levels", area=ctx.area)
    key, title = "levels", f"Activities in {ctx.area_name} by level of involvement"
    if mine.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"There are no co-production activities recorded for {ctx.area_name}.")
    mine = mine.sort_values(["period", "level_order"]).reset_index(drop=True)
    deep = mine[mine["level"].isin(["co-designed", "co-produced"])]
    sentence = f"Stacked bar chart of co-production activities in {ctx.area_name} by level, {mine['period'].min()} to {mine['period'].max()}."
    year = deep[deep["period"] == ctx.period]
    if len(year) and year["activities"].notna().all():
        sentence += f" In {ctx.period}, {year['activities'].sum():,.0f} activities were co-designed or co-produced."
    hidden = int(mine["suppressed"].sum())
    if hidden:
        sentence += f" {hidden} of {len(mine)} counts not shown because of small numbers."
    chart = charts.stacked_bars(mine, "period", "level", "activities", LEVELS, charts.LEVEL_COLOURS, "Activities", sentence)
    wide = _wide_text(mine, "period", "level", "activities", order=LEVELS)
    table = pd.DataFrame({"Year": wide.index})
    for level in LEVELS:
        table[level.capitalize()] = list(wide[level])
    csv = mine.assign(area_name=ctx.area_name)[["area_code", "area_name", "period", "level", "activities", "suppression_reason"]]
    return Panel(key, title, chart, table, f"Co-production activities by level, {ctx.area_name}, by year", csv,
                 numeric=tuple(level.capitalize() for level in LEVELS),
                 note="Levels from informed (told about a decision) to co-produced (decided together as equals).")


def decisions_panel(ctx: Context) -> Panel:
    """Which decisions self-advocates and family carers took part in, over the chosen year and
    the two before it (one council makes few decisions of each kind in a year)."""
    years = rules.window_of(ctx.period)
    span = years[0] if len(years) == 1 else f"{years[0]} to {years[-1]}"
    long = release.table(ctx.store, "decisions", area=ctx.area, period=years[0])
    key, title = "decisions", "Which decisions self-advocates and families took part in"
    if long.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"There are no co-production activities recorded for {ctx.area_name} in {span}.")
    long = long.sort_values(["decision_order", "who"], ascending=[True, False]).reset_index(drop=True)
    mine = long.drop_duplicates("decision")
    decisions_shown = mine.set_index("decision")["decisions"]
    decisions_why = mine.set_index("decision")["decisions_reason"]
    parts = []
    for decision, has in zip(mine["decision"], mine["has_decisions"]):
        rows = long[long["decision"] == decision].set_index("who")
        if not has:
            parts.append(f"{decision.capitalize()}: none")
        elif rows["suppressed"].all():
            parts.append(f"{decision.capitalize()}: not shown, small numbers")
        else:
            bits = [f"{who.lower()} in {r['value']:.0f}%" for who, r in rows.iterrows() if not r["suppressed"]]
            shown = decisions_shown[decision]
            parts.append(f"{decision.capitalize()}: " + " and ".join(bits)
                         + (f" of about {shown:,.0f}" if shown == shown else ""))
    sentence = (f"Bar chart of the decisions in {ctx.area_name} in {span} that self-advocates and family carers "
                "took part in, as a percent of each kind of decision. " + "; ".join(parts) + ".")
    chart = charts.grouped_bars(long, "decision", "who", "value", ["Self-advocates", "Family carers"],
                                [charts.HIGHLIGHT, charts.SERIES_COLOURS[3]], "Percent of decisions", sentence,
                                lower_col="lower_95", upper_col="upper_95", value_format="{:,.0f}%")
    table = pd.DataFrame({
        "Decision": mine["decision"].str.capitalize(),
        "Decisions": [_count_text(decisions_shown[d], decisions_why[d]) for d in mine["decision"]],
    })
    for who in ["Self-advocates", "Family carers"]:
        rows = long[long["who"] == who].set_index("decision")
        table[f"With {who.lower()}"] = [
            "0" if not rows.loc[d, "has_decisions"] else rules.cell_text(
                rows.loc[d, "suppressed"], rows.loc[d, "suppression_reason"],
                f"{rows.loc[d, 'count']:,.0f} ({rows.loc[d, 'value']:.0f}%)") for d in mine["decision"]]
    csv = long.drop(columns=["decisions"]).assign(area_name=ctx.area_name, period=span)[
        ["area_code", "area_name", "period", "decision", "who", "count", "base", "value", "lower_95", "upper_95",
         "suppression_reason"]].rename(columns={"count": "decisions_taken_part_in", "base": "decisions"})
    return Panel(key, title, chart, table, f"Decisions with self-advocates and family carers, {ctx.area_name}, {span}",
                 csv, numeric=("Decisions",),
                 note=f"Decisions in {span} together (a council makes few of each kind in a year). A decision counts "
                      "when at least one self-advocate (or family carer) took part.")


def participants_panel(ctx: Context) -> Panel:
    """Places taken at activities by role, and people paid for their time, by year."""
    long = release.table(ctx.store, "participants", area=ctx.area)
    key, title = "participants", f"Who took part in {ctx.area_name}, and who was paid for their time"
    if long.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"There are no co-production activities recorded for {ctx.area_name}.")
    long = long.sort_values(["period", "role_order"]).reset_index(drop=True)
    firsts = long.drop_duplicates("period").set_index("period")
    paid, paid_why = firsts["people_paid"].astype(float), firsts["people_paid_reason"]
    year = long[long["period"] == ctx.period].set_index("role")
    sentence = f"Stacked bar chart of places taken at co-production activities in {ctx.area_name} by role, by year."
    if len(year) and year["places"].notna().all():
        total = year["places"].sum()
        sentence += (f" In {ctx.period}: self-advocates {year.loc['Self-advocates', 'places']:,.0f}, family carers "
                     f"{year.loc['Family carers', 'places']:,.0f}, professionals {year.loc['Professionals', 'places']:,.0f} "
                     f"of {total:,.0f} places.")
    if ctx.period in paid.index:
        p = paid[ctx.period]
        sentence += (f" People paid or reimbursed for their time in {ctx.period}: {p:,.0f}." if p == p
                     else f" People paid for their time in {ctx.period}: not shown, small numbers.")
    hidden = int(long["suppressed"].sum())
    if hidden:
        sentence += f" {hidden} counts not shown because of small numbers."
    chart = charts.stacked_bars(long, "period", "role", "places", list(ROLES.values()),
                                [charts.HIGHLIGHT, charts.SERIES_COLOURS[3], charts.OTHER], "Places taken", sentence)
    wide = _wide_text(long, "period", "role", "places", order=list(ROLES.values()))
    table = pd.DataFrame({"Year": wide.index})
    for role in ROLES.values():
        table[role] = list(wide[role])
    table["Paid for their time"] = [_count_text(paid.get(p, np.nan), paid_why.get(p)) for p in wide.index]
    csv = long.assign(area_name=ctx.area_name)[
        ["area_code", "area_name", "period", "role", "places", "people_paid", "suppression_reason"]]
    return Panel(key, title, chart, table, f"Places at co-production activities by role, {ctx.area_name}, by year", csv,
                 numeric=tuple(ROLES.values()) + ("Paid for their time",),
                 note="Places taken: one person at two activities counts twice. Paid: people paid or reimbursed for their time.")


def actions_panel(ctx: Context) -> Panel:
    """'You said, we did' at activity level: actions completed and still open, by year."""
    long = release.table(ctx.store, "actions", area=ctx.area)
    key, title = "you-said-we-did", f"“You said, we did” in {ctx.area_name}"
    if long.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"There are no co-production activities recorded for {ctx.area_name}.")
    long = long.sort_values(["period", "status"]).reset_index(drop=True)
    year = long[long["period"] == ctx.period].set_index("status")
    sentence = f"Stacked bar chart of “you said, we did” actions raised at co-production activities in {ctx.area_name}, completed and still open, by year."
    if len(year) and year["actions"].notna().all():
        total = year["actions"].sum()
        sentence += (f" In {ctx.period}: {year.loc['Completed', 'actions']:,.0f} of {total:,.0f} completed." if total
                     else f" In {ctx.period}: no actions raised.")
    hidden = int(long["suppressed"].sum())
    if hidden:
        sentence += f" {hidden} of {len(long)} counts not shown because of small numbers."
    chart = charts.stacked_bars(long, "period", "status", "actions", ["Completed", "Still open"],
                                [charts.HIGHLIGHT, charts.OTHER], "Actions", sentence)
    wide = _wide_text(long, "period", "status", "actions", order=["Completed", "Still open"])
    table = pd.DataFrame({"Year": wide.index, "Completed": list(wide["Completed"]), "Still open": list(wide["Still open"])})
    csv = long.assign(area_name=ctx.area_name)[["area_code", "area_name", "period", "status", "actions", "suppression_reason"]]
    return Panel(key, title, chart, table, f"“You said, we did” actions at activities, {ctx.area_name}, by year", csv,
                 numeric=("Completed", "Still open"))


def i_statements_panel(ctx: Context) -> Panel:
    """Answers to the I statements, by theme: yes / sometimes / no."""
    mine = release.table(ctx.store, "i_statements", area=ctx.area, period=ctx.period)
    key, title = "i-statements", "I-statement answers by theme"
    if mine.empty:
        return Panel(key, title, None, pd.DataFrame(), "", pd.DataFrame(),
                     empty=f"There are no I-statement check-ins for {ctx.area_name} in {ctx.period}.")
    mine = mine.sort_values(["theme", "answer_order"]).reset_index(drop=True)
    parts = []
    for theme, rows in mine.groupby("theme", sort=False):
        yes = rows[rows["answer"] == "yes"].iloc[0]
        parts.append(f"{theme}: " + ("yes not shown" if yes["share"] != yes["share"] else f"{yes['share']:.0f}% yes"))
    sentence = (f"Stacked bar chart of answers to the I statements in {ctx.area_name} in {ctx.period}, by theme, "
                "as a percent of answers (yes, sometimes, no). " + "; ".join(parts) + ".")
    hidden = int(mine["suppressed"].sum())
    if hidden:
        sentence += f" {hidden} of {len(mine)} counts not shown because of small numbers."
    chart = charts.stacked_bars(mine, "theme", "answer", "share", ["yes", "sometimes", "no"],
                                [charts.ANSWER_COLOURS[a] for a in ["yes", "sometimes", "no"]],
                                "Percent of answers", sentence, horizontal=True, percent=True)
    wide = _wide_text(mine, "theme", "answer", "answers", order=["yes", "sometimes", "no"])
    table = pd.DataFrame({"Theme": wide.index})
    for answer in ["yes", "sometimes", "no"]:
        table[answer.capitalize()] = list(wide[answer])
    table["Answers"] = [_count_text(v, rules.SMALL_BASE_TEXT)
                        for v in mine.groupby("theme", sort=False)["answered"].first().reindex(wide.index)]
    csv = mine.assign(area_name=ctx.area_name, period=ctx.period)[
        ["area_code", "area_name", "period", "theme", "answer", "answers", "answered", "share", "suppression_reason"]]
    return Panel(key, title, chart, table, f"I-statement answers by theme, {ctx.area_name}, {ctx.period} (answers)", csv,
                 numeric=("Yes", "Sometimes", "No", "Answers"),
                 note="Making It Real I statements (Think Local Act Personal); answers from people and family carers.")


def recorded_actions(store: Store, figs: Figures, area: str) -> tuple[pd.DataFrame, dict] | None:
    """'You said, we did' actions recorded by editors between meetings (dashboard/meeting/actions.py),
    open first: the table people read and the counts by status. None where that part of the
    dashboard is not installed. Actions are public text, not people: no suppression applies;
    who recorded them is left out."""
    try:
        from dashboard.meeting import actions
    except ImportError:  # pragma: no cover - the actions module ships with the dashboard
        return None
    frame = actions.list_actions(store, area_code=area)
    counts = actions.summary(frame)
    names = {i.id: i.short_name for i in figs.catalogue.indicators}
    table = pd.DataFrame({
        "Status": [actions.status_label(s) + (" (overdue)" if o else "") for s, o in zip(frame["status"], frame["overdue"])],
        "You said": frame["raised"],
        "We did (the action)": frame["action"],
        "Owner": frame["owner"],
        "Due": ["" if d is None else d.strftime("%d %b %Y") for d in frame["due_date"]],
        "Indicator": ["" if i is None else names.get(i, i) for i in frame["indicator_id"]],
    })
    return table, counts


# ------------------------------------------------------------------ the pages, section by section


@dataclass
class Section:
    key: str
    title: str
    panels: list[Panel]
    intro: str | None = None


def direct_payments_sections(ctx: Context) -> list[Section]:
    return [
        Section("uptake", "Uptake", [trend_panel(ctx, "direct_payments"), areas_panel(ctx, "direct_payments")],
                "People with a direct payment, of everyone in long-term support. Where the published ASCOF file "
                "has the year, England is the benchmark; otherwise all areas in the data."),
        Section("self-directed-support", "Self-directed support",
                [trend_panel(ctx, "self_directed_support"), areas_panel(ctx, "self_directed_support")]),
        Section("first-payment", "Days from agreement to first payment",
                [payment_wait_panel(ctx), areas_panel(ctx, "days_to_first_payment")],
                "How long people waited for their money once a direct payment was agreed: counts in groups of days "
                "(never single people), and the median with its 95% interval."),
        Section("holders-say", "What direct-payment holders say about flexibility", [agreement_panel(ctx)]),
        Section("letters", "Money recovered and “unauthorised spend” letters",
                [areas_panel(ctx, "clawbacks_per_100"), areas_panel(ctx, "unauthorised_spend_per_100")],
                "Letters per 100 direct-payment holders who answered the survey. Fewer is better: many letters can "
                "mean people are over-audited."),
        Section("individual-service-funds", "Individual service funds",
                [trend_panel(ctx, "individual_service_funds"), areas_panel(ctx, "individual_service_funds")]),
        Section("control", "Control over daily life, with and without a direct payment", [control_panel(ctx)]),
    ]


def collaboration_sections(ctx: Context) -> list[Section]:
    return [
        Section("rate", "Breakdowns per 1,000 people supported",
                [trend_panel(ctx, "breakdowns_per_1000"), areas_panel(ctx, "breakdowns_per_1000")]),
        Section("by-category-over-time", "By category, over time", [category_trend_panel(ctx)]),
        Section("area-by-category", "Area by category", [heatmap_panel(ctx)]),
        Section("delays", "How long breakdowns delayed support",
                [delay_panel(ctx), areas_panel(ctx, "breakdown_days_delayed")]),
        Section("resolved", "Resolved within 28 days, and escalated",
                [areas_panel(ctx, "breakdowns_resolved_28_days"), areas_panel(ctx, "breakdowns_escalated")]),
        Section("transition", "Called out: transition to adult services",
                [trend_panel(ctx, "transition_breakdowns_per_1000"), areas_panel(ctx, "transition_breakdowns_per_1000")],
                "Young people moving from children's to adult services."),
        Section("discharge", "Called out: hospital or ATU discharge",
                [trend_panel(ctx, "discharge_breakdowns_per_1000"), areas_panel(ctx, "discharge_breakdowns_per_1000")],
                "People leaving hospital or an assessment and treatment unit (ATU)."),
    ]


def coproduction_sections(ctx: Context) -> list[Section]:
    return [
        Section("levels", "Activities by level of involvement", [levels_panel(ctx), areas_panel(ctx, "coproduced_activities")],
                "Informed, consulted, engaged, co-designed or co-produced: the deeper levels are real co-production."),
        Section("decisions", "Which decisions self-advocates and families took part in",
                [decisions_panel(ctx), areas_panel(ctx, "decisions_with_self_advocates")]),
        Section("who", "Who took part", [participants_panel(ctx), areas_panel(ctx, "self_advocate_share")]),
        Section("paid", "People paid for their time",
                [trend_panel(ctx, "people_paid_for_time"), areas_panel(ctx, "people_paid_for_time")]),
        Section("you-said-we-did", "“You said, we did”", [actions_panel(ctx), areas_panel(ctx, "you_said_we_did")]),
        Section("i-statements", "I-statement answers by theme", [i_statements_panel(ctx), areas_panel(ctx, "i_statements_yes")]),
    ]


THEMES = {t.key: t for t in (DIRECT_PAYMENTS, COLLABORATION, COPRODUCTION)}
SECTIONS = {
    DIRECT_PAYMENTS.key: direct_payments_sections,
    COLLABORATION.key: collaboration_sections,
    COPRODUCTION.key: coproduction_sections,
}
