"""The surface page's charts (the paths over the function's contours, and f at each step): a Streamlit custom
component (v2, no iframe) that draws on a canvas in the page. It stays mounted while a walk plays, so each redraw
replaces the picture at once instead of mounting a new chart (st.plotly_chart does, whenever its figure changes,
and shows nothing for a moment). The JavaScript lives beside this file; nothing is fetched at run time."""

from typing import Callable

import streamlit as st

from components.chart_parts import chart_css, chart_script

_CSS = chart_css("tp-surface-chart") + """
.tp-surface-chart canvas { cursor: crosshair; }
"""
_COMPONENT = st.components.v2.component(
    "tensor_playground.surface_chart", js=chart_script("surface_chart.js"), css=_CSS,
    isolate_styles=False,  # the chart's elements stay in the page's DOM, where the tests look
)


def surface_chart(data: dict, key: str, height: int, on_click: Callable[[], None] | None = None) -> None:
    """Draw a chart built by core.surface.chart_data under `key`, `height` px tall (its canvas and legend). A
    paths chart calls `on_click` when the plot is clicked; the clicked place is then st.session_state[key]["click"]
    as {"x": ..., "y": ...}."""
    callbacks = {"on_click_change": on_click} if on_click else {}
    _COMPONENT(data={**data, "height": height}, key=key, **callbacks)
