"""Direct payments: uptake, self-directed support, waits, flexibility, clawbacks, control."""
# nav: title=Direct payments; order=30; section=Themes; icon=:material/payments:

import streamlit as st

from dashboard.app import theme_view, ui
from dashboard.views import themes

ui.page_setup("Direct payments")

with ui.guard("the direct payments page"):
    figs = ui.figures()
    st.title("Direct payments")
    st.write("Are direct payments taken up, quick to set up, flexible and trusted, or constrained and clawed back?")
    ctx = theme_view.filters(figs, "direct_payments")
    theme_view.render(themes.DIRECT_PAYMENTS.key, ctx)
