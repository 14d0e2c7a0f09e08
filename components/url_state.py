"""Bind a page's widgets to its URL: declared `Param`s become widget keys `<page>.<name>` and query parameters.

Call `restore` before drawing the widgets and `publish` after: a URL this session did not write (a shared link,
the back button) is loaded into the widgets, with a warning for each parameter that could not be used. The warnings
stay on the page, through reruns and animations, until a setting changes.
"""

from typing import Callable

import streamlit as st

from core.page_params import Param, decode, encode

Settle = Callable[[dict, str], tuple[dict, list[str]]]  # (values, lang) -> (values, a message per value changed)


def widget_key(page: str, name: str) -> str:
    return f"{page}.{name}"


def restore(page: str, params: list[Param], lang: str, settle: Settle | None = None) -> None:
    """Load the URL into the widgets when it is new to this session (or the widgets have no value yet). `settle`
    adjusts values that depend on each other (a noise above the dataset's maximum), saying what it changed."""
    query = {k: v for k, v in st.query_params.to_dict().items() if k != "lang"}
    written = st.session_state.get(f"{page}.url_written")
    missing = any(widget_key(page, p.name) not in st.session_state for p in params)
    saved = st.session_state.get(f"{page}.saved")
    if missing and not query and saved:  # back from another page: Streamlit dropped the widgets' values
        for param in params:
            st.session_state[widget_key(page, param.name)] = saved[param.name]
    elif (query and query != written) or missing:
        values, warnings = decode(params, query, lang)
        if settle:
            values, changes = settle(values, lang)
            warnings += changes
        for param in params:
            st.session_state[widget_key(page, param.name)] = values[param.name]
        st.session_state[f"{page}.url_warnings"] = (warnings, dict(values))
        st.session_state[f"{page}.url_written"] = query
    _show_warnings(page, params)


def _show_warnings(page: str, params: list[Param]) -> None:
    """The last loaded URL's warnings, on every run until a setting differs from what that URL gave."""
    warnings, loaded = st.session_state.get(f"{page}.url_warnings", ([], None))
    if warnings and loaded != {p.name: st.session_state.get(widget_key(page, p.name)) for p in params}:
        del st.session_state[f"{page}.url_warnings"]  # the user has moved on from that link
        return
    for warning in warnings:
        st.warning(warning)


def values(page: str, params: list[Param]) -> dict:
    """The widgets' current values, by parameter name."""
    return {p.name: st.session_state[widget_key(page, p.name)] for p in params}


def publish(page: str, params: list[Param], lang: str) -> dict[str, str]:
    """Write the widgets' values to the URL (when they changed); return the query."""
    current = values(page, params)
    st.session_state[f"{page}.saved"] = current
    query = encode(params, current)
    if query != st.session_state.get(f"{page}.url_written"):
        st.session_state[f"{page}.url_written"] = query
        st.query_params.from_dict({**query, "lang": lang})
    return {**query, "lang": lang}
