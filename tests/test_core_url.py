"""URL state: the query parameters are the contract; bad ones fall back to the preset with one warning each."""

import json
from urllib.parse import parse_qsl, quote, urlsplit

import pytest

from core.messages import MSG
from core.ops.catalog import OPS
from core.ops.state import InputState, OpState, build_call, preset_state, values_to_text
from core.text import shown
from core.url_state import decode, encode

PRESETS = [(op, p.key) for op, spec in OPS.items() for p in spec.presets]
ISSUE_URL = (
    "http://localhost:8501/tensor_ops?op=gather&dim=1&input=[[10,20,30],[40,50,60],[70,80,90]]"
    "&index=[[2,1,0],[0,2,1],[1,0,2]]"
)


def query_of(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


@pytest.mark.parametrize("op, key", PRESETS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_round_trip_every_preset(op, key, lang):
    """decode(encode(state)) gives the same state back, with no warnings."""
    state = preset_state(OPS[op], key)
    params = encode(state, lang)
    assert params["op"] == op and params["lang"] == lang
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in params.items())
    assert decode(params, lang) == (state, [])


def test_encode_writes_torch_names_and_compact_literals():
    """Tensors as nested-list literals, arguments by torch's name, no dtype when the literal implies it."""
    assert encode(preset_state(OPS["sum"], "dim0_keep"), "en") == {
        "op": "sum",
        "input": "[[1.0,1.0,1.0],[1.0,1.0,1.0]]",
        "dim": "0",
        "keepdim": "true",
        "lang": "en",
    }
    assert encode(preset_state(OPS["sum"], "all"), "en")["dim"] == "None"
    assert encode(preset_state(OPS["cat"], "guide_scalar"), "en")["tensors"] == "[[1,2,3],[4]]"
    assert encode(preset_state(OPS["ones"], "vector"), "en")["size"] == "[4]"


def test_issue_example_url_decodes_to_the_guide_state():
    """The issue's gather link opens the guide's dim=1 example."""
    state, warnings = decode(query_of(ISSUE_URL), "en")
    assert warnings == []
    assert state == OpState(
        "gather",
        {
            "input": InputState([["10", "20", "30"], ["40", "50", "60"], ["70", "80", "90"]], "int64"),
            "index": InputState([["2", "1", "0"], ["0", "2", "1"], ["1", "0", "2"]], "int64"),
        },
        {"dim": 1},
    )
    assert state == preset_state(OPS["gather"], "guide_dim1")


def test_percent_encoded_url_decodes_the_same():
    """A browser's percent-encoded brackets and commas give the same state."""
    query = query_of(ISSUE_URL)
    encoded = "?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in query.items())
    assert "%5B" in encoded
    assert decode(query_of(encoded), "en") == decode(query, "en")


def test_empty_query_is_the_default_op():
    """No parameters at all: sum's first preset, no warnings."""
    assert decode({}, "en") == (preset_state(OPS["sum"]), [])


def test_preset_parameter_chooses_the_base_state():
    """`preset` picks which example the missing parameters come from."""
    state, warnings = decode({"op": "sum", "preset": "dim1_keep"}, "en")
    assert (state, warnings) == (preset_state(OPS["sum"], "dim1_keep"), [])


SQUARE_17 = json.dumps([[1] * 17] * 17, separators=(",", ":"))

# (query, the parameter that falls back, the state field it falls back to: ("input", name) or ("arg", name))
MALFORMED = [
    ({"op": "nope"}, "op", None),
    ({"op": "sum", "input": "[[1,2],[3]]"}, "input", ("input", "input")),
    ({"op": "sum", "input": "abc"}, "input", ("input", "input")),
    ({"op": "sum", "input": "[[NaN]]"}, "input", ("input", "input")),
    ({"op": "sum", "input": "[[Infinity]]"}, "input", ("input", "input")),
    ({"op": "sum", "input": "[[1,\"a\"]]"}, "input", ("input", "input")),
    ({"op": "sum", "input": "{\"a\":1}"}, "input", ("input", "input")),
    ({"op": "sum", "input": SQUARE_17}, "input", ("input", "input")),
    ({"op": "sum", "input": "[[[[1]]]]"}, "input", ("input", "input")),
    ({"op": "sum", "input": "[[]]"}, "input", ("input", "input")),
    ({"op": "sum", "dim": "7"}, "dim", ("arg", "dim")),
    ({"op": "sum", "dim": "one"}, "dim", ("arg", "dim")),
    ({"op": "sum", "keepdim": "maybe"}, "keepdim", ("arg", "keepdim")),
    ({"op": "sum", "input": "[[1,2]]", "input_dtype": "complex64"}, "input", ("input", "input")),
    ({"op": "gather", "index": "[[0,1],[1,0]]", "index_dtype": "float32"}, "index", ("input", "index")),
    ({"op": "gather", "index": "[[0.5,1],[1,0]]"}, "index", ("input", "index")),
    ({"op": "mm", "input": "[[true,false]]"}, "input", ("input", "input")),
    ({"op": "cat", "tensors": "[[1,2]]"}, "tensors", ("input", "tensors")),
    ({"op": "cat", "tensors": "[[1],[2],[3],[4]]"}, "tensors", ("input", "tensors")),
    ({"op": "ones", "size": "[0,2]"}, "size", ("arg", "size")),
    ({"op": "ones", "size": "[2,2,2,2]"}, "size", ("arg", "size")),
    ({"op": "ones", "size": "[17]"}, "size", ("arg", "size")),
    ({"op": "ones", "size": "[2.5]"}, "size", ("arg", "size")),
]


@pytest.mark.parametrize("query, param, field", MALFORMED, ids=[f"{q.get('op')}-{p}-{i}" for i, (q, p, _) in
                                                                enumerate(MALFORMED)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_malformed_parameter_warns_once_and_falls_back(query, param, field, lang):
    """One warning naming the parameter; that parameter takes the preset's value; nothing raises."""
    state, warnings = decode(query, lang)
    assert len(warnings) == 1, warnings
    assert f"`{param}`" in warnings[0]
    before, after = MSG["url_bad_param"](lang, param=param, why="{why}").split("{why}")
    assert warnings[0].startswith(before) and warnings[0].endswith(after)
    op = query["op"] if query["op"] in OPS else "sum"
    preset = preset_state(OPS[op])
    if field is None:
        assert state == preset
    elif field[0] == "input":
        assert state.inputs[field[1]] == preset.inputs[field[1]]
    else:
        assert state.args[field[1]] == preset.args[field[1]]
    assert build_call(OPS[op], state, lang)[1] == []  # the fallback state is usable


def test_good_parameters_survive_a_bad_neighbour():
    """A bad `input` falls back, yet a valid `dim` in the same link is still used."""
    state, warnings = decode({"op": "sum", "input": "[[1,2],[3]]", "dim": "1", "keepdim": "true"}, "en")
    assert len(warnings) == 1
    assert state.args == {"dim": 1, "keepdim": True}
    assert state.inputs == preset_state(OPS["sum"]).inputs


def test_dim_is_checked_against_the_linked_input():
    """dim=1 is out of range for a linked 1-d input: it falls back, while the input is kept."""
    state, warnings = decode({"op": "sum", "input": "[1,2,3]", "dim": "1"}, "en")
    assert len(warnings) == 1 and "`dim`" in warnings[0]
    assert state.inputs["input"] == InputState(["1", "2", "3"], "int64")
    assert state.args["dim"] is None


def test_unknown_op_warning_names_the_op():
    """The warning says which op was not known."""
    _, warnings = decode({"op": "no_such_op"}, "en")
    assert warnings == [MSG["url_bad_param"]("en", param="op", why=MSG["url_unknown_op"]("en", value=shown("no_such_op")))]


def test_several_bad_parameters_give_one_warning_each():
    """Three bad parameters: three warnings."""
    _, warnings = decode({"op": "sum", "input": "abc", "dim": "9", "keepdim": "maybe"}, "en")
    assert len(warnings) == 3


def test_huge_literal_is_refused_without_parsing():
    """A very long literal is refused with a warning rather than parsed."""
    state, warnings = decode({"op": "sum", "input": "[" + ",".join(["1"] * 20000) + "]"}, "en")
    assert len(warnings) == 1
    assert state == preset_state(OPS["sum"])


@pytest.mark.parametrize("op, key, name", [("sum", "counting", "input"), ("gather", "guide_labels", "input"),
                                           ("mm", "rect", "mat2"), ("cat", "guide_ragged", "tensors")])
def test_float64_survives_the_round_trip(op, key, name):
    """A float64 grid is written with `<name>_dtype=float64` and comes back float64."""
    spec = OPS[op]
    state = preset_state(spec, key)
    values = spec.preset(key).inputs[name]
    if spec.tensor(name).is_list:
        text = [values_to_text(v, "float64") for v in values]
    else:
        text = values_to_text(values, "float64")
    state = OpState(op, {**state.inputs, name: InputState(text, "float64")}, state.args)
    params = encode(state, "en")
    assert params[f"{name}_dtype"] == "float64"
    decoded, warnings = decode(params, "en")
    assert warnings == []
    assert decoded == state
    assert decoded.inputs[name].dtype == "float64"


def test_float64_value_keeps_full_precision():
    """A float64 value with more digits than float32 holds comes back exactly."""
    state = OpState("sum", {"input": InputState(["0.1", "0.3333333333333333"], "float64")}, {"dim": None,
                                                                                               "keepdim": False})
    params = encode(state, "en")
    assert params["input"] == "[0.1,0.3333333333333333]"
    assert decode(params, "en") == (state, [])


def test_bool_and_whole_float_inputs_keep_their_dtypes():
    """Bools are written True/False and float32 whole numbers keep their `.0`, so neither needs a dtype param."""
    bools = OpState("sum", {"input": InputState([["True", "False"]], "bool")}, {"dim": 1, "keepdim": False})
    params = encode(bools, "en")
    assert params["input"] == "[[True,False]]" and "input_dtype" not in params
    assert decode(params, "en") == (bools, [])
    assert "input_dtype" not in encode(preset_state(OPS["sum"]), "en")


def test_explicit_dtype_parameter_is_honoured():
    """`input_dtype=float32` turns a literal of whole numbers into a float32 grid."""
    state, warnings = decode({"op": "sum", "input": "[1,2]", "input_dtype": "float32"}, "en")
    assert warnings == []
    assert state.inputs["input"] == InputState(["1.0", "2.0"], "float32")


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")
@pytest.mark.parametrize("raw", ["[[1e39]]", "[[9223372036854775808]]"])
def test_literal_out_of_its_dtypes_range_falls_back(raw):
    """Like NaN, a value beyond the dtype's range gives one warning and the preset's grid, so the state builds."""
    state, warnings = decode({"op": "sum", "input": raw}, "en")
    assert len(warnings) == 1 and "`input`" in warnings[0]
    assert state.inputs == preset_state(OPS["sum"]).inputs
    assert build_call(OPS["sum"], state, "en")[1] == []
