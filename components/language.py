"""The language switch, on every page; the choice lives in session state and in the URL's `lang`."""

import streamlit as st

from core.text import LANGUAGES

_NAMES = {"en": "English", "zh": "中文"}
_WRITTEN = "lang.written"  # the `lang` this session last wrote to the URL


def current_lang() -> str:
    """The session's language; a `lang` in the URL that this session did not write itself wins."""
    from_url = st.query_params.get("lang")
    if from_url in LANGUAGES and from_url != st.session_state.get(_WRITTEN):
        st.session_state["lang"] = from_url
    st.session_state.setdefault("lang", "en")
    return st.session_state["lang"]


def language_switch() -> str:
    """Draw the switch in the sidebar; return the language in force."""
    lang = st.sidebar.radio(
        "Language / 语言", LANGUAGES, key="lang", format_func=_NAMES.get, horizontal=True
    )
    if st.query_params.get("lang") != lang:  # each write sends the browser a message: only when it changes
        st.query_params["lang"] = lang
    st.session_state[_WRITTEN] = lang
    return lang
