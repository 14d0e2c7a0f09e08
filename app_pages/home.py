"""Home: what the playground is, and a card for each page."""

import streamlit as st

from components.page_list import PAGES
from core.messages import MSG

lang = st.session_state.get("lang", "en")
st.title(MSG["app_title"](lang))
st.write(MSG["home_intro"](lang))
st.caption(MSG["home_guide"](lang))

for row in range(0, len(PAGES), 2):
    for column, page in zip(st.columns(2), PAGES[row : row + 2]):
        with column.container(border=True):
            st.subheader(f"{page.icon} {MSG[page.title](lang)}")
            st.write(MSG[page.card](lang))
            st.page_link(page.path, label=MSG["open_page"](lang) + " →")
