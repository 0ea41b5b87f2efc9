"""Meeting mode: full-screen slides for a partnership board, standard or easy read, with the
change since the last meeting, actions and the board's self-assessment; packs to download."""
# nav: title=Meeting; order=40; section=Meetings; icon=:material/co_present:

import datetime as dt

import streamlit as st

from dashboard.app import auth, ui
from dashboard.views import meeting as mv

ui.page_setup("Meeting")

SLIDE_CSS = """
<style>
  .gl-slide { font-size: 34px; line-height: 1.3; color: #0b0c0c; padding: 0.2rem 0.4rem; }
  .gl-slide p { font-size: 34px; margin: 0 0 0.35em 0; }
  .gl-slide h2 { font-size: 64px; line-height: 1.1; margin: 0 0 0.3em 0; padding: 0; font-weight: 700; }
  .gl-slide .gl-slide-sub { font-size: 32px; color: #505a5f; margin: 0 0 0.2em 0; }
  .gl-slide .gl-slide-figure { font-size: 112px; font-weight: 700; color: #00549f; line-height: 1.05; }
  .gl-slide .gl-slide-caption { font-size: 36px; }
  .gl-slide .gl-slide-badges { margin: 0.2em 0 0.5em 0; }
  .gl-slide .gl-slide-badge { display: inline-block; font-size: 34px; font-weight: 700; color: #fff;
      padding: 0.1em 0.5em; border-radius: 8px; margin: 0 0.4em 0.3em 0; }
  .gl-slide .gl-slide-footer { font-size: 26px; color: #505a5f; margin-top: 0.6em; }
  .gl-slide .gl-slide-muted { color: #505a5f; }
  .gl-slide-table { border-collapse: collapse; width: 100%; font-size: 32px; margin-top: 0.3em; }
  .gl-slide-table caption { text-align: left; font-weight: 700; font-size: 32px; padding-bottom: 0.2em; }
  .gl-slide-table th, .gl-slide-table td { border-bottom: 2px solid #b1b4b6; padding: 0.12em 0.4em; text-align: left; vertical-align: top; }
  .gl-slide-table th { background: #f3f2f1; }
  .gl-slide-er { display: flex; gap: 2.5rem; align-items: flex-start; }
  .gl-slide-pics { display: flex; flex-direction: column; gap: 1.5rem; align-items: center; min-width: 220px; }
  .gl-slide-words p { font-size: 40px; }
  .gl-slide-easychart svg { max-width: 100%; height: auto; }
  .st-key-gl_slide_back button, .st-key-gl_slide_next button { min-height: 88px; }
  .st-key-gl_slide_back button p, .st-key-gl_slide_next button p { font-size: clamp(20px, 1.9vw, 36px); font-weight: 700; white-space: nowrap; }
  .gl-slide-position { font-size: 30px; font-weight: 700; text-align: center; margin-top: 0.6rem; }
</style>
"""
PRESENT_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] { display: none; }
  .block-container, [data-testid="stMainBlockContainer"] { padding: 0.8rem 1.5rem 0.5rem 1.5rem !important; max-width: 100%; }
  .gl-slide h2 { font-size: 60px; margin: 0 0 0.12em 0; }
  /* every slide fits a 1920x1080 projector with its source line: tighter spacing, same type sizes */
  .gl-slide { line-height: 1.18; padding-top: 0; }
  .gl-slide p { margin: 0 0 0.18em 0; }
  .gl-slide .gl-slide-sub { margin: 0; }
  .gl-slide .gl-slide-figure { font-size: 96px; }
  .gl-slide .gl-slide-caption { font-size: 34px; }
  .gl-slide .gl-slide-badges { margin: 0.1em 0 0.15em 0; }
  .gl-slide .gl-slide-badge { margin-bottom: 0.15em; }
  .gl-slide .gl-slide-footer { margin-top: 0.2em; }
  .gl-slide-table { margin-top: 0.1em; }
  .gl-slide-table th, .gl-slide-table td { padding: 0.04em 0.4em; line-height: 1.15; }
  .st-key-gl_slide_back button, .st-key-gl_slide_next button { min-height: 64px; }
  [data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
</style>
"""


@st.cache_resource(max_entries=8, show_spinner="Preparing the slides…")
def _meeting(snapshot: str, board_version: str, area: str, period: str, today: dt.date,
             staff: bool, _user=None):
    """Shared between sessions: one viewer version (no staff names) and one editors' version."""
    return mv.build(ui.store(), ui.figures(), area, period, today, _user if staff else None)


def meeting_for(area: str, period: str) -> mv.Meeting:
    store = ui.store()
    board = mv.board_version(store)
    user = auth.current_user()
    staff = mv.sees_staff(user, area)
    return _meeting(ui.snapshot_key(store), str(board), area, period, dt.date.today(), staff, user)


def _flag(name: str, default: bool = False) -> bool:
    remembered = f"_url_{name}"
    if remembered not in st.session_state:
        st.session_state[remembered] = st.query_params.get(name, "1" if default else "0") == "1"
    return st.session_state[remembered]


def _set_flag(name: str, key: str) -> None:
    st.session_state[f"_url_{name}"] = bool(st.session_state[key])


def _move(step: int, total: int) -> None:
    st.session_state["_meeting_slide"] = max(0, min(total - 1, st.session_state.get("_meeting_slide", 0) + step))


def _jump(key: str) -> None:
    st.session_state["_meeting_slide"] = int(st.session_state[key])


def meeting_dates(store, figs, area: str, area_name: str) -> None:
    frame, table = mv.meeting_dates(store, area, auth.current_user())  # notes and names: editors only
    if frame.empty:
        st.markdown(f"No meetings are recorded for {area_name} yet. 'Since last meeting' then compares with "
                    "the period before in the data.")
    else:
        ui.html_table(table, f"Board meetings recorded for {area_name}", key="meetings-table")
    user = auth.current_user()
    if user is None or not user.may_edit(area):
        st.caption("Editors record meeting dates (sign in from the sidebar)." if not auth.is_editor() else
                   f"You record meetings for {', '.join(sorted(user.areas)) or 'no council yet'}, not {area_name}.")
        return
    problem = st.session_state.pop("_meeting_error", None)
    if problem:
        st.error(problem)
    notice = st.session_state.pop("_meeting_notice", None)
    if notice:
        st.success(notice)
    with st.form("record_meeting"):
        st.markdown("**Record a meeting** (editors)")
        c1, c2, c3 = st.columns([1, 1, 2])
        c1.date_input("Meeting date", value=dt.date.today(), format="YYYY-MM-DD", key="mtg_date")
        c2.selectbox("Data period used", list(reversed(figs.periods())), key="mtg_period")
        c3.text_input("Note (optional)", placeholder="e.g. Quarterly board, Civic Hall", key="mtg_note")
        st.form_submit_button("Record meeting", on_click=_record_meeting, args=(store, area))
    if not frame.empty:
        by_id = frame.set_index("meeting_id")
        with st.form("delete_meeting"):
            st.selectbox(
                "Remove a meeting recorded by mistake", list(frame["meeting_id"]), key="mtg_delete",
                format_func=lambda i: f"{by_id.loc[i, 'meeting_date']:%d %B %Y} ({by_id.loc[i, 'data_period']})")
            st.form_submit_button("Remove meeting", on_click=_delete_meeting, args=(store, area))


def _record_meeting(store, area: str) -> None:
    """Form callback (runs before the page, so the submission is never lost to a rerun)."""
    ss = st.session_state
    saved, said = mv.record_meeting(store, auth.current_user(), area, ss["mtg_date"], ss["mtg_period"],
                                    ss.get("mtg_note"))
    if not saved:
        ss["_meeting_error"] = said
        return
    ss["_meeting_notice"] = said
    ss["mtg_note"] = ""


def _delete_meeting(store, area: str) -> None:
    saved, said = mv.delete_meeting(store, auth.current_user(), area, int(st.session_state["mtg_delete"]))
    st.session_state["_meeting_notice" if saved else "_meeting_error"] = said


with ui.guard("meeting mode"):
    figs = ui.figures()
    store = ui.store()
    present = _flag("present")
    easy = _flag("easy")
    st.html(SLIDE_CSS + (PRESENT_CSS if present else ""))  # styles only: takes no space on the page

    controls = st.container(key="meeting_controls") if not present else st.empty()
    navigation = st.container(key="meeting_navigation")
    frame = st.container(border=True, key="gl_slide_frame")
    after = st.container(key="meeting_after")
    if present:  # the choices move under the slide, folded away, so the slide fills the screen
        where = after.expander("Area and year")
    else:
        controls.title("Meeting")
        where = controls
    c1, c2 = where.columns([3, 2])
    area = ui.choose_area(figs, container=c1)
    period = ui.choose_period(figs, container=c2)
    with controls:
        ui.show_url_notices()
    st.query_params["easy"] = "1" if easy else "0"
    st.query_params["present"] = "1" if present else "0"

    meeting = meeting_for(area, period)
    total = len(meeting.slides)
    if "_meeting_slide" not in st.session_state:
        try:
            st.session_state["_meeting_slide"] = int(st.query_params.get("slide", "1")) - 1
        except ValueError:
            st.session_state["_meeting_slide"] = 0
    if (st.session_state.get("_meeting_for") or (area, period)) != (area, period):
        st.session_state["_meeting_slide"] = 0  # another meeting: start at the agenda
    st.session_state["_meeting_for"] = (area, period)
    index = max(0, min(total - 1, st.session_state["_meeting_slide"]))
    st.session_state["_meeting_slide"] = index
    st.query_params["slide"] = str(index + 1)
    slide = meeting.slides[index]

    back, middle, toggles, forward = navigation.columns([2, 4, 2, 2], vertical_alignment="center")
    back.button("◀ Back", key="gl_slide_back", on_click=_move, args=(-1, total), disabled=index == 0,
                shortcut="Left", width="stretch", help="Previous slide (left arrow key)")
    forward.button("Next ▶", key="gl_slide_next", on_click=_move, args=(1, total), disabled=index == total - 1,
                   shortcut="Right", width="stretch", type="primary", help="Next slide (right arrow key)")
    titles = [(s.easy.title if easy and s.easy else s.title) for s in meeting.slides]
    jump_key = f"w_meeting_jump_{index}"
    middle.selectbox("Go to slide", list(range(total)), index=index, key=jump_key, on_change=_jump, args=(jump_key,),
                     format_func=lambda i: f"Slide {i + 1} of {total}: {titles[i]}")
    toggles.toggle("Easy read", value=easy, key="w_meeting_easy", on_change=_set_flag, args=("easy", "w_meeting_easy"),
                   help="Show every slide in easy read: pictures, faces and short sentences.")
    toggles.toggle("Presentation mode", value=present, key="w_meeting_present",
                   on_change=_set_flag, args=("present", "w_meeting_present"),
                   help="Hide the menus so the slide fills the screen (press F11 for full screen).")

    with frame:
        number = index + 1
        if slide.chart is not None and not slide.chart.empty and not easy:
            st.markdown(mv.slide_html(slide, number, total, part="head"), unsafe_allow_html=True)
            left, right = st.columns([5, 6])
            left.markdown(mv.slide_html(slide, number, total, part="figure"), unsafe_allow_html=True)
            with right:
                figure = slide.chart.figure
                if present:  # the slide and its source line fit a 1920x1080 projector
                    figure = mv.projector_figure(figure)
                st.plotly_chart(figure, width="stretch", config=mv.PLOTLY_CONFIG,
                                alt=slide.chart.sentence, key=f"slide_chart_{index}")
                if not present:
                    st.caption(slide.chart.sentence)
            st.markdown(mv.slide_html(slide, number, total, part="rest"), unsafe_allow_html=True)
        else:
            st.markdown(mv.slide_html(slide, number, total, easy=easy), unsafe_allow_html=True)

    if not present:
        with after:
            with st.expander("Speaker notes: the full figures"):
                st.text(slide.notes)
            st.subheader("Meeting pack")
            st.markdown(
                "Send the pack before the meeting: the same slides as PowerPoint or PDF, standard or easy "
                "read. Small numbers stay hidden in every pack.")
            p1, p2 = st.columns(2)
            for column, fmt, label in ((p1, "pptx", "PowerPoint"), (p2, "pdf", "PDF")):
                for version in (False, True):
                    kind = "easy read" if version else "standard"
                    column.download_button(
                        f"Download {label} ({kind})",
                        data=lambda fmt=fmt, version=version, user=auth.current_user(): mv.build_pack(meeting, fmt, version, user),
                        file_name=mv.file_name(meeting, fmt, version), mime=mv.MIME[fmt],
                        key=f"pack_{fmt}_{'easy' if version else 'standard'}", on_click="ignore",
                        icon=":material/download:",
                    )
            st.caption("A pack takes a few seconds to make: the charts are drawn as pictures, each with its "
                       "text alternative.")
            st.subheader("Meeting dates")
            st.markdown(f"Changes on each slide are since {meeting.baseline.words}.")
            meeting_dates(store, figs, area, meeting.area_name)
