"""Widgets for an op's non-tensor arguments, drawn generically from the catalog entry."""

import streamlit as st

from components.op_state import arg_key
from core.limits import MAX_DIM_SIZE, MAX_NDIM
from core.messages import MSG
from core.ops.spec import OpSpec
from core.ops.state import OpState, arg_choices, with_valid_dims


def arg_controls(spec: OpSpec, state: OpState, lang: str, owner: str | None = None) -> OpState:
    """Draw one control per argument; a dim left out of range by a shape change is reset (and said so).
    `owner` names the widgets' keys (the op's name by default; the compare view draws a second set)."""
    owner = owner or spec.name
    valid, resets = with_valid_dims(spec, state)
    for name, old, new in resets:
        st.session_state[arg_key(owner, name)] = new
        st.info(MSG["dim_reset"](lang, arg=name, value=old, default=new))
    rows = {}
    for arg in spec.args:
        key = arg_key(owner, arg.name)
        if arg.kind == "dim":
            st.radio(
                f"`{arg.name}`", arg_choices(spec, valid, arg.name), key=key, horizontal=True,
                format_func=lambda v: MSG["none_option"](lang) if v is None else str(v), help=MSG[arg.help](lang),
            )
        elif arg.kind == "bool":
            st.toggle(f"`{arg.name}`", key=key, help=MSG[arg.help](lang))
        elif arg.kind == "size":
            _size_control(owner, arg.name, lang)
        elif arg.kind == "int":
            _paired(spec.args, arg.name, rows).number_input(
                f"`{arg.name}`", min_value=arg.minimum, max_value=arg.maximum, step=1, key=key, help=MSG[arg.help](lang)
            )
        elif arg.kind == "float":
            _float_control(key, arg, lang)
        elif arg.kind in ("ints", "text"):
            st.text_input(f"`{arg.name}`", key=key, help=MSG[arg.help](lang), max_chars=60)
        elif arg.kind == "choice":
            st.selectbox(f"`{arg.name}`", arg.choices, key=key, help=MSG[arg.help](lang))
    return valid


def _paired(args, name: str, rows: dict):
    """Where an "int" argument goes: two in a row share it (narrow's start and length, randint's low and high), so
    the result beside them stays on the first screen. `rows` keeps the second one's column until its turn."""
    if name in rows:
        return rows.pop(name)
    i = next(i for i, a in enumerate(args) if a.name == name)
    if i + 1 < len(args) and args[i + 1].kind == "int":
        left, rows[args[i + 1].name] = st.columns(2)
        return left
    return st


def _float_control(key: str, arg, lang: str) -> None:
    """A number, or None when the argument may be left out (clamp's min / max)."""
    if arg.none_allowed:
        left, right = st.columns([1, 2])
        on = left.checkbox(f"`{arg.name}`", key=f"{key}.on", help=MSG[arg.help](lang))
        right.number_input(
            f"`{arg.name}`", key=key, disabled=not on, label_visibility="collapsed",
            min_value=arg.minimum, max_value=arg.maximum, format="%g",
        )
    else:
        st.number_input(
            f"`{arg.name}`", key=key, min_value=arg.minimum, max_value=arg.maximum, format="%g", help=MSG[arg.help](lang)
        )


def _size_control(op: str, name: str, lang: str) -> None:
    st.markdown(f"`{name}`", help=MSG["size_help"](lang))
    cols = st.columns(MAX_NDIM + 1)
    ndim = cols[0].selectbox(MSG["ndim"](lang), range(1, MAX_NDIM + 1), key=arg_key(op, "size.ndim"))
    for d in range(ndim):
        st.session_state.setdefault(arg_key(op, f"size.{d}"), 1)
        cols[d + 1].number_input(
            MSG["size_of_dim"](lang, dim=d), min_value=1, max_value=MAX_DIM_SIZE, step=1, key=arg_key(op, f"size.{d}")
        )
