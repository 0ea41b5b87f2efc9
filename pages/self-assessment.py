"""Self-assessment: the board's red / amber / green rating of each domain, with its evidence, who
made it and when, shown beside what the data says (the board's judgement next to the numbers)."""
# nav: title=Self-assessment; order=42; section=Meetings; icon=:material/fact_check:

import pandas as pd
import streamlit as st

from dashboard import auth, self_assessment as sa, ui

ui.page_setup("Self-assessment")


def _when(value) -> str:
    return f"{value.day} {value:%b %Y}" if value is not None and value == value else "–"


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

    current = sa.latest(store, area)
    rows = []
    for domain in figs.catalogue.domains:
        rating = current.get(domain.id)
        view = sa.data_view(figs, area, period, domain.id)
        rows.append({
            "Domain": domain.name,
            "Board's rating": sa.rating_label(rating["rating"] if rating is not None else None),
            "Evidence": rating["evidence"] if rating is not None else "–",
            "Who, when": f"{rating['assessed_by']}, {_when(rating['assessed_at'])}" if rating is not None else "–",
            "Data period the board used": (rating["data_period"] or "–") if rating is not None else "–",
            f"What the data says ({period})": view.words,
        })
    ui.html_table(pd.DataFrame(rows), f"Self-assessment beside the data, {area_name}", key="self-assessment-table")
    st.caption("Ratings: ✔ Green: going well · ◐ Amber: getting there · ✖ Red: not good enough yet. "
               "Data: ✔ better, ≈ similar, ✖ worse than the benchmark; figures from fewer than 5 people are not shown.")

    history = sa.list_assessments(store, area)
    if len(history):
        with st.expander(f"Every rating recorded for {area_name} ({len(history)})"):
            names = {d.id: d.name for d in figs.catalogue.domains}
            ui.html_table(pd.DataFrame({
                "Domain": [names.get(d, d) for d in history["domain_id"]],
                "Rating": [sa.rating_label(r) for r in history["rating"]],
                "Evidence": history["evidence"],
                "Who": history["assessed_by"],
                "When": [_when(w) for w in history["assessed_at"]],
                "Current": ["yes" if x else "no" for x in history["is_latest"]],
            }), f"Rating history, {area_name}", key="self-assessment-history")

    st.subheader("Record a rating")
    if not auth.is_editor():
        st.info("Editors record the board's ratings: sign in from the sidebar.")
    else:
        with st.form("record_rating", clear_on_submit=True):
            domain_id = st.selectbox("Domain", [d.id for d in figs.catalogue.domains],
                                     format_func=lambda d: figs.catalogue.domain(d).name)
            rating = st.radio("Rating", sa.RATINGS, format_func=sa.rating_label, horizontal=True)
            evidence = st.text_area("Evidence: what the board based this on", max_chars=1500)
            saved = st.form_submit_button("Record rating", type="primary")
        if saved:
            try:
                sa.record_assessment(store, figs, area, domain_id, rating, evidence, period, auth.current_user().name)
                st.session_state["_assessment_notice"] = (
                    f"Recorded {sa.rating_label(rating)} for {figs.catalogue.domain(domain_id).name}.")
                st.rerun()
            except sa.AssessmentError as exc:
                st.error(f"Not saved: {exc}")
