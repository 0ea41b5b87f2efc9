"""A theme page's panels are built once per data version and choice (``theme_view._page``) and
shared by every rerun: their CSV download and table HTML are made once too (``Panel.kept``), not
on every rerun (issue 13: at national scale they were most of a theme page's warm run)."""

from dashboard.views import themes
from dashboard.views.themes.panels import Panel
from tests.conftest import LEEDS


def test_a_panels_csv_is_made_once(store, figures):
    ctx = themes.Context(store, figures, LEEDS, "2024-25")
    panel = themes.levels_panel(ctx)
    assert isinstance(panel, Panel) and not panel.table.empty
    first = panel.csv_bytes()
    assert first.startswith(b"\xef\xbb\xbf") or first[:1].isalpha()  # a CSV (with or without a BOM)
    assert panel.csv_bytes() is first  # kept, not made again
    made = []
    assert panel.kept("table_html", lambda: made.append(1) or "<table>") == "<table>"
    assert panel.kept("table_html", lambda: made.append(1) or "<table>") == "<table>"
    assert made == [1]
