"""Command line: ``python -m dashboard --help``.

Each command lives in ``dashboard/cli/commands/<name>.py`` with ``register(subparsers)``, which adds
its parser and sets ``func`` (called with the parsed arguments; returns the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from dashboard.cli import commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Good Lives dashboard: build the database, make sample data, import and export.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"dashboard.cli.commands.{info.name}")
        module.register(subparsers)
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
