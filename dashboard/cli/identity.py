"""Who the command line acts for: ``--user NAME`` or the environment variable ``DASHBOARD_USER``.

The name is looked up in ``.streamlit/secrets.toml`` (``[dashboard.users.NAME]`` or
``[dashboard.accounts."e-mail"]``; another file with ``DASHBOARD_SECRETS``), and the same role
rule as on the pages applies (``dashboard.access``): an editor for Leeds imports and undoes only
Leeds's data. Without a name the command runs as the machine's operator, an administrator
(whoever can run it can already write the database file), recorded in the audit log as
"<login> (command line)". Scheduled imports on behalf of a council should name its user.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from pathlib import Path

from dashboard import config
from dashboard.access import ADMINISTRATOR, User, user_from_entry

USER_ENV = "DASHBOARD_USER"
SECRETS_ENV = "DASHBOARD_SECRETS"


def add_user_argument(parser) -> None:
    parser.add_argument("--user", default=None, metavar="NAME",
                        help=f"act as this user from secrets.toml (default: ${USER_ENV}; without either, the "
                        "machine's operator, an administrator)")


def secrets_path() -> Path:
    value = os.environ.get(SECRETS_ENV)
    return Path(value) if value else config.PROJECT_ROOT / ".streamlit" / "secrets.toml"


def _operator() -> str:
    try:
        return f"{getpass.getuser()} (command line)"
    except Exception:
        return "command line"


def command_line_user(name: str | None = None) -> User:
    """The ``User`` the command acts as; ``ValueError`` for a name not configured."""
    name = (name or os.environ.get(USER_ENV) or "").strip()
    if not name:
        return User(name=_operator(), role=ADMINISTRATOR, method="command line")
    path = secrets_path()
    try:
        section = tomllib.loads(path.read_text(encoding="utf-8")).get("dashboard", {})
    except FileNotFoundError:
        raise ValueError(f"--user {name}: there is no {path} to look the user up in") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path} could not be read: {exc}") from None
    users = dict(section.get("users", {}))
    accounts = {str(k).lower(): v for k, v in dict(section.get("accounts", {})).items()}
    entry = users.get(name) or accounts.get(name.lower())
    if entry is None:
        raise ValueError(f"--user {name}: no such user in {path} ([dashboard.users.{name}] or "
                         f'[dashboard.accounts."{name}"])')
    return user_from_entry(name, entry, "command line")
