"""'You said, we did' actions: the stable API other pages build on (record, update, list)."""

import datetime as dt

import pytest

from dashboard.meeting import actions
from dashboard.data.store import Store
from tests.conftest import KIRKLEES, LEEDS

SOON = dt.date.today() + dt.timedelta(days=90)


@pytest.fixture
def writable(db_copy):
    store = Store(db_copy)
    yield store
    store.close()


def test_board_records_live_in_the_records_store_beside_the_database(writable):
    import sqlalchemy as sa

    from dashboard.records import db as records

    assert actions.list_actions(writable).empty
    beside = writable.path.with_name("copy.records.sqlite")
    assert beside.exists()
    tables = set(sa.inspect(records.engine_for(writable)).get_table_names())
    assert {"board_actions", "board_meetings", "self_assessments", "comparison_groups",
            "comparison_group_members"} <= tables
    actions.record_action(writable, LEEDS, None, "Raised here.", "Agreed here.", "Owner", None, "open", "asha")
    with records.engine_for(writable).connect() as conn:
        assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("select count(*) from board_actions").scalar() == 1


def test_record_then_list(writable):
    first = actions.record_action(
        writable, LEEDS, "direct_payments", "Direct payments take too long to start.",
        "Set up a quick-start team for new direct payments.", "Head of commissioning",
        SOON.isoformat(), "open", "asha",
    )
    second = actions.record_action(
        writable, LEEDS, None, "We want easy-read minutes.", "Minutes in easy read within a week.",
        "Board secretary", dt.date(2026, 1, 15), "completed", "asha",
    )
    other = actions.record_action(
        writable, KIRKLEES, "control", "Not enough say in reviews.", "Reviews ask the person first.",
        "Team manager", None, "in progress", "ben",
    )
    assert first < second < other
    frame = actions.list_actions(writable)
    assert list(frame.columns) == actions.ACTION_COLUMNS
    assert len(frame) == 3
    # open first, then in progress, then completed
    assert list(frame["status"]) == ["open", "in progress", "completed"]
    leeds = actions.list_actions(writable, LEEDS)
    assert set(leeds["action_id"]) == {first, second}
    row = leeds.set_index("action_id").loc[first]
    assert row["area_name"] == "Leeds"
    assert row["indicator_id"] == "direct_payments"
    assert row["owner"] == "Head of commissioning"
    assert row["due_date"] == SOON
    assert row["recorded_by"] == "asha" and row["recorded_at"] is not None
    assert row["completed_at"] is None  # not completed
    done = leeds.set_index("action_id").loc[second]
    assert done["status"] == "completed" and done["completed_at"] is not None
    assert done["indicator_id"] is None
    assert list(actions.list_actions(writable, status="completed")["action_id"]) == [second]
    assert list(actions.open_actions(writable, LEEDS)["action_id"]) == [first]
    assert list(actions.completed_actions(writable, LEEDS)["action_id"]) == [second]
    assert actions.summary(leeds) == {"open": 1, "in progress": 0, "completed": 1, "overdue": 0, "total": 2}


def test_update_completes_and_reopens(writable):
    action_id = actions.record_action(
        writable, LEEDS, "control", "Raised", "Agreed", "Owner", "2020-01-01", "open", "asha",
    )
    assert actions.list_actions(writable).iloc[0]["overdue"]  # due 2020, still open
    actions.update_action(writable, action_id, "ben", status="completed", action="Done: new process in place")
    row = actions.list_actions(writable).iloc[0]
    assert row["status"] == "completed" and row["completed_at"] is not None
    assert row["action"] == "Done: new process in place" and row["raised"] == "Raised"  # kept
    assert row["updated_by"] == "ben" and not row["overdue"]
    actions.update_action(writable, action_id, "ben", status="open", clear_due_date=True)
    row = actions.list_actions(writable).iloc[0]
    assert row["status"] == "open" and row["completed_at"] is None
    assert row["due_date"] is None


@pytest.mark.parametrize(
    "change, message",
    [
        ({"area_code": "E99999999"}, "not a council"),
        ({"area_code": ""}, "Area is missing"),
        ({"indicator_id": "no_such"}, "not in the catalogue"),
        ({"raised": "   "}, "What was raised"),
        ({"action": None}, "The action agreed"),
        ({"owner": ""}, "Owner"),
        ({"due_date": "31/03/2026"}, "YYYY-MM-DD"),
        ({"status": "done"}, "not one of"),
        ({"raised": "x" * 1001}, "under 1000"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(writable, change, message):
    values = dict(area_code=LEEDS, indicator_id="control", raised="Raised", action="Agreed", owner="Owner",
                  due_date="2026-03-31", status="open", recorded_by="asha")
    values.update(change)
    with pytest.raises(actions.ActionError, match=message):
        actions.record_action(writable, **values)
    assert actions.list_actions(writable).empty


def test_update_of_a_missing_action_is_refused(writable):
    with pytest.raises(actions.ActionError, match="no action number 42"):
        actions.update_action(writable, 42, "asha", status="completed")


def test_values_are_parameters_not_sql(writable):
    sneaky = "'); drop table board_actions; --"
    action_id = actions.record_action(writable, LEEDS, None, sneaky, sneaky, "Owner", None, "open", "asha")
    assert actions.list_actions(writable).set_index("action_id").loc[action_id, "raised"] == sneaky


def test_status_labels_carry_words_and_symbols():
    for status in actions.STATUSES:
        label = actions.status_label(status)
        word, symbol, _ = actions.STATUS_STYLE[status]
        assert word in label and symbol in label
