"""``python -m dashboard user hash NAME --role editor --area E08000035``: the secrets.toml entry for a
named user (a bcrypt hash of the password, the role and an editor's councils)."""

from __future__ import annotations

import getpass
import re
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "user",
        help="make the secrets.toml entry for a named user (editor or viewer)",
        description="Print the lines to add to .streamlit/secrets.toml for a named user. The password "
        "is read from standard input (or asked for) and only its bcrypt hash is printed.",
    )
    parser.add_argument("action", choices=["hash"], help="hash: print the entry for a user")
    parser.add_argument("name", help="user name (letters, digits, _ or -)")
    parser.add_argument("--role", choices=["editor", "administrator", "viewer"], default="editor")
    parser.add_argument("--area", action="append", default=[], metavar="CODE",
                        help="a council the editor edits (ONS code, e.g. E08000035); repeat for more")
    parser.set_defaults(func=run)


def run(args) -> int:
    from dashboard.access import hash_password

    if not re.fullmatch(r"[A-Za-z0-9_-]{2,40}", args.name):
        raise ValueError("the user name must be 2 to 40 letters, digits, _ or -")
    areas = [a.strip().upper() for a in args.area]
    bad = [a for a in areas if not re.fullmatch(r"E\d{8}", a)]
    if bad:
        raise ValueError(f"--area {', '.join(bad)}: give a council's ONS code, e.g. E08000035")
    if args.role == "editor" and not areas:
        raise ValueError("an editor edits named councils: add --area CODE (one or more), or --role administrator")
    password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass("Password: ")
    if len(password) < 10:
        raise ValueError("the password must be at least 10 characters")
    print(f"[dashboard.users.{args.name}]")
    print(f'password_hash = "{hash_password(password)}"')
    print(f'role = "{args.role}"')
    if args.role == "editor":
        print("areas = [" + ", ".join(f'"{a}"' for a in areas) + "]")
    return 0
