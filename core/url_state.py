"""The ops page's state <-> URL query parameters: the URL is the contract.

`op` is the torch name, every argument and tensor goes by its torch name, a tensor is a nested-list literal
(`tensors` is a list of them), `<name>_dtype` appears only when the literal alone would give another dtype.
Literals are read as JSON (with Python's True / False), never evaluated.
"""

import json
import math
import re

from core.grid import infer_dtype, literal, parse_grid, shape_of, shape_problem
from core.keyed_cache import KeyedCache
from core.limits import MAX_DIM_SIZE, MAX_NDIM
from core.messages import MSG
from core.ops.catalog import OPS
from core.ops.spec import OpSpec
from core.ops.state import InputState, OpState, arg_choices, ints_problem, preset_state, values_to_text
from core.page_params import BadParam, nesting_depth, parse_number
from core.text import shown

DEFAULT_OP = "sum"
_PY_BOOL = re.compile(r"\b(True|False)\b")


def encode(state: OpState, lang: str) -> dict[str, str]:
    """Query parameters for a state whose grids all parse."""
    # every ops-page rerun encodes its state; a rerun that changed nothing of it (a click, an unrelated widget) finds
    # it here instead of parsing every grid again. A state's repr names all of it.
    return dict(_ENCODED.get(repr((state, lang)), lambda: _encode(state, lang)))


_ENCODED: KeyedCache[dict[str, str]] = KeyedCache(max_entries=256)


def _encode(state: OpState, lang: str) -> dict[str, str]:
    spec = OPS[state.op]
    params = {"op": state.op}
    for param in spec.tensors:
        item = state.inputs[param.name]
        grids = item.text if param.is_list else [item.text]
        literals = [literal(parse_grid(g, item.dtype).tensor) for g in grids]
        params[param.name] = "[" + ",".join(literals) + "]" if param.is_list else literals[0]
        if infer_dtype(_parse_literal(params[param.name], lang)) != item.dtype:
            params[f"{param.name}_dtype"] = item.dtype
    for arg in spec.args:
        value = state.args[arg.name]
        if arg.kind in ("size", "ints"):
            params[arg.name] = _compact(list(value))
        elif arg.kind in ("text", "choice"):
            params[arg.name] = str(value)
        else:
            params[arg.name] = _compact(value)
    params["lang"] = lang
    return params


def decode(query: dict[str, str], lang: str) -> tuple[OpState, list[str]]:
    """The state a URL describes, and a message for every parameter that had to fall back to the preset."""
    warnings: list[str] = []

    def fallback(param: str, why: str) -> None:
        warnings.append(MSG["url_bad_param"](lang, param=param, why=why))

    op = query.get("op", DEFAULT_OP)
    if op not in OPS:
        fallback("op", MSG["url_unknown_op"](lang, value=shown(op)))
        op = DEFAULT_OP
    spec = OPS[op]
    preset_key = query.get("preset")
    keys = [p.key for p in spec.presets]
    state = preset_state(spec, preset_key if preset_key in keys else None)
    inputs, args = dict(state.inputs), dict(state.args)
    for param in spec.tensors:
        if param.name not in query:
            continue
        try:
            inputs[param.name] = _decode_tensor(spec, param.name, query, lang)
        except BadParam as exc:
            fallback(param.name, str(exc))
    args, arg_warnings = decode_args(OpState(op, inputs, args), query, lang)
    return OpState(op, inputs, args), warnings + arg_warnings


def decode_args(state: OpState, query: dict[str, str], lang: str, prefix: str = "") -> tuple[dict, list[str]]:
    """`state`'s arguments with those `query` gives (each as `prefix` + its name: the compare view's
    `compare_dim`), checked against `state`'s inputs, and a message for every one that had to fall back."""
    spec, args, warnings = OPS[state.op], dict(state.args), []
    for arg in spec.args:
        name = prefix + arg.name
        if name not in query:
            continue
        try:
            args[arg.name] = _decode_arg(spec, state, arg.name, query[name], lang)
        except BadParam as exc:
            warnings.append(MSG["url_bad_param"](lang, param=name, why=str(exc)))
    return args, warnings


def _decode_tensor(spec: OpSpec, name: str, query: dict[str, str], lang: str) -> InputState:
    param = spec.tensor(name)
    raw = query[name]
    values = _parse_literal(raw, lang)
    grids = values if param.is_list else [values]
    if param.is_list:
        low, high = param.count
        if not isinstance(values, list) or not low <= len(values) <= high:
            raise BadParam(MSG["url_bad_count"](lang, min=low, max=high))
    for grid in grids:
        _check_rectangular(grid, raw, lang)
        problem = shape_problem(shape_of(grid), lang)
        if problem:
            raise BadParam(problem)
    dtype = query.get(f"{name}_dtype") or infer_dtype(values)
    if dtype not in param.dtypes:
        raise BadParam(MSG["url_bad_choice"](lang, value=shown(dtype), choices=", ".join(param.dtypes)))
    for i, grid in enumerate(grids):
        # parsed as the grid editor parses what is typed: 0.5 in an int64 grid or 2 in a bool grid is refused with the
        # editor's message, never silently made 0 or True (also 1e39 as float32, 2**63 as int64)
        errors = parse_grid(_as_typed(grid, dtype), dtype).errors
        if errors:
            raise BadParam(errors[0].describe(f"{name}[{i}]" if param.is_list else name, lang))
    text = [values_to_text(g, dtype) for g in grids]
    return InputState(text if param.is_list else text[0], dtype)


def _as_typed(values, dtype: str):
    """A literal's values as the cells a user would type for them (a bool is 1 / 0 in a number grid)."""
    if isinstance(values, list):
        return [_as_typed(v, dtype) for v in values]
    if isinstance(values, bool):
        return str(values) if dtype == "bool" else str(int(values))
    return repr(values)


def _decode_arg(spec: OpSpec, state: OpState, name: str, raw: str, lang: str):
    arg = spec.arg(name)
    if arg.kind == "bool":
        if raw.lower() not in ("true", "false"):
            raise BadParam(MSG["url_bad_choice"](lang, value=shown(raw), choices="true, false"))
        return raw.lower() == "true"
    if arg.kind == "size":
        value = _parse_literal(raw, lang)
        if isinstance(value, int) and not isinstance(value, bool):
            value = [value]
        sizes_ok = isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        if not sizes_ok or not 1 <= len(value) <= MAX_NDIM:
            raise BadParam(MSG["url_not_literal"](lang, value=shown(raw)))
        problem = shape_problem(tuple(value), lang)
        if problem:
            raise BadParam(problem)
        return tuple(value)
    if arg.kind == "ints":
        value = _parse_literal(raw, lang)
        if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            raise BadParam(MSG["url_not_literal"](lang, value=shown(raw)))
        problem = ints_problem(tuple(value), lang)
        if problem:
            raise BadParam(problem)
        return tuple(value)
    if arg.kind == "text":
        if len(raw) > 60:
            raise BadParam(MSG["url_not_literal"](lang, value=shown(raw)))
        return raw
    if arg.kind == "choice":
        if raw not in arg.choices:
            raise BadParam(MSG["url_bad_choice"](lang, value=shown(raw), choices=", ".join(arg.choices)))
        return raw
    if arg.kind in ("int", "float"):
        if raw == "None" and arg.none_allowed:
            return None
        try:
            value = parse_number(raw, arg.kind)
        except ValueError:
            raise BadParam(MSG["url_not_literal"](lang, value=shown(raw))) from None
        low = arg.minimum if arg.minimum is not None else -math.inf
        high = arg.maximum if arg.maximum is not None else math.inf
        # an int is compared as it is: math.isfinite of an int past 1e308 would overflow
        if not (low <= value <= high) or (isinstance(value, float) and not math.isfinite(value)):
            raise BadParam(MSG["url_out_of_range"](lang, value=shown(raw), low=low, high=high))
        return value
    choices = arg_choices(spec, state, name)
    value = None if raw == "None" else _int_or_none(raw)
    if value not in choices or (value is None and raw != "None"):
        listed = ", ".join("None" if c is None else str(c) for c in choices)
        raise BadParam(MSG["url_bad_choice"](lang, value=shown(raw), choices=listed))
    return value


def _parse_literal(raw: str, lang: str):
    if len(raw) > 20_000:
        raise BadParam(MSG["url_not_literal"](lang, value=shown(raw)))
    if nesting_depth(raw) > MAX_NDIM + 1:  # a `tensors` list of 3-d grids; json would recurse ~1000 deep and fail
        raise BadParam(MSG["literal_too_deep"](lang, value=shown(raw), max=MAX_NDIM + 1))
    try:
        value = json.loads(_PY_BOOL.sub(lambda m: m.group(1).lower(), raw), parse_constant=_reject_constant)
    except ValueError:
        raise BadParam(MSG["url_not_literal"](lang, value=shown(raw))) from None
    if not _numbers_only(value):
        raise BadParam(MSG["url_not_literal"](lang, value=shown(raw)))
    return value


def _reject_constant(name: str):
    raise ValueError(name)  # NaN / Infinity are not values the grids accept


def _numbers_only(value, depth: int = 0) -> bool:
    if isinstance(value, list):
        return depth <= MAX_NDIM and len(value) <= MAX_DIM_SIZE * 4 and all(_numbers_only(v, depth + 1) for v in value)
    return isinstance(value, (int, float, bool)) and (not isinstance(value, float) or math.isfinite(value))


def _check_rectangular(values, raw: str, lang: str) -> None:
    shape = shape_of(values)

    def walk(node, depth):
        if depth == len(shape):
            if isinstance(node, list):
                raise BadParam(MSG["url_ragged"](lang))
            return
        if not isinstance(node, list) or len(node) != shape[depth]:
            raise BadParam(MSG["url_ragged"](lang))
        for child in node:
            walk(child, depth + 1)

    walk(values, 0)


def _int_or_none(raw: str):
    try:
        return parse_number(raw, "int")
    except ValueError:
        return None


def _compact(value) -> str:
    if value is None or isinstance(value, bool):
        return str(value).lower() if isinstance(value, bool) else "None"
    return json.dumps(value, separators=(",", ":"))
