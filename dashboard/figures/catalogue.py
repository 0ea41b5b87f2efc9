"""The indicator catalogue (``catalogue.toml``): one entry per indicator, grouped by domain."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

CATALOGUE_FILE = Path(__file__).with_name("catalogue.toml")

KINDS = {"proportion", "rate", "median"}
UNITS = {"percent": "%", "per_100": " per 100", "per_1000": " per 1,000", "days": " days"}
POLARITIES = {"high_good", "low_good", "none"}
#: the theme pages (key -> the domain whose indicators come first on it)
THEMES = {"direct-payments": "direct_payments", "collaboration": "collaboration", "coproduction": "coproduction"}
FIXED_IDS = ["control", "choice", "direct_payments", "self_directed_support", "social_contact", "information", "satisfaction"]


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    easy_read_name: str
    description: str


@dataclass(frozen=True)
class Indicator:
    id: str
    domain: str
    name: str
    short_name: str
    easy_read_name: str
    easy_read_sentence: str
    definition: str
    numerator: str
    denominator: str
    kind: str
    unit: str
    polarity: str
    source_dataset: str
    query: str
    caveats: str
    narrative: str = ""
    multiplier: float = 100.0
    ascof_codes: tuple[str, str] | None = None  # published measure group up to 2022-23, from 2023-24
    headline: bool = False
    icon: str | None = None
    split_query: str | None = None
    split_measure: str | None = None  # the split query's ``measure`` for it (default: its id)
    themes: tuple[str, ...] = ()  # the theme pages that show it
    median_group_query: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def group_median_query(self) -> str | None:
        """A median's query over a group of areas together (``$area_codes``, ``$period``; one
        row: base, value and the interval bounds): ``median_group_query`` if the entry names one,
        else ``group_median_<id>``. None for proportions and rates (their groups add up)."""
        if self.kind != "median":
            return None
        return self.median_group_query or f"group_median_{self.id}"

    @property
    def split_key(self) -> str:
        """The ``measure`` of the split query's rows that are this indicator's."""
        return self.split_measure or self.id

    @property
    def polarity_words(self) -> str:
        return {"high_good": "Higher is better", "low_good": "Lower is better", "none": "Neither higher nor lower is better"}[self.polarity]

    @property
    def unit_suffix(self) -> str:
        return UNITS[self.unit]

    def format_value(self, value: float | None) -> str:
        """A figure in its unit: '78.4%', '3.1 per 100', '21 days'."""
        if value is None or value != value:
            return "–"
        if self.unit == "days":
            return f"{value:,.0f} days"
        return f"{round_half_up(value, 1):,}{self.unit_suffix}"


def round_half_up(value: float, places: int = 1) -> Decimal:
    """Round as NHS England's SQL Server ``ROUND`` and its publications do: half away from zero,
    on the decimal the number is written as (79.05 -> 79.1, where float formatting gives 79.0)."""
    step = Decimal(1).scaleb(-places)
    return Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Catalogue:
    domains: tuple[Domain, ...]
    indicators: tuple[Indicator, ...]

    def __getitem__(self, indicator_id: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)

    def __contains__(self, indicator_id: str) -> bool:
        return any(i.id == indicator_id for i in self.indicators)

    @property
    def ids(self) -> list[str]:
        return [i.id for i in self.indicators]

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.domains if d.id == domain_id)

    def in_domain(self, domain_id: str) -> list[Indicator]:
        return [i for i in self.indicators if i.domain == domain_id]

    def in_theme(self, theme_key: str) -> list[Indicator]:
        """A theme page's indicators: its own domain's first, each part in the catalogue's order
        (the first is the page's headline)."""
        members = [i for i in self.indicators if theme_key in i.themes]
        home = THEMES.get(theme_key)
        return [i for i in members if i.domain == home] + [i for i in members if i.domain != home]

    def headline(self, domain_id: str) -> Indicator:
        """The indicator shown on a domain's tile (the first marked headline, else the first)."""
        members = self.in_domain(domain_id)
        return next((i for i in members if i.headline), members[0])


_INDICATOR_FIELDS = set(Indicator.__dataclass_fields__) - {"extra"}


def load(path: Path | None = None) -> Catalogue:
    """The catalogue at ``path``, else ``config.catalogue_path()`` (``DASHBOARD_CATALOGUE`` or the
    shipped catalogue.toml); read once per file."""
    from dashboard import config

    return _load(Path(path) if path else config.catalogue_path())


@lru_cache(maxsize=4)
def _load(path: Path) -> Catalogue:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    domains = tuple(Domain(**d) for d in data["domain"])
    indicators = []
    for entry in data["indicator"]:
        known = {k: tuple(v) if k in ("ascof_codes", "themes") else v for k, v in entry.items() if k in _INDICATOR_FIELDS}
        extra = {k: v for k, v in entry.items() if k not in _INDICATOR_FIELDS}
        indicators.append(Indicator(**known, extra=extra))
    catalogue = Catalogue(domains=domains, indicators=tuple(indicators))
    validate(catalogue)
    return catalogue


def validate(catalogue: Catalogue) -> None:
    """Raise ValueError naming every entry that breaks the catalogue's rules."""
    problems = []
    domain_ids = {d.id for d in catalogue.domains}
    seen = set()
    for ind in catalogue.indicators:
        where = f"indicator {ind.id!r}"
        if ind.id in seen:
            problems.append(f"{where}: id used twice")
        seen.add(ind.id)
        if not ind.id.replace("_", "").isalnum() or ind.id != ind.id.lower():
            problems.append(f"{where}: id must be snake_case words")
        if ind.domain not in domain_ids:
            problems.append(f"{where}: unknown domain {ind.domain!r}")
        if ind.kind not in KINDS:
            problems.append(f"{where}: kind must be one of {sorted(KINDS)}")
        if ind.unit not in UNITS:
            problems.append(f"{where}: unit must be one of {sorted(UNITS)}")
        if ind.polarity not in POLARITIES:
            problems.append(f"{where}: polarity must be one of {sorted(POLARITIES)}")
        if ind.split_query and ind.kind != "proportion":
            problems.append(f"{where}: only a proportion can be split by group (split_query)")
        if ind.median_group_query and ind.kind != "median":
            problems.append(f"{where}: median_group_query is for medians only")
        if ind.ascof_codes is not None and (len(ind.ascof_codes) != 2
                                            or not all(isinstance(c, str) and c.isalnum() for c in ind.ascof_codes)):
            problems.append(f"{where}: ascof_codes must be two measure groups, up to 2022-23 and from 2023-24")
        for theme in ind.themes:
            if theme not in THEMES:
                problems.append(f"{where}: unknown theme {theme!r} (themes are {', '.join(THEMES)})")
        if ind.split_measure and not ind.split_query:
            problems.append(f"{where}: split_measure needs a split_query")
        if ind.kind == "proportion" and "{out_of_10}" not in ind.easy_read_sentence:
            problems.append(f"{where}: an easy-read sentence for a proportion needs {{out_of_10}}")
    for fixed in FIXED_IDS:
        if fixed not in seen:
            problems.append(f"indicator {fixed!r} is missing: links use this id")
    for domain in domain_ids:
        if not any(i.domain == domain for i in catalogue.indicators):
            problems.append(f"domain {domain!r} has no indicator")
    if problems:
        raise ValueError("catalogue.toml: " + "; ".join(problems))
