"""AppTest: on the ops page, every shown value is torch's on what was asked for, and every fix fits its error."""

import numpy as np
import pytest
import torch

from core.codegen import printed as printed_by
from core.messages import MSG
from tests.apptests import open_page


def open_ops(query: dict[str, str], lang: str = "en"):
    at = open_page("tensor_ops", query, lang)
    assert not at.exception
    return at


def printed(at) -> str:
    """The 'What it prints' block, with the final newline that st.code drops."""
    return at.code[1].value + "\n"


def test_gather_labels_example_shows_torchs_softmax_not_the_guides_misprint():
    at = open_ops({"op": "gather", "preset": "guide_labels"})
    assert printed(at) == "tensor([[0.6590],\n        [0.6056]])\n"
    assert "0.5141" not in at.code[0].value and "0.6056" in at.code[0].value


def test_numpy_eye_of_one_label_shows_the_1d_row_the_snippet_prints():
    at = open_ops({"op": "np.eye(n)[y]", "input": "[2]"})
    assert printed(at) == printed_by(torch.tensor(np.eye(3)[torch.tensor([2])]))
    assert printed(at) == "tensor([0., 0., 1.], dtype=torch.float64)\n"
    assert any("(1,) -> (3,)" in m.value and "Tensor.__index__" in m.value for m in at.markdown)


def test_einsum_broadcasts_a_size_1_dim_as_torch_does():
    at = open_ops({"op": "einsum", "equation": "ij,jk->ik", "operands": "[[[1,2,3],[4,5,6]],[[10,20]]]"})
    assert not at.error
    expected = torch.einsum("ij,jk->ik", torch.tensor([[1, 2, 3], [4, 5, 6]]), torch.tensor([[10, 20]]))
    assert printed(at) == printed_by(expected)


def test_einsum_takes_an_ellipsis_in_the_middle():
    at = open_ops({"op": "einsum", "equation": "i...j,jk->ik", "operands": "[[[[1,2],[3,4]]],[[1,0],[0,1]]]"})
    assert not at.error
    a, b = torch.tensor([[[1, 2], [3, 4]]]), torch.tensor([[1, 0], [0, 1]])
    assert printed(at) == printed_by(torch.einsum("i...j,jk->ik", a, b))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_einsum_size_mismatch_shows_torchs_message_explained(lang):
    at = open_ops({"op": "einsum", "preset": "wrong"}, lang)
    message = at.error[0].value
    assert "einsum(): subscript j has size 2 for operand 1" in message
    assert "operands[1]" in message and MSG["fix_none"](lang) not in message


def test_a_float64_exponent_gives_a_float64_result_and_the_code_says_so():
    at = open_ops({"op": "pow", "input": "[1,2,3]", "exponent": "2", "exponent_dtype": "float64"})
    assert printed(at) == "tensor([1., 4., 9.], dtype=torch.float64)\n"
    assert "exponent = torch.tensor(2.0, dtype=torch.float64)" in at.code[0].value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_url_float_in_an_int64_grid_is_refused_with_a_message(lang):
    at = open_ops({"op": "sum", "input": "[0.5,1.7,-2.9]", "input_dtype": "int64"}, lang)
    assert any("input[0]" in w.value and "0.5" in w.value for w in at.warning)
    assert "[0, 1, -2]" not in at.code[0].value


@pytest.mark.parametrize(
    "query, words",
    [
        ({"op": "pow", "input": "[1,2,3]", "exponent": "-1"}, "float32 or float64"),
        ({"op": "full", "size": "[2,3]", "fill_value": "1e39"}, "3.4e38"),
    ],
)
def test_errors_that_are_not_about_shapes_get_their_own_fix(query, words):
    at = open_ops(query)
    message = at.error[0].value
    assert words in message and MSG["fix_none"]("en") not in message
