"""The definitions page: the indicator catalogue, searched, each indicator's definition in words."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.figures import catalogue
from dashboard.figures.catalogue import Domain, Indicator

INTERVALS = {"proportion": "Wilson score", "rate": "Byar (exact Poisson below 10 events)",
             "median": "order statistics"}


def intro() -> str:
    cat = catalogue.load()
    return (f"The dashboard has {len(cat.indicators)} indicators in {len(cat.domains)} domains. "
            "Each is worked out the same way for every area and year from the data named below.")


@dataclass(frozen=True)
class Definitions:
    found: list[tuple[Domain, list[Indicator]]]      # each domain with the indicators that match

    @property
    def count(self) -> int:
        return sum(len(members) for _, members in self.found)


def definitions(search: str) -> Definitions:
    """The catalogue's domains and indicators whose words hold every word searched for."""
    cat = catalogue.load()
    words = [w for w in search.lower().split() if w]
    found = []
    for domain in cat.domains:
        members = [ind for ind in cat.in_domain(domain.id)
                   if all(w in " ".join([ind.id, ind.name, ind.definition, ind.numerator, ind.denominator,
                                         ind.source_dataset, ind.caveats, domain.name]).lower() for w in words)]
        if members:
            found.append((domain, members))
    return Definitions(found)


def details(ind: Indicator) -> str:
    """An indicator's definition as a Markdown list."""
    return (
        f"- **Definition:** {ind.definition}\n"
        f"- **Counted (numerator):** {ind.numerator}\n"
        f"- **Out of (denominator):** {ind.denominator}\n"
        f"- **Unit:** {ind.unit.replace('_', ' ')}; **{ind.polarity_words}**\n"
        f"- **Interval:** {INTERVALS[ind.kind]}, 95% and 99.8%\n"
        f"- **Source dataset:** {ind.source_dataset}\n"
        f"- **In easy read:** {ind.easy_read_name}\n"
        f"- **Caveats:** {ind.caveats}\n"
        f"- **Id (for links):** `{ind.id}`; **query:** `queries/{ind.query}.sql`"
    )
