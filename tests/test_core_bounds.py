"""No link or box can make one request of the ops page big: every result is sized before torch allocates it and
refused over the cap with a message naming the size and the cap; and no odd value (a 0-d transpose, a literal
nested 1,000 deep, a 310-digit integer, a whole float past int64) raises out of the core.

Peak memory is read from the kernel (VmHWM after resetting it): torch's allocations do not show in tracemalloc.
"""

import json

import pytest
import torch

from core.limits import MAX_ELEMENTS, MAX_NDIM, MAX_RESULT_ELEMENTS
from core.ops.catalog import OPS
from core.ops.result_size import ResultTooLarge, result_shapes
from core.ops.run import _invoke, execute, run
from core.ops.spec import OpCall, dim_range
from core.ops.state import OpState, build_call, parse_ints, preset_state
from core.ops.sweep import sweep
from core.page_params import BadParam, Param, decode as decode_page
from core.url_state import decode

PEAK_MB = 100  # the most one request may add to the process's resident memory
CAP = f"{MAX_RESULT_ELEMENTS:,}"
HUGE_INT = "1" + "0" * 309  # past float64's range: math.isfinite(int(...)) overflows
DEEP = "[" * 984 + "]" * 984  # json.loads recurses once per level and fails near 1,000
SQUARE_16 = json.dumps([[1] * 16] * 16)


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1])


def peak_growth_mb(request) -> float:
    """How far the process's peak resident memory rose above where it stood while `request()` ran."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")  # resets VmHWM to the current RSS
    except OSError:
        pytest.skip("/proc/self/clear_refs is not writable here: the peak cannot be reset")
    before = _status_kb("VmRSS")
    request()
    return (_status_kb("VmHWM") - before) / 1024


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """The first dry run of an element-wise op on meta tensors imports torch._dynamo once per process (~70 MB, the
    same import the optimizer pages make); do it before any peak is measured, so only the request is."""
    run(build_call(OPS["mul"], preset_state(OPS["mul"]), "en")[0], "en")


def _open(query: dict[str, str], lang: str = "en"):
    """What the ops page does with a link: decode it, build the call, run it. (warnings, problems, outcome)."""
    state, warnings = decode(query, lang)
    call, problems = build_call(OPS[state.op], state, lang)
    return warnings, problems, run(call, lang) if call else None


REFUSED_LINKS = {
    "repeat_3d": ({"op": "repeat", "input": "[[[1]]]", "repeats": "[16,1024,1024]"}, "(16, 1024, 1024)", "16,777,216"),
    "repeat_2d": ({"op": "repeat", "input": "[[1]]", "repeats": "[1024,1024]"}, "(1024, 1024)", "1,048,576"),
    "broadcast_to": ({"op": "broadcast_to", "input": "[1]", "size": "[1024,1024,1024]"}, "(1024, 1024, 1024)", "1,073,741,824"),
    "expand": ({"op": "expand", "input": "[1]", "size": "[1024,1024,1024]"}, "(1024, 1024, 1024)", "1,073,741,824"),
    "einsum": (
        {"op": "einsum", "equation": "ab,cd,ef->abcdef", "operands": f"[{SQUARE_16},{SQUARE_16},{SQUARE_16}]"},
        "(16, 16, 16, 16, 16, 16)", "16,777,216",
    ),
    "one_hot_huge_label": ({"op": "one_hot", "tensor": "[1000000000]", "num_classes": "-1"}, "(1, 1000000001)", "1,000,000,001"),
    "one_hot_many_classes": (
        {"op": "one_hot", "tensor": json.dumps([[[1] * 4] * 16] * 16), "num_classes": "16"}, "(16, 16, 4, 16)", "16,384",
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", list(REFUSED_LINKS))
def test_a_link_to_a_huge_result_is_refused_before_torch_allocates(case, lang):
    query, shape, elements = REFUSED_LINKS[case]
    found = {}
    growth = peak_growth_mb(lambda: found.update(zip(("warnings", "problems", "outcome"), _open(query, lang))))
    assert found["warnings"] == [] and found["problems"] == []
    error = found["outcome"].error
    assert error is not None and not error.from_torch
    assert shape in error.torch_message and elements in error.torch_message and CAP in error.torch_message
    assert CAP in error.fix
    assert growth < PEAK_MB, f"{case}: peak grew {growth:.0f} MB"


def test_execute_itself_refuses_so_no_path_can_bypass_the_cap():
    """The run, the fix finder's candidates, the dim sweep and the provenance trace all call `execute`."""
    spec = OPS["repeat"]
    call = OpCall(spec, {"input": torch.ones(1, 1)}, {"repeats": (1024, 1024)})
    with pytest.raises(ResultTooLarge) as refused:
        execute(call)
    assert refused.value.elements == 1024 * 1024 and refused.value.shapes == [(1024, 1024)]


def test_a_dry_run_sizes_the_result_without_allocating():
    """Meta tensors carry shapes but no data: even a 2**40-element broadcast is sized at no cost."""
    call = OpCall(OPS["broadcast_to"], {"input": torch.ones(1)}, {"size": (1024,) * 4})
    shapes = []
    assert peak_growth_mb(lambda: shapes.extend(result_shapes(call, _invoke))) < PEAK_MB
    assert shapes == [(1024,) * 4]


@pytest.mark.parametrize("text", ["30000, 30000", "1025", "2, 2, 2, 2, 2", "-5000, 1", HUGE_INT])
def test_the_typed_ints_box_has_caps(text):
    """`parse_ints` reads the box; build_call refuses more than MAX_NDIM + 1 numbers or one past +-MAX_ELEMENTS,
    naming the caps, before torch is asked anything."""
    spec = OPS["repeat"]
    state = preset_state(spec)
    value = parse_ints(text) or text
    call, problems = build_call(spec, OpState(spec.name, state.inputs, {"repeats": value}), "en")
    assert call is None and len(problems) == 1
    message = problems[0].shape_message
    if isinstance(value, tuple):
        assert str(MAX_ELEMENTS) in message and str(MAX_NDIM + 1) in message


@pytest.mark.parametrize("op", ["ones", "zeros", "full", "empty", "randn", "randint", "manual_seed"])
def test_creation_sizes_over_the_caps_are_refused(op):
    spec = OPS[op]
    state = preset_state(spec)
    call, problems = build_call(spec, OpState(op, state.inputs, {**state.args, "size": (30000, 30000)}), "en")
    assert call is None and problems and "30000" in problems[0].shape_message
    warnings, _, outcome = _open({"op": op, "size": "[30000,30000]"})
    assert len(warnings) == 1 and "`size`" in warnings[0] and outcome.error is None


@pytest.mark.parametrize("query, param", [
    ({"op": "linspace", "steps": "1000000000"}, "steps"),
    ({"op": "eye", "n": "30000"}, "n"),
    ({"op": "eye", "m": "30000"}, "m"),
    ({"op": "np.eye(n, k)", "n": "30000"}, "n"),
    ({"op": "np.eye(n)[y]", "num_classes": "30000"}, "num_classes"),
    ({"op": "one_hot", "num_classes": "30000"}, "num_classes"),
])
def test_creation_counts_over_the_caps_fall_back_with_a_warning(query, param):
    warnings, problems, outcome = _open(query)
    assert len(warnings) == 1 and f"`{param}`" in warnings[0]
    assert problems == [] and outcome.error is None


def test_arange_with_a_million_steps_is_refused():
    warnings, _, outcome = _open({"op": "arange", "start": "0", "end": "1000000", "step": "1"})
    assert warnings == [] and outcome.error is not None and "1024" in outcome.error.torch_message


def test_every_int_argument_of_the_catalog_is_bounded():
    """A URL's int is checked against these bounds: without them a 310-digit number would reach torch."""
    unbounded = [(op, a.name) for op, spec in OPS.items() for a in spec.args
                 if a.kind == "int" and (a.minimum is None or a.maximum is None)]
    assert unbounded == []


@pytest.mark.parametrize("op, key", [(op, p.key) for op, spec in OPS.items() for p in spec.presets])
def test_the_size_check_knows_every_presets_result_shape(op, key):
    """The dry run (or the entry's own `shape_of_result`) gives the shapes torch gives; an op whose dry run cannot
    tell (data-dependent, numpy) must declare them, or the cap would not see it."""
    spec = OPS[op]
    call, _ = build_call(spec, preset_state(spec, key), "en")
    outcome = run(call, "en")
    if outcome.error is not None:
        return  # torch refused: nothing was allocated
    result = outcome.result
    tensors = [result] if isinstance(result, torch.Tensor) else [t for t in result] if isinstance(result, tuple) else []
    real = [tuple(t.shape) for t in tensors] or [()]
    assert result_shapes(call, _invoke) == real


def test_a_small_4d_result_gets_through():
    """The cap counts elements, not dims: a 3-d input unsqueezed at dim 0 still runs."""
    spec = OPS["unsqueeze"]
    call = OpCall(spec, {"input": torch.ones(16, 16, 4)}, {"dim": 0})
    outcome = run(call, "en")
    assert outcome.error is None and outcome.result.shape == (1, 16, 16, 4)


def test_the_dim_sweep_draws_at_most_the_cap_in_all():
    """stack of three full inputs gives 3,072 elements per dim; the sweep says the cases past the cap, not draws them."""
    spec = OPS["stack"]
    full = torch.ones(16, 16, 4)
    cases = sweep(OpCall(spec, {"tensors": [full, full, full]}, {"dim": 0}), "en")
    drawn = [c for c in cases if c.outcome.error is None]
    assert len(cases) == 4 and len(drawn) == 1
    assert all(CAP in c.outcome.error.torch_message for c in cases if c.outcome.error)


# --- values that used to raise out of the core ---


def test_transpose_of_a_0d_input_explains_and_maps_no_dims():
    _, _, outcome = _open({"op": "transpose", "input": "5", "dim0": "0", "dim1": "-1"})
    assert outcome.error is None and outcome.result.shape == ()
    call = OpCall(OPS["transpose"], {"input": torch.tensor(5)}, {"dim0": 0, "dim1": -1})
    assert OPS["transpose"].dim_map(call, 0) == {}


@pytest.mark.parametrize("op", list(OPS))
def test_shape_rules_and_dim_maps_take_a_0d_input_at_every_dim(op):
    """Every op that runs on a 0-d input (a grid the user can shrink to one cell) explains the result without a
    ZeroDivisionError from `dim % ndim`."""
    spec = OPS[op]
    base, _ = build_call(spec, preset_state(spec), "en")
    tensors = {name: [t.flatten()[:1].reshape(()) for t in v] if isinstance(v, list)
               else v.flatten()[:1].reshape(()) if isinstance(v, torch.Tensor) else v for name, v in base.tensors.items()}
    dims = [a for a in spec.args if a.kind == "dim"]
    for values in _every_combination([list(dim_range(0, a.new_axis)) + [None] * a.none_allowed for a in dims]):
        call = OpCall(spec, tensors, {**base.args, **{a.name: v for a, v in zip(dims, values)}})
        outcome = run(call, "en")
        if outcome.error is not None:
            continue
        shape = tuple(getattr(outcome.result, "shape", ())) if isinstance(outcome.result, torch.Tensor) else ()
        spec.shape_rule(call, shape, "en")
        if spec.dim_sources:
            spec.dim_sources(call, shape)
        elif spec.dim_map:
            spec.dim_map(call, len(shape))


def _every_combination(choices: list[list]) -> list[tuple]:
    combos = [()]
    for options in choices:
        combos = [c + (o,) for c in combos for o in options]
    return combos


@pytest.mark.parametrize("depth", [MAX_NDIM + 2, 984, 9_000])
def test_a_deeply_nested_literal_is_refused_before_parsing(depth):
    raw = "[" * depth + "]" * depth
    warnings, problems, outcome = _open({"op": "sum", "input": raw})
    assert len(warnings) == 1 and "`input`" in warnings[0] and str(MAX_NDIM + 1) in warnings[0]
    warnings, _, _ = _open({"op": "cat", "tensors": raw})
    assert len(warnings) == 1 and "`tensors`" in warnings[0]


def test_a_full_tensors_list_is_not_too_deep():
    cube = json.dumps([[[1]]])
    warnings, problems, outcome = _open({"op": "cat", "tensors": f"[{cube},{cube}]", "dim": "0"})
    assert warnings == [] and problems == [] and outcome.error is None


def test_the_other_pages_matrix_literals_refuse_deep_nesting_and_huge_numbers():
    """losses and activations read their tensors as `matrix` parameters."""
    matrix = Param("input", "matrix", [[1.0]])
    for raw in (DEEP, "[" * 50_000 + "]" * 50_000, f"[[{HUGE_INT}]]", f"[{HUGE_INT}, 1]"):
        with pytest.raises(BadParam):
            matrix.parse(raw, "en")
    values, warnings = decode_page([matrix], {"input": DEEP}, "zh")
    assert values["input"] == [[1.0]] and len(warnings) == 1


@pytest.mark.parametrize("kind", ["int", "float"])
def test_a_310_digit_number_in_a_page_parameter_is_out_of_range(kind):
    for param in (Param("x", kind, 1, minimum=0, maximum=10), Param("x", kind, 1)):
        with pytest.raises(BadParam):
            param.parse(HUGE_INT, "en")


@pytest.mark.parametrize("query, param", [
    ({"op": "eye", "n": HUGE_INT}, "n"),
    ({"op": "narrow", "start": HUGE_INT}, "start"),
    ({"op": "sum", "dim": HUGE_INT}, "dim"),
    ({"op": "clamp", "min": HUGE_INT}, "min"),
    ({"op": "repeat", "repeats": f"[{HUGE_INT}]"}, "repeats"),
    ({"op": "ones", "size": f"[{HUGE_INT}]"}, "size"),
    ({"op": "sum", "input": f"[{HUGE_INT}]"}, "input"),
    ({"op": "sum", "input": f"[{HUGE_INT},0.5]"}, "input"),
    ({"op": "cat", "tensors": f"[[1],[{HUGE_INT}]]"}, "tensors"),
])
def test_a_310_digit_integer_in_a_link_falls_back_with_a_warning(query, param):
    warnings, problems, outcome = _open(query)
    assert problems == [] and outcome is not None
    assert len(warnings) == 1 and f"`{param}`" in warnings[0]


def test_a_310_digit_integer_in_an_int64_cell_is_an_int64_overflow():
    warnings, _, _ = _open({"op": "sum", "input": f"[{HUGE_INT}]"})
    assert "int64" in warnings[0] and "infinite" not in warnings[0]


@pytest.mark.parametrize("query", [
    {"op": "clamp", "min": "1e39"},
    {"op": "clamp", "max": "-1e39"},
    {"op": "clamp_", "min": "1e39"},
    {"op": "arange", "start": "0", "end": "1e19", "step": "1e39"},
    {"op": "arange", "start": "-1e300", "end": "1e300", "step": "1e298"},
    {"op": "full", "fill_value": "1e39"},
])
def test_a_whole_float_past_int64_reaches_torch_as_the_float_it_is(query):
    """Past int64 a whole number cannot be passed as an int (torch raised OverflowError); it stays the float it was
    typed as, as in Python, and torch's answer or refusal is shown."""
    warnings, problems, outcome = _open(query)
    assert warnings == [] and problems == []
    assert outcome.error is None or outcome.error.torch_message


def test_a_refused_dry_run_is_not_kept_so_it_cannot_lift_the_cap():
    """A dry run that raised once (here a stand-in invoke that fails on its first call) is asked again next time:
    were the refusal kept, every later call with that layout would skip the cap."""
    calls = []

    def flaky(call):
        calls.append(call)
        if len(calls) == 1:
            raise RuntimeError("a one-off failure")
        return _invoke(call)

    big = OpCall(OPS["repeat"], {"input": torch.zeros(4, 4)}, {"repeats": (1000, 1000)})
    assert result_shapes(big, flaky) == []
    assert result_shapes(big, flaky) == [(4000, 4000)]
    assert len(calls) == 2


def test_the_dry_run_is_kept_by_layout_not_reused_across_shapes_or_strides():
    """result_shapes keeps each dry run by op, arguments and the inputs' dtypes, shapes and strides: another shape,
    or the same shape laid out transposed (which view refuses), gets its own answer, equal to torch's."""
    view = OPS["view"]
    contiguous, transposed = torch.zeros(2, 3), torch.zeros(3, 2).t()  # both (2, 3)
    assert result_shapes(OpCall(view, {"input": contiguous}, {"shape": (3, 2)}), _invoke) == [(3, 2)]
    assert result_shapes(OpCall(view, {"input": contiguous}, {"shape": (3, 2)}), _invoke) == [(3, 2)]  # kept
    with pytest.raises(RuntimeError):
        transposed.view(3, 2)
    assert result_shapes(OpCall(view, {"input": transposed}, {"shape": (3, 2)}), _invoke) == []  # torch refuses it
    assert result_shapes(OpCall(view, {"input": torch.zeros(3, 4)}, {"shape": (-1,)}), _invoke) == [(12,)]
    summed = OPS["sum"]
    for shape, dim, expected in (((2, 3), 0, (3,)), ((4, 5), 0, (5,)), ((4, 5), 1, (4,))):
        call = OpCall(summed, {"input": torch.ones(shape)}, {"dim": dim, "keepdim": False})
        assert result_shapes(call, _invoke) == [expected] == [tuple(torch.sum(torch.ones(shape), dim).shape)]
