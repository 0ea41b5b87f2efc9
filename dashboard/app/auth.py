"""Who is signed in (Streamlit glue). What each role may do is decided in ``dashboard.access``.

Two ways to sign in, both configured in Streamlit secrets (``.streamlit/secrets.toml``, never
committed):

1. An identity provider through ``st.login`` when an ``[auth]`` section is configured (see
   Streamlit's docs). Each e-mail address is given a role (and an editor their councils)::

       [dashboard.accounts."officer@leeds.gov.uk"]
       role = "editor"
       areas = ["E08000035"]

       [dashboard.accounts."lead@network.org.uk"]
       role = "administrator"

2. Otherwise, named users with bcrypt password hashes::

       [dashboard.users.asha]
       password_hash = "$2b$12$..."   # python -m dashboard user hash asha --role editor --area E08000035
       role = "editor"                # "viewer", "editor" (with areas) or "administrator"
       areas = ["E08000035"]

Viewers need not sign in: everything a viewer may see is public (suppressed) figures. Every
sign-in, success or failure, is in the audit log; failed ones are slowed (``records.audit``).
"""

from __future__ import annotations

import logging
import time

import streamlit as st

from dashboard.access import (ADMINISTRATOR, EDITOR, VIEWER, User, check_password, hash_password,  # noqa: F401
                              sees_staff_details, user_from_entry)

__all__ = ["ADMINISTRATOR", "EDITOR", "VIEWER", "User", "current_user", "is_editor", "sees_staff", "verify"]

log = logging.getLogger("dashboard")
_SESSION_KEY = "_signed_in_user"
_IDP_LOGGED_KEY = "_idp_sign_in_logged"


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
    return user_from_entry(name, entry, "password")


def identity_user(email: str) -> User:
    """The role of an identity-provider user, from ``[dashboard.accounts."email"]`` (or the
    older lists ``administrators = [...]`` / ``editors = [...]``); anyone else is a viewer."""
    section = _secrets_section("dashboard")
    accounts = {str(k).lower(): dict(v) for k, v in dict(section.get("accounts", {})).items()}
    email_key = email.lower()
    if email_key in accounts:
        return user_from_entry(email, accounts[email_key], "identity provider")
    if email_key in [str(e).lower() for e in section.get("administrators", [])]:
        return User(name=email, role=ADMINISTRATOR, method="identity provider")
    if email_key in [str(e).lower() for e in section.get("editors", [])]:
        return User(name=email, role=EDITOR, method="identity provider")
    return User(name=email, role=VIEWER, method="identity provider")


def current_user() -> User | None:
    """The signed-in user of this session, or None."""
    user = st.session_state.get(_SESSION_KEY)
    if user:
        return user
    if identity_provider_configured():
        try:
            if st.user.is_logged_in:
                email = str(st.user.get("email", "") or st.user.get("name", ""))
                found = identity_user(email)
                if not st.session_state.get(_IDP_LOGGED_KEY):
                    st.session_state[_IDP_LOGGED_KEY] = True
                    _log_sign_in(email, True, "identity provider", found)
                return found
        except Exception:
            return None
    return None


def _log_sign_in(name: str, ok: bool, method: str, user: User | None = None, why: str = "") -> None:
    from dashboard.records import audit

    try:
        audit.record_sign_in(name, ok, method, user=user, why=why)
    except Exception:  # the log must not lock people out; the failure is in the server log
        log.exception("could not write a sign-in to the audit log")


def is_editor() -> bool:
    """Signed in as an editor (of some council) or an administrator."""
    user = current_user()
    return bool(user and user.is_editor)


def sees_staff(area_code: str | None = None) -> bool:
    """May this session see editors' names and free-text notes (for ``area_code``)? The rule is
    ``access.sees_staff_details``."""
    return sees_staff_details(current_user(), area_code)


def plain(text: str) -> str:
    """Text shown through Markdown as itself: a name like ``[x](http://...)`` or ``<b>`` is not
    a link or markup (HTML is never rendered without ``unsafe_allow_html``; this stops Markdown)."""
    return "".join("\\" + ch if ch in "\\`*_{}[]()#+-.!|<>~$:" else ch for ch in str(text))


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
            st.caption(f"Signed in as **{plain(user.name)}** ({user.role})")
            if user.role == EDITOR:
                st.caption("Councils you edit: " + (", ".join(sorted(user.areas)) or "none yet (ask an administrator)"))
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
                attempt(name.strip(), password)


def logged_name(name: str) -> str:
    """The name as the log keeps it: a configured user's name; anything else (perhaps a password
    typed in the wrong box) only as a short one-way code, so the log never holds it."""
    import hashlib

    if name in configured_users():
        return name
    return f"(unknown name {hashlib.sha256(name.encode('utf-8')).hexdigest()[:12]})"


def attempt(name: str, password: str) -> None:
    """One sign-in attempt from the form: slowed after failures, locked after too many, logged."""
    from dashboard.records import audit

    logged = logged_name(name)
    try:
        if audit.locked_out(logged):
            _log_sign_in(logged, False, "password", why="locked out after repeated failures")
            st.error("Too many attempts. Wait a minute and try again.")
            return
        time.sleep(audit.delay_after(audit.recent_failures(logged)))
    except Exception:
        log.exception("could not read recent sign-in attempts")
    found = verify(name, password)
    _log_sign_in(logged, bool(found), "password", found)
    if found:
        st.session_state[_SESSION_KEY] = found
        st.rerun()
    else:
        st.error("That user name and password do not match.")
