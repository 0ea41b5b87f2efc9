"""Easy read: choose your place by name, then one indicator per screen, with pictures, icons
out of 10, a face and a word, what changed since last year, and "Read to me"."""
# nav: title=Easy read; order=15; section=Easy read; icon=:material/menu_book:

import html

import streamlit as st

from dashboard.app import auth, easyread_ui, ui
from dashboard.views import easyread

ui.page_setup("Easy read")
easyread_ui.apply_theme()

SHORT_LIST = 8
END = "end"


def _set(name: str, value: str) -> None:
    """A choice kept in the URL and across pages (the same keys ui.url_choice uses)."""
    st.session_state[f"_url_{name}"] = value
    st.query_params[name] = value


def _choose_place(code: str) -> None:
    _set("area", code)
    st.session_state["er_screen"] = "topics"


def _go(indicator_id: str) -> None:
    st.session_state["er_screen"] = "topics" if indicator_id != END else END
    if indicator_id != END:
        _set("indicator", indicator_id)


def _change_place() -> None:
    st.session_state["er_screen"] = "choose"


@st.cache_data(max_entries=8, show_spinner="Making your easy-read pack…")
def _pack(area: str, period: str, snapshot: str, user=None) -> bytes:
    return easyread.pack_pdf(ui.figures(), area, period, user)  # an editor's export is in the audit log


with ui.guard("the easy-read pages"):
    figs = ui.figures()
    names = dict(zip(figs.areas["area_code"], figs.areas["area_name"]))
    periods = figs.periods()
    ids = figs.catalogue.ids

    # where we are: the URL on the first visit, then the session
    if "er_screen" not in st.session_state:
        url_area = st.query_params.get("area") or st.session_state.get("_url_area")
        st.session_state["er_screen"] = "topics" if url_area in names else "choose"
        if st.query_params.get("area") and st.query_params.get("area") not in names:
            st.info("The link asked for a place we have no numbers for. Please choose your place.")
    area = st.session_state.get("_url_area") or st.query_params.get("area")
    if area not in names:
        area = None
        st.session_state["er_screen"] = "choose"
    period = st.session_state.get("_url_period") or st.query_params.get("period")
    if period not in periods:
        if period is not None:
            st.info("The link asked for a year we have no numbers for. This shows the latest year.")
        period = periods[-1] if periods else None
    if period:
        _set("period", period)
    indicator_id = st.session_state.get("_url_indicator") or st.query_params.get("indicator")
    if indicator_id not in ids:
        if indicator_id is not None:
            st.info("The link asked for a page we do not have. This starts at the first page.")
        indicator_id = ids[0]
    screen = st.session_state["er_screen"]

    if screen == "choose" or area is None:
        st.title("Easy read")
        st.markdown("<div class='gl-er-words'><p>See how support is going where you live.</p>"
                    "<p>You will see one thing on each page, with pictures.</p></div>", unsafe_allow_html=True)
        st.header("Choose your place")
        search = st.text_input("Type the name of your place", key="er_search", placeholder="For example: Leeds")
        matches, exact = easyread.find_places(names, search)
        missing = easyread.council_without_data(names, search) if not matches else None
        if missing:
            st.markdown(f"<p role='status'>We do not have numbers for {html.escape(missing)} yet. "
                        "Please choose one of the places below.</p>", unsafe_allow_html=True)
            matches, exact = easyread.find_places(names, "")
        elif not matches:
            st.markdown(f"<p role='status'>We could not find “{html.escape(search)}”. Try fewer letters.</p>",
                        unsafe_allow_html=True)
        elif not exact:
            st.markdown(f"<p role='status'>We could not find “{html.escape(search)}”. Did you mean one of these?</p>",
                        unsafe_allow_html=True)
        shown = matches[:SHORT_LIST]
        if shown and exact:
            st.markdown(f"<p class='gl-er-step'>{'Places' if not search.strip() else 'Places that match'}: "
                        f"choose one.</p>", unsafe_allow_html=True)
        for name, code in shown:
            st.button(name, key=f"er_place_{code}", on_click=_choose_place, args=(code,), width="stretch")
        if len(matches) > SHORT_LIST:
            st.markdown(f"<p>There are {len(matches) - SHORT_LIST} more places. Type some of the name to find yours.</p>",
                        unsafe_allow_html=True)
        if len(periods) > 1:
            chosen = st.selectbox("Year", list(reversed(periods)), index=list(reversed(periods)).index(period),
                                  key="er_year", help="The year the numbers are about.")
            if chosen != period:
                _set("period", chosen)
    else:
        place = names[area]
        head, change = st.columns([3, 2], vertical_alignment="center")
        head.title(f"Easy read: {place}")
        change.button("Change place", key="er_change", on_click=_change_place, width="stretch")
        if screen == END:
            st.markdown(f"<p>The numbers are for the year <span class='gl-nowrap'>{html.escape(period)}</span>.</p>",
                        unsafe_allow_html=True)
        if screen == END:
            easyread_ui.scroll_to_top(END)
            st.header("That is the end")
            st.markdown(f"<div class='gl-er-words'><p>You have seen all {len(ids)} pages for {html.escape(place)}.</p>"
                        "<p>You can print all the pages as an easy-read pack.</p></div>", unsafe_allow_html=True)
            easyread_ui.speak_button(f"That is the end. You have seen all {len(ids)} pages for {place}. "
                                     "You can print all the pages as an easy-read pack.")
            back_to, next_to = ids[-1], ids[0]
            back_label, next_label = "Back", "Start again"
        else:
            index = ids.index(indicator_id)
            fig, topic = easyread.screen(figs, indicator_id, area, period)
            easyread_ui.show_screen(fig, topic, index + 1, len(ids))
            back_to = ids[index - 1] if index > 0 else None
            next_to = ids[index + 1] if index + 1 < len(ids) else END
            back_label, next_label = "Back", "Next"
        back, _, forward = st.columns([2, 1, 2])
        with back:
            if back_to is None:
                st.button("Back", key="er_back", on_click=_change_place, icon=":material/arrow_back:",
                          width="stretch", help="Back to choosing your place")
            else:
                st.button(back_label, key="er_back", on_click=_go, args=(back_to,), icon=":material/arrow_back:",
                          width="stretch")
        with forward:
            st.button(next_label, key="er_next", on_click=_go, args=(next_to,), icon=":material/arrow_forward:",
                      icon_position="right", type="primary", width="stretch")
        st.download_button(
            "Print all pages: easy-read pack (PDF)",
            data=lambda user=auth.current_user(): _pack(area, period, ui.snapshot_key(), user),
            file_name=easyread.pack_file_name(place, period),
            mime="application/pdf", key="er_pack", icon=":material/print:", on_click="ignore",
        )
