"""Self-assessment: the board's red / amber / green rating of each domain, with its evidence, who
made it and when, shown beside what the data says (the board's judgement next to the numbers)."""
# nav: title=Self-assessment; order=42; section=Meetings; icon=:material/fact_check:

import streamlit as st

from dashboard.app import auth, ui
from dashboard.views import self_assessment as sa

ui.page_setup("Self-assessment")


def _record(store, figs, area: str, period: str) -> None:
    """Form callback (runs before the page, so the submission is never lost to a rerun)."""
    ss = st.session_state
    saved, said = sa.record(store, figs, auth.current_user(), area, period, ss["sa_domain"], ss["sa_rating"],
                            ss.get("sa_evidence"))
    if not saved:
        ss["_assessment_error"] = said
        return
    ss["_assessment_notice"] = said
    ss["sa_evidence"] = ""


with ui.guard("the self-assessment"):
    figs = ui.figures()
    store = ui.store()
    st.title("Self-assessment")
    st.markdown(
        "The partnership board rates each domain red, amber or green and says why. The data column "
        "compares each indicator in the domain with its benchmark (95% intervals), so the board's judgement "
        "sits next to the numbers. Ratings are shown with words and symbols, not colour alone.")
    c1, c2 = st.columns([3, 2])
    area = ui.choose_area(figs, container=c1)
    period = ui.choose_period(figs, container=c2)
    ui.show_url_notices()
    area_name = figs.area_name(area)
    notice = st.session_state.pop("_assessment_notice", None)
    if notice:
        st.success(notice)

    user = auth.current_user()
    ui.html_table(sa.beside_the_data(store, figs, area, period, user), f"Self-assessment beside the data, {area_name}",
                  key="self-assessment-table")
    st.caption("Ratings: ✔ Green: going well · ◐ Amber: getting there · ✖ Red: not good enough yet. "
               "Data: ✔ better, ≈ similar, ✖ worse than the benchmark; figures from fewer than 5 people are not shown.")

    history = sa.history(store, figs, area, user)
    if len(history):
        with st.expander(f"Every rating recorded for {area_name} ({len(history)})"):
            ui.html_table(history, f"Rating history, {area_name}", key="self-assessment-history")

    st.subheader("Record a rating")
    if not auth.is_editor():
        st.info("Editors record the board's ratings: sign in from the sidebar.")
    elif not user.may_edit(area):
        st.info(f"You record ratings for {', '.join(sorted(user.areas)) or 'no council yet'}, not {area_name}.",
                icon=":material/lock:")
    else:
        problem = st.session_state.pop("_assessment_error", None)
        if problem:
            st.error(problem)
        with st.form("record_rating"):
            st.selectbox("Domain", [d.id for d in figs.catalogue.domains], key="sa_domain",
                         format_func=lambda d: figs.catalogue.domain(d).name)
            st.radio("Rating", sa.RATINGS, format_func=sa.rating_label, horizontal=True, key="sa_rating")
            st.text_area("Evidence: what the board based this on", max_chars=1500, key="sa_evidence")
            st.form_submit_button("Record rating", type="primary", on_click=_record, args=(store, figs, area, period))
