"""Who may do what: the one place for the role rule (no Streamlit here; ``auth`` and the command
line build a ``User`` and every page and command asks this module).

Three roles:

- **viewer** (anyone, signed in or not): every page, every download; figures already suppressed;
  no editor's name and no free-text note.
- **editor** for named councils (``areas = ["E08000035"]``): imports files whose every row is
  for those councils, undoes their batches, records actions, meetings and ratings for them, and
  sees the editors' names and free-text notes for them. An editor with no ``areas`` may change
  nothing.
- **administrator**: all of that for every council, plus the published ASCOF file (every council,
  region and England at once) and the audit log.

Named comparison groups are shared by every board: any editor may save a new one, only the
editor who saved it or an administrator may replace, rename or delete it (``may_change_group``).

Configured in ``.streamlit/secrets.toml`` (see ``auth`` and SECURITY.md); ``user_from_entry``
reads one entry (``role``, ``areas``) whichever way the user signs in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import bcrypt
import pandas as pd

VIEWER, EDITOR, ADMINISTRATOR = "viewer", "editor", "administrator"
ROLES = (VIEWER, EDITOR, ADMINISTRATOR)
_ROLE_SYNONYMS = {"admin": ADMINISTRATOR, "administrator": ADMINISTRATOR, "editor": EDITOR, "viewer": VIEWER}

#: columns holding an editor's name (who recorded, updated, imported...) or a person named as owner
STAFF_COLUMNS = frozenset({
    "recorded_by", "updated_by", "assessed_by", "imported_by", "undone_by", "owner",
    "Recorded by", "Recorded", "Owner", "Who", "Who, when", "Updated by",
})
#: columns holding free text written by staff (meeting notes, breakdown notes)
NOTE_COLUMNS = frozenset({"note", "notes", "Note", "Notes"})
HIDDEN_TEXT = "(shown to signed-in editors only)"


@dataclass(frozen=True)
class User:
    """A signed-in person (or the command line acting for one)."""

    name: str
    role: str = VIEWER
    method: str = "password"  # "password", "identity provider" or "command line"
    areas: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_editor(self) -> bool:
        """May edit something (an editor for some councils, or an administrator)."""
        return self.role in (EDITOR, ADMINISTRATOR)

    @property
    def is_admin(self) -> bool:
        return self.role == ADMINISTRATOR

    def may_edit(self, area_code: str) -> bool:
        return self.is_admin or (self.role == EDITOR and str(area_code).strip().upper() in self.areas)

    def describe(self) -> str:
        if self.is_admin:
            return f"{self.name} (administrator: every council)"
        if self.role == EDITOR:
            return f"{self.name} (editor for {', '.join(sorted(self.areas)) or 'no council yet'})"
        return f"{self.name} (viewer)"


class Refused(PermissionError):
    """The user may not do this; the message says what, for which councils, and why."""

    def __init__(self, message: str, areas: Iterable[str] = ()):
        super().__init__(message)
        self.areas = sorted(set(areas))


def user_from_entry(name: str, entry: Mapping | None, method: str) -> User:
    """A ``User`` from a secrets entry (``role``, ``areas``); unknown roles are viewers."""
    entry = dict(entry or {})
    role = _ROLE_SYNONYMS.get(str(entry.get("role", VIEWER)).strip().lower(), VIEWER)
    raw = entry.get("areas", [])
    if isinstance(raw, str):
        raw = [raw]
    areas = frozenset(str(a).strip().upper() for a in raw if str(a).strip())
    return User(name=str(name), role=role, method=method, areas=areas if role == EDITOR else frozenset())


def not_allowed(user: User | None, areas: Iterable[str]) -> list[str]:
    """The councils among ``areas`` that ``user`` may not change (all of them for a viewer)."""
    wanted = sorted({str(a).strip().upper() for a in areas if a is not None and str(a).strip()})
    if user is None:
        return wanted
    return [a for a in wanted if not user.may_edit(a)]


def _named(codes: list[str], names: Mapping[str, str] | None, most: int = 8) -> str:
    names = names or {}
    shown = [f"{c} {names[c]}" if c in names else c for c in codes[:most]]
    more = f" and {len(codes) - most} more" if len(codes) > most else ""
    return ", ".join(shown) + more


def require(user: User | None, areas: Iterable[str], what: str, names: Mapping[str, str] | None = None) -> None:
    """Raise ``Refused`` unless ``user`` may change every council in ``areas``.

    ``what`` says what was refused ("import this file", "undo batch 3"); ``names`` maps codes to
    council names for the message."""
    if user is None or not user.is_editor:
        raise Refused(f"Only signed-in editors may {what}.", areas)
    areas = list(areas)
    if not areas and not user.is_admin:
        raise Refused(f"Only an administrator may {what}: it is not for one council.")
    refused = not_allowed(user, areas)
    if refused:
        mine = _named(sorted(user.areas), names) or "no council"
        raise Refused(
            f"{user.name} may change data only for {mine}, so may not {what}: it is for "
            f"{_named(refused, names)}. Nothing was changed.", refused)


def require_admin(user: User | None, what: str) -> None:
    if user is None or not user.is_admin:
        raise Refused(f"Only an administrator may {what}.")


# ------------------------------------------------------------------ named comparison groups


def may_change_group(user: User | None, owner: str | None) -> bool:
    """Named comparison groups (a network's members, a council's chosen neighbours) are shared:
    anyone may pick one, and other boards' links, meetings and benchmarks use it. So:

    - a new group: any editor with at least one council, or an administrator;
    - replacing its areas (saving under its name), renaming or deleting it: only the editor who
      first saved it (its ``owner``), or an administrator;
    - viewers (signed in or not): neither.
    """
    if user is None or not user.is_editor:
        return False
    if user.is_admin:
        return True
    if not user.areas:
        return False
    return owner is None or owner.strip().casefold() == user.name.strip().casefold()


def require_group_change(user: User | None, owner: str | None, what: str) -> None:
    """Raise ``Refused`` unless ``user`` may ``what`` ("save the group “North”") a group saved by
    ``owner`` (None: a new group); see ``may_change_group``."""
    if may_change_group(user, owner):
        return
    if user is None or not user.is_editor:
        raise Refused(f"Only signed-in editors may {what}.")
    if not user.areas and not user.is_admin:
        raise Refused(f"{user.name} edits no council yet, so may not {what}.")
    raise Refused(f"Only {owner}, who saved this group, or an administrator may {what}: other boards use it. "
                  "Nothing was changed. Save a group under a new name instead.")


# ------------------------------------------------------------------ what viewers may see


def sees_staff_details(user: User | None, area_code: str | None = None) -> bool:
    """Editors' names and free-text notes: only for a signed-in editor of that council (or an
    administrator). With no ``area_code``: any editor."""
    if user is None or not user.is_editor:
        return False
    return area_code is None or user.may_edit(area_code)


def staff_view(frame: pd.DataFrame, user: User | None, area_code: str | None = None,
               columns: Iterable[str] | None = None) -> pd.DataFrame:
    """``frame`` as ``user`` may see it: for anyone but an editor of the council, the columns
    holding staff names and free-text notes are dropped (not blanked: nothing to guess from)."""
    if sees_staff_details(user, area_code):
        return frame
    hidden = set(columns) if columns is not None else (STAFF_COLUMNS | NOTE_COLUMNS)
    return frame.drop(columns=[c for c in frame.columns if c in hidden])


def staff_text(text: str, user: User | None, area_code: str | None = None, hidden: str = "") -> str:
    """A staff name or note as ``user`` may see it (``hidden`` otherwise)."""
    return text if sees_staff_details(user, area_code) else hidden


# Passwords (bcrypt): here, not in app.auth, so the ``user hash`` command needs no Streamlit
def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt()).decode("ascii")


def check_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
    except ValueError:
        return False
