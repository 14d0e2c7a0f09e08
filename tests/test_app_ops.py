"""AppTest: every page runs without an exception, widgets change results, a URL opens its state, bad cells are
reported without an exception."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.ops.catalog import OPS

ROOT = Path(__file__).resolve().parent.parent
OPS_PAGE = "app_pages/tensor_ops.py"


def open_app(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def open_ops(query: dict[str, str] | None = None) -> AppTest:
    at = open_app(query)
    at.switch_page(OPS_PAGE).run()
    assert not at.exception
    return at


def printed(at: AppTest) -> str:
    """The 'What it prints' block, with the final newline that st.code drops."""
    return at.code[1].value + "\n"


def editor_key(at: AppTest, op: str, name: str) -> str:
    version = at.session_state[f"grid.{op}.{name}"]["version"]
    return f"editor.{op}.{name}.0.0.v{version}"


def test_home_page_runs():
    at = open_app()
    assert not at.exception
    assert "Tensor Playground" in at.title[0].value


def test_ops_page_runs_with_default_op():
    at = open_ops()
    assert at.selectbox(key="op").value == "sum"
    assert printed(at) == "tensor(6.)\n"


@pytest.mark.parametrize("op", list(OPS))
def test_every_op_and_preset_runs_without_exception(op):
    at = open_ops({"op": op})
    assert at.selectbox(key="op").value == op
    for preset in OPS[op].presets:
        at.selectbox(key=f"preset.{op}").select(preset.key).run()
        assert not at.exception, (op, preset.key)
        if preset.error:
            assert at.error, (op, preset.key, "an error preset shows no error")
        else:
            assert not at.error, (op, preset.key, [e.value for e in at.error])


def test_changing_dim_and_keepdim_changes_the_result():
    at = open_ops({"op": "sum"})
    at.radio(key="arg.sum.dim").set_value(0).run()
    assert printed(at) == "tensor([2., 2., 2.])\n"
    at.toggle(key="arg.sum.keepdim").set_value(True).run()
    assert printed(at) == "tensor([[2., 2., 2.]])\n"
    at.radio(key="arg.sum.dim").set_value(1).run()
    assert printed(at) == "tensor([[3.],\n        [3.]])\n"
    assert at.query_params["dim"] == "1" and at.query_params["keepdim"] == "true"


def test_changing_op_changes_the_result():
    at = open_ops()
    before = printed(at)
    at.selectbox(key="op").select("gather").run()
    assert not at.exception
    assert printed(at) != before
    assert at.query_params["op"] == "gather"


def test_url_opens_the_state_it_describes():
    at = open_ops({
        "op": "gather", "dim": "1",
        "input": "[[10,20,30],[40,50,60],[70,80,90]]", "index": "[[2,1,0],[0,2,1],[1,0,2]]",
    })
    assert at.selectbox(key="op").value == "gather"
    assert at.radio(key="arg.gather.dim").value == 1
    assert printed(at) == "tensor([[30, 20, 10],\n        [40, 60, 50],\n        [80, 70, 90]])\n"
    assert "torch.gather(input, dim=1, index=index)" in at.code[0].value


def test_url_in_chinese_shows_chinese():
    at = open_ops({"op": "sum", "lang": "zh"})
    assert at.title[0].value == "张量运算"
    assert any("形状规则" in m.value for m in at.markdown)


def test_malformed_url_falls_back_with_a_message():
    at = open_ops({"op": "gather", "dim": "7", "input": "[[1,2],[3]]"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "`dim`" in warnings and "`input`" in warnings
    assert printed(at) == "tensor([[10, 80, 60],\n        [40, 20, 90],\n        [70, 50, 30]])\n"


def test_unknown_op_in_url_falls_back():
    at = open_ops({"op": "frobnicate"})
    assert not at.exception
    assert "frobnicate" in at.warning[0].value
    assert at.selectbox(key="op").value == "sum"


def test_bad_cell_shows_a_message_and_no_exception():
    at = open_ops({"op": "gather"})
    key = editor_key(at, "gather", "input")
    at.session_state[key] = {"edited_rows": {1: {"2": "abc"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    assert "input[1, 2]" in at.error[0].value and "abc" in at.error[0].value
    # the grid keeps exactly what was typed
    assert at.session_state["grid.gather.input"]["current"][0][1][2] == "abc"


def test_editing_a_cell_changes_the_result_and_the_url():
    at = open_ops({"op": "gather"})
    key = editor_key(at, "gather", "input")
    at.session_state[key] = {"edited_rows": {0: {"0": "5"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert printed(at).startswith("tensor([[ 5, 80, 60]")
    assert at.query_params["input"] == "[[5,20,30],[40,50,60],[70,80,90]]"


def test_shape_error_is_explained_not_raised():
    at = open_ops({"op": "mm", "input": "[[1,2,3],[4,5,6]]", "mat2": "[[1,0,1],[0,1,1]]"})
    assert not at.exception
    message = at.error[0].value
    assert "mat1 and mat2 shapes cannot be multiplied" in message
    assert "transpose `mat2`: (2, 3) -> (3, 2)" in message


def test_resizing_a_grid_keeps_cells_and_resets_an_out_of_range_dim():
    at = open_ops({"op": "sum", "dim": "1"})
    assert "ndim.sum.input.0" not in [w.key for w in at.selectbox]  # drawn only while its popover is open
    at.session_state["shape.sum.input.0"] = True  # what a click on the shape button does
    at.run()
    assert at.selectbox(key="ndim.sum.input.0").value == 2
    at.selectbox(key="ndim.sum.input.0").select(1).run()
    assert not at.exception
    assert at.session_state["grid.sum.input"]["current"][0] == ["1.0", "1.0", "1.0"]
    assert at.radio(key="arg.sum.dim").value != 1
    assert at.number_input(key="size.sum.input.0.0").value == 3  # a new shape keeps the popover open, shown anew
    at.number_input(key="size.sum.input.0.0").set_value(5).run()
    assert at.session_state["grid.sum.input"]["current"][0] == ["1.0", "1.0", "1.0", "0", "0"]
    assert not at.exception
    at.session_state["shape.sum.input.0"] = False  # closed: the grid keeps its shape, the controls are not drawn
    at.run()
    assert "ndim.sum.input.0" not in [w.key for w in at.selectbox]
    assert at.session_state["grid.sum.input"]["current"][0] == ["1.0", "1.0", "1.0", "0", "0"]
    at.session_state["shape.sum.input.0"] = True
    at.run()
    assert (at.selectbox(key="ndim.sum.input.0").value, at.number_input(key="size.sum.input.0.0").value) == (1, 5)


def test_dtype_change_reparses_without_touching_the_text():
    at = open_ops({"op": "sum", "input": "[[1.5,2.0]]"})
    at.selectbox(key="dtype.sum.input").select("int64").run()
    assert not at.exception
    assert "input[0, 0]" in at.error[0].value
    assert at.session_state["grid.sum.input"]["current"][0] == [["1.5", "2.0"]]


def test_cat_tensor_count_control():
    at = open_ops({"op": "cat"})
    at.number_input(key="count.cat.tensors").set_value(3).run()
    assert not at.exception
    assert len(at.session_state["grid.cat.tensors"]["current"]) == 3
    assert printed(at) == "tensor([[1, 2],\n        [3, 4],\n        [5, 6],\n        [7, 8],\n        [5, 6],\n        [7, 8]])\n"


def test_state_survives_a_trip_to_home():
    at = open_ops({"op": "sum", "dim": "0"})
    at.switch_page("app_pages/home.py").run()
    at.switch_page(OPS_PAGE).run()
    assert not at.exception
    assert at.radio(key="arg.sum.dim").value == 0
    assert printed(at) == "tensor([2., 2., 2.])\n"


def test_ones_size_over_the_cap_is_refused():
    at = open_ops({"op": "ones"})
    at.selectbox(key="arg.ones.size.ndim").select(3).run()
    for d in range(3):
        at.number_input(key=f"arg.ones.size.{d}").set_value(16).run()
    assert not at.exception
    assert "1024" in at.error[0].value


def test_every_op_opens_from_its_url_in_chinese_without_exception():
    for op in OPS:
        at = open_ops({"op": op, "lang": "zh"})
        assert at.title[0].value == "张量运算", op


def test_sweep_shows_every_dim():
    at = open_ops({"op": "sum"})
    at.toggle(key="sweep.sum").set_value(True).run()
    assert not at.exception
    rules = [c.value for c in at.caption if "->" in c.value]
    assert any("(2, 3) -> (3,)" in r for r in rules) and any("(2, 3) -> (2, 1)" in r for r in rules)


def test_view_write_through_changes_the_input():
    at = open_ops({"op": "view"})
    assert any("is a view of `input`" in i.value for i in at.info)
    at.toggle(key="write.view").set_value(True).run()
    assert not at.exception
    assert any("result[0, 0] = 100" in c.value for c in at.caption)


def test_t_then_view_explains_the_trap():
    at = open_ops({"op": "t().view"})
    message = at.error[0].value
    assert "view size is not compatible" in message and "reshape" in message and "contiguous" in message


def test_clamp_in_place_changes_the_input_and_clamp_does_not():
    at = open_ops({"op": "clamp_"})
    assert printed(at).count("tensor([[0, 2],") == 2  # the result, then input after the call
    at = open_ops({"op": "clamp"})
    assert "tensor([[0, 2]," in printed(at) and "tensor([[-1,  2]," in printed(at)


def test_malformed_einsum_equation_is_refused_before_torch():
    at = open_ops({"op": "einsum"})
    at.text_input(key="arg.einsum.equation").set_value("ij;jk").run()
    assert not at.exception
    assert "only letters, commas" in at.error[0].value
    at.text_input(key="arg.einsum.equation").set_value("ij,jk,kl->il").run()
    assert "3 operand(s) but 2 tensor(s)" in at.error[0].value


def test_einsum_spells_out_its_loops():
    at = open_ops({"op": "einsum", "equation": "ij,jk->ik"})
    assert any("summed indices j" in m.value for m in at.markdown)


def test_same_seed_same_numbers_and_no_global_rng():
    import torch

    torch.manual_seed(123)
    expected_next = torch.rand(3)
    torch.manual_seed(123)
    first = printed(open_ops({"op": "randn", "seed": "7"}))
    second = printed(open_ops({"op": "randn", "seed": "7"}))
    other = printed(open_ops({"op": "randn", "seed": "8"}))
    assert first == second != other
    assert torch.equal(torch.rand(3), expected_next), "a page draw moved the global generator"


def test_bad_view_shape_text_is_reported():
    at = open_ops({"op": "view"})
    at.text_input(key="arg.view.shape").set_value("2, x").run()
    assert not at.exception
    assert "2, x" in at.error[0].value


def test_index_out_of_range_names_the_cell():
    at = open_ops({"op": "gather", "dim": "1", "input": "[[1,2],[3,4]]", "index": "[[0,5],[1,0]]"})
    assert not at.exception
    assert "index[0, 1]" in at.error[0].value and "0..1" in at.error[0].value


@pytest.mark.parametrize("op", [name for name, spec in OPS.items() if spec.tensors])
def test_every_op_reports_a_bad_cell_without_exception(op):
    at = open_ops({"op": op})
    param = OPS[op].tensors[0]
    key = editor_key(at, op, param.name)
    frame_rows = at.session_state[f"grid.{op}.{param.name}"]["current"][0]
    column = "0"
    at.session_state[key] = {"edited_rows": {0: {column: "oops"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, op
    assert any("oops" in e.value for e in at.error), (op, frame_rows)


@pytest.mark.parametrize("op", [name for name, spec in OPS.items() if any(a.kind == "dim" for a in spec.args)])
def test_every_dim_op_refuses_an_out_of_range_dim_from_the_url(op):
    dim_arg = next(a for a in OPS[op].args if a.kind == "dim")
    at = open_ops({"op": op, dim_arg.name: "9"})
    assert not at.exception, op
    assert any(f"`{dim_arg.name}`" in w.value for w in at.warning), op


def _chart_layout(at: AppTest, key: str) -> dict:
    import json

    chart = next(c for c in at.get("plotly_chart") if key in c.proto.id)
    return json.loads(chart.proto.spec)["layout"]


def _chart_titles(at: AppTest, key: str) -> str:
    """The axis titles and annotations of one chart, as the page sends them."""
    layout = _chart_layout(at, key)
    titles = [v["title"]["text"] for k, v in layout.items() if k.startswith(("xaxis", "yaxis"))]
    return " | ".join(titles + [a["text"] for a in layout.get("annotations", [])])


def test_reshaping_ops_show_where_each_dim_went():
    """view splits, flatten merges, reshape (2, 3) -> (3, 2) lays out again: the result axes say which input dims
    they came from, in those dims' colours, and a caption says it in words."""
    from core.figures import DIM_COLOURS

    at = open_ops({"op": "view", "preset": "guide_23"})  # (6,) -> (2, 3)
    assert any("Input dim 0 (6) splits into result dims 0, 1 (2 × 3)" in c.value for c in at.caption)
    titles = _chart_titles(at, "chart.result.view")
    assert titles.count(f'⊂ input <span style="color:{DIM_COLOURS[0]}">0</span>') == 2
    at = open_ops({"op": "flatten", "preset": "batch"})  # (2, 2, 3) -> (2, 6)
    assert any("Input dims 1, 2 (2 × 3 = 6) merge into result dim 1" in c.value for c in at.caption)
    assert "= input <span" in _chart_titles(at, "chart.result.flatten")
    at = open_ops({"op": "reshape", "preset": "m32", "lang": "zh"})  # (2, 3) -> (3, 2)
    assert any("重新排成结果的第 0, 1 维" in c.value for c in at.caption)


def test_a_transpose_keeps_each_dims_colour_without_notes():
    from core.figures import DIM_COLOURS

    at = open_ops({"op": "transpose"})  # (2, 3) -> (3, 2): result dim 0 is input dim 1
    assert not any("Axis colours follow" in c.value for c in at.caption)
    layout = _chart_layout(at, "chart.result.transpose")
    assert layout["yaxis"]["title"]["text"] == "dim 0" and layout["yaxis"]["title"]["font"] == {"color": DIM_COLOURS[1]}
    assert layout["xaxis"]["title"]["text"] == "dim 1" and layout["xaxis"]["title"]["font"] == {"color": DIM_COLOURS[0]}


def test_a_broadcast_where_colours_the_dims_that_line_up():
    """torch.where of a (3,) condition over (2, 3) tensors: the condition's dim 0 is the result's dim 1."""
    from core.figures import DIM_COLOURS

    at = open_ops({"op": "where", "condition": "[true,false,true]", "input": "[[1,2,3],[4,5,6]]",
                   "other": "[[0,0,0],[0,0,0]]"})
    layout = _chart_layout(at, "chart.result.where")
    assert layout["xaxis"]["title"]["font"]["color"] == DIM_COLOURS[0]  # result dim 1 (x) <- condition dim 0
    assert layout["yaxis"]["title"]["font"]["color"] != DIM_COLOURS[0]  # result dim 0 has no source in condition


def test_random_ops_state_their_sample_beside_the_distribution():
    """The words under randn's histogram quote the sample's own mean and std, computed by torch from what is shown."""
    import torch

    at = open_ops({"op": "randn", "size": "[16, 16]", "seed": "0"})
    sample = torch.randn(16, 16, generator=torch.Generator().manual_seed(0)).double()
    words = next(m.value for m in at.markdown if m.value.startswith("Draws: 256."))
    assert f"Sample mean {sample.mean().item():.3f}, sample std {sample.std().item():.3f}" in words
    at = open_ops({"op": "randint", "low": "1", "high": "7", "size": "[4, 4]"})
    assert any(m.value.startswith("Draws: 16, over 6 values. Each value is expected 2.67 times") for m in at.markdown)


def test_the_example_picker_names_what_is_on_screen():
    """After an edit that matches no example the picker says "(your edits)"; an edit that lands on an example (here,
    back to the guide's values) names it again, and a cell typed as 10.0 instead of 10 still counts as the example."""
    from core.ops.catalog import OPS

    at = open_ops({"op": "sum"})
    first = OPS["sum"].presets[0].key
    assert at.selectbox(key="preset.sum").value == first
    at.radio(key="arg.sum.dim").set_value(-1).run()  # ones summed along -1: no example does that
    picker = at.selectbox(key="preset.sum")
    assert picker.value == "" and picker.format_func("") == "(your edits)"
    at.radio(key="arg.sum.dim").set_value(1).run()
    assert at.selectbox(key="preset.sum").value == "dim1"  # the edit landed on another example
    at.radio(key="arg.sum.dim").set_value(None).run()
    assert at.selectbox(key="preset.sum").value == first
    at.selectbox(key="preset.sum").select("").run()  # choosing "(your edits)" loads nothing
    assert not at.exception and at.selectbox(key="preset.sum").value == first
    at = open_ops({"op": "gather"})
    at.session_state[editor_key(at, "gather", "input")] = {"edited_rows": {0: {"0": "10.0"}}, "added_rows": [],
                                                           "deleted_rows": []}
    at.run()
    assert at.selectbox(key="preset.gather").value == OPS["gather"].presets[0].key


CUBE_LITERAL = "[[[1,2],[3,4]],[[5,6],[7,8]]]"
MANY_DIMS = {  # links whose results have 4 or more dims: (query, result shape)
    "unsqueeze": ({"op": "unsqueeze", "input": CUBE_LITERAL, "dim": "0"}, (1, 2, 2, 2)),
    "stack": ({"op": "stack", "tensors": f"[{CUBE_LITERAL},{CUBE_LITERAL}]"}, (2, 2, 2, 2)),
    "view": ({"op": "view", "input": CUBE_LITERAL, "shape": "[2,1,2,2]"}, (2, 1, 2, 2)),
    "one_hot": ({"op": "one_hot", "tensor": "[[[0,1],[2,1]],[[1,0],[0,2]]]"}, (2, 2, 2, 3)),
    "einsum": ({"op": "einsum", "equation": "ij,kl->ijkl", "operands": "[[[1,2],[3,4]],[[5,6],[7,8]]]"}, (2, 2, 2, 2)),
    "einsum6": ({"op": "einsum", "equation": "ab,cd,ef->abcdef",
                 "operands": "[[[1,2],[3,4]],[[5,6],[7,8]],[[1,0],[0,1]]]"}, (2, 2, 2, 2, 2, 2)),
}


def _result_panels(at: AppTest, op: str) -> list[str]:
    """The panel labels of the result's chart, as the page sends them."""
    return [a["text"] for a in _chart_layout(at, f"chart.result.{op}").get("annotations", []) if a.get("name") == "panel"]


@pytest.mark.parametrize("case", list(MANY_DIMS))
def test_a_result_of_4_or_more_dims_is_drawn_as_panels(case):
    """Each link used to crash the page in the figure; now the result is one panel per index of its leading dims."""
    import math

    query, shape = MANY_DIMS[case]
    at = open_ops(query)
    assert not at.exception and not at.error
    assert len(_result_panels(at, query["op"])) == math.prod(shape[:-2])
    assert f"torch.Size([{', '.join(map(str, shape))}])" in _chart_layout(at, f"chart.result.{query['op']}")["title"]["text"]


def test_unsqueeze_at_dim_0_from_the_widgets_and_a_click_on_a_4d_result():
    """The widgets reach a 4-d result too; a click on one of its panels lights the input cell it comes from, and the
    dim sweep draws a 4-d result for every dim."""
    at = open_ops({"op": "unsqueeze", "input": CUBE_LITERAL, "dim": "1"})
    at.radio(key="arg.unsqueeze.dim").set_value(0).run()
    assert not at.exception and len(_result_panels(at, "unsqueeze")) == 2
    at.session_state["chart.result.unsqueeze"] = {"selection": {"points": [{"customdata": [1, 0, 1]}]}}
    at.session_state["sweep.unsqueeze"] = True
    at.run()
    assert not at.exception
    assert any(i.value == "result[0, 1, 0, 1] comes from: input[1, 0, 1]" for i in at.info)
    sweep_charts = [c for c in at.get("plotly_chart") if "chart.sweep.unsqueeze" in c.proto.id]
    assert len(sweep_charts) == 4


@pytest.mark.parametrize("query, shape", [
    ({"op": "narrow", "input": CUBE_LITERAL, "dim": "0", "start": "0", "length": "0"}, "(0, 2, 2)"),
    ({"op": "repeat", "input": CUBE_LITERAL, "repeats": "[0,0,0]"}, "(0, 0, 0)"),
])
def test_an_empty_3d_result_is_said_not_drawn(query, shape):
    at = open_ops(query)
    assert not at.exception and not at.error
    layout = _chart_layout(at, f"chart.result.{query['op']}")
    assert [a["text"] for a in layout["annotations"]] == ["∅  numel() = 0"]
    assert any(c.value.startswith(f"`result` is empty: its shape {shape} has a 0 in it") for c in at.caption)
