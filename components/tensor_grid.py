"""The tensor grid editor: `st.data_editor` grids for a 0-d to 3-d tensor, with shape and dtype controls.

Each grid's session state holds `base` (what the editor was last given) and `current` (what it shows now, edits
included), one entry per tensor (several for `tensors`). Shape changes rebuild `base` from `current` and bump
`version`, which gives the editor a new key; typing never does, so the grid keeps exactly what the user typed.
"""

import contextlib

import streamlit as st

from core.grid import format_shape, resize, shape_of
from core.grid_frames import from_frames, to_frames
from core.limits import MAX_DIM_SIZE, MAX_NDIM, MAX_TENSORS
from core.messages import MSG
from core.ops.spec import OpSpec, TensorParam
from core.ops.state import InputState

COLUMN_PX = 64  # fixed, so a browser test can compute where a cell is
DTYPE_PX = 100  # "float32" and the picker's arrow: with the name and the shape button, one line of a 250 px column


def _key(op: str, name: str, what: str = "grid") -> str:
    return f"{what}.{op}.{name}"


def load_grid(op: str, param: TensorParam, item: InputState) -> None:
    """Show `item` in the grid (a preset, a URL): new base text, dtype and shape controls."""
    key = _key(op, param.name)
    version = st.session_state.get(key, {}).get("version", 0) + 1
    grids = list(item.text) if param.is_list else [item.text]
    st.session_state[key] = {"base": grids, "current": list(grids), "version": version}
    st.session_state[_key(op, param.name, "dtype")] = item.dtype
    if param.is_list:
        st.session_state[_key(op, param.name, "count")] = len(grids)


def has_grid(op: str, name: str) -> bool:
    return _key(op, name) in st.session_state


def grid_input(op: str, param: TensorParam) -> InputState:
    """What the grid holds now (as of the last edit), without drawing anything."""
    state = st.session_state[_key(op, param.name)]
    dtype = st.session_state[_key(op, param.name, "dtype")]
    return InputState(list(state["current"]) if param.is_list else state["current"][0], dtype)


def input_grids(spec: OpSpec, lang: str) -> dict[str, InputState]:
    """Every tensor input's editor, two to a row (three grids would squeeze each below a 3-column grid's width),
    and what each holds."""
    inputs = {}
    for start in range(0, len(spec.tensors), 2):
        row = spec.tensors[start : start + 2]
        columns = st.columns(2) if len(spec.tensors) > 1 else [contextlib.nullcontext()]
        for column, param in zip(columns, row):
            with column:
                inputs[param.name] = tensor_grid(spec.name, param, lang)
    return inputs


def tensor_grid(op: str, param: TensorParam, lang: str) -> InputState:
    """Draw the editor for one tensor input (or a list of them, two to a row) and return what it holds."""
    key = _key(op, param.name)
    state = st.session_state[key]
    # one line of controls above the grid (name, dtype, shape or count) keeps the grids and the result on one screen
    row = st.container(horizontal=True, vertical_alignment="bottom", gap="xxsmall")
    head = [row, row, row]
    head[0].markdown(f"**`{param.name}`**", width="content")
    if len(param.dtypes) > 1:
        head[1].selectbox(MSG["dtype"](lang), param.dtypes, key=_key(op, param.name, "dtype"), width=DTYPE_PX,
                          label_visibility="collapsed" if not param.is_list else "visible")
    else:
        head[1].caption(f"{MSG['dtype'](lang)}{MSG['colon'](lang)} {param.dtypes[0]}", width=DTYPE_PX)  # wraps within the picker's width
    if param.is_list:
        low, high = param.count
        head[2].number_input(
            MSG["tensor_count"](lang), min_value=low, max_value=min(high, MAX_TENSORS), step=1,
            key=_key(op, param.name, "count"), on_change=_change_count, args=(op, param.name),
        )
    else:
        with head[2]:
            _shape_controls(op, param.name, 0, shape_of(state["base"][0]), lang, width="content")
    count = len(state["base"])
    columns = st.columns(2) if param.is_list and count > 1 else [contextlib.nullcontext()]
    for i in range(count):
        label = MSG["tensor_n"](lang, name=param.name, i=i) if param.is_list else None
        with columns[i % len(columns)]:
            if label:
                row = st.columns([2, 3], vertical_alignment="center")
                row[0].markdown(f"`{label}`")
                with row[1]:
                    _shape_controls(op, param.name, i, shape_of(state["base"][i]), lang)
            state["current"][i] = _one_grid(op, param.name, i, state, label, lang)
    return grid_input(op, param)


def _shape_controls(op: str, name: str, i: int, shape: tuple[int, ...], lang: str, width="stretch") -> None:
    """The number of dims and each dim's size, behind a button that shows the shape: in a popover, not a row of
    their own above every grid. The popover's controls are drawn only while it is open (opening it reruns the page):
    two closed popovers drawn on every rerun were an eighth of an ops-page rerun."""
    popover = st.popover(format_shape(shape), help=MSG["shape_controls_help"](lang), width=width,
                         key=_popover_key(op, name, i), on_change="rerun")
    if not popover.open:
        return
    # Streamlit forgot these widgets' values while the popover was closed: they start from the grid's shape
    _set_shape_controls(op, name, i, shape)
    cols = popover.columns(MAX_NDIM + 1)
    cols[0].selectbox(
        MSG["ndim"](lang), range(MAX_NDIM + 1), key=f"ndim.{op}.{name}.{i}",
        on_change=_change_shape, args=(op, name, i, True),
    )
    for d in range(len(shape)):
        cols[d + 1].number_input(
            MSG["size_of_dim"](lang, dim=d), min_value=1, max_value=MAX_DIM_SIZE, step=1,
            key=f"size.{op}.{name}.{i}.{d}", on_change=_change_shape, args=(op, name, i, False),
        )


def _popover_key(op: str, name: str, i: int) -> str:
    return f"shape.{op}.{name}.{i}"


def _frames(state: dict, i: int) -> list:
    """The frames the editors of grid `i` are given: made once per `version` (`base` changes only with it), not on
    every rerun. Streamlit's editor copies what it is given, so the same frames serve every rerun."""
    made = state.get("frames")
    if made is None or made[0] != state["version"]:
        made = state["frames"] = (state["version"], [to_frames(text) for text in state["base"]])
    return made[1][i]


def _one_grid(op: str, name: str, i: int, state: dict, label: str | None, lang: str):
    ndim = len(shape_of(state["base"][i]))
    frames = _frames(state, i)
    config = {c: st.column_config.TextColumn(c, width=COLUMN_PX) for c in frames[0].columns}
    edited = []
    for s, frame in enumerate(frames):
        if ndim == 3:
            st.caption(MSG["slice_label"](lang, name=label or name, i=s))
        edited.append(
            st.data_editor(
                frame, key=f"editor.{op}.{name}.{i}.{s}.v{state['version']}", column_config=config,
                num_rows="fixed", width="content", hide_index=False,
            )
        )
    return from_frames(edited, ndim)


def _set_shape_controls(op: str, name: str, i: int, shape: tuple[int, ...]) -> None:
    st.session_state[f"ndim.{op}.{name}.{i}"] = len(shape)
    for d, size in enumerate(shape):
        st.session_state[f"size.{op}.{name}.{i}.{d}"] = size


def _change_shape(op: str, name: str, i: int, ndim_changed: bool) -> None:
    """Callback: resize grid `i` to what its shape controls now say, keeping what still fits."""
    state = st.session_state[_key(op, name)]
    old = shape_of(state["current"][i])
    ndim = st.session_state[f"ndim.{op}.{name}.{i}"]
    if ndim_changed:
        # more dims: the old grid becomes the first slice / row; fewer: the leading dims go
        shape = (1,) * (ndim - len(old)) + old if ndim >= len(old) else old[len(old) - ndim :]
    else:
        shape = tuple(st.session_state.get(f"size.{op}.{name}.{i}.{d}", 1) for d in range(ndim))
    state["current"][i] = resize(state["current"][i], shape)
    state["base"] = list(state["current"])  # every editor of this input is rebuilt: none may lose its edits
    state["version"] += 1
    # the popover's label (the shape) is part of its identity: without this, a new shape would close it. Only an open
    # one is carried over: a size committed by clicking outside the popover may arrive after the click closed it
    if st.session_state.get(_popover_key(op, name, i)):
        st.session_state[_popover_key(op, name, i)] = True


def _change_count(op: str, name: str) -> None:
    """Callback: add a copy of the last tensor, or drop the last one."""
    state = st.session_state[_key(op, name)]
    count = st.session_state[_key(op, name, "count")]
    while len(state["current"]) < count:
        state["current"].append(state["current"][-1])
    del state["current"][count:]
    state["base"] = list(state["current"])
    state["version"] += 1
