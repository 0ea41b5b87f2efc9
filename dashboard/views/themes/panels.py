"""What every theme page shows: :class:`Panel` (a chart with its sentence, the table people
read and the rows of its CSV download, all from the same suppressed rows), :class:`Section`, and
the panels every theme shares: the key figures (which back the findings), one indicator across the
areas of the group and by year, and distributions in bins of days (never single records)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard import charts, release
from dashboard.figures import narrative, stats
from dashboard.release import rules
from dashboard.views.common import counts
from dashboard.views.themes.context import Context, Theme

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
    _kept: dict = field(default_factory=dict, repr=False, compare=False)  # ``kept``: made once per panel

    def kept(self, name: str, make):
        """``make()``, made once for this panel and then kept: a page's panels are built once per
        data version and choice and shared by every rerun, so their CSV and table HTML are too."""
        if name not in self._kept:
            self._kept[name] = make()
        return self._kept[name]

    @classmethod
    def nothing(cls, key: str, title: str, empty: str) -> "Panel":
        """A panel with nothing to show: ``empty`` is said instead of the chart."""
        return cls(key, title, None, pd.DataFrame(), "", pd.DataFrame(), empty=empty)

    @property
    def sentence(self) -> str:
        return self.chart.sentence if self.chart else self.empty

    def csv_bytes(self) -> bytes:
        from dashboard.figures import exports

        return self.kept("csv", lambda: exports.to_csv(self.csv))


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
        return Panel.nothing(key, f"{ind.short_name} by area",
                             f"No area among {ctx.group_label} has a figure for {sentence_name(ind.short_name)} in {ctx.period}.")
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
        return Panel.nothing(key, title,
                             f"There are no figures for {sentence_name(ind.short_name)} in {ctx.area_name}.")
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
        return Panel.nothing(key, title,
                             f"There are no {what} for {ctx.area_name} in {ctx.period}.")
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



# ------------------------------------------------------------------ a page section


@dataclass
class Section:
    key: str
    title: str
    panels: list[Panel]
    intro: str | None = None
