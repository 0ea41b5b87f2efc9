"""Councils' own editors and the audit log: the role rule (``access``), the append-only log and
sign-in attempts (``records.audit``), and the command line acting as a named user (``--user``):
an editor for Leeds cannot import Kirklees rows, undo Kirklees's batch or change its actions,
and each refusal is in the audit log."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
import sqlalchemy as sa

from dashboard import access
from dashboard.meeting import actions
from dashboard.access import ADMINISTRATOR, EDITOR, VIEWER, Refused, User
from dashboard.access import hash_password
from dashboard.records import audit, db
from dashboard.data.store import Store
from tests.conftest import KIRKLEES, LEEDS, ROOT
from tests.unit.test_import_common import GOOD

LEEDS_EDITOR = User("asha", EDITOR, "password", frozenset({LEEDS}))
ADMIN = User("lead", ADMINISTRATOR, "password")


# ------------------------------------------------------------------ the role rule


def test_roles_from_secrets_entries():
    assert access.user_from_entry("asha", {"role": "editor", "areas": ["e08000035"]}, "password").areas == {LEEDS}
    assert access.user_from_entry("lead", {"role": "admin"}, "password").is_admin
    odd = access.user_from_entry("x", {"role": "superuser", "areas": [LEEDS]}, "password")
    assert odd.role == VIEWER and not odd.is_editor and not odd.areas
    no_areas = access.user_from_entry("y", {"role": "editor"}, "password")
    assert no_areas.is_editor and not no_areas.may_edit(LEEDS)


def test_an_editor_may_change_only_their_councils():
    access.require(LEEDS_EDITOR, [LEEDS], "import this file")
    access.require(ADMIN, [LEEDS, KIRKLEES, "E92000001"], "import this file")
    with pytest.raises(Refused) as refused:
        access.require(LEEDS_EDITOR, [LEEDS, KIRKLEES], "import kirklees.csv", {KIRKLEES: "Kirklees", LEEDS: "Leeds"})
    assert "E08000034 Kirklees" in str(refused.value) and refused.value.areas == [KIRKLEES]
    with pytest.raises(Refused):
        access.require(None, [LEEDS], "record an action")
    with pytest.raises(Refused):
        access.require(User("v", VIEWER), [LEEDS], "record an action")
    with pytest.raises(Refused):  # not one council's (a national file): administrators only
        access.require(LEEDS_EDITOR, [], "import the published ASCOF file")


def test_staff_names_and_notes_only_for_the_areas_editors():
    import pandas as pd

    frame = pd.DataFrame({"You said": ["x"], "Owner": ["Head of finance"], "Recorded by": ["asha"], "Note": ["n"]})
    for user in (None, User("v", VIEWER), User("kim", EDITOR, "password", frozenset({KIRKLEES}))):
        assert list(access.staff_view(frame, user, LEEDS).columns) == ["You said"]
        assert not access.sees_staff_details(user, LEEDS)
    assert list(access.staff_view(frame, LEEDS_EDITOR, LEEDS).columns) == list(frame.columns)
    assert list(access.staff_view(frame, ADMIN, KIRKLEES).columns) == list(frame.columns)


# ------------------------------------------------------------------ the audit log


@pytest.fixture
def records(tmp_path, monkeypatch):
    """A fresh SQLite records store beside a (notional) database file."""
    monkeypatch.delenv("DASHBOARD_RECORDS_URL", raising=False)
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "x.duckdb"))
    url = db.records_url()
    assert url == f"sqlite:///{tmp_path / 'x'}.records.sqlite"
    return url


def test_the_audit_log_is_append_only(records):
    audit.record("import", user=LEEDS_EDITOR, areas=[LEEDS], detail="batch 1")
    # no way in the module's API to change or remove an entry
    public = {n for n in dir(audit) if not n.startswith("_") and callable(getattr(audit, n))}
    assert not {n for n in public if any(w in n.lower() for w in ("update", "delete", "remove", "clear", "purge"))}
    engine = db.get_engine(records)
    for statement in ("update audit_log set actor = 'someone else'", "delete from audit_log"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(sa.text(statement))
    log = audit.read()
    assert list(log["actor"]) == ["asha"] and list(log["detail"]) == ["batch 1"]


def test_act_logs_done_refused_and_failed(records):
    with audit.act(LEEDS_EDITOR, "record action", [LEEDS], "record an action") as note:
        note.append("action 7")
    with pytest.raises(Refused):
        with audit.act(LEEDS_EDITOR, "record action", [KIRKLEES], "record an action for Kirklees"):
            raise AssertionError("the body must not run")
    with pytest.raises(ValueError):
        with audit.act(LEEDS_EDITOR, "undo", [LEEDS], "undo batch 3"):
            raise ValueError("There is no batch 3")
    log = audit.read()
    assert list(log["outcome"]) == [audit.FAILED, audit.REFUSED, audit.DONE]
    assert list(log["areas"]) == [LEEDS, KIRKLEES, LEEDS]
    assert "action 7" in log["detail"].iloc[2] and "There is no batch 3" in log["detail"].iloc[0]


def test_failed_sign_ins_are_slowed_locked_and_logged(records):
    assert audit.delay_after(0) == 0
    assert [audit.delay_after(n) for n in (1, 2, 3, 4, 5, 10)] == [0.5, 1, 2, 4, 8, 8]
    for _ in range(audit.MAX_FAILURES - 1):
        audit.record_sign_in("Asha", False, "password")
    assert audit.recent_failures("asha") == audit.MAX_FAILURES - 1 and not audit.locked_out("asha")
    audit.record_sign_in("asha", False, "password")
    assert audit.locked_out("ASHA") and not audit.locked_out("ben")
    audit.record_sign_in("asha", True, "password", user=LEEDS_EDITOR)
    assert audit.recent_failures("asha") == 0  # a success starts the count again
    log = audit.read()
    assert (log["action"] == "sign in").all() and list(log["outcome"]).count(audit.REFUSED) == audit.MAX_FAILURES
    assert log["outcome"].iloc[0] == audit.DONE


def test_audit_csv_is_formula_safe(records):
    audit.record("sign in", actor="=HYPERLINK(\"http://evil\")", outcome=audit.REFUSED, detail="@SUM(A1)")
    text = audit.csv_bytes().decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM" in text


# ------------------------------------------------------------------ the command line as a named user


def _secrets(tmp_path) -> str:
    path = tmp_path / "secrets.toml"
    path.write_text(
        f'[dashboard.users.asha]\npassword_hash = "{hash_password("a long password")}"\nrole = "editor"\n'
        f'areas = ["{LEEDS}"]\n')
    return str(path)


def breakdowns_file(tmp_path, name: str, councils: list[str]):
    """The good breakdowns file, its Wakefield rows given to ``councils`` in turn."""
    lines = (GOOD / "breakdowns.csv").read_text(encoding="utf-8").splitlines()
    body = [line.replace("Wakefield", councils[i % len(councils)], 1) for i, line in enumerate(lines[1:])]
    path = tmp_path / name
    path.write_text("\n".join([lines[0], *body]) + "\n", encoding="utf-8")
    return path


def _cli(*args, db, secrets, user="asha"):
    env = {**os.environ, "DASHBOARD_SECRETS": secrets, "DASHBOARD_PSEUDONYM_KEY": "test pseudonym key 0123456789"}
    env.pop("DASHBOARD_RECORDS_URL", None)
    if user:
        env["DASHBOARD_USER"] = user
    else:
        env.pop("DASHBOARD_USER", None)
    return subprocess.run([sys.executable, "-m", "dashboard", *args, "--db", str(db)], capture_output=True,
                          text=True, cwd=ROOT, env=env)


def test_cli_editor_for_leeds_cannot_touch_kirklees(db_copy, tmp_path):
    secrets = _secrets(tmp_path)
    url = db.records_url(db_copy)
    mixed = breakdowns_file(tmp_path, "mixed.csv", ["Leeds", "Kirklees"])
    refused = _cli("import", "breakdowns", str(mixed), "--replace", db=db_copy, secrets=secrets)
    assert refused.returncode == 4, refused.stderr
    assert "E08000034 Kirklees" in refused.stderr and "Nothing was changed" in refused.stderr

    leeds = breakdowns_file(tmp_path, "leeds.csv", ["Leeds"])
    done = _cli("import", "breakdowns", str(leeds), "--replace", db=db_copy, secrets=secrets)
    assert done.returncode == 0, done.stderr

    # Kirklees's batch (imported by the machine's operator, an administrator) cannot be undone by asha
    kirklees = breakdowns_file(tmp_path, "kirklees.csv", ["Kirklees"])
    admin = _cli("import", "breakdowns", str(kirklees), "--replace", db=db_copy, secrets=secrets, user=None)
    assert admin.returncode == 0, admin.stderr
    batch = int(admin.stdout.split("as batch ")[1].split()[0])
    undo = _cli("undo", str(batch), db=db_copy, secrets=secrets)
    assert undo.returncode == 4 and "E08000034" in undo.stderr

    store = Store(db_copy)
    try:
        kirklees_action = actions.record_action(store, KIRKLEES, None, "Raised in Kirklees", "Agreed", "Chair", None,
                                                "open", "kim")
    finally:
        store.close()
    update = _cli("action", "update", str(kirklees_action), "--status", "completed", db=db_copy, secrets=secrets)
    assert update.returncode == 4 and "E08000034" in update.stderr
    record = _cli("action", "record", "--area", KIRKLEES, "--raised", "x y z", "--action", "a b c", "--owner", "Chair",
                  db=db_copy, secrets=secrets)
    assert record.returncode == 4
    mine = _cli("action", "record", "--area", LEEDS, "--raised", "Buses late", "--action", "Ask the council",
                "--owner", "Chair", db=db_copy, secrets=secrets)
    assert mine.returncode == 0, mine.stderr

    store = Store(db_copy, read_only=True)
    try:
        assert actions.list_actions(store, KIRKLEES)["status"].tolist() == ["open"]  # unchanged
        assert set(store.sql("select distinct area_code from breakdowns where batch_id = ?", [batch])["area_code"]) \
            == {KIRKLEES}  # still there
    finally:
        store.close()

    log = audit.read(url=url)
    mine_log = log[log["actor"] == "asha"].iloc[::-1]  # oldest first
    assert [(r.action, r.outcome) for r in mine_log.itertuples()] == [
        ("import", "refused"), ("import", "done"), ("undo", "refused"), ("update action", "refused"),
        ("record action", "refused"), ("record action", "done")]
    assert (mine_log["channel"] == "command line").all()
    assert mine_log["areas"].tolist()[:5] == [KIRKLEES, LEEDS, KIRKLEES, KIRKLEES, KIRKLEES]
    operator = log[log["actor"] != "asha"]
    assert operator["action"].tolist() == ["import"] and operator["role"].tolist() == [ADMINISTRATOR]


def test_cli_unknown_user_is_refused(db_copy, tmp_path):
    result = _cli("undo", "1", db=db_copy, secrets=_secrets(tmp_path), user="mallory")
    assert result.returncode == 2 and "no such user" in result.stderr


# ------------------------------------------------------------------ named comparison groups


def test_named_group_rule():
    kim = User("kim", EDITOR, "password", frozenset({KIRKLEES}))
    nobody = User("nat", EDITOR, "password", frozenset())
    assert access.may_change_group(LEEDS_EDITOR, None) and access.may_change_group(kim, None)  # any editor: new
    assert access.may_change_group(LEEDS_EDITOR, "Asha")  # their own group (names match ignoring case)
    assert not access.may_change_group(kim, "asha")  # someone else's group
    assert access.may_change_group(ADMIN, "asha")
    for user in (None, User("v", VIEWER), nobody):
        assert not access.may_change_group(user, None)
    with pytest.raises(Refused, match="Only asha, who saved this group, or an administrator"):
        access.require_group_change(kim, "asha", "delete the group “North”")


def test_only_the_groups_owner_or_an_administrator_may_replace_rename_or_delete_it(db_copy, monkeypatch):
    """Refusals change nothing and are in the audit log, as are the changes."""
    from dashboard.figures import groups

    monkeypatch.delenv("DASHBOARD_RECORDS_URL", raising=False)
    kim = User("kim", EDITOR, "password", frozenset({KIRKLEES}))
    store = Store(db_copy, read_only=True)
    try:
        group_id = groups.save_group(store, "North network", [LEEDS, KIRKLEES], LEEDS_EDITOR)
        for attempt in (lambda: groups.save_group(store, "North network", [KIRKLEES, "E06000038"], kim),
                        lambda: groups.rename_group(store, group_id, "Kim's network", kim),
                        lambda: groups.delete_group(store, group_id, kim),
                        lambda: groups.save_group(store, "Viewer's", [LEEDS, KIRKLEES], User("v", VIEWER)),
                        lambda: groups.delete_group(store, group_id, None)):
            with pytest.raises(Refused):
                attempt()
        saved = groups.named_groups(store)
        assert list(saved["group_name"].unique()) == ["North network"]
        assert sorted(saved["area_code"]) == sorted([LEEDS, KIRKLEES]) and set(saved["saved_by"]) == {"asha"}
        log = audit.read(url=db.records_url(db_copy))  # the log beside the database the groups belong to
        refused = log[log["outcome"] == audit.REFUSED]
        assert list(refused["action"])[::-1] == ["save group", "rename group", "delete group", "save group",
                                                 "delete group"]
        assert list(refused["actor"])[::-1] == ["kim", "kim", "kim", "v", "not signed in"]
        assert "Only asha, who saved this group" in refused["detail"].iloc[-1]
        assert f"{KIRKLEES}, {LEEDS}" in set(refused["areas"])

        kim_group = groups.save_group(store, "Kirklees neighbours", [KIRKLEES, "E06000038"], kim)  # a new one: fine
        groups.rename_group(store, group_id, "North and West", LEEDS_EDITOR)  # the owner
        groups.save_group(store, "Kirklees neighbours", [KIRKLEES, LEEDS], ADMIN)  # an administrator, any group
        groups.delete_group(store, kim_group, ADMIN)
        assert list(groups.named_groups(store)["group_name"].unique()) == ["North and West"]
        done = audit.read(url=db.records_url(db_copy))
        done = done[done["outcome"] == audit.DONE]
        assert list(done["action"][:4])[::-1] == ["save group", "rename group", "save group", "delete group"]
        assert "renamed named group" in done["detail"].iloc[2] and "“North and West”" in done["detail"].iloc[2]
    finally:
        store.close()
