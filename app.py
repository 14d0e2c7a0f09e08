"""Tensor Playground: the entry point. Page config, the language switch, and the navigation."""

import streamlit as st

from components.language import current_lang, language_switch
from components.page_list import PAGES
from core.messages import MSG

st.set_page_config(page_title="Tensor Playground", page_icon="🧮", layout="wide")
lang = current_lang()
home = st.Page("app_pages/home.py", title=MSG["nav_home"](lang), icon="🏠", default=True)
navigation = st.navigation([home] + [st.Page(p.path, title=MSG[p.title](lang), icon=p.icon) for p in PAGES])
language_switch()
navigation.run()
