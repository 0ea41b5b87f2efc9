"""Streamlit glue shared by every page: the cached store and figures, URL state, page guard.

Pages call ``page_setup()`` first, so a page works whether it is reached through
``streamlit_app.py`` or opened first from a shared deep link (Streamlit may run the page file
directly on a fresh server).
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import streamlit as st

from dashboard import config
from dashboard.data import build
from dashboard.figures import catalogue
from dashboard.data import snapshot
from dashboard.figures.indicators import Figures, build_figures
from dashboard.data.store import Store
from dashboard.views.common import source_line  # noqa: F401  (pages call ui.source_line)

log = logging.getLogger("dashboard")

PAGES_DIR = config.PROJECT_ROOT / "pages"
DEFAULT_PAGE = "overview"
_NAV_LINE = re.compile(r"^# nav:\s*(?P<spec>.+)$", re.MULTILINE)

CSS = """
<style>
  html, body, [data-testid="stAppViewContainer"] { font-size: 18px; }
  .gl-tile { border: 2px solid #b1b4b6; border-radius: 8px; padding: 0.8rem 1rem; height: 100%; }
  .gl-tile h3 { font-size: 1.15rem; margin: 0 0 0.3rem 0; padding: 0; }
  .gl-value { font-size: 2.2rem; font-weight: 700; line-height: 1.1; }
  .gl-badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 4px; color: #fff; font-weight: 700; }
  .gl-muted { color: #505a5f; font-size: 0.95rem; }
  .gl-brand { font-weight: 700; font-size: 1.2rem; margin-bottom: 0.2rem; }
  .gl-nav-section { font-weight: 700; color: #505a5f; margin: 0.8rem 0 0 0; text-transform: uppercase; font-size: 0.85rem; letter-spacing: 0.04em; }
  .gl-table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
  .gl-table caption { caption-side: top; text-align: left; font-weight: 700; padding-bottom: 0.3rem; }
  .gl-table th, .gl-table td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
  .gl-table th { background: #f3f2f1; }
  .gl-table td.gl-num { text-align: right; white-space: nowrap; }
  .gl-narrative { font-size: 1.2rem; border-left: 6px solid #00549f; padding: 0.4rem 0.8rem; background: #f3f2f1; }
</style>
"""


# ------------------------------------------------------------------ pages and navigation


@lru_cache(maxsize=1)
def page_specs() -> tuple[dict, ...]:
    """Pages found in ``pages/``: each file declares ``# nav: title=...; order=...;
    section=...; icon=...``. A new page needs no change anywhere else.

    The url path is the file name (``by-group.py`` is ``/by-group``): Streamlit's legacy
    discovery of ``pages/`` names pages that way, and a shared link must mean the same page
    whichever way Streamlit first resolves it (see ``page_setup``).
    """
    specs = []
    for path in sorted(PAGES_DIR.glob("*.py")):
        match = _NAV_LINE.search(path.read_text(encoding="utf-8"))
        if not match:
            continue
        spec = {"path": path, "url": path.stem}
        for part in match["spec"].split(";"):
            if "=" in part:
                key, value = part.split("=", 1)
                spec[key.strip()] = value.strip()
        spec["order"] = int(spec.get("order", 100))
        spec.setdefault("section", "Explore")
        specs.append(spec)
    return tuple(sorted(specs, key=lambda s: s["order"]))


def sidebar_navigation(sections: dict[str, list]) -> None:
    """The app's own navigation: plain links under a heading per section (Streamlit's built-in
    sidebar list puts section headers inside its <ul>, which axe reports as invalid markup)."""
    with st.sidebar:
        st.markdown("<p class='gl-brand'>Good Lives dashboard</p>", unsafe_allow_html=True)
        with st.container(key="app_navigation"):
            for section, pages in sections.items():
                st.markdown(f"<p class='gl-nav-section'>{section}</p>", unsafe_allow_html=True)
                for page in pages:
                    st.page_link(page, label=page.title, icon=page.icon or None)


def set_page_config(title: str = "Good Lives dashboard") -> None:
    """Wide layout; the menu open on a wide window and closed on a phone ("auto"), where it would
    cover most of the screen: it opens only when the reader opens it."""
    try:
        st.set_page_config(page_title=title, page_icon="🟦", layout="wide", initial_sidebar_state="auto")
    except Exception:  # already set for this run
        pass


def _leave_legacy_page_discovery() -> None:
    """On a fresh server, the first visit to a deep link (``/compare?...``) runs the page file
    directly (Streamlit's legacy ``pages/`` discovery, seen with 1.67), skipping
    ``streamlit_app.py`` and its navigation. Switch the server to ``st.navigation`` and rerun:
    the page is found again by its url path, with the query string kept."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_setup(title: str) -> None:
    """First call of every page: config, styles and one-time messages from the URL."""
    _leave_legacy_page_discovery()
    # The first run of a page after moving to it (a link, the menu, a shared address): the
    # address's choices win over the ones remembered from the previous page, so "Open the
    # profile of Norfolk" opens Norfolk (see ``url_choice``).
    st.session_state["_url_wins"] = st.session_state.get("_page") != title
    st.session_state["_page"] = title
    _pin_snapshot()
    set_page_config(f"{title} · Good Lives dashboard")
    st.markdown(CSS, unsafe_allow_html=True)
    from dashboard.app import easyread_ui  # the Easy read switch (?mode=easy) on every page

    easyread_ui.mode_switch()


#: less empty space above the title, for pages that put their answer (findings, the main chart)
#: on the first screen: the theme pages and Compare
ANSWER_FIRST_CSS = "[data-testid='stMainBlockContainer'] { padding-top: 2.5rem; }"


def answer_first() -> None:
    st.markdown(f"<style>{ANSWER_FIRST_CSS}</style>", unsafe_allow_html=True)


@contextmanager
def guard(what: str = "this page"):
    """No traceback ever reaches a user's screen: log it, say what happened in plain words."""
    try:
        yield
    except Exception:  # Streamlit's own rerun/stop signals are BaseException, not caught here
        log.exception("error while showing %s", what)
        if config.raise_errors():  # under test a crashed page must fail, not apologise
            raise
        st.error(
            f"Sorry, something went wrong while showing {what}. The problem has been logged. "
            "Try another choice, or reload the page."
        )


def html_table(frame, caption: str, key: str | None = None, numeric: tuple[str, ...] = ()) -> None:
    """An accessible HTML table (caption, column headers with scope, text that wraps): for
    figures people read, copy and print. Cells are escaped."""
    st.markdown(table_html(frame, caption, key, numeric), unsafe_allow_html=True)


def table_html(frame, caption: str, key: str | None = None, numeric: tuple[str, ...] = ()) -> str:
    """The HTML of ``html_table`` (a page that shows the same table on every rerun keeps it)."""
    import html

    head = "".join(f"<th scope='col'>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = []
        for col, value in zip(frame.columns, record):
            text = "" if value is None or (isinstance(value, float) and value != value) else html.escape(str(value))
            align = " class='gl-num'" if col in numeric else ""
            cells.append(f"<td{align}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    attr = f" data-testid='{html.escape(key)}'" if key else ""
    return (f"<table class='gl-table'{attr}><caption>{html.escape(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


# ------------------------------------------------------------------ data


@st.cache_resource(show_spinner="Opening the database…")
def _snapshots(path: str) -> snapshot.Snapshots:
    """This process's read-only snapshots of the served file (built or upgraded on first start)."""
    return snapshot.Snapshots(build.ensure_database(Path(path)))


def _pin_snapshot() -> Store:
    """At the start of a run: the snapshot this session uses for the whole run (a new import is
    seen at the next rerun, never half-way through one)."""
    current = _snapshots(str(config.database_path())).current()
    st.session_state["_snapshot_store"] = current
    return current


def store() -> Store:
    """The session's snapshot for this run (read-only). Writes go through
    ``dashboard.data.snapshot`` (``batches.write`` and ``batches.undo`` do this for a read-only store)."""
    pinned = st.session_state.get("_snapshot_store")
    if pinned is None or pinned.path != config.database_path():
        pinned = _pin_snapshot()
    return pinned


def snapshot_key(current: Store | None = None) -> str:
    """The key of everything cached from a session's snapshot (its figures, a theme page, slides,
    an easy-read pack), the one rule for them all: the published file the snapshot was opened from
    (a new snapshot is a new file, even with the same import history, as ``init --force`` from
    other files gives) and the release version (saved comparison groups live outside the snapshot)."""
    from dashboard import release

    current = current or store()
    opened = getattr(current, "snapshot_id", None) or ("store", id(current))  # not from Snapshots: itself
    return f"{':'.join(map(str, opened))}|{release.version(current)}"


@st.cache_resource(max_entries=3, show_spinner="Working out the figures…")
def _figures(key: str, _store: Store) -> Figures:
    return build_figures(_store)


def figures() -> Figures:
    current = store()
    return _figures(snapshot_key(current), current)


def clear_caches() -> None:
    """After an import or undo: figures are rebuilt on the next run."""
    _figures.clear()


# ------------------------------------------------------------------ URL state

def _notice(message: str) -> None:
    st.session_state.setdefault("_url_notices", [])
    if message not in st.session_state["_url_notices"]:
        st.session_state["_url_notices"].append(message)


def show_url_notices() -> None:
    for message in st.session_state.pop("_url_notices", []):
        st.info(message, icon=":material/info:")


def widget_key(name: str) -> str:
    """The widget key for a URL choice on the current page (keys are per page: Streamlit drops
    a widget's state when the page changes, so the choice itself is remembered separately)."""
    page = st.session_state.get("_page", "page")
    return f"w_{name}_{re.sub(r'[^a-z0-9]+', '_', page.lower()).strip('_')}"


def url_choice(name: str, label: str, options: list[str], default: str, format_func=str,
               widget: str = "selectbox", help: str | None = None, container=None) -> str:
    """A choice kept in the URL (``?name=value``) and across pages.

    On arriving at a page, a value in its address wins over the one remembered from the page
    before (a link names what it opens); without one, the remembered choice carries over.
    A value in the link that is not an option falls back to ``default`` with a short message.
    """
    if not options:
        return default
    remembered = f"_url_{name}"
    key = widget_key(name)
    if remembered not in st.session_state or st.session_state.get("_url_wins"):
        from_url = st.query_params.get(name)
        if from_url is not None and from_url not in options:
            _notice(f"The link asked for {label.lower()} “{from_url}”, which is not available, "
                    f"so this shows {format_func(default)}.")
            from_url = None
        if from_url is not None:
            st.session_state[remembered] = from_url
            st.session_state.pop(key, None)  # a widget left over from an earlier visit must not win
        else:
            st.session_state.setdefault(remembered, default)
    if st.session_state[remembered] not in options:
        st.session_state[remembered] = default
    index = options.index(st.session_state[remembered])
    where = container or st
    if widget == "radio":
        value = where.radio(label, options, index=index, key=key, format_func=format_func, help=help, horizontal=True)
    else:
        value = where.selectbox(label, options, index=index, key=key, format_func=format_func, help=help)
    st.session_state[remembered] = value
    st.query_params[name] = value
    return value


def choose_area(figs: Figures, container=None) -> str:
    areas = figs.areas
    codes = list(areas["area_code"])
    names = dict(zip(areas["area_code"], areas["area_name"]))
    default = "E08000035" if "E08000035" in names else (codes[0] if codes else "")
    return url_choice("area", "Area", codes, default, lambda c: names.get(c, c), container=container)


def choose_period(figs: Figures, container=None, indicator_id: str | None = None) -> str:
    periods = figs.periods(indicator_id)
    default = periods[-1] if periods else ""
    return url_choice("period", "Year", list(reversed(periods)), default, container=container)


def choose_indicator(container=None) -> str:
    cat = catalogue.load()
    from dashboard.figures import narrative

    names = {i.id: narrative.indicator_label(cat.domain(i.domain).name, i.name) for i in cat.indicators}
    return url_choice("indicator", "Indicator", cat.ids, "control", lambda i: names[i], container=container)
