"""The activations core against torch itself, and every snippet run in a fresh interpreter against the page's text."""

import subprocess
import sys

import pytest
import torch

from tests.snippets import run_snippets
from core.activations.catalog import ACTIVATIONS
from core.activations.curve_figure import curve_figure
from core.activations.curves import (
    STEPS, VANISHING, curve, curve_printed, curve_snippet, vanishing_count, vanishing_spans, vanishing_words,
)
from core.activations.params import PARAMS
from core.activations.softmax_grid import (
    DIMS, PRESETS, TEMPERATURES, as_rows, grid_text, matrix_of, read_grid, softmax_grid, softmax_printed, softmax_snippet,
    sums_words,
)
from core.activations.stability import (
    STABILITY_DTYPES, overflow_limit, stability, stability_printed, stability_snippet, stability_table, stability_verdict,
)
from core.messages import MSG
from core.page_params import decode, encode
from core.text import Text





# --- the catalog -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_entry_builds_the_torch_module_its_source_names(name):
    """build() is torch.nn's class with the entry's arguments, and module_source() writes the same call."""
    entry = ACTIVATIONS[name]
    module = entry.build()
    assert type(module) is getattr(torch.nn, name)
    assert entry.module_source() == f"nn.{name}({', '.join(f'{k}={v!r}' for k, v in entry.args.items())})"
    assert isinstance(entry.summary, Text) and entry.summary.en.strip() and entry.summary.zh.strip()


def test_catalog_has_the_guide_activations_and_the_comparisons():
    assert list(ACTIVATIONS) == ["Sigmoid", "Softmax", "Tanh", "ReLU"]
    assert ACTIVATIONS["Softmax"].args == {"dim": 1}


# --- curves ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ACTIVATIONS))
@pytest.mark.parametrize("x_range", [1, 8, 20])
def test_slope_is_the_diagonal_of_torchs_jacobian(name, x_range):
    """The y.sum().backward() trick gives dy[i]/dx[i]: the diagonal of the full Jacobian torch computes."""
    entry = ACTIVATIONS[name]
    sweep = curve(entry, x_range)
    x = torch.linspace(-float(x_range), float(x_range), steps=STEPS)
    module = entry.build()
    jacobian = torch.autograd.functional.jacobian(lambda t: entry.curve(module, t), x, vectorize=True)  # (N, N)
    assert torch.equal(sweep.x, x)
    assert torch.equal(sweep.y, entry.curve(module, x))
    torch.testing.assert_close(sweep.slope, torch.diagonal(jacobian))
    torch.testing.assert_close(jacobian - torch.diag(torch.diagonal(jacobian)), torch.zeros_like(jacobian))


def test_curves_match_the_functional_twins():
    """Each module's curve is its torch function; the softmax pair [x, 0] gives exactly sigmoid's values."""
    for name in ("Sigmoid", "Tanh", "ReLU"):
        entry = ACTIVATIONS[name]
        sweep = curve(entry, 5)
        function = {"Sigmoid": torch.sigmoid, "Tanh": torch.tanh, "ReLU": torch.relu}[name]
        assert torch.equal(sweep.y, function(sweep.x))
    softmax, sigmoid = curve(ACTIVATIONS["Softmax"], 5), curve(ACTIVATIONS["Sigmoid"], 5)
    torch.testing.assert_close(softmax.y, sigmoid.y)
    torch.testing.assert_close(softmax.slope, sigmoid.slope)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_vanishing_spans_cover_exactly_the_low_slope_points(name):
    """Inside a span every slope is < 0.01, and the spans hold all such points and no other."""
    sweep = curve(ACTIVATIONS[name], 10)
    spans = vanishing_spans(sweep)
    inside = torch.zeros(STEPS, dtype=torch.bool)
    for low, high in spans:
        inside |= (sweep.x >= low) & (sweep.x <= high)
    assert torch.equal(inside, sweep.slope < VANISHING)
    assert vanishing_count(sweep) == int(inside.sum())


def test_vanishing_spans_of_the_saturating_activations_and_relu():
    """Sigmoid and tanh flatten at both ends; ReLU's slope is 0 left of 0 and 1 right of it; within ±1 sigmoid
    never gets that flat."""
    sigmoid = vanishing_spans(curve(ACTIVATIONS["Sigmoid"], 8))
    assert len(sigmoid) == 2 and sigmoid[0][0] == -8.0 and sigmoid[1][1] == 8.0
    assert 4.5 < sigmoid[1][0] < 4.7  # sigmoid'(x) = 0.01 near |x| = 4.6
    relu = vanishing_spans(curve(ACTIVATIONS["ReLU"], 8))
    assert len(relu) == 1 and relu[0][0] == -8.0 and relu[0][1] < 0
    assert vanishing_spans(curve(ACTIVATIONS["Sigmoid"], 1)) == []


def test_curve_figure_shades_each_span_in_both_panels():
    curves = {name: curve(entry, 8) for name, entry in ACTIVATIONS.items()}
    figure = curve_figure(curves, "Tanh", ("f(x)", "f'(x)"), "f'(x) < 0.01 ({low}..{high})")
    spans = vanishing_spans(curves["Tanh"])
    assert len(figure.data) == 2 * len(curves)
    assert len(figure.layout.shapes) == 2 * len(spans)
    assert figure.layout.annotations[0].text == f"f'(x) < 0.01 ({spans[0][0]:.2f}..{spans[0][1]:.2f})"
    bold = [trace for trace in figure.data if trace.line.width == 3]
    assert {trace.name for trace in bold} == {"Tanh"}


# --- softmax on a grid -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.key)
@pytest.mark.parametrize("dim", DIMS)
@pytest.mark.parametrize("temperature", [0.1, 1.0, 10.0])
def test_softmax_grid_is_torch_softmax_and_sums_to_one(preset, dim, temperature):
    input = torch.tensor(preset.input)
    outcome = softmax_grid(input, dim, temperature)
    assert torch.equal(outcome.result, torch.softmax(input / temperature, dim=dim))
    kept = [size for d, size in enumerate(input.shape) if d != dim % input.ndim]  # the dims the sum keeps
    torch.testing.assert_close(outcome.sums, torch.ones(kept))
    assert torch.equal(outcome.sums, outcome.result.sum(dim=dim))


def test_the_guides_softmax_example():
    """The guide's [[1, 2, 3], [4, 5, 6]]: dim=1 gives the same row twice, dim=0 the same column three times."""
    input = torch.tensor(PRESETS[0].input)
    rows = softmax_grid(input, 1, 1.0).result
    torch.testing.assert_close(rows[0], rows[1])
    torch.testing.assert_close(rows[0], torch.tensor([0.0900, 0.2447, 0.6652]), atol=1e-4, rtol=0)
    columns = softmax_grid(input, 0, 1.0).result
    torch.testing.assert_close(columns[1], torch.full((3,), 0.9526), atol=1e-4, rtol=0)
    assert torch.equal(softmax_grid(input, -1, 1.0).result, rows)


def test_temperature_flattens_and_sharpens():
    input = torch.tensor(PRESETS[0].input)
    hot, cold = softmax_grid(input, 1, 10.0).result, softmax_grid(input, 1, 0.1).result
    assert hot.max() < 0.4 and cold.max() > 0.99


def test_read_grid_reports_every_bad_cell_and_bad_shape():
    tensor, problems = read_grid([["1", "x"], ["", "2"]], "en")
    assert tensor is None
    assert problems == ["input[0, 1] = ` x ` is not a number.", "input[1, 0] is empty: type a number."]
    assert read_grid([], "en")[0] is None
    assert read_grid([["1"] * 16] * 17, "en") == (None, [MSG["dim_too_big"]("en", shape="(17, 16)", max=16)])
    assert "不是数字" in read_grid([["nope"]], "zh")[1][0]
    tensor, problems = read_grid([["1.5", "-2"], ["1e3", "0.1"]], "en")
    assert problems == [] and torch.equal(tensor, torch.tensor([[1.5, -2.0], [1000.0, 0.1]]))


def test_matrix_text_round_trip():
    """matrix -> editor text -> tensor -> matrix gives the matrix back, exactly and shortly spelled."""
    matrix = [[0.1, 2.0], [-3.5, 1e-05]]
    text = grid_text(matrix)
    assert text == [["0.1", "2.0"], ["-3.5", "1e-05"]]
    tensor, problems = read_grid(text, "en")
    assert problems == [] and matrix_of(tensor) == matrix
    assert as_rows([1, 2, 3]) == [[1, 2, 3]] and as_rows([[1], [2]]) == [[1], [2]]


# --- numerical stability ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("offset", [-1000, -120, 0, 80, 88, 89, 700, 710, 1000])
@pytest.mark.parametrize("dtype", STABILITY_DTYPES)
def test_stability_steps_are_the_torch_calls_they_name(offset, dtype):
    outcome = stability(offset, dtype)
    logits = torch.tensor([offset, offset + 1, offset + 2], dtype=getattr(torch, dtype))
    assert torch.equal(outcome.logits, logits)
    assert torch.equal(outcome.exp, torch.exp(logits))
    torch.testing.assert_close(outcome.naive, torch.exp(logits) / torch.exp(logits).sum(), equal_nan=True)
    assert torch.equal(outcome.result, torch.softmax(logits, dim=0))
    torch.testing.assert_close(outcome.max_trick, outcome.result)
    assert not torch.isnan(outcome.result).any()
    assert outcome.naive_fails == bool(torch.isnan(outcome.naive).any())


def test_naive_softmax_fails_exactly_where_exp_overflows_or_underflows():
    assert stability(1000, "float32").overflows and stability(1000, "float32").naive_fails
    assert not stability(80, "float32").naive_fails
    assert stability(89, "float32").overflows and not stability(89, "float64").naive_fails
    assert stability(1000, "float64").overflows
    low = stability(-1000, "float32")
    assert low.underflows and not low.overflows and low.naive_fails
    assert overflow_limit("float32") == pytest.approx(88.7228, abs=1e-4)
    assert overflow_limit("float64") == pytest.approx(709.7827, abs=1e-4)
    for dtype in STABILITY_DTYPES:
        limit = torch.tensor(overflow_limit(dtype), dtype=getattr(torch, dtype))
        assert torch.isfinite(torch.exp(limit - 0.01)) and torch.isinf(torch.exp(limit + 0.01))


# --- the page's state ------------------------------------------------------------------------------------------------


def test_params_round_trip_and_defaults():
    values, warnings = decode(PARAMS, {}, "en")
    assert warnings == [] and values["input"] == PRESETS[0].input and values["temperature"] in TEMPERATURES
    assert decode(PARAMS, encode(PARAMS, values), "en") == (values, [])
    values, warnings = decode(PARAMS, {"x_range": "21", "activation": "GELU", "temperature": "3"}, "en")
    assert len(warnings) == 3 and values["x_range"] == 8


# --- snippets --------------------------------------------------------------------------------------------------------


def _states():
    """(name, snippet, what the page prints) for every activation, preset, dim and a spread of the other controls."""
    for name, entry in ACTIVATIONS.items():
        for x_range in (1, 8, 20):
            yield f"curve-{name}-{x_range}", curve_snippet(entry, x_range), curve_printed(curve(entry, x_range))
    for preset in PRESETS:
        for dim in DIMS:
            for temperature in (0.1, 1.0, 5.0):
                input = torch.tensor(preset.input)
                yield (f"softmax-{preset.key}-{dim}-{temperature}", softmax_snippet(input, dim, temperature),
                       softmax_printed(softmax_grid(input, dim, temperature)))
    for offset in (-1000, 0, 88, 1000):
        for dtype in STABILITY_DTYPES:
            outcome = stability(offset, dtype)
            yield f"stability-{offset}-{dtype}", stability_snippet(outcome), stability_printed(outcome)


STATES = {name: (code, shown) for name, code, shown in _states()}


@pytest.fixture(scope="module")
def script_output(tmp_path_factory):
    return run_snippets(tmp_path_factory.mktemp("act_snippets"), {name: code for name, (code, _) in STATES.items()})


@pytest.mark.parametrize("name", list(STATES))
def test_snippet_prints_exactly_what_the_page_shows(name, script_output):
    assert script_output[name] == STATES[name][1]


def test_one_snippet_runs_as_a_plain_script(tmp_path):
    """`python snippet.py`, no driver: the guide's softmax, dim=1."""
    input = torch.tensor(PRESETS[0].input)
    path = tmp_path / "softmax.py"
    path.write_text(softmax_snippet(input, 1, 1.0))
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "tensor([[0.0900, 0.2447, 0.6652],\n        [0.0900, 0.2447, 0.6652]])\ntensor([1., 1.])\n"


def test_words_for_the_lessons():
    """The vanishing, softmax-sum and stability messages name what torch computed."""
    sweep = curve(ACTIVATIONS["Sigmoid"], 8)
    words = vanishing_words(sweep, "Sigmoid", 8, "en")
    assert "172 of 401" in words and "x from 4.60 to 8.00" in words
    assert vanishing_words(curve(ACTIVATIONS["Sigmoid"], 1), "Sigmoid", 1, "en") is None
    assert "each column" in sums_words(0, "en") and "each row" in sums_words(-1, "en") and "每一行" in sums_words(1, "zh")
    assert "inf / inf = nan" in stability_verdict(stability(1000, "float32"), "float32", "en")
    assert "0 / 0 = nan" in stability_verdict(stability(-1000, "float64"), "float64", "en")
    assert "709.78" in stability_verdict(stability(0, "float64"), "float64", "en")
    assert stability_table(stability(1000, "float32")) == {
        "exp(logits)": ["inf", "inf", "inf"], "naive": ["nan", "nan", "nan"],
        "max trick": ["0.09003", "0.2447", "0.6652"], "torch.softmax": ["0.09003", "0.2447", "0.6652"],
    }
