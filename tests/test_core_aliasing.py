"""write_through and OpCall's per-tensor helpers (plain pytest, against torch)."""

import torch

from core.ops.aliasing import write_through
from core.ops.catalog import OPS
from core.ops.spec import OpCall
from tests.test_core_catalog import preset_call


def test_a_write_into_a_view_shows_in_a_copy_of_its_input_only():
    call = preset_call("view", "guide_23")
    before = call.tensors["input"].clone()
    index, inputs = write_through(call)
    assert index == (0, 0)
    assert inputs["input"].flatten()[0].item() == 100  # the view's base saw the write
    assert torch.equal(call.tensors["input"], before)  # the call's own input did not


def test_a_write_into_a_copy_leaves_the_input_alone():
    call = preset_call("repeat", "tile")
    _, inputs = write_through(call)
    assert torch.equal(inputs["input"], call.tensors["input"])
    assert inputs["input"] is not call.tensors["input"]


def test_with_tensors_maps_each_tensor_of_a_list_and_keeps_the_arguments():
    first, second = torch.ones(2), torch.zeros(2)
    call = OpCall(OPS["stack"], {"tensors": [first, second]}, {"dim": 0})
    doubled = call.with_tensors(lambda t: t * 2)
    assert [t.tolist() for t in doubled.tensors["tensors"]] == [[2.0, 2.0], [0.0, 0.0]]
    assert doubled.args == {"dim": 0} and call.tensors["tensors"][0] is first


def test_key_names_what_describe_gives_and_the_arguments():
    call = OpCall(OPS["sum"], {"input": torch.ones(2, 3)}, {"dim": 0, "keepdim": False})
    shape_only = lambda t: tuple(t.shape)  # noqa: E731
    assert call.key(shape_only) == OpCall(OPS["sum"], {"input": torch.zeros(2, 3)}, call.args).key(shape_only)
    assert call.key(shape_only) != OpCall(OPS["sum"], {"input": torch.ones(2, 3)}, {"dim": 1, "keepdim": False}).key(shape_only)
    assert call.key(torch.Tensor.tolist) != OpCall(OPS["sum"], {"input": torch.zeros(2, 3)}, call.args).key(torch.Tensor.tolist)
