"""The training engine: toy data, models, losses, optimizers and the race, checked against torch itself."""

import inspect
import math
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
import torch
from torch import nn

from core.text import Text
from core.training.batches import batch_order
from core.training.boundary import decision_grid, prediction_curve
from core.training.config import MAX_STEPS, MAX_WIDTH, RaceConfig, Racer, config_problems
from core.training.datasets import DATASETS, make_data
from core.training.losses import LOSSES, loss_problem
from core.messages.training_engine import MSG
from core.training.model import MLP
from core.training.optimizer_state import optimizer_state
from core.training.optimizers import OPTIMIZERS
from core.training.plain import PlainRun, train_alone
from core.training.race import Race
from core.training.results import results_table
from core.training.script import drift_note, script_output, script_printed, script_run_needed, training_script

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")
DENSE_FAST = [name for name, spec in OPTIMIZERS.items() if spec.fast]  # all but the plain-path ones
# what trains the MLP; SparseAdam (sparse gradients only) and Muon (2-d parameters only) train the clicks task
ON_MLP = [name for name, spec in OPTIMIZERS.items() if spec.sparse != "only" and not spec.matrices_only]


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Tiny tensors only: one intra-op thread is faster, and on a busy machine much faster (see bench/train_race.py).
    Restored afterwards so other test files keep torch's default."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def finished(config: RaceConfig, racers: list[Racer], **kwargs) -> Race:
    race = Race(config, racers, **kwargs)
    for _ in race.run():
        pass
    return race


# --- data ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(DATASETS))
def test_datasets_are_seeded_shaped_and_private(name):
    """Same seed, same points; another seed, other points; the global RNG is never touched; shapes follow the task."""
    spec = DATASETS[name]
    rng = torch.random.get_rng_state()
    first, again, other = (make_data(name, 40, spec.noise, 0.25, seed) for seed in (3, 3, 4))
    assert torch.equal(torch.random.get_rng_state(), rng)
    assert torch.equal(first.x_train, again.x_train) and torch.equal(first.y_test, again.y_test)
    assert not torch.equal(first.x_train, other.x_train)
    assert (len(first.x_train), len(first.x_test)) == (30, 10)
    assert first.x_train.shape[1] == spec.in_features
    if spec.task == "multiclass":
        assert first.y_train.dtype == torch.int64 and set(first.y_train.tolist()) <= {0, 1, 2}
    else:
        assert first.y_train.shape == (30, 1) and first.y_train.dtype == torch.float32
    if spec.task == "sparse":
        assert first.x_train.dtype == torch.int64 and 0 <= first.x_train.min() and first.x_train.max() < spec.num_ids


def test_line_with_outliers_is_where_mse_and_l1_part_ways():
    """A linear model on the line with outliers: MSE's fit is lifted towards the outliers, L1's stays near
    y = 0.5 x + 1."""
    intercepts = {}
    for loss in ("MSELoss", "L1Loss"):
        config = RaceConfig(dataset="line_outliers", loss=loss, hidden_layers=0, steps=400, batch_size=50,
                            eval_every=0)
        race = finished(config, [Racer("Adam", {"lr": 0.05})])
        intercepts[loss] = race.outputs(0, torch.zeros(1, 1)).item()  # the prediction at x = 0
    assert abs(intercepts["L1Loss"] - 1.0) < 0.2
    assert intercepts["MSELoss"] > intercepts["L1Loss"] + 0.3


# --- model and losses ---------------------------------------------------------------------------------------------
def test_mlp_initial_weights_are_nn_linear_s_own():
    """The MLP's private-generator init gives what nn.Linear gives after torch.manual_seed with the same seed."""
    model = MLP(2, 3, hidden_layers=2, width=5, activation="Tanh", sigmoid_output=False,
                generator=torch.Generator().manual_seed(7))
    with torch.random.fork_rng():
        torch.manual_seed(7)
        reference = [nn.Linear(2, 5), nn.Linear(5, 5), nn.Linear(5, 3)]
    assert isinstance(model.layers, nn.ModuleList) and len(model.layers) == 3
    for layer, expected in zip(model.layers, reference):
        assert torch.equal(layer.weight, expected.weight) and torch.equal(layer.bias, expected.bias)
    x = torch.randn(4, 2, generator=torch.Generator().manual_seed(0))
    direct = reference[2](torch.tanh(reference[1](torch.tanh(reference[0](x)))))
    torch.testing.assert_close(model(x), direct)


@pytest.mark.parametrize("hidden_layers, width", [(0, 1), (1, 32), (4, 3)])
def test_mlp_sizes(hidden_layers, width):
    model = MLP(2, 1, hidden_layers, width, "Sigmoid", True, torch.Generator())
    assert len(model.layers) == hidden_layers + 1
    out = model(torch.zeros(6, 2))
    assert out.shape == (6, 1) and ((0 < out) & (out < 1)).all()


def test_an_unfit_loss_is_explained_not_crashed():
    """CrossEntropyLoss on regression gets a message in both languages naming the losses that fit; the race refuses
    to start with that message instead of failing inside torch."""
    en, zh = loss_problem("CrossEntropyLoss", "regression", "en"), loss_problem("CrossEntropyLoss", "regression", "zh")
    assert "CrossEntropyLoss" in en and "MSELoss, L1Loss, HuberLoss" in en and CJK.search(zh)
    assert loss_problem("MSELoss", "binary", "en") and loss_problem("BCELoss", "multiclass", "en")
    assert all(loss_problem(name, task, "en") is None for name, spec in LOSSES.items() for task in spec.tasks)
    with pytest.raises(ValueError, match="CrossEntropyLoss"):
        Race(RaceConfig(dataset="sine", loss="CrossEntropyLoss"), [Racer("Adam")])


def test_caps_and_unknown_names_give_messages():
    config = RaceConfig(width=MAX_WIDTH + 1, steps=MAX_STEPS + 1, n_points=10**6, activation="GELU")
    problems = config_problems(config, [Racer("Adam", {"momentum": 0.9}), Racer("Lion")], "en")
    text = "\n".join(problems)
    for word in ("width", "steps", "n_points", "GELU", "momentum", "Lion"):
        assert word in text, word
    assert all(CJK.search(p) for p in config_problems(config, [], "zh"))
    assert config_problems(RaceConfig(), [Racer("Adam")], "en") == []


# --- optimizers ---------------------------------------------------------------------------------------------------
def test_catalog_defaults_are_torch_s_own():
    """Each hyper-parameter is a real argument of the class, and its default is what the signature says."""
    for spec in OPTIMIZERS.values():
        parameters = inspect.signature(spec.cls).parameters
        for hyper in spec.hypers:
            assert hyper.name in parameters, (spec.name, hyper.name)
            assert spec.torch_default(hyper.name) == parameters[hyper.name].default
    assert OPTIMIZERS["Adam"].torch_default("betas") == (0.9, 0.999)
    assert OPTIMIZERS["LBFGS"].torch_default("history_size") == 100
    assert OPTIMIZERS["FTRL"].own and OPTIMIZERS["FTRL"].label == "FTRL"
    assert OPTIMIZERS["SGD"].call_source({"lr": 0.5, "momentum": 0.9}) == (
        "torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)"
    )


EASY = RaceConfig(dataset="gaussians", hidden_layers=0, steps=100, batch_size=50, eval_every=0)


def test_every_optimizer_makes_progress_on_an_easy_problem():
    """From the same start, each optimizer lowers the whole-train-set loss clearly below where it began; SparseAdam and
    Muon on the sparse task, the only place they can run."""
    racers = [Racer(name) for name in ON_MLP]
    race = Race(EASY, racers)
    start = race.evaluate()
    for _ in race.run():
        pass
    end = race.evaluate()
    for state, before, after in zip(race.racers, start, end):
        assert state.status == "finished", (state.name, state.note)
        assert after.train_loss < 0.85 * before.train_loss, state.name
        assert after.test_accuracy > 0.85, state.name
    sparse = finished(RaceConfig(dataset="clicks", steps=150, eval_every=0), [Racer("SparseAdam"), Racer("Muon")])
    for evaluation in sparse.evaluate():
        assert evaluation.train_loss < 0.7 * math.log(2)  # from w = 0, the loss starts at log 2


def test_sparse_adam_runs_only_on_sparse_gradients():
    """On points (dense nn.Linear gradients) SparseAdam cannot run and says why; on the ids task its model's
    embedding gives sparse gradients and it trains. Adam there gets a dense embedding."""
    race = finished(RaceConfig(steps=5), [Racer("SparseAdam"), Racer("Adam")])
    state = race.racers[0]
    assert state.status == "cannot_run" and "SparseAdam" in state.note and "clicks" in state.note
    assert race.racers[1].status == "finished"
    assert CJK.search(Race(RaceConfig(steps=5), [Racer("SparseAdam")], lang="zh").racers[0].note)
    race = finished(RaceConfig(dataset="clicks", steps=5), [Racer("SparseAdam"), Racer("Adam")])
    sparse_model, dense_model = race.model(0), race.model(1)
    assert sparse_model.embedding.weight.grad.is_sparse and not dense_model.embedding.weight.grad.is_sparse
    assert [s.status for s in race.racers] == ["finished", "finished"]
    with pytest.raises(RuntimeError, match="dense gradients"):  # what torch itself says, which the race avoids
        optimizer = torch.optim.SparseAdam(MLP(2, 1, 0, 1, "ReLU", False, torch.Generator()).parameters())
        optimizer.param_groups[0]["params"][0].grad = torch.ones(1, 2)
        optimizer.step()


def test_the_catalog_holds_every_torch_optim_optimizer():
    """Every optimizer class torch.optim ships (read from torch.optim itself) is in the catalog under its own name,
    plus the project's FTRL; each hyper-parameter starts from torch's default unless the entry says otherwise."""
    shipped = {name for name in dir(torch.optim) if inspect.isclass(getattr(torch.optim, name))
               and issubclass(getattr(torch.optim, name), torch.optim.Optimizer)
               and getattr(torch.optim, name) is not torch.optim.Optimizer}
    assert {"Adamax", "Rprop", "Adafactor", "Muon", "SparseAdam", "LBFGS"} <= shipped
    assert set(OPTIMIZERS) == shipped | {"FTRL"}
    assert all(OPTIMIZERS[name].cls is getattr(torch.optim, name) for name in shipped)
    assert OPTIMIZERS["Adafactor"].start_values()["eps"] == (None, 1e-3)
    assert OPTIMIZERS["Rprop"].start_values() == {"lr": 0.01, "etas": (0.5, 1.2), "step_sizes": (1e-06, 50)}


def test_muon_runs_only_where_every_parameter_is_a_matrix():
    """Muon on the MLP (1-d biases) cannot run and names them; on the clicks task, whose one parameter is the (30, 1)
    embedding weight, it trains on the plain path with a dense embedding."""
    race = finished(RaceConfig(steps=3), [Racer("Muon"), Racer("Adam")])
    state = race.racers[0]
    assert state.status == "cannot_run" and "layers.0.bias (8,)" in state.note and "clicks" in state.note
    assert CJK.search(Race(RaceConfig(steps=3), [Racer("Muon")], lang="zh").racers[0].note)
    with pytest.raises(ValueError, match="2D parameters"):  # what torch itself says, which the race avoids
        torch.optim.Muon(MLP(2, 1, 0, 1, "ReLU", False, torch.Generator()).parameters())
    clicks = finished(RaceConfig(dataset="clicks", steps=3), [Racer("Muon")])
    assert clicks.racers[0].status == "finished" and clicks.racers[0].path == "plain"
    assert not clicks.model(0).embedding.weight.grad.is_sparse


def _torch_loop(config: RaceConfig, name: str, values: dict) -> list[float]:
    """The textbook loop written here from torch alone: torch.optim.<name> by its name (FTRL is the project's), a
    DataLoader with a seeded shuffle, and the model the script builds."""
    data = make_data(config.dataset, config.n_points, config.noise_value, config.test_fraction, config.data_seed)
    loss_fn = LOSSES[config.loss].module()
    if config.dataset == "clicks":
        from core.training.model import IdLogistic
        model = IdLogistic(30, sparse=OPTIMIZERS[name].sparse != "no", sigmoid_output=False)
    else:
        model = MLP(2, 1, config.hidden_layers, config.width, config.activation, False,
                    torch.Generator().manual_seed(config.init_seed))
    optimizer = (getattr(torch.optim, name, None) or OPTIMIZERS[name].cls)(model.parameters(), **values)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(data.x_train, data.y_train),
                                         batch_size=config.batch_size, shuffle=True,
                                         generator=torch.Generator().manual_seed(config.batch_seed))
    losses = []
    while len(losses) < config.steps:
        for xb, yb in loader:
            def closure():
                optimizer.zero_grad()
                loss = loss_fn(model(xb), yb)
                loss.backward()
                return loss

            if name == "LBFGS":
                losses.append(optimizer.step(closure).item())
            else:
                losses.append(closure().item())
                optimizer.step()
            if len(losses) == config.steps:
                break
    return losses


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_each_optimizer_races_as_a_plain_torch_loop(name):
    """Every catalog optimizer, at the playground's start values, raced for 25 steps (more than one epoch): its
    batch losses equal those of a loop written from torch alone; exactly on the plain path, within 1e-5 on the
    fast one (its batched matmuls add in another order)."""
    spec = OPTIMIZERS[name]
    dataset = "clicks" if spec.sparse == "only" or spec.matrices_only else "moons"
    config = RaceConfig(dataset=dataset, steps=25, eval_every=0, n_points=80, batch_size=16)
    race = finished(config, [Racer(name), Racer("SGD")])  # SGD keeps the fast path in use beside it
    state = race.racers[0]
    assert state.status == "finished", state.note
    expected = _torch_loop(config, name, spec.start_values())
    if state.path == "plain":
        assert state.losses == expected
    else:
        assert max(abs(a - b) for a, b in zip(state.losses, expected)) <= 1e-5
    assert state.path == ("fast" if spec.fast and dataset != "clicks" else "plain")


def test_lbfgs_runs_with_a_closure_and_counts_its_evaluations():
    """LBFGS steps through a closure; the race's count of forward-backward passes equals LBFGS's own func_evals, and
    a step may take several (without line search, up to max_eval = max_iter * 5 // 4); with the strong Wolfe line
    search the count is still LBFGS's own."""
    settings = {"max_iter": 4, "line_search_fn": None, "lr": 0.1}
    race = finished(RaceConfig(steps=8, eval_every=0), [Racer("LBFGS", settings), Racer("SGD"), Racer("LBFGS")])
    lbfgs, sgd, wolfe = race.racers
    assert wolfe.function_evals == next(iter(wolfe.optimizer.state.values()))["func_evals"] > 8
    assert lbfgs.path == "plain" and "LBFGS" in lbfgs.note
    own_count = next(iter(lbfgs.optimizer.state.values()))["func_evals"]
    assert lbfgs.function_evals == own_count
    assert 8 < lbfgs.function_evals <= 8 * 5
    assert sgd.function_evals == 8
    evals = [record.function_evals[0] for record in race.history]
    assert all(b - a >= 1 for a, b in zip([0] + evals, evals))


# --- the race -----------------------------------------------------------------------------------------------------
def test_racers_share_the_initial_weights_and_the_batch_order():
    """Every racer starts from one seeded init and sees one seeded batch order: two identical racers (one on the fast
    path, one on the plain path) have identical losses, and every racer's first loss is the same number."""
    config = RaceConfig(steps=20, eval_every=0)
    race = finished(config, [Racer("Adam"), Racer("Adam"), Racer("SGD", {"lr": 0.5})])
    plain = finished(config, [Racer("Adam")], fast=False)
    assert race.racers[0].losses == race.racers[1].losses
    assert len({state.losses[0] for state in race.racers}) == 1
    torch.testing.assert_close(torch.tensor(race.racers[0].losses), torch.tensor(plain.racers[0].losses),
                               rtol=0, atol=1e-5)
    assert len(race.batches) == 20
    assert all(torch.equal(a, b) and torch.equal(a, c)
               for a, b, c in zip(race.batches, plain.batches, batch_order(150, 32, 20, 0)))
    other_init = Race(RaceConfig(steps=20, init_seed=1), [Racer("Adam")])
    assert not torch.equal(other_init.initial, race.initial)


def test_a_race_leaves_the_global_rng_alone():
    """Init, batch order, sparse ids and every path draw from private generators only."""
    rng = torch.random.get_rng_state()
    finished(RaceConfig(steps=5), [Racer("Adam"), Racer("LBFGS")])
    finished(RaceConfig(dataset="clicks", steps=5), [Racer("SparseAdam"), Racer("FTRL")])
    train_alone(RaceConfig(steps=5), Racer("SGD"))
    assert torch.equal(torch.random.get_rng_state(), rng)


@pytest.mark.parametrize(
    "config",
    [
        RaceConfig(steps=50, eval_every=0),
        RaceConfig(dataset="blobs", loss="CrossEntropyLoss", hidden_layers=3, width=6, activation="Tanh", steps=50,
                   eval_every=0),
        RaceConfig(dataset="sine", loss="HuberLoss", hidden_layers=1, width=16, activation="Sigmoid", steps=50,
                   eval_every=0),
        RaceConfig(dataset="xor", loss="BCELoss", hidden_layers=0, steps=50, eval_every=0),
    ],
    ids=["moons-bcewithlogits", "blobs-crossentropy", "sine-huber", "xor-bce-linear"],
)
def test_fast_path_equals_training_each_alone(config):
    """For 50 steps, each fast racer's batch losses equal the textbook loop's for that optimizer within 1e-5."""
    racers = [Racer(name) for name in DENSE_FAST] + [Racer("Adam", {"lr": 0.05}), Racer("SGD", {"momentum": 0.9})]
    race = finished(config, racers)
    assert {state.path for state in race.racers} == {"fast"}
    for state, racer in zip(race.racers, racers):
        alone = train_alone(config, racer)
        assert len(state.losses) == len(alone) == 50
        difference = max(abs(a - b) for a, b in zip(state.losses, alone))
        assert difference <= 1e-5, (state.name, difference)


def test_divergence_is_reported_and_the_racer_stops():
    """SGD with a huge lr on a regression blows up: it is marked diverged with a message naming the step, stops
    stepping, and the race goes on for the others; the results table shows it without scores."""
    config = RaceConfig(dataset="sine", loss="MSELoss", steps=30, eval_every=5)
    race = Race(config, [Racer("SGD", {"lr": 10.0}), Racer("Adam")])
    records = list(race.run())
    wild, calm = race.racers
    assert wild.status == "diverged" and calm.status == "finished"
    assert "diverged at step" in wild.note and "lr" in wild.note
    assert len(wild.losses) == wild.steps + 1 < 30 and not math.isfinite(wild.losses[-1])
    assert any(wild.note in record.events for record in records)
    assert records[-1].train_loss[0] is None and records[-1].evaluations[0] is None
    table = results_table(race)
    assert table.loc[0, "status"] == "diverged" and pd.isna(table.loc[0, "test loss"])


@pytest.mark.parametrize("fast", [True, False])
def test_an_error_inside_a_step_stops_that_racer_only(fast):
    """If torch raises inside a racer's step mid-run, that racer stops with torch's words and the race goes on."""
    race = Race(RaceConfig(steps=6), [Racer("Adam"), Racer("SGD")], fast=fast)
    list(race.run(2))

    def refuse(*args, **kwargs):
        raise RuntimeError("something torch refused")

    race.racers[0].optimizer.step = refuse
    record = race.step()
    assert race.racers[0].status == "cannot_run" and "something torch refused" in race.racers[0].note
    assert record.events == [race.racers[0].note] and record.train_loss[0] is None
    list(race.run())
    assert race.racers[1].status == "finished" and race.racers[0].steps == 2


def test_step_records_callbacks_and_pausing():
    """step() returns a record per step and None once done; run(n) yields n records (a page pauses between calls);
    callbacks see every record; evaluations come every eval_every steps and after the last one."""
    seen = []
    race = Race(RaceConfig(steps=12, eval_every=5), [Racer("Adam"), Racer("RMSprop")])
    race.add_callback(lambda r, record: seen.append(record.step))
    first = race.step()
    assert first.step == 1 and len(first.train_loss) == 2 and first.function_evals == [1, 1]
    assert len(list(race.run(3))) == 3 and race.step_count == 4
    rest = list(race.run())
    assert [r.step for r in rest] == list(range(5, 13)) and race.step() is None
    assert seen == list(range(1, 13))
    assert [r.step for r in race.history if r.evaluations] == [5, 10, 12]
    assert all(s > 0 for s in rest[-1].seconds)


def test_changing_lr_mid_run_applies_from_the_next_step():
    """After 5 steps at lr 0.01, lr 0.2: the losses equal a plain loop that makes the same change after step 5. A
    value torch refuses changes nothing and comes back as a message."""
    config = RaceConfig(steps=10, eval_every=0)
    race = Race(config, [Racer("Adam")])
    list(race.run(5))
    assert race.change(0, Racer("Adam", {"lr": 0.2})) is None
    assert "learning rate" in race.change(0, Racer("Adam", {"lr": -1.0}))
    assert race.racers[0].optimizer.param_groups[0]["lr"] == 0.2 and race.changes == [(5, 0, "lr 0.01→0.2")]
    list(race.run())

    data = make_data("moons", 200, 0.1, 0.25, 0)
    model = MLP(2, 1, 2, 8, "ReLU", False, torch.Generator().manual_seed(0))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    expected = []
    for step, rows in enumerate(batch_order(150, 32, 10, 0)):
        if step == 5:
            optimizer.param_groups[0]["lr"] = 0.2
        optimizer.zero_grad()
        loss = nn.BCEWithLogitsLoss()(model(data.x_train[rows]), data.y_train[rows])
        loss.backward()
        optimizer.step()
        expected.append(loss.item())
    torch.testing.assert_close(torch.tensor(race.racers[0].losses), torch.tensor(expected), rtol=0, atol=1e-5)
    assert race.racers[0].name == "Adam lr=0.2"


def test_torch_refusing_a_setting_is_a_message():
    """Nesterov without momentum: torch's ValueError becomes the racer's note; the others run."""
    race = finished(RaceConfig(steps=3), [Racer("SGD", {"nesterov": True}), Racer("Adam", {"lr": -1.0}), Racer("SGD")])
    assert [s.status for s in race.racers] == ["cannot_run", "cannot_run", "finished"]
    assert "Nesterov" in race.racers[0].note and "learning rate" in race.racers[1].note


# --- looking inside -----------------------------------------------------------------------------------------------
def test_optimizer_state_inspector_shows_torch_s_state():
    """Adam's exp_avg / exp_avg_sq and SGD's momentum_buffer for one parameter, shaped like it, equal to what the same
    optimizer holds on the plain path; LBFGS's flat direction is cut to the parameter."""
    config = RaceConfig(steps=3, eval_every=0)
    racers = [Racer("Adam"), Racer("SGD", {"momentum": 0.9}), Racer("LBFGS", {"max_iter": 3})]
    fast, plain = finished(config, racers), finished(config, racers, fast=False)
    name = "layers.1.weight"
    shape = dict(fast.template.named_parameters())[name].shape
    adam, adam_plain = optimizer_state(fast, 0, name), optimizer_state(plain, 0, name)
    assert {"param", "grad", "step", "exp_avg", "exp_avg_sq"} <= set(adam)
    for key in ("param", "grad", "exp_avg", "exp_avg_sq"):
        assert adam[key].shape == shape
        torch.testing.assert_close(adam[key], adam_plain[key], rtol=1e-4, atol=1e-6)
    assert adam["step"].item() == 3
    model_param = dict(plain.model(0).named_parameters())[name]
    assert torch.equal(adam_plain["exp_avg"], plain.racers[0].optimizer.state[model_param]["exp_avg"])
    assert optimizer_state(fast, 1, name)["momentum_buffer"].shape == shape
    lbfgs = optimizer_state(fast, 2, name)
    assert lbfgs["d"].shape == shape and lbfgs["func_evals"].item() == fast.racers[2].function_evals
    assert "layers.9.weight" in optimizer_state(fast, 0, "layers.9.weight")  # a message naming the bad name


def test_decision_grid_is_the_model_on_a_mesh():
    """(G, G) probabilities over the data range, each the sigmoid of the racer's model at that point; (G, G, 3)
    softmax for three classes; a message for 1-d data, where the prediction curve answers instead."""
    race = finished(RaceConfig(steps=20), [Racer("Adam")])
    mesh = decision_grid(race, 0, size=30)
    assert mesh.outputs.shape == (30, 30) and mesh.xs.shape == mesh.ys.shape == (30,)
    corner = torch.tensor([[mesh.xs[4].item(), mesh.ys[7].item()]])
    torch.testing.assert_close(mesh.outputs[7, 4], torch.sigmoid(race.model(0)(corner))[0, 0])
    points = race.data.x_all
    assert mesh.xs[0] < points[:, 0].min() and mesh.ys[-1] > points[:, 1].max()
    blobs = finished(RaceConfig(dataset="blobs", loss="CrossEntropyLoss", steps=5), [Racer("Adam")])
    probabilities = decision_grid(blobs, 0, size=10).outputs
    assert probabilities.shape == (10, 10, 3)
    torch.testing.assert_close(probabilities.sum(dim=-1), torch.ones(10, 10))
    sine = finished(RaceConfig(dataset="sine", loss="MSELoss", steps=5), [Racer("Adam")])
    assert "2-d" in decision_grid(sine, 0) and CJK.search(decision_grid(sine, 0, lang="zh"))
    assert "size" in decision_grid(race, 0, size=10**4) and "size" in prediction_curve(sine, 0, size=0)
    curve = prediction_curve(sine, 0, size=25)
    assert curve.outputs.shape == (25,)
    torch.testing.assert_close(curve.outputs, sine.model(0)(curve.xs.unsqueeze(1)).squeeze(1).detach())


def test_results_table():
    race = finished(RaceConfig(steps=10, eval_every=0), [Racer("Adam"), Racer("LBFGS", {"max_iter": 2})])
    table = results_table(race)
    assert list(table.columns) == ["racer", "optimizer", "status", "steps", "train loss", "train accuracy",
                                   "test loss", "test accuracy", "function evaluations", "time (s)", "path"]
    assert table["steps"].tolist() == [10, 10] and table["path"].tolist() == ["fast", "plain"]
    assert table.loc[1, "function evaluations"] >= 10
    assert (table["test accuracy"] > 0).all() and (table["time (s)"] > 0).all()
    evaluation = race.evaluate()[0]
    with torch.no_grad():
        direct = nn.BCEWithLogitsLoss()(race.model(0)(race.data.x_test), race.data.y_test).item()
    assert table.loc[0, "test loss"] == evaluation.test_loss == pytest.approx(direct, abs=1e-6)
    assert "测试损失" in results_table(race, "zh").columns


# --- the training script ------------------------------------------------------------------------------------------
SCRIPT_CASES = {
    "adam-moons": (RaceConfig(steps=60), Racer("Adam", {"lr": 0.02})),
    "lbfgs-sine": (RaceConfig(dataset="sine", loss="MSELoss", steps=12), Racer("LBFGS", {"max_iter": 3})),
    "ftrl-clicks": (RaceConfig(dataset="clicks", steps=60), Racer("FTRL")),
    "sparseadam-clicks": (RaceConfig(dataset="clicks", loss="BCELoss", steps=60), Racer("SparseAdam")),
    "sgd-blobs": (RaceConfig(dataset="blobs", loss="CrossEntropyLoss", steps=60), Racer("SGD", {"momentum": 0.9})),
    "adamax-circles": (RaceConfig(dataset="circles", steps=60), Racer("Adamax")),
    "rprop-xor": (RaceConfig(dataset="xor", steps=60), Racer("Rprop", {"etas": (0.4, 1.3)})),
    "adafactor-spiral3": (RaceConfig(dataset="spiral3", loss="CrossEntropyLoss", steps=60),
                          Racer("Adafactor", {"eps": (None, 0.01)})),
    "muon-clicks": (RaceConfig(dataset="clicks", steps=60), Racer("Muon", {"adjust_lr_fn": "match_rms_adamw"})),
}
MARK = "=====SCRIPT====="
DRIVER = textwrap.dedent(
    f"""
    import runpy, sys
    for path in sys.argv[1:]:
        print({MARK!r}, path, flush=True)
        runpy.run_path(path, run_name="__main__")
        sys.stdout.flush()
    """
)


def test_training_scripts_run_alone_and_print_the_engine_s_losses(tmp_path):
    """Each script, run in one fresh interpreter (runpy, one after another), prints exactly what the page shows:
    script_output() of the script's loop run here, and for a plain-path racer also script_printed() from the race's
    own numbers; a fast-path racer's race numbers agree within 1e-5."""
    paths, races = [], {}
    for key, (config, racer) in SCRIPT_CASES.items():
        path = tmp_path / f"{key}.py"
        path.write_text(training_script(config, racer), encoding="utf-8")
        paths.append(str(path))
        races[key] = finished(config, [racer])
    done = subprocess.run([sys.executable, "-c", DRIVER, *paths], capture_output=True, text=True, cwd=tmp_path,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    outputs = [chunk.split("\n", 1)[1] for chunk in done.stdout.split(MARK)[1:]]
    for (key, race), printed in zip(races.items(), outputs):
        assert printed == script_output(PlainRun(*SCRIPT_CASES[key]).advance()), key
        if not script_run_needed(race.racers[0]):
            assert printed == script_printed(race, 0), key
        expected = script_printed(race, 0)
        steps = [(int(m[1]), float(m[2])) for m in re.finditer(r"step\s+(\d+)\s+loss (\S+)", printed)]
        assert steps[:10] == [(i, pytest.approx(race.racers[0].losses[i - 1], abs=1e-5)) for i in range(1, 11)], key
        words = lambda text: re.sub(r"-?\d+\.\d+", "#", text)  # noqa: E731
        assert words(printed) == words(expected), key
        numbers = [float(n) for n in re.findall(r"-?\d+\.\d+", printed)]
        assert numbers == pytest.approx([float(n) for n in re.findall(r"-?\d+\.\d+", expected)], abs=2e-5), key


def test_the_page_says_how_far_the_race_drifted_from_the_script():
    """AdamW for 100 steps on the fast path: the script's loop, run here, prints its own numbers; the note gives the
    largest batch-loss gap (a float rounding drift, far below 1e-4) and counts the printed lines that differ. A
    plain-path racer needs no run; a step size changed mid-race makes the script another run, and the note says so."""
    config = RaceConfig(steps=100, eval_every=0)
    race = finished(config, [Racer("AdamW"), Racer("LBFGS")])
    fast, plain = race.racers
    assert script_run_needed(fast) and not script_run_needed(plain)
    run = PlainRun(config, fast.racer).advance()
    gap = max(abs(a - b) for a, b in zip(fast.losses, run.losses))
    note = drift_note(race, 0, run, "en")
    assert f"at most {gap:.1e} apart over 100 steps" in note and 0 < gap < 1e-4
    assert CJK.search(drift_note(race, 0, run, "zh"))
    assert "plain path" in drift_note(race, 1, None, "en")
    changed = Race(config, [Racer("Adam")])
    list(changed.run(5))
    changed.change(0, Racer("Adam", {"lr": 0.05}))
    list(changed.run())
    assert script_run_needed(changed.racers[0]) and changed.racers[0].changes == [(5, "lr 0.01→0.05")]
    note = drift_note(changed, 0, PlainRun(config, changed.racers[0].racer).advance(), "en")
    assert "from step 6: lr 0.01→0.05" in note


def test_plain_run_goes_on_in_short_pieces_and_steps_through_nan_as_the_script_does():
    """advance() with a deadline already passed takes no step; later calls go on where it stopped. Without the
    guard a diverging run keeps stepping (the script has no guard); train_alone stops at the first nan."""
    config = RaceConfig(dataset="sine", loss="MSELoss", steps=30, eval_every=0)
    run = PlainRun(config, Racer("SGD", {"lr": 10.0}))
    assert run.advance(deadline=0).losses == [] and not run.done
    run.advance()
    assert run.done and len(run.losses) == 30 and not math.isfinite(run.losses[-1])
    alone = train_alone(config, Racer("SGD", {"lr": 10.0}))
    assert len(alone) < 30 and not math.isfinite(alone[-1])


def test_racers_text_reads_tuples_nones_and_refuses_repeats():
    """Tuples as long as torch's default, None where torch's default has one (Adafactor's eps[0]), and values
    written back so they read as the same numbers; an argument given twice is refused, not picked silently."""
    from core.page_params import BadParam
    from core.training.lab_params import dump_racers, parse_racers

    text = "Adafactor:eps=None/0.01;Muon:ns_coefficients=3/-4.5/2,adjust_lr_fn=original;Rprop:etas=0.4/1.3;Adam:lr=0.0123456789"
    racers = parse_racers(text, "en")
    assert racers[0].hyper == {"eps": (None, 0.01)} and racers[2].hyper == {"etas": (0.4, 1.3)}
    assert racers[1].hyper == {"ns_coefficients": (3.0, -4.5, 2.0), "adjust_lr_fn": "original"}
    assert parse_racers(dump_racers(racers), "en") == racers
    assert racers[3].hyper["lr"] == 0.0123456789
    for bad in ("Rprop:etas=0.4", "Adam:betas=None/0.9", "Muon:ns_coefficients=1/2", "SGD:lr=0.1,lr=0.2",
                "Muon:ns_steps=100", "LBFGS:max_iter=21"):
        with pytest.raises(BadParam):
            parse_racers(bad, "en")
    with pytest.raises(BadParam, match="twice"):
        parse_racers("SGD:lr=0.1,lr=0.2", "en")


def test_lbfgs_iterations_per_step_are_capped_with_a_message():
    """Twelve LBFGS at the playground's 5 iterations (60 per step) or one at torch's 20 plus one more: refused, with
    the sum and the cap; one racer at torch's own default (20) passes, and so do four at 5."""
    from core.training.config import MAX_CLOSURE_ITERATIONS

    problems = config_problems(RaceConfig(), [Racer("LBFGS")] * 12, "en")
    assert any(f"{5 * 12} iterations" in p and str(MAX_CLOSURE_ITERATIONS) in p for p in problems)
    assert config_problems(RaceConfig(), [Racer("LBFGS", {"max_iter": 20})], "en") == []
    assert config_problems(RaceConfig(), [Racer("LBFGS")] * 4, "en") == []
    assert config_problems(RaceConfig(), [Racer("LBFGS", {"max_iter": 20}), Racer("LBFGS", {"max_iter": 1})], "en")
    with pytest.raises(ValueError, match="iterations"):
        Race(RaceConfig(), [Racer("LBFGS")] * 12)


def test_batch_order_draws_epochs_as_they_are_needed():
    """The lazy order equals DataLoader's epochs listed one after another, read in order or out of it, and holds
    one epoch at a time."""
    loader = torch.utils.data.DataLoader(range(10), batch_size=1, shuffle=True,
                                         generator=torch.Generator().manual_seed(4))
    listed = [batch for _ in range(5) for batch in loader]  # 50 batches of one row
    order = batch_order(10, 1, 50, 4)
    assert len(order) == 50 and all(torch.equal(a, b) for a, b in zip(order, listed))
    assert torch.equal(order[3], listed[3]) and torch.equal(order[47], listed[47]) and len(order.epoch) == 10
    with pytest.raises(IndexError):
        order[50]


def test_new_optimizers_state_is_shown_per_parameter():
    """Adamax's exp_inf and Rprop's step_size have the parameter's shape on the fast path; Adafactor keeps a row and
    a column factor (row_var, col_var) for a weight matrix, shown as torch holds them."""
    race = finished(RaceConfig(steps=3, eval_every=0), [Racer("Adamax"), Racer("Rprop"), Racer("Adafactor")])
    name = "layers.1.weight"
    shape = dict(race.template.named_parameters())[name].shape  # (8, 8)
    assert optimizer_state(race, 0, name)["exp_inf"].shape == shape
    assert optimizer_state(race, 1, name)["step_size"].shape == shape
    adafactor = optimizer_state(race, 2, name)
    assert adafactor["row_var"].shape == (8, 1) and adafactor["col_var"].shape == (1, 8)


def test_script_uses_the_project_s_ftrl_and_the_closure():
    assert "class FTRL(torch.optim.Optimizer)" in training_script(*SCRIPT_CASES["ftrl-clicks"])
    lbfgs = training_script(*SCRIPT_CASES["lbfgs-sine"])
    assert "optimizer.step(closure)" in lbfgs and "torch.optim.LBFGS(model.parameters(), lr=" in lbfgs
    assert "import streamlit" not in lbfgs


# --- words --------------------------------------------------------------------------------------------------------
def _fields(template: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", template))


def test_every_string_has_both_languages():
    texts = list(MSG.items())
    texts += [(f"dataset {d.name}", d.title) for d in DATASETS.values()]
    texts += [(f"optimizer {o.name}", o.summary) for o in OPTIMIZERS.values()]
    texts += [(f"loss {spec.name}", spec.why_unfit) for spec in LOSSES.values()]
    for key, text in texts:
        assert isinstance(text, Text) and text.en.strip() and text.zh.strip(), key
        assert _fields(text.en) == _fields(text.zh), key
        assert CJK.search(text.zh) or text.zh == text.en, key
    assert all(key.startswith("trainer_") for key in MSG)
