"""The heatmap view: a tensor figure drawn by plotly, optionally clickable cell by cell."""

import streamlit as st
import torch

from core.figures import MAX_WIDTH_PX, drawn_panels, tensor_figure
from core.grid import format_shape
from core.messages import MSG


def heatmap(figure, key: str, selectable: bool = False) -> None:
    """Draw `figure`; a selectable one reruns the page on a click, its selection kept under `key`."""
    config = {"displayModeBar": False, "responsive": False}
    if selectable:
        st.plotly_chart(figure, key=key, width="content", config=config, on_select="rerun", selection_mode="points")
    else:
        st.plotly_chart(figure, key=key, width="content", config=config)


def tensor_heatmap(tensor: torch.Tensor, name: str, key: str, lang: str, *, selectable: bool = False,
                   max_width: int = MAX_WIDTH_PX, **options) -> None:
    """A tensor's figure (options as `tensor_figure` takes them), and in words what it cannot draw: that the tensor
    has no elements, or how many of its slices were left out."""
    heatmap(tensor_figure(tensor, name, selectable=selectable, max_width=max_width, **options), key, selectable)
    if tensor.numel() == 0:
        st.caption(MSG["empty_tensor"](lang, name=name, shape=format_shape(tensor.shape)))
        return
    shown, total = drawn_panels(tuple(tensor.shape), max_width)
    if shown < total:
        st.caption(MSG["panels_left_out"](lang, name=name, shown=shown, total=total))
