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

import pandas as pd

from dashboard.release import cells, rules
from dashboard.release.rules import SECONDARY_TEXT, SUPPRESSED_TEXT, cell_text, not_shown, shown_values  # noqa: F401  (re-exported)

log = logging.getLogger("dashboard")

TABLE = "release_cells"
SPLITS_TABLE = "release_splits"
TABLES_PREFIX = "release_table_"  # one per theme table (``tables.BUILDERS``)


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


def version(store) -> str:
    """The data version the cells belong to: the imports, and the saved comparison groups (a
    saved group is a new aggregate of councils)."""
    saved = _saved_groups(store)
    members = saved.dropna(subset=["area_code"])
    latest = "" if saved.empty else str(saved["saved_at"].max())
    groups = f"{saved['group_id'].nunique()}:{len(members)}:{latest}"
    return f"{store.data_version()}|{groups}"


def materialise(store) -> int:
    """The writer's step: store the published cells for the current data version."""
    built: dict = {}
    published, members = compute(store, tables_out=built)
    current = version(store)
    frame = published.assign(data_version=current)
    member_rows = pd.DataFrame([(k, c) for k, codes in members.items() for c in codes], columns=["group_key", "area_code"])
    from dashboard.release import bygroup as split_cells

    split_frame = split_cells.compute(store, published).assign(data_version=current)
    cur = store.cursor()
    try:
        cur.execute("begin transaction")
        stored = [(TABLE, frame), ("release_group_members", member_rows), (SPLITS_TABLE, split_frame)]
        stored += [(TABLES_PREFIX + name, data.assign(data_version=current)) for name, data in built.items()]
        for name, data in stored:
            cur.register("incoming", data)
            cur.execute(f"create or replace table {name} as select * from incoming")
            cur.unregister("incoming")
        cur.execute("commit")
    except Exception:
        cur.execute("rollback")
        raise
    finally:
        cur.close()
    return len(frame)


def is_current(store) -> bool:
    """True when the materialised cells (indicator cells, splits, theme tables) belong to the
    store's current data version."""
    from dashboard.release import tables as theme_tables

    return _table_current(store, TABLE) and _table_current(store, SPLITS_TABLE) and all(
        _table_current(store, TABLES_PREFIX + name) for name in theme_tables.BUILDERS)


_IN_MEMORY: dict = {}  # (database, data version) -> theme tables worked out without writing


def _tables_in_memory(store) -> dict:
    key = (str(getattr(store, "path", id(store))), version(store))
    if key not in _IN_MEMORY:
        built: dict = {}
        compute(store, tables_out=built)
        _IN_MEMORY.clear()  # one data version at a time
        _IN_MEMORY[key] = built
    return _IN_MEMORY[key]


def table(store, name: str, area: str | None = None, period: str | None = None,
          areas: list[str] | None = None) -> pd.DataFrame:
    """A published theme table (``tables.BUILDERS``: levels, categories, agreement, ...) for one
    council (``area``) or several (``areas``), one year or all: the ready rows materialised by the
    writer, or (a database written before the tables were stored) worked out in memory."""
    from dashboard.release import tables as theme_tables

    if name not in theme_tables.BUILDERS:
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
    if _table_current(store, stored):
        sql = f"select * exclude (data_version) from {stored}" + (" where " + " and ".join(where) if where else "")
        frame = store.sql(sql, params)
    else:
        frame = _tables_in_memory(store)[name]
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
    try:
        found = store.sql(f"select distinct data_version from {table}")  # fixed name, no user input
    except Exception:
        return False
    return list(found["data_version"]) == [version(store)]


def load(store) -> pd.DataFrame:
    """The published cells for the current data version: read from the database, or (a database
    written before this layer existed) worked out in memory without writing anything."""
    if _table_current(store, TABLE):
        return store.sql(f"select * exclude (data_version) from {TABLE}")
    log.info("release cells not materialised for this data version: working them out in memory")
    return compute(store)[0]


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
