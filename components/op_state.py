"""The ops page's state in Streamlit: load a state into the widgets, read it back, keep it in the URL.

Widgets own the live state. Streamlit forgets a widget's value once it is not drawn (another op, another page), so
each op's last state is also saved as plain data and loaded back when its widgets come back. Picking another op
carries the tensors the page holds over to it where it takes them (core/ops/carry.py).
"""

import functools

import streamlit as st

from components.tensor_grid import grid_input, load_grid
from core.ops.carry import carry, comparable_ops
from core.ops.catalog import OPS
from core.ops.compare_url import compare_state, decode_compare, encode_compare
from core.ops.spec import OpSpec
from core.ops.state import OpState, parse_ints, preset_state
from core.url_state import DEFAULT_OP, decode, encode

COMPARE_ON, COMPARE_OP = "compare.on", "compare.op"  # the compare view's toggle and its second op
_SAVED = "ops.saved"  # op name -> its last OpState
_WRITTEN = "ops.written"  # the query this session last wrote
_WARNINGS = "ops.warnings"


def arg_key(op: str, name: str) -> str:
    return f"arg.{op}.{name}"


def compare_owner(op: str) -> str:
    """The compare view's argument widgets for `op` are its own, apart from the page's (the same op may be on
    both sides)."""
    return f"compare.{op}"


def load_state(state: OpState, preset: str | None = None) -> None:
    """Put a whole state into the widgets (before they are drawn in this run)."""
    spec = OPS[state.op]
    st.session_state["op"] = state.op
    if preset:
        st.session_state[f"preset.{state.op}"] = preset
    for param in spec.tensors:
        load_grid(state.op, param, state.inputs[param.name])
    load_args(spec, state.args)
    st.session_state.setdefault(_SAVED, {})[state.op] = state


def load_args(spec: OpSpec, args: dict, owner: str | None = None) -> None:
    """Put argument values into the argument widgets of `owner` (the op's own by default)."""
    owner = owner or spec.name
    for arg in spec.args:
        value = args[arg.name]
        key = arg_key(owner, arg.name)
        if arg.kind == "size":
            st.session_state[arg_key(owner, "size.ndim")] = len(value)
            for d, size in enumerate(value):
                st.session_state[arg_key(owner, f"size.{d}")] = size
        elif arg.kind == "ints":
            st.session_state[key] = ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)
        elif arg.kind == "float" and arg.none_allowed:
            st.session_state[f"{key}.on"] = value is not None
            st.session_state[key] = float(arg.default if value is None and arg.default is not None else value or 0.0)
        elif arg.kind == "float":
            st.session_state[key] = float(value)
        else:
            st.session_state[key] = value


def load_preset(op: str, key: str | None = None) -> None:
    """Callback for the example picker ("" is "(your edits)": nothing to load)."""
    if key != "":
        load_state(preset_state(OPS[op], key), key)


def matching_preset(op: str, query: dict[str, str]) -> str:
    """The key of the preset whose URL query (`encode`, compared by value, not by how the cells are typed) is
    `query`, or "" when the user's edits match none."""
    current = _without_lang(query)
    return next((key for key, preset_query in _preset_queries(op) if preset_query == current), "")


@functools.cache
def _preset_queries(op: str) -> tuple[tuple[str, dict[str, str]], ...]:
    """Each preset of `op` as the URL writes it: fixed catalog data, encoded once per process, not on every rerun."""
    spec = OPS[op]
    return tuple((preset.key, _without_lang(encode(preset_state(spec, preset.key), "en"))) for preset in spec.presets)


def _without_lang(query: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in query.items() if k != "lang"}


def read_state(spec: OpSpec) -> OpState:
    """The state the widgets hold now."""
    inputs = {param.name: grid_input(spec.name, param) for param in spec.tensors}
    return OpState(spec.name, inputs, read_args(spec))


def read_args(spec: OpSpec, owner: str | None = None) -> dict:
    """The values the argument widgets of `owner` (the op's own by default) hold now."""
    owner = owner or spec.name
    args = {}
    for arg in spec.args:
        key = arg_key(owner, arg.name)
        if arg.kind == "size":
            ndim = st.session_state[arg_key(owner, "size.ndim")]
            args[arg.name] = tuple(st.session_state.get(arg_key(owner, f"size.{d}"), 1) for d in range(ndim))
        elif arg.kind == "ints":
            text = st.session_state[key]
            args[arg.name] = parse_ints(text) or text  # unparsable text stays, and build_call reports it
        elif arg.kind == "float" and arg.none_allowed:
            args[arg.name] = st.session_state[key] if st.session_state.get(f"{key}.on") else None
        else:
            args[arg.name] = st.session_state[key]
    return args


def restore(lang: str) -> OpSpec:
    """At the top of the page: follow a URL this session did not write, else bring back the op's widgets."""
    query = _without_lang(st.query_params.to_dict())
    followed = "op" in query and query != st.session_state.get(_WRITTEN)
    if followed:
        state, warnings = decode(query, lang)
        load_state(state, query.get("preset") if query.get("preset") in [p.key for p in OPS[state.op].presets] else None)
        second, compare_warnings = decode_compare(query, state, lang)
        _load_compare(second)
        st.session_state[_WARNINGS] = warnings + compare_warnings
        st.session_state[_WRITTEN] = query
    if "op" not in st.session_state:
        st.session_state["op"] = st.session_state.get("ops.last_op", DEFAULT_OP)
    spec = OPS[st.session_state["op"]]
    previous = st.session_state.get(_SAVED, {}).get(st.session_state.get("ops.last_op"))
    if not followed and previous is not None and previous.op != spec.name:
        _switch(previous, spec, lang)
    elif not _widgets_present(spec):
        load_state(st.session_state.get(_SAVED, {}).get(spec.name) or preset_state(spec))
    st.session_state["ops.last_op"] = spec.name
    return spec


def _switch(previous: OpState, spec: OpSpec, lang: str) -> None:
    """The op picker changed: the new op starts from the tensors the page held where it takes them, else from what
    it held last (or its example), with the reason shown once."""
    carried = carry(previous, spec, lang, st.session_state.get(_SAVED, {}).get(spec.name))
    load_state(carried.state)
    if carried.reason:
        st.session_state[_WARNINGS] = [*st.session_state.get(_WARNINGS, []), carried.reason]


def _load_compare(second: OpState | None) -> None:
    """Open the compare view on a link's second op and arguments, or close it when the link has none."""
    st.session_state[COMPARE_ON] = second is not None
    if second is not None:
        st.session_state[COMPARE_OP] = second.op
        load_args(OPS[second.op], second.args, compare_owner(second.op))


def second_state(state: OpState) -> OpState | None:
    """The compare view's second op on the page's tensors with the arguments its widgets hold (loaded first when
    they are not there yet), or None while the view is closed."""
    if not st.session_state.get(COMPARE_ON):
        return None
    op = st.session_state.get(COMPARE_OP)
    if op not in comparable_ops(state):  # the page's tensors changed (or its op): start from this op again
        op = st.session_state[COMPARE_OP] = state.op
    base, spec = compare_state(state, op), OPS[op]
    if not args_present(spec, compare_owner(op)):
        load_args(spec, base.args, compare_owner(op))
    return OpState(op, base.inputs, read_args(spec, compare_owner(op)))


def pop_warnings() -> list[str]:
    """Messages about URL parameters that fell back to the preset, or tensors an op switched to could not take
    (shown once)."""
    return st.session_state.pop(_WARNINGS, [])


def remember(state: OpState, own_query: dict[str, str] | None, lang: str) -> dict[str, str]:
    """Save the state and, when every grid parses (its `encode`d query is `own_query`, else None), write it to the
    URL with the compare view's; return the query that describes the page."""
    st.session_state.setdefault(_SAVED, {})[state.op] = state
    if own_query is None:
        return {**st.session_state.get(_WRITTEN, {}), "lang": lang}
    query = own_query
    second = second_state(state)
    if second is not None:
        query = {**query, **encode_compare(second)}
    without_lang = _without_lang(query)
    if without_lang != st.session_state.get(_WRITTEN):
        st.session_state[_WRITTEN] = without_lang
        st.query_params.from_dict(query)
    return query


def _widgets_present(spec: OpSpec) -> bool:
    """Whether Streamlit still holds the op's widget values (it drops them on a page that does not draw them). The
    shape popovers' widgets are not asked: they are drawn only while open. Every op has a dtype picker or an argument
    (tests/test_core_catalog.py), so a page away and back is always seen."""
    keys = [f"dtype.{spec.name}.{p.name}" for p in spec.tensors]
    keys += [f"grid.{spec.name}.{p.name}" for p in spec.tensors]
    return all(k in st.session_state for k in keys) and args_present(spec)


def args_present(spec: OpSpec, owner: str | None = None) -> bool:
    """Whether the argument widgets of `owner` (the op's own by default) still hold values: Streamlit drops a
    widget's value once a run does not draw it."""
    owner = owner or spec.name
    keys = [arg_key(owner, "size.ndim" if a.kind == "size" else a.name) for a in spec.args]
    keys += [arg_key(owner, a.name) + ".on" for a in spec.args if a.kind == "float" and a.none_allowed]
    return all(k in st.session_state for k in keys)
