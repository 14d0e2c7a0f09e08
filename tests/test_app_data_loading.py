"""AppTest of the data-loading page: presets run, widgets change the batches, the URL opens its state, errors are
explained, Chinese shows Chinese."""


from streamlit.testing.v1 import AppTest

from core.data.codegen import loader_printed, sequence_printed
from core.data.loading import run_loader
from core.data.params import PRESETS, preset_settings
from core.data.sequences import run_sequences
from tests.apptests import open_page as open_app_page


def open_page(query: dict[str, str] | None = None, lang: str | None = None) -> AppTest:
    at = open_app_page("data_loading", query, lang or "en")
    assert not at.exception
    return at


def loader_output(at: AppTest) -> str:
    """The main 'What it prints' block (the one after the loader snippet), with the newline st.code drops."""
    codes = [c.value for c in at.code]
    snippet = next(i for i, code in enumerate(codes) if "for inputs, targets, indices in loader:" in code)
    return codes[snippet + 1] + "\n"


def loading_errors(at: AppTest) -> list[str]:
    """The errors about the dataset and loader (not the default collate demo of the sequences section)."""
    return [e.value for e in at.error if not e.value.startswith("` RuntimeError: stack expects")]


def test_default_is_the_guides_example_1():
    at = open_page()
    assert at.selectbox(key="data.preset").value == "guide_example_1"
    printed = loader_output(at)
    assert printed == loader_printed(run_loader(preset_settings("guide_example_1")))
    assert printed.splitlines()[1:5] == [
        "torch.Size([3, 5]) torch.Size([3]) [3, 7, 5]",
        "torch.Size([3, 5]) torch.Size([3]) [2, 0, 8]",
        "torch.Size([3, 5]) torch.Size([3]) [1, 6, 9]",
        "torch.Size([1, 5]) torch.Size([1]) [4]",
    ]
    shapes = at.dataframe[1].value
    assert list(shapes["inputs.shape"]) == ["(3, 5)", "(3, 5)", "(3, 5)", "(1, 5)"]
    assert at.get("plotly_chart")[0].proto.spec  # the batch grid is drawn


def test_every_preset_runs_and_errors_only_where_meant():
    at = open_page()
    for preset in PRESETS:
        at.selectbox(key="data.preset").select(preset.key).run()
        assert not at.exception, preset.key
        assert bool(loading_errors(at)) == preset.error, (preset.key, loading_errors(at))
        assert loader_output(at) == loader_printed(run_loader(preset_settings(preset.key))), preset.key


def test_changing_widgets_changes_the_batches_and_the_url():
    at = open_page()
    before = loader_output(at)
    at.number_input(key="data.batch_size").set_value(4).run()
    assert loader_output(at) != before
    assert "torch.Size([2, 5]) torch.Size([2])" in loader_output(at)  # 10 = 4 + 4 + 2
    assert at.query_params["batch_size"] == "4"
    at.toggle(key="data.shuffle").set_value(False).run()
    assert "torch.Size([4, 5]) torch.Size([4]) [0, 1, 2, 3]" in loader_output(at)
    assert at.query_params["shuffle"] == "false"
    assert at.selectbox(key="data.preset").value is None  # "(your edits)"


def test_url_opens_the_state_it_describes():
    query = {"dataset": "MyDataset", "N": "7", "F": "2", "batch_size": "2", "shuffle": "false", "drop_last": "true",
             "epochs": "1", "sequences": "3", "max_len": "4"}
    at = open_page(query)
    assert at.radio(key="data.dataset").value == "MyDataset"
    assert at.number_input(key="data.N").value == 7 and at.toggle(key="data.drop_last").value is True
    assert loader_output(at) == (
        "epoch 0\n"
        "torch.Size([2, 2]) torch.Size([2]) [0, 1]\n"
        "torch.Size([2, 2]) torch.Size([2]) [2, 3]\n"
        "torch.Size([2, 2]) torch.Size([2]) [4, 5]\n"
    )
    assert any("class MyDataset(Dataset):" in c.value for c in at.code)
    sequences = run_sequences(3, 4, 0, 2)
    assert any(c.value + "\n" == sequence_printed(sequences) for c in at.code)


def test_malformed_url_warns_and_falls_back():
    at = open_page({"N": "abc", "batch_size": "999", "shuffle": "maybe", "dataset": "ImageFolder"})
    warnings = " ".join(w.value for w in at.warning)
    for name in ("`N`", "`batch_size`", "`shuffle`", "`dataset`"):
        assert name in warnings
    assert loader_output(at) == loader_printed(run_loader(preset_settings("guide_example_1")))


def test_mismatch_gives_an_explained_error_not_an_exception():
    at = open_page()
    at.toggle(key="data.mismatch").set_value(True).run()
    assert not at.exception
    [message] = loading_errors(at)
    assert "Size mismatch between tensors" in message and "(10, 5)" in message and "(9,)" in message
    at.radio(key="data.dataset").set_value("MyDataset").run()
    [message] = loading_errors(at)
    assert "index 9 is out of bounds" in message and "(9,)" in message


def test_chinese():
    at = open_page(lang="zh")
    assert at.title[0].value == "数据加载：Dataset 与 DataLoader"
    assert any("变长序列" in s.value for s in at.subheader)
    assert at.selectbox(key="data.preset").format_func("guide_example_1").startswith("指南例 1")
