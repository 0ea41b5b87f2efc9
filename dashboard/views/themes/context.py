"""What a theme page is about: the :class:`Theme` (its indicators) and the reader's
:class:`Context` (area, year and comparison group), which memoises the figures every panel reads."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.data.store import Store
from dashboard.figures import groups
from dashboard.figures.groups import Group
from dashboard.figures.indicators import Figures

# ------------------------------------------------------------------ groups of areas
# One comparison-group model for every page (``dashboard.figures.groups``): all areas, the same region,
# the same council type or a named group, the same ``group`` in the link as the comparison pages.


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    indicators: tuple[str, ...]  # in the order the key-figures table lists them; first is the headline



@dataclass
class Context:
    """What the reader chose: area, year and comparison group."""

    store: Store
    figs: Figures
    area: str
    period: str
    group: str | Group = "all"  # a ``dashboard.figures.groups`` key or the resolved Group
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def _cached(self, key, compute):
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def areas_for(self, indicator_id: str, period: str | None = None) -> pd.DataFrame:
        period = period or self.period
        return self._cached(("areas_for", indicator_id, period), lambda: self.figs.areas_for(indicator_id, period))

    def benchmark(self, indicator_id: str, period: str | None = None):
        period = period or self.period
        return self._cached(("benchmark", indicator_id, period), lambda: self.figs.benchmark(indicator_id, period))

    def figure(self, indicator_id: str, period: str | None = None):
        period = period or self.period
        return self._cached(("figure", indicator_id, period), lambda: self.figs.figure(indicator_id, self.area, period))

    @property
    def area_name(self) -> str:
        return self.figs.area_name(self.area)

    @property
    def comparison_group(self) -> Group:
        """The chosen group, resolved as the comparison pages resolve it (``groups.resolve``)."""
        if isinstance(self.group, Group):
            return self.group

        def resolve():
            saved = groups.named_groups(self.store) if str(self.group).startswith(groups.NAMED_PREFIX) else \
                pd.DataFrame(columns=["group_id", "group_name", "area_code"])
            return groups.resolve(str(self.group), self.figs.areas, saved, self.area)

        return self._cached(("group",), resolve)

    @property
    def group_areas(self) -> pd.DataFrame:
        areas = self.figs.areas
        return areas[areas["area_code"].isin(self.comparison_group.codes)]

    @property
    def group_codes(self) -> list[str]:
        return list(self.group_areas["area_code"])

    @property
    def group_label(self) -> str:
        """'all areas in the data', 'areas in Yorkshire and The Humber', 'Metropolitan District councils'."""
        group = self.comparison_group
        if group.key == groups.REGION:
            return f"areas in {group.label}"
        return group.words

    def recent_periods(self, years: int) -> list[str]:
        """The chosen year and up to ``years - 1`` years before it (years in the data)."""
        periods = [p for p in self.figs.periods() if p <= self.period]
        return periods[-years:] if periods else [self.period]

    @property
    def previous_period(self) -> str | None:
        periods = self.figs.periods()
        if self.period in periods:
            i = periods.index(self.period)
            return periods[i - 1] if i > 0 else None
        return None
