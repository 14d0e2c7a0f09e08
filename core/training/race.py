"""The race: several optimizers train copies of one model, from the same initial weights, on the same batches.

Like minGPT's trainer, the race knows nothing about how progress is drawn: step() does one step for every racer and
returns a StepRecord, run() yields them, and callbacks added with add_callback() see each one. A page can pause by
simply not calling step(), and edit the field in between: change() gives a racer new settings from the next step on
(recorded in `changes`), join() enters a racer that catches up from step 0, remove() takes one out.
"""

import copy
from dataclasses import dataclass, field, replace
import math
import time
from typing import Callable, Iterator

import torch
from torch.nn.utils import parameters_to_vector, vector_to_parameters

from core.training.batches import batch_order
from core.training.config import MAX_CATCH_UP_PASSES, Racer, RaceConfig, config_problems, dump_value
from core.training.datasets import make_data
from core.training.fast import FastGroup, FastRacer
from core.training.live_series import ema_step
from core.training.losses import LOSSES, accuracy
from core.messages.training_engine import MSG
from core.text import said, shown
from core.training.model import build_model
from core.training.optimizers import OPTIMIZERS
from core.training.plain import PlainRacer


@dataclass(frozen=True)
class Evaluation:
    """A racer's loss and accuracy on the whole train and test sets (accuracy None for regression)."""

    train_loss: float
    train_accuracy: float | None
    test_loss: float
    test_accuracy: float | None


@dataclass(frozen=True)
class StepRecord:
    """What one step of the race produced; lists hold one entry per racer, in the race's order."""

    step: int  # steps done so far (1 after the first)
    train_loss: list[float | None]  # the batch loss before this step; None where the racer did not step
    function_evals: list[int]  # forward-and-backward passes so far (LBFGS makes several per step)
    seconds: list[float]  # wall time so far; the fast path's shared pass is split evenly among its racers
    evaluations: list[Evaluation | None] | None = None  # every eval_every steps and after the last step
    events: list[str] = field(default_factory=list)  # e.g. "Adam lr=10 diverged at step 3 ..."


@dataclass
class RacerState:
    """A racer during the race: where it runs, how far it got, and why it stopped."""

    racer: Racer
    status: str  # "running", "finished", "diverged" or "cannot_run"
    path: str = ""  # "fast" or "plain" ("" when it cannot run)
    note: str = ""  # why this path, or why it cannot run, in the race's language
    runner: FastRacer | PlainRacer | None = None
    steps: int = 0
    seconds: float = 0.0
    losses: list[float] = field(default_factory=list)  # the batch loss of each step it took
    # their moving average (live_series.ema), kept as they come: the live chart sends it every tick, and working it
    # out anew each time took 26 ms a tick for 16 racers at step 2,000
    smoothed: list[float | None] = field(default_factory=list)
    running: float = 0.0  # the average's running sum
    changes: list[tuple[int, str]] = field(default_factory=list)  # (steps done then, e.g. "lr 0.1→0.5")

    @property
    def name(self) -> str:
        return self.racer.name()

    @property
    def function_evals(self) -> int:
        return self.runner.function_evals if self.runner else 0

    @property
    def optimizer(self) -> torch.optim.Optimizer | None:
        return self.runner.optimizer if self.runner else None


class Race:
    """Trains every racer for config.steps steps, one step() at a time."""

    def __init__(self, config: RaceConfig, racers: list[Racer], lang: str = "en", fast: bool = True):
        problems = config_problems(config, racers, lang)
        if problems:
            raise ValueError("\n".join(problems))
        self.config, self.lang = config, lang
        self.data = make_data(config.dataset, config.n_points, config.noise_value, config.test_fraction,
                              config.data_seed)
        self.task = self.data.spec.task
        self.loss_spec = LOSSES[config.loss]
        self.loss = self.loss_spec.module()
        self.template = self._new_model(sparse=True, generator=torch.Generator().manual_seed(config.init_seed))
        self.initial = parameters_to_vector(self.template.parameters()).detach()  # (P,) every racer starts here
        self.batches = batch_order(len(self.data.x_train), config.batch_size, config.steps, config.batch_seed)
        self.group = FastGroup(self.template, self.loss_spec) if self.task != "sparse" else None
        self.fast = fast
        self.racers = [self._enter(racer) for racer in racers]
        self.step_count = 0
        self.history: list[StepRecord] = []
        self.callbacks: list[Callable[["Race", StepRecord], None]] = []
        # bumped when a racer joins, leaves or starts over: the past changed, so a chart that only appends new
        # points must send everything again
        self.rewrites = 0

    # --- setting up -------------------------------------------------------------------------------------------
    def _new_model(self, sparse: bool, generator=None):
        """A model of the race's shape; its weights are the race's initial ones unless a generator draws new ones."""
        model = build_model(self.data.spec, self.config, self.loss_spec.sigmoid_output, sparse,
                            generator or torch.Generator())
        if generator is None:
            vector_to_parameters(self.initial.clone(), model.parameters())
        return model

    def _enter(self, racer: Racer) -> RacerState:
        """The racer's state at the start line: its own copy of the initial weights and its own optimizer."""
        spec = OPTIMIZERS[racer.optimizer]
        if spec.sparse == "only" and self.task != "sparse":
            return RacerState(racer, "cannot_run", note=MSG["trainer_sparse_only"](self.lang))
        not_matrices = [f"{n} {tuple(p.shape)}" for n, p in self.template.named_parameters() if p.dim() != 2]
        if spec.matrices_only and not_matrices:
            return RacerState(racer, "cannot_run", note=MSG["trainer_matrices_only"](
                self.lang, optimizer=racer.optimizer, params=", ".join(not_matrices)))
        try:
            if self.fast and spec.fast and self.group is not None:
                flat = self.initial.clone().requires_grad_()  # (P,)
                runner = FastRacer(flat, spec.build([flat], racer.hyper, foreach_off=True))
                return RacerState(racer, "running", "fast", MSG["trainer_path_fast"](self.lang), runner)
            model = self._new_model(sparse=spec.sparse != "no")
            runner = PlainRacer(model, spec.build(model.parameters(), racer.hyper), self.loss, spec.closure)
        except (ValueError, TypeError, RuntimeError) as exc:  # torch's own checks of the hyper-parameters
            key = "trainer_own_refused" if spec.own else "trainer_torch_refused"
            return RacerState(racer, "cannot_run", note=MSG[key](self.lang, optimizer=racer.optimizer, error=said(exc)))
        note = MSG["trainer_path_plain"](self.lang)
        if spec.closure:
            note = MSG["trainer_path_plain_closure"](self.lang)
        elif self.task == "sparse":
            note = MSG["trainer_path_plain_sparse"](self.lang)
            if spec.sparse == "no":
                note += ". " + MSG["trainer_dense_embedding"](self.lang, optimizer=racer.optimizer)
        return RacerState(racer, "running", "plain", note, runner)

    # --- stepping ---------------------------------------------------------------------------------------------
    @property
    def done(self) -> bool:
        return self.step_count >= self.config.steps or not any(s.status == "running" for s in self.racers)

    def add_callback(self, callback: Callable[["Race", StepRecord], None]) -> None:
        """Call callback(race, record) after every step."""
        self.callbacks.append(callback)

    def step(self) -> StepRecord | None:
        """One step for every running racer on the next batch; None once the race is over."""
        if self.done:
            return None
        rows = self.batches[self.step_count]
        x, y = self.data.x_train[rows], self.data.y_train[rows]  # (B, in), (B, 1) or (B,)
        losses: list[float | None] = [None] * len(self.racers)
        events: list[str | None] = []
        fast = [i for i, s in enumerate(self.racers) if s.status == "running" and s.path == "fast"]
        if fast:
            start = time.perf_counter()
            values = self.group.backward([self.racers[i].runner for i in fast], x, y)
            shared = (time.perf_counter() - start) / len(fast)
            for i, value in zip(fast, values):
                state, start = self.racers[i], time.perf_counter()
                losses[i] = self._guarded(state, lambda: self.group.step(state.runner, value), events)
                state.seconds += shared + time.perf_counter() - start
        for i, state in enumerate(self.racers):
            if state.status == "running" and state.path == "plain":
                start = time.perf_counter()
                losses[i] = self._guarded(state, lambda: state.runner.step(x, y), events)
                state.seconds += time.perf_counter() - start
        self.step_count += 1
        events += [self._account(state, loss, self.step_count) for state, loss in zip(self.racers, losses)
                   if loss is not None]
        every = self.config.eval_every
        evaluations = self.evaluate() if self.done or (every and self.step_count % every == 0) else None
        record = StepRecord(self.step_count, losses, [s.function_evals for s in self.racers],
                            [s.seconds for s in self.racers], evaluations, [e for e in events if e])
        self.history.append(record)
        for callback in self.callbacks:
            callback(self, record)
        return record

    def _guarded(self, state: RacerState, step: Callable[[], float], events: list) -> float | None:
        """The loss step() returns; an error torch raises mid-run stops this racer (not the race) with torch's
        words, which also go to `events`."""
        try:
            return step()
        except (RuntimeError, ValueError) as exc:
            spec = OPTIMIZERS[state.racer.optimizer]
            key = "trainer_own_refused" if spec.own else "trainer_torch_refused"
            state.status, state.note = "cannot_run", MSG[key](self.lang, optimizer=spec.name, error=said(exc))
            events.append(state.note)
            return None

    def _account(self, state: RacerState, loss: float, step: int) -> str | None:
        """Book the loss of step `step`; a nan or inf loss stops the racer and returns the divergence message."""
        state.losses.append(loss)
        state.running, average = ema_step(state.running, len(state.losses), loss)
        state.smoothed.append(average)
        if not math.isfinite(loss):
            state.status = "diverged"
            lr_name = OPTIMIZERS[state.racer.optimizer].lr_name
            state.note = MSG["trainer_diverged"](self.lang, racer=state.name, step=step, value=loss, lr=lr_name)
            return state.note
        state.steps += 1
        if step >= self.config.steps:
            state.status = "finished"
        return None

    def run(self, steps: int | None = None) -> Iterator[StepRecord]:
        """Yield one record per step, up to `steps` more steps (all the remaining ones when None)."""
        taken = 0
        while not self.done and (steps is None or taken < steps):
            taken += 1
            yield self.step()

    # --- editing the field mid-race ----------------------------------------------------------------------------
    def change(self, index: int, racer: Racer, budget: int = MAX_CATCH_UP_PASSES) -> str | None:
        """Racer `index` goes on with `racer`'s settings from the next step, as a torch loop that sets
        optimizer.param_groups at that step would; a setting torch reads only when it creates the state
        (Hyper.state_bound, e.g. amsgrad) gets a new optimizer over the current weights instead. The change is
        recorded in `changes`. Torch's own check of the values runs first: a refused value changes nothing and
        comes back as a message. Another optimizer, no step taken yet, or a racer with nothing to go on from
        (diverged, or refused) starts over from step 0 and catches up within `budget` passes (see join)."""
        state = self.racers[index]
        old, new = state.racer.values(), racer.values()
        if racer.optimizer != state.racer.optimizer or not self.step_count or state.runner is None \
                or state.status == "diverged":
            if racer.optimizer == state.racer.optimizer and old == new:  # a racer that cannot run, same settings
                state.racer = racer
                return None
            self.remove(index)
            return self.join(racer, index, budget)
        changed = [name for name in new if new[name] != old[name]]
        if not changed:  # the same settings, perhaps another label
            state.racer = racer
            return None
        spec = OPTIMIZERS[racer.optimizer]
        try:
            spec.build([torch.zeros(1, 1, requires_grad=True)], racer.hyper)  # (1, 1): Muon takes only matrices
        except (ValueError, TypeError) as exc:
            key = "trainer_own_refused" if spec.own else "trainer_torch_refused"
            return MSG[key](self.lang, optimizer=spec.name, error=said(exc))
        state.racer = racer
        what = ", ".join(f"{name} {dump_value(old[name])}→{dump_value(new[name])}" for name in changed)
        if any(spec.hyper(name).state_bound for name in changed):
            params = [state.runner.flat] if state.path == "fast" else state.runner.model.parameters()
            state.runner.optimizer = spec.build(params, racer.hyper, foreach_off=state.path == "fast")
            what = MSG["trainer_change_new_optimizer"](self.lang, what=what)
        else:
            for group in state.optimizer.param_groups:
                group.update({name: new[name] for name in changed})
        state.changes.append((self.step_count, what))
        return None

    def catch_up_cost(self, racer: Racer) -> int:
        """The forward-and-backward passes `racer` would take to catch up with the race (LBFGS: up to max_iter a
        step)."""
        per_step = racer.values()["max_iter"] if OPTIMIZERS[racer.optimizer].closure else 1
        return self.step_count * per_step

    def join(self, racer: Racer, index: int | None = None, budget: int = MAX_CATCH_UP_PASSES) -> str | None:
        """Enter `racer` at `index` (last by default) from the race's initial weights at step 0; it then runs,
        alone, every step the others took, on the same batches, so it stands where it would had it raced from the
        start (history and evaluations included). None when it joined; the reason when it cannot run, for
        instance when catching up would cost more than `budget` forward-and-backward passes (one edit that adds
        several racers shares one budget: see core/training/race_edits.py)."""
        index = len(self.racers) if index is None else index
        if self.catch_up_cost(racer) > budget:
            state = RacerState(racer, "cannot_run", note=MSG["trainer_cannot_catch_up"](
                self.lang, racer=shown(racer.name()), step=self.step_count, passes=self.catch_up_cost(racer),
                high=budget))
        else:
            state = self._enter(racer)
        self.racers.insert(index, state)
        for record in self.history:  # its place in every record, filled in below as it catches up
            record.train_loss.insert(index, None)
            record.function_evals.insert(index, 0)
            record.seconds.insert(index, 0.0)
            if record.evaluations is not None:
                record.evaluations.insert(index, None)
        self.rewrites += 1
        for record in self.history:
            if state.status != "running":
                break
            rows = self.batches[record.step - 1]
            x, y = self.data.x_train[rows], self.data.y_train[rows]  # (B, in), (B, 1) or (B,)
            loss = self._step_alone(state, x, y, record.events)
            record.train_loss[index] = loss
            record.function_evals[index], record.seconds[index] = state.function_evals, state.seconds
            if loss is not None:
                event = self._account(state, loss, record.step)
                record.events.extend([event] if event else [])
            if record.evaluations is not None:
                record.evaluations[index] = self.evaluate(only=index)[index]
        return state.note if state.status == "cannot_run" else None

    def _step_alone(self, state: RacerState, x: torch.Tensor, y: torch.Tensor, events: list) -> float | None:
        """One step of one racer on (x, y), as step() would take it (a fast racer in a group of one)."""
        start = time.perf_counter()
        if state.path == "fast":
            step = lambda: self.group.step(state.runner, self.group.backward([state.runner], x, y)[0])  # noqa: E731
            loss = self._guarded(state, step, events)
        else:
            loss = self._guarded(state, lambda: state.runner.step(x, y), events)
        state.seconds += time.perf_counter() - start
        return loss

    def remove(self, index: int) -> None:
        """Take racer `index` out of the race and out of every record; the others go on untouched."""
        del self.racers[index]
        for record in self.history:
            del record.train_loss[index], record.function_evals[index], record.seconds[index]
            if record.evaluations is not None:
                del record.evaluations[index]
        self.rewrites += 1

    def set_steps(self, steps: int) -> bool:
        """A new budget for the race under way: taken when it is not below the steps already done (finished racers
        run on when it grows); False when it is, and nothing changes."""
        if steps < self.step_count:
            return False
        self.config = replace(self.config, steps=steps)
        self.batches = batch_order(len(self.data.x_train), self.config.batch_size, steps, self.config.batch_seed)
        for state in self.racers:
            if state.status in ("running", "finished"):
                state.status = "finished" if self.step_count >= steps else "running"
        return True

    @property
    def changes(self) -> list[tuple[int, int, str]]:
        """Every mid-race change of settings, in step order: (steps done then, racer index, e.g. "lr 0.1→0.5")."""
        return sorted((step, index, text) for index, state in enumerate(self.racers) for step, text in state.changes)

    # --- looking at the racers --------------------------------------------------------------------------------
    @property
    def param_names(self) -> list[str]:
        """The model's parameter names, as named_parameters() gives them."""
        return [name for name, _ in self.template.named_parameters()]

    def model(self, index: int) -> torch.nn.Module:
        """Racer `index`'s model with its current weights (a copy for a fast racer, the racer's own otherwise)."""
        state = self.racers[index]
        if state.path == "plain":
            return state.runner.model
        model = copy.deepcopy(self.template)
        if state.path == "fast":
            vector_to_parameters(state.runner.flat.detach().clone(), model.parameters())
        return model

    def outputs(self, index: int, x: torch.Tensor) -> torch.Tensor:
        """Racer `index`'s model outputs for x, without gradients: (N, out)."""
        with torch.no_grad():
            return self.model(index)(x)

    def evaluate(self, only: int | None = None) -> list[Evaluation | None]:
        """Every racer's loss and accuracy on the whole train and test sets now (None for a racer that cannot
        run or has diverged; with `only`, for every racer but that one too). Fast racers are evaluated together in
        one batched forward pass."""
        alive = [i for i, s in enumerate(self.racers) if s.status in ("running", "finished") and only in (None, i)]
        fast = [i for i in alive if self.racers[i].path == "fast"]
        scores = {i: [] for i in alive}
        for x, y in ((self.data.x_train, self.data.y_train), (self.data.x_test, self.data.y_test)):
            outputs = {i: self.outputs(i, x) for i in alive if i not in fast}  # (N, out) each
            if fast:
                outputs.update(zip(fast, self.group.outputs([self.racers[i].runner for i in fast], x)))
            for i, output in outputs.items():
                scores[i] += [self.loss(output, y).item(), accuracy(output, y, self.loss_spec, self.task)]
        return [Evaluation(*scores[i]) if i in scores else None for i in range(len(self.racers))]
