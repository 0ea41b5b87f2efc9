"""Co-production: levels of involvement, decisions, who took part and was paid, "you said,
we did", and I-statement answers by theme."""
# nav: title=Co-production; order=32; section=Themes; icon=:material/groups:

import streamlit as st

from dashboard import findings, theme_view, themes, ui

ui.page_setup("Co-production")

with ui.guard("the co-production page"):
    figs = ui.figures()
    st.title("Co-production")
    st.write("Are self-advocates and families involved in decisions (writing service specifications, choosing "
             "providers, recruiting staff), or only informed? Are their views acted on?")
    ctx = theme_view.filters(figs, "self_advocate_share")
    theme = themes.COPRODUCTION
    theme_view.show_findings(findings.for_page(ctx, theme))
    theme_view.key_figures(themes.key_figures_panel(ctx, theme), ctx)

    theme_view.section("Activities by level of involvement",
                       [themes.levels_panel(ctx), themes.areas_panel(ctx, "coproduced_activities")], ctx,
                       "Informed, consulted, engaged, co-designed or co-produced: the deeper levels are real co-production.")
    theme_view.section("Which decisions self-advocates and families took part in",
                       [themes.decisions_panel(ctx), themes.areas_panel(ctx, "decisions_with_self_advocates")], ctx)
    theme_view.section("Who took part", [themes.participants_panel(ctx), themes.areas_panel(ctx, "self_advocate_share")], ctx)
    theme_view.section("People paid for their time", [themes.trend_panel(ctx, "people_paid_for_time"),
                                                      themes.areas_panel(ctx, "people_paid_for_time")], ctx)
    theme_view.section("“You said, we did”", [themes.actions_panel(ctx), themes.areas_panel(ctx, "you_said_we_did")], ctx)
    theme_view.recorded_actions(ctx)
    theme_view.section("I-statement answers by theme",
                       [themes.i_statements_panel(ctx), themes.areas_panel(ctx, "i_statements_yes")], ctx)
