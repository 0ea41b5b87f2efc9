"""``python -m dashboard action record|update ... [--user NAME]``: "you said, we did" actions from
the command line (for scripts), under the same role rule as the page: an editor records and
updates actions only for their councils; every change and refusal is in the audit log.

Exit status: 0 saved; 1 bad input (the message names the field); 4 not allowed for ``--user``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dashboard import config


def register(subparsers) -> None:
    from dashboard.cli.identity import add_user_argument

    parser = subparsers.add_parser(
        "action", help="record or update a 'you said, we did' action",
        description="Record or update a board's 'you said, we did' action, as on the You said, we did page.")
    kinds = parser.add_subparsers(dest="what", metavar="WHAT")
    record = kinds.add_parser("record", help="record a new action for a council")
    record.add_argument("--area", required=True, help="ONS code of the council, e.g. E08000035")
    record.add_argument("--raised", required=True, help="what self-advocates and families raised (you said)")
    record.add_argument("--action", required=True, dest="agreed", help="the action agreed (we will)")
    record.add_argument("--owner", required=True, help="who owns it (a role)")
    record.add_argument("--due", default=None, help="due date, YYYY-MM-DD")
    record.add_argument("--indicator", default=None, help="indicator id it is about (optional)")
    update = kinds.add_parser("update", help="change an action's status, owner or text")
    update.add_argument("number", type=int, help="the action's number")
    update.add_argument("--status", default=None, help="open, in progress or completed")
    update.add_argument("--owner", default=None)
    update.add_argument("--action", default=None, dest="agreed", help="what was done (we did)")
    for sub in (record, update):
        sub.add_argument("--db", type=Path, default=None,
                         help="database file (default: DASHBOARD_DB or data/dashboard.duckdb)")
        add_user_argument(sub)
    record.set_defaults(func=run_record)
    update.set_defaults(func=run_update)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def _open(args):
    from dashboard.cli.identity import command_line_user
    from dashboard.records import db
    from dashboard.data.store import Store

    path = Path(args.db or config.database_path())
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: build it first with python -m dashboard init")
    return command_line_user(args.user), Store(path), db.records_url(path)


def run_record(args) -> int:
    from dashboard.meeting import actions

    user, store, url = _open(args)
    area = args.area.strip().upper()
    saved = []

    def body(note) -> None:
        saved.append(actions.record_action(store, area, args.indicator, args.raised, args.agreed, args.owner,
                                           args.due, actions.OPEN, user.name))
        note.append(f"action {saved[0]}")

    code = _guarded(user, store, url, "record action", [area], f"record an action for {area}", body)
    if code == 0:
        print(f"Recorded action {saved[0]} for {area}.")
    return code


def run_update(args) -> int:
    from dashboard.meeting import actions

    user, store, url = _open(args)
    frame = actions.list_actions(store)
    areas = sorted(set(frame.loc[frame["action_id"] == args.number, "area_code"]))

    def body(note) -> None:
        actions.update_action(store, args.number, user.name, status=args.status, owner=args.owner, action=args.agreed)

    code = _guarded(user, store, url, "update action", areas, f"update action {args.number}", body,
                    detail=f"action {args.number}: status {args.status}")
    if code == 0:
        print(f"Updated action {args.number}.")
    return code


def _guarded(user, store, url, action: str, areas: list[str], what: str, body, detail: str = "") -> int:
    """Run ``body`` under the role rule, logged; the exit status (0, 1 bad input, 4 not allowed)."""
    from dashboard.meeting import actions
    from dashboard.access import Refused
    from dashboard.data.importers.batches import area_names
    from dashboard.records import audit

    try:
        with audit.act(user, action, areas, what, channel=audit.COMMAND_LINE, names=area_names(store), url=url,
                       detail=detail) as note:
            body(note)
    except Refused as refused:
        print(f"Not allowed: {refused}", file=sys.stderr)
        return 4
    except actions.ActionError as exc:
        print(f"Not saved: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0
