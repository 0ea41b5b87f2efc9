"""Problems found in an import file, in plain words: file, row, column, value, expected.

Problems are kept in groups (one group per file, column and kind of problem) with a count and
the first few rows, so a 200,000-row file with every row wrong still gives a short, readable
report. The Data page and the command line print the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXAMPLES_KEPT = 10  # rows remembered per group
EXAMPLES_SHOWN = 5  # rows printed per group
HIDDEN = "(hidden: a person identifier)"


@dataclass
class ProblemGroup:
    file: str
    column: str | None  # the column as named in the file, or None for the whole file
    what: str  # what is wrong, e.g. "is not a whole number"
    expected: str  # what was expected, in plain words
    rows: list[int] = field(default_factory=list)  # spreadsheet row numbers (header is row 1)
    values: list[str] = field(default_factory=list)
    count: int = 0

    def lines(self, shown: int = EXAMPLES_SHOWN) -> list[str]:
        """One line per example: file, row, column, value and what was expected."""
        out = []
        for row, value in list(zip(self.rows, self.values))[:shown]:
            where = f"{self.file}, row {row}" if row else self.file
            if self.column:
                where += f', column "{self.column}"'
            shown_value = f'"{value}"' if value != HIDDEN else value
            out.append(f"{where}: value {shown_value} {self.what}; expected {self.expected}.")
        if not self.rows:  # a problem with the whole file
            where = self.file + (f', column "{self.column}"' if self.column else "")
            out.append(f"{where}: {self.what}; expected {self.expected}.")
        return out

    @property
    def title(self) -> str:
        where = f'Column "{self.column}" of {self.file}' if self.column else self.file
        if self.count and self.rows:
            rows = "1 row" if self.count == 1 else f"{self.count:,} rows"
            return f"{where}: {rows} where the value {self.what}"
        return f"{where}: {self.what}"


class Problems:
    """Collects problem groups while a file is read and checked."""

    def __init__(self) -> None:
        self.groups: dict[tuple, ProblemGroup] = {}
        self.notes: list[str] = []  # things the user should know that do not stop the import

    def add(self, file: str, column: str | None, what: str, expected: str,
            rows=(), values=(), count: int | None = None) -> None:
        key = (file, column, what)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = ProblemGroup(file, column, what, expected)
        rows, values = list(rows), [str(v) for v in values]
        room = EXAMPLES_KEPT - len(group.rows)
        if room > 0:
            group.rows.extend(int(r) for r in rows[:room])
            group.values.extend(values[:room])
        group.count += count if count is not None else max(len(rows), 1)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def __len__(self) -> int:
        return sum(g.count for g in self.groups.values())

    def summary(self) -> str:
        n, g = len(self), len(self.groups)
        kinds = "1 kind of problem" if g == 1 else f"{g} kinds of problem"
        found = "1 problem" if n == 1 else f"{n:,} problems"
        return f"Nothing was imported: {found} found ({kinds}). Correct the file and try again."

    def text(self) -> str:
        """The whole report as plain text (the command line prints this)."""
        out = [self.summary()]
        for group in self.groups.values():
            out.append("")
            out.append(group.title + ".")
            out.append(f"  Expected: {group.expected}.")
            for line in group.lines():
                out.append("  " + line)
            if group.count > min(len(group.rows), EXAMPLES_SHOWN) and group.rows:
                out.append(f"  … and {group.count - min(len(group.rows), EXAMPLES_SHOWN):,} more rows like these.")
        return "\n".join(out)


class ImportRefused(Exception):
    """Raised when a file cannot be imported; carries every problem found."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(problems.text())


def refuse(file: str, what: str, expected: str, column: str | None = None) -> ImportRefused:
    """A problem with the whole file (not a spreadsheet, empty, too big...)."""
    problems = Problems()
    problems.add(file, column, what, expected, count=1)
    return ImportRefused(problems)
