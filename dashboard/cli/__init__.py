"""Command line: ``python -m dashboard --help``.

Each command lives in ``dashboard/cli/commands/<name>.py`` and declares itself as data: ``COMMAND``,
a :class:`Command` (name, help, description, arguments, and the name of the module's function that
runs it, called with the parsed arguments and returning the exit code; or subcommands).
:func:`add_command` is the one place that turns these into argparse parsers.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from dashboard.cli import commands


def argument(*flags: str, **options) -> tuple[tuple[str, ...], dict]:
    """One ``add_argument`` call as data: its flags and options."""
    return flags, options


# arguments several commands share
DB = argument("--db", type=Path, default=None, help="database file (default: DASHBOARD_DB or data/dashboard.duckdb)")
WAIT = argument("--wait", type=float, default=None, metavar="SECONDS",
                help="how long to wait for another import or undo to finish (default: DASHBOARD_WRITE_WAIT or 120)")


@dataclass(frozen=True)
class Command:
    """A command (or a subcommand under WHAT) as data."""

    name: str
    help: str
    description: str | None = None
    arguments: tuple = ()
    run: str = "run"  # the name of the module's function that runs it
    subcommands: tuple["Command", ...] = ()  # when given, the command itself prints its help (exit 2)


def add_command(subparsers, command: Command, module: ModuleType) -> argparse.ArgumentParser:
    options = {"help": command.help}
    if command.description is not None:
        options["description"] = command.description
    parser = subparsers.add_parser(command.name, **options)
    for flags, settings in command.arguments:
        parser.add_argument(*flags, **settings)
    if command.subcommands:
        kinds = parser.add_subparsers(dest="what", metavar="WHAT")
        for sub in command.subcommands:
            add_command(kinds, sub, module)
        parser.set_defaults(func=lambda args: parser.print_help() or 2)
    else:
        parser.set_defaults(func=getattr(module, command.run))
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Good Lives dashboard: build the database, make sample data, import and export.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"dashboard.cli.commands.{info.name}")
        add_command(subparsers, module.COMMAND, module)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except (FileExistsError, FileNotFoundError, ValueError, PermissionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a person reads this: one line, not a traceback
        from dashboard.data.store import StoreError

        if isinstance(exc, StoreError):
            print(f"error: {exc}", file=sys.stderr)
            return 2
        raise
