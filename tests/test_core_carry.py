"""Switching op on the same data (core/ops/carry.py): which tensors the new op keeps, and why when it keeps none."""

import re

import pytest
import torch

from core.ops.carry import carry, clamped_dims, comparable_ops, on_same_data
from core.ops.catalog import OPS
from core.messages import MSG
from core.ops.compare_url import decode_compare, encode_compare
from core.ops.run import run
from core.ops.state import InputState, OpState, build_call, preset_state

CJK = re.compile(r"[\u4e00-\u9fff]")


def result_of(state: OpState):
    call, problems = build_call(OPS[state.op], state, "en")
    assert not problems
    outcome = run(call, "en")
    assert outcome.error is None, outcome.error
    return call, outcome.result


def edited_cat() -> OpState:
    """cat's first example with one cell edited, so a kept tensor cannot be mistaken for an example's."""
    state = preset_state(OPS["cat"])
    first, second = state.inputs["tensors"].text
    return OpState("cat", {"tensors": InputState([[["9", "2"], ["3", "4"]], second], "int64")}, state.args)


def test_cat_to_stack_to_hstack_keeps_the_same_list():
    cat = edited_cat()
    call, _ = result_of(cat)
    tensors = call.tensors["tensors"]
    stack = carry(cat, OPS["stack"], "en")
    assert stack.kept == ("tensors",) and stack.reason is None
    assert stack.state.inputs == cat.inputs and stack.state.args == {"dim": 0}
    assert torch.equal(result_of(stack.state)[1], torch.stack(tensors))
    hstack = carry(stack.state, OPS["hstack"], "en")
    assert hstack.kept == ("tensors",) and hstack.state.inputs == cat.inputs
    assert torch.equal(result_of(hstack.state)[1], torch.hstack(tensors))
    back = carry(hstack.state, OPS["cat"], "en")
    assert back.state.inputs == cat.inputs


def test_sum_to_mean_to_softmax_keeps_the_same_input():
    total = preset_state(OPS["sum"], "dim1")
    mean = carry(total, OPS["mean"], "en")
    assert mean.kept == ("input",) and mean.state.inputs == total.inputs
    assert mean.state.args == {"dim": None, "keepdim": False}  # the new op's own first example's arguments
    softmax = carry(mean.state, OPS["softmax"], "en")
    assert softmax.kept == ("input",) and softmax.state.inputs == total.inputs
    x = torch.ones((2, 3))
    assert torch.equal(result_of(softmax.state)[1], torch.softmax(x, dim=1))


def test_squeeze_to_unsqueeze_and_back():
    squeeze = preset_state(OPS["squeeze"])  # (1, 3, 1)
    unsqueeze = carry(squeeze, OPS["unsqueeze"], "en")
    assert unsqueeze.kept == ("input",) and unsqueeze.state.inputs == squeeze.inputs
    x = torch.tensor([[[1], [2], [3]]])
    assert torch.equal(result_of(unsqueeze.state)[1], torch.unsqueeze(x, 0))
    again = carry(unsqueeze.state, OPS["squeeze"], "en")
    assert again.state.inputs == squeeze.inputs and again.state.args == {"dim": None}


def test_mm_to_matmul_keeps_both_operands_by_position():
    mm = preset_state(OPS["mm"])
    matmul = carry(mm, OPS["matmul"], "en")
    assert matmul.kept == ("input", "other")
    assert matmul.state.inputs == {"input": mm.inputs["input"], "other": mm.inputs["mat2"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_tensor_left_out_by_position_is_named_while_the_others_are_kept(lang):
    """masked_fill -> mul: the float `input` is kept; the bool `mask` is no `other` for mul, so that one comes from
    mul's example, and the message says so instead of swapping it silently."""
    masked = preset_state(OPS["masked_fill"])
    carried = carry(masked, OPS["mul"], lang)
    assert carried.kept == ("input",) and carried.state.inputs["input"] == masked.inputs["input"]
    assert carried.state.inputs["other"] == preset_state(OPS["mul"]).inputs["other"]
    assert "`other`" in carried.reason and "bool" in carried.reason
    assert carried.reason.endswith(MSG["carry_rest"](lang))


def test_a_dtype_the_new_op_does_not_take_loads_its_example_and_says_why():
    counting = preset_state(OPS["sum"], "counting")  # int64
    for lang in ("en", "zh"):
        mean = carry(counting, OPS["mean"], lang)
        assert mean.kept == () and mean.state == preset_state(OPS["mean"])
        assert "`mean`" in mean.reason and "int64" in mean.reason and "float32" in mean.reason
    assert CJK.search(carry(counting, OPS["mean"], "zh").reason)


def test_a_list_to_a_single_tensor_and_back_cannot_carry():
    cat = preset_state(OPS["cat"])
    to_sum = carry(cat, OPS["sum"], "en")
    assert to_sum.state == preset_state(OPS["sum"]) and "single tensor" in to_sum.reason
    to_cat = carry(preset_state(OPS["sum"]), OPS["cat"], "en")
    assert to_cat.state == preset_state(OPS["cat"]) and "list of tensors" in to_cat.reason


def test_tensors_torch_refuses_load_the_example_with_torchs_words():
    ragged = preset_state(OPS["cat"], "guide_ragged")  # (2, 2) and (1, 2): cat joins them, stack cannot
    stack = carry(ragged, OPS["stack"], "en")
    assert stack.kept == () and stack.state == preset_state(OPS["stack"])
    assert "stack expects each tensor to be equal size" in stack.reason and "`stack`" in stack.reason


def test_a_list_too_short_for_the_new_op_says_so():
    one_operand = OpState("einsum", {"operands": InputState([["1", "2"]], "int64")}, {"equation": "i->"})
    cat = carry(one_operand, OPS["cat"], "en")
    assert cat.kept == () and "not 1" in cat.reason


def test_unparsed_edits_are_kept_for_the_page_to_report():
    state = OpState("sum", {"input": InputState([["1.0", "abc"]], "float32")}, {"dim": None, "keepdim": False})
    mean = carry(state, OPS["mean"], "en")
    assert mean.kept == ("input",) and mean.state.inputs == state.inputs


def test_ops_without_tensors_start_from_their_example_silently():
    ones = carry(preset_state(OPS["sum"]), OPS["ones"], "en")
    assert ones.state == preset_state(OPS["ones"]) and ones.reason is None
    total = carry(preset_state(OPS["ones"]), OPS["sum"], "en")
    assert total.state == preset_state(OPS["sum"]) and total.reason is None


@pytest.mark.parametrize("args, text, expected", [
    ({"dim": 1}, ["1.0", "2.0"], {"dim": 0}),  # softmax's example dim 1 on a 1-d input: the last dim there is
    ({"dim": -3}, [["1.0"]], {"dim": -2}),
    ({"dim": 1}, [["1.0"]], {"dim": 1}),
])
def test_dims_are_clamped_into_the_kept_tensors_range(args, text, expected):
    assert clamped_dims(OPS["softmax"], args, {"input": InputState(text, "float32")}) == expected


def test_a_kept_1d_input_gets_a_dim_it_has():
    vector = OpState("sum", {"input": InputState(["1.0", "2.0", "3.0"], "float32")}, {"dim": 0, "keepdim": False})
    softmax = carry(vector, OPS["softmax"], "en")
    assert softmax.kept == ("input",) and softmax.state.args == {"dim": 0}


def test_comparable_ops_take_every_tensor_and_start_with_the_op_itself():
    assert comparable_ops(preset_state(OPS["cat"])) == ["cat", "stack", "einsum", "hstack"]
    choices = comparable_ops(preset_state(OPS["sum"]))
    assert choices[0] == "sum" and {"mean", "softmax", "squeeze", "unsqueeze"} <= set(choices)
    assert "cat" not in choices and "one_hot" not in choices  # a list; int64 only
    assert comparable_ops(preset_state(OPS["ones"])) == ["ones"]


def test_on_same_data_keeps_the_tensors_even_where_torch_refuses():
    ragged = preset_state(OPS["cat"], "guide_ragged")
    stack = on_same_data(ragged, OPS["stack"])
    assert stack.inputs == ragged.inputs
    call, _ = build_call(OPS["stack"], stack, "en")
    assert run(call, "en").error is not None


@pytest.mark.parametrize("old", list(OPS))
def test_every_switch_gives_a_state_the_new_op_can_build(old):
    """From each op's first example to every op: no exception, and a state of the new op whose grids parse."""
    state = preset_state(OPS[old])
    for name, spec in OPS.items():
        carried = carry(state, spec, "en")
        assert carried.state.op == name
        assert set(carried.state.inputs) == {p.name for p in spec.tensors}
        assert set(carried.state.args) == {a.name for a in spec.args}
        _, problems = build_call(spec, carried.state, "en")
        assert not problems, (old, name)


def test_the_compare_view_round_trips_through_the_url():
    cat = edited_cat()
    second = OpState("stack", cat.inputs, {"dim": -1})
    query = encode_compare(second)
    assert query == {"compare": "stack", "compare_dim": "-1"}
    decoded, warnings = decode_compare(query, cat, "en")
    assert decoded == second and warnings == []
    same, _ = decode_compare({"compare": "cat"}, cat, "en")
    assert same == cat  # the page's own op starts from the page's arguments


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_compare_link_that_does_not_fit_is_refused_with_a_message(lang):
    total = preset_state(OPS["sum"])
    for op in ("stack", "frobnicate", "[x](http://e.com)"):
        decoded, warnings = decode_compare({"compare": op}, total, lang)
        assert decoded is None and len(warnings) == 1 and "`compare`" in warnings[0]
    assert "` [x](http://e.com) `" in warnings[0]  # the link's text only inside a code span, never a link
    decoded, warnings = decode_compare({"compare": "mean", "compare_dim": "7"}, total, lang)
    assert decoded.args == {"dim": None, "keepdim": False} and "`compare_dim`" in warnings[0]


def test_an_op_the_tensors_do_not_fit_gets_back_what_it_held_last():
    edited = edited_cat()
    back = carry(preset_state(OPS["sum"]), OPS["cat"], "en", last=edited)
    assert back.state == edited and back.kept == ()
    assert back.reason.startswith("`cat` takes a list of tensors") and back.reason.endswith("shown again.")
    assert carry(preset_state(OPS["sum"]), OPS["cat"], "zh", last=edited).reason.endswith("已恢复它上次的内容。")
