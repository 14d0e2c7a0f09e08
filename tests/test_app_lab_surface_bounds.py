"""AppTest: no link can hurt the server through the Training lab or the surface page. Their largest requests stay far
under 100 MB; every size past its cap (steps, racers, LBFGS iterations and history, batch and dataset sizes, the
racers text) is refused by name or clamped with a message; long work (a race, a walk, the script's own loop) is
done a few tenths of a second per run, so no run waits for all of it.
"""

import pytest

from core.surface.params import PARAMS as SURFACE_PARAMS
from core.surface.racers import SURFACE_OPTIMIZERS
from core.training.config import MAX_CLOSURE_ITERATIONS, MAX_RACERS
from core.training.lab_params import PARAMS as LAB_PARAMS
from core.training.optimizers import OPTIMIZERS
from tests.apptests import open_page, page_test
from tests.fuzz_checks import MAX_PEAK_GROWTH_MB, measured_run

# every size of the lab at its cap at once: 2,000 points in 3 classes, a 4 x 32 MLP, one batch of all 1,500 training
# points per step, 2,000 steps, all sixteen optimizers with LBFGS at the most iterations and history it may take
WORST_RACERS = ";".join(n if n != "LBFGS" else f"LBFGS:max_iter={MAX_CLOSURE_ITERATIONS},history_size=100"
                        for n in OPTIMIZERS)
WORST_LAB = {"dataset": "spiral3", "loss": "CrossEntropyLoss", "n_points": "2000", "hidden_layers": "4", "width": "32",
             "batch_size": "2000", "steps": "2000", "racers": WORST_RACERS, "speed": "32"}
# every optimizer the surface takes for 500 steps at a step size too small to diverge, the largest momentum
WORST_SURFACE = {"function": "rastrigin", "steps": "500", "racers": ";".join(
    f"{n}:{OPTIMIZERS[n].lr_name}=0.0001" + (",momentum=0.99" if n in ("SGD", "RMSprop") else "") for n in SURFACE_OPTIMIZERS)}
PARAMS = {"training_lab": LAB_PARAMS, "surface": SURFACE_PARAMS}
KEY = {"training_lab": "train", "surface": "surface"}


def _warned(at, name: str) -> bool:
    return any(f"`{name}`" in warning.value for warning in at.warning)


def test_the_largest_race_stays_small_at_every_kind_of_run():
    """Building it, one Step, a Play tick, and the script's own loop after the race: peak memory read from the
    kernel (a first run with the same settings has paid for imports and torch's first calls, which every session
    shares)."""
    page_test("training_lab", WORST_LAB).run()
    at = page_test("training_lab", WORST_LAB)
    at, growth = measured_run("training_lab", WORST_LAB, lambda: at.run())
    assert growth < MAX_PEAK_GROWTH_MB and not at.exception and not at.error
    assert not [w.value for w in at.warning if "could not be used" in w.value]  # every cap is a value it takes
    for button in ("train.step_once", "train.play"):
        at, growth = measured_run("training_lab", WORST_LAB, lambda: at.button(key=button).click().run())
        assert growth < MAX_PEAK_GROWTH_MB and not at.exception
    race = at.session_state["train.race"]
    assert 1 < race.step_count < race.config.steps  # a tick takes what fits in its time, not the whole race
    for _ in race.run():  # the rest of the race, outside any request
        pass
    at.selectbox(key="train.inspect_racer").select_index(4)  # Adam: a fast racer, so the script's loop runs
    at, growth = measured_run("training_lab", WORST_LAB, lambda: at.run())
    assert growth < MAX_PEAK_GROWTH_MB and not at.exception
    held = at.session_state["train.script_run"][2]
    assert 0 < len(held.losses) < race.config.steps, "the script's 2,000 steps go on over several runs"


def test_the_largest_walk_stays_small_and_goes_on_over_several_runs():
    page_test("surface", WORST_SURFACE).run()
    at = page_test("surface", WORST_SURFACE)
    at, growth = measured_run("surface", WORST_SURFACE, lambda: at.run())
    assert growth < MAX_PEAK_GROWTH_MB and not at.exception and not at.warning
    walks = at.session_state["surface.walks"]
    assert len(walks) == len(SURFACE_OPTIMIZERS)
    for _ in range(300):
        if all(w.done for w in walks):
            break
        at, growth = measured_run("surface", WORST_SURFACE, lambda: at.run())
        assert growth < MAX_PEAK_GROWTH_MB and not at.exception
    assert all(w.done and w.walked == 500 for w in walks)


@pytest.mark.parametrize("page", list(PARAMS))
def test_every_number_past_its_cap_is_refused_by_name(page):
    numbers = [p for p in PARAMS[page] if p.kind in ("int", "float") and p.maximum is not None]
    query = {p.name: str(int(p.maximum) + 1 if p.kind == "int" else p.maximum * 2 + 1) for p in numbers}
    at = open_page(page, query)
    assert not at.exception
    for param in numbers:
        assert _warned(at, param.name), param.name
        assert at.session_state[f"{KEY[page]}.{param.name}"] == param.default  # the example's value instead


def test_a_noise_within_the_link_s_range_but_above_the_dataset_s_is_clamped_with_a_message():
    at = open_page("training_lab", {"dataset": "spiral", "noise": "2.0"})
    assert _warned(at, "noise") and "` 2.0 `" in at.warning[0].value and "0.3" in at.warning[0].value
    assert at.session_state["train.noise"] == 0.3


@pytest.mark.parametrize("racers, words", [
    (";".join(["SGD"] * (MAX_RACERS + 1)), f"racers = {MAX_RACERS + 1} is outside 1..{MAX_RACERS}"),
    ("LBFGS:max_iter=21", "` 21 ` is outside 1..20"),
    ("LBFGS:history_size=101", "` 101 ` is outside 1..100"),
    ("LBFGS:max_iter=20;LBFGS:max_iter=1", f"ask for 21 iterations per step together (their max_iter added up; "
                                           f"each iteration evaluates the model at least once); the cap is "
                                           f"{MAX_CLOSURE_ITERATIONS}"),
    ("Muon:ns_steps=100", "` 100 ` is outside 1..99"),
    ("SGD:lr=1e309", "outside"),
])
def test_racers_past_a_cap_are_refused_with_a_message(racers, words):
    at = open_page("training_lab", {"racers": racers})
    assert not at.exception
    assert any(words in e.value for e in at.error), [e.value for e in at.error]
    assert "train.race" not in at.session_state  # nothing was built


def test_a_racers_text_past_its_length_is_refused_by_name():
    at = open_page("training_lab", {"racers": "SGD;" * 300})
    assert not at.exception and _warned(at, "racers")
    assert any("1000 characters" in w.value for w in at.warning)
