"""The ops page's state in Streamlit: load a state into the widgets, read it back, keep it in the URL.

Widgets own the live state. Streamlit forgets a widget's value once it is not drawn (another op, another page), so
each op's last state is also saved as plain data and loaded back when its widgets come back.
"""

import functools

import streamlit as st

from components.tensor_grid import grid_input, load_grid
from core.ops.catalog import OPS
from core.ops.spec import OpSpec
from core.ops.state import OpState, parse_ints, preset_state
from core.url_state import DEFAULT_OP, decode, encode

_SAVED = "ops.saved"  # op name -> its last OpState
_WRITTEN = "ops.written"  # the query this session last wrote
_WARNINGS = "ops.warnings"


def arg_key(op: str, name: str) -> str:
    return f"arg.{op}.{name}"


def load_state(state: OpState, preset: str | None = None) -> None:
    """Put a whole state into the widgets (before they are drawn in this run)."""
    spec = OPS[state.op]
    st.session_state["op"] = state.op
    if preset:
        st.session_state[f"preset.{state.op}"] = preset
    for param in spec.tensors:
        load_grid(state.op, param, state.inputs[param.name])
    for arg in spec.args:
        value = state.args[arg.name]
        key = arg_key(state.op, arg.name)
        if arg.kind == "size":
            st.session_state[arg_key(state.op, "size.ndim")] = len(value)
            for d, size in enumerate(value):
                st.session_state[arg_key(state.op, f"size.{d}")] = size
        elif arg.kind == "ints":
            st.session_state[key] = ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)
        elif arg.kind == "float" and arg.none_allowed:
            st.session_state[f"{key}.on"] = value is not None
            st.session_state[key] = float(arg.default if value is None and arg.default is not None else value or 0.0)
        elif arg.kind == "float":
            st.session_state[key] = float(value)
        else:
            st.session_state[key] = value
    st.session_state.setdefault(_SAVED, {})[state.op] = state


def load_preset(op: str, key: str | None = None) -> None:
    """Callback for the example picker ("" is "(your edits)": nothing to load)."""
    if key != "":
        load_state(preset_state(OPS[op], key), key)


def matching_preset(state: OpState) -> str:
    """The key of the preset the page holds now (compared as the URL writes them: by value, not by how the cells
    are typed), or "" when the user's edits match none."""
    current = encode(state, "en")
    return next((key for key, query in _preset_queries(state.op) if query == current), "")


@functools.cache
def _preset_queries(op: str) -> tuple[tuple[str, dict[str, str]], ...]:
    """Each preset of `op` as the URL writes it: fixed catalog data, encoded once per process, not on every rerun."""
    spec = OPS[op]
    return tuple((preset.key, encode(preset_state(spec, preset.key), "en")) for preset in spec.presets)


def read_state(spec: OpSpec) -> OpState:
    """The state the widgets hold now."""
    inputs = {param.name: grid_input(spec.name, param) for param in spec.tensors}
    args = {}
    for arg in spec.args:
        key = arg_key(spec.name, arg.name)
        if arg.kind == "size":
            ndim = st.session_state[arg_key(spec.name, "size.ndim")]
            args[arg.name] = tuple(st.session_state.get(arg_key(spec.name, f"size.{d}"), 1) for d in range(ndim))
        elif arg.kind == "ints":
            text = st.session_state[key]
            args[arg.name] = parse_ints(text) or text  # unparsable text stays, and build_call reports it
        elif arg.kind == "float" and arg.none_allowed:
            args[arg.name] = st.session_state[key] if st.session_state.get(f"{key}.on") else None
        else:
            args[arg.name] = st.session_state[key]
    return OpState(spec.name, inputs, args)


def restore(lang: str) -> OpSpec:
    """At the top of the page: follow a URL this session did not write, else bring back the op's widgets."""
    query = {k: v for k, v in st.query_params.to_dict().items() if k != "lang"}
    if "op" in query and query != st.session_state.get(_WRITTEN):
        state, warnings = decode(query, lang)
        load_state(state, query.get("preset") if query.get("preset") in [p.key for p in OPS[state.op].presets] else None)
        st.session_state[_WARNINGS] = warnings
        st.session_state[_WRITTEN] = query
    if "op" not in st.session_state:
        st.session_state["op"] = st.session_state.get("ops.last_op", DEFAULT_OP)
    spec = OPS[st.session_state["op"]]
    if not _widgets_present(spec):
        load_state(st.session_state.get(_SAVED, {}).get(spec.name) or preset_state(spec))
    st.session_state["ops.last_op"] = spec.name
    return spec


def pop_warnings() -> list[str]:
    """Messages about URL parameters that fell back to the preset (shown once)."""
    return st.session_state.pop(_WARNINGS, [])


def remember(state: OpState, lang: str, valid: bool) -> dict[str, str]:
    """Save the state and, when every grid parses, write it to the URL; return the query that describes it."""
    st.session_state.setdefault(_SAVED, {})[state.op] = state
    if not valid:
        return {**st.session_state.get(_WRITTEN, {}), "lang": lang}
    query = encode(state, lang)
    without_lang = {k: v for k, v in query.items() if k != "lang"}
    if without_lang != st.session_state.get(_WRITTEN):
        st.session_state[_WRITTEN] = without_lang
        st.query_params.from_dict(query)
    return query


def _widgets_present(spec: OpSpec) -> bool:
    keys = [f"dtype.{spec.name}.{p.name}" for p in spec.tensors]
    keys += [f"ndim.{spec.name}.{p.name}.0" for p in spec.tensors]
    keys += [arg_key(spec.name, "size.ndim" if a.kind == "size" else a.name) for a in spec.args]
    keys += [arg_key(spec.name, a.name) + ".on" for a in spec.args if a.kind == "float" and a.none_allowed]
    keys += [f"grid.{spec.name}.{p.name}" for p in spec.tensors]
    return all(k in st.session_state for k in keys)
