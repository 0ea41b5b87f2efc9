"""Comparison groups: which areas a view shows, and which areas a benchmark adds up.

Kinds (the ``group`` in a link): ``all`` (every area in the data), ``region`` (the chosen area's
region), ``council_type`` (councils of the chosen area's type) and ``named-<id>``: a named group
(for example a network's members) that an editor saved in the records store and anyone can pick.
The areas shown (``group``) and the group a benchmark is computed over (``benchmark=group`` with
``benchmark_group``) are chosen separately.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from dashboard import access
from dashboard.access import User
from dashboard.records import db as records
from dashboard.records.board import comparison_group_members, comparison_groups
from dashboard.data.store import Store

ALL, REGION, COUNCIL_TYPE = "all", "region", "council_type"
NAMED_PREFIX = "named-"
MAX_NAME = 80


class GroupError(ValueError):
    """A named group that cannot be saved: the message says why, in plain words."""


@dataclass(frozen=True)
class Group:
    key: str
    label: str  # "All areas in the data", "Yorkshire and The Humber", "Network: TLAP North"
    codes: tuple[str, ...]

    @property
    def words(self) -> str:
        """The label inside a sentence: 'all areas in the data', 'Yorkshire and The Humber'."""
        return self.label[0].lower() + self.label[1:] if self.key == ALL else self.label


GROUP_COLUMNS = ["group_id", "group_name", "saved_by", "saved_at", "area_code"]


def named_groups(store: Store) -> pd.DataFrame:
    """Saved groups: group_id, group_name, saved_by, saved_at, area_code (one row per member),
    in group name order. They live in the records store (``dashboard.records.board``)."""
    g, m = comparison_groups, comparison_group_members
    query = (sa.select(g.c.group_id, g.c.group_name, g.c.saved_by, g.c.saved_at, m.c.area_code)
             .select_from(g.outerjoin(m, g.c.group_id == m.c.group_id))
             .order_by(g.c.group_name, m.c.area_code))
    return records.read_frame(store, query)


def _area_row(areas: pd.DataFrame, area: str | None) -> pd.Series | None:
    match = areas[areas["area_code"] == area]
    return match.iloc[0] if len(match) else None


def group_options(areas: pd.DataFrame, saved: pd.DataFrame, area: str | None) -> dict[str, str]:
    """Every group a person can pick, key -> label, for the chosen area."""
    options = {ALL: "All areas in the data"}
    row = _area_row(areas, area)
    if row is not None:
        options[REGION] = f"Same region ({row['region_name']})"
        options[COUNCIL_TYPE] = f"Same council type ({row['council_type']})"
    for group_id, name in saved[["group_id", "group_name"]].drop_duplicates().itertuples(index=False):
        options[f"{NAMED_PREFIX}{int(group_id)}"] = f"Named group: {name}"
    return options


def resolve(key: str, areas: pd.DataFrame, saved: pd.DataFrame, area: str | None) -> Group:
    """The areas in group ``key`` (an unknown key is all areas)."""
    row = _area_row(areas, area)
    if key == REGION and row is not None:
        codes = areas.loc[areas["region_code"] == row["region_code"], "area_code"]
        return Group(key, row["region_name"], tuple(codes))
    if key == COUNCIL_TYPE and row is not None:
        codes = areas.loc[areas["council_type"] == row["council_type"], "area_code"]
        return Group(key, f"{row['council_type']} councils", tuple(codes))
    if key.startswith(NAMED_PREFIX):
        members = saved[saved["group_id"].astype(str) == key[len(NAMED_PREFIX):]]
        if len(members):
            known = set(areas["area_code"])
            codes = [c for c in members["area_code"].dropna() if c in known]
            return Group(key, str(members["group_name"].iloc[0]), tuple(sorted(codes)))
    return Group(ALL, "All areas in the data", tuple(areas["area_code"]))


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise GroupError("Give the group a name.")
    if len(name) > MAX_NAME:
        raise GroupError(f"The name is {len(name)} characters long; keep it to {MAX_NAME} or fewer.")
    return name


def _checked_write(store: Store, user: User | None, action: str, what: str, channel: str, change):
    """Run ``change(conn) -> (result, owner, areas, detail)`` in one write transaction of the
    records store, after ``access.require_group_change`` for the group's owner (which ``change``
    reads first, inside the transaction, through ``owner_of``). A refusal writes nothing; every
    outcome is in the audit log (logged after the transaction, which holds the write lock)."""
    from dashboard.records import audit

    refused = None
    with records.writing(records.engine_for(store)) as conn:
        def owner_of(owner: str | None, areas, doing: str | None = None) -> None:
            try:
                access.require_group_change(user, owner, doing or what)
            except access.Refused as exc:
                raise _Stop(exc, areas, doing or what) from None
        try:
            result, areas, detail = change(conn, owner_of)
        except _Stop as stop:
            refused, areas, detail = stop.refused, stop.areas, stop.doing
    url = records.records_url(getattr(store, "served_path", None) or store.path)  # the log beside the records
    if refused is not None:
        audit.record(action, user=user, outcome=audit.REFUSED, areas=areas, detail=f"{detail} — {refused}",
                     channel=channel, url=url)
        raise refused
    audit.record(action, user=user, areas=areas, detail=detail, channel=channel, url=url)
    return result


class _Stop(Exception):
    def __init__(self, refused: access.Refused, areas, doing: str):
        super().__init__(str(refused))
        self.refused, self.areas, self.doing = refused, list(areas), doing


def _members(conn, group_id: int) -> list[str]:
    m = comparison_group_members
    return [a for (a,) in conn.execute(sa.select(m.c.area_code).where(m.c.group_id == int(group_id)))]


def save_group(store: Store, name: str, area_codes: list[str], user: User | None, channel: str = "page") -> int:
    """Save a named group, or replace the areas of the group of that name; returns its id.

    Who may: ``access.require_group_change`` (a new group: any editor; an existing one: the
    editor who saved it or an administrator). Bad input or a refusal changes nothing; the save
    and any refusal are in the audit log. The group keeps the name of the editor who first saved
    it (its owner)."""
    name = _clean_name(name)
    codes = sorted(set(area_codes))
    if len(codes) < 2:
        raise GroupError("A comparison group needs at least 2 areas.")
    known = set(store.sql("select area_code from areas")["area_code"])
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise GroupError(f"Unknown area code(s): {', '.join(unknown)}.")
    g, m = comparison_groups, comparison_group_members

    def change(conn, owner_of):
        now = dt.datetime.now()
        found = conn.execute(sa.select(g.c.group_id, g.c.saved_by).where(g.c.group_name == name)).first()
        owner_of(found.saved_by if found else None, codes)
        if found is not None:
            group_id = found.group_id
            conn.execute(sa.delete(m).where(m.c.group_id == group_id))
            conn.execute(sa.update(g).where(g.c.group_id == group_id).values(saved_at=now))
        else:
            group_id = conn.execute(sa.insert(g).values(group_name=name, saved_by=user.name, saved_at=now)
                                    .returning(g.c.group_id)).scalar_one()
        conn.execute(sa.insert(m), [{"group_id": group_id, "area_code": c} for c in codes])
        verb = "replaced the areas of" if found is not None else "saved"
        return int(group_id), codes, f"{verb} named group {group_id} “{name}”, {len(codes)} areas"

    return _checked_write(store, user, "save group", f"save the group “{name}”", channel, change)


def rename_group(store: Store, group_id: int, new_name: str, user: User | None, channel: str = "page") -> None:
    """Rename a named group (its id, so its links, stay). Same rule as replacing it."""
    new_name = _clean_name(new_name)
    g = comparison_groups

    def change(conn, owner_of):
        found = conn.execute(sa.select(g.c.group_name, g.c.saved_by).where(g.c.group_id == int(group_id))).first()
        if found is None:
            raise GroupError("That group no longer exists.")
        owner_of(found.saved_by, _members(conn, group_id), f"rename the group “{found.group_name}”")
        clash = conn.execute(sa.select(g.c.group_id).where(g.c.group_name == new_name, g.c.group_id != int(group_id))).first()
        if clash is not None:
            raise GroupError(f"There is already a group called “{new_name}”.")
        conn.execute(sa.update(g).where(g.c.group_id == int(group_id)).values(group_name=new_name))
        return None, _members(conn, group_id), f"renamed named group {group_id} “{found.group_name}” to “{new_name}”"

    _checked_write(store, user, "rename group", f"rename named group {group_id}", channel, change)


def delete_group(store: Store, group_id: int, user: User | None, channel: str = "page") -> None:
    """Delete a named group. Same rule as replacing it; the deletion or refusal is logged."""
    g, m = comparison_groups, comparison_group_members

    def change(conn, owner_of):
        found = conn.execute(sa.select(g.c.group_name, g.c.saved_by).where(g.c.group_id == int(group_id))).first()
        if found is None:
            raise GroupError("That group no longer exists.")
        members = _members(conn, group_id)
        owner_of(found.saved_by, members, f"delete the group “{found.group_name}”")
        conn.execute(sa.delete(m).where(m.c.group_id == int(group_id)))
        conn.execute(sa.delete(g).where(g.c.group_id == int(group_id)))
        return None, members, f"deleted named group {group_id} “{found.group_name}”"

    _checked_write(store, user, "delete group", f"delete named group {group_id}", channel, change)
