"""The code panel: the snippet that reproduces the page, what it prints, and a link to this exact state."""

from urllib.parse import urlencode

import streamlit as st

from core.messages import MSG


def code_panel(code: str, printed: str | None, query: dict[str, str], lang: str) -> None:
    """Show the runnable snippet, its printed output, and the shareable link."""
    st.markdown(f"**{MSG['code'](lang)}**")
    st.code(code, language="python")
    if printed is not None:
        st.markdown(f"**{MSG['printed'](lang)}**")
        st.code(printed, language=None)
    st.markdown(f"**{MSG['copy_link'](lang)}**")
    base = (st.context.url or "").split("?")[0]
    st.code(f"{base}?{urlencode(query)}", language=None, wrap_lines=True)
    st.caption(MSG["copy_link_help"](lang))
