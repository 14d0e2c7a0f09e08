"""AppTest: picking another op keeps the user's tensors where it takes them (and a link reopens that state), says
why where it does not, and the compare view shows a second op's result beside this one's, in both languages."""

import pytest
import torch

from tests.apptests import open_page

LANGS = ("en", "zh")


def printed(at) -> str:
    """What the page says the snippet prints: the code block after the snippet."""
    codes = [c.value for c in at.code]
    return codes[next(i for i, code in enumerate(codes) if code.startswith("import torch")) + 1]


def edit(at, op: str, name: str, rows: dict, grid: int = 0) -> None:
    """Type into grid `grid` of input `name` through its editor's state, as a browser edit arrives, and rerun."""
    version = at.session_state[f"grid.{op}.{name}"]["version"]
    key = f"editor.{op}.{name}.{grid}.0.v{version}"
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()


def pick_op(at, op: str) -> None:
    at.selectbox(key="op").select(op).run()
    assert not at.exception


EDITED = [torch.tensor([[9, 2], [3, 4]]), torch.tensor([[5, 6], [7, -1]])]


def edited_cat(lang: str):
    at = open_page("tensor_ops", {"op": "cat"}, lang)
    edit(at, "cat", "tensors", {0: {"0": "9"}}, grid=0)
    edit(at, "cat", "tensors", {1: {"1": "-1"}}, grid=1)
    assert printed(at) == str(torch.cat(EDITED))
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_cat_to_stack_to_hstack_keeps_the_edited_tensors(lang):
    at = edited_cat(lang)
    pick_op(at, "stack")
    assert not at.warning
    assert at.session_state["grid.stack.tensors"]["current"] == [[["9", "2"], ["3", "4"]], [["5", "6"], ["7", "-1"]]]
    shown = [frame.value.astype(str).values.tolist() for frame in at.dataframe]
    assert [["9", "2"], ["3", "4"]] in shown and [["5", "6"], ["7", "-1"]] in shown
    assert printed(at) == str(torch.stack(EDITED))
    assert any("result = torch.stack(tensors)\n" in c.value for c in at.code)
    pick_op(at, "hstack")
    assert printed(at) == str(torch.hstack(EDITED))


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_reopens_the_kept_state(lang):
    at = edited_cat(lang)
    pick_op(at, "stack")
    link = dict(at.query_params)
    assert link["op"] == "stack" and link["tensors"] == "[[[9,2],[3,4]],[[5,6],[7,-1]]]"
    again = open_page("tensor_ops", link, lang)
    assert not again.exception and not again.warning
    assert again.selectbox(key="op").value == "stack"
    assert printed(again) == str(torch.stack(EDITED))


@pytest.mark.parametrize("lang", LANGS)
def test_sum_to_mean_to_softmax_on_the_same_input(lang):
    at = open_page("tensor_ops", {"op": "sum", "input": "[[1.0,2.0,3.0],[4.0,5.0,6.5]]"}, lang)
    x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]])
    pick_op(at, "mean")
    assert printed(at) == str(torch.mean(x))
    pick_op(at, "softmax")
    assert printed(at) == str(torch.softmax(x, dim=1))
    pick_op(at, "squeeze")
    pick_op(at, "unsqueeze")
    assert printed(at) == str(torch.unsqueeze(x, 0))


@pytest.mark.parametrize("lang", LANGS)
def test_tensors_the_new_op_refuses_load_its_example_with_the_reason_and_examples_stay_a_choice(lang):
    at = open_page("tensor_ops", {"op": "cat", "preset": "guide_ragged"}, lang)
    pick_op(at, "stack")
    assert len(at.warning) == 1 and "stack expects each tensor to be equal size" in at.warning[0].value
    first = at.selectbox(key="preset.stack")
    assert first.value == "guide_dim0"  # the example is what the page shows
    pick_op(at, "sum")  # a list where sum takes one tensor
    assert "`sum`" in at.warning[0].value and ("single tensor" in at.warning[0].value or "单个张量" in at.warning[0].value)
    at.radio(key="arg.sum.dim").set_value(1).run()
    edit(at, "sum", "input", {0: {"0": "7"}})
    assert at.selectbox(key="preset.sum").value == ""  # "(your edits)"
    at.selectbox(key="preset.sum").select("cube").run()  # picking an example loads it
    assert not at.exception
    assert printed(at) == str(torch.tensor([[[1, 2], [3, 4]], [[10, 20], [30, 40]]]).sum(dim=0))
    assert not at.warning  # the reason was said once


@pytest.mark.parametrize("lang", LANGS)
def test_going_back_to_an_op_the_tensors_do_not_fit_finds_its_edits(lang):
    at = edited_cat(lang)
    pick_op(at, "sum")  # a list: sum shows its example
    pick_op(at, "cat")  # a single tensor: cat shows what it held
    assert len(at.warning) == 1 and "`cat`" in at.warning[0].value
    assert printed(at) == str(torch.cat(EDITED))


def _charts(at) -> list[str]:
    return [c.proto.id for c in at.get("plotly_chart") if "chart.compare." in c.proto.id]


@pytest.mark.parametrize("lang", LANGS)
def test_compare_view_shows_both_results_and_both_code_lines(lang):
    at = edited_cat(lang)
    at.toggle(key="compare.on").set_value(True).run()
    assert not at.exception
    assert at.selectbox(key="compare.op").options == ["torch.cat", "torch.stack", "torch.einsum", "torch.hstack"]
    at.selectbox(key="compare.op").select("stack").run()
    assert not at.exception
    codes = [c.value for c in at.code]
    assert "result = torch.cat(tensors)" in codes and "result = torch.stack(tensors)" in codes
    charts = _charts(at)
    assert any(c.endswith("chart.compare.this.result") for c in charts)
    assert any(c.endswith("chart.compare.other.result") for c in charts)
    rules = [m.value for m in at.markdown if m.value.startswith(("**Shape rule", "**形状规则"))]
    assert any("(4, 2)" in r for r in rules) and any("(2, 2, 2)" in r for r in rules)
    at.radio(key="arg.compare.stack.dim").set_value(-1).run()
    assert "result = torch.stack(tensors, dim=-1)" in [c.value for c in at.code]
    assert printed(at) == str(torch.cat(EDITED))  # the page's own op is untouched


@pytest.mark.parametrize("lang", LANGS)
def test_compare_one_op_at_two_argument_values(lang):
    at = open_page("tensor_ops", {"op": "sum", "dim": "0"}, lang)
    at.toggle(key="compare.on").set_value(True).run()
    assert at.selectbox(key="compare.op").value == "sum"
    assert at.radio(key="arg.compare.sum.dim").value == 0  # the same op starts from the page's arguments
    at.toggle(key="arg.compare.sum.keepdim").set_value(True).run()
    codes = [c.value for c in at.code]
    assert "result = torch.sum(input, dim=0)" in codes and "result = torch.sum(input, dim=0, keepdim=True)" in codes
    assert len(_charts(at)) == 2 and not at.exception


def test_compare_shows_torchs_refusal_of_the_second_op():
    at = open_page("tensor_ops", {"op": "cat", "preset": "guide_ragged"})
    at.toggle(key="compare.on").set_value(True).run()
    at.selectbox(key="compare.op").select("stack").run()
    assert not at.exception
    assert any("stack expects each tensor to be equal size" in e.value for e in at.error)


def test_compare_falls_back_to_the_pages_op_when_the_new_op_does_not_take_its_choice():
    at = open_page("tensor_ops", {"op": "cat"})
    at.toggle(key="compare.on").set_value(True).run()
    at.selectbox(key="compare.op").select("stack").run()
    pick_op(at, "sum")  # a single tensor now: stack is no choice
    assert at.selectbox(key="compare.op").value == "sum"
    assert len(_charts(at)) == 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_compare_view_goes_in_the_link_and_comes_back(lang):
    at = edited_cat(lang)
    at.toggle(key="compare.on").set_value(True).run()
    at.selectbox(key="compare.op").select("stack").run()
    at.radio(key="arg.compare.stack.dim").set_value(-1).run()
    link = dict(at.query_params)
    assert link["compare"] == "stack" and link["compare_dim"] == "-1"
    again = open_page("tensor_ops", link, lang)
    assert not again.exception and not again.warning
    assert again.toggle(key="compare.on").value and again.selectbox(key="compare.op").value == "stack"
    assert "result = torch.stack(tensors, dim=-1)" in [c.value for c in again.code]
    assert dict(again.query_params) == link
    again.toggle(key="compare.on").set_value(False).run()
    assert "compare" not in again.query_params and not _charts(again)


@pytest.mark.parametrize("lang", LANGS)
def test_a_compare_link_the_page_cannot_use_is_named(lang):
    at = open_page("tensor_ops", {"op": "sum", "compare": "stack"}, lang)  # stack takes no single tensor
    assert not at.exception and not at.toggle(key="compare.on").value
    assert "`compare`" in at.warning[0].value and "` stack `" in at.warning[0].value
    at = open_page("tensor_ops", {"op": "sum", "compare": "mean", "compare_dim": "9"}, lang)
    assert at.toggle(key="compare.on").value and "`compare_dim`" in at.warning[0].value
    assert at.query_params["compare_dim"] == "None"
