"""Three plain-English findings that open each theme page, generated from the figures.

1. The largest gap to the benchmark: of the theme's indicators that the area has a figure for,
   the one furthest from its benchmark (relative to the benchmark), preferring a gap the 95%
   interval shows is real.
2. The biggest change since last year: the theme's indicator whose figure moved most (relative
   to last year's), saying whether the two years' 95% intervals overlap.
3. The best area in the group: for the theme's first indicator with a figure in the group.

Each finding carries the figure it rests on (``figure``, exactly as the key-figures table on
the page shows it) and the table it is shown in (``anchor``), so a reader can check it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dashboard.figures import narrative, stats
from dashboard.views.themes import Context, Theme, best_area, key_figures, sentence_name

SIGNIFICANT = {stats.BETTER, stats.WORSE, stats.HIGHER, stats.LOWER}


@dataclass(frozen=True)
class Finding:
    kind: str  # gap | change | best
    text: str
    indicator_id: str | None
    figure: str | None  # the figure the finding rests on, as the page shows it
    anchor: str = "key-figures"  # where on the page it is shown


def lower_name(name: str) -> str:
    """'Days delayed' -> 'days delayed', but 'I statements: yes' keeps its capital I."""
    return sentence_name(name)


def _ok(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def gap_finding(ctx: Context, theme: Theme, frame=None) -> Finding:
    frame = key_figures(ctx, theme) if frame is None else frame
    usable = frame[~frame["suppressed"] & frame["value"].notna() & frame["benchmark_value"].notna()
                   & (frame["benchmark_value"] != 0)].copy()
    if usable.empty:
        return Finding("gap", f"No figure for {ctx.area_name} in {ctx.period} on this page can be compared with a "
                              "benchmark (no data, or too few people).", None, None)
    usable["gap"] = (usable["value"] - usable["benchmark_value"]).abs() / usable["benchmark_value"].abs()
    significant = usable[usable["comparison"].isin(SIGNIFICANT)]
    pick_from = significant if len(significant) else usable
    row = pick_from.sort_values(["gap", "indicator_id"], ascending=[False, True]).iloc[0]
    ind = ctx.figs.catalogue[row["indicator_id"]]
    value, bench = ind.format_value(row["value"]), ind.format_value(row["benchmark_value"])
    name = narrative.benchmark_name(row["benchmark_label"] if isinstance(row["benchmark_label"], str) else None)
    if len(significant):
        text = (f"Largest gap to the benchmark: {lower_name(ind.short_name)} in {ctx.area_name} was {value} in "
                f"{ctx.period}, {narrative.comparison_phrase(row['comparison'], row['benchmark_label'])} ({bench}).")
    else:
        text = (f"No figure for {ctx.area_name} in {ctx.period} on this page is clearly different from the benchmark. "
                f"The largest gap is {lower_name(ind.short_name)}: {value} against {bench} for {name}, "
                "within the margin of error.")
    return Finding("gap", text, row["indicator_id"], value)


def change_finding(ctx: Context, theme: Theme, frame=None) -> Finding:
    prev = ctx.previous_period
    if prev is None:
        return Finding("change", f"There is no year before {ctx.period} to compare with.", None, None)
    frame = key_figures(ctx, theme) if frame is None else frame
    usable = frame[~frame["suppressed"] & ~frame["previous_suppressed"] & frame["value"].notna()
                   & frame["previous_value"].notna()].copy()
    if usable.empty:
        return Finding("change", f"No figure for {ctx.area_name} on this page can be compared between {prev} and "
                                 f"{ctx.period} (no data, or too few people).", None, None)
    diff = usable["value"] - usable["previous_value"]
    base = usable["previous_value"].abs()
    usable["change"] = [abs(d) / b if b > 0 else (math.inf if d != 0 else 0.0) for d, b in zip(diff, base)]
    row = usable.sort_values(["change", "indicator_id"], ascending=[False, True]).iloc[0]
    ind = ctx.figs.catalogue[row["indicator_id"]]
    before, now = ind.format_value(row["previous_value"]), ind.format_value(row["value"])
    if row["change"] == 0 or before == now:
        return Finding("change", f"None of the figures for {ctx.area_name} on this page changed between {prev} and "
                                 f"{ctx.period}; for example {lower_name(ind.short_name)} stayed at {now}.", row["indicator_id"], now)
    up = row["value"] > row["previous_value"]
    verdict = ""
    if ind.polarity != "none":
        better = up == (ind.polarity == "high_good")
        verdict = ", getting better" if better else ", getting worse"
    previous = ctx.figure(row["indicator_id"], prev)
    overlap = (previous is not None and previous["lower_95"] <= row["upper_95"] and row["lower_95"] <= previous["upper_95"])
    caution = (" The two years' 95% intervals overlap, so the change may be chance." if overlap
               else " The two years' 95% intervals do not overlap.")
    text = (f"Biggest change since {prev}: {lower_name(ind.short_name)} in {ctx.area_name} went "
            f"{'up' if up else 'down'} from {before} to {now}{verdict}.{caution}")
    return Finding("change", text, row["indicator_id"], now)


def best_finding(ctx: Context, theme: Theme) -> Finding:
    for indicator_id in theme.indicators:
        best = best_area(ctx, indicator_id)
        if best is None:
            continue
        ind = ctx.figs.catalogue[indicator_id]
        value = ind.format_value(best["value"])
        word = "Best" if ind.polarity != "none" else "Highest"
        text = f"{word} among {ctx.group_label} for {lower_name(ind.short_name)} in {ctx.period}: {best['area_name']}, {value}"
        if ind.polarity != "none":
            bench = ctx.benchmark(indicator_id)
            text += f", better than {narrative.benchmark_name(bench.label if bench else None)}"
        text += "."
        if best["geography_code"] == ctx.area:
            text += f" That is {ctx.area_name}."
        else:
            mine = ctx.figure(indicator_id)
            if mine is None or (not mine["suppressed"] and not _ok(mine["value"])):
                text += f" {ctx.area_name} has no figure."
            elif mine["suppressed"]:
                text += f" {ctx.area_name}: not shown, too few people."
            else:
                text += f" {ctx.area_name}: {ind.format_value(mine['value'])}."
        return Finding("best", text, indicator_id, value)
    return Finding("best", f"No area among {ctx.group_label} is clearly better than the benchmark on this page's "
                           f"figures for {ctx.period}.", None, None)


def for_page(ctx: Context, theme: Theme) -> list[Finding]:
    """The three findings, in order: gap, change, best."""
    frame = key_figures(ctx, theme)
    return [gap_finding(ctx, theme, frame), change_finding(ctx, theme, frame), best_finding(ctx, theme)]
