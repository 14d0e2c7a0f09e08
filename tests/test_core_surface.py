"""The surface tab's core: each test function against its hand-written formula and gradient, real optimizers on it,
divergence and refusals as results, and what the charts are sent."""

import json
import math
import re
import string

import pytest
import torch

from core.messages.surface import MSG
from core.surface.chart_data import GRID, LEVELS, paths_chart, surface_grid, values_chart
from core.surface.functions import FUNCTIONS
from core.surface.params import PARAMS, lr_steps, picked_point, settle, start_at
from core.surface.racers import (LR_STEPS, SURFACE_OPTIMIZERS, dump_racers, new_racer, parse_racers, picked,
                                 settings_of, with_setting)
from core.surface.trajectories import MAX_STEPS, Racer, Walk, run_race, run_racer, walk_until
from core.training.optimizers import OPTIMIZERS
from core.text import Text

PI = math.pi

# value and gradient (df/dx, df/dy) written out by hand, for comparison with torch's autograd
HAND = {
    "rosenbrock": lambda x, y, o: ((1 - x) ** 2 + 100 * (y - x * x) ** 2,
                                   (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))),
    "beale": lambda x, y, o: (
        (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2,
        (2 * (1.5 - x + x * y) * (y - 1) + 2 * (2.25 - x + x * y ** 2) * (y ** 2 - 1)
         + 2 * (2.625 - x + x * y ** 3) * (y ** 3 - 1),
         2 * (1.5 - x + x * y) * x + 2 * (2.25 - x + x * y ** 2) * 2 * x * y
         + 2 * (2.625 - x + x * y ** 3) * 3 * x * y ** 2)),
    "himmelblau": lambda x, y, o: ((x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
                                   (4 * x * (x * x + y - 11) + 2 * (x + y * y - 7),
                                    2 * (x * x + y - 11) + 4 * y * (x + y * y - 7))),
    "rastrigin": lambda x, y, o: (20 + x * x - 10 * math.cos(2 * PI * x) + y * y - 10 * math.cos(2 * PI * y),
                                  (2 * x + 20 * PI * math.sin(2 * PI * x), 2 * y + 20 * PI * math.sin(2 * PI * y))),
    "saddle": lambda x, y, o: (x * x - y * y, (2 * x, -2 * y)),
    "bowl": lambda x, y, o: (0.5 * (x * x + o["condition"] * y * y), (x, o["condition"] * y)),
}
POINTS = [(0.3, -0.7), (-1.2, 1.5), (2.0, 0.25)]


def autograd(function, point, options=None):
    p = torch.tensor(point, dtype=torch.float64, requires_grad=True)  # (2,)
    value = function.value(p, options)  # ()
    value.backward()
    return value, p.grad


def test_catalog_has_every_function():
    assert set(FUNCTIONS) == set(HAND)


@pytest.mark.parametrize("name", sorted(HAND))
def test_value_and_gradient_match_the_formula(name):
    function = FUNCTIONS[name]
    for options in ({}, {"condition": 37.0}):
        for x, y in POINTS:
            value, grad = autograd(function, (x, y), options)
            want_value, want_grad = HAND[name](x, y, function.option_values(options))
            assert value.dim() == 0
            assert value.item() == pytest.approx(want_value, rel=1e-10, abs=1e-10)
            assert grad.tolist() == pytest.approx(list(want_grad), rel=1e-10, abs=1e-9)


@pytest.mark.parametrize("name", sorted(HAND))
def test_minima_are_stationary_and_lowest(name):
    function = FUNCTIONS[name]
    for point in function.minima + function.saddles:
        value, grad = autograd(function, point)
        assert grad.abs().max().item() < 1e-3, (point, grad)
    for point in function.minima:
        assert autograd(function, point)[0].item() < 1e-8


@pytest.mark.parametrize("name", sorted(HAND))
def test_source_is_the_same_formula(name):
    """The formula text shown in the page's code computes what f computes (our own constant text, not user input)."""
    function = FUNCTIONS[name]
    x, y = torch.tensor(0.4, dtype=torch.float64), torch.tensor(-1.3, dtype=torch.float64)
    scope = {"torch": torch, "math": math, "x": x, "y": y, **function.option_values()}
    shown = eval(function.source, scope)  # noqa: S307
    assert shown.item() == pytest.approx(function.value(torch.stack([x, y])).item(), rel=1e-12)


def test_grid_is_the_function_at_each_point():
    function = FUNCTIONS["beale"]
    xs, ys, z = surface_grid(function, size=7)
    assert z.shape == (7, 7)
    i, j = 2, 5  # row i is ys[i], column j is xs[j]
    assert z[i, j].item() == pytest.approx(function.value(torch.stack([xs[j], ys[i]])).item(), rel=1e-6)


def test_sgd_on_the_bowl_is_torch_sgd_and_converges():
    bowl = FUNCTIONS["bowl"]
    trajectory = run_racer(bowl, (-1.8, 1.2), Racer("SGD", {"lr": 0.05}), 200, {"condition": 2.0})
    assert trajectory.status == "ok" and len(trajectory.points) == 201 == len(trajectory.values)
    # the same walk written directly in torch
    p = torch.tensor([-1.8, 1.2], requires_grad=True)  # (2,)
    optimizer = torch.optim.SGD([p], lr=0.05)
    for _ in range(3):
        optimizer.zero_grad()
        (0.5 * (p[0] ** 2 + 2.0 * p[1] ** 2)).backward()
        optimizer.step()
    assert trajectory.points[3] == pytest.approx(p.tolist(), abs=1e-7)
    assert trajectory.values[3] == pytest.approx(0.5 * (p[0] ** 2 + 2.0 * p[1] ** 2).item(), rel=1e-6)
    assert max(abs(v) for v in trajectory.points[-1]) < 1e-3
    assert trajectory.values[-1] < trajectory.values[0] * 1e-5


def test_momentum_changes_the_path():
    bowl = FUNCTIONS["bowl"]
    plain, heavy = run_race(bowl, bowl.start, [Racer("SGD", {"lr": 0.05}), Racer("SGD", {"lr": 0.05, "momentum": 0.9})],
                            30)
    assert plain.points[0] == heavy.points[0]
    assert plain.points[1] == heavy.points[1]  # the first step has no velocity yet
    assert max(abs(a - b) for p, q in zip(plain.points[2:], heavy.points[2:]) for a, b in zip(p, q)) > 0.1


def test_conditioning_makes_sgd_zig_zag():
    bowl = FUNCTIONS["bowl"]
    racer = Racer("SGD", {"lr": 1.9 / 50})
    narrow = run_racer(bowl, (-1.8, 1.2), racer, 20, {"condition": 50.0})
    round_ = run_racer(bowl, (-1.8, 1.2), racer, 20, {"condition": 1.0})
    signs = [y > 0 for _, y in narrow.points]
    assert all(a != b for a, b in zip(signs, signs[1:]))  # y flips sign at every step
    assert all(y > 0 for _, y in round_.points)


def test_huge_lr_is_reported_as_divergence():
    bowl = FUNCTIONS["bowl"]
    trajectory = run_racer(bowl, bowl.start, Racer("SGD", {"lr": 10.0}), 100)
    assert trajectory.status == "diverged" and 1 < trajectory.step < 10
    assert len(trajectory.points) == trajectory.step  # the escaped point is not recorded
    assert all(math.isfinite(v) for v in trajectory.values)
    assert str(trajectory.step) in trajectory.explain("en") and "发散" in trajectory.explain("zh")


def test_lbfgs_and_ftrl_run():
    rosenbrock = FUNCTIONS["rosenbrock"]
    lbfgs, ftrl = run_race(rosenbrock, rosenbrock.start, [Racer("LBFGS"), Racer("FTRL", {"alpha": 0.1})], 40)
    assert lbfgs.status == "ok" and lbfgs.values[-1] < 1e-6  # a quasi-Newton method solves it quickly
    assert ftrl.status == "ok" and len(ftrl.points) == 41 and ftrl.values[-1] < ftrl.values[0]


def test_refusals_are_messages():
    bowl = FUNCTIONS["bowl"]
    sparse, unknown, bad, ok = run_race(bowl, bowl.start, [Racer("SparseAdam"), Racer("Nope"),
                                                           Racer("Adam", {"lr": -1.0}), Racer("Adam")], 5)
    for trajectory in (sparse, unknown, bad):
        assert trajectory.status == "refused" and trajectory.points == []
    assert "sparse" in sparse.explain("en") and "稀疏" in sparse.explain("zh")
    assert "SGD" in unknown.explain("en")
    assert "Invalid learning rate" in bad.explain("en")
    assert ok.status == "ok"
    assert run_racer(bowl, ("a", 1), Racer("SGD"), 5).status == "refused"
    assert run_racer(bowl, (float("nan"), 1), Racer("SGD"), 5).status == "refused"


def test_every_optimizer_that_can_move_a_point_is_offered():
    """Every catalog optimizer but SparseAdam (sparse gradients only) and Muon (2-d parameters only), each refused
    with its reason when asked for anyway."""
    assert set(SURFACE_OPTIMIZERS) == set(OPTIMIZERS) - {"SparseAdam", "Muon"}
    assert {"Adamax", "Rprop", "Adafactor", "FTRL", "LBFGS"} <= set(SURFACE_OPTIMIZERS)
    muon = run_racer(FUNCTIONS["bowl"], (1.0, 1.0), Racer("Muon"), 5)
    assert muon.status == "refused" and "2-d" in muon.explain("en") and "二维" in muon.explain("zh")


@pytest.mark.parametrize("name", SURFACE_OPTIMIZERS)
def test_each_optimizer_walks_as_a_plain_torch_loop(name):
    """Ten steps on Himmelblau from (1, 1) at the page's lr and momentum: every point equals a loop written from
    torch.optim alone (FTRL is the project's own class)."""
    racer = Racer(name, {k: 0.9 if k == "momentum" else 0.01 for k in new_racer(name).hyper})
    trajectory = run_racer(FUNCTIONS["himmelblau"], (1.0, 1.0), racer, 10)
    assert trajectory.status == "ok" and len(trajectory.points) == 11
    p = torch.tensor([1.0, 1.0], requires_grad=True)  # (2,)
    values = {**OPTIMIZERS[name].start_values(), **racer.hyper}
    optimizer = (getattr(torch.optim, name, None) or OPTIMIZERS[name].cls)([p], **values)

    def closure():
        optimizer.zero_grad()
        loss = (p[0] ** 2 + p[1] - 11) ** 2 + (p[0] + p[1] ** 2 - 7) ** 2
        loss.backward()
        return loss

    for point in trajectory.points[1:]:
        if name == "LBFGS":
            optimizer.step(closure)
        else:
            closure()
            optimizer.step()
        assert point == pytest.approx(p.tolist(), abs=1e-6)


def test_a_walk_goes_on_in_pieces_and_ends_as_one_run():
    """Walks advanced a few steps at a time (as the page does over several runs) end exactly where run_racer ends;
    walk_until stops at its deadline between chunks and says how far every walk has got."""
    rosenbrock = FUNCTIONS["rosenbrock"]
    racers = [Racer("LBFGS"), Racer("Adam", {"lr": 0.05}), Racer("SGD", {"lr": 10.0})]
    walks = [Walk(rosenbrock, (-1.5, 1.5), r, 60) for r in racers]
    assert walk_until(walks, deadline=0) == 0  # no time: no step
    for walk in walks:
        walk.advance(7)
    assert walk_until(walks, deadline=0) == 7
    assert walk_until(walks, deadline=math.inf) == 60 and all(w.done for w in walks)
    for walk, racer in zip(walks, racers):
        whole = run_racer(rosenbrock, (-1.5, 1.5), racer, 60)
        assert (walk.trajectory.points, walk.trajectory.status) == (whole.points, whole.status)
    assert walks[2].trajectory.status == "diverged"


def test_a_link_s_racers_are_used_or_explained():
    """lr=0.07 is no stop of the slider, and is used as given; a racer or a setting the page cannot use is left out,
    each with a message naming it and why (a code span, cut short); with no racer left, SGD runs and the page says
    so."""
    assert 0.07 in lr_steps(0.07) and lr_steps(0.05) == list(LR_STEPS)
    text = ("SGD:lr=0.07,momentum=0.5;Adamw;LBFGSS:lr=1;SparseAdam;Muon;SGD;LBFGS:max_iter=3;"
            "Adam:momentum=0.9,lr=9,lr=0.1;RMSprop:lr=nan,momentum=0.5,momentum=0.6")
    values, messages = settle({"racers": text}, "en")
    assert values["racers"] == "SGD:lr=0.07,momentum=0.5;LBFGS:lr=1;Adam:lr=0.1;RMSprop:lr=0.01,momentum=0.5"
    assert len(messages) == 10 and all("left out" in m or "must be a number" in m for m in messages)
    for word in ("` Adamw `", "` LBFGSS `", "sparse", "2-d", "twice", "` max_iter `", "` momentum `", "` 9 `",
                 "` nan `", "runs at 0.01"):
        assert any(word in m for m in messages), word
    values, messages = settle({"racers": "[x](//evil.example)" * 5 + ":lr=1"}, "zh")
    outside_code = re.sub(r"`+ [^`]* `+", "", messages[0])
    assert values["racers"] == "SGD:lr=0.1,momentum=0" and len(messages) == 2 and "](" not in outside_code
    assert "…" in messages[0]
    default = next(p.default for p in PARAMS if p.name == "racers")
    assert settle({"racers": default}, "en") == ({"racers": default}, [])


def test_each_racer_has_its_own_settings():
    """Every optimizer gets its step size by torch's name (FTRL's alpha), and momentum only where torch's optimizer
    takes one; a new racer starts where the Training lab starts it; changing or adding one leaves the others as
    they were; the text reads back as the same racers."""
    assert list(settings_of("SGD")) == ["lr", "momentum"] and list(settings_of("RMSprop")) == ["lr", "momentum"]
    assert list(settings_of("Adam")) == ["lr"] and list(settings_of("FTRL")) == ["alpha"]
    assert new_racer("SGD") == Racer("SGD", {"lr": 0.1, "momentum": 0.0}) and new_racer("LBFGS").hyper == {"lr": 1.0}
    for name in SURFACE_OPTIMIZERS:
        for setting, (low, high) in settings_of(name).items():
            assert low <= new_racer(name).hyper[setting] <= high
    racers = [Racer("SGD", {"lr": 0.05, "momentum": 0.9}), Racer("RMSprop", {"lr": 0.01, "momentum": 0.0})]
    changed = with_setting(racers, "RMSprop", "momentum", 0.5)
    assert changed[0] is racers[0] and changed[1].hyper == {"lr": 0.01, "momentum": 0.5}
    assert picked(racers, ["Adam", "SGD", "SparseAdam"]) == [new_racer("Adam"), racers[0]]
    text = dump_racers(changed)
    assert text == "SGD:lr=0.05,momentum=0.9;RMSprop:lr=0.01,momentum=0.5"
    assert parse_racers(text, "en") == (changed, [])
    everything = dump_racers([new_racer(n) for n in SURFACE_OPTIMIZERS])
    assert len(everything) <= next(p.maximum for p in PARAMS if p.name == "racers")


def test_a_click_is_a_start_point_inside_the_range():
    """The place a click sent, rounded to 2 decimals and kept inside the function's range; anything but two finite
    numbers (nothing, text, a bool, a nan) is no click."""
    bowl = FUNCTIONS["bowl"]
    assert picked_point(None) is None and picked_point({}) is None and picked_point([1, 2]) is None
    for x, y in (("1", 2), (True, 1), (float("nan"), 1), (1, float("inf")), (None, 1), (10**400, 1)):
        assert picked_point({"x": x, "y": y}) is None, (x, y)
    point = picked_point({"x": 0.123456, "y": -1.98765})
    assert point == (0.123456, -1.98765)
    assert start_at(point, bowl) == (0.12, -1.99)
    assert start_at((7.0, -9.5), bowl) == (2.0, -2.0)
    x_param, y_param = (next(p for p in PARAMS if p.name == n) for n in ("x", "y"))
    for function in FUNCTIONS.values():  # every drawn range lies inside the URL's bounds
        for (low, high), param in ((function.x_range, x_param), (function.y_range, y_param)):
            assert param.minimum <= low < high <= param.maximum


def test_steps_are_capped():
    bowl = FUNCTIONS["bowl"]
    assert len(run_racer(bowl, bowl.start, Racer("SGD", {"lr": 0.01}), 10_000).points) == MAX_STEPS + 1
    assert len(run_racer(bowl, bowl.start, Racer("SGD"), -3).points) == 1


def test_paths_chart_has_the_grid_the_racers_and_the_marks():
    himmelblau = FUNCTIONS["himmelblau"]
    racers = [Racer("SGD", {"lr": 0.01}), Racer("Adam", {"lr": 0.1}), Racer("SparseAdam")]
    trajectories = run_race(himmelblau, himmelblau.start, racers, 20)
    text = dict(title="t", minimum="m", saddle="s", start="o", hint="h", step="step", colorbar="f")
    chart = paths_chart(himmelblau, trajectories, {}, text)
    json.dumps(chart, allow_nan=False)  # what the browser is sent: plain JSON, no nan
    grid = chart["grid"]
    assert grid["n"] == GRID and len(grid["z"]) == GRID * GRID and grid["levels"] == LEVELS
    _, _, z = surface_grid(himmelblau)  # (G, G), row i at ys[i]
    assert grid["z"][5 * GRID + 7] == pytest.approx(z[5, 7].item(), rel=1e-3)  # rows follow y, as torch's grid
    assert grid["lo"] == min(grid["z"]) and grid["hi"] == max(grid["z"])
    assert [r["name"] for r in chart["racers"]] == [r.label for r in racers]
    assert len({r["colour"] for r in chart["racers"]}) == 3
    sgd = chart["racers"][0]
    assert sgd["points"][:4] == pytest.approx([c for p in trajectories[0].points[:2] for c in p], rel=1e-5)
    assert sgd["values"] == pytest.approx(trajectories[0].values, rel=1e-5)
    assert chart["racers"][2]["points"] == []  # SparseAdam is refused: an empty path keeps the colours in order
    assert len(chart["minima"]) == 4 and chart["saddles"] == [] and chart["start"] == list(himmelblau.start)
    assert chart["text"] is text and (chart["x_range"], chart["y_range"]) == (list(himmelblau.x_range),
                                                                            list(himmelblau.y_range))


def test_log_levels_and_values_chart():
    rosenbrock, saddle = FUNCTIONS["rosenbrock"], FUNCTIONS["saddle"]
    chart = paths_chart(rosenbrock, [], None, {})
    assert chart["grid"]["log"] and chart["grid"]["hi"] < 5  # log10(1 + f): f reaches ~2500 on this range
    assert chart["start"] is None
    trajectories = run_race(rosenbrock, rosenbrock.start, [Racer("Adam", {"lr": 0.05})], 10)
    values = values_chart(trajectories, 10, {"title": "f", "step": "step"})
    assert values["log"] and values["steps"] == 10
    assert values["racers"][0]["values"] == pytest.approx(trajectories[0].values, rel=1e-5)
    downhill = run_race(saddle, saddle.start, [Racer("SGD")], 40)
    assert not values_chart(downhill, 40, {})["log"]  # f < 0 has no log
    assert paths_chart(saddle, downhill, None, {})["saddles"] == [[0.0, 0.0]]


def test_the_grid_follows_the_options():
    bowl = FUNCTIONS["bowl"]
    flat, steep = (paths_chart(bowl, [], {"condition": c}, {})["grid"] for c in (1.0, 100.0))
    assert flat["key"] != steep["key"] and steep["hi"] > flat["hi"]


def _fields(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_has_english_and_chinese():
    texts = dict(MSG)
    for function in FUNCTIONS.values():
        texts[f"{function.name}.title"] = function.title
        texts[f"{function.name}.note"] = function.note
        texts.update({f"{function.name}.{o.name}": o.label for o in function.options})
    assert all(key.startswith("surface_") for key in MSG)
    for key, text in texts.items():
        assert isinstance(text, Text) and text.en.strip() and text.zh.strip(), key
        assert re.search(r"[\u4e00-\u9fff]", text.zh), key
        assert _fields(text.en) == _fields(text.zh), key
