"""The losses core against torch itself: catalog entries, per-element and reduced values, explanations whose fixes
torch accepts, curves, the outlier gradients, URL parameters, figures, and snippets run in a fresh interpreter."""

import inspect
import math

import pytest
import torch
import torch.nn.functional as F

from tests.snippets import run_snippets
from core.grid import shape_of
from core.losses.catalog import DEFAULT_LOSS, LOSSES, REGRESSION_LOSSES
from core.losses.codegen import outlier_printed, outlier_snippet, printed, snippet
from core.losses.curves import CURVE_X, OUTLIER_INPUT, loss_curve, outlier_effect, outlier_target
from core.losses.figures import curve_figure, outlier_figure, per_element_figure
from core.losses.grids import grid_text, parse_shape, read_grid, shape_text
from core.losses.params import DEFAULT_COMPARE, loss_in, page_params, preset_values
from core.losses.run import run_loss
from core.losses.table import side_by_side
from core.messages import MSG
from core.messages.losses import MSG as LOSS_MSG
from core.page_params import decode, encode

# The same losses through torch's functional API: an independent path to every value the page shows.
FUNCTIONAL = {
    "MSELoss": lambda i, t, r, a: F.mse_loss(i, t, reduction=r),
    "L1Loss": lambda i, t, r, a: F.l1_loss(i, t, reduction=r),
    "SmoothL1Loss": lambda i, t, r, a: F.smooth_l1_loss(i, t, reduction=r, beta=a["beta"]),
    "HuberLoss": lambda i, t, r, a: F.huber_loss(i, t, reduction=r, delta=a["delta"]),
    "BCELoss": lambda i, t, r, a: F.binary_cross_entropy(i, t, reduction=r),
    "BCEWithLogitsLoss": lambda i, t, r, a: F.binary_cross_entropy_with_logits(i, t, reduction=r),
    "CrossEntropyLoss": lambda i, t, r, a: F.cross_entropy(i, t, reduction=r, ignore_index=a["ignore_index"],
                                                           label_smoothing=a["label_smoothing"]),
}
PRESETS = [(name, p.key) for name, spec in LOSSES.items() for p in spec.presets]


def tensors(values: dict) -> tuple[torch.Tensor, torch.Tensor]:
    """input and target as the page builds them from its grids."""
    built = []
    for name in ("input", "target"):
        read = read_grid(grid_text(values[name], values[f"{name}_dtype"]), values[f"{name}_dtype"], name, "en")
        assert read.problems == ()
        built.append(read.tensor)
    return tuple(built)


def preset_run(name: str, key: str, reduction: str | None = None):
    spec = LOSSES[name]
    values = preset_values(spec, spec.preset(key))
    input, target = tensors(values)
    args = {a.name: values[a.name] for a in spec.args}
    reduction = reduction or values["reduction"]
    return spec, input, target, reduction, args, run_loss(spec, input, target, reduction, args, "en")


# --- the catalog ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(LOSSES))
def test_entry_names_a_torch_class_and_its_arguments_with_torch_defaults(name):
    spec = LOSSES[name]
    signature = inspect.signature(getattr(torch.nn, name).__init__).parameters
    assert signature["reduction"].default == "mean"
    for arg in spec.args:
        assert signature[arg.name].default == arg.default
    assert {"HuberLoss": ["delta"], "SmoothL1Loss": ["beta"], "CrossEntropyLoss": ["ignore_index", "label_smoothing"]}.get(
        name, []) == [a.name for a in spec.args]
    keys = [p.key for p in spec.presets]
    assert len(set(keys)) == len(keys)
    for lang in ("en", "zh"):
        assert len({p.title(lang) for p in spec.presets}) == len(keys)
        assert spec.summary(lang) and spec.input_rule(lang)


def test_catalog_has_the_issue_losses_and_regression_group():
    assert list(LOSSES) == ["MSELoss", "L1Loss", "SmoothL1Loss", "HuberLoss", "BCELoss", "BCEWithLogitsLoss",
                            "CrossEntropyLoss"]
    assert REGRESSION_LOSSES == ("MSELoss", "L1Loss", "SmoothL1Loss", "HuberLoss")
    assert DEFAULT_LOSS in LOSSES and set(DEFAULT_COMPARE) <= set(LOSSES)


def test_constructor_writes_only_what_differs_from_torch():
    huber = LOSSES["HuberLoss"]
    assert huber.constructor("mean", {"delta": 1.0}) == "nn.HuberLoss()"
    assert huber.constructor("sum", {"delta": 2.0}) == "nn.HuberLoss(reduction='sum', delta=2.0)"
    assert LOSSES["MSELoss"].constructor("none", {}) == "nn.MSELoss(reduction='none')"


# --- running losses --------------------------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:Using a target size")
@pytest.mark.parametrize("name, key", PRESETS)
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_every_preset_matches_torch_functional(name, key, reduction):
    """Per element and reduced, the page's values are torch's functional API's; what the page refuses, torch does."""
    spec, input, target, reduction, args, outcome = preset_run(name, key, reduction)
    if outcome.per_element is not None:
        torch.testing.assert_close(outcome.per_element, FUNCTIONAL[name](input, target, "none", args), rtol=0, atol=0)
    if outcome.error is not None:
        assert outcome.reduced is None
        with pytest.raises((RuntimeError, ValueError, IndexError)):
            FUNCTIONAL[name](input, target, reduction, args)
        return
    torch.testing.assert_close(outcome.reduced, FUNCTIONAL[name](input, target, reduction, args), rtol=0, atol=0)


@pytest.mark.parametrize("name, key", PRESETS)
def test_a_preset_is_refused_exactly_when_it_says_so(name, key):
    assert (preset_run(name, key)[-1].error is not None) == LOSSES[name].preset(key).error


def test_the_guide_examples():
    """MSE of [1.5, 2.5, 3.5] against [1, 2, 3] is 0.25; the guide's CrossEntropy is torch's, about 0.9076."""
    *_, outcome = preset_run("MSELoss", "guide")
    assert outcome.reduced.item() == 0.25
    *_, outcome = preset_run("CrossEntropyLoss", "guide")
    expected = torch.nn.CrossEntropyLoss()(torch.tensor([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]), torch.tensor([2, 1]))
    assert outcome.reduced.item() == expected.item()
    assert round(outcome.reduced.item(), 4) == 0.9076


def test_large_logits_break_bce_of_sigmoid_but_not_bce_with_logits():
    """float32 logits ±100, 120, 20: BCEWithLogits is exact, BCELoss of sigmoid clamps at 100, the formula gives
    inf and nan."""
    _, input, target, _, _, outcome = preset_run("BCEWithLogitsLoss", "large_logits")
    exact = F.softplus(torch.where(target == 1, -input, input).double())  # -log(sigmoid(±x)) in float64
    torch.testing.assert_close(outcome.per_element.double(), exact, rtol=1e-6, atol=0)
    assert outcome.per_element.tolist()[:3] == [100.0, 100.0, 120.0]
    bce_of_sigmoid, formula = (value.values.tolist() for value in outcome.companions)
    assert bce_of_sigmoid[:3] == [100.0, 100.0, 100.0] and bce_of_sigmoid[3] == 0.0
    assert formula[:3] == [math.inf] * 3 and math.isnan(formula[3])


def test_broadcast_warning_is_explained():
    *_, outcome = preset_run("MSELoss", "broadcast")
    assert outcome.error is None and tuple(outcome.per_element.shape) == (3, 3)
    assert outcome.warnings == (
        "`input` (3, 1) and `target` (3,) have different shapes, so torch broadcast them to (3, 3): 9 losses instead "
        "of 3, every prediction compared with every target. Make the shapes equal, e.g. `target.view(input.shape)`.",
    )


def test_same_shapes_give_no_warning():
    for name, key in PRESETS:
        if key != "broadcast":
            assert preset_run(name, key)[-1].warnings == (), (name, key)


# --- torch's refusals, explained --------------------------------------------------------------------------------------

# What the test does by hand for each error preset whose explanation carries a fix: torch must accept it.
MANUAL_FIXES = {
    ("MSELoss", "int_input"): lambda i, t, a: (i.float(), t.float(), a),
    ("L1Loss", "int_input"): lambda i, t, a: (i.float(), t.float(), a),
    ("HuberLoss", "delta_zero"): lambda i, t, a: (i, t, {"delta": 1.0}),
    ("BCELoss", "logits"): lambda i, t, a: (torch.sigmoid(i), t, a),
    ("BCELoss", "int_target"): lambda i, t, a: (i, t.float(), a),
    ("BCEWithLogitsLoss", "int_target"): lambda i, t, a: (i, t.float(), a),
    ("CrossEntropyLoss", "float_indices"): lambda i, t, a: (i, t.long(), a),
    ("CrossEntropyLoss", "one_hot_int"): lambda i, t, a: (i, t.float(), a),
    ("CrossEntropyLoss", "ignore_probabilities"): lambda i, t, a: (i, t, {**a, "ignore_index": -100}),
}
ERROR_PRESETS = [(name, p.key) for name, spec in LOSSES.items() for p in spec.presets if p.error]


@pytest.mark.parametrize("name, key", ERROR_PRESETS)
def test_error_presets_are_explained_and_the_fix_is_what_torch_accepts(name, key):
    _, input, target, reduction, args, outcome = preset_run(name, key)
    error = outcome.error
    assert error.explanation and error.shapes.startswith("input (")
    if (name, key) in MANUAL_FIXES:
        fixed_input, fixed_target, fixed_args = MANUAL_FIXES[(name, key)](input, target, args)
        assert error.fixed.item() == FUNCTIONAL[name](fixed_input, fixed_target, reduction, fixed_args).item()
    else:
        assert error.fixed is None


def test_cross_entropy_float_indices_names_shape_and_fix():
    *_, outcome = preset_run("CrossEntropyLoss", "float_indices")
    assert outcome.error.torch_message == "expected target dtype to be Long or Byte, but got Float"
    assert "target must be int64 class indices of shape (2,): use `target.long()`" in outcome.error.explanation
    assert outcome.error.shapes == "input (2, 3) float32, target (2,) float32"


def test_bce_fed_logits_explains_probabilities_and_sigmoid():
    *_, outcome = preset_run("BCELoss", "logits")
    assert outcome.error.torch_message == "all elements of input should be between 0 and 1"
    assert "from -3 to 2" in outcome.error.explanation and "torch.sigmoid(input)" in outcome.error.explanation
    assert "BCEWithLogitsLoss" in outcome.error.explanation


@pytest.mark.parametrize(
    "name, input, target, expected",
    [
        ("CrossEntropyLoss", torch.ones(2, 3), torch.tensor([[0, 1], [1, 0]]), "should have shape (2,)"),
        ("CrossEntropyLoss", torch.ones(2, 3), torch.tensor([3, 1]), "must be in 0..2"),
        ("CrossEntropyLoss", torch.ones(2, 3, dtype=torch.int64), torch.tensor([2, 1]), "`input.float()`"),
        ("BCELoss", torch.full((2,), 0.5), torch.tensor([2.0, 0.0]), "`target.clamp(0, 1)`"),
        ("BCELoss", torch.full((2,), 0.5, dtype=torch.float64), torch.tensor([1.0, 0.0]), "`target.to(torch.float64)`"),
        ("BCEWithLogitsLoss", torch.ones(2, dtype=torch.int64), torch.tensor([1.0, 0.0]), "`input.float()`"),
        ("MSELoss", torch.ones(2, 3), torch.ones(3, 2), "`target.view(input.shape)`"),
        ("SmoothL1Loss", torch.ones(2), torch.ones(2), "`beta` must be 0 or more"),
        ("CrossEntropyLoss", torch.ones(3), torch.tensor([1, 2]), "one class index, shape (1,)"),
        ("HuberLoss", torch.ones(2, dtype=torch.int64), torch.ones(2), "`input` is int64"),
        ("BCELoss", torch.ones(2, dtype=torch.int64), torch.ones(2), "`input` is int64"),
    ],
)
def test_other_refusals_are_explained(name, input, target, expected):
    args = LOSSES[name].default_args() | ({"beta": -1.0} if name == "SmoothL1Loss" else {})
    outcome = run_loss(LOSSES[name], input, target, "mean", args, "en")
    assert outcome.error is not None
    assert expected in outcome.error.explanation, outcome.error


def test_explanations_come_in_chinese():
    _, input, target, reduction, args, _ = preset_run("CrossEntropyLoss", "float_indices")
    outcome = run_loss(LOSSES["CrossEntropyLoss"], input, target, reduction, args, "zh")
    assert "类别索引" in outcome.error.explanation and "`target.long()`" in outcome.error.explanation
    assert "torch 的报错" in outcome.error.describe("zh")


# --- curves and outliers --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", REGRESSION_LOSSES + ("BCEWithLogitsLoss",))
def test_regression_curves_are_torch_on_the_grid(name):
    spec = LOSSES[name]
    curve = loss_curve(spec, spec.default_args(), 0.5)
    expected = FUNCTIONAL[name](CURVE_X, torch.full_like(CURVE_X, 0.5), "none", spec.default_args())
    assert curve.error is None and curve.y == expected.tolist()


def test_bce_curve_only_inside_zero_one_and_refused_targets():
    curve = loss_curve(LOSSES["BCELoss"], {}, 1.0)
    inside = [(x, y) for x, y in zip(CURVE_X.tolist(), curve.y) if y is not None]
    assert all(0 < x < 1 for x, _ in inside) and len(inside) == 39
    assert inside[0][1] == pytest.approx(-math.log(0.025), rel=1e-6)
    refused = loss_curve(LOSSES["BCELoss"], {}, 2.0)
    assert refused.y is None and refused.error == "all elements of target should be between 0 and 1"


def test_cross_entropy_curve_is_the_true_class_logit_against_zero():
    curve = loss_curve(LOSSES["CrossEntropyLoss"], LOSSES["CrossEntropyLoss"].default_args(), 0.0)
    logits = torch.stack([CURVE_X, torch.zeros_like(CURVE_X)], dim=1)  # (G, 2)
    expected = F.cross_entropy(logits, torch.zeros(len(CURVE_X), dtype=torch.int64), reduction="none")
    assert curve.y == expected.tolist()
    torch.testing.assert_close(torch.tensor(curve.y), F.softplus(-CURVE_X))


def test_curve_with_a_refused_argument_reports_torch():
    curve = loss_curve(LOSSES["HuberLoss"], {"delta": 0.0}, 1.0)
    assert curve.y is None and "non-positive values for delta" in curve.error
    assert curve.label == "HuberLoss(delta=0.0)"


@pytest.mark.parametrize("outlier", [0.0, 2.5, 10.0])
@pytest.mark.parametrize("name", REGRESSION_LOSSES)
def test_outlier_values_and_gradients_match_autograd(name, outlier):
    spec = LOSSES[name]
    effect = outlier_effect(spec, spec.default_args(), outlier)
    input = torch.tensor(OUTLIER_INPUT, requires_grad=True)
    target = torch.tensor([0.0, 1.0, 2.0, 3.0 + outlier])
    loss = FUNCTIONAL[name](input, target, "mean", spec.default_args())
    (grad,) = torch.autograd.grad(loss, input)
    assert effect.loss.item() == loss.item()
    torch.testing.assert_close(effect.grad, grad, rtol=0, atol=0)


def test_mse_gradient_grows_with_the_outlier_and_l1_does_not():
    mse = [outlier_effect(LOSSES["MSELoss"], {}, o).grad[-1].item() for o in (0.0, 2.0, 8.0)]
    l1 = [outlier_effect(LOSSES["L1Loss"], {}, o).grad[-1].item() for o in (0.0, 2.0, 8.0)]
    huber = [outlier_effect(LOSSES["HuberLoss"], {"delta": 1.0}, o).grad[-1].item() for o in (0.0, 2.0, 8.0)]
    assert mse == [0.25, -0.75, -3.75]  # 2 * (input - target) / 4
    assert l1 == [0.25, -0.25, -0.25]  # sign(input - target) / 4
    assert huber == [0.125, -0.25, -0.25]  # capped at delta / 4


def test_outlier_target_moves_only_the_last():
    assert outlier_target(3.5).tolist() == [0.0, 1.0, 2.0, 6.5]


# --- grids and URL parameters ----------------------------------------------------------------------------------------


def test_grid_text_round_trip_and_bad_cells():
    text = grid_text([[1.5, 2.0], [0.1, -3.0]], "float32")
    assert text == [["1.5", "2.0"], ["0.1", "-3.0"]]
    read = read_grid(text, "float32", "input", "en")
    assert read.values == [[1.5, 2.0], [0.1, -3.0]] and read.tensor.dtype == torch.float32
    bad = read_grid(["1", "abc", ""], "float32", "target", "en")
    assert bad.tensor is None and "target[1] = ` abc ` is not a number" in bad.problems[0]
    assert "target[2] is empty" in bad.problems[0]
    assert grid_text([2.5, 1.0], "int64") == ["2.5", "1"]  # kept as typed, so parsing can report it
    assert "not a whole number" in read_grid(grid_text([2.5], "int64"), "int64", "target", "en").problems[0]


@pytest.mark.parametrize(
    "text, shape", [("3", (3,)), ("2, 3", (2, 3)), ("(2, 3)", (2, 3)), ("", None), ("0", None), ("17", None),
                    ("2, 2, 2", None), ("a", None), ("-1", None), ("16, 16", (16, 16))],
)
def test_parse_shape(text, shape):
    assert parse_shape(text) == shape


def test_shape_text():
    assert shape_text(["1", "2", "3"]) == "3" and shape_text([["1"], ["2"]]) == "2, 1"


def test_url_round_trip_for_every_loss():
    for name, spec in LOSSES.items():
        params = page_params(name)
        values, warnings = decode(params, {}, "en")
        assert warnings == [] and values["loss"] == name
        assert values["input"] == spec.presets[0].input
        again, warnings = decode(params, encode(params, values), "en")
        assert warnings == [] and again == values
    assert [p.name for p in page_params("HuberLoss")] == [
        "loss", "reduction", "delta", "input", "input_dtype", "target", "target_dtype", "compare", "curve_target",
        "outlier", "tab",
    ]


def test_malformed_url_values_fall_back_with_warnings():
    query = {"loss": "CrossEntropyLoss", "reduction": "avg", "input": "[[1,2],[3]]", "compare": "MSELoss,Nope",
             "outlier": "99", "target_dtype": "int8"}
    values, warnings = decode(page_params(loss_in(query, None)), query, "en")
    assert values["reduction"] == "mean" and values["input"] == LOSSES["CrossEntropyLoss"].presets[0].input
    assert values["compare"] == list(DEFAULT_COMPARE) and values["outlier"] == 0.0
    assert values["target_dtype"] == "int64"  # the CrossEntropyLoss guide's
    assert len(warnings) == 5 and all("`" in w for w in warnings)
    assert any("Nope" in w for w in warnings)


def test_loss_in_prefers_a_known_url_loss():
    assert loss_in({"loss": "L1Loss"}, "MSELoss") == "L1Loss"
    assert loss_in({"loss": "Nope"}, "BCELoss") == "BCELoss"
    assert loss_in({}, None) == DEFAULT_LOSS


# --- figures and the table --------------------------------------------------------------------------------------------


def test_curve_figure_draws_each_curve_and_marks_the_target():
    curves = [loss_curve(LOSSES[n], LOSSES[n].default_args(), 1.0) for n in ("MSELoss", "L1Loss", "BCELoss")]
    figure = curve_figure(curves, 1.0, "en")
    assert [trace.name for trace in figure.data] == ["MSELoss()", "L1Loss()", "BCELoss()"]
    assert list(figure.data[0].y) == curves[0].y
    assert figure.layout.shapes[0].x0 == 1.0
    assert figure.layout.yaxis.range[1] <= 9.5 * 1.05


def test_outlier_figure_bars_are_the_values_and_gradients():
    effects = [outlier_effect(LOSSES[n], {}, 4.0) for n in ("MSELoss", "L1Loss")]
    figure = outlier_figure(effects, "en")
    assert list(figure.data[0].y) == [e.loss.item() for e in effects]
    assert [list(trace.y) for trace in figure.data[1:]] == [e.grad.tolist() for e in effects]


def test_per_element_figure_scales_to_finite_values():
    figure = per_element_figure(torch.tensor([1.0, math.inf, 3.0]), "loss")
    assert (figure.data[0].zmin, figure.data[0].zmax) == (1.0, 3.0)
    assert list(figure.data[0].text[0]) == ["1", "inf", "3"]


def test_side_by_side_table():
    spec, input, target, _, _, outcome = preset_run("BCEWithLogitsLoss", "large_logits")
    table = side_by_side(spec, input, target, outcome, "en")
    assert list(table.columns) == ["input", "target", "BCEWithLogitsLoss, reduction='none'", "BCELoss of sigmoid(input)",
                                   "the formula with torch.log"]
    assert table.iloc[2].tolist() == ["120", "0", "120", "100", "inf"]
    _, input, target, _, _, outcome = preset_run("MSELoss", "broadcast")
    assert side_by_side(LOSSES["MSELoss"], input, target, outcome, "en") is None  # (3, 1) against (3,): no rows


def test_loss_messages_are_prefixed_and_merged():
    assert all(key.startswith("loss_") for key in LOSS_MSG)
    assert all(MSG[key] is LOSS_MSG[key] for key in LOSS_MSG)


# --- snippets in a fresh interpreter ----------------------------------------------------------------------------------

OUTLIER_CASES = {  # outlier -> the losses of the view, with their arguments
    0.0: [(name, LOSSES[name].default_args()) for name in REGRESSION_LOSSES],
    4.5: [("MSELoss", {}), ("HuberLoss", {"delta": 2.0}), ("SmoothL1Loss", {"beta": 0.5})],
    10.0: [("L1Loss", {})],
}


def _states():
    """Every preset with its own reduction, and each reduction of the guide examples."""
    states = {(name, key, None): preset_run(name, key) for name, key in PRESETS}
    for name in ("MSELoss", "CrossEntropyLoss"):
        for reduction in ("sum", "none"):
            states[(name, "guide", reduction)] = preset_run(name, "guide", reduction)
    return states


STATES = _states()


@pytest.fixture(scope="module")
def script_output(tmp_path_factory):
    """What each snippet prints, every snippet run as __main__ in one fresh interpreter."""
    folder = tmp_path_factory.mktemp("loss_snippets")
    scripts = {}
    for name, (spec, input, target, reduction, args, outcome) in STATES.items():
        scripts[name] = snippet(spec, input, target, reduction, args, outcome, "en")
    for outlier, names in OUTLIER_CASES.items():
        effects = [outlier_effect(LOSSES[name], args, outlier) for name, args in names]
        scripts[("outlier", outlier)] = outlier_snippet(effects, outlier, "zh")
    return run_snippets(folder, scripts)


@pytest.mark.parametrize("name", list(STATES), ids=lambda n: "-".join(map(str, n)))
def test_snippet_prints_what_the_page_shows_or_raises_torchs_error(name, script_output):
    *_, reduction, _, outcome = STATES[name]
    if outcome.error:  # what it printed before torch refused, then torch's message
        assert script_output[name] == (printed(outcome, reduction) or "") + f"RAISED: {outcome.error.torch_message}\n"
    else:
        assert script_output[name] == printed(outcome, reduction)


@pytest.mark.parametrize("outlier", list(OUTLIER_CASES))
def test_outlier_snippet_prints_what_the_page_shows(outlier, script_output):
    effects = [outlier_effect(LOSSES[name], args, outlier) for name, args in OUTLIER_CASES[outlier]]
    assert script_output[("outlier", outlier)] == outlier_printed(effects)
    if outlier == 4.5:
        assert "nn.HuberLoss(delta=2.0), nn.SmoothL1Loss(beta=0.5)" in outlier_snippet(effects, outlier, "en")


def test_guide_snippet_reads_as_expected():
    spec, input, target, reduction, args, outcome = STATES[("MSELoss", "guide", None)]
    assert snippet(spec, input, target, reduction, args, outcome, "en") == (
        "import torch\nimport torch.nn as nn\n\n"
        "input = torch.tensor([1.5, 2.5, 3.5], dtype=torch.float32)  # (3,)\n"
        "target = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float32)  # (3,)\n\n"
        "per_element = nn.MSELoss(reduction='none')(input, target)  # reduction='none': one loss per element\n"
        "print(per_element)\n"
        "loss_fn = nn.MSELoss()\nloss = loss_fn(input, target)\nprint(loss)\n"
        "print((input - target) ** 2)  # the same elements: (input - target) ** 2\n"
    )
    assert printed(outcome, reduction) == (
        "tensor([0.2500, 0.2500, 0.2500])\ntensor(0.2500)\ntensor([0.2500, 0.2500, 0.2500])\n"
    )


def test_grid_shapes_of_presets_fit_the_page():
    for name, spec in LOSSES.items():
        for preset in spec.presets:
            for values in (preset.input, preset.target):
                assert 1 <= len(shape_of(values)) <= 2, (name, preset.key)


@pytest.mark.parametrize("name, key", [(n, k) for n, k in PRESETS if not LOSSES[n].preset(k).error])
def test_the_mean_divides_the_sum_by_the_count_the_page_states(name, key):
    """The caption says 'mean divides the sum by {count}': check it against torch's own mean (ignore_index skips)."""
    spec, input, target, _, args, outcome = preset_run(name, key, "mean")
    count = spec.count_for_mean(outcome.per_element, target, args)
    torch.testing.assert_close(outcome.reduced, outcome.per_element.sum() / count)


def test_padding_preset_skips_the_padded_position_and_the_mean_counts_two():
    spec, input, target, _, args, outcome = preset_run("CrossEntropyLoss", "padding", "mean")
    assert outcome.per_element[2].item() == 0.0 and spec.count_for_mean(outcome.per_element, target, args) == 2
    assert outcome.reduced.item() == F.cross_entropy(input[:2], target[:2]).item()


def test_label_smoothing_keeps_a_sure_answer_from_costing_nothing():
    spec = LOSSES["CrossEntropyLoss"]
    smooth = loss_curve(spec, {**spec.default_args(), "label_smoothing": 0.1}, 0.0)
    plain = loss_curve(spec, spec.default_args(), 0.0)
    smoothed = torch.tensor([1 - 0.1 + 0.1 / 2, 0.1 / 2])  # the target label smoothing makes of class 0 of 2
    floor = -(smoothed * smoothed.log()).sum().item()  # its entropy: the least the loss can be, ~0.199
    assert plain.y[-1] < floor <= min(smooth.y)  # a sure right answer costs almost nothing, unless smoothed
    logits = torch.stack([CURVE_X, torch.zeros_like(CURVE_X)], dim=1)  # (G, 2)
    expected = F.cross_entropy(logits, torch.zeros(len(CURVE_X), dtype=torch.int64), reduction="none", label_smoothing=0.1)
    assert smooth.y == expected.tolist() and "label_smoothing=0.1" in smooth.label


def test_cross_entropy_curve_moves_its_true_class_off_an_ignored_one():
    """With ignore_index=0 the true class becomes class 1, so the curve is still the loss of the true class's logit
    rather than a flat 0 of skipped targets."""
    spec = LOSSES["CrossEntropyLoss"]
    curve = loss_curve(spec, {**spec.default_args(), "ignore_index": 0}, 0.0)
    torch.testing.assert_close(torch.tensor(curve.y), F.softplus(-CURVE_X))
