"""Before and after, side by side: the inputs' heatmaps, the result's, and where a clicked result cell comes from."""

import streamlit as st
import torch

from components.heatmap import heatmap
from core.figures import index_at, tensor_figure, value_range
from core.messages import MSG
from core.ops.provenance import sources
from core.ops.run import OpError
from core.ops.spec import OpCall


def before_after(call: OpCall, result: torch.Tensor | None, lang: str) -> None:
    """Draw the inputs and the result; a click on a result cell outlines the input cells it comes from."""
    spec = call.spec
    marks = spec.marks(call) if result is not None else {}
    named = _named_inputs(call)
    scale_with = [t for name, t, param in named if param.dtypes != ("int64",) or not spec.same_scale]
    zrange = value_range(*scale_with, result) if spec.same_scale and result is not None else None
    chart_key = f"chart.result.{spec.name}"
    picked = _picked_cell(chart_key, result)
    found = sources(call, picked) if picked is not None else []
    before, after = st.columns(2)
    with before:
        st.markdown(f"#### {MSG['before'](lang)}")
        if not named:
            st.caption("—")
        for name, tensor, param in named:
            own_scale = param.dtypes == ("int64",) and spec.same_scale
            figure = tensor_figure(
                tensor, name, zrange=None if own_scale else zrange,
                marked_dim=marks.get(param.name), highlights=[i for n, i in found if n == name],
            )
            heatmap(figure, key=f"chart.{spec.name}.{name}")
    with after:
        st.markdown(f"#### {MSG['after'](lang)}")
        if result is None:
            return
        figure = tensor_figure(
            result, "result", zrange=zrange, marked_dim=marks.get("result"), selectable=True
        )
        heatmap(figure, key=chart_key, selectable=True)
        if picked is None:
            st.caption(MSG["click_cell"](lang))
        else:
            cell = "result[" + ", ".join(map(str, picked)) + "]"
            listed = ", ".join(f"{n}[{', '.join(map(str, i))}]" for n, i in found)
            st.info(MSG["sources_of"](lang, cell=cell, sources=listed) if found else MSG["no_sources"](lang, cell=cell))


def op_error(error: OpError, lang: str) -> None:
    """torch's refusal, explained: its message, the shapes, a fix torch accepts."""
    st.error(
        f"**{MSG['torch_says'](lang)}:** `{error.torch_message}`\n\n"
        f"{MSG['shapes_were'](lang, shapes=error.shapes)}\n\n"
        f"{MSG['suggested_fix'](lang, fix=error.fix)}"
    )


def _named_inputs(call: OpCall):
    named = []
    for param in call.spec.tensors:
        value = call.tensors[param.name]
        if param.is_list:
            named += [(f"{param.name}[{i}]", t, param) for i, t in enumerate(value)]
        else:
            named.append((param.name, value, param))
    return named


def _picked_cell(chart_key: str, result: torch.Tensor | None) -> tuple[int, ...] | None:
    """The result cell selected by the last click, if it still exists in the result."""
    if result is None:
        return None
    event = st.session_state.get(chart_key)
    points = (event or {}).get("selection", {}).get("points", [])
    for point in points:
        data = point.get("customdata")
        if data:
            index = index_at(result.ndim, *data)
            if all(0 <= i < size for i, size in zip(index, result.shape)):
                return index
    return None
