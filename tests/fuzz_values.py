"""What the fuzz suite sends: hypothesis strategies for every page's URL parameters, and a seeded corpus of the
links that once hurt the server, crashed a page or forged a message (issue 8).

Values mix plausible ones (near each parameter's range, small tensors of every dtype and up to 4 dims) with hostile
ones: markup that would render as a link, an image, math or colour; huge numbers; over-deep nesting; long text.
Hostile text carries the marker `evil.example` or `zz`, so a check can find it wherever it leaks.
"""

from hypothesis import strategies as st

from core.activations.params import PARAMS as ACTIVATION_PARAMS
from core.containers.params import PARAMS as CONTAINER_PARAMS
from core.data.params import PARAMS as DATA_PARAMS
from core.losses.catalog import LOSSES
from core.losses.params import page_params as loss_params
from core.ops.catalog import OPS
from core.surface.params import PARAMS as SURFACE_PARAMS
from core.training.lab_params import PARAMS as LAB_PARAMS

LONG = "Q" * 150_000  # a value far past anything a message may repeat
MARKUP = (
    "[Click here to sign in again](https://evil.example/login)",
    "![x](https://evil.example/pixel.png)",
    "$zzmath^2$",
    ":red[zzred]",
    "<img src=https://evil.example/h.png>",
    "`` ` ``[a](https://evil.example/b)",
)
HUGE = ("1e309", "-1e309", "1" + "0" * 330, "1e39", "-1e39", "9223372036854775808", "1e19")
ODD = ("", " ", "nan", "NaN", "inf", "-inf", "[]", "[[]]", "[1,[2]]", "None", "true", "'a'", "{}", "0x10", "1_0",
       "[" * 984 + "]" * 984, "[" * 40 + "1" + "]" * 40)
HOSTILE = MARKUP + HUGE + ODD + (LONG,)

_DIMS = st.integers(min_value=-5, max_value=5)


def _number(dtype: str):
    if dtype == "bool":
        return st.booleans()
    if dtype == "int64":
        return st.one_of(st.integers(-9, 9), st.sampled_from([0, 1, 2, 2**31, -(2**62)]))
    return st.one_of(st.integers(-9, 9).map(float), st.floats(-100, 100, allow_nan=False, width=32))


@st.composite
def tensor_literal(draw, max_ndim: int = 4, max_side: int = 4):
    """A nested-list literal of one dtype, 0-d to `max_ndim`-d, written as a URL holds it."""
    dtype = draw(st.sampled_from(["float32", "int64", "bool"]))
    shape = draw(st.lists(st.integers(0 if draw(st.booleans()) else 1, max_side), max_size=max_ndim))
    element = _number(dtype)

    def build(dims):
        if not dims:
            return draw(element)
        return [build(dims[1:]) for _ in range(dims[0])]

    return _literal(build(shape))


def _literal(value) -> str:
    if isinstance(value, list):
        return "[" + ",".join(_literal(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _ints_literal(max_len: int = 4, big: bool = True):
    sides = st.one_of(st.integers(-2, 5), st.sampled_from([16, 17, 1024, 30000, 10**12])) if big else st.integers(-2, 5)
    return st.lists(sides, min_size=0, max_size=max_len).map(lambda v: "[" + ",".join(map(str, v)) + "]")


def _for_kind(kind: str, choices=(), low=None, high=None):
    """Plausible values for one parameter of this kind."""
    if kind == "bool":
        return st.sampled_from(["true", "false", "True", "1"])
    if kind in ("choice", "names"):
        return st.sampled_from([str(c) for c in choices] + [",".join(map(str, choices[:3]))] if choices else ["x"])
    if kind in ("int", "float", "dim"):
        base = st.integers(-5, 40).map(str)
        edges = [str(v) for v in (low, high) if v is not None]
        edges += [str(v * 10 + 1) for v in (high,) if v is not None]
        return st.one_of(base, st.sampled_from(edges or ["0"]), st.floats(-50, 50, allow_nan=False).map(lambda f: f"{f:.3g}"))
    if kind in ("size", "ints"):
        return _ints_literal()
    if kind == "matrix":
        return tensor_literal(max_ndim=3, max_side=5)
    if kind == "text":
        return st.one_of(
            st.text("ijk,.->", max_size=14),
            st.sampled_from(["SGD,Adam,RMSprop", "Adamax,Rprop,Adafactor", "SGD:lr=0.1;Adam:lr=1e309",
                             "SGD:lr=0.1;" * 40, "LBFGS:lr=1,max_iter=100000", "SGD:momentum=nan"]),
        )
    return st.just("0")


def value_for(kind: str, choices=(), low=None, high=None):
    """A value for one URL parameter: mostly plausible, one time in four hostile."""
    return st.one_of(_for_kind(kind, choices, low, high), _for_kind(kind, choices, low, high),
                     _for_kind(kind, choices, low, high), st.sampled_from(HOSTILE))


@st.composite
def query_for(draw, params):
    """A query over a subset of a page's declared `Param`s (core/page_params.py)."""
    chosen = draw(st.lists(st.sampled_from(params), unique_by=lambda p: p.name, max_size=len(params)))
    return {p.name: draw(value_for(p.kind, p.choices, p.minimum, p.maximum)) for p in chosen}


@st.composite
def ops_query(draw):
    """A Tensor ops link: an op (now and then a hostile one), some of its tensors and arguments."""
    op = draw(st.one_of(st.sampled_from(sorted(OPS)), st.sampled_from(sorted(OPS)), st.sampled_from(MARKUP)))
    query = {"op": op}
    spec = OPS.get(op)
    if spec is None:
        return query
    for param in spec.tensors:
        if draw(st.booleans()):
            if param.is_list:
                items = draw(st.lists(tensor_literal(), min_size=0, max_size=4))
                query[param.name] = draw(st.one_of(st.just("[" + ",".join(items) + "]"), st.sampled_from(HOSTILE)))
            else:
                query[param.name] = draw(st.one_of(tensor_literal(), tensor_literal(), st.sampled_from(HOSTILE)))
            if draw(st.integers(0, 3)) == 0:
                query[f"{param.name}_dtype"] = draw(st.sampled_from(["float32", "int64", "bool", "float64", "zz<b>"]))
    for arg in spec.args:
        if draw(st.booleans()):
            query[arg.name] = draw(value_for(arg.kind, arg.choices, arg.minimum, arg.maximum))
    if draw(st.integers(0, 4)) == 0:
        query["preset"] = draw(st.sampled_from([p.key for p in spec.presets] + ["zz", MARKUP[0]]))
    return query


PAGE_QUERIES = {
    "data_loading": query_for(DATA_PARAMS),
    "activations": query_for(ACTIVATION_PARAMS),
    "containers": query_for(CONTAINER_PARAMS),
    "surface": query_for(SURFACE_PARAMS),
    "training_lab": query_for(LAB_PARAMS),
    "losses": st.sampled_from(sorted(LOSSES)).flatmap(lambda loss: query_for(loss_params(loss)).map(
        lambda q: {"loss": loss, **q})),
}

# The reproducers of issue 8, kept as a corpus that every run replays.
CORPUS = [
    ("tensor_ops", {"op": "repeat", "input": "[[[1]]]", "repeats": "[16,1024,1024]"}),
    ("tensor_ops", {"op": "repeat", "input": "[[1]]", "repeats": "[1024,1024]"}),
    ("tensor_ops", {"op": "broadcast_to", "input": "[1]", "size": "[1024,1024,1024]"}),
    ("tensor_ops", {"op": "expand", "input": "[1]", "size": "[1024,1024,1024]"}),
    ("tensor_ops", {"op": "einsum", "equation": "ab,cd,ef->abcdef",
                    "operands": "[" + ",".join(["[" + ",".join(["[" + ",".join(["1"] * 16) + "]"] * 16) + "]"] * 3) + "]"}),
    ("tensor_ops", {"op": "unsqueeze", "input": "[[[1,2],[3,4]],[[5,6],[7,8]]]", "dim": "0"}),
    ("tensor_ops", {"op": "stack", "tensors": "[[[[1,2]],[[3,4]]],[[[5,6]],[[7,8]]]]"}),
    ("tensor_ops", {"op": "view", "input": "[[1,2,3,4],[5,6,7,8]]", "shape": "[2,2,1,2]"}),
    ("tensor_ops", {"op": "one_hot", "tensor": "[[[0,1],[2,0]],[[1,1],[0,2]]]"}),
    ("tensor_ops", {"op": "einsum", "equation": "ij,kl->ijkl", "operands": "[[[1,2],[3,4]],[[5,6],[7,8]]]"}),
    ("tensor_ops", {"op": "narrow", "input": "[[[1,2],[3,4]],[[5,6],[7,8]]]", "dim": "0", "start": "0", "length": "0"}),
    ("tensor_ops", {"op": "repeat", "input": "[[[1,2],[3,4]],[[5,6],[7,8]]]", "repeats": "[0,0,0]"}),
    ("tensor_ops", {"op": "transpose", "input": "5"}),
    ("tensor_ops", {"op": "sum", "input": "[" * 984 + "]" * 984}),
    ("tensor_ops", {"op": "sum", "input": "[" + "1" * 330 + "]"}),
    ("tensor_ops", {"op": "clamp", "min": "1e39"}),
    ("tensor_ops", {"op": "arange", "start": "0", "end": "1e19", "step": "1e39"}),
    ("tensor_ops", {"op": "arange", "start": "0", "end": "1e10", "step": "1"}),
    ("tensor_ops", {"op": "full", "size": "[30000,30000]", "fill_value": "1"}),
    ("tensor_ops", {"op": "one_hot", "tensor": "[1000000000]"}),
    ("tensor_ops", {"op": MARKUP[0]}),
    ("tensor_ops", {"op": "sum", "input": MARKUP[1]}),
    ("tensor_ops", {"op": "einsum", "equation": MARKUP[0]}),
    ("tensor_ops", {"op": "sum", "input": LONG}),
    ("tensor_ops", {"op": "sum", "input": "[0.5,1.7,-2.9]", "input_dtype": "int64"}),
    ("tensor_ops", {"op": "pow", "input": "[1,2]", "exponent": "-1"}),
    ("tensor_ops", {"op": "full", "size": "[2,2]", "fill_value": "1e39"}),
    ("tensor_ops", {"op": "einsum", "equation": "ij,jk->ik", "operands": "[[[1,2,3],[4,5,6]],[[1,2]]]"}),
    ("surface", {"lr": "0.07"}),
    ("surface", {"optimizers": "SGD,Adamw,LBFGSS"}),
    ("surface", {"x": "11"}),
    ("surface", {"x": "11", "steps": "5"}),
    ("training_lab", {"noise": "1.0"}),
    ("training_lab", {"racers": MARKUP[0]}),
    ("training_lab", {"racers": "Adamax:lr=0.01;Rprop:lr=0.01;Adafactor:lr=0.01"}),
    ("training_lab", {"racers": "LBFGS:lr=1,max_iter=1000000"}),
    ("data_loading", {"shuffle": "false"}),
    ("losses", {"input": "[" * 984 + "]" * 984}),
    ("activations", {"input": "[" * 984 + "]" * 984}),
]
