"""Links with values that are not choices (hostile or stale): each page falls back to its default
with a message, and the value never reaches a query: pages only ever pass on one of the options."""

from __future__ import annotations

from dashboard.data.store import Store
from tests.apptest.helpers import all_text, open_page
from tests.conftest import LEEDS

HOSTILE = {
    "area": "E08000035' OR '1'='1",
    "period": "2024-25; drop table areas",
    "indicator": "<script>alert(1)</script>",
}


def _params_seen(monkeypatch) -> list:
    """Every parameter value the pages pass to the named-query store (and to the release layer's
    reads of its stored tables) while the page runs."""
    seen = []
    original = Store.query

    def spy(self, name, **params):
        seen.extend(str(v) for v in params.values())
        return original(self, name, **params)

    original_sql = Store.sql

    def spy_sql(self, sql, params=None, *args, **kwargs):  # the release layer's stored tables, read with bound values
        seen.extend(str(v) for v in (params or []))
        return original_sql(self, sql, params, *args, **kwargs)

    monkeypatch.setattr(Store, "query", spy)
    monkeypatch.setattr(Store, "sql", spy_sql)
    return seen


def test_unknown_link_values_fall_back_with_a_message(app_env, monkeypatch):
    import streamlit as st

    st.cache_resource.clear()  # so the page's figures are built now, through the spied queries
    seen = _params_seen(monkeypatch)
    at = open_page("collaboration", **HOSTILE)
    text = all_text(at)
    for value in (HOSTILE["area"], HOSTILE["period"]):  # the theme pages choose no indicator
        assert f"“{value}”, which is not available" in text, value
    assert at.query_params["area"] in ([LEEDS], LEEDS)  # the default, not the value asked for
    assert "2024-25" in seen  # the page did query, with the default year
    assert not [v for v in seen if any(h in v for h in HOSTILE.values())]
    assert "<script>" not in "".join(m.value for m in at.markdown if "<script>" in m.value and "&lt;" not in m.value)


def test_easy_read_says_when_a_link_asks_for_an_unknown_year(app_env):
    at = open_page("easy-read", area=LEEDS, period="1999-00; select 1", indicator="nope")
    text = all_text(at)
    assert "asked for a year we have no numbers for" in text
    assert "asked for a page we do not have" in text
