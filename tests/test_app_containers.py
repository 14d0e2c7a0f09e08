"""AppTest of the module containers page: every model and preset runs, widgets change results, the URL opens its
state, a too-small input is explained without an exception."""


import pytest
from streamlit.testing.v1 import AppTest

from core.containers.guide_models import GUIDE_MODELS
from tests.apptests import open_page as open_app_page

EMPTY_LIST = "optimizer got an empty parameter list"


def open_page(query: dict[str, str] | None = None, lang: str | None = None) -> AppTest:
    at = open_app_page("containers", query, lang or "en")
    assert not at.exception
    return at


def printed(at: AppTest, tab: int) -> str:
    """The 'What it prints' block of a tab (holders 0, guide models 1), with the newline st.code drops."""
    codes = at.tabs[tab].code
    return codes[len(codes) - 2].value + "\n"  # the last two blocks are the printout and the link


def snippet(at: AppTest, tab: int) -> str:
    codes = at.tabs[tab].code
    return codes[len(codes) - 3].value


def test_page_opens_with_the_plain_list_lesson():
    at = open_page()
    text = printed(at, 0)
    assert "== plain list ==\nparameters(): 0 tensors, 0 elements\nstate_dict() keys: []\n" in text
    assert "parameters(): 4 tensors, 24 elements" in text
    assert "weight dtypes after .to(torch.float64): [torch.float32, torch.float32]" in text
    assert "plain Python list hides its layers" in at.tabs[0].warning[0].value
    assert f"` {EMPTY_LIST} `" in [e.value for e in at.tabs[0].error][0]
    assert [m.value for m in at.tabs[0].metric] == ["4 tensors", "2 tensors", "0 tensors"]
    assert printed(at, 1) == "x: (1, 1, 28, 28)\nafter layers[0]: (1, 32, 26, 26)\nafter layers[1]: (1, 64, 24, 24)\n"
    assert not at.tabs[1].error


def test_layer_table_shows_what_each_holder_updates_and_converts():
    at = open_page()
    module_list, _, plain = (frame.value for frame in at.tabs[0].dataframe)
    assert list(module_list.columns) == ["layer 0", "layer 1"]
    assert module_list.loc["changed by SGD step"].tolist() == ["True", "True"]
    assert plain.loc["changed by SGD step"].tolist() == ["False", "False"]
    assert plain.loc["grad computed"].tolist() == ["True", "True"]
    assert plain.loc["dtype after .to(float64)"].tolist() == ["float32", "float32"]


def test_layers_features_and_bias_change_the_report():
    at = open_page()
    at.number_input(key="modules.layers").set_value(4).run()
    at.number_input(key="modules.features").set_value(5).run()
    at.toggle(key="modules.bias").set_value(False).run()
    assert not at.exception
    assert "parameters(): 4 tensors, 100 elements" in printed(at, 0)
    assert "[nn.Linear(5, 5, bias=False) for _ in range(4)]" in snippet(at, 0)
    assert (at.query_params["layers"], at.query_params["features"], at.query_params["bias"]) == ("4", "5", "false")


@pytest.mark.parametrize("model", list(GUIDE_MODELS))
def test_every_model_and_preset_runs(model):
    at = open_page()
    at.selectbox(key="modules.model").select(model).run()
    assert not at.exception and at.query_params["model"] == model
    first = GUIDE_MODELS[model].presets[0].shape
    assert (at.number_input(key="modules.batch").value, at.number_input(key="modules.height").value) == first[:2]
    assert GUIDE_MODELS[model].model_class.__name__ in snippet(at, 1)
    for preset in GUIDE_MODELS[model].presets:
        at.button(key=f"modules.preset.{model}.{preset.key}").click().run()
        assert not at.exception, preset.key
        assert bool(at.tabs[1].error) == preset.key.startswith("too_"), preset.key


def test_shape_controls_change_the_shapes():
    at = open_page()
    at.number_input(key="modules.batch").set_value(3).run()
    at.number_input(key="modules.width").set_value(10).run()
    assert printed(at, 1) == "x: (3, 1, 28, 10)\nafter layers[0]: (3, 32, 26, 8)\nafter layers[1]: (3, 64, 24, 6)\n"
    assert "x = torch.randn(3, 1, 28, 10)" in snippet(at, 1)


def test_too_small_an_input_is_explained_not_raised():
    at = open_page({"height": "2", "width": "2"})
    message = at.tabs[1].error[0].value
    assert "Kernel size can't be greater than actual input size" in message
    assert "(1, 1, 2, 2)" in message and "at least 5 x 5" in message and "padding=1" in message
    assert printed(at, 1).endswith("RuntimeError: Calculated padded input size per channel: (2 x 2). Kernel size: "
                                   "(3 x 3). Kernel size can't be greater than actual input size\n")


def test_wrong_width_for_the_matmul_model_is_explained():
    at = open_page({"model": "matmul", "batch": "1", "height": "2", "width": "4"})
    message = at.tabs[1].error[0].value
    assert "mat1 and mat2 shapes cannot be multiplied (2x4 and 3x3)" in message and "set width to 3" in message


def test_url_opens_the_state_it_describes():
    at = open_page({"layers": "3", "features": "2", "bias": "false", "model": "matmul", "batch": "2", "height": "5",
                    "width": "3"})
    assert at.number_input(key="modules.layers").value == 3 and at.toggle(key="modules.bias").value is False
    assert "state_dict() keys: ['layers.0.weight', 'layers.1.weight', 'layers.2.weight']" in printed(at, 0)
    assert printed(at, 1).startswith("x: (2, 5, 3)\nafter weights[0]: (2, 5, 3)\n")
    assert not at.warning or all("plain Python list" in w.value for w in at.warning)


def test_malformed_url_falls_back_with_warnings():
    at = open_page({"layers": "99", "model": "transformer", "height": "x", "bias": "perhaps"})
    warnings = " ".join(w.value for w in at.warning)
    for name in ("layers", "model", "height", "bias"):
        assert f"`{name}`" in warnings
    assert at.number_input(key="modules.layers").value == 2 and at.selectbox(key="modules.model").value == "conv"


def test_chinese():
    at = open_page({"height": "2", "width": "2"}, lang="zh")
    assert at.title[0].value == "模块容器：nn.ModuleList 与 nn.ParameterList"
    assert "普通的 Python 列表" in at.tabs[0].warning[0].value
    assert "至少 5 x 5" in at.tabs[1].error[0].value
