"""Before and after, side by side: the inputs' heatmaps, the result's, and where a clicked result cell comes from."""

import streamlit as st
import torch

from components.heatmap import heatmap, tensor_heatmap
from core.figures import index_at, value_range
from core.messages import MSG
from core.ops.aliasing import alias_notes, named_results, write_through
from core.ops.dim_groups import DimStyles, dim_styles, group_words, sources_of_map
from core.ops.provenance import sources
from core.ops.run import OpError, OpOutcome
from core.ops.spec import OpCall
from core.text import said


def before_after(call: OpCall, outcome: OpOutcome, lang: str) -> None:
    """Draw the inputs and the result; a click on a result cell outlines the input cells it comes from."""
    spec = call.spec
    results = named_results(outcome.result)
    marks = spec.marks(call) if outcome.error is None else {}
    named = _named_inputs(call.tensors, call)
    scaled = [t for _, t, param in named if param.dtypes != ("int64",)] + [t for _, t in results if t.is_floating_point() or t.dtype == torch.int64]
    zrange = value_range(*scaled) if spec.same_scale and results else None
    styles, dim_sources = _dim_styles(call, results, lang)
    chart_key = f"chart.result.{spec.name}"
    picked = _picked_cell(chart_key, results[0][1] if results else None)
    found = sources(call, picked) if picked is not None else []
    before, after = st.columns(2)
    with before:
        st.markdown(f"#### {MSG['before'](lang)}")
        if not named:
            st.caption("—")
        for name, tensor, param in named:
            own_scale = param.dtypes == ("int64",)
            tensor_heatmap(
                tensor, name, f"chart.{spec.name}.{name}", lang, zrange=None if own_scale else zrange,
                marked_dim=marks.get(param.name), highlights=[i for n, i in found or () if n == name],
                dim_colours=styles.inputs if styles.inputs and tensor.ndim == len(styles.inputs) else None,
            )
    with after:
        st.markdown(f"#### {MSG['after'](lang)}")
        if outcome.error is not None:
            return
        if not results:  # a plain Python number (item)
            st.metric(MSG["number_result"](lang, type=type(outcome.result).__name__), repr(outcome.result))
        for i, (name, tensor) in enumerate(results):
            own = zrange if tensor.dtype != torch.bool and name in ("result", "result.values", "result[0]") else None
            tensor_heatmap(
                tensor, name, chart_key if i == 0 else f"chart.{spec.name}.{name}", lang, zrange=own,
                marked_dim=marks.get("result"), selectable=i == 0, dim_colours=styles.results, dim_notes=styles.notes,
            )
        if styles.notes:
            before_shape = call.shape(spec.tensors[0].name)
            words = group_words(before_shape, tuple(results[0][1].shape), dim_sources, lang)
            st.caption(" ".join([MSG["dims_colours"](lang), *words]))
        if results and spec.deterministic is False:
            st.warning(MSG["not_deterministic"](lang))
        for i, figure in enumerate(spec.extras(call, outcome.result, lang) if spec.extras else []):
            heatmap(figure, key=f"chart.{spec.name}.extra.{i}")
        if results and not spec.random:
            _sources_caption(picked, found, lang)
        if spec.show_inputs_after:
            for name, tensor, _ in _named_inputs(outcome.inputs_after, call):
                st.markdown(MSG["input_after"](lang, name=name))
                tensor_heatmap(tensor, name, f"chart.{spec.name}.after.{name}", lang, zrange=zrange)
    notes = alias_notes(outcome.result, outcome.inputs_after, lang)
    for note in notes:
        st.info(note)
    if notes and not spec.show_inputs_after:
        _write_through(call, lang)


def _write_through(call: OpCall, lang: str) -> None:
    """Write into the view and show its base changing: the lesson of shared storage."""
    if not st.toggle(MSG["write_through_toggle"](lang), key=f"write.{call.spec.name}"):
        return
    index, inputs = write_through(call)
    st.caption(MSG["write_through_done"](lang, index=", ".join(map(str, index))))
    for name, tensor, _ in _named_inputs(inputs, call):
        changed = [tuple(i) for i in (tensor == 100).nonzero().tolist()]
        tensor_heatmap(tensor, name, f"chart.{call.spec.name}.write.{name}", lang, highlights=changed)


def op_error(error: OpError, lang: str) -> None:
    """torch's refusal (or the playground's own check), explained: the message, the shapes, a fix."""
    # torch's message may quote what the user typed (einsum's equation): a code span, never markdown
    words = f"**{MSG['torch_says'](lang)}{MSG['colon'](lang)}** {said(error.torch_message)}" if error.from_torch else error.torch_message
    fix = f"\n\n{MSG['suggested_fix'](lang, fix=error.fix)}" if error.fix else ""
    st.error(f"{words}\n\n{MSG['shapes_were'](lang, shapes=error.shapes)}{fix}")


def _dim_styles(call: OpCall, results, lang: str) -> tuple[DimStyles, dict]:
    """Each input dim's colour, and on the result the same colour on the dims made from it (ops with a dim map, or
    ops that merge and split dims), with where each result dim came from."""
    spec = call.spec
    if not results or not (spec.dim_map or spec.dim_sources):
        return dim_styles(0, {}, lang), {}
    out_shape = tuple(results[0][1].shape)
    if spec.dim_sources:
        found = dict(spec.dim_sources(call, out_shape))
    else:
        found = sources_of_map(spec.dim_map(call, len(out_shape)))
    return dim_styles(call.ndim(spec.tensors[0].name), found, lang), found


def _sources_caption(picked, found, lang: str) -> None:
    if picked is None:
        st.caption(MSG["click_cell"](lang))
        return
    cell = "result[" + ", ".join(map(str, picked)) + "]"
    listed = ", ".join(f"{n}[{', '.join(map(str, i))}]" for n, i in found or ())
    if found is None:
        st.info(MSG["sources_untraced"](lang, cell=cell))
    else:
        st.info(MSG["sources_of"](lang, cell=cell, sources=listed) if found else MSG["no_sources"](lang, cell=cell))


def _named_inputs(tensors, call: OpCall):
    """(name, tensor, param) for every input; a plain-number input is drawn as the 0-d tensor it stands for."""
    named = []
    for param in call.spec.tensors:
        value = tensors[param.name]
        items = value if param.is_list else [value]
        for i, item in enumerate(items):
            tensor = item if isinstance(item, torch.Tensor) else torch.tensor(item)
            named.append((f"{param.name}[{i}]" if param.is_list else param.name, tensor, param))
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
            index = index_at(tuple(result.shape), *data) if len(data) == 3 else None
            if index is not None:
                return index
    return None
