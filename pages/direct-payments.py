"""Direct payments: uptake, self-directed support, waits, flexibility, clawbacks, control."""
# nav: title=Direct payments; order=30; section=Themes; icon=:material/payments:

import streamlit as st

from dashboard import findings, theme_view, themes, ui

ui.page_setup("Direct payments")

with ui.guard("the direct payments page"):
    figs = ui.figures()
    st.title("Direct payments")
    st.write("Are direct payments taken up, quick to set up, flexible and trusted, or constrained and clawed back?")
    ctx = theme_view.filters(figs, "direct_payments")
    theme = themes.DIRECT_PAYMENTS
    theme_view.show_findings(findings.for_page(ctx, theme))
    theme_view.key_figures(themes.key_figures_panel(ctx, theme), ctx)

    theme_view.section("Uptake", [themes.trend_panel(ctx, "direct_payments"), themes.areas_panel(ctx, "direct_payments")], ctx,
                       "People with a direct payment, of everyone in long-term support. Where the published ASCOF "
                       "file has the year, England is the benchmark; otherwise all areas in the data.")
    theme_view.section("Self-directed support", [themes.trend_panel(ctx, "self_directed_support"),
                                                 themes.areas_panel(ctx, "self_directed_support")], ctx)
    theme_view.section("Days from agreement to first payment",
                       [themes.payment_wait_panel(ctx), themes.areas_panel(ctx, "days_to_first_payment")], ctx,
                       "How long people waited for their money once a direct payment was agreed: counts in groups of "
                       "days (never single people), and the median with its 95% interval.")
    theme_view.section("What direct-payment holders say about flexibility", [themes.agreement_panel(ctx)], ctx)
    theme_view.section("Money recovered and “unauthorised spend” letters",
                       [themes.areas_panel(ctx, "clawbacks_per_100"), themes.areas_panel(ctx, "unauthorised_spend_per_100")], ctx,
                       "Letters per 100 direct-payment holders who answered the survey. Fewer is better: many letters "
                       "can mean people are over-audited.")
    theme_view.section("Individual service funds", [themes.trend_panel(ctx, "individual_service_funds"),
                                                    themes.areas_panel(ctx, "individual_service_funds")], ctx)
    theme_view.section("Control over daily life, with and without a direct payment", [themes.control_panel(ctx)], ctx)
