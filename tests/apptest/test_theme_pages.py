"""AppTest for the theme pages: no exception, findings, charts with sentences, tables, downloads,
URL choices, and notes for editors only."""

import json

from dashboard.release import rules
from dashboard.app.auth import EDITOR, VIEWER, User
from tests.apptest.helpers import all_text, open_page
from tests.conftest import LEEDS, SCILLY


def findings_html(at) -> str:
    return next(m.value for m in at.markdown if "data-testid='findings'" in m.value)


def table(at, key) -> str:
    return next(m.value for m in at.markdown if f"data-testid='{key}'" in m.value)


def check_charts(at, minimum: int) -> None:
    charts = at.get("plotly_chart")
    assert len(charts) >= minimum
    captions = [c.value for c in at.caption]
    for chart in charts:
        spec = json.loads(chart.proto.spec)
        assert spec["data"], "every chart draws something"
        # no empty charts (issue 12): at least one trace has a point; an empty one is its sentence
        assert any(any(v is not None for v in (t.get("x") or t.get("z") or t.get("values") or []))
                   for t in spec["data"]), chart.proto.alt
        # its sentence is its text alternative and its caption
        assert len(chart.proto.alt) > 40 and chart.proto.alt in captions
    assert len(at.get("download_button")) >= len(charts)


def test_direct_payments_page(app_env):
    at = open_page("direct-payments", area=LEEDS, period="2024-25", group="region")
    text = all_text(at)
    assert at.title[0].value == "Direct payments"
    found = findings_html(at)
    assert found.count("<li") == 3
    # Leeds' clawback letters are hidden to protect Kirklees' 1-4 (tests/unit/test_findings.py)
    assert "The largest gap is individual service funds: 10.0% against 6.9%" in found
    assert "Best among areas in Yorkshire and The Humber for direct payments in 2024-25: Kirklees, 50.0%, better than the average of all areas in the data." in found
    key = table(at, "table-key-figures")
    assert rules.SECONDARY_TEXT in key and "Kirklees: 50.0%" in key
    check_charts(at, 10)
    assert "The most: 15 to 28 days (15 holders)" in text
    assert "“I know how much money I have”: 100% agree" in text
    assert "Leeds: people with a direct payment: 100.0%" in text
    wait = table(at, "table-payment-wait")
    assert ">15<" in wait and ">5<" in wait  # 13 and 7 holders, rounded to 5
    assert at.query_params["group"] in ("region", ["region"])


def test_direct_payments_published_year_shows_england(app_env):
    at = open_page("direct-payments", area=LEEDS, period="2020-21")
    text = all_text(at)
    assert "direct payments in Leeds was 15.4% in 2020-21, worse than England (26.6%)" in text
    assert "England (published ASCOF): 26.6%" in text


def test_collaboration_page_for_a_viewer_has_no_notes(app_env):
    at = open_page("collaboration", area=LEEDS, period="2024-25")
    text = all_text(at)
    assert at.title[0].value == "Collaboration breakdowns"
    assert findings_html(at).count("<li") == 3
    check_charts(at, 6)  # charts with nothing to draw are their sentences (issue 12; transition and discharge hidden)
    assert "Heat map of breakdowns per 1,000 people supported in 2024-25" in text
    assert "Called out: transition to adult services" in [h.value for h in at.subheader]
    assert "Called out: hospital or ATU discharge" in [h.value for h in at.subheader]
    assert "shown only to signed-in editors" in text
    assert "Fixture note" not in text
    assert not any("breakdown-notes" in m.value for m in at.markdown)
    # the viewer's downloads: no notes in any of them (AppTest cannot fetch the bytes; the
    # browser test downloads them)
    assert rules.SUPPRESSED_TEXT in table(at, "table-days-delayed")


def test_collaboration_page_shows_notes_to_a_signed_in_editor(app_env):
    at = open_page("collaboration", area=LEEDS, period="2024-25")
    at.session_state["_signed_in_user"] = User("asha", EDITOR, "password", frozenset({LEEDS}))
    at.run()
    assert not at.exception
    notes = table(at, "breakdown-notes")
    assert f"Fixture note 5 for {LEEDS}" in notes and notes.count("<tr>") == 7  # header + 6 breakdowns


def test_collaboration_page_hides_notes_from_a_signed_in_viewer(app_env):
    at = open_page("collaboration", area=LEEDS, period="2024-25")
    at.session_state["_signed_in_user"] = User("val", VIEWER, "password")
    at.run()
    assert "Fixture note" not in all_text(at)


def test_coproduction_page(app_env):
    at = open_page("coproduction", area=LEEDS, period="2024-25")
    text = all_text(at)
    assert at.title[0].value == "Co-production"
    assert findings_html(at).count("<li") == 3
    check_charts(at, 9)  # 3 charts with nothing to draw are their sentences (issue 12)
    assert "self-advocates 20, family carers 10, professionals 40 of 70 places" in text
    assert "People paid or reimbursed for their time in 2024-25: 20." in text  # 18, rounded to 5
    # the first section (levels) is on the first screen under the findings; the rest one click away, a tab each
    assert "Informed, consulted, engaged, co-designed or co-produced" in " ".join(c.value for c in at.caption)
    tabs = [t.label for t in at.tabs]
    assert tabs == ["Key figures", "Which decisions self-advocates and families took part in", "Who took part",
                    "People paid for their time", "“You said, we did”", "I-statement answers by theme"]
    for heading in tabs[1:]:
        assert heading in [h.value for h in at.subheader]
    levels = table(at, "table-levels")
    assert rules.SUPPRESSED_TEXT in levels and ">1<" not in levels and ">2<" not in levels


def test_small_area_and_unknown_group(app_env):
    at = open_page("coproduction", area=SCILLY, period="2024-25", group="planet")
    assert any("planet" in i.value for i in at.info)
    assert at.selectbox(key="w_group_co_production").value == "all"
    assert "Isles of Scilly" in all_text(at)


def test_coproduction_page_shows_actions_recorded_between_meetings(db_copy, monkeypatch):
    from dashboard.meeting import actions
    from dashboard.data.store import Store

    store = Store(db_copy)
    actions.record_action(store, LEEDS, "you_said_we_did", "Send papers in easy read a week before",
                          "Papers sent in easy read 7 days before each meeting", "Board clerk", "2025-03-31",
                          "completed", "asha")
    actions.record_action(store, LEEDS, None, "More self-advocates on interview panels",
                          "Two paid self-advocate places on every panel", "Workforce lead", "2099-06-30", "open", "asha")
    store.close()
    monkeypatch.setenv("DASHBOARD_DB", str(db_copy))
    at = open_page("coproduction", area=LEEDS, period="2024-25")
    summary = next(m.value for m in at.markdown if "recorded-actions-summary" in m.value)
    assert "<b>1 of 2</b> recorded actions completed; 1 open" in summary
    recorded = table(at, "table-recorded-actions")
    assert recorded.index("More self-advocates") < recorded.index("Send papers in easy read")  # open first
    assert "✔ Completed" in recorded and "○ Open" in recorded and "asha" not in recorded
    # another area has none yet, and says so
    at = open_page("coproduction", area=SCILLY, period="2024-25")
    assert "No “you said, we did” actions have been recorded for Isles of Scilly" in all_text(at)
