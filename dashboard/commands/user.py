"""``python -m dashboard user hash``: make a password hash for a named user in secrets.toml."""

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
    parser.add_argument("--role", choices=["editor", "viewer"], default="editor")
    parser.set_defaults(func=run)


def run(args) -> int:
    from dashboard.auth import hash_password

    if not re.fullmatch(r"[A-Za-z0-9_-]{2,40}", args.name):
        raise ValueError("the user name must be 2 to 40 letters, digits, _ or -")
    password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass("Password: ")
    if len(password) < 10:
        raise ValueError("the password must be at least 10 characters")
    print(f"[dashboard.users.{args.name}]")
    print(f'password_hash = "{hash_password(password)}"')
    print(f'role = "{args.role}"')
    return 0
