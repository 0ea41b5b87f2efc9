"""Co-production: levels of involvement, decisions, who took part and was paid, "you said,
we did" (from the activities and as recorded between meetings), and I-statement answers."""
# nav: title=Co-production; order=32; section=Themes; icon=:material/groups:

import streamlit as st

from dashboard.app import theme_view, ui
from dashboard.views import themes

ui.page_setup("Co-production")

with ui.guard("the co-production page"):
    figs = ui.figures()
    st.title("Co-production")
    st.write("Are self-advocates and families involved in decisions (writing service specifications, choosing "
             "providers, recruiting staff), or only informed? Are their views acted on?")
    ctx = theme_view.filters(figs, "self_advocate_share")
    # actions recorded between meetings change without an import: drawn fresh, never cached
    theme_view.render(themes.COPRODUCTION.key, ctx, after={"you-said-we-did": theme_view.recorded_actions})
