"""The op's views: the result (beside the inputs, clickable, its cells' sources in the hover) and, below, the
inputs' heatmaps with the clicked cell's sources outlined."""

from dataclasses import dataclass

import streamlit as st
import torch

from components.heatmap import heatmap, tensor_heatmap
from core.codegen import printed
from core.figures import index_at, value_range
from core.keyed_cache import KeyedCache
from core.messages import MSG
from core.ops.aliasing import alias_notes, named_results, write_through
from core.ops.dim_groups import DimStyles, dim_styles, group_words, sources_of_map
from core.ops.provenance import sources
from core.ops.run import OpError, OpOutcome, result_shape
from core.ops.source_hover import MAX_HOVER_CELLS, call_key, hover_sources
from core.ops.spec import OpCall
from core.text import said

RESULT_WIDTH_PX = 400  # the result column beside the inputs (1440 px window, sidebar open)


@dataclass(frozen=True)
class Views:
    """What the result view and the inputs' view share: one colour scale, the dim colours, the clicked cell."""

    call: OpCall
    outcome: OpOutcome
    results: list  # (name, tensor) of each result tensor
    named: list  # (name, tensor, param) of each input
    marks: dict
    zrange: tuple[float, float] | None
    styles: DimStyles
    dim_sources: dict
    picked: tuple[int, ...] | None
    found: list | None  # the picked cell's sources


def prepare_views(call: OpCall, outcome: OpOutcome, lang: str) -> Views:
    """Everything both views draw from, computed once per run."""
    spec = call.spec
    results = named_results(outcome.result)
    named = _named_inputs(call.tensors, call)
    scaled = [t for _, t, param in named if param.dtypes != ("int64",)] + [t for _, t in results if t.is_floating_point() or t.dtype == torch.int64]
    styles, dim_sources = _dim_styles(call, results, lang)
    picked = _picked_cell(_chart_key(call), results[0][1] if results else None)
    return Views(
        call, outcome, results, named, spec.marks(call) if outcome.error is None else {},
        value_range(*scaled) if spec.same_scale and results else None, styles, dim_sources,
        picked, sources(call, picked) if picked is not None else [],
    )


def result_view(views: Views, lang: str) -> None:
    """The result's heatmaps (a click on the first selects a cell, a hover lists its sources), the shape rule right
    under them, and what the clicked cell comes from."""
    call, outcome, spec = views.call, views.outcome, views.call.spec
    if outcome.error is not None:
        op_error(outcome.error, lang)
        return
    if not views.results:  # a plain Python number (item)
        st.metric(MSG["number_result"](lang, type=type(outcome.result).__name__), repr(outcome.result))
    hover, complete = _hover_sources(call, tuple(views.results[0][1].shape)) if views.results else ({}, True)
    for i, (name, tensor) in enumerate(views.results):
        own = views.zrange if tensor.dtype != torch.bool and name in ("result", "result.values", "result[0]") else None
        tensor_heatmap(
            tensor, name, _chart_key(call) if i == 0 else f"chart.{spec.name}.{name}", lang, zrange=own,
            marked_dim=views.marks.get("result"), selectable=i == 0, dim_colours=views.styles.results,
            dim_notes=views.styles.notes, max_width=RESULT_WIDTH_PX, hover_notes=hover if i == 0 else None,
        )
    st.markdown(f"**{MSG['shape_rule'](lang)}{MSG['colon'](lang)}** {spec.shape_rule(call, result_shape(outcome.result), lang)}")
    if views.styles.notes:
        before_shape = call.shape(spec.tensors[0].name)
        words = group_words(before_shape, tuple(views.results[0][1].shape), views.dim_sources, lang)
        st.caption(" ".join([MSG["dims_colours"](lang), *words]))
    if views.results and spec.deterministic is False:
        st.warning(MSG["not_deterministic"](lang))
    if views.results and not spec.random:
        _sources_caption(views.picked, views.found, lang)
        if hover and not complete:
            st.caption(MSG["hover_capped"](lang, cap=MAX_HOVER_CELLS))


def before_view(views: Views, lang: str) -> None:
    """Below the first screen: the op's notes, its extra figures, the inputs' heatmaps with the clicked cell's
    sources outlined, the inputs after an in-place call, and which results are views."""
    call, outcome, spec = views.call, views.outcome, views.call.spec
    if outcome.error is None and spec.notes:
        st.markdown(spec.notes(call, outcome.result, lang))
    for i, figure in enumerate(spec.extras(call, outcome.result, lang) if spec.extras and outcome.error is None else []):
        heatmap(figure, key=f"chart.{spec.name}.extra.{i}")
    st.markdown(f"#### {MSG['before'](lang)}")
    if not views.named:
        st.caption("—")
    columns = st.columns(min(max(len(views.named), 1), 3))
    for i, (name, tensor, param) in enumerate(views.named):
        own_scale = param.dtypes == ("int64",)
        with columns[i % len(columns)]:
            tensor_heatmap(
                tensor, name, f"chart.{spec.name}.{name}", lang, zrange=None if own_scale else views.zrange,
                marked_dim=views.marks.get(param.name), highlights=[c for n, c in views.found or () if n == name],
                dim_colours=views.styles.inputs if views.styles.inputs and tensor.ndim == len(views.styles.inputs) else None,
            )
    if outcome.error is not None:
        return
    if spec.show_inputs_after:
        for name, tensor, _ in _named_inputs(outcome.inputs_after, call):
            st.markdown(MSG["input_after"](lang, name=name))
            tensor_heatmap(tensor, name, f"chart.{spec.name}.after.{name}", lang, zrange=views.zrange)
    notes = alias_notes(outcome.result, outcome.inputs_after, lang)
    for note in notes:
        st.info(note)
    if notes and not spec.show_inputs_after:
        _write_through(call, lang)


# The hover's sources, computed once per call (the key names the call exactly): reruns of the same state, such as a
# click on a cell, do not redo a backward pass per cell. Only read once made.
_HOVERS: KeyedCache[tuple[dict, bool]] = KeyedCache(max_entries=256)


def _hover_sources(call: OpCall, shape: tuple[int, ...]) -> tuple[dict, bool]:
    return _HOVERS.get(repr((call_key(call), shape)), lambda: hover_sources(call, shape))


# What the snippet prints, by call: torch's tensor printing was a twentieth of an ops-page rerun, and a call's result
# is fixed by the call (a random op's generator is seeded by its `seed` argument), except torch.empty's.
_PRINTED: KeyedCache[str] = KeyedCache(max_entries=256)


def printed_output(views: Views) -> str | None:
    """What the op's snippet prints (`core.codegen.printed`), or None when torch raised."""
    call, outcome = views.call, views.outcome
    if outcome.error is not None:
        return None
    text = lambda: printed(outcome.result, outcome.inputs_after, call.spec)  # noqa: E731
    return _PRINTED.get(call_key(call), text) if call.spec.deterministic else text()


def _chart_key(call: OpCall) -> str:
    return f"chart.result.{call.spec.name}"


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
            index = index_at(tuple(result.shape), *data, max_width=RESULT_WIDTH_PX) if len(data) == 3 else None
            if index is not None:
                return index
    return None
