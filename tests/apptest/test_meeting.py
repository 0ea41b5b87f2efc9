"""AppTests: meeting mode (slide navigation, easy read, deep links), actions and self-assessment
pages, for viewers and editors."""

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app import auth
from dashboard.meeting import actions
from dashboard.data.store import Store
from tests.apptest.helpers import all_text, open_page
from tests.conftest import LEEDS, ROOT

EDITOR = auth.User(name="asha", role=auth.EDITOR, method="password", areas=frozenset({LEEDS}))


def button(at, label):
    return next(b for b in at.button if b.label == label)


def slide_html(at) -> str:
    return "\n".join(m.value for m in at.markdown if "data-testid='slide'" in m.value or "gl-slide" in m.value)


def test_meeting_opens_on_the_agenda(app_env):
    at = open_page("meeting", area=LEEDS, period="2024-25")
    text = all_text(at)
    assert "Agenda" in slide_html(at)
    assert "Headlines for each domain: slide 2" in text
    assert "Slide 1 of" in text
    assert at.button(key="gl_slide_back").disabled
    assert not at.button(key="gl_slide_next").disabled
    assert at.query_params["slide"] == ["1"] or at.query_params["slide"] == "1"


def test_next_and_back_move_between_slides(app_env):
    at = open_page("meeting", area=LEEDS, period="2024-25")
    at.button(key="gl_slide_next").click().run()
    assert not at.exception
    html = slide_html(at)
    assert "data-kind='domain'" in html and ">Choice<" in html
    assert "Slide 2 of" in html
    at.button(key="gl_slide_next").click().run()
    assert ">Control<" in slide_html(at)
    at.button(key="gl_slide_back").click().run()
    at.button(key="gl_slide_back").click().run()
    assert ">Agenda<" in slide_html(at)


def test_go_to_slide_and_deep_link(app_env):
    at = open_page("meeting", area=LEEDS, period="2024-25", slide="8")
    html = slide_html(at)
    assert "data-kind='indicator'" in html and "Enough choice over care and support" in html
    assert len(at.get("plotly_chart")) == 1  # the trend chart beside the figure
    assert "Line chart of enough choice" in all_text(at)  # its sentence, as caption
    jump = at.selectbox(key="w_meeting_jump_7")
    last = jump.options[-1]
    jump.set_value(len(jump.options) - 1).run()
    assert "data-kind='self_assessment'" in slide_html(at)
    assert "Self-assessment" in last


def test_easy_read_toggle(app_env):
    at = open_page("meeting", area=LEEDS, period="2024-25", slide="8")
    at.toggle(key="w_meeting_easy").set_value(True).run()
    html = slide_html(at)
    assert "gl-slide-easy" in html
    assert "6 out of 10 people" in html  # Leeds choice 24 of 40
    assert "aria-label=\"6 out of 10 people" in html or "aria-label='6 out of 10 people" in html or "6 out of 10" in html
    assert not at.get("plotly_chart")  # easy read draws its own icon array
    at.toggle(key="w_meeting_easy").set_value(False).run()
    assert "gl-slide-easy" not in slide_html(at)


def test_suppressed_indicator_slide_says_not_shown(app_env, figures):
    meeting_index = [i.id for i in figures.catalogue.indicators].index("dp_trusted")
    at = open_page("meeting", area=LEEDS, period="2024-25", slide=str(8 + meeting_index))
    html = slide_html(at)
    assert "Trusted to decide how to spend" in html or "dp_trusted" in html or "Not shown" in html
    assert "Not shown" in html and "70.0%" not in html


def test_presentation_mode_hides_the_choices(app_env):
    at = open_page("meeting", area=LEEDS, period="2024-25", present="1")
    assert not at.title  # no page title: the slide fills the screen
    assert at.toggle(key="w_meeting_present").value is True
    assert "Area and year" in [e.label for e in at.expander]


def test_viewer_cannot_record_meetings_or_actions(app_env):
    at = open_page("meeting", area=LEEDS, period="2024-25")
    assert "Editors record meeting dates" in all_text(at)
    assert not [f for f in at.get("form")]
    at = open_page("actions", area=LEEDS)
    assert "Editors record and update actions" in all_text(at)
    assert not at.text_area
    at = open_page("self-assessment", area=LEEDS, period="2024-25")
    assert "Editors record the board's ratings" in all_text(at)


@pytest.fixture
def editor_app(db_copy, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(db_copy))
    return db_copy


def editor_page(page: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.session_state["_signed_in_user"] = EDITOR
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_editor_records_and_updates_an_action(editor_app):
    at = editor_page("actions", area=LEEDS)
    at.text_area[0].input("Reviews feel like a test")
    at.text_area[1].input("Reviews start with what matters to the person")
    at.text_input[0].input("Head of reviews")
    next(s for s in at.selectbox if s.label.startswith("About")).set_value("control")
    button(at, "Record action").click().run()
    assert not at.exception
    text = all_text(at)
    assert "Recorded action 1" in text
    table = "\n".join(m.value for m in at.markdown if "actions-table" in m.value)
    assert "Reviews feel like a test" in table and "Head of reviews" in table and "○ Open" in table
    # update it to completed
    update = button(at, "Update action")
    status = [s for s in at.selectbox if s.label == "New status"][0]
    status.set_value("completed")
    update.click().run()
    assert "Updated action 1: ✔ Completed" in all_text(at)
    table = "\n".join(m.value for m in at.markdown if "actions-table" in m.value)
    assert "✔ Completed" in table
    # and the meeting shows it on the completed actions slide
    at.switch_page("pages/meeting.py")
    at.run()
    jump = at.selectbox(key="w_meeting_jump_0")
    target = next(i for i in jump.options if "completed actions" in i.lower())
    jump.set_value(jump.options.index(target)).run()
    assert "Reviews feel like a test" in slide_html(at)


def test_editor_rejected_action_changes_nothing(editor_app):
    at = editor_page("actions", area=LEEDS)
    at.text_area[1].input("An action with nothing raised")
    at.text_input[0].input("Owner")
    button(at, "Record action").click().run()
    assert "Not saved: What was raised" in "\n".join(e.value for e in at.error)
    assert "No actions are recorded" in all_text(at)


def test_editor_records_a_meeting_and_a_rating(editor_app):
    at = editor_page("meeting", area=LEEDS, period="2024-25")
    date_input = at.date_input[0]
    import datetime as dt

    date_input.set_value(dt.date(2024, 6, 12))
    used = [s for s in at.selectbox if s.label == "Data period used"][0]
    used.set_value("2022-23")
    button(at, "Record meeting").click().run()
    assert not at.exception
    assert "12 June 2024" in "\n".join(m.value for m in at.markdown if "meetings-table" in m.value)
    assert "the last meeting (12 June 2024, which used 2022-23 data)" in all_text(at)

    at = editor_page("self-assessment", area=LEEDS, period="2024-25")
    [s for s in at.selectbox if s.label == "Domain"][0].set_value("control")
    at.radio[0].set_value("green")
    at.text_area[0].input("Eight in ten people say they have control; reviews changed in May.")
    button(at, "Record rating").click().run()
    assert "Recorded ✔ Green: going well for Control" in all_text(at)
    table = "\n".join(m.value for m in at.markdown if "self-assessment-table" in m.value)
    assert "✔ Green: going well" in table and "asha" in table and "Eight in ten" in table


def test_actions_api_is_what_the_page_shows(editor_app):
    store = Store(editor_app)
    try:
        actions.record_action(store, LEEDS, None, "Raised by families", "Agreed by the board", "Chair", None, "open", "asha")
    finally:
        store.close()
    at = open_page("actions", area=LEEDS, status="todo")
    table = "\n".join(m.value for m in at.markdown if "actions-table" in m.value)
    assert "Raised by families" in table and "General" in table
