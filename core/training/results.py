"""The race's results as a table: one row per racer."""

import pandas as pd

from core.messages.training_engine import MSG

COLUMNS = ("racer", "optimizer", "status", "steps", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
           "function_evals", "time", "path")


def results_table(race, lang: str = "en") -> pd.DataFrame:
    """Final train / test loss and accuracy on the whole sets, steps taken, function evaluations and wall time per
    racer; column headers in the user's language. A racer that diverged or cannot run has empty scores."""
    rows = []
    for state, evaluation in zip(race.racers, race.evaluate()):
        scores = (evaluation.train_loss, evaluation.train_accuracy, evaluation.test_loss,
                  evaluation.test_accuracy) if evaluation else (None,) * 4
        path = MSG[f"trainer_path_{state.path}_short"](lang) if state.path else ""
        rows.append((state.name, state.racer.optimizer, MSG[f"trainer_status_{state.status}"](lang), state.steps,
                     *scores, state.function_evals, round(state.seconds, 4), path))
    headers = [MSG[f"trainer_col_{column}"](lang) for column in COLUMNS]
    return pd.DataFrame(rows, columns=headers)
