"""The op catalog: every preset builds, runs like plain torch code, and explains itself in both languages."""

import re
import string

import pytest
import torch

from core.messages import MSG
from core.ops.catalog import OPS
from core.ops.run import OpError, run
from core.ops.spec import OpCall, dim_range
from core.ops.state import InputState, OpState, arg_choices, build_call, preset_state, with_valid_dims
from core.text import Text

CJK = re.compile(r"[\u4e00-\u9fff]")
PRESETS = [(op, p.key) for op, spec in OPS.items() for p in spec.presets]
A = torch.tensor([[1, 2], [3, 4]])
B = torch.tensor([[5, 6], [7, 8]])
X = torch.tensor([[10, 20, 30], [40, 50, 60], [70, 80, 90]])
ONES_2x3 = torch.ones((2, 3))
R23 = torch.tensor([[1, 2, 3], [4, 5, 6]])

# Each preset as a learner would write it in plain torch; None where torch refuses (a "mismatch" preset).
EXPECTED = {
    ("ones", "guide"): lambda: torch.ones((2, 3)),
    ("ones", "vector"): lambda: torch.ones(4),
    ("ones", "cube"): lambda: torch.ones((2, 2, 3)),
    ("sum", "all"): lambda: torch.sum(ONES_2x3),
    ("sum", "dim0"): lambda: torch.sum(ONES_2x3, dim=0),
    ("sum", "dim1"): lambda: torch.sum(ONES_2x3, dim=1),
    ("sum", "dim0_keep"): lambda: torch.sum(ONES_2x3, dim=0, keepdim=True),
    ("sum", "dim1_keep"): lambda: torch.sum(ONES_2x3, dim=1, keepdim=True),
    ("sum", "counting"): lambda: R23.sum(dim=-1),
    ("sum", "cube"): lambda: torch.tensor([[[1, 2], [3, 4]], [[10, 20], [30, 40]]]).sum(dim=0),
    ("mm", "guide"): lambda: torch.mm(A, B),
    ("mm", "rect"): lambda: torch.mm(R23, torch.tensor([[1, 0], [0, 1], [1, 1]])),
    ("mm", "mismatch"): None,
    ("matmul", "guide_mm"): lambda: A @ B,
    ("matmul", "guide_mv"): lambda: A @ torch.tensor([1, 1]),
    ("matmul", "guide_dot"): lambda: torch.tensor([1, 2]) @ torch.tensor([3, 4]),
    ("matmul", "vm"): lambda: torch.tensor([1, 1]) @ A,
    ("matmul", "batched"): lambda: torch.stack([A, B]) @ torch.tensor([[1, 0], [0, 2]]),
    ("mul", "guide"): lambda: torch.tensor([1, 2, 3]) * torch.tensor([4, 5, 6]),
    ("mul", "guide_scalar"): lambda: torch.tensor([1, 2, 3]) * torch.tensor(2),
    ("mul", "hadamard"): lambda: A * B,
    ("mul", "broadcast_row"): lambda: R23 * torch.tensor([10, 100, 1000]),
    ("mul", "broadcast_col"): lambda: R23 * torch.tensor([[10], [100]]),
    ("mul", "mismatch"): None,
    ("gather", "guide_dim0"): lambda: torch.gather(X, 0, torch.tensor([[0, 2, 1], [1, 0, 2], [2, 1, 0]])),
    ("gather", "guide_dim1"): lambda: torch.gather(X, 1, torch.tensor([[2, 1, 0], [0, 2, 1], [1, 0, 2]])),
    ("gather", "guide_labels"): lambda: torch.gather(
        torch.softmax(torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.1, 1.3]]), dim=1).round(decimals=4), 1,
        torch.tensor([[0], [1]]),
    ),
    ("gather", "repeat"): lambda: torch.tensor([[1, 2, 3, 4]]).gather(1, torch.tensor([[3, 3, 0, 1, 1]])),
    ("stack", "guide_dim0"): lambda: torch.stack([torch.tensor([1, 2]), torch.tensor([3, 4]), torch.tensor([5, 6])]),
    ("stack", "guide_dim1"): lambda: torch.stack(
        [torch.tensor([1, 2]), torch.tensor([3, 4]), torch.tensor([5, 6])], dim=1
    ),
    ("stack", "matrices"): lambda: torch.stack([A, B]),
    ("stack", "matrices_last"): lambda: torch.stack([A, B], dim=-1),
    ("cat", "guide_dim0"): lambda: torch.cat([A, B]),
    ("cat", "guide_dim1"): lambda: torch.cat([A, B], dim=1),
    ("cat", "guide_ragged"): lambda: torch.cat([A, torch.tensor([[5, 6]])], dim=0),
    ("cat", "guide_scalar"): lambda: torch.cat([torch.tensor([1, 2, 3]), torch.tensor([4])]),
    ("cat", "three"): lambda: torch.cat(
        [torch.tensor([[1], [2]]), torch.tensor([[3, 4], [5, 6]]), torch.tensor([[7], [8]])], dim=-1
    ),
}

# The guide's examples, written out value by value.
GUIDE_VALUES = {
    ("sum", "all"): torch.tensor(6.0),
    ("sum", "dim0"): torch.tensor([2.0, 2.0, 2.0]),
    ("sum", "dim1"): torch.tensor([3.0, 3.0]),
    ("sum", "dim0_keep"): torch.tensor([[2.0, 2.0, 2.0]]),
    ("sum", "dim1_keep"): torch.tensor([[3.0], [3.0]]),
    ("mm", "guide"): torch.tensor([[19, 22], [43, 50]]),
    ("matmul", "guide_mm"): torch.tensor([[19, 22], [43, 50]]),
    ("matmul", "guide_mv"): torch.tensor([3, 7]),
    ("matmul", "guide_dot"): torch.tensor(11),
    ("mul", "guide"): torch.tensor([4, 10, 18]),
    ("mul", "guide_scalar"): torch.tensor([2, 4, 6]),
    ("gather", "guide_dim0"): torch.tensor([[10, 80, 60], [40, 20, 90], [70, 50, 30]]),
    ("gather", "guide_dim1"): torch.tensor([[30, 20, 10], [40, 60, 50], [80, 70, 90]]),
    # torch's softmax of the guide's logits: the guide prints 0.5141 for row 1, from a misprinted softmax row
    ("gather", "guide_labels"): torch.tensor([[0.659], [0.6056]]),
    ("stack", "guide_dim0"): torch.tensor([[1, 2], [3, 4], [5, 6]]),
    ("stack", "guide_dim1"): torch.tensor([[1, 3, 5], [2, 4, 6]]),
    ("cat", "guide_dim0"): torch.tensor([[1, 2], [3, 4], [5, 6], [7, 8]]),
    ("cat", "guide_dim1"): torch.tensor([[1, 2, 5, 6], [3, 4, 7, 8]]),
    ("cat", "guide_ragged"): torch.tensor([[1, 2], [3, 4], [5, 6]]),
    ("cat", "guide_scalar"): torch.tensor([1, 2, 3, 4]),
    ("ones", "guide"): torch.tensor([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]),
}


def preset_call(op: str, key: str) -> OpCall:
    spec = OPS[op]
    call, problems = build_call(spec, preset_state(spec, key), "en")
    assert problems == [], problems
    return call


def assert_same(actual: torch.Tensor, expected: torch.Tensor) -> None:
    assert actual.dtype == expected.dtype, (actual.dtype, expected.dtype)
    assert torch.equal(actual, expected), (actual, expected)


GUIDE_OPS = ["ones", "sum", "mm", "matmul", "mul", "gather", "stack", "cat"]


def test_expected_table_covers_every_preset_of_the_guide_ops():
    """Every preset of the guide's ops has a hand-written expectation here (a new preset needs one too)."""
    assert sorted(EXPECTED) == sorted((op, key) for op, key in PRESETS if op in GUIDE_OPS)
    assert set(GUIDE_VALUES) <= set(PRESETS)


def test_catalog_has_the_guide_ops_in_order():
    """The catalog offers the guide's ops in the guide's order, keyed by torch's name."""
    assert [op for op in OPS if op in GUIDE_OPS] == GUIDE_OPS
    assert all(spec.name == name for name, spec in OPS.items())
    assert all(OPS[name].function == f"torch.{name}" for name in GUIDE_OPS)


@pytest.mark.parametrize("op, key", PRESETS)
def test_preset_builds_without_problems(op, key):
    """Every preset's grids parse (in both languages) and its dims are valid choices."""
    spec = OPS[op]
    state = preset_state(spec, key)
    for lang in ("en", "zh"):
        call, problems = build_call(spec, state, lang)
        assert problems == [] and call is not None
    for param in spec.tensors:
        assert state.inputs[param.name].dtype in param.dtypes
    for arg in spec.args:
        if arg.kind == "dim":
            assert state.args[arg.name] in arg_choices(spec, state, arg.name)
    assert with_valid_dims(spec, state) == (state, [])


@pytest.mark.parametrize("op, key", PRESETS)
def test_preset_runs_like_plain_torch(op, key):
    """run() gives exactly what the plain torch code gives, or, for a mismatch preset, an explained error.

    Ops beyond the guide's have no hand-written expectation here: they must run or give a complete OpError.
    """
    outcome = run(preset_call(op, key), "en")
    if op not in GUIDE_OPS:
        assert (outcome.error is None) != (outcome.result is None and isinstance(outcome.error, OpError))
        if outcome.error is not None:
            assert outcome.error.torch_message and outcome.error.shapes and outcome.error.fix
        return
    expected = EXPECTED[(op, key)]
    if expected is None:
        assert key == "mismatch"
        assert outcome.result is None and isinstance(outcome.error, OpError)
        assert outcome.error.torch_message and outcome.error.shapes and outcome.error.fix
        return
    assert outcome.error is None, outcome.error
    assert_same(outcome.result, expected())


@pytest.mark.parametrize("op, key", sorted(GUIDE_VALUES))
def test_guide_examples_give_the_guides_values(op, key):
    """The guide's printed results, value by value."""
    assert_same(run(preset_call(op, key), "en").result, GUIDE_VALUES[(op, key)])


def test_first_preset_is_the_default_state():
    """preset_state without a key is the first preset."""
    for spec in OPS.values():
        assert preset_state(spec) == preset_state(spec, spec.presets[0].key)


# --- mismatch presets: torch's refusal explained ---------------------------------------------------------------


def test_mm_mismatch_suggests_transposing_mat2():
    """(2, 3) @ (2, 3): torch's message, the shapes, and the fix `transpose mat2`, in both languages."""
    call = preset_call("mm", "mismatch")
    error = run(call, "en").error
    assert "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)" in error.torch_message
    assert error.shapes == "input (2, 3) int64, mat2 (2, 3) int64"
    assert "transpose `mat2`: (2, 3) -> (3, 2)" in error.fix
    assert "`mat2.t()`" in error.fix
    zh = run(call, "zh").error.fix
    assert "`mat2`" in zh and "(2, 3) -> (3, 2)" in zh and CJK.search(zh)
    fixed = OpCall(call.spec, {**call.tensors, "mat2": call.tensors["mat2"].t()}, call.args)
    assert_same(run(fixed, "en").result, torch.mm(R23, torch.tensor([[1, 0, 1], [0, 1, 1]]).t()))


def test_mul_mismatch_suggests_unsqueezing_other():
    """(2, 3) * (2,): the fix makes `other` a column, (2,) -> (2, 1), and torch accepts it."""
    call = preset_call("mul", "mismatch")
    error = run(call, "en").error
    assert "must match the size of tensor b (2)" in error.torch_message
    assert error.shapes == "input (2, 3) int64, other (2,) int64"
    assert "unsqueeze" in error.fix and "`other`" in error.fix and "(2,) -> (2, 1)" in error.fix
    zh = run(call, "zh").error.fix
    assert "unsqueeze" in zh and CJK.search(zh)
    fixed = OpCall(call.spec, {**call.tensors, "other": call.tensors["other"].unsqueeze(-1)}, call.args)
    assert_same(run(fixed, "en").result, R23 * torch.tensor([[10], [100]]))


# --- texts -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("op, key", PRESETS)
def test_shape_rule_in_both_languages(op, key):
    """The shape rule is non-empty in English and in Chinese for every preset (given the result's shape when it
    runs); for the guide's ops the Chinese is really Chinese and both name the result's shape."""
    call = preset_call(op, key)
    outcome = run(call, "en")
    out = tuple(outcome.result.shape) if isinstance(outcome.result, torch.Tensor) else ()
    en, zh = call.spec.shape_rule(call, out, "en"), call.spec.shape_rule(call, out, "zh")
    assert isinstance(en, str) and isinstance(zh, str)
    assert en.strip() and zh.strip()
    if op not in GUIDE_OPS:
        return
    assert en != zh and CJK.search(zh) and not CJK.search(en)
    if isinstance(outcome.result, torch.Tensor):
        shown = str(out) if len(out) != 1 else f"({out[0]},)"
        assert shown in en and shown in zh


def test_shape_rule_for_sum_mentions_dim_and_keepdim():
    """sum's rule names the dim, its size, and what keepdim does."""
    call = preset_call("sum", "dim0_keep")
    assert call.spec.shape_rule(call, (1, 3), "en") == (
        "(2, 3) -> (1, 3): dim 0 (size 2) is summed down to size 1 (keepdim=True); the other dims stay"
    )


def test_mul_shape_rule_shows_the_broadcast_failure():
    """For (2, 3) * (2,), the broadcasting words show which dim cannot agree."""
    call = preset_call("mul", "mismatch")
    assert "3≠2 ✗" in call.spec.shape_rule(call, (), "en")


def _all_texts():
    for name, spec in OPS.items():
        yield f"{name}.summary", spec.summary
        if spec.hint is not None:
            yield f"{name}.hint", spec.hint
        for preset in spec.presets:
            yield f"{name}.{preset.key}.title", preset.title


@pytest.mark.parametrize("where, text", list(_all_texts()), ids=[w for w, _ in _all_texts()])
def test_every_catalog_text_has_both_languages(where, text):
    """Summaries and preset titles are Text with non-empty English and Chinese."""
    assert isinstance(text, Text)
    assert text.en.strip() and text.zh.strip()
    assert text("en") == text.en and text("zh") == text.zh


def test_preset_keys_and_titles_are_unique_per_op():
    """A preset is found by its key and shown by its title: neither may repeat within an op."""
    for spec in OPS.values():
        keys = [p.key for p in spec.presets]
        assert len(set(keys)) == len(keys)
        for lang in ("en", "zh"):
            titles = [p.title(lang) for p in spec.presets]
            assert len(set(titles)) == len(titles), (spec.name, lang)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(MSG))
def test_every_message_has_both_languages_with_the_same_fields(key):
    """Every MSG entry has English and Chinese, and both use the same {fields}."""
    text = MSG[key]
    assert text.en.strip() and text.zh.strip()
    assert _fields(text.en) == _fields(text.zh), key
    filled = {name: "X" for name in _fields(text.en)}
    assert text("en", **filled) and text("zh", **filled)


# --- errors that are not presets ----------------------------------------------------------------------------------


def test_sum_dim_out_of_range_is_explained_not_raised():
    """sum(dim=2) of a 2-d input: an OpError whose fix names the valid range -2..1."""
    call = OpCall(OPS["sum"], {"input": torch.ones((2, 3))}, {"dim": 2, "keepdim": False})
    outcome = run(call, "en")
    assert outcome.result is None
    assert "Dimension out of range" in outcome.error.torch_message
    assert outcome.error.fix == "choose `dim` in -2..1: `input` has 2 dims."
    assert "-2..1" in run(call, "zh").error.fix


def test_stack_and_cat_dim_out_of_range_name_their_ranges():
    """A new axis (stack) allows -(n+1)..n; an existing one (cat) -n..n-1."""
    tensors = [torch.ones((2, 3)), torch.ones((2, 3))]
    stack = run(OpCall(OPS["stack"], {"tensors": tensors}, {"dim": 3}), "en").error
    cat = run(OpCall(OPS["cat"], {"tensors": tensors}, {"dim": 2}), "en").error
    assert "-3..2" in stack.fix and "`tensors`" in stack.fix
    assert "-2..1" in cat.fix and "`tensors`" in cat.fix


def test_gather_index_out_of_range_names_the_cell():
    """An index value 3 along a dim of size 3: the fix names the offending index cell and the valid range."""
    call = OpCall(
        OPS["gather"],
        {"input": torch.tensor([[1, 2, 3], [4, 5, 6]]), "index": torch.tensor([[0, 1], [3, 2]])},
        {"dim": 1},
    )
    error = run(call, "en").error
    assert "index 3 is out of bounds for dimension 1 with size 3" in error.torch_message
    assert "index[1, 0] = 3" in error.fix
    assert "0..2" in error.fix
    zh = run(call, "zh").error.fix
    assert "index[1, 0] = 3" in zh and CJK.search(zh)


def test_mm_of_int64_and_float32_suggests_a_cast():
    """mm refuses mixed dtypes; the fix is a `.to(torch.<dtype>)` cast that torch accepts."""
    call = OpCall(OPS["mm"], {"input": A, "mat2": torch.tensor([[1.0, 0.0], [0.0, 1.0]])}, {})
    error = run(call, "en").error
    assert error.shapes == "input (2, 2) int64, mat2 (2, 2) float32"
    assert ".to(torch." in error.fix and "dtype" in error.fix


def test_mm_dtype_fix_casts_to_the_common_dtype():
    """The suggested cast must not throw away the float operand's fractions."""
    call = OpCall(OPS["mm"], {"input": A, "mat2": torch.tensor([[0.5, 1.5], [1.0, 0.0]])}, {})
    fix = run(call, "en").error.fix
    assert "torch.float32" in fix
    assert "torch.int64" not in fix


def test_run_never_raises_for_unusual_calls():
    """mm of a vector is refused by torch: run explains it instead of raising."""
    call = OpCall(OPS["mm"], {"input": torch.tensor([1, 2]), "mat2": A}, {})
    outcome = run(call, "en")
    assert outcome.result is None and outcome.error.torch_message and outcome.error.fix


# --- dims --------------------------------------------------------------------------------------------------------


def _state_with(op: str, key: str, **texts) -> OpState:
    state = preset_state(OPS[op], key)
    inputs = {**state.inputs, **{n: InputState(t, state.inputs[n].dtype) for n, t in texts.items()}}
    return OpState(op, inputs, state.args)


@pytest.mark.parametrize(
    "op, key, texts, expected",
    [
        ("sum", "all", {}, [None, -2, -1, 0, 1]),
        ("sum", "cube", {}, [None, -3, -2, -1, 0, 1, 2]),
        ("sum", "all", {"input": "1.0"}, [None, -1, 0]),
        ("sum", "all", {"input": ["1.0", "2.0"]}, [None, -1, 0]),
        ("gather", "guide_dim0", {}, [-2, -1, 0, 1]),
        ("cat", "guide_dim0", {}, [-2, -1, 0, 1]),
        ("cat", "guide_scalar", {}, [-1, 0]),
        ("stack", "guide_dim0", {}, [-2, -1, 0, 1]),
        ("stack", "matrices", {}, [-3, -2, -1, 0, 1, 2]),
    ],
)
def test_arg_choices(op, key, texts, expected):
    """-n..n-1 for an existing dim (None first for sum), -(n+1)..n for stack's new dim."""
    assert arg_choices(OPS[op], _state_with(op, key, **texts), "dim") == expected


@pytest.mark.parametrize("op, key", [("sum", "cube"), ("sum", "counting"), ("stack", "matrices"), ("stack", "guide_dim0"), ("cat", "guide_dim1")])
def test_arg_choices_are_exactly_the_dims_torch_accepts(op, key):
    """Every offered dim runs; the dims just outside the range are refused as out of range."""
    spec = OPS[op]
    state = preset_state(spec, key)
    call = preset_call(op, key)
    choices = [c for c in arg_choices(spec, state, "dim") if c is not None]
    for dim in choices:
        outcome = run(OpCall(spec, call.tensors, {**call.args, "dim": dim}), "en")
        assert outcome.error is None, (dim, outcome.error)
    for dim in (min(choices) - 1, max(choices) + 1):
        outcome = run(OpCall(spec, call.tensors, {**call.args, "dim": dim}), "en")
        assert "Dimension out of range" in outcome.error.torch_message


def test_dim_range():
    """0-d tensors count as 1-d for an existing dim, and a new axis has one more place."""
    assert list(dim_range(0)) == [-1, 0]
    assert list(dim_range(2)) == [-2, -1, 0, 1]
    assert list(dim_range(0, new_axis=True)) == [-1, 0]
    assert list(dim_range(2, new_axis=True)) == [-3, -2, -1, 0, 1, 2]


def test_with_valid_dims_resets_an_out_of_range_dim():
    """sum(dim=2) of a 2-d input: dim goes back to its default None, and the reset is reported."""
    spec = OPS["sum"]
    state = OpState("sum", preset_state(spec).inputs, {"dim": 2, "keepdim": True})
    valid, resets = with_valid_dims(spec, state)
    assert valid.args == {"dim": None, "keepdim": True}
    assert resets == [("dim", 2, None)]


def test_with_valid_dims_after_the_input_shrinks():
    """gather's dim=1 on a new 1-d input is reset to a dim that input has; the inputs are untouched."""
    spec = OPS["gather"]
    state = _state_with("gather", "guide_dim1", input=["1", "2", "3"], index=["0", "2"])
    valid, resets = with_valid_dims(spec, state)
    assert valid.args["dim"] in arg_choices(spec, state, "dim")
    assert resets == [("dim", 1, valid.args["dim"])]
    assert valid.inputs == state.inputs


def test_with_valid_dims_keeps_valid_dims():
    """A dim in range is left alone, negative ones too."""
    spec = OPS["stack"]
    state = preset_state(spec, "matrices_last")
    assert with_valid_dims(spec, state) == (state, [])


def test_every_op_has_a_dtype_choice_or_an_argument():
    """The ops page tells that Streamlit forgot its widgets (after a visit to another page) by those widgets' keys:
    an op with neither a dtype picker nor an argument would never be reloaded."""
    for spec in OPS.values():
        assert spec.args or any(len(p.dtypes) > 1 for p in spec.tensors), spec.name
