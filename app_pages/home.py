"""Home: what the playground is, and a card for each page."""

import streamlit as st

from core.messages import MSG

lang = st.session_state.get("lang", "en")
st.title(MSG["app_title"](lang))
st.write(MSG["home_intro"](lang))
st.caption(MSG["home_guide"](lang))

with st.container(border=True):
    st.subheader("🔢 " + MSG["nav_ops"](lang))
    st.write(MSG["home_ops_card"](lang))
    st.page_link("app_pages/tensor_ops.py", label=MSG["open_page"](lang) + " →")
