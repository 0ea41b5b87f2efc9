"""Collaboration breakdowns: rates by category over time, area by category, delays,
resolution and escalation, transition and discharge called out; notes for editors only."""
# nav: title=Collaboration breakdowns; order=31; section=Themes; icon=:material/handshake:

import streamlit as st

from dashboard.app import auth, theme_view, ui
from dashboard.views import themes

ui.page_setup("Collaboration breakdowns")

with ui.guard("the collaboration breakdowns page"):
    figs = ui.figures()
    st.title("Collaboration breakdowns")
    st.write("Where does working together break down: at transition to adult services, at discharge from hospital "
             "or an assessment and treatment unit (ATU), with housing, NHS specialist commissioning, in a crisis?")
    ctx = theme_view.filters(figs, "breakdowns_per_1000")
    theme_view.render(themes.COLLABORATION.key, ctx)

    st.subheader("Notes on each breakdown", anchor="notes")
    if auth.sees_staff(ctx.area):
        notes = themes.breakdown_notes(ctx.store, ctx.area, ctx.period)
        st.caption("Shown because you are signed in as an editor. Notes are never shown to viewers or put in a download.")
        if notes.empty:
            st.info(f"No breakdowns were recorded for {ctx.area_name} in {ctx.period}.")
        else:
            ui.html_table(notes, f"Breakdowns recorded in {ctx.area_name}, {ctx.period}, with notes (editors only)",
                          key="breakdown-notes", numeric=("Days delayed",))
    else:
        st.info("The free-text notes about each breakdown are shown only to signed-in editors of this council.",
                icon=":material/lock:")
