"""The code panel's snippet: run on its own in a fresh Python, it prints exactly what the page shows."""

import subprocess
import sys

import pytest
import torch

from tests.snippets import run_snippets
from core.codegen import call_source, printed, snippet, tensor_source
from core.ops.catalog import OPS
from core.ops.run import run
from core.ops.spec import OpCall
from core.ops.state import InputState, OpState, build_call, preset_state, values_to_text



def _call(state: OpState) -> OpCall:
    call, problems = build_call(OPS[state.op], state, "en")
    assert problems == [], problems
    return call


def _with_dtype(op: str, key: str, name: str, dtype: str) -> OpState:
    """A preset with one input's values rewritten in another dtype."""
    spec = OPS[op]
    state = preset_state(spec, key)
    values = spec.preset(key).inputs[name]
    return OpState(op, {**state.inputs, name: InputState(values_to_text(values, dtype), dtype)}, state.args)


def _with_args(op: str, key: str, **args) -> OpState:
    state = preset_state(OPS[op], key)
    return OpState(op, state.inputs, {**state.args, **args})


# Every preset, plus a few states the presets do not reach (other dtypes, every default spelled out).
STATES = {(op, p.key): preset_state(spec, p.key) for op, spec in OPS.items() for p in spec.presets}
STATES.update(
    {
        ("sum", "keepdim_all"): _with_args("sum", "all", keepdim=True),
        ("sum", "float64"): _with_dtype("sum", "counting", "input", "float64"),
        ("sum", "bool"): OpState("sum", {"input": InputState([["True", "False"], ["True", "True"]], "bool")},
                            {"dim": 1, "keepdim": False}),
        ("gather", "float64_labels"): _with_dtype("gather", "guide_labels", "input", "float64"),
        ("mul", "float_scalar"): OpState(
            "mul",
            {"input": InputState(["0.1", "0.2", "0.3"], "float32"), "other": InputState("0.1", "float64")},
            {},
        ),
        ("stack", "dim_-3"): _with_args("stack", "matrices", dim=-3),
        ("ones", "size_1"): _with_args("ones", "guide", size=(1,)),
    }
)
BUILT = {name: build_call(OPS[state.op], state, "en") for name, state in STATES.items()}
RUNS = {name: run(call, "en") for name, (call, _) in BUILT.items() if call is not None}
RUNNING = sorted(name for name, outcome in RUNS.items() if outcome.error is None)
REFUSED = sorted(name for name, outcome in RUNS.items() if outcome.error is not None)
REFUSED_BY_TORCH = [name for name in REFUSED if getattr(RUNS[name].error, "from_torch", True)]


def page_shows(name: str) -> str:
    """What the page shows under "What it prints" for this state."""
    outcome, spec = RUNS[name], OPS[name[0]]
    return printed(outcome.result, outcome.inputs_after, spec)


@pytest.fixture(scope="module")
def script_output(tmp_path_factory):
    """What each state's snippet prints, every snippet run as __main__ in one fresh interpreter."""
    names = sorted(RUNS)
    return run_snippets(tmp_path_factory.mktemp("snippets"), {name: snippet(BUILT[name][0]) for name in names})


def test_every_op_and_preset_is_covered():
    """Every state builds, every op has states here, and the guide's ops run except their two mismatch presets."""
    assert {name: problems for name, (_, problems) in BUILT.items() if problems} == {}
    guide_ops = {"ones", "sum", "mm", "matmul", "mul", "gather", "stack", "cat"}
    assert guide_ops <= {op for op, _ in RUNNING}
    assert {op for op, _ in STATES} == set(OPS)
    assert [n for n in REFUSED if n[0] in guide_ops] == [("mm", "mismatch"), ("mul", "mismatch")]


@pytest.mark.parametrize("name", RUNNING, ids="-".join)
def test_snippet_prints_exactly_what_the_page_shows(name, script_output):
    """The snippet's stdout in a fresh interpreter equals what the page prints, character for character."""
    if not OPS[name[0]].deterministic:  # torch.empty prints whatever memory held
        assert not script_output[name].startswith("RAISED:"), script_output[name]
        return
    assert script_output[name] == page_shows(name)


@pytest.mark.parametrize("name", REFUSED_BY_TORCH, ids="-".join)
def test_snippet_of_a_refused_call_raises_the_same_error(name, script_output):
    """A mismatch snippet raises in plain Python with torch's message, as the page reports it."""
    assert script_output[name] == f"RAISED: {RUNS[name].error.torch_message}\n"


def test_one_snippet_runs_as_a_plain_script(tmp_path):
    """`python snippet.py` (no driver) prints the result, and the script reads as expected."""
    call = _call(preset_state(OPS["gather"], "guide_dim1"))
    code = snippet(call)
    assert code == (
        "import torch\n"
        "\n"
        "input = torch.tensor([[10, 20, 30], [40, 50, 60], [70, 80, 90]], dtype=torch.int64)\n"
        "index = torch.tensor([[2, 1, 0], [0, 2, 1], [1, 0, 2]], dtype=torch.int64)\n"
        "\n"
        "result = torch.gather(input, dim=1, index=index)\n"
        "print(result)\n"
    )
    path = tmp_path / "snippet.py"
    path.write_text(code)
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == printed(run(call, "en").result, None, call.spec)
    assert done.stdout == "tensor([[30, 20, 10],\n        [40, 60, 50],\n        [80, 70, 90]])\n"


def test_list_snippet_layout():
    """A `tensors` list is written one tensor per line."""
    code = snippet(_call(preset_state(OPS["cat"], "guide_scalar")))
    assert (
        "tensors = [\n"
        "    torch.tensor([1, 2, 3], dtype=torch.int64),\n"
        "    torch.tensor([4], dtype=torch.int64),\n"
        "]\n"
    ) in code
    assert code.endswith("result = torch.cat(tensors)\nprint(result)\n")


def test_ones_snippet_has_no_tensors():
    """ones takes only a size: the snippet is the call and the print."""
    assert snippet(_call(preset_state(OPS["ones"], "guide"))) == (
        "import torch\n\nresult = torch.ones((2, 3))\nprint(result)\n"
    )


# --- call_source ---------------------------------------------------------------------------------------------------


def _sum(dim, keepdim) -> OpCall:
    return OpCall(OPS["sum"], {"input": torch.ones((2, 3))}, {"dim": dim, "keepdim": keepdim})


@pytest.mark.parametrize(
    "dim, keepdim, source",
    [
        (None, False, "torch.sum(input)"),
        (None, True, "torch.sum(input, dim=None, keepdim=True)"),
        (0, False, "torch.sum(input, dim=0)"),
        (-1, True, "torch.sum(input, dim=-1, keepdim=True)"),
    ],
)
def test_sum_call_source_leaves_out_trailing_defaults_only(dim, keepdim, source):
    """A default is left out only when everything after it is left out too."""
    assert call_source(_sum(dim, keepdim)) == source


def test_call_source_of_other_ops():
    """Required arguments are always written; a dim equal to torch's default is left out."""
    tensors = [torch.ones(2), torch.ones(2)]
    assert call_source(OpCall(OPS["stack"], {"tensors": tensors}, {"dim": 0})) == "torch.stack(tensors)"
    assert call_source(OpCall(OPS["stack"], {"tensors": tensors}, {"dim": -1})) == "torch.stack(tensors, dim=-1)"
    assert call_source(OpCall(OPS["gather"], {"input": torch.ones(2), "index": torch.zeros(2, dtype=torch.int64)},
                              {"dim": 0})) == "torch.gather(input, dim=0, index=index)"
    assert call_source(OpCall(OPS["mm"], {"input": torch.ones(2, 2), "mat2": torch.ones(2, 2)}, {})) == (
        "torch.mm(input, mat2)"
    )
    assert call_source(OpCall(OPS["ones"], {}, {"size": (4,)})) == "torch.ones((4,))"


def test_tensor_source_is_exact_per_dtype():
    """tensor_source writes values exactly, with Python's spacing and the dtype spelled out."""
    assert tensor_source(torch.tensor([[1, 2], [3, 4]])) == "torch.tensor([[1, 2], [3, 4]], dtype=torch.int64)"
    assert tensor_source(torch.tensor([0.1, 2.0])) == "torch.tensor([0.1, 2.0], dtype=torch.float32)"
    assert tensor_source(torch.tensor(True)) == "torch.tensor(True, dtype=torch.bool)"
    assert tensor_source(torch.tensor([1 / 3], dtype=torch.float64)) == (
        "torch.tensor([0.3333333333333333], dtype=torch.float64)"
    )


@pytest.mark.parametrize(
    "result", [torch.tensor([[0.659], [0.5141]]), torch.tensor(11), torch.tensor(6.0), torch.tensor([True])]
)
def test_printed_is_what_print_writes(result, capsys):
    """printed(result) is print(result)'s output, newline included, 0-d tensors too (not the bare number)."""
    print(result)
    assert printed(result) == capsys.readouterr().out
    assert printed(result).startswith("tensor(")
