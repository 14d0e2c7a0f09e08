"""Small helpers that put shape rules into words, shared by the catalog's entries."""

from core.grid import format_shape
from core.ops.dim_groups import reshape_sources

_INDEX_LETTERS = "ijkl"


def shp(shape) -> str:
    """(2, 3) as the catalog writes shapes."""
    return format_shape(tuple(shape))


def index_expr(ndim: int, replace: int | None = None, with_text: str = "") -> str:
    """'[i][j]' for ndim 2, with position `replace` swapped for `with_text`."""
    letters = [with_text if d == replace else _INDEX_LETTERS[d] for d in range(ndim)]
    return "".join(f"[{x}]" for x in letters)


def broadcast_words(left, right, lang: str) -> str:
    """The broadcasting rule applied to two shapes, dim by dim from the right."""
    n = max(len(left), len(right))
    padded_left = (1,) * (n - len(left)) + tuple(left)
    padded_right = (1,) * (n - len(right)) + tuple(right)
    pairs = []
    for a, b in zip(padded_left, padded_right):
        if a == b:
            pairs.append(f"{a}={b}")
        elif a == 1 or b == 1:
            pairs.append(f"{a},{b}→{max(a, b)}")
        else:
            pairs.append(f"{a}≠{b} ✗")
    aligned = " | ".join(pairs)
    if lang == "zh":
        return (
            f"广播：从右往左对齐 {shp(left)} 与 {shp(right)}，每一维的大小必须相等或其中一个为 1"
            f"（为 1 的一方被复制扩展）：{aligned}"
        )
    return (
        f"Broadcasting: align {shp(left)} and {shp(right)} from the right; in every dim the sizes must be equal "
        f"or one of them 1 (the size-1 side is repeated): {aligned}"
    )


def rule(en: str, zh: str):
    """A shape rule from two templates; fields: each tensor's shape by its name, each argument, `out`."""

    def words(call, out, lang: str) -> str:
        fields = {name: shp(call.shape(name)) for name in call.tensors}
        fields.update({name: _arg_text(value) for name, value in call.args.items()})
        fields["out"] = shp(out)
        return (zh if lang == "zh" else en).format(**fields)

    return words


def _arg_text(value) -> str:
    return shp(value) if isinstance(value, tuple) else str(value)


def same_dims(call, out_ndim: int) -> dict[int, int]:
    """Every dim stays where it was (element-wise ops, softmax, cumsum, gather)."""
    return {d: d for d in range(out_ndim)}


def reduced_dims(call, out_ndim: int) -> dict[int, int]:
    """A reduction along `dim`: the dims after it move one place left unless keepdim keeps it."""
    ndim, dim = len(call.shape(_first(call))), call.args.get("dim")
    if dim is None:
        return {d: d for d in range(out_ndim)} if call.args.get("keepdim") else {}
    dim %= max(ndim, 1)
    if call.args.get("keepdim"):
        return {d: d for d in range(ndim)}
    return {d: d - (d > dim) for d in range(ndim) if d != dim}


def inserted_dim(call, out_ndim: int) -> dict[int, int]:
    """unsqueeze: the dims from `dim` on move one place right."""
    dim = call.args["dim"] % out_ndim
    return {d: d + (d >= dim) for d in range(out_ndim - 1)}


def squeezed_dims(call, out_ndim: int) -> dict[int, int]:
    """squeeze: size-1 dims (all, or the one named) vanish; the rest close up."""
    shape, dim = call.shape("input"), call.args["dim"]
    gone = [d for d, size in enumerate(shape) if size == 1 and (dim is None or d == dim % len(shape))]
    kept = [d for d in range(len(shape)) if d not in gone]
    return {d: i for i, d in enumerate(kept)}


def swapped_dims(call, out_ndim: int) -> dict[int, int]:
    """transpose / t: two dims trade places."""
    if "dim0" not in call.args:
        return {0: 1, 1: 0} if out_ndim == 2 else same_dims(call, out_ndim)
    if out_ndim == 0:  # a 0-d input: torch takes dims 0 and -1 and gives it back, with no dims to swap
        return {}
    a, b = call.args["dim0"] % out_ndim, call.args["dim1"] % out_ndim
    mapping = same_dims(call, out_ndim)
    mapping[a], mapping[b] = b, a
    return mapping


def permuted_dims(call, out_ndim: int) -> dict[int, int]:
    """permute: result dim i is input dim dims[i]."""
    return {source % out_ndim: i for i, source in enumerate(call.args["dims"])}


def aligned_right(call, out_ndim: int) -> dict[int, int]:
    """expand / repeat / broadcast_to: dims line up from the right; new leading dims come from nowhere."""
    ndim = len(call.shape(_first(call)))
    return {d: d + out_ndim - ndim for d in range(ndim)}


def reshaped_dims(call, out_shape: tuple[int, ...]) -> dict[int, tuple[int, ...]]:
    """view / reshape / flatten: result dim -> the input dims it merges, or the one it is a part of."""
    return reshape_sources(tuple(call.shape(_first(call))), out_shape)


def _first(call) -> str:
    return call.spec.tensors[0].name
