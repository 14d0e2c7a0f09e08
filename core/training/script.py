"""A runnable training script for one racer: plain torch, the same data, weights, batches and optimizer as the race.

The dataset maker, the model class and (for FTRL) the optimizer are copied from the engine's own source, so the
script is the code that ran, not a retelling of it. Run on its own, its first losses equal the race's.
"""

import inspect
import math

from core import private_init
from core.training import datasets, ftrl, model
from core.training.config import Racer, RaceConfig
from core.training.datasets import DATASETS
from core.messages.training_engine import MSG
from core.training.losses import LOSSES
from core.training.optimizers import OPTIMIZERS
from core.training.plain import PlainRun

PRINT_FIRST = 10  # the script prints the loss of each of its first steps ...
PRINT_EVERY = 50  # ... and then every this many steps


def _prediction(loss: str) -> str | None:
    """The expression that turns outputs into predicted labels, or None for regression losses."""
    spec = LOSSES[loss]
    if spec.class_targets:
        return "output.argmax(dim=1)"
    if "binary" in spec.tasks:
        return f"(output > {0.5 if spec.sigmoid_output else 0}).float()"
    return None


def _model_source(config: RaceConfig, racer: Racer) -> tuple[list[str], str]:
    """The definitions the model needs and the line that builds it."""
    dataset, loss = DATASETS[config.dataset], LOSSES[config.loss]
    if dataset.task == "sparse":
        sparse = OPTIMIZERS[racer.optimizer].sparse != "no"
        return [inspect.getsource(model.IdLogistic)], (
            f"model = IdLogistic(num_ids={dataset.num_ids}, sparse={sparse}, sigmoid_output={loss.sigmoid_output})"
        )
    return [inspect.getsource(private_init.reset_parameters_), inspect.getsource(model.MLP)], (
        f"model = MLP(in_features={dataset.in_features}, out_features={dataset.out_features}, "
        f"hidden_layers={config.hidden_layers}, width={config.width}, activation={config.activation!r},\n"
        f"            sigmoid_output={loss.sigmoid_output}, "
        f"generator=torch.Generator().manual_seed({config.init_seed}))"
    )


def _step_source(closure: bool) -> str:
    if closure:
        return (
            "        def closure():  # LBFGS re-evaluates the loss several times per step\n"
            "            optimizer.zero_grad()\n"
            "            loss = loss_fn(model(xb), yb)\n"
            "            loss.backward()\n"
            "            return loss\n"
            "\n"
            "        loss = optimizer.step(closure)  # the loss before the step\n"
        )
    return (
        "        optimizer.zero_grad()\n"
        "        loss = loss_fn(model(xb), yb)\n"
        "        loss.backward()\n"
        "        optimizer.step()\n"
    )


def changes_text(changes: list[tuple[int, str]], lang: str) -> str:
    """A racer's mid-race changes ((steps done then, what) pairs) in a few words: "from step 41: lr 0.1→0.5"."""
    return "; ".join(MSG["trainer_script_change_at"](lang, step=step + 1, what=what) for step, what in changes)


def training_script(config: RaceConfig, racer: Racer, changes: list[tuple[int, str]] = (),
                    lang: str = "en") -> str:
    """A complete script that trains `racer` as the race does and prints its losses and final scores. `changes`,
    the racer's mid-race changes (RacerState.changes), are named in a comment: the script uses the last settings
    throughout."""
    dataset, optimizer = DATASETS[config.dataset], OPTIMIZERS[racer.optimizer]
    definitions, build_model = _model_source(config, racer)
    definitions = [inspect.getsource(dataset.make), inspect.getsource(datasets.split), *definitions]
    if optimizer.own:
        definitions += [inspect.getsource(ftrl.ftrl_update), inspect.getsource(ftrl.FTRL)]
    prediction = _prediction(config.loss)
    report = ["    for name, x, y in ((\"train\", x_train, y_train), (\"test\", x_test, y_test)):",
              "        output = model(x)"]
    if prediction:
        report += [f"        accuracy = ({prediction} == y).float().mean().item()",
                   "        print(f\"{name} loss {loss_fn(output, y).item():.6f}  accuracy {accuracy:.4f}\")"]
    else:
        report += ["        print(f\"{name} loss {loss_fn(output, y).item():.6f}\")"]
    lines = [
        f'"""Train {racer.name()} on the {dataset.name} dataset, as the Tensor Playground race does."""',
        *([f"# {MSG['trainer_script_changed_comment'](lang, changes=changes_text(changes, lang))}"] if changes else []),
        *(["import math", ""] if any("math." in d for d in definitions) else []),
        "import torch",
        "from torch import nn",
        "from torch.utils.data import DataLoader, TensorDataset",
        "",
        "",
        "\n\n".join(d.rstrip() + "\n" for d in definitions),
        "",
        f"data_generator = torch.Generator().manual_seed({config.data_seed})",
        f"x, y = {dataset.make.__name__}({config.n_points}, {config.noise_value!r}, data_generator)",
        f"x_train, y_train, x_test, y_test = split(x, y, {config.test_fraction!r}, data_generator)",
        "",
        build_model,
        f"loss_fn = nn.{config.loss}()",
        f"optimizer = {optimizer.call_source(racer.hyper)}",
        f"loader = DataLoader(TensorDataset(x_train, y_train), batch_size={config.batch_size}, shuffle=True,",
        f"                    generator=torch.Generator().manual_seed({config.batch_seed}))",
        "",
        "step = 0",
        f"while step < {config.steps}:",
        "    for xb, yb in loader:  # a new shuffle each epoch",
        _step_source(optimizer.closure).rstrip("\n"),
        "        step += 1",
        f"        if step <= {PRINT_FIRST} or step % {PRINT_EVERY} == 0:",
        "            print(f\"step {step:4d}  loss {loss.item():.6f}\")",
        f"        if step == {config.steps}:",
        "            break",
        "",
        "with torch.no_grad():",
        *report,
    ]
    return "\n".join(lines) + "\n"


def _printed(losses: list[float], scores) -> str:
    """The script's output for these batch losses and final (name, loss, accuracy) scores."""
    lines = [f"step {step:4d}  loss {loss:.6f}" for step, loss in enumerate(losses, start=1)
             if step <= PRINT_FIRST or step % PRINT_EVERY == 0]
    for name, loss, accuracy in scores:
        lines.append(f"{name} loss {loss:.6f}" + ("" if accuracy is None else f"  accuracy {accuracy:.4f}"))
    return "\n".join(lines) + "\n"


def script_printed(race, index: int) -> str:
    """What training_script would print for racer `index` of a finished race, written from the race's own numbers:
    the script's exact output when the racer ran on the plain path with the same settings throughout (script_run_needed
    is False); otherwise see script_output."""
    state, evaluation = race.racers[index], race.evaluate()[index]
    return _printed(state.losses, (("train", evaluation.train_loss, evaluation.train_accuracy),
                                   ("test", evaluation.test_loss, evaluation.test_accuracy)))


def script_run_needed(state) -> bool:
    """Whether the race's numbers for this RacerState differ from the script's: a fast-path racer's matmuls add in
    another order (see core.training.fast), and settings changed mid-race are ones the script uses from step 1."""
    return state.path == "fast" or bool(state.changes)


def script_output(run: PlainRun) -> str:
    """What training_script really prints: the script's own loop, run to the end (run.done) by a PlainRun with
    the same config and racer. No code is executed: the script is that loop written out."""
    return _printed(run.losses, run.scores())


def drift_note(race, index: int, run: PlainRun | None, lang: str) -> str:
    """How the race's numbers for racer `index` compare with what the script prints (run: its finished PlainRun,
    None when script_run_needed is False)."""
    state = race.racers[index]
    if run is None:
        return MSG["trainer_script_same"](lang)
    pairs = list(zip(state.losses, run.losses))
    drift = max((abs(a - b) if math.isfinite(a - b) else math.inf for a, b in pairs), default=0.0)
    ours, theirs = script_printed(race, index).splitlines(), script_output(run).splitlines()
    fields = dict(drift=f"{drift:.1e}", steps=len(pairs), lines=sum(a != b for a, b in zip(ours, theirs)),
                  total=len(theirs))
    if state.changes:
        return MSG["trainer_script_changed"](lang, changes=changes_text(state.changes, lang), **fields)
    return MSG["trainer_script_drift"](lang, **fields)
