"""AppTest: links that asked torch for gigabytes, or raised out of the page, now show a refusal or a fallback, and
the rest of the ops page (title, op picker, inputs, code panel) is drawn as usual."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from core.limits import MAX_RESULT_ELEMENTS
from tests.test_app_ops import open_ops

CAP = f"{MAX_RESULT_ELEMENTS:,}"
SQUARE_16 = json.dumps([[1] * 16] * 16)

REFUSED = {
    "repeat": {"op": "repeat", "input": "[[[1]]]", "repeats": "[16,1024,1024]"},
    "broadcast_to": {"op": "broadcast_to", "input": "[1]", "size": "[1024,1024,1024]"},
    "einsum": {"op": "einsum", "equation": "ab,cd,ef->abcdef", "operands": f"[{SQUARE_16},{SQUARE_16},{SQUARE_16}]"},
    "one_hot": {"op": "one_hot", "tensor": "[1000000000]", "num_classes": "-1"},
}


def _intact(at: AppTest, op: str) -> None:
    """The page around the message: the title, the op picked, the inputs drawn, the code that reproduces it."""
    assert not at.exception
    assert at.title[0].value and at.selectbox(key="op").value == op
    assert any(f"chart.{op}." in chart.proto.id for chart in at.get("plotly_chart"))  # an input's heatmap
    assert at.code and op.split(".")[-1] in at.code[0].value


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", list(REFUSED))
def test_a_link_to_a_huge_result_shows_the_refusal(case, lang):
    query = {**REFUSED[case], "lang": lang}
    at = open_ops(query)
    _intact(at, query["op"])
    assert len(at.error) == 1 and CAP in at.error[0].value
    assert not [c for c in at.get("plotly_chart") if f"chart.result.{query['op']}" in c.proto.id]


def test_the_typed_repeats_box_refuses_huge_numbers():
    at = open_ops({"op": "repeat"})
    at.text_input(key="arg.repeat.repeats").set_value("30000, 30000").run()
    assert not at.exception and len(at.error) == 1 and "1024" in at.error[0].value


@pytest.mark.parametrize("query", [
    {"op": "transpose", "input": "5", "dim0": "0", "dim1": "-1"},
    {"op": "clamp", "min": "1e39"},
    {"op": "arange", "start": "0", "end": "1e19", "step": "1e39"},
])
def test_links_that_raised_now_show_torchs_answer(query):
    at = open_ops(query)
    assert not at.exception and not at.warning
    assert at.code


@pytest.mark.parametrize("query, param", [
    ({"op": "sum", "input": "[" * 984 + "]" * 984}, "input"),
    ({"op": "sum", "input": "[1" + "0" * 309 + ",0.5]"}, "input"),
    ({"op": "narrow", "start": "1" + "0" * 309}, "start"),
])
def test_links_that_raised_now_fall_back_with_a_warning(query, param):
    at = open_ops(query)
    _intact(at, query["op"])
    assert len(at.warning) == 1 and f"`{param}`" in at.warning[0].value
