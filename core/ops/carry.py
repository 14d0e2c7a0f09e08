"""Switching op on the same data: which of the user's tensors the new op takes, and why, when it takes none.

A tensor goes to a parameter of the same kind: a list (`tensors`) to the new op's list, a single tensor to the
parameter of the same name, else the remaining single tensors to the remaining single-tensor parameters in order
(the first to the first: sum's `input` to one_hot's `tensor`). It is kept when the new op allows its dtype and list
length and torch itself accepts the call (with the new op's first example's arguments, each dim clamped into the kept
tensor's range); otherwise what the new op held last, or its example, is loaded, with the reason.
"""

from dataclasses import dataclass

from core.messages import MSG
from core.ops.catalog import OPS
from core.ops.result_size import ResultTooLarge
from core.ops.run import TORCH_REFUSALS, execute, too_large
from core.ops.spec import OpSpec, TensorParam
from core.ops.state import InputState, OpState, arg_choices, build_call, preset_state
from core.text import said


@dataclass(frozen=True)
class Carried:
    """The new op's starting state: the kept tensors (names of the new op's inputs they fill), or another state; and
    why a tensor was left out or the old tensors did not fit (None when nothing was left out)."""

    state: OpState
    kept: tuple[str, ...] = ()
    reason: str | None = None


def carry(old: OpState, new: OpSpec, lang: str, last: OpState | None = None) -> Carried:
    """The state `new` starts from when the page switches to it from `old`: the tensors kept, else what `new` held
    `last` in this session (so going back to an op finds the user's edits), else its example."""
    fallback = last or preset_state(new)
    instead = MSG["carry_last" if last else "carry_example"](lang)
    matched, reason = _match(old, new, lang)
    if not matched:
        return Carried(fallback, (), f"{reason} {instead}" if reason else None)
    candidate = on_same_data(old, new)
    refusal = _refusal(new, candidate, lang)
    if refusal and not new.presets[0].error:  # an op whose example is an error (t().view) may refuse these too
        return Carried(fallback, (), f"{MSG['carry_refused'](lang, op=new.name, why=refusal)} {instead}")
    return Carried(candidate, tuple(matched), f"{reason} {MSG['carry_rest'](lang)}" if reason else None)


def on_same_data(old: OpState, new: OpSpec) -> OpState:
    """`new` on the tensors of `old` it takes (the rest, and the arguments, from its first example, each dim
    clamped into range), without asking torch: the compare view shows torch's refusal, if any, as the lesson."""
    example = preset_state(new)
    matched, _ = _match(old, new, "en")
    inputs = {**example.inputs, **matched}
    return OpState(new.name, inputs, clamped_dims(new, example.args, inputs))


def comparable_ops(state: OpState) -> list[str]:
    """The ops with a place, a dtype and a list length for every tensor of `state` (its own op first): the compare
    view's choices. torch is not asked here (that would cost a run per op on every rerun): a second op that refuses
    the tensors shows torch's refusal, itself a lesson (stack on tensors that cat joins)."""
    return [state.op] + [name for name, spec in OPS.items() if name != state.op and _takes_all(state, spec)]


def _takes_all(state: OpState, spec: OpSpec) -> bool:
    matched, reason = _match(state, spec, "en")
    return reason is None and len(matched) == len(state.inputs) > 0


def _match(old: OpState, new: OpSpec, lang: str) -> tuple[dict[str, InputState], str | None]:
    """The old inputs the new op's parameters take, and why one was left out (None: none was); or nothing and why
(None: there was nothing to keep).

    A tensor that goes by its own name must fit (sum's int64 `input` does not fit mean's); one placed by position
    is only left out when its dtype does not fit (masked_fill's bool `mask` is no `other` for mul), unless that
    leaves nothing kept."""
    if not old.inputs or not new.tensors:
        return {}, None
    matched, refused = {}, []
    for param, source, named in _pairs(OPS[old.op], new):
        item = old.inputs[source.name]
        problem = _misfit(new, param, item, lang)
        if problem and (named or param.is_list):
            return {}, problem
        if problem:
            refused.append(problem)
        else:
            matched[param.name] = item
    if matched or refused:
        return matched, refused[0] if refused else None
    wanted = new.tensors[0]
    key = "carry_wants_list" if wanted.is_list else "carry_wants_single"
    return {}, MSG[key](lang, op=new.name, name=wanted.name)


def _pairs(old_spec: OpSpec, new: OpSpec) -> list[tuple[TensorParam, TensorParam, bool]]:
    """(new parameter, old parameter, by name): same kind only; same name first, then the rest in order
    (mm's `mat2` to matmul's `other`, a list to a list)."""
    pairs, free = [], list(old_spec.tensors)
    for param in new.tensors:
        source = next((p for p in free if p.name == param.name and p.is_list == param.is_list), None)
        if source:
            pairs.append((param, source, True))
            free.remove(source)
    paired = {param.name for param, _, _ in pairs}
    for param in (p for p in new.tensors if p.name not in paired):
        source = next((p for p in free if p.is_list == param.is_list), None)
        if source:
            pairs.append((param, source, False))
            free.remove(source)
    return pairs


def _misfit(new: OpSpec, param: TensorParam, item: InputState, lang: str) -> str | None:
    """Why `param` cannot take the grid `item` as it is (its dtype, its list length), or None."""
    if item.dtype not in param.dtypes:
        dtypes = ", ".join(param.dtypes)
        return MSG["carry_dtype"](lang, op=new.name, name=param.name, dtype=item.dtype, dtypes=dtypes)
    if param.is_list and not param.count[0] <= len(item.text) <= param.count[1]:
        low, high = param.count
        return MSG["carry_count"](lang, op=new.name, name=param.name, low=low, high=high, count=len(item.text))
    return None


def clamped_dims(spec: OpSpec, args: dict, inputs: dict[str, InputState]) -> dict:
    """`args` with every dim moved into the range the inputs allow: the nearest end of it, or the default when
    None is not allowed."""
    state = OpState(spec.name, inputs, dict(args))
    clamped = dict(args)
    for arg in spec.args:
        if arg.kind != "dim":
            continue
        choices = arg_choices(spec, state, arg.name)
        value = clamped.get(arg.name)
        if value in choices:
            continue
        numbers = [c for c in choices if c is not None]
        if value is None:
            clamped[arg.name] = arg.default if arg.default in choices else numbers[0]
        else:
            clamped[arg.name] = min(max(value, numbers[0]), numbers[-1])
    return clamped


def _refusal(spec: OpSpec, state: OpState, lang: str) -> str | None:
    """Why torch (or the op's own check) refuses the state, in one short line; None when it runs. Grids that do not
    parse are not refused: they are the user's text, and the page shows their cells' errors."""
    call, problems = build_call(spec, state, lang)
    if problems:
        return None
    if spec.validate:
        problem = spec.validate(call, lang)
        if problem:
            return problem
    try:
        execute(call)
    except ResultTooLarge as exc:
        return too_large(call, exc, lang).torch_message
    except TORCH_REFUSALS as exc:
        return said(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    return None

