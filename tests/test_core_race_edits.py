"""Editing a race under way: a changed setting applies from the next step, a racer joins and catches up, a racer
leaves alone; each checked against a plain torch loop or a race that had it from the start."""

import re

import pytest
import torch
from torch import nn

from core.messages.training_engine import MSG
from core.training.batches import batch_order
from core.training.config import MAX_CATCH_UP_PASSES, RaceConfig, Racer
from core.training.datasets import make_data
from core.training.model import MLP
from core.training.race import Race
from core.training.race_edits import follow
from core.training.results import results_table
from core.training.script import training_script

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Tiny tensors: one intra-op thread is faster on a busy machine; restored afterwards."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def torch_loop(config: RaceConfig, make_optimizer, edit_at: int, edit) -> list[float]:
    """The textbook loop on the race's data, weights and batches; at step index `edit_at`, before that step,
    `edit(model, optimizer)` returns the optimizer to go on with. Returns the batch losses."""
    data = make_data(config.dataset, config.n_points, config.noise_value, config.test_fraction, config.data_seed)
    model = MLP(2, 1, config.hidden_layers, config.width, config.activation, False,
                torch.Generator().manual_seed(config.init_seed))
    optimizer, losses = make_optimizer(model.parameters()), []
    for step, rows in enumerate(batch_order(len(data.x_train), config.batch_size, config.steps, config.batch_seed)):
        if step == edit_at:
            optimizer = edit(model, optimizer)
        optimizer.zero_grad()
        loss = nn.BCEWithLogitsLoss()(model(data.x_train[rows]), data.y_train[rows])
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


def set_groups(**values):
    def edit(model, optimizer):
        for group in optimizer.param_groups:
            group.update(values)
        return optimizer
    return edit


@pytest.mark.parametrize("fast", [False, True])
def test_a_change_mid_race_equals_a_torch_loop_that_changes_param_groups_then(fast):
    """SGD lr 0.1 -> 0.3 and momentum 0 -> 0.9 after 7 steps: the same losses as a loop that sets both in
    param_groups before step 8 (exactly on the plain path; the fast path's batched sums drift by float rounding).
    The race did not restart, the change is recorded for the chart, and every label says the new lr."""
    config = RaceConfig(steps=20, eval_every=0)
    race = Race(config, [Racer("SGD", {"lr": 0.1}), Racer("Adam")], fast=fast)
    list(race.run(7))
    assert race.change(0, Racer("SGD", {"lr": 0.3, "momentum": 0.9})) is None
    assert race.step_count == 7 and race.changes == [(7, 0, "lr 0.1→0.3, momentum 0→0.9")]
    list(race.run())
    expected = torch_loop(config, lambda p: torch.optim.SGD(p, lr=0.1), 7, set_groups(lr=0.3, momentum=0.9))
    tolerance = 1e-5 if fast else 0
    torch.testing.assert_close(torch.tensor(race.racers[0].losses), torch.tensor(expected), rtol=0, atol=tolerance)
    assert race.racers[0].name == "SGD lr=0.3"
    assert results_table(race).iloc[0, 0] == "SGD lr=0.3"


def test_a_setting_torch_reads_once_builds_a_new_optimizer_as_a_loop_would():
    """Adam's amsgrad only shapes the state torch creates at the first step: turned on after 5 steps, the racer
    gets a new Adam over its current weights, which equals a loop that builds one there. The change says so."""
    config = RaceConfig(steps=12, eval_every=0)
    race = Race(config, [Racer("Adam")], fast=False)
    list(race.run(5))
    assert race.change(0, Racer("Adam", {"amsgrad": True})) is None
    list(race.run())
    expected = torch_loop(config, lambda p: torch.optim.Adam(p, lr=0.01), 5,
                          lambda model, _: torch.optim.Adam(model.parameters(), lr=0.01, amsgrad=True))
    assert race.racers[0].losses == expected
    assert race.changes == [(5, 0, "amsgrad False→True, new optimizer")]


def test_a_refused_value_changes_nothing():
    """nesterov needs momentum: torch's ValueError comes back in the user's words, the racer goes on unchanged."""
    race = Race(RaceConfig(steps=6), [Racer("SGD")])
    list(race.run(3))
    message = race.change(0, Racer("SGD", {"nesterov": True}))
    assert "Nesterov" in message and race.changes == [] and race.racers[0].racer == Racer("SGD")
    assert not race.racers[0].optimizer.param_groups[0]["nesterov"]


@pytest.mark.parametrize("newcomer", ["Adam", "LBFGS"])
def test_a_joined_racer_equals_one_that_ran_from_the_start(newcomer):
    """Adam (fast path) or LBFGS (plain path) joins a race of SGD after 12 steps, in front: it catches up on the
    same batches from the same weights, so its losses, history and evaluations equal a race that had it from step 1,
    and the race goes on in lockstep with the step count kept."""
    config = RaceConfig(steps=20, eval_every=5)
    race = Race(config, [Racer("SGD")])
    list(race.run(12))
    assert race.join(Racer(newcomer), 0) is None and race.step_count == 12 and race.rewrites == 1
    list(race.run())
    reference = Race(config, [Racer(newcomer), Racer("SGD")])
    list(reference.run())
    for joined, ran in zip(race.racers, reference.racers):
        torch.testing.assert_close(torch.tensor(joined.losses), torch.tensor(ran.losses), rtol=0, atol=1e-5)
        assert (joined.status, joined.steps, joined.function_evals) == (ran.status, ran.steps, ran.function_evals)
    for record, expected in zip(race.history, reference.history):
        assert len(record.train_loss) == 2 and (record.evaluations is None) == (expected.evaluations is None)
        if record.evaluations:
            assert record.evaluations[0].test_loss == pytest.approx(expected.evaluations[0].test_loss, abs=1e-5)


def test_joining_too_late_is_refused_with_the_reason():
    """LBFGS at 20 iterations a step, after 101 steps, would cost over the catch-up cap: it stands in the race as
    unable to run, saying why and what to do, in both languages; the others go on."""
    config = RaceConfig(steps=200, eval_every=0)
    race = Race(config, [Racer("SGD")])
    list(race.run(101))
    note = race.join(Racer("LBFGS", {"max_iter": 20}))
    assert 101 * 20 > MAX_CATCH_UP_PASSES
    assert race.racers[1].status == "cannot_run" and race.racers[1].note == note and "Reset" in note
    assert "2020" in note and race.racers[1].losses == []
    assert CJK.search(MSG["trainer_cannot_catch_up"]("zh", racer="LBFGS", step=101, passes=2020, high=2000))
    list(race.run(3))
    assert race.step_count == 104 and race.history[-1].train_loss[1] is None


def test_removing_a_racer_removes_only_it():
    """Adam leaves after 6 steps: SGD and RMSprop go on as in the race that had all three, and every record
    keeps one entry per remaining racer."""
    config = RaceConfig(steps=15, eval_every=5)
    everyone = [Racer("SGD"), Racer("Adam"), Racer("RMSprop")]
    race = Race(config, everyone)
    list(race.run(6))
    race.remove(1)
    list(race.run())
    reference = Race(config, everyone)
    list(reference.run())
    assert [s.racer.optimizer for s in race.racers] == ["SGD", "RMSprop"] and race.step_count == 15
    for state, ran in zip(race.racers, [reference.racers[0], reference.racers[2]]):
        torch.testing.assert_close(torch.tensor(state.losses), torch.tensor(ran.losses), rtol=0, atol=1e-5)
    assert all(len(r.train_loss) == len(r.seconds) == len(r.function_evals) == 2 for r in race.history)
    assert all(len(r.evaluations) == 2 for r in race.history if r.evaluations)


def test_a_diverged_racer_given_new_settings_starts_over_and_catches_up():
    """SGD at lr 10 diverges on the sine; at lr 0.01 it has nothing to go on from (nan weights), so it re-runs from
    step 0 and stands where an SGD at 0.01 would: no change mark, since it used those settings throughout."""
    config = RaceConfig(dataset="sine", loss="MSELoss", steps=60, eval_every=0)
    race = Race(config, [Racer("Adam"), Racer("SGD", {"lr": 10.0})])
    list(race.run(30))
    assert race.racers[1].status == "diverged"
    said = follow(race, [Racer("Adam"), Racer("SGD", {"lr": 0.01})])
    assert said == [("info", MSG["trainer_joined"]("en", racer="` SGD lr=0.01 `", step=30))]
    assert race.racers[1].status == "running" and len(race.racers[1].losses) == 30 and race.changes == []
    reference = Race(config, [Racer("SGD", {"lr": 0.01})])
    list(reference.run(30))
    torch.testing.assert_close(torch.tensor(race.racers[1].losses), torch.tensor(reference.racers[0].losses))


def test_follow_turns_the_page_s_list_into_edits():
    """The page's list after a panel edit, an add, a removal in the middle, a swap of optimizer: each becomes the one
    edit it is, the others untouched, with a message in the race's language."""
    race = Race(RaceConfig(steps=40, eval_every=0), [Racer("SGD"), Racer("Adam"), Racer("RMSprop")], lang="zh")
    list(race.run(4))
    kept = race.racers[2]
    said = follow(race, [Racer("SGD", {"lr": 0.5}), Racer("Adam"), Racer("RMSprop"), Racer("Adagrad")])
    assert [level for level, _ in said] == ["info", "info"] and all(CJK.search(text) for _, text in said)
    assert race.changes == [(4, 0, "lr 0.1→0.5")] and race.racers[2] is kept and len(race.racers[3].losses) == 4
    follow(race, [Racer("SGD", {"lr": 0.5}), Racer("RMSprop"), Racer("Adagrad")])  # Adam removed
    assert [s.racer.optimizer for s in race.racers] == ["SGD", "RMSprop", "Adagrad"] and race.racers[1] is kept
    follow(race, [Racer("SGD", {"lr": 0.5}), Racer("RMSprop"), Racer("AdamW")])  # Adagrad swapped for AdamW
    assert race.racers[2].racer.optimizer == "AdamW" and len(race.racers[2].losses) == 4
    labelled = Racer("SGD", {"lr": 0.5}, "SGD lr=0.5 (mine)")
    assert follow(race, [labelled, Racer("RMSprop"), Racer("AdamW")]) == []
    assert race.racers[0].name == "SGD lr=0.5 (mine)" and race.step_count == 4


def test_a_larger_budget_keeps_the_race_going():
    """steps 10 -> 15 after the race finished: the finished racers run on; a budget below the steps taken is refused."""
    race = Race(RaceConfig(steps=10, eval_every=0), [Racer("SGD")])
    list(race.run())
    assert race.done and race.set_steps(15) and not race.done
    list(race.run())
    assert race.step_count == 15 and race.racers[0].status == "finished" and not race.set_steps(12)


def test_the_script_names_the_changes_it_does_not_make():
    """A racer whose settings changed mid-race gets a script that says so at the top, in the user's language."""
    config, racer = RaceConfig(), Racer("SGD", {"lr": 0.5})
    assert "changed" not in training_script(config, racer)
    english = training_script(config, racer, [(40, "lr 0.1→0.5")], "en")
    assert "# In the race, settings changed mid-run (from step 41: lr 0.1→0.5)" in english
    assert CJK.search(training_script(config, racer, [(40, "lr 0.1→0.5")], "zh").splitlines()[1])


def test_the_racers_joining_in_one_edit_share_one_catch_up_budget():
    """After 800 steps, an edit that adds three racers: the first two catch up (1,600 passes), the third would pass
    the cap of 2,000 for the whole edit, so it stands refused with the reason instead of holding the page up."""
    race = Race(RaceConfig(steps=1000, eval_every=0), [Racer("SGD")])
    list(race.run(800))
    said = follow(race, [Racer("SGD"), Racer("Adam"), Racer("RMSprop"), Racer("Adagrad")])
    assert [state.status for state in race.racers] == ["running", "running", "running", "cannot_run"]
    assert 3 * 800 > MAX_CATCH_UP_PASSES >= 2 * 800
    assert [level for level, _ in said] == ["info", "info", "warning"] and "Reset" in said[-1][1]
    assert len(race.racers[1].losses) == len(race.racers[2].losses) == 800
