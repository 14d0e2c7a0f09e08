"""st.tabs whose open tab is a page parameter, so a link (or the back button) opens the tab it names."""

import streamlit as st


def url_tabs(page: str, labels: dict[str, str]) -> list:
    """The tabs, in `labels` order (tab name -> label in the current language), with the one named by
    `st.session_state["<page>.tab"]` open. Switching tabs reruns the page with the new name in `<page>.tab`, which the
    page's url_state.publish then writes to the URL. The widget itself holds a label, so a language switch, which
    changes every label, is followed by re-selecting the tab by name."""
    name_key, label_key = f"{page}.tab", f"{page}.tab_label"
    st.session_state[label_key] = labels[st.session_state[name_key]]
    names = {label: name for name, label in labels.items()}

    def switched() -> None:
        st.session_state[name_key] = names[st.session_state[label_key]]

    return st.tabs(list(labels.values()), key=label_key, on_change=switched)
