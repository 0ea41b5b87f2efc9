"""The co-production page: activities by level of involvement, decisions taken with
self-advocates and families, who took part and was paid, "you said, we did" (from activities and
as recorded between meetings), and I-statement answers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import charts, release
from dashboard.figures.indicators import Figures
from dashboard.data.store import Store
from dashboard.meeting import actions
from dashboard.release import rules
from dashboard.release import tables as release_tables
from dashboard.views.themes.context import Context, Theme
from dashboard.views.themes.panels import Panel, Section, _count_text, _wide_text, areas_panel, trend_panel

COPRODUCTION = Theme(
    "coproduction", "Co-production",
    ("coproduced_activities", "decisions_with_self_advocates", "self_advocate_share", "people_paid_for_time",
     "you_said_we_did", "i_statements_yes"),
)


# ------------------------------------------------------------------ co-production

LEVELS = ["informed", "consulted", "engaged", "co-designed", "co-produced"]
ROLES = release_tables.ROLES


def levels_panel(ctx: Context) -> Panel:
    """Activities in the area by level of involvement, by year."""
    mine = release.table(ctx.store, "levels", area=ctx.area)
    key, title = "levels", f"Activities in {ctx.area_name} by level of involvement"
    if mine.empty:
        return Panel.nothing(key, title,
                             f"There are no co-production activities recorded for {ctx.area_name}.")
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
        return Panel.nothing(key, title,
                             f"There are no co-production activities recorded for {ctx.area_name} in {span}.")
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
        return Panel.nothing(key, title,
                             f"There are no co-production activities recorded for {ctx.area_name}.")
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
        return Panel.nothing(key, title,
                             f"There are no co-production activities recorded for {ctx.area_name}.")
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
        return Panel.nothing(key, title,
                             f"There are no I-statement check-ins for {ctx.area_name} in {ctx.period}.")
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


def recorded_actions(store: Store, figs: Figures, area: str) -> tuple[pd.DataFrame, dict]:
    """'You said, we did' actions recorded by editors between meetings (dashboard/meeting/actions.py),
    open first: the table people read and the counts by status. Actions are public text, not
    people: no suppression applies; who recorded them is left out."""
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
