"""Person identifiers are replaced at import by a keyed hash (HMAC-SHA256); never stored raw.

The key comes from the environment variable ``DASHBOARD_PSEUDONYM_KEY`` or from Streamlit
secrets (``.streamlit/secrets.toml``)::

    [dashboard]
    pseudonym_key = "..."   # python -c "import secrets; print(secrets.token_hex(32))"

Keep the same key for every import: the same person then gets the same code each quarter, so
records can be linked over time without anyone's identifier being stored. Without a key,
person-level data is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import tomllib
from pathlib import Path

import pandas as pd

from dashboard import config

ENV = "DASHBOARD_PSEUDONYM_KEY"
MIN_LENGTH = 16
HOW_TO_SET = (
    f'set the environment variable {ENV}, or add pseudonym_key = "..." under [dashboard] in '
    ".streamlit/secrets.toml (at least 16 characters; make one with: python -c \"import secrets; "
    'print(secrets.token_hex(32))"). Keep the same key for every import'
)


def _from_secrets_files() -> str | None:
    for path in (config.PROJECT_ROOT / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"):
        try:
            value = tomllib.loads(path.read_text()).get("dashboard", {}).get("pseudonym_key")
        except (OSError, tomllib.TOMLDecodeError):
            continue
        if value:
            return str(value)
    return None


def configured_key() -> str | None:
    """The key from the environment or secrets.toml; else None. (The app passes the key from its
    own secrets: ``dashboard.app.secrets.pseudonym_key``; nothing here reads Streamlit.)"""
    return os.environ.get(ENV) or _from_secrets_files()


def key_problem(key: str | None) -> str | None:
    """Why the key cannot be used (plain words), or None when it is fine."""
    if not key:
        return "no pseudonym key is set"
    if len(key) < MIN_LENGTH:
        return f"the pseudonym key is too short ({len(key)} characters)"
    return None


def pseudonymise(ids: pd.Series, key: str) -> pd.Series:
    """Each identifier -> 64 hex characters, HMAC-SHA256 under ``key`` (same id, same code)."""
    keyed = hmac.new(key.encode("utf-8"), digestmod=hashlib.sha256)  # copied per id: same result, faster
    codes = {}
    for value in pd.unique(ids.dropna()):
        h = keyed.copy()
        h.update(value.encode("utf-8"))
        codes[value] = h.hexdigest()
    return ids.map(codes)
