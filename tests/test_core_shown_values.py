"""What the ops page shows is what torch computed on what the user asked for: no idiom run another way than its
snippet, no validator refusing what torch computes, no dtype dropped, no URL value silently changed, and no fix
suggested for another kind of error than torch's."""

import re

import numpy as np
import pytest
import torch

from core.codegen import printed, snippet
from core.messages import MSG
from core.ops.catalog import OPS
from core.ops.run import explain, run
from core.ops.spec import OpCall
from core.ops.state import InputState, OpState, build_call
from core.url_state import decode
from tests.snippets import run_snippets

CJK = re.compile(r"[\u4e00-\u9fff]")
SHAPES_AGREE = MSG["fix_none"]("en")


def built(op: str, inputs: dict, args: dict | None = None) -> OpCall:
    """A call from grid text and dtypes, {name: (text, dtype)}, as the page builds it."""
    spec = OPS[op]
    state = OpState(op, {name: InputState(text, dtype) for name, (text, dtype) in inputs.items()},
                    {a.name: a.default for a in spec.args} | (args or {}))
    call, problems = build_call(spec, state, "en")
    assert problems == [], problems
    return call


# --- np.eye(n)[y]: the page runs the snippet's own expression ----------------------------------------------------

EYE_LABELS = {"one": ["2"], "one_in_2d": [["1"]], "zero_d": "0", "three": ["0", "2", "2"], "grid": [["0", "1"], ["2", "0"]]}


@pytest.mark.parametrize("labels", EYE_LABELS.values(), ids=EYE_LABELS.keys())
def test_numpy_eye_rows_is_what_numpy_gives_for_the_tensor_itself(labels):
    """np.eye(3)[y] with y the tensor (as the snippet writes it): a one-element y is read as one integer."""
    call = built("np.eye(n)[y]", {"input": (labels, "int64")}, {"num_classes": 3})
    y = call.tensors["input"]
    expected = torch.tensor(np.eye(3)[y])
    assert torch.equal(run(call, "en").result, expected)
    if y.numel() == 1:
        assert tuple(expected.shape) == (3,)
        assert "Tensor.__index__" in call.spec.shape_rule(call, (3,), "en")
        assert "Tensor.__index__" in call.spec.shape_rule(call, (3,), "zh")


def test_numpy_eye_rows_snippets_print_what_the_page_shows(tmp_path):
    """Run as scripts, the snippets print exactly the page's result, the one-element cases included."""
    calls = {name: built("np.eye(n)[y]", {"input": (labels, "int64")}) for name, labels in EYE_LABELS.items()}
    out = run_snippets(tmp_path, {name: snippet(call) for name, call in calls.items()})
    for name, call in calls.items():
        assert out[name] == printed(run(call, "en").result), name
    assert out["one"] == "tensor([0., 0., 1.], dtype=torch.float64)\n"


# --- einsum: torch decides, and its refusals are explained ------------------------------------------------------


@pytest.mark.parametrize(
    "equation, shapes",
    [
        ("ij,jk->ik", [(2, 3), (1, 2)]),  # size-1 broadcasting of j
        ("i...j,jk->ik", [(2, 5, 3), (3, 4)]),  # '...' in the middle of a term
        ("...ij,...jk", [(2, 2, 3), (3, 4)]),  # implicit output with '...'
        ("ij->i...", [(2, 3)]),
    ],
)
def test_einsum_computes_whatever_torch_computes(equation, shapes):
    operands = [torch.arange(1, 1 + int(np.prod(s))).reshape(s) for s in shapes]
    outcome = run(OpCall(OPS["einsum"], {"operands": operands}, {"equation": equation}), "en")
    assert outcome.error is None, outcome.error
    assert torch.equal(outcome.result, torch.einsum(equation, *operands))


@pytest.mark.parametrize(
    "equation, shapes, words",
    [
        ("ij,jk->ik", [(2, 3), (2, 3)], "Letter ` j ` stands for size 2 in operands[1] but 3 before"),
        ("ij,jk,kl->il", [(2, 3), (3, 4)], "names 3 operand(s) but 2 tensor(s)"),
        ("ijk,jk->ik", [(2, 3), (3, 4)], "operands[0] has 2 dims but its term ` ijk ` names 3"),
        ("ij,jk->iz", [(2, 3), (3, 4)], "output letter ` z ` names no input dim"),
        ("ij,jk->ii", [(2, 3), (3, 4)], "output letter ` i ` appears twice"),
        ("ii->", [(2, 3)], "not 3 and 2"),
        ("...i,...i->...", [(2, 3), (3, 3)], "operands[1] has size 3 where an earlier operand has 2"),
        ("i.j->i", [(2, 3)], "only as '...'"),
        ("ij->->i", [(2, 3)], "'->' at most once"),
    ],
)
def test_einsum_refusals_are_torchs_own_explained_in_both_languages(equation, shapes, words):
    operands = [torch.ones(s) for s in shapes]
    call = OpCall(OPS["einsum"], {"operands": operands}, {"equation": equation})
    error = run(call, "en").error
    assert error.from_torch and error.torch_message.startswith("einsum():")
    assert words in error.fix
    zh = run(call, "zh").error.fix
    assert CJK.search(zh) and zh != error.fix


@pytest.mark.parametrize("equation", ["ij;jk", "ij,jk->ik\n", "ij<jk", "i" * 61])
def test_einsum_keeps_only_its_safety_checks(equation):
    """Unknown characters and overlong equations never reach torch."""
    call = OpCall(OPS["einsum"], {"operands": [torch.ones(2, 3)]}, {"equation": equation})
    error = run(call, "en").error
    assert error is not None and not error.from_torch


# --- a 0-d exponent / other: the chosen dtype counts -------------------------------------------------------------


def test_a_float64_exponent_makes_a_float64_power():
    """int64 input ** a 0-d float64 exponent: float64, as torch gives for that tensor (a number would give float32)."""
    call = built("pow", {"input": (["1", "2", "3"], "int64"), "exponent": ("2", "float64")})
    assert isinstance(call.tensors["exponent"], torch.Tensor) and call.tensors["exponent"].dtype == torch.float64
    outcome = run(call, "en")
    expected = torch.pow(torch.tensor([1, 2, 3]), torch.tensor(2.0, dtype=torch.float64))
    assert outcome.result.dtype == torch.float64 and torch.equal(outcome.result, expected)
    assert "exponent = torch.tensor(2.0, dtype=torch.float64)\n" in snippet(call)


def test_where_with_a_float64_other_keeps_its_dtype():
    call = built("where", {"condition": (["True", "False"], "bool"), "input": (["1", "2"], "int64"),
                           "other": ("0.5", "float64")})
    result = run(call, "en").result
    assert result.dtype == torch.float64
    assert torch.equal(result, torch.where(torch.tensor([True, False]), torch.tensor([1, 2]),
                                           torch.tensor(0.5, dtype=torch.float64)))


@pytest.mark.parametrize("text, dtype, number", [("2", "int64", 2), ("2.5", "float32", 2.5), ("0.0", "float32", 0.0)])
def test_a_number_of_the_chosen_dtype_is_still_written_as_a_number(text, dtype, number):
    """torch.pow(input, 2): the guide's spelling stays when the plain number means the same dtype."""
    call = built("pow", {"input": (["1.5", "2.0"], "float32"), "exponent": (text, dtype)})
    assert call.tensors["exponent"] == number and not isinstance(call.tensors["exponent"], torch.Tensor)
    assert f"exponent = {number!r}\n" in snippet(call)


# --- the URL refuses what the grid editor refuses ----------------------------------------------------------------


@pytest.mark.parametrize(
    "literal, dtype, cell",
    [("[0.5,1.7,-2.9]", "int64", "input[0]"), ("[1,2.5]", "int64", "input[1]"), ("[0,2]", "bool", "input[1]"),
     ("[[1,0.5]]", "bool", "input[0, 1]")],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_url_values_that_the_dtype_cannot_hold_are_refused_with_a_message(literal, dtype, cell, lang):
    state, warnings = decode({"op": "sum", "input": literal, "input_dtype": dtype}, lang)
    assert len(warnings) == 1 and cell in warnings[0] and "`input`" in warnings[0]
    assert state.inputs["input"] == decode({"op": "sum"}, lang)[0].inputs["input"]  # the example's value instead


@pytest.mark.parametrize(
    "literal, dtype, text",
    [("[3.0,-1]", "int64", ["3", "-1"]), ("[true,false]", "int64", ["1", "0"]), ("[1,0]", "bool", ["True", "False"]),
     ("[1,2]", "float64", ["1.0", "2.0"])],
)
def test_url_values_the_dtype_holds_exactly_are_kept(literal, dtype, text):
    state, warnings = decode({"op": "sum", "input": literal, "input_dtype": dtype}, "en")
    assert warnings == [] and state.inputs["input"] == InputState(text, dtype)


# --- each kind of refusal gets a fix that fits it ----------------------------------------------------------------


def test_integers_to_a_negative_power_suggest_a_float_dtype():
    call = built("pow", {"input": (["1", "2", "3"], "int64"), "exponent": ("-1", "int64")})
    error = run(call, "en").error
    assert "negative integer powers" in error.torch_message
    assert "float" in error.fix and error.fix != SHAPES_AGREE
    assert CJK.search(run(call, "zh").error.fix)


def test_a_fill_value_past_float32_suggests_a_value_that_fits():
    error = run(OpCall(OPS["full"], {}, {"size": (2, 3), "fill_value": 1e39}), "en").error
    assert "without overflow" in error.torch_message
    assert "3.4e38" in error.fix and "`float`" in error.fix


@pytest.mark.parametrize(
    "exc",
    [RuntimeError("[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: can't allocate memory: you tried "
                  "to allocate 8589934592 bytes. Error code 12 (Cannot allocate memory)"),
     MemoryError(), RuntimeError("numel: integer multiplication overflow")],
)
def test_an_allocation_failure_suggests_a_smaller_result(exc):
    call = OpCall(OPS["broadcast_to"], {"input": torch.ones(1)}, {"size": (1024, 1024, 1024)})
    for lang in ("en", "zh"):
        assert explain(call, exc, lang).fix == MSG["fix_too_large"](lang)


def test_mixed_dtypes_without_a_single_cast_suggest_one_dtype():
    call = OpCall(OPS["einsum"], {"operands": [torch.ones(2, dtype=torch.int64), torch.ones(2)]}, {"equation": "i,i"})
    error = run(call, "en").error
    assert "expected scalar type" in error.torch_message and error.fix == MSG["fix_dtypes"]("en")


def test_an_error_of_no_known_kind_gets_no_fix_and_a_shape_error_still_does():
    chunks = run(OpCall(OPS["chunk"], {"input": torch.ones(4)}, {"chunks": 0, "dim": 0}), "en").error
    assert "chunks" in chunks.torch_message and chunks.fix == ""
    stack = run(OpCall(OPS["stack"], {"tensors": [torch.ones(2, 2, 2), torch.ones(2, 2)]}, {"dim": 0}), "en").error
    assert "equal size" in stack.torch_message and stack.fix == SHAPES_AGREE
