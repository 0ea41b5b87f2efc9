"""The "you said, we did" page: an area's actions (open, in progress, completed), counted and
tabled (owners and who recorded them for editors of the council only), and recording or updating
one (the role rule checked against the action's own council, the outcome logged)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import access
from dashboard.figures import exports
from dashboard.meeting import actions
from dashboard.meeting.actions import COMPLETED, IN_PROGRESS, MAX_SHORT, MAX_TEXT, OPEN, STATUSES, status_label
from dashboard.records import audit

__all__ = ["COMPLETED", "IN_PROGRESS", "MAX_SHORT", "MAX_TEXT", "OPEN", "STATUSES", "STATUS_FILTERS", "ActionsView",
           "actions_view", "record", "status_label", "update"]

STATUS_FILTERS = {"all": "All actions", "todo": "Still to do (open or in progress)", "completed": "Completed"}
EMPTY = {"all": "No actions are", "todo": "No actions are still to do", "completed": "No actions are completed"}


def _date(value) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return "–"
    return f"{value.day} {value:%b %Y}"


def action_table(frame: pd.DataFrame, catalogue) -> pd.DataFrame:
    names = {i.id: i.short_name for i in catalogue.indicators}
    return pd.DataFrame({
        "No.": frame["action_id"],
        "You said": frame["raised"],
        "We did / we will": frame["action"],
        "Owner": frame["owner"],
        "Due": [_date(d) + (" (overdue)" if o else "") for d, o in zip(frame["due_date"], frame["overdue"])],
        "Status": [actions.status_label(s) for s in frame["status"]],
        "About": [names.get(i, "General") if i else "General" for i in frame["indicator_id"]],
        "Recorded": [f"{who}, {_date(when)}" for who, when in zip(frame["recorded_by"], frame["recorded_at"])],
        "Completed": [_date(d) for d in frame["completed_at"]],
    })


@dataclass(frozen=True)
class ActionsView:
    everything: pd.DataFrame            # every action of the area (the update form lists them)
    counts: list[tuple[str, int]]       # (label, number): open, in progress, completed, past due
    table: pd.DataFrame                 # the actions shown, as the user may see them
    empty: str                          # said instead of the table when nothing is shown

    def csv_bytes(self) -> bytes:
        return exports.to_csv(self.table)


def actions_view(store, figs, area: str, area_name: str, which: str, user: access.User | None) -> ActionsView:
    everything = actions.list_actions(store, area)
    counts = actions.summary(everything)
    numbers = [(actions.status_label(actions.OPEN), counts["open"]),
               (actions.status_label(actions.IN_PROGRESS), counts["in progress"]),
               (actions.status_label(actions.COMPLETED), counts["completed"]),
               ("⚠ Past due date", counts["overdue"])]
    if which == "todo":
        shown = everything[everything["status"] != actions.COMPLETED]
    elif which == "completed":
        shown = everything[everything["status"] == actions.COMPLETED]
    else:
        shown = everything
    empty = (f"{EMPTY[which]} recorded for {area_name} yet." if which == "all" else f"{EMPTY[which]} for {area_name}.")
    table = access.staff_view(action_table(shown, figs.catalogue), user, area) if len(shown) else pd.DataFrame()
    return ActionsView(everything, numbers, table, empty)


def _action_areas(store, action_id: int) -> list[str]:
    """The council an action belongs to (the rule is checked against it, not the page's choice)."""
    frame = actions.list_actions(store)
    return sorted(set(frame.loc[frame["action_id"] == int(action_id), "area_code"]))


def record(store, user: access.User | None, area: str, indicator_id, raised, action, owner, due,
           status) -> tuple[bool, str]:
    """Record an action: (saved, what to tell the user)."""
    try:
        with audit.act(user, "record action", [area], f"record an action for {area}") as note:
            number = actions.record_action(store, area, indicator_id or None, raised, action, owner, due, status,
                                           user.name)
            note.append(f"action {number}")
    except (actions.ActionError, access.Refused) as exc:
        return False, f"Not saved: {exc}"
    return True, f"Recorded action {number}. It shows in the meeting and the packs."


def update(store, user: access.User | None, number: int, status, owner, done) -> tuple[bool, str]:
    """Update an action's status, owner or what was done: (saved, what to tell the user)."""
    try:
        with audit.act(user, "update action", _action_areas(store, number), f"update action {number}",
                       detail=f"action {number}: status {status}"):
            actions.update_action(store, number, user.name, status=status, owner=owner or None, action=done or None)
    except (actions.ActionError, access.Refused) as exc:
        return False, f"Not saved: {exc}"
    return True, f"Updated action {number}: {actions.status_label(status)}."
