"""Definitions: the indicator catalogue, searchable."""
# nav: title=Definitions; order=90; section=Explore; icon=:material/menu_book:

import streamlit as st

from dashboard.app import ui
from dashboard.figures import catalogue

ui.page_setup("Definitions")

with ui.guard("the definitions"):
    st.title("Definitions")
    cat = catalogue.load()
    st.write(
        f"The dashboard has {len(cat.indicators)} indicators in {len(cat.domains)} domains. "
        "Each is worked out the same way for every area and year from the data named below."
    )
    search = st.text_input("Search the definitions", key="definitions_search",
                           placeholder="for example: direct payment, control, co-produced")
    words = [w for w in search.lower().split() if w]
    found = 0
    for domain in cat.domains:
        members = []
        for ind in cat.in_domain(domain.id):
            text = " ".join([ind.id, ind.name, ind.definition, ind.numerator, ind.denominator,
                             ind.source_dataset, ind.caveats, domain.name]).lower()
            if all(w in text for w in words):
                members.append(ind)
        if not members:
            continue
        st.header(domain.name)
        st.caption(domain.description)
        for ind in members:
            found += 1
            with st.expander(ind.name, expanded=bool(words)):
                st.markdown(
                    f"- **Definition:** {ind.definition}\n"
                    f"- **Counted (numerator):** {ind.numerator}\n"
                    f"- **Out of (denominator):** {ind.denominator}\n"
                    f"- **Unit:** {ind.unit.replace('_', ' ')}; **{ind.polarity_words}**\n"
                    f"- **Interval:** {dict(proportion='Wilson score', rate='Byar (exact Poisson below 10 events)', median='order statistics')[ind.kind]}, 95% and 99.8%\n"
                    f"- **Source dataset:** {ind.source_dataset}\n"
                    f"- **In easy read:** {ind.easy_read_name}\n"
                    f"- **Caveats:** {ind.caveats}\n"
                    f"- **Id (for links):** `{ind.id}`; **query:** `queries/{ind.query}.sql`"
                )
    if not found:
        st.info(f"No indicator matches “{search}”. Try a shorter word.")
    else:
        st.caption(f"{found} indicator{'s' if found != 1 else ''} shown.")
