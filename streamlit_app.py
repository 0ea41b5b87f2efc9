"""Good Lives dashboard: page config and navigation over pages/ (thin on purpose)."""

import streamlit as st

from dashboard.app import auth, ui

ui.set_page_config()

sections: dict[str, list] = {}
hidden = []
for spec in ui.page_specs():
    page = st.Page(spec["path"], title=spec["title"], url_path=spec["url"], icon=spec.get("icon"))
    sections.setdefault(spec["section"], []).append(page)
    if spec["url"] == ui.DEFAULT_PAGE:
        # the default page is served at "/"; "/overview" must work too (shared links), so the
        # same file is also registered, hidden, under its own name
        hidden.append(st.Page(spec["path"], title=spec["title"], url_path="start", icon=spec.get("icon"), default=True))

current = st.navigation({**sections, "": hidden}, position="hidden")
ui.sidebar_navigation(sections)
auth.sign_in_panel()
current.run()
