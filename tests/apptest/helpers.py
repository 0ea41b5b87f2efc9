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
    assert not at.exception, [e.value for e in at.exception]
    return at


def all_text(at: AppTest) -> str:
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "text"):
        parts.extend(str(getattr(el, "value", "")) for el in at.get(kind))
    return "\n".join(parts)
