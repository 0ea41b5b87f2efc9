"""Definitions: the indicator catalogue, searchable."""
# nav: title=Definitions; order=90; section=Explore; icon=:material/menu_book:

import streamlit as st

from dashboard.app import ui
from dashboard.views.definitions import definitions, details, intro

ui.page_setup("Definitions")

with ui.guard("the definitions"):
    st.title("Definitions")
    st.write(intro())
    search = st.text_input("Search the definitions", key="definitions_search",
                           placeholder="for example: direct payment, control, co-produced")
    view = definitions(search)
    for domain, members in view.found:
        st.header(domain.name)
        st.caption(domain.description)
        for ind in members:
            with st.expander(ind.name, expanded=bool(search.split())):
                st.markdown(details(ind))
    if not view.count:
        st.info(f"No indicator matches “{search}”. Try a shorter word.")
    else:
        st.caption(f"{view.count} indicator{'s' if view.count != 1 else ''} shown.")
