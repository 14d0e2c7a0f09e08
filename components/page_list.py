"""The app's pages in one list: the navigation and the home page's cards are both drawn from it."""

from dataclasses import dataclass

import streamlit as st

from core.messages import MSG


@dataclass(frozen=True)
class PageEntry:
    path: str  # the page file, also its URL path (no custom url_path: tests switch to pages by file)
    icon: str
    title: str  # key into MSG
    card: str  # key into MSG: what the home page says about it


PAGES = (
    PageEntry("app_pages/tensor_ops.py", "🔢", "nav_ops", "home_ops_card"),
    PageEntry("app_pages/data_loading.py", "📦", "data_nav", "home_data_card"),
    PageEntry("app_pages/losses.py", "📉", "loss_nav", "loss_home_card"),
    PageEntry("app_pages/activations.py", "📈", "act_nav", "act_home_card"),
    PageEntry("app_pages/containers.py", "🧱", "containers_nav", "containers_home_card"),
    PageEntry("app_pages/training_lab.py", "🏁", "lab_nav", "lab_home_card"),
    PageEntry("app_pages/surface.py", "🗺️", "surface_title", "surface_home_card"),
)


def session_pages(lang: str) -> list[st.Page]:
    """The navigation's pages in `lang`, made once per session and language: making them resolves and checks every
    page file, a twentieth of an ops-page rerun. Kept per session (st.navigation marks the page it picks)."""
    key = f"app.pages.{lang}"
    if key not in st.session_state:
        home = st.Page("app_pages/home.py", title=MSG["nav_home"](lang), icon="🏠", default=True)
        st.session_state[key] = [home] + [st.Page(p.path, title=MSG[p.title](lang), icon=p.icon) for p in PAGES]
    return st.session_state[key]
