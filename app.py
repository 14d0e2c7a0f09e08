"""Tensor Playground: the entry point. Page config, the language switch, and the navigation."""

import streamlit as st

from components.language import current_lang, language_switch
from core.messages import MSG

st.set_page_config(page_title="Tensor Playground", page_icon="🧮", layout="wide")
lang = current_lang()
navigation = st.navigation(
    [
        st.Page("app_pages/home.py", title=MSG["nav_home"](lang), icon="🏠", default=True),
        st.Page("app_pages/tensor_ops.py", title=MSG["nav_ops"](lang), icon="🔢"),
    ]
)
language_switch()
navigation.run()
