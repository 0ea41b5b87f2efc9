"""Self-assessment: the board's red / amber / green rating of each domain, with its evidence, who
made it and when, shown beside what the data says (the board's judgement next to the numbers)."""
# nav: title=Self-assessment; order=42; section=Meetings; icon=:material/fact_check:

import pandas as pd
import streamlit as st

from dashboard import access
from dashboard.app import auth, ui
from dashboard.meeting import self_assessment as sa
from dashboard.records import audit

ui.page_setup("Self-assessment")


def _when(value) -> str:
    return f"{value.day} {value:%b %Y}" if value is not None and value == value else "–"


def _record(store, figs, area: str, period: str) -> None:
    """Form callback (runs before the page, so the submission is never lost to a rerun)."""
    ss = st.session_state
    user = auth.current_user()
    try:
        with audit.act(user, "record rating", [area], f"record a rating for {area}",
                       detail=f"{ss['sa_domain']}: {ss['sa_rating']} ({period})"):
            sa.record_assessment(store, figs, area, ss["sa_domain"], ss["sa_rating"], ss.get("sa_evidence"), period,
                                 user.name)
    except (sa.AssessmentError, access.Refused) as exc:
        ss["_assessment_error"] = f"Not saved: {exc}"
        return
    ss["_assessment_notice"] = (
        f"Recorded {sa.rating_label(ss['sa_rating'])} for {figs.catalogue.domain(ss['sa_domain']).name}.")
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
    user = auth.current_user()
    ui.html_table(access.staff_view(pd.DataFrame(rows), user, area), f"Self-assessment beside the data, {area_name}",
                  key="self-assessment-table")
    st.caption("Ratings: ✔ Green: going well · ◐ Amber: getting there · ✖ Red: not good enough yet. "
               "Data: ✔ better, ≈ similar, ✖ worse than the benchmark; figures from fewer than 5 people are not shown.")

    history = sa.list_assessments(store, area)
    if len(history):
        with st.expander(f"Every rating recorded for {area_name} ({len(history)})"):
            names = {d.id: d.name for d in figs.catalogue.domains}
            ui.html_table(access.staff_view(pd.DataFrame({
                "Domain": [names.get(d, d) for d in history["domain_id"]],
                "Rating": [sa.rating_label(r) for r in history["rating"]],
                "Evidence": history["evidence"],
                "Who": history["assessed_by"],
                "When": [_when(w) for w in history["assessed_at"]],
                "Current": ["yes" if x else "no" for x in history["is_latest"]],
            }), user, area), f"Rating history, {area_name}", key="self-assessment-history")

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
