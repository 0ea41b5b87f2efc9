"""'You said, we did': what self-advocates and families raised, the action agreed, who owns it and
when it is due. Everyone sees open and completed actions; editors record and update them."""
# nav: title=You said, we did; order=41; section=Meetings; icon=:material/checklist:

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.app import auth, ui
from dashboard.views import actions

ui.page_setup("You said, we did")


def _record(store, area: str) -> None:
    """Form callback (runs before the page, so the submission is never lost to a rerun)."""
    ss = st.session_state
    saved, said = actions.record(store, auth.current_user(), area, ss.get("act_indicator"), ss.get("act_raised"),
                                 ss.get("act_action"), ss.get("act_owner"), ss.get("act_due"),
                                 ss.get("act_status", actions.OPEN))
    if not saved:
        ss["_action_error"] = said
        return
    ss["_action_notice"] = said
    for key in ("act_raised", "act_action", "act_owner"):
        ss[key] = ""


def _update(store) -> None:
    ss = st.session_state
    saved, said = actions.update(store, auth.current_user(), int(ss["upd_action"]), ss.get("upd_status"),
                                 ss.get("upd_owner"), ss.get("upd_done"))
    if not saved:
        ss["_action_error"] = said
        return
    ss["_action_notice"] = said
    for key in ("upd_owner", "upd_done"):
        ss[key] = ""


def record_form(store, figs, area: str, area_name: str) -> None:
    cat = figs.catalogue
    options = [""] + cat.ids
    with st.form("record_action"):
        st.markdown(f"**Record an action for {area_name}**")
        st.text_area("You said: what self-advocates and families raised", max_chars=actions.MAX_TEXT, key="act_raised")
        st.text_area("We will: the action agreed", max_chars=actions.MAX_TEXT, key="act_action")
        c1, c2, c3 = st.columns(3)
        c1.text_input("Owner (a role or a name)", max_chars=actions.MAX_SHORT, key="act_owner")
        c2.date_input("Due date", value=dt.date.today() + dt.timedelta(days=90), format="YYYY-MM-DD", key="act_due")
        c3.selectbox("Status", actions.STATUSES, format_func=actions.status_label, key="act_status")
        st.selectbox("About which indicator", options, key="act_indicator",
                     format_func=lambda i: cat[i].name if i else "General (no single indicator)")
        st.caption("Actions are public: do not name a person who draws on care. The owner and who recorded an "
                   "action are shown to signed-in editors only.")
        st.form_submit_button("Record action", type="primary", on_click=_record, args=(store, area))


def update_form(store, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    labels = {int(r.action_id): f"{r.action_id}: {r.raised[:70]}" for r in frame.itertuples()}
    with st.form("update_action"):
        st.markdown("**Update an action**")
        st.selectbox("Action", list(labels), format_func=labels.get, key="upd_action")
        c1, c2 = st.columns(2)
        c1.selectbox("New status", actions.STATUSES, format_func=actions.status_label, key="upd_status")
        c2.text_input("New owner (leave empty to keep)", max_chars=actions.MAX_SHORT, key="upd_owner")
        st.text_area("We did: what was done (leave empty to keep the agreed action)", max_chars=actions.MAX_TEXT,
                     key="upd_done")
        st.form_submit_button("Update action", on_click=_update, args=(store,))


with ui.guard("the actions"):
    figs = ui.figures()
    store = ui.store()
    st.title("You said, we did")
    st.markdown(
        "What self-advocates and family carers raised at the partnership board, what the board agreed to "
        "do, who owns it and when it is due. Open actions are shown at every meeting until they are done.")
    c1, c2 = st.columns([3, 3])
    area = ui.choose_area(figs, container=c1)
    which = ui.url_choice("status", "Show", list(actions.STATUS_FILTERS), "all", actions.STATUS_FILTERS.get,
                          widget="radio", container=c2)
    ui.show_url_notices()
    area_name = figs.area_name(area)
    notice = st.session_state.pop("_action_notice", None)
    if notice:
        st.success(notice)
    problem = st.session_state.pop("_action_error", None)
    if problem:
        st.error(problem)

    view = actions.actions_view(store, figs, area, area_name, which, auth.current_user())
    for column, (label, value) in zip(st.columns(4), view.counts):
        column.metric(label, value)
    if view.table.empty:
        st.info(view.empty)
    else:
        ui.html_table(view.table, f"{actions.STATUS_FILTERS[which]} for {area_name}", key="actions-table",
                      numeric=("No.",))
        st.download_button("Download these actions (CSV)", view.csv_bytes(),
                           file_name=f"actions-{area}.csv", mime="text/csv", on_click="ignore")

    st.subheader("Record and update actions")
    user = auth.current_user()
    if user is not None and user.may_edit(area):
        record_form(store, figs, area, area_name)
        update_form(store, view.everything)
    elif auth.is_editor():
        st.info(f"You edit actions for {', '.join(sorted(user.areas)) or 'no council yet'}, not {area_name}.",
                icon=":material/lock:")
    else:
        st.info("Editors record and update actions: sign in from the sidebar. Everyone can see them here, "
                "in meeting mode and in the meeting packs.")
