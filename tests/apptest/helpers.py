"""Run the app in-process with Streamlit's AppTest against the fixture database."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def open_page(page: str, **query) -> AppTest:
    """Open ``pages/<page>.py`` through streamlit_app.py, with a query string, and run it."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert_no_crash(at)
    return at


def assert_no_crash(at: AppTest) -> None:
    """Fails on an exception (the guard re-raises under test) and on the guard's apology."""
    assert not at.exception, [e.value for e in at.exception]
    apologies = [e.value for e in at.error if "Sorry, something went wrong" in str(e.value)]
    assert not apologies, apologies


def all_text(at: AppTest) -> str:
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "text"):
        parts.extend(str(getattr(el, "value", "")) for el in at.get(kind))
    return "\n".join(parts)


def markdown_with_testid(at: AppTest, testid: str) -> str:
    """The markdown element carrying ``data-testid='<testid>'`` (a table drawn as HTML)."""
    return next(m.value for m in at.markdown if f"data-testid='{testid}'" in m.value)
