"""Who is signed in, and may they edit?

Two ways to sign in, both configured in Streamlit secrets (``.streamlit/secrets.toml``, never
committed):

1. An identity provider through ``st.login`` when an ``[auth]`` section is configured (see
   Streamlit's docs). Who is an editor is listed by e-mail::

       [dashboard]
       editors = ["officer@council.gov.uk"]

2. Otherwise, named users with bcrypt password hashes::

       [dashboard.users.asha]
       password_hash = "$2b$12$..."   # python -m dashboard user hash
       role = "editor"                # or "viewer"

Viewers need not sign in: everything a viewer may see is public (suppressed) figures. Editors
sign in to import data, record actions and see free-text notes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import bcrypt
import streamlit as st

EDITOR, VIEWER = "editor", "viewer"
_SESSION_KEY = "_signed_in_user"
_FAILED_KEY = "_failed_sign_ins"
MAX_FAILURES = 5
LOCKOUT_SECONDS = 60


@dataclass(frozen=True)
class User:
    name: str
    role: str
    method: str  # "password" or "identity provider"

    @property
    def is_editor(self) -> bool:
        return self.role == EDITOR


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt()).decode("ascii")


def check_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
    except ValueError:
        return False


def _secrets_section(name: str) -> dict:
    try:
        section = st.secrets.get(name, {})
        return dict(section) if section else {}
    except Exception:  # no secrets file at all
        return {}


def configured_users() -> dict[str, dict]:
    users = _secrets_section("dashboard").get("users", {})
    return {name: dict(entry) for name, entry in dict(users).items()}


def identity_provider_configured() -> bool:
    return bool(_secrets_section("auth"))


def verify(name: str, password: str) -> User | None:
    """The user, if the name is configured and the password matches its hash."""
    entry = configured_users().get(name)
    dummy = "$2b$12$eatDoD6YU3cW9U7.UAZTd.7HjfbIGu4jeosCS23kMZrBRKIJ/ObES"  # same work either way
    ok = check_password(password, entry.get("password_hash", dummy) if entry else dummy)
    if not entry or not ok:
        return None
    role = entry.get("role", VIEWER)
    return User(name=name, role=role if role in (EDITOR, VIEWER) else VIEWER, method="password")


def current_user() -> User | None:
    """The signed-in user of this session, or None."""
    user = st.session_state.get(_SESSION_KEY)
    if user:
        return user
    if identity_provider_configured():
        try:
            if st.user.is_logged_in:
                email = str(st.user.get("email", "") or st.user.get("name", ""))
                editors = [str(e).lower() for e in _secrets_section("dashboard").get("editors", [])]
                role = EDITOR if email.lower() in editors else VIEWER
                return User(name=email, role=role, method="identity provider")
        except Exception:
            return None
    return None


def is_editor() -> bool:
    user = current_user()
    return bool(user and user.is_editor)


def sign_out() -> None:
    st.session_state.pop(_SESSION_KEY, None)
    if identity_provider_configured():
        try:
            st.logout()
        except Exception:
            pass


def sign_in_panel() -> None:
    """In the sidebar: who is signed in and a sign-out button, or a small sign-in form."""
    user = current_user()
    with st.sidebar:
        if user:
            st.caption(f"Signed in as **{user.name}** ({user.role})")
            if st.button("Sign out", key="sign_out"):
                sign_out()
                st.rerun()
            return
        if identity_provider_configured():
            if st.button("Sign in", key="sign_in_idp"):
                st.login()
            return
        if not configured_users():
            return
        with st.expander("Sign in (editors)"):
            with st.form("sign_in_form", clear_on_submit=True, border=False):
                name = st.text_input("User name", key="sign_in_name")
                password = st.text_input("Password", type="password", key="sign_in_password")
                submitted = st.form_submit_button("Sign in")
            if submitted:
                failures = st.session_state.get(_FAILED_KEY, [])
                failures = [t for t in failures if time.time() - t < LOCKOUT_SECONDS]
                if len(failures) >= MAX_FAILURES:
                    st.error("Too many attempts. Wait a minute and try again.")
                    return
                found = verify(name.strip(), password)
                if found:
                    st.session_state[_SESSION_KEY] = found
                    st.session_state.pop(_FAILED_KEY, None)
                    st.rerun()
                else:
                    failures.append(time.time())
                    st.session_state[_FAILED_KEY] = failures
                    st.error("That user name and password do not match.")
