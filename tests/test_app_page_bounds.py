"""AppTest: no link can hurt the server or raise out of the Data loading, Losses, Activations and Module containers
pages. The largest request each page allows stays far under 100 MB; every over-cap, non-numeric, NaN, inf, 1e309,
negative, empty or 400-digit value is refused by name with the page's example in its place; a parameter the page does
not take is named and ignored; torch's refusals (shapes that disagree, classes out of range) are explained.
"""

import json

import pytest

from core.activations.params import PARAMS as ACTIVATION_PARAMS
from core.containers.params import PARAMS as CONTAINER_PARAMS
from core.data.params import PARAMS as DATA_PARAMS
from core.losses.catalog import LOSSES
from core.losses.params import page_params as loss_params
from core.page_params import Param
from tests.apptests import open_page, page_test
from tests.fuzz_checks import MAX_PEAK_GROWTH_MB, measured_run

SQUARE_16 = json.dumps([[float(i - j) for j in range(16)] for i in range(16)])
COLUMN_16 = json.dumps([[float(i)] for i in range(16)])
ROW_16 = json.dumps([float(i) for i in range(16)])

WORST = {  # id: (page, query): every size, count and sweep of a page at its cap at once
    "data_loading": ("data_loading", {"N": "64", "F": "8", "batch_size": "1", "epochs": "3", "shuffle": "true",
                                      "sequences": "8", "max_len": "10"}),
    "data_loading-MyDataset": ("data_loading", {"dataset": "MyDataset", "N": "64", "F": "8", "batch_size": "1",
                                                "epochs": "3", "shuffle": "false", "mismatch": "true"}),
    "losses-broadcast": ("losses", {"loss": "MSELoss", "input": COLUMN_16, "target": ROW_16,  # (16, 16) losses
                                    "compare": ",".join(LOSSES), "outlier": "10"}),
    "losses-classes": ("losses", {"loss": "CrossEntropyLoss", "input": SQUARE_16, "target": ROW_16,
                                  "target_dtype": "int64", "label_smoothing": "1"}),
    "activations": ("activations", {"input": SQUARE_16, "x_range": "20", "compare": "true", "temperature": "0.1",
                                    "offset": "1000"}),
    "containers-conv": ("containers", {"layers": "5", "features": "8", "model": "conv", "batch": "8", "height": "32",
                                       "width": "32", "tab": "guide"}),
    "containers-matmul": ("containers", {"model": "matmul", "batch": "8", "height": "32", "width": "3"}),
}

PARAMS = {  # page: its URL parameters (the Losses page's for the loss with the most arguments)
    "data_loading": DATA_PARAMS,
    "losses": loss_params("CrossEntropyLoss"),
    "activations": ACTIVATION_PARAMS,
    "containers": CONTAINER_PARAMS,
}
BASE = {"losses": {"loss": "CrossEntropyLoss"}}  # the page's parameters above are that loss's
HOSTILE = ["abc", "nan", "inf", "-inf", "1e309", "", "9" * 400, "-" + "9" * 400, "[[1]]"]


def _numbers(page: str) -> list[Param]:
    return [p for p in PARAMS[page] if p.kind in ("int", "float")]


def _warned(at, name: str) -> bool:
    return any(f"`{name}`" in warning.value for warning in at.warning)


@pytest.mark.parametrize("page, query", WORST.values(), ids=WORST.keys())
def test_the_largest_request_a_page_allows_stays_small(page, query):
    """Peak memory, read from the kernel, while the page answers its largest request (a first run with the same
    settings has already paid for imports and torch's first-call setup, which every session shares)."""
    at = page_test(page, query)
    at.run()
    at, growth_mb = measured_run(page, query, lambda: at.run())
    assert not at.exception
    assert not [w.value for w in at.warning if "could not be used" in w.value]  # every cap is a value it takes
    assert growth_mb < MAX_PEAK_GROWTH_MB


@pytest.mark.parametrize("page", list(PARAMS))
def test_every_number_past_its_cap_is_refused_by_name(page):
    numbers = [p for p in _numbers(page) if p.maximum is not None]
    query = {p.name: str(int(p.maximum) + 1 if p.kind == "int" else p.maximum * 2 + 1) for p in numbers}
    at = open_page(page, {**BASE.get(page, {}), **query})
    assert not at.exception
    for param in numbers:
        assert _warned(at, param.name), param.name
    assert any("outside" in warning.value for warning in at.warning)


@pytest.mark.parametrize("value", HOSTILE, ids=["word", "nan", "inf", "-inf", "1e309", "empty", "huge", "-huge",
                                                "list"])
@pytest.mark.parametrize("page", list(PARAMS))
def test_every_number_refuses_what_is_not_a_usable_number(page, value):
    numbers = _numbers(page)
    at = open_page(page, {**BASE.get(page, {}), **{p.name: value for p in numbers}}, "zh" if value == "nan" else "en")
    assert not at.exception
    for param in numbers:
        assert _warned(at, param.name), param.name
    if value == "abc":
        assert any("is not a whole number" in warning.value for warning in at.warning)


@pytest.mark.parametrize("page", list(PARAMS))
def test_a_parameter_the_page_does_not_take_is_named_and_ignored(page):
    at = open_page(page, {"delta": "2", "[x](https://evil.example)": "1"})
    assert not at.exception
    unused = [w.value for w in at.warning if "ignored" in w.value]
    assert len(unused) == 2 and "` delta `" in unused[0] and "`" in unused[1] and "](https" in unused[1]


@pytest.mark.parametrize("query, words", [
    ({"loss": "MSELoss", "input": "[1,2,3]", "target": "[1]"}, "broadcast it to (3,)"),
    ({"loss": "MSELoss", "input": "[1,2,3]", "target": "[[1,2,3]]"}, "hold as many numbers"),
    ({"loss": "MSELoss", "input": COLUMN_16, "target": ROW_16}, "256 losses instead of 16"),
    ({"loss": "L1Loss", "input": "[1,2]", "target": "[1,2,3]"}, "must match"),
    ({"loss": "BCELoss", "input": "[2,-1]", "target": "[1,0]"}, "between 0 and 1"),
    ({"loss": "CrossEntropyLoss", "input": "[[1,2,3]]", "target": "[5]", "target_dtype": "int64"}, "out of bounds"),
    ({"loss": "CrossEntropyLoss", "input": "[[1,2,3]]", "target": "[[1,0]]"}, "torch says"),
    ({"loss": "CrossEntropyLoss", "input": "[1,2,3]", "target": "[1,2]", "target_dtype": "int64"}, "torch says"),
])
def test_inputs_and_targets_that_disagree_are_explained(query, words):
    at = open_page("losses", query)
    assert not at.exception
    assert any(words in alert.value for alert in [*at.error, *at.warning]), [a.value for a in [*at.error, *at.warning]]


@pytest.mark.parametrize("dim", ["2", "-2", "-3", "1e309"])
def test_a_softmax_dim_past_the_grid_is_refused(dim):
    at = open_page("activations", {"dim": dim})
    assert not at.exception and _warned(at, "dim") and "0, 1, -1" in at.warning[0].value
    assert at.radio(key="act.dim").value == 1  # the example's


def test_a_number_too_large_for_the_float32_grid_is_named_not_turned_into_inf():
    at = open_page("activations", {"input": "[[1e39,1],[2,3]]"})
    assert not at.exception
    grid_errors = [e.value for e in at.error if "1e+39" in e.value]
    assert grid_errors and "too large for float32" in grid_errors[0] and "float64" not in grid_errors[0]


def test_a_flat_list_in_a_link_is_said_to_become_one_row():
    at = open_page("activations", {"input": "[1,2,3]", "dim": "0"})
    assert any("shape (1, 3)" in info.value for info in at.info)
    at.run()  # the grid now holds the row: nothing left to say
    assert not any("shape (1, 3)" in info.value for info in at.info)


def test_rows_added_in_the_softmax_editor_past_the_cap_are_refused():
    at = open_page("activations", {"input": SQUARE_16})
    version = at.session_state["act.grid"]["version"]
    at.session_state[f"act.editor.v{version}"] = {"edited_rows": {}, "added_rows": [{"0": "1"}], "deleted_rows": []}
    at.run()
    assert not at.exception
    assert any("(17, 16)" in error.value for error in at.error)


def test_the_losses_shape_box_refuses_a_shape_past_the_cap():
    at = open_page("losses")
    at.text_input(key="losses.input_shape").set_value("16, 17").run()
    assert not at.exception and any("16, 17" in error.value for error in at.error)
    at.text_input(key="losses.input_shape").set_value("9" * 400).run()
    assert not at.exception and any("…" in error.value for error in at.error)  # the typed value, cut short
