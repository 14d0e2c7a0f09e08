"""The dim sweep: one op run for every valid dim (and keepdim both ways), so the meaning of dim is seen."""

from dataclasses import dataclass, replace
import math

from core.grid import format_shape
from core.limits import MAX_RESULT_ELEMENTS
from core.messages import MSG
from core.ops.run import OpError, OpOutcome, result_shape, run, shapes_summary
from core.ops.spec import OpCall, dim_range


@dataclass(frozen=True)
class SweepCase:
    """One run of the sweep: its arguments, what torch gave, and the shape rule for it."""

    args: dict
    outcome: OpOutcome
    rule: str


def sweep(call: OpCall, lang: str) -> list[SweepCase]:
    """Run the call with its first dim argument at None (when allowed) and every non-negative dim, and with
    keepdim off and on when the op has it. Negative dims are the same dims counted from the end.

    The results drawn add up to at most MAX_RESULT_ELEMENTS (the page draws each one): a case past that is said,
    not drawn, so sweeping a stack of three full inputs costs no more than drawing one full result.
    """
    spec = call.spec
    dim_arg = next((a for a in spec.args if a.kind == "dim"), None)
    if dim_arg is None:
        return []
    dims = [d for d in dim_range(call.ndim(dim_arg.of), dim_arg.new_axis) if d >= 0]
    values = ([None] if dim_arg.none_allowed else []) + dims
    keepdims = [False, True] if any(a.name == "keepdim" for a in spec.args) else [None]
    cases, drawn = [], 0
    for keepdim in keepdims:
        for value in values:
            args = {**call.args, dim_arg.name: value}
            if keepdim is not None:
                args["keepdim"] = keepdim
            case_call = replace(call, args=args)
            outcome = run(case_call, lang)
            size = math.prod(result_shape(outcome.result)) if outcome.error is None else 0
            if drawn + size > MAX_RESULT_ELEMENTS:
                outcome, size = _not_drawn(case_call, result_shape(outcome.result), lang), 0
            drawn += size
            rule = "" if outcome.error else spec.shape_rule(case_call, result_shape(outcome.result), lang)
            cases.append(SweepCase(args, outcome, rule))
    return cases


def _not_drawn(call: OpCall, shape: tuple[int, ...], lang: str) -> OpOutcome:
    words = MSG["sweep_budget"](lang, shape=format_shape(shape), max=f"{MAX_RESULT_ELEMENTS:,}")
    return OpOutcome(None, OpError(words, shapes_summary(call), "", from_torch=False))
