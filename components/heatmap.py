"""The heatmap view: a tensor figure drawn by plotly, optionally clickable cell by cell."""

import streamlit as st


def heatmap(figure, key: str, selectable: bool = False) -> None:
    """Draw `figure`; a selectable one reruns the page on a click, its selection kept under `key`."""
    config = {"displayModeBar": False, "responsive": False}
    if selectable:
        st.plotly_chart(figure, key=key, width="content", config=config, on_select="rerun", selection_mode="points")
    else:
        st.plotly_chart(figure, key=key, width="content", config=config)
