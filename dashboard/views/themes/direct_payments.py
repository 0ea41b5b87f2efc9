"""The direct payments page: uptake, self-directed support, days to the first payment, what
holders say about flexibility, letters, individual service funds, and control with and without
a direct payment."""

from __future__ import annotations

import pandas as pd

from dashboard import charts, release
from dashboard.release import rules
from dashboard.views.common import counts
from dashboard.views.themes.context import Context, Theme
from dashboard.views.themes.panels import (Panel, Section, _bins_panel, _count_text, _interval_text, _wide_text,
                                           areas_panel, trend_panel)

DIRECT_PAYMENTS = Theme(
    "direct-payments", "Direct payments",
    ("direct_payments", "self_directed_support", "individual_service_funds", "days_to_first_payment",
     "dp_flexible_use", "dp_paid_quickly", "dp_trusted", "clawbacks_per_100", "unauthorised_spend_per_100",
     "control_direct_payment", "control_council_commissioned"),
)


def payment_wait_panel(ctx: Context) -> Panel:
    return _bins_panel(ctx, "payment-wait", "Days from agreement to first payment", "payment_wait", "holders",
                       "days from agreeing a direct payment to the first payment", "days_to_first_payment", "holders")



# ------------------------------------------------------------------ direct payments


AGREEMENT_LEVELS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]


def agreement_panel(ctx: Context) -> Panel:
    """What direct-payment holders say: a diverging stacked bar per statement."""
    mine = release.table(ctx.store, "agreement", area=ctx.area, period=ctx.period)
    key, title = "flexibility", "What direct-payment holders say"
    if mine.empty:
        return Panel.nothing(key, title,
                             f"No direct-payment holder in {ctx.area_name} answered the survey in {ctx.period}.")
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
        return Panel.nothing(key, title,
                             f"There are no survey answers about control among {ctx.group_label} in {ctx.period}.")
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
