"""Sessions are private: no page moves the process's global random generator, whatever it draws.

Every Streamlit session runs in a thread of one process, so a page that drew from torch's global generator would
change the numbers another learner's page draws next. Each case below opens a page on the settings that draw random
numbers (random ops, shuffled loaders, seeded models, a race's init and batches) and compares the global state before
and after.
"""


import pytest
import torch

from core.ops.catalog import OPS
from tests.apptests import page_test


CASES = {  # id: (page, query); every op, random or not (the provenance probe draws a generic point for each)
    **{op: ("tensor_ops", {"op": op}) for op in OPS},
    "data_loading": ("data_loading", {"shuffle": "true", "epochs": "3"}),
    "losses": ("losses", {}),
    "activations": ("activations", {}),
    "containers": ("containers", {}),
    "training_lab": ("training_lab", {"steps": "5", "racers": "SGD:lr=0.1;Adam:lr=0.01"}),
    "surface": ("surface", {}),
}


def _refuse(name: str):
    def refused(*args, **kwargs):
        raise AssertionError(f"a page called {name}: it would change other sessions' random numbers, even if restored")
    return refused


@pytest.mark.parametrize("page, query", CASES.values(), ids=CASES.keys())
def test_a_page_leaves_the_global_rng_where_it_was(page, query, monkeypatch):
    """Neither drawn from nor seeded: a seed-and-restore (fork_rng) would still disturb a session running meanwhile,
    so the functions that set the global state raise while the page runs."""
    for module in (torch, torch.random):
        for name in ("manual_seed", "seed", "set_rng_state", "fork_rng"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, _refuse(f"{module.__name__}.{name}"))
    at = page_test(page, query)
    state = torch.get_rng_state()
    at.run()
    if page == "training_lab":
        for _ in range(3):
            at.button(key="train.step_once").click().run()
    assert not at.exception
    assert torch.equal(torch.get_rng_state(), state), f"{page} drew from torch's global generator"
