"""Provenance: which input cells one result cell comes from (found through autograd)."""

import itertools

import pytest
import torch

from core.ops.catalog import OPS
from core.ops.provenance import sources
from core.ops.run import run
from core.ops.spec import OpCall
from core.ops.state import InputState, OpState, build_call, preset_state


def preset_call(op: str, key: str, **texts) -> OpCall:
    """A preset's call, with some grids replaced by `texts` (same dtype)."""
    spec = OPS[op]
    state = preset_state(spec, key)
    inputs = {**state.inputs, **{n: InputState(t, state.inputs[n].dtype) for n, t in texts.items()}}
    call, problems = build_call(spec, OpState(op, inputs, state.args), "en")
    assert problems == []
    return call


def found(call: OpCall, index) -> set:
    return set(sources(call, index))


def test_gather_guide_dim1_first_cell():
    """result[0, 0] with dim=1 comes from input[0, 2] (index[0, 0] = 2) and from index[0, 0] itself."""
    assert sources(preset_call("gather", "guide_dim1"), (0, 0)) == [("input", (0, 2)), ("index", (0, 0))]


@pytest.mark.parametrize("key", ["guide_dim0", "guide_dim1", "repeat", "guide_labels"])
def test_gather_every_cell_follows_the_formula(key):
    """result[i][j] = input[index[i][j]][j] (dim=0) or input[i][index[i][j]] (dim=1), for every result cell."""
    call = preset_call("gather", key)
    index, dim = call.tensors["index"], call.args["dim"]
    for i, j in itertools.product(*map(range, index.shape)):
        picked = index[i, j].item()
        expected_input = (picked, j) if dim == 0 else (i, picked)
        assert found(call, (i, j)) == {("input", expected_input), ("index", (i, j))}


def test_sum_dim0_comes_from_a_whole_column():
    """sum(dim=0): result[j] is column j of the input."""
    call = preset_call("sum", "dim0")
    for j in range(3):
        assert found(call, (j,)) == {("input", (0, j)), ("input", (1, j))}


def test_sum_keepdim_and_all():
    """keepdim keeps the index shape; dim=None draws on every cell."""
    assert found(preset_call("sum", "dim1_keep"), (1, 0)) == {("input", (1, j)) for j in range(3)}
    every = {("input", (i, j)) for i in range(2) for j in range(3)}
    assert found(preset_call("sum", "all"), ()) == every


def test_sum_of_a_3d_tensor_along_dim0():
    """sum(dim=0) of a cube adds the same cell of each slice."""
    assert found(preset_call("sum", "cube"), (1, 0)) == {("input", (0, 1, 0)), ("input", (1, 1, 0))}


def test_mm_comes_from_a_row_and_a_column():
    """mm: result[i, j] comes from row i of input and column j of mat2."""
    call = preset_call("mm", "rect")  # (2, 3) @ (3, 2)
    assert found(call, (1, 0)) == {("input", (1, k)) for k in range(3)} | {("mat2", (k, 0)) for k in range(3)}


def test_mm_zeros_in_the_users_data_do_not_hide_sources():
    """Even when the user's input is all zeros (gradient 0 wrt mat2), the row and column are found."""
    call = preset_call("mm", "guide", input=[["0", "0"], ["0", "0"]], mat2=[["0", "0"], ["0", "0"]])
    assert torch.equal(run(call, "en").result, torch.zeros(2, 2, dtype=torch.int64))
    assert found(call, (0, 1)) == {("input", (0, 0)), ("input", (0, 1)), ("mat2", (0, 1)), ("mat2", (1, 1))}


def test_matmul_dot_product_uses_every_element():
    """A dot product depends on both whole vectors."""
    assert found(preset_call("matmul", "guide_dot"), ()) == {
        ("input", (0,)), ("input", (1,)), ("other", (0,)), ("other", (1,))
    }


def test_matmul_batched_stays_in_its_batch():
    """(2, 2, 2) @ (2, 2): result[1, 0, 1] reads input's batch 1 row 0 and other's column 1."""
    assert found(preset_call("matmul", "batched"), (1, 0, 1)) == {
        ("input", (1, 0, 0)), ("input", (1, 0, 1)), ("other", (0, 1)), ("other", (1, 1))
    }


def test_mul_broadcast_reads_the_repeated_cell():
    """(2, 3) * (3,): result[1, 2] is input[1, 2] times other[2]; a scalar other is its only cell."""
    assert found(preset_call("mul", "broadcast_row"), (1, 2)) == {("input", (1, 2)), ("other", (2,))}
    assert found(preset_call("mul", "broadcast_col"), (1, 2)) == {("input", (1, 2)), ("other", (1, 0))}
    assert found(preset_call("mul", "guide_scalar"), (1,)) == {("input", (1,)), ("other", ())}


@pytest.mark.parametrize(
    "key, out_index, expected",
    [
        ("guide_dim0", (2, 1), ("tensors[1]", (0, 1))),
        ("guide_dim0", (1, 0), ("tensors[0]", (1, 0))),
        ("guide_dim1", (1, 3), ("tensors[1]", (1, 1))),
        ("guide_ragged", (2, 0), ("tensors[1]", (0, 0))),
        ("guide_scalar", (3,), ("tensors[1]", (0,))),
        ("three", (0, 1), ("tensors[1]", (0, 0))),
        ("three", (1, 3), ("tensors[2]", (1, 0))),
    ],
)
def test_cat_cell_comes_from_one_tensor(key, out_index, expected):
    """cat: each result cell is one cell of one of the tensors."""
    assert sources(preset_call("cat", key), out_index) == [expected]


@pytest.mark.parametrize(
    "key, out_index, expected",
    [
        ("guide_dim0", (1, 0), ("tensors[1]", (0,))),
        ("guide_dim1", (0, 2), ("tensors[2]", (0,))),
        ("guide_dim1", (1, 1), ("tensors[1]", (1,))),
        ("matrices", (1, 0, 1), ("tensors[1]", (0, 1))),
        ("matrices_last", (1, 0, 1), ("tensors[1]", (1, 0))),
    ],
)
def test_stack_cell_comes_from_one_tensor(key, out_index, expected):
    """stack: the new dim picks the tensor, the other indices the cell."""
    assert sources(preset_call("stack", key), out_index) == [expected]


def test_ones_has_no_sources():
    """ones reads no tensor, so no cell is a source."""
    assert sources(preset_call("ones", "guide"), (0, 0)) == []


def test_sources_of_bool_and_float64_inputs():
    """The user's dtype does not matter: bool and float64 inputs are traced too."""
    bools = preset_call("sum", "dim0")
    bools = OpCall(bools.spec, {"input": torch.tensor([[True, False, True], [False, False, False]])}, bools.args)
    assert found(bools, (1,)) == {("input", (0, 1)), ("input", (1, 1))}
    floats = OpCall(bools.spec, {"input": torch.zeros(2, 3, dtype=torch.float64)}, bools.args)
    assert found(floats, (2,)) == {("input", (0, 2)), ("input", (1, 2))}


def test_sources_leave_the_call_and_the_global_rng_alone():
    """Tracing uses its own generator and copies: the global RNG state and the user's tensors are untouched."""
    call = preset_call("mm", "guide")
    before = {name: t.clone() for name, t in call.tensors.items()}
    rng = torch.random.get_rng_state()
    sources(call, (0, 0))
    assert torch.equal(torch.random.get_rng_state(), rng)
    assert all(torch.equal(call.tensors[n], t) and not call.tensors[n].requires_grad for n, t in before.items())


def test_sources_are_repeatable():
    """The same question gives the same answer."""
    call = preset_call("matmul", "batched")
    assert sources(call, (0, 1, 0)) == sources(call, (0, 1, 0))


def test_every_cell_of_a_4d_and_a_6d_result_has_its_sources():
    """unsqueeze of a 3-d input at dim 0 and einsum's ab,cd,ef->abcdef: a result cell of 4 or 6 dims comes from
    the input cells torch's indexing says."""
    cube = torch.arange(8.0).reshape(2, 2, 2)  # (2, 2, 2)
    call = OpCall(OPS["unsqueeze"], {"input": cube}, {"dim": 0})
    for index in itertools.product(range(1), range(2), range(2), range(2)):
        assert sources(call, index) == [("input", index[1:])]
    operands = [torch.ones(2, 2) for _ in range(3)]  # (2, 2) each
    call = OpCall(OPS["einsum"], {"operands": operands}, {"equation": "ab,cd,ef->abcdef"})
    for index in itertools.product(range(2), repeat=6):
        expected = [(f"operands[{i}]", index[2 * i: 2 * i + 2]) for i in range(3)]
        assert sources(call, index) == expected


def test_an_in_place_op_is_traced_on_a_copy():
    """clamp_ changes its input in place: traced on a copy, each result cell comes from its own input cell."""
    assert sources(preset_call("clamp_", None), (0, 0)) == [("input", (0, 0))]


def test_an_integer_result_says_it_cannot_be_traced_rather_than_claiming_no_source():
    assert sources(preset_call("argmax", None), (0,)) is None
