"""The heatmap view: a tensor figure drawn by plotly, optionally clickable cell by cell."""

import streamlit as st
import torch

from core.figures import MAX_WIDTH_PX, drawn_panels, tensor_figure
from core.frozen_figure import FrozenFigure
from core.grid import format_shape
from core.keyed_cache import KeyedCache
from core.messages import MSG


def heatmap(figure, key: str, selectable: bool = False) -> None:
    """Draw `figure`; a selectable one reruns the page on a click, its selection kept under `key`."""
    config = {"displayModeBar": False, "responsive": False}
    if selectable:
        st.plotly_chart(figure, key=key, width="content", config=config, on_select="rerun", selection_mode="points")
    else:
        st.plotly_chart(figure, key=key, width="content", config=config)


# Each tensor figure, built and serialized once per distinct figure (its key says everything it shows) and then
# shared: a rerun that changes one input redraws the others from here. Figures are only read after this
# (st.plotly_chart serializes them), so one object may serve every session.
_FIGURES: KeyedCache[FrozenFigure] = KeyedCache(max_entries=512)


def _figure_key(tensor: torch.Tensor, name: str, selectable: bool, max_width: int, options: dict) -> str:
    values = tensor.detach()
    return repr((str(values.dtype), tuple(values.shape), values.tolist(), name, selectable, max_width,
                 sorted(options.items(), key=lambda item: item[0])))


def tensor_heatmap(tensor: torch.Tensor, name: str, key: str, lang: str, *, selectable: bool = False,
                   max_width: int = MAX_WIDTH_PX, **options) -> None:
    """A tensor's figure (options as `tensor_figure` takes them), and in words what it cannot draw: that the tensor
    has no elements, or how many of its slices were left out."""
    figure = _FIGURES.get(
        _figure_key(tensor, name, selectable, max_width, options),
        lambda: FrozenFigure(tensor_figure(tensor, name, selectable=selectable, max_width=max_width, **options)),
    )
    heatmap(figure, key, selectable)
    if tensor.numel() == 0:
        st.caption(MSG["empty_tensor"](lang, name=name, shape=format_shape(tensor.shape)))
        return
    shown, total = drawn_panels(tuple(tensor.shape), max_width)
    if shown < total:
        st.caption(MSG["panels_left_out"](lang, name=name, shown=shown, total=total))
