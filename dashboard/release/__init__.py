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
from dashboard.release.rules import SECONDARY_TEXT, SUPPRESSED_TEXT  # noqa: F401  (re-exported)

log = logging.getLogger("dashboard")

TABLE = "release_cells"
SPLITS_TABLE = "release_splits"


def _saved_groups(store) -> pd.DataFrame | None:
    """Saved named groups (one row per member), from the records store (``dashboard.figures.groups``)."""
    from dashboard.figures.groups import named_groups

    return named_groups(store)


def compute(store, catalogue=None, raw_out: list | None = None) -> tuple[pd.DataFrame, dict]:
    """Every published indicator cell from the raw figures; (cells, group_key -> members).

    ``raw_out``, if given, receives the raw cells (for the audit in the tests only)."""
    from dashboard.figures.catalogue import load
    from dashboard.figures.indicators import compute_indicator

    catalogue = catalogue or load()
    published = store.query("published_ascof")
    areas = store.query("areas_in_data")
    groups = cells.aggregates(areas, _saved_groups(store))
    members = {cells.group_key(codes): codes for _, _, codes in groups}

    def group_median(indicator_id, codes, period):
        frame = store.query(f"group_median_{indicator_id}", area_codes=codes, period=period)
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
    return cells.protect_cells(raw, catalogue, members), members


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
    published, members = compute(store)
    current = version(store)
    frame = published.assign(data_version=current)
    member_rows = pd.DataFrame([(k, c) for k, codes in members.items() for c in codes], columns=["group_key", "area_code"])
    from dashboard.release import bygroup as split_cells

    split_frame = split_cells.compute(store, published).assign(data_version=current)
    cur = store.cursor()
    try:
        cur.execute("begin transaction")
        for name, data in ((TABLE, frame), ("release_group_members", member_rows), (SPLITS_TABLE, split_frame)):
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
    """True when the materialised cells belong to the store's current data version."""
    return _table_current(store, TABLE) and _table_current(store, SPLITS_TABLE)


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
