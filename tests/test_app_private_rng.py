"""Sessions are private: no page moves the process's global random generators, whatever it draws.

Every Streamlit session runs in a thread of one process, so a page that drew from torch's global generator (or
Python's `random`, or numpy's) would change the numbers another learner's page draws next. Each case below opens a
page on one of its settings (every op, every data-loading preset shuffled or not, every loss, every guide model, a
race on every dataset), clicks what draws, and compares every global state before and after.
"""

import random

import numpy as np
import pytest
import torch

from core.containers.guide_models import GUIDE_MODELS
from core.data.params import PARAMS as DATA_PARAMS, PRESETS as DATA_PRESETS, preset_values
from core.losses.catalog import LOSSES
from core.ops.catalog import OPS
from core.page_params import encode
from core.training.datasets import DATASETS
from tests.apptests import page_test


LAB_LOSS = {"binary": "BCEWithLogitsLoss", "multiclass": "CrossEntropyLoss", "regression": "MSELoss",
            "sparse": "BCEWithLogitsLoss"}  # a loss each task's race accepts


def _click_every_button(at) -> None:
    for button in list(at.button):
        button.click().run()


def _step_three_times(at) -> None:
    for _ in range(3):
        at.button(key="train.step_once").click().run()


def _pick_every_loss(at) -> None:
    for name in LOSSES:
        at.selectbox(key="losses.loss").set_value(name).run()


CASES = {  # id: (page, query, what to do after opening it); every op, random or not (the provenance probe draws)
    **{op: ("tensor_ops", {"op": op}, None) for op in OPS},
    **{f"data_loading-{p.key}": ("data_loading", encode(DATA_PARAMS, preset_values(p.key)), None) for p in DATA_PRESETS},
    "data_loading-unshuffled": ("data_loading", {"shuffle": "false", "drop_last": "true", "epochs": "3"}, None),
    **{f"losses-{name}": ("losses", {"loss": name}, None) for name in LOSSES},
    "losses-picker": ("losses", {}, _pick_every_loss),
    "activations": ("activations", {}, _click_every_button),
    **{f"containers-{m}": ("containers", {"model": m, "tab": "guide"}, _click_every_button) for m in GUIDE_MODELS},
    **{f"training_lab-{d}": ("training_lab", {"dataset": d, "loss": LAB_LOSS[spec.task], "steps": "5",
                                              "racers": "SGD:lr=0.1;Adam:lr=0.01;LBFGS:lr=0.1;FTRL"},
                             _step_three_times) for d, spec in DATASETS.items()},
    "training_lab-sparse": ("training_lab", {"dataset": "clicks", "steps": "5", "racers": "SparseAdam:lr=0.01"},
                            _step_three_times),
    "surface": ("surface", {}, None),
}


def _refuse(name: str):
    def refused(*args, **kwargs):
        raise AssertionError(f"a page called {name}: it would change other sessions' random numbers, even if restored")
    return refused


def _global_states() -> dict:
    return {"torch": torch.get_rng_state(), "random": random.getstate(), "numpy": np.random.get_state()}


def _same(before, after) -> bool:
    if isinstance(before, torch.Tensor):
        return torch.equal(before, after)
    if isinstance(before, np.ndarray):
        return np.array_equal(before, after)
    if isinstance(before, (tuple, list)):
        return len(before) == len(after) and all(_same(b, a) for b, a in zip(before, after))
    return before == after


@pytest.mark.parametrize("page, query, interact", CASES.values(), ids=CASES.keys())
def test_a_page_leaves_the_global_rng_where_it_was(page, query, interact, monkeypatch):
    """Neither drawn from nor seeded: a seed-and-restore (fork_rng) would still disturb a session running meanwhile,
    so the functions that set the global state raise while the page runs, and every global state is compared."""
    for module in (torch, torch.random):
        for name in ("manual_seed", "seed", "set_rng_state", "fork_rng"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, _refuse(f"{module.__name__}.{name}"))
    at = page_test(page, query)
    before = _global_states()
    at.run()
    if interact is not None:
        interact(at)
    assert not at.exception
    after = _global_states()
    for name in before:
        assert _same(before[name], after[name]), f"{page} moved the global {name} generator"
