"""The containers core against torch itself, and every snippet run in a fresh interpreter against the page's text."""

import subprocess
import sys

import pytest
import torch
from torch import nn

from tests.snippets import run_snippets
from core.containers.guide_models import GUIDE_MODELS, ConvModuleList, MatmulParameterList
from core.containers.layer_walk import walk, walk_printed, walk_snippet
from core.containers.params import PARAMS
from core.containers.registration import BATCH, LR, build_models, registration_printed, registration_snippet, registrations
from core.private_init import built_without_drawing, snippet_generator
from core.page_params import decode, encode

SIZES = [(1, 1, False), (2, 3, True), (5, 8, True), (3, 2, False)]  # (layers, features, bias)




def _report(layers, features, bias, label):
    return next(r for r in registrations(layers, features, bias) if r.label == label)


# --- what each holder registers --------------------------------------------------------------------------------------


@pytest.mark.parametrize("layers, features, bias", SIZES)
def test_module_list_registers_what_torch_registers_for_the_same_layers(layers, features, bias):
    """Counts and keys are those of nn.ModuleList itself; every weight is updated and converted."""
    report = _report(layers, features, bias, "nn.ModuleList")
    reference = nn.ModuleList([nn.Linear(features, features, bias=bias) for _ in range(layers)])
    assert report.parameter_count == len(list(reference.parameters())) == layers * (2 if bias else 1)
    assert report.element_count == sum(p.numel() for p in reference.parameters())
    assert report.state_dict_keys == [f"layers.{key}" for key in reference.state_dict()]
    assert report.grad_computed == report.changed == [True] * layers
    assert report.optimizer_error is None and report.forward_error is None
    assert report.dtypes_after == [torch.float64] * layers


@pytest.mark.parametrize("layers, features, bias", SIZES)
def test_parameter_list_registers_one_weight_per_layer(layers, features, bias):
    report = _report(layers, features, bias, "nn.ParameterList")
    assert report.parameter_count == layers and report.element_count == layers * features * features
    assert report.state_dict_keys == [f"weights.{i}" for i in range(layers)]
    assert report.changed == [True] * layers and report.dtypes_after == [torch.float64] * layers


@pytest.mark.parametrize("layers, features, bias", SIZES)
def test_plain_list_registers_nothing(layers, features, bias):
    """torch's own answers for a plain list: no parameters, no keys, SGD refuses, .to() skips the layers."""
    report = _report(layers, features, bias, "plain list")
    assert report.parameter_count == report.element_count == 0 and report.state_dict_keys == []
    assert report.grad_computed == [True] * layers  # autograd still reaches the hidden weights
    with pytest.raises(ValueError) as refused:
        torch.optim.SGD([], lr=LR)
    assert report.optimizer_error == str(refused.value)
    assert report.changed == [False] * layers and report.dtypes_after == [torch.float32] * layers
    with pytest.raises(RuntimeError) as mismatch:
        nn.Linear(features, features, bias=bias)(torch.ones(BATCH, features, dtype=torch.float64))
    assert report.forward_error == str(mismatch.value)


def test_models_are_the_snippets_models_and_the_global_rng_is_untouched():
    """build_models draws the weights a script starting with torch.manual_seed(0) draws (torch's own constructors,
    run here under the global seed), and leaves the global generator where it was."""
    torch.manual_seed(1234)
    state = torch.get_rng_state()
    models, x = build_models(2, 3, True)
    assert torch.equal(torch.get_rng_state(), state)
    torch.manual_seed(0)
    expected = [  # the snippet's constructions, in its order
        nn.ModuleList([nn.Linear(3, 3, bias=True) for _ in range(2)]),
        nn.ParameterList([nn.Parameter(torch.randn(3, 3)) for _ in range(2)]),
        nn.ModuleList([nn.Linear(3, 3, bias=True) for _ in range(2)]),
    ]
    expected_x = torch.randn(BATCH, 3)
    assert torch.equal(x, expected_x)
    for model, reference in zip(models.values(), expected):
        got = [p for layer in model.layers for p in layer.parameters()] if hasattr(model, "layers") else list(model.weights)
        want = list(reference.parameters())
        assert len(got) == len(want) and all(torch.equal(g, w) for g, w in zip(got, want))


@pytest.mark.parametrize("key", list(GUIDE_MODELS))
def test_guide_models_are_the_snippets_models_and_the_global_rng_is_untouched(key):
    """The walk's model and x equal the constructor's and torch.randn's after torch.manual_seed(0)."""
    entry = GUIDE_MODELS[key]
    torch.manual_seed(99)
    state = torch.get_rng_state()
    generator = snippet_generator()
    model = built_without_drawing(entry.model_class)
    entry.draw_(model, generator)
    x = torch.randn(entry.input_shape(2, 6, 3), generator=generator)
    assert torch.equal(torch.get_rng_state(), state)
    torch.manual_seed(0)
    reference = entry.model_class()
    expected_x = torch.randn(entry.input_shape(2, 6, 3))
    assert [n for n, _ in model.named_parameters()] == [n for n, _ in reference.named_parameters()]
    assert all(torch.equal(p, q) for p, q in zip(model.parameters(), reference.parameters()))
    assert torch.equal(x, expected_x)


def test_a_walk_leaves_the_global_rng_alone():
    torch.manual_seed(7)
    state = torch.get_rng_state()
    walk(GUIDE_MODELS["conv"], 1, 28, 28, "en")
    walk(GUIDE_MODELS["matmul"], 2, 4, 3, "en")
    assert torch.equal(torch.get_rng_state(), state)


# --- the guide's models ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("batch, height, width", [(1, 28, 28), (3, 5, 9), (2, 32, 7)])
def test_conv_walk_shapes_are_torchs(batch, height, width):
    result = walk(GUIDE_MODELS["conv"], batch, height, width, "en")
    model = ConvModuleList()
    x = torch.zeros(batch, 1, height, width)
    first = model.layers[0](x)
    second = model.layers[1](first)
    assert result.shapes == [("x", tuple(x.shape)), ("layers[0]", tuple(first.shape)), ("layers[1]", tuple(second.shape))]
    assert result.error is None and tuple(model(x).shape) == result.shapes[-1][1]


def test_matmul_walk_shapes_are_torchs():
    result = walk(GUIDE_MODELS["matmul"], 2, 4, 3, "en")
    model = MatmulParameterList()
    assert [s for _, s in result.shapes] == [(2, 4, 3)] * 6
    assert tuple(model(torch.zeros(2, 4, 3)).shape) == (2, 4, 3)


@pytest.mark.parametrize("height, width, failed_at, stuck", [(2, 2, "layers[0]", (1, 1, 2, 2)), (4, 28, "layers[1]", (1, 32, 2, 26))])
def test_too_small_an_image_is_explained_with_shapes_and_a_fix(height, width, failed_at, stuck):
    result = walk(GUIDE_MODELS["conv"], 1, height, width, "en")
    with pytest.raises(RuntimeError) as raised:
        ConvModuleList()(torch.zeros(1, 1, height, width))
    assert result.error == str(raised.value).splitlines()[0] and result.failed_at == failed_at
    assert str(stuck) in result.explanation and "at least 5 x 5" in result.explanation and "padding=1" in result.explanation
    assert "至少 5 x 5" in walk(GUIDE_MODELS["conv"], 1, height, width, "zh").explanation


def test_wrong_width_for_the_matmul_model_is_explained():
    result = walk(GUIDE_MODELS["matmul"], 1, 2, 4, "en")
    with pytest.raises(RuntimeError) as raised:
        torch.matmul(torch.zeros(1, 2, 4), torch.zeros(3, 3))
    assert result.error == str(raised.value) and result.failed_at == "weights[0]"
    assert "(1, 2, 4)" in result.explanation and "(3, 3)" in result.explanation and "set width to 3" in result.explanation


def test_walk_leaves_the_global_rng_untouched():
    state = torch.get_rng_state()
    walk(GUIDE_MODELS["matmul"], 2, 2, 3, "en")
    assert torch.equal(torch.get_rng_state(), state)


def test_every_preset_fits_the_caps_and_error_presets_fail():
    for entry in GUIDE_MODELS.values():
        for preset in entry.presets:
            result = walk(entry, *preset.shape, "en")
            assert (result.error is not None) == preset.key.startswith("too_"), (entry.key, preset.key)


def test_params_round_trip_and_defaults():
    values, warnings = decode(PARAMS, {}, "en")
    assert warnings == [] and (values["batch"], values["height"], values["width"]) == GUIDE_MODELS["conv"].presets[0].shape
    assert decode(PARAMS, encode(PARAMS, values), "en") == (values, [])
    values, warnings = decode(PARAMS, {"layers": "0", "height": "33", "model": "mlp", "bias": "maybe"}, "en")
    assert len(warnings) == 4 and values["layers"] == 2


# --- snippets --------------------------------------------------------------------------------------------------------


def _states():
    for layers, features, bias in SIZES:
        yield (f"holders-{layers}-{features}-{bias}", registration_snippet(layers, features, bias),
               registration_printed(registrations(layers, features, bias)))
    shapes = {entry.key: [p.shape for p in entry.presets] for entry in GUIDE_MODELS.values()}
    shapes["conv"] += [(3, 4, 28), (8, 32, 32)]
    shapes["matmul"] += [(8, 32, 3), (1, 1, 1)]
    for key, entry_shapes in shapes.items():
        for shape in entry_shapes:
            shown = walk_printed(walk(GUIDE_MODELS[key], *shape, "en")).replace("RuntimeError: ", "RAISED: ")
            yield f"walk-{key}-{shape}", walk_snippet(GUIDE_MODELS[key], *shape), shown


STATES = {name: (code, shown) for name, code, shown in _states()}


@pytest.fixture(scope="module")
def script_output(tmp_path_factory):
    return run_snippets(tmp_path_factory.mktemp("containers_snippets"), {n: code for n, (code, _) in STATES.items()})


@pytest.mark.parametrize("name", list(STATES))
def test_snippet_prints_exactly_what_the_page_shows(name, script_output):
    assert script_output[name] == STATES[name][1]


def test_a_failing_snippet_run_as_a_plain_script(tmp_path):
    """`python snippet.py` for a 2 x 2 image: stdout is the page's lines, and Python's last error line is the
    page's last line."""
    entry = GUIDE_MODELS["conv"]
    path = tmp_path / "walk.py"
    path.write_text(walk_snippet(entry, 1, 2, 2))
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    shown = walk_printed(walk(entry, 1, 2, 2, "en")).splitlines()
    assert done.returncode == 1
    assert done.stdout.splitlines() == shown[:-1]
    assert done.stderr.strip().splitlines()[-1] == shown[-1]
