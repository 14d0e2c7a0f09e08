"""AppTest of the Losses page: every preset runs without an exception, widgets change the result and the URL, a URL
opens its state (a malformed one warns), Chinese shows Chinese, and bad input gives an st.error, never a traceback."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.losses.catalog import LOSSES
from tests.apptests import open_page as open_app_page

ROOT = Path(__file__).resolve().parent.parent
PAGE = "app_pages/losses.py"


def open_page(query: dict[str, str] | None = None, lang: str | None = None) -> AppTest:
    at = open_app_page("losses", query, lang or "en")
    assert not at.exception, at.exception
    return at


def printed(at: AppTest) -> str:
    """The code panel's 'What it prints' block (the second code block), with the newline st.code drops."""
    return at.code[1].value + "\n"


def outlier_printed(at: AppTest) -> str:
    return at.code[-1].value + "\n"


def edit(at: AppTest, name: str, rows: dict) -> AppTest:
    """Type into the `name` grid as a browser would (AppTest cannot edit a data_editor through an accessor)."""
    version = at.session_state[f"losses.grid.{name}"]["version"]
    at.session_state[f"losses.editor.{name}.{version}"] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception
    return at


def test_default_page_is_the_guide_mse_example():
    at = open_page()
    assert at.selectbox(key="losses.loss").value == "MSELoss"
    assert at.metric[0].value == "0.25"
    assert printed(at) == "tensor([0.2500, 0.2500, 0.2500])\ntensor(0.2500)\ntensor([0.2500, 0.2500, 0.2500])\n"
    assert "nn.MSELoss()" in at.code[0].value
    assert at.query_params["loss"] == "MSELoss" and at.query_params["input"] == "[1.5,2.5,3.5]"
    charts = {chart.key for chart in at.get("plotly_chart")}
    assert {"losses.chart.per_element", "losses.chart.curves", "losses.chart.outlier"} <= charts


@pytest.mark.parametrize("loss", list(LOSSES))
def test_every_preset_runs_without_exception(loss):
    at = open_page({"loss": loss})
    assert at.selectbox(key="losses.loss").value == loss
    for preset in LOSSES[loss].presets:
        at.selectbox(key="losses.preset").select(preset.key).run()
        assert not at.exception, (loss, preset.key, at.exception)
        errors = [e.value for e in at.error]
        assert bool(errors) == preset.error, (loss, preset.key, errors)
        assert at.query_params["input"] is not None


def test_changing_reduction_changes_the_result_and_the_url():
    at = open_page()
    at.radio(key="losses.reduction").set_value("sum").run()
    assert at.metric[0].value == "0.75"
    assert "nn.MSELoss(reduction='sum')" in at.code[0].value
    assert at.query_params["reduction"] == "sum"
    at.radio(key="losses.reduction").set_value("none").run()
    assert not at.metric
    assert printed(at).startswith("tensor([0.2500, 0.2500, 0.2500])\ntensor([0.2500")


def test_changing_the_loss_loads_its_first_example():
    at = open_page()
    at.selectbox(key="losses.loss").select("CrossEntropyLoss").run()
    assert not at.exception
    assert at.metric[0].value == "0.907606"
    assert at.query_params["target"] == "[2,1]" and at.query_params["target_dtype"] == "int64"
    at.selectbox(key="losses.loss").select("HuberLoss").run()
    assert at.number_input(key="losses.delta").value == 1.0
    at.number_input(key="losses.delta").set_value(2.0).run()
    assert "nn.HuberLoss(delta=2.0)" in at.code[0].value and at.query_params["delta"] == "2.0"


def test_url_opens_the_state_it_describes():
    at = open_page({"loss": "CrossEntropyLoss", "reduction": "sum", "input": "[[1,2,3],[1,2,3]]", "target": "[2,1]",
                    "target_dtype": "int64", "compare": "L1Loss", "curve_target": "0.5", "outlier": "3"})
    assert at.selectbox(key="losses.loss").value == "CrossEntropyLoss"
    assert at.radio(key="losses.reduction").value == "sum"
    assert at.multiselect(key="losses.compare").value == ["L1Loss"]
    assert at.slider(key="losses.curve_target").value == 0.5 and at.slider(key="losses.outlier").value == 3.0
    assert at.metric[0].value == "1.81521"
    assert "target = torch.tensor([2, 1], dtype=torch.int64)  # (2,)" in at.code[0].value
    assert outlier_printed(at).startswith("L1Loss() 1.0 tensor([ 0.2500,  0.2500,  0.2500, -0.2500])")


def test_url_loss_alone_opens_its_guide_example():
    at = open_page({"loss": "CrossEntropyLoss"})
    assert at.metric[0].value == "0.907606" and not at.warning


def test_malformed_url_warns_and_falls_back():
    at = open_page({"loss": "Frobnicate", "reduction": "avg", "input": "[[1,2],[3]]", "compare": "MSELoss,Nope",
                    "outlier": "99"})
    warnings = " ".join(w.value for w in at.warning)
    for param in ("`loss`", "`reduction`", "`input`", "`compare`", "`outlier`"):
        assert param in warnings
    assert at.selectbox(key="losses.loss").value == "MSELoss" and at.metric[0].value == "0.25"


def test_chinese():
    at = open_page(lang="zh")
    assert at.title[0].value == "损失函数"
    assert any("输入规则" in caption.value for caption in at.caption)
    at = open_page({"loss": "CrossEntropyLoss", "target": "[2.0,1.0]", "target_dtype": "float32"}, lang="zh")
    assert "类别索引" in at.error[0].value and "torch 的报错" in at.error[0].value


def test_bad_cell_is_reported_by_cell_without_exception():
    at = edit(open_page(), "input", {0: {"1": "abc"}})
    assert "input[1] = ` abc ` is not a number" in at.error[0].value
    assert at.query_params["input"] == "[1.5,2.5,3.5]"  # the link keeps the last good state
    assert at.session_state["losses.grid.input"]["current"] == ["1.5", "abc", "3.5"]
    at = edit(at, "input", {0: {"1": ""}})
    assert "input[1] is empty" in at.error[0].value


def test_editing_a_cell_changes_the_result_and_the_url():
    at = edit(open_page(), "target", {0: {"2": "7.5"}})
    assert at.query_params["target"] == "[1.0,2.0,7.5]"
    assert at.metric[0].value == "5.5"  # (0.25 + 0.25 + 16) / 3


def test_shape_box_resizes_the_grid_and_a_bad_shape_is_reported():
    at = open_page()
    at.text_input(key="losses.target_shape").input("2").run()
    assert not at.exception
    assert at.session_state["losses.grid.target"]["current"] == ["1.0", "2.0"]
    assert "(3,)" in at.error[0].value and "(2,)" in at.error[0].value  # torch refuses, explained with both shapes
    at.text_input(key="losses.target_shape").input("3, 40").run()
    assert not at.exception and "` 3, 40 ` is not a shape" in at.error[0].value


def test_dtype_change_is_explained():
    at = open_page({"loss": "BCELoss"})
    at.selectbox(key="losses.target_dtype").select("int64").run()
    assert not at.exception
    assert "Found dtype Long but expected Float" in at.error[0].value
    assert "`target.float()`" in at.error[0].value


def test_bce_fed_logits_shows_torchs_error_explained():
    at = open_page({"loss": "BCELoss"})
    at.selectbox(key="losses.preset").select("logits").run()
    message = at.error[0].value
    assert "all elements of input should be between 0 and 1" in message and "torch.sigmoid(input)" in message
    assert "With that fix, torch gives: `tensor(0.2407)`" in message


def test_large_logits_side_by_side():
    at = open_page({"loss": "BCEWithLogitsLoss"})
    at.selectbox(key="losses.preset").select("large_logits").run()
    table = at.dataframe[-1].value
    assert table["BCEWithLogitsLoss, reduction='none'"].tolist()[:3] == ["100", "100", "120"]
    assert table["BCELoss of sigmoid(input)"].tolist()[:3] == ["100", "100", "100"]
    assert table["the formula with torch.log"].tolist() == ["inf", "inf", "inf", "nan"]


def test_curve_and_outlier_sliders_change_what_is_shown():
    at = open_page()
    before = outlier_printed(at)
    at.slider(key="losses.outlier").set_value(6.0).run()
    after = outlier_printed(at)
    assert after != before and after.startswith("MSELoss() 7.75 tensor([ 0.2500,  0.2500,  0.2500, -2.7500])")
    assert at.query_params["outlier"] == "6.0"
    at.slider(key="losses.curve_target").set_value(-1.0).run()
    assert not at.exception and at.query_params["curve_target"] == "-1.0"
    at.multiselect(key="losses.compare").set_value(["BCELoss"]).run()
    assert "all elements of target should be between 0 and 1" in at.warning[0].value  # target -1 is refused
    assert outlier_printed(at).startswith("MSELoss() 7.75")  # the page's own loss is always drawn
    at.selectbox(key="losses.loss").select("CrossEntropyLoss").run()
    assert "MSELoss" in at.info[-1].value  # no regression loss left for the outlier view


def test_curves_always_draw_the_pages_loss():
    """Choosing CrossEntropyLoss above puts its curve on the Curves tab, whatever the comparison list holds."""
    import json

    at = open_page({"loss": "CrossEntropyLoss", "compare": "MSELoss"})
    chart = next(c for c in at.get("plotly_chart") if "losses.chart.curves" in c.proto.id)
    names = [trace["name"] for trace in json.loads(chart.proto.spec)["data"]]
    assert names[0] == "CrossEntropyLoss()" and "MSELoss()" in names


def test_reduction_refused_but_per_element_shown():
    at = open_page({"loss": "L1Loss", "input": "[1,2,3]", "target": "[1,2,4]", "input_dtype": "int64",
                    "target_dtype": "int64"})
    assert "could not infer output dtype" in at.error[0].value
    assert printed(at) == "tensor([0, 0, 1])\n"
    assert any(chart.key == "losses.chart.per_element" for chart in at.get("plotly_chart"))


def test_example_picker_names_what_is_on_screen():
    at = open_page({"loss": "BCEWithLogitsLoss", "input": "[100.0,-100.0,120.0,20.0]", "target": "[0.0,1.0,0.0,1.0]",
                    "reduction": "none"})
    assert at.selectbox(key="losses.preset").value == "large_logits"
    at = edit(at, "input", {0: {"3": "21"}})
    assert at.selectbox(key="losses.preset").value == ""  # "(your edits)"
    assert "(your edits)" in at.selectbox(key="losses.preset").options


@pytest.mark.parametrize("keep_url", [True, False])
def test_state_survives_a_trip_to_another_page(tmp_path, keep_url):
    """Streamlit forgets a page's widgets while another page is shown; the edits and choices come back, from the URL
    or (when the URL was cleared) from the saved state."""
    other = tmp_path / "other.py"
    other.write_text("import streamlit as st\nst.write('elsewhere')\n")
    losses = str(ROOT / PAGE)
    script = f"import streamlit as st\nst.navigation([st.Page({losses!r}), st.Page({str(other)!r})]).run()\n"
    at = AppTest.from_string(script, default_timeout=60).run()
    at = edit(at, "input", {0: {"0": "9"}})
    at.radio(key="losses.reduction").set_value("sum").run()
    at.switch_page(str(other)).run()
    if not keep_url:
        at.query_params.clear()
    at.switch_page(losses).run()
    assert not at.exception
    assert at.radio(key="losses.reduction").value == "sum"
    assert at.dataframe[0].value.iloc[0].tolist() == ["9", "2.5", "3.5"]
    assert at.metric[0].value == "64.5"  # 8² + 0.5² + 0.5²


def test_cross_entropy_ignore_index_and_label_smoothing_are_torchs_arguments():
    """ignore_index skips a class (the mean counts one sample fewer); label_smoothing raises the loss; both reach the
    code and the URL by torch's names."""
    import torch
    import torch.nn.functional as F

    at = open_page({"loss": "CrossEntropyLoss"})
    logits, labels = torch.tensor([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]), torch.tensor([2, 1])
    at.number_input(key="losses.ignore_index").set_value(1).run()
    assert not at.exception
    assert float(at.metric[0].value) == pytest.approx(F.cross_entropy(logits, labels, ignore_index=1).item(), abs=1e-6)
    assert any("divides that by 1" in c.value for c in at.caption)
    assert "nn.CrossEntropyLoss(ignore_index=1)" in at.code[0].value and at.query_params["ignore_index"] == "1"
    at.number_input(key="losses.label_smoothing").set_value(0.2).run()
    expected = F.cross_entropy(logits, labels, ignore_index=1, label_smoothing=0.2).item()
    assert float(at.metric[0].value) == pytest.approx(expected, abs=1e-5)
    assert "label_smoothing=0.2" in at.code[0].value and at.query_params["label_smoothing"] == "0.2"
