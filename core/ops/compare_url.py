"""The compare view in the URL: `compare=<op>` and its arguments as `compare_<name>` (`compare=stack&compare_dim=1`),
read back as carefully as the page's own parameters."""

from core.messages import MSG
from core.ops.carry import comparable_ops, on_same_data
from core.ops.catalog import OPS
from core.ops.state import OpState, build_call
from core.text import shown
from core.url_state import decode_args, encode

PREFIX = "compare_"


def compare_state(state: OpState, op: str) -> OpState:
    """The second op on the page's tensors, before its own arguments are set: the page's arguments when it is the
    page's op (to change one of them), else its first example's, dims clamped."""
    return state if op == state.op else on_same_data(state, OPS[op])


def encode_compare(second: OpState) -> dict[str, str]:
    """`compare` and the second op's arguments; the op alone while an argument does not parse (a shape being typed)."""
    spec = OPS[second.op]
    _, problems = build_call(spec, second, "en")
    if problems:
        return {"compare": second.op}
    written = encode(second, "en")
    return {"compare": second.op, **{PREFIX + arg.name: written[arg.name] for arg in spec.args}}


def decode_compare(query: dict[str, str], state: OpState, lang: str) -> tuple[OpState | None, list[str]]:
    """The second op a link asks for on the page's state (None without `compare`, or when that op cannot take the
    page's tensors), and a message for every value that could not be used."""
    op = query.get("compare")
    if op is None:
        return None, []
    if op not in comparable_ops(state):
        return None, [MSG["compare_url_op"](lang, value=shown(op))]
    base = compare_state(state, op)
    args, warnings = decode_args(base, query, lang, PREFIX)
    return OpState(op, base.inputs, args), warnings
