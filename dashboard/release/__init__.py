"""The release layer: the only code that applies disclosure rules (README "How figures are counted").

Once per data version, the writer (``dashboard.data.build``, the importers' commit and undo, saving a
named group) calls :func:`materialise`, which works out every cell a viewer may see (indicator
figures per area, region, comparison group, all areas and England per year; benchmarks; splits
by group) and stores them in the DuckDB table ``release_cells`` keyed by the data version.
Pages read ready cells (:func:`figures`, :func:`splits`); a serving process never writes.

- ``rules``: the thresholds and rounding (one place);
- ``protect``: secondary suppression over relations, and small tables of counts;
- ``cells``: indicator cells and aggregates of councils;
- ``bygroup``: indicators split by age band, support reason and mechanism of delivery.
"""

from __future__ import annotations

import logging
import threading
import weakref

import pandas as pd

from dashboard.release import cells, rules
from dashboard.release.rules import SECONDARY_TEXT, SUPPRESSED_TEXT, cell_text, not_shown, shown_values  # noqa: F401  (re-exported)

log = logging.getLogger("dashboard")

TABLE = "release_cells"
SPLITS_TABLE = "release_splits"
TABLES_PREFIX = "release_table_"  # one per theme table (``tables.BUILDERS``)
STAMPS = "release_stamps"  # stored table -> the version its rows belong to (written with them)


def _saved_groups(store) -> pd.DataFrame | None:
    """Saved named groups (one row per member), from the records store (``dashboard.figures.groups``)."""
    from dashboard.figures.groups import named_groups

    return named_groups(store)


def compute(store, catalogue=None, raw_out: list | None = None, tables_out: dict | None = None,
            table_raw_out: dict | None = None) -> tuple[pd.DataFrame, dict]:
    """Every published indicator cell from the raw figures; (cells, group_key -> members).

    ``raw_out``, if given, receives the raw cells (for the audit in the tests only);
    ``tables_out`` the published theme tables (``tables``) and ``table_raw_out`` their raw rows."""
    from dashboard.figures.catalogue import load
    from dashboard.figures.indicators import compute_indicator

    catalogue = catalogue or load()
    published = store.query("published_ascof")
    areas = store.query("areas_in_data")
    groups = cells.aggregates(areas, _saved_groups(store))
    members = {cells.group_key(codes): codes for _, _, codes in groups}

    def group_median(indicator_id, codes, period):
        frame = store.query(catalogue[indicator_id].group_median_query, area_codes=codes, period=period)
        return frame.iloc[0] if len(frame) else None

    from dashboard.data import cld

    cld_figures = cld.ascof_3d(store)
    frames = []
    for indicator in catalogue.indicators:
        raw = compute_indicator(store, indicator, published, cld_figures)
        frames.append(cells.indicator_cells(indicator, raw, groups, group_median))
    raw = pd.concat(frames, ignore_index=True)
    if raw_out is not None:
        raw_out.append(raw)
    published = cells.protect_cells(raw, catalogue, members)
    from dashboard.release import tables as theme_tables

    built = theme_tables.compute(store, published, table_raw_out)
    if tables_out is not None:
        tables_out.update(built)
    return theme_tables.withhold_median_intervals(published, built), members


def _groups_stamp(store) -> str:
    """Changes whenever a named group is saved, replaced or deleted: the number of groups, of
    members, and the latest save (one small aggregate on the records store)."""
    import sqlalchemy as sa

    from dashboard.records import db as records
    from dashboard.records.board import comparison_group_members as m, comparison_groups as g

    members = sa.select(sa.func.count()).select_from(m).scalar_subquery()
    row = records.read_frame(store, sa.select(sa.func.count(g.c.group_id), members, sa.func.max(g.c.saved_at))).iloc[0]
    latest = "" if row.iloc[0] == 0 or row.iloc[2] is None else str(pd.Timestamp(row.iloc[2]))
    return f"{int(row.iloc[0])}:{int(row.iloc[1])}:{latest}"


_DATA_VERSIONS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # read-only store -> its data version


def data_version(store) -> str:
    """The store's data version (``Store.data_version``); a read-only snapshot never changes, so
    its version is read once."""
    if not getattr(store, "read_only", False):
        return store.data_version()
    try:
        return _DATA_VERSIONS[store]
    except (KeyError, TypeError):
        found = store.data_version()
        try:
            _DATA_VERSIONS[store] = found
        except TypeError:  # (not weak-referenceable: not cached)
            pass
        return found


def version(store) -> str:
    """The data version the cells belong to: the imports, and the saved comparison groups (a
    saved group is a new aggregate of councils)."""
    return f"{data_version(store)}|{_groups_stamp(store)}"


def tables_version(store, published: pd.DataFrame) -> str:
    """The version the theme tables belong to: the imports, and which councils' linked indicator
    cells are hidden (``tables.hidden_key``). Saved groups change the tables only through those
    cells (a group's total can hide a council's figure to protect another, and the table row
    that repeats it must then be hidden too), so saving a group that hides nothing new leaves the
    stored tables current."""
    from dashboard.release import tables as theme_tables

    return f"{data_version(store)}|{theme_tables.hidden_key(published)}"


def materialise(store) -> int:
    """The writer's step: store the published cells for the current data version."""
    built: dict = {}
    published, members = compute(store, tables_out=built)
    current = version(store)
    for_tables = tables_version(store, published)
    frame = published.assign(data_version=current)
    member_rows = pd.DataFrame([(k, c) for k, codes in members.items() for c in codes], columns=["group_key", "area_code"])
    from dashboard.release import bygroup as split_cells

    split_frame = split_cells.compute(store, published).assign(data_version=current)
    stored = [(TABLE, frame, current), ("release_group_members", member_rows, current),
              (SPLITS_TABLE, split_frame, current)]
    stored += [(TABLES_PREFIX + name, data.assign(data_version=for_tables), for_tables) for name, data in built.items()]
    stamps = pd.DataFrame([(name, stamp) for name, _, stamp in stored], columns=["table_name", "data_version"])
    cur = store.cursor()
    try:
        cur.execute("begin transaction")
        for name, data in [(n, d) for n, d, _ in stored] + [(STAMPS, stamps)]:
            cur.register("incoming", data)
            cur.execute(f"create or replace table {name} as select * from incoming")
            cur.unregister("incoming")
        cur.execute("commit")
    except Exception:
        cur.execute("rollback")
        raise
    finally:
        cur.close()
    _STATES.pop(store, None)
    return len(frame)


class _State:
    """What is current for one store at one version (cells and groups): read once, then kept
    (``_state``), so a page's many ``table`` calls check nothing again."""

    def __init__(self, store, current: str):
        self.version = current
        try:
            found = store.sql(f"select table_name, data_version from {STAMPS}")  # fixed name, no user input
            self.stamps = dict(zip(found["table_name"], found["data_version"]))
        except Exception:  # a database written before the stamps (or before this layer): nothing is current
            self.stamps = {}
        self._tables_version: str | None = None

    def current(self, table: str) -> bool:
        return self.stamps.get(table) == self.version

    def tables_current(self, store, name: str) -> bool:
        """The stored theme table belongs to the data version and to the hidden cells it was
        protected against (``tables_version``)."""
        stamp = self.stamps.get(TABLES_PREFIX + name)
        if stamp is None:
            return False
        if self.current(TABLE):  # written in the same transaction as this version's cells
            return True
        if self._tables_version is None:  # a group saved since the build: the cells are worked out in memory
            self._tables_version = tables_version(store, _in_memory(store, self.version)[0])
        return stamp == self._tables_version


def _builders():
    from dashboard.release import tables as theme_tables

    return theme_tables.BUILDERS


_STATES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # store -> {version: _State}
_STATES_LOCK = threading.Lock()


def _state(store) -> _State:
    """The store's ``_State`` for its current version: the stamps are read once per (snapshot,
    version), not per call."""
    current = version(store)
    try:
        with _STATES_LOCK:
            states = _STATES.setdefault(store, {})
            found = states.get(current)
    except TypeError:  # (not weak-referenceable: read each time)
        return _State(store, current)
    if found is None:
        found = _State(store, current)
        with _STATES_LOCK:
            states.clear()  # one version per store at a time
            states[current] = found
    return found


def is_current(store) -> bool:
    """True when the materialised cells (indicator cells, splits, theme tables) belong to the
    store's current data version."""
    state = _State(store, version(store))  # (the writer's check: read afresh)
    return state.current(TABLE) and state.current(SPLITS_TABLE) and all(
        state.tables_current(store, name) for name in _builders())


_IN_MEMORY: dict = {}  # (database, data version) -> (published cells, theme tables) worked out without writing
_IN_MEMORY_LOCK = threading.Lock()


def _in_memory(store, current: str | None = None) -> tuple[pd.DataFrame, dict]:
    """The published cells and theme tables worked out without writing, once per version."""
    current = current or version(store)
    key = (str(getattr(store, "path", id(store))), getattr(store, "snapshot_id", None), current)
    with _IN_MEMORY_LOCK:
        found = _IN_MEMORY.get(key)
    if found is None:
        built: dict = {}
        published = compute(store, tables_out=built)[0]
        found = (published, built)
        with _IN_MEMORY_LOCK:
            _IN_MEMORY.clear()  # one data version at a time
            _IN_MEMORY[key] = found
    return found


def table(store, name: str, area: str | None = None, period: str | None = None,
          areas: list[str] | None = None) -> pd.DataFrame:
    """A published theme table (``tables.BUILDERS``: levels, categories, agreement, ...) for one
    council (``area``) or several (``areas``), one year or all: the ready rows materialised by the
    writer, or (a database written before the tables were stored, or a saved group that hides a
    linked cell the stored tables show) worked out in memory."""
    if name not in _builders():
        raise KeyError(name)
    where, params = [], []
    if area is not None:
        where.append("area_code = ?")
        params.append(area)
    if areas is not None:
        where.append("list_contains(?, area_code)")
        params.append(list(areas))
    if period is not None:
        where.append("period = ?")
        params.append(period)
    stored = TABLES_PREFIX + name  # a fixed name from BUILDERS, no user input
    state = _state(store)
    if state.tables_current(store, name):
        sql = f"select * exclude (data_version) from {stored}" + (" where " + " and ".join(where) if where else "")
        frame = store.sql(sql, params)
    else:
        frame = _in_memory(store, state.version)[1][name]
        if frame.empty:
            return frame
        keep = pd.Series(True, index=frame.index)
        if area is not None:
            keep &= frame["area_code"] == area
        if areas is not None:
            keep &= frame["area_code"].isin(list(areas))
        if period is not None:
            keep &= frame["period"] == period
        frame = frame[keep]
    return frame.reset_index(drop=True)


def _table_current(store, table: str) -> bool:
    return _state(store).current(table)


def load(store) -> pd.DataFrame:
    """The published cells for the current data version: read from the database, or (a database
    written before this layer existed) worked out in memory without writing anything."""
    state = _state(store)
    if state.current(TABLE):
        return store.sql(f"select * exclude (data_version) from {TABLE}")
    log.info("release cells not materialised for this data version: working them out in memory")
    return _in_memory(store, state.version)[0]


def figures(store, catalogue=None):
    """The ``Figures`` every page reads: published cells only."""
    from dashboard.figures.catalogue import load as load_catalogue
    from dashboard.figures.indicators import Figures

    catalogue = catalogue or load_catalogue()
    frame = load(store)
    return Figures(frame, catalogue, store.query("areas_in_data"))


def splits(store, indicator_id: str, codes, period: str) -> pd.DataFrame:
    """Published splits by group for one area or aggregate of councils (see ``splits``)."""
    from dashboard.release import bygroup as split_cells

    key = split_cells.geography_key(codes)
    if _table_current(store, SPLITS_TABLE):
        frame = store.sql(f"select * exclude (data_version) from {SPLITS_TABLE}"
                          " where measure = ? and geography_key = ? and period = ?", [indicator_id, key, period])
    else:
        frame = split_cells.compute(store, load(store), only=(indicator_id, period))
        frame = frame[(frame["geography_key"] == key) & (frame["period"] == period) & (frame["measure"] == indicator_id)]
    return split_cells.shaped(frame)


NOT_FOR_PUBLICATION = "Exact figures: not for publication"


def exact_figures(store, area: str, period: str, catalogue=None) -> pd.DataFrame:
    """An area's exact (unrounded, unsuppressed) figures for one year, for a signed-in editor's
    own data page ONLY (the page checks ``auth``): marked "not for publication" in every row."""
    from dashboard.figures.catalogue import load as load_catalogue
    from dashboard.figures.indicators import compute_indicator

    catalogue = catalogue or load_catalogue()
    from dashboard.data import cld

    published = store.query("published_ascof")
    cld_figures = cld.ascof_3d(store)
    rows = []
    for indicator in catalogue.indicators:
        raw = compute_indicator(store, indicator, published, cld_figures)
        raw = raw[(raw["geography_level"] == "area") & (raw["geography_code"] == area) & (raw["period"] == period)]
        for r in raw.itertuples():
            rows.append({"Indicator": indicator.short_name, "Count": r.count, "Out of": r.base,
                         "Value": indicator.format_value(r.value), "Source": r.source,
                         "Status": NOT_FOR_PUBLICATION})
    return pd.DataFrame(rows, columns=["Indicator", "Count", "Out of", "Value", "Source", "Status"])
