"""The collaboration breakdowns page: breakdowns per 1,000 people supported, by category over
time and area by category, days delayed, resolution and escalation, transition and discharge
called out; and the free-text notes, read only for signed-in editors."""

from __future__ import annotations

import pandas as pd

from dashboard import charts, release
from dashboard.data.store import Store
from dashboard.release import rules
from dashboard.views.themes.context import Context, Theme
from dashboard.views.themes.panels import Panel, Section, _bins_panel, _count_text, areas_panel, trend_panel

COLLABORATION = Theme(
    "collaboration", "Collaboration breakdowns",
    ("breakdowns_per_1000", "transition_breakdowns_per_1000", "discharge_breakdowns_per_1000",
     "breakdown_days_delayed", "breakdowns_resolved_28_days", "breakdowns_escalated"),
)


def delay_panel(ctx: Context) -> Panel:
    return _bins_panel(ctx, "days-delayed", "Days delayed", "delays", "breakdowns",
                       "days each breakdown delayed someone's support", "breakdown_days_delayed", "breakdowns")



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
        return Panel.nothing(key, title,
                             f"There are no support records for {ctx.area_name}, so no rate per 1,000 can be worked out.")
    shown = mine[mine["per_1000"].notna() & (mine["per_1000"] > 0)]
    sentence = (f"Line chart of breakdowns per 1,000 people supported in {ctx.area_name} by category, "
                f"{mine['period'].min()} to {mine['period'].max()}.")
    if not shown.empty:
        top = shown.sort_values(["per_1000", "period"], ascending=[False, False]).iloc[0]
        sentence += f" Highest shown: {top['category']} in {top['period']}, {top['per_1000']:.1f} per 1,000."
    hidden = int(mine["suppressed"].sum())
    if hidden:
        sentence += f" {hidden} of {len(mine)} figures not shown because of small numbers."
    chart = charts.category_lines(mine, "period", "category", "per_1000", "Breakdowns per 1,000 people supported",
                                  sentence)
    table = pd.DataFrame({
        "Year": mine["period"], "Category": mine["category"],
        "Breakdowns": [_count_text(v, r) for v, r in zip(mine["breakdowns"], mine["suppression_reason"])],
        "Per 1,000 people supported": ["" if v != v else f"{v:,.1f}" for v in mine["per_1000"]],
        "People supported": [_count_text(v, rules.SMALL_BASE_TEXT) for v in mine["people_supported"]],
    })
    csv = mine[["area_code", "area_name", "period", "category", "breakdowns", "people_supported", "per_1000",
                "suppression_reason"]]
    return Panel(key, title, chart, table, f"Breakdowns by category, {ctx.area_name}, by year", csv,
                 numeric=("Breakdowns", "Per 1,000 people supported", "People supported"),
                 note="Counts of 1 to 4 are not shown, and where one is hidden the next smallest in the same year is hidden too.")


def heatmap_panel(ctx: Context) -> Panel:
    """Breakdowns per 1,000 people supported: areas of the group by category, in the year."""
    frame = _category_rates(ctx)
    frame = frame[(frame["period"] == ctx.period) & frame["area_code"].isin(ctx.group_codes)]
    key, title = "heatmap", "Breakdowns per 1,000 people supported, area by category"
    if frame.empty:
        return Panel.nothing(key, title,
                             f"No area among {ctx.group_label} has breakdowns and support records for {ctx.period}.")
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
