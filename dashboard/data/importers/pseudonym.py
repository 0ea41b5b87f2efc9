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
import os
import tomllib
from pathlib import Path

import numpy as np
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


_BLOCK = 64  # SHA-256's block size in bytes (RFC 2104)

# HMAC-SHA256 (RFC 2104) over a column at once, in DuckDB: sha256(K xor opad || sha256(K xor ipad || m)).
# The result is the same as Python's ``hmac`` (a unit test checks): stored codes do not change.
HMAC_EXPR = "sha256($opad::blob || unhex(sha256($ipad::blob || encode({id}))))"  # {id}: a column (pads: ``pads``)
_HMAC_SQL = (f"select case when id is not null then {HMAC_EXPR.format(id='id')} end as code"
             " from incoming_ids")  # insertion order is kept (DuckDB preserve_insertion_order)


def pads(key: str) -> tuple[bytes, bytes]:
    """The inner and outer HMAC pads of ``key`` (the ``$ipad`` and ``$opad`` of ``HMAC_EXPR``)."""
    k = key.encode("utf-8")
    if len(k) > _BLOCK:
        k = hashlib.sha256(k).digest()
    k = k.ljust(_BLOCK, b"\0")
    return bytes(b ^ 0x36 for b in k), bytes(b ^ 0x5C for b in k)


def pseudonymise(ids: pd.Series, key: str) -> pd.Series:
    """Each identifier -> 64 hex characters, HMAC-SHA256 under ``key`` (same id, same code).

    Vectorised: every identifier of the column is hashed in one DuckDB statement (10 million
    in seconds, where a Python loop took minutes); missing identifiers stay missing."""
    import duckdb
    import pyarrow as pa

    # (Arrow in and out: DuckDB reads and returns the column without a Python object per row)
    frame = pa.table({"id": pa.array(ids.to_numpy(dtype=object), type=pa.string(), from_pandas=True)})
    ipad, opad = pads(key)
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        con.register("incoming_ids", frame)
        codes = con.sql(_HMAC_SQL, params={"ipad": ipad, "opad": opad}).to_arrow_table()["code"]
    finally:
        con.close()
    return pd.Series(codes.to_numpy(zero_copy_only=False), index=ids.index, dtype=object)
