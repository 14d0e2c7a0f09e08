"""AppTest of the activations page: every entry and preset runs, widgets change results, the URL opens its state,
bad input is explained without an exception."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from core.activations.catalog import ACTIVATIONS
from core.activations.softmax_grid import PRESETS
from tests.apptests import open_page as open_app_page


def open_page(query: dict[str, str] | None = None, lang: str | None = None) -> AppTest:
    at = open_app_page("activations", query, lang or "en")
    assert not at.exception
    return at


def printed(at: AppTest, tab: int) -> str:
    """The 'What it prints' block of a tab (curves 0, softmax 1, stability 2), with the newline st.code drops."""
    return at.tabs[tab].code[1].value + "\n"


def snippet(at: AppTest, tab: int) -> str:
    return at.tabs[tab].code[0].value


def edit(at: AppTest, rows: dict) -> AppTest:
    """Type into the softmax grid's cells: {row: {column: text}}."""
    key = f"act.editor.v{at.session_state['act.grid']['version']}"
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def test_page_opens_on_the_guides_examples():
    at = open_page()
    assert printed(at, 1) == "tensor([[0.0900, 0.2447, 0.6652],\n        [0.0900, 0.2447, 0.6652]])\ntensor([1., 1.])\n"
    assert printed(at, 2).splitlines()[1] == "naive         tensor([nan, nan, nan])"
    assert "nan" in at.warning[0].value and "88.72" in at.warning[0].value
    assert "nn.Sigmoid()" in snippet(at, 0) and not at.error
    assert at.query_params["activation"] == "Sigmoid" and at.query_params["input"] == "[[1.0,2.0,3.0],[4.0,5.0,6.0]]"


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_every_activation_runs_and_shades_its_flat_stretches(name):
    at = open_page()
    at.selectbox(key="act.activation").select(name).run()
    assert not at.exception
    assert ACTIVATIONS[name].module_source() in snippet(at, 0)
    assert "0.01" in at.tabs[0].info[-1].value
    assert at.query_params["activation"] == name


def test_x_range_and_compare_change_the_curves():
    at = open_page()
    before = printed(at, 0)
    at.slider(key="act.x_range").set_value(2).run()
    assert printed(at, 0) != before and printed(at, 0).startswith("x =   -2.00")
    assert at.tabs[0].success  # within ±2 sigmoid's slope never drops below 0.01
    at.toggle(key="act.compare").set_value(False).run()
    assert not at.exception and at.query_params["compare"] == "false"
    chart = at.get("plotly_chart")[0]
    assert len(json.loads(chart.proto.spec)["data"]) == 2  # one activation: f and f'


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.key)
def test_every_preset_loads_into_the_grid(preset):
    at = open_page()
    at.button(key=f"act.preset.{preset.key}").click().run()
    assert not at.exception and not at.error
    assert at.session_state["act.input"] == preset.input
    assert "input = torch.tensor(" in snippet(at, 1)


def test_dim_and_temperature_change_the_softmax():
    at = open_page()
    at.radio(key="act.dim").set_value(0).run()
    assert printed(at, 1) == "tensor([[0.0474, 0.0474, 0.0474],\n        [0.9526, 0.9526, 0.9526]])\ntensor([1., 1., 1.])\n"
    at.select_slider(key="act.temperature").set_value(10.0).run()
    assert "temperature = 10.0" in snippet(at, 1)
    assert printed(at, 1).endswith("tensor([1., 1., 1.])\n") and "0.4256" in printed(at, 1)
    assert at.query_params["dim"] == "0" and at.query_params["temperature"] == "10.0"


def test_offset_and_dtype_change_the_stability_verdict():
    at = open_page()
    at.slider(key="act.offset").set_value(50).run()
    assert at.tabs[2].success and not at.tabs[2].warning
    at.slider(key="act.offset").set_value(500).run()
    assert "88.72" in at.tabs[2].warning[0].value
    at.radio(key="act.dtype").set_value("float64").run()
    assert at.tabs[2].success and "709.78" in at.tabs[2].success[0].value
    at.slider(key="act.offset").set_value(-1000).run()
    assert "0 / 0" in at.tabs[2].warning[0].value


def test_editing_a_cell_changes_the_result_and_the_url():
    at = edit(open_page(), {0: {"0": "3"}})
    assert not at.error
    assert printed(at, 1).startswith("tensor([[0.4223, 0.1554, 0.4223]")
    assert at.query_params["input"] == "[[3.0,2.0,3.0],[4.0,5.0,6.0]]"


def test_bad_cells_give_an_error_and_keep_the_last_good_url():
    at = edit(open_page(), {1: {"2": "abc"}, 0: {"1": ""}})
    assert not at.exception
    message = at.error[0].value
    assert "input[1, 2] = ` abc ` is not a number." in message and "input[0, 1] is empty" in message
    assert at.query_params["input"] == "[[1.0,2.0,3.0],[4.0,5.0,6.0]]"
    assert len(at.tabs[1].code) == 0  # no result, so no code panel for the grid


def test_url_opens_the_state_it_describes():
    at = open_page({
        "activation": "Tanh", "x_range": "3", "compare": "false", "input": "[[0,0],[1,3]]", "dim": "-1",
        "temperature": "0.5", "offset": "80", "dtype": "float64",
    })
    assert at.selectbox(key="act.activation").value == "Tanh" and at.slider(key="act.x_range").value == 3
    assert "nn.Tanh()" in snippet(at, 0) and "linspace(-3.0, 3.0" in snippet(at, 0)
    assert "input = torch.tensor([[0.0, 0.0], [1.0, 3.0]], dtype=torch.float32)" in snippet(at, 1)
    assert "nn.Softmax(dim=-1)" in snippet(at, 1) and "temperature = 0.5" in snippet(at, 1)
    assert printed(at, 1) == "tensor([[0.5000, 0.5000],\n        [0.0180, 0.9820]])\ntensor([1., 1.])\n"
    assert "dtype=torch.float64" in snippet(at, 2) and at.tabs[2].success
    assert not at.warning


def test_a_flat_list_in_the_url_is_one_row():
    at = open_page({"input": "[1000,1001,1002]"})
    assert "input = torch.tensor([[1000.0, 1001.0, 1002.0]], dtype=torch.float32)" in snippet(at, 1)


def test_malformed_url_falls_back_with_warnings():
    at = open_page({"activation": "GELU", "x_range": "99", "input": "[[1,2],[3]]", "dim": "2", "temperature": "abc"})
    warnings = " ".join(w.value for w in at.warning)
    for name in ("activation", "x_range", "input", "dim", "temperature"):
        assert f"`{name}`" in warnings
    assert at.selectbox(key="act.activation").value == "Sigmoid"
    assert printed(at, 1).startswith("tensor([[0.0900, 0.2447, 0.6652]")


def test_chinese():
    at = open_page(lang="zh")
    assert at.title[0].value == "激活函数：Sigmoid、Softmax、Tanh、ReLU"
    assert "阴影部分" in at.tabs[0].info[-1].value
    assert "朴素公式得到了 nan" in at.warning[0].value
    at = edit(at, {0: {"0": "x"}})
    assert "不是数字" in at.error[0].value


def test_grid_state_survives_a_rebuilt_editor():
    """A preset after an edit replaces the grid; the URL follows."""
    at = edit(open_page(), {0: {"0": "9"}})
    at.button(key=f"act.preset.{PRESETS[1].key}").click().run()
    assert at.query_params["input"] == "[[2.0,1.0,0.1],[0.5,2.1,1.3]]"
    assert printed(at, 1).startswith("tensor([[0.6590, 0.2424, 0.0986]")


def test_edits_survive_when_streamlit_drops_the_editors_state():
    """Back from another page Streamlit has forgotten the editor's edits; the grid is rebuilt from the last good
    matrix instead of reverting to what the editor was first given."""
    at = edit(open_page(), {0: {"0": "7"}})
    del at.session_state[f"act.editor.v{at.session_state['act.grid']['version']}"]
    at.run()
    assert not at.exception
    assert "input = torch.tensor([[7.0, 2.0, 3.0], [4.0, 5.0, 6.0]]" in snippet(at, 1)
    assert at.query_params["input"] == "[[7.0,2.0,3.0],[4.0,5.0,6.0]]"
