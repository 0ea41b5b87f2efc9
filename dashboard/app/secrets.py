"""Values the app reads from Streamlit's secrets and hands to Streamlit-free code."""

from __future__ import annotations

import os

import streamlit as st

from dashboard.data.importers import pseudonym


def pseudonym_key() -> str | None:
    """The pseudonym key: the environment first, then the running app's secrets, then secrets.toml."""
    if os.environ.get(pseudonym.ENV):
        return os.environ[pseudonym.ENV]
    try:
        section = st.secrets.get("dashboard", {})
        value = section.get("pseudonym_key") if section else None
    except Exception:  # no secrets configured
        value = None
    return str(value) if value else pseudonym.configured_key()
