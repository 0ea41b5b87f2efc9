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


def save_group(store: Store, name: str, area_codes: list[str], saved_by: str) -> int:
    """Save (or replace) a named group; returns its id. Bad input changes nothing."""
    name = " ".join((name or "").split())
    if not name:
        raise GroupError("Give the group a name.")
    if len(name) > MAX_NAME:
        raise GroupError(f"The name is {len(name)} characters long; keep it to {MAX_NAME} or fewer.")
    codes = sorted(set(area_codes))
    if len(codes) < 2:
        raise GroupError("A comparison group needs at least 2 areas.")
    known = set(store.sql("select area_code from areas")["area_code"])
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise GroupError(f"Unknown area code(s): {', '.join(unknown)}.")
    g, m = comparison_groups, comparison_group_members
    with records.writing(records.engine_for(store)) as conn:
        now = dt.datetime.now()
        group_id = conn.execute(sa.select(g.c.group_id).where(g.c.group_name == name)).scalar()
        if group_id is not None:
            conn.execute(sa.delete(m).where(m.c.group_id == group_id))
            conn.execute(sa.update(g).where(g.c.group_id == group_id).values(saved_by=saved_by, saved_at=now))
        else:
            group_id = conn.execute(sa.insert(g).values(group_name=name, saved_by=saved_by, saved_at=now)
                                    .returning(g.c.group_id)).scalar_one()
        conn.execute(sa.insert(m), [{"group_id": group_id, "area_code": c} for c in codes])
    return int(group_id)


def delete_group(store: Store, group_id: int) -> None:
    g, m = comparison_groups, comparison_group_members
    with records.writing(records.engine_for(store)) as conn:
        conn.execute(sa.delete(m).where(m.c.group_id == int(group_id)))
        conn.execute(sa.delete(g).where(g.c.group_id == int(group_id)))
