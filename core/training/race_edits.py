"""Bringing a race under way in line with the racers a page lists now, without restarting it.

The page's racers text is the one source of truth; between two runs the user may have changed a setting in a panel,
added a racer, removed one, or edited the text freely. follow() lines the race's racers up with the listed ones
(difflib's longest matching runs, so a removed racer in the middle leaves only itself) and turns each difference into
one edit of the race: Race.change, Race.join or Race.remove. The racers that join (or start over) in one edit share
one budget of catch-up passes, so an edit that adds many racers to a long race cannot hold the page up.
"""

from difflib import SequenceMatcher

from core.messages.training_engine import MSG
from core.text import shown
from core.training.config import MAX_CATCH_UP_PASSES, Racer, dump_value
from core.training.optimizers import OPTIMIZERS


def _identity(racer: Racer) -> tuple:
    """What makes two racers the same contestant: the optimizer and every setting (not the label)."""
    return racer.optimizer, tuple(sorted((name, dump_value(value)) for name, value in racer.values().items()))


def _blocks(old: list[Racer], new: list[Racer]) -> list[tuple[str, int, int, int, int]]:
    """How `old` became `new`, as difflib opcodes over the racers: "equal" (the same settings), "change" (the same
    optimizers at matching places, other settings) or "swap" (racers that left and racers that came)."""
    blocks = []
    outer = SequenceMatcher(None, [_identity(r) for r in old], [_identity(r) for r in new], autojunk=False)
    for tag, old_start, old_end, new_start, new_end in outer.get_opcodes():
        if tag == "equal":
            blocks.append((tag, old_start, old_end, new_start, new_end))
            continue
        inner = SequenceMatcher(None, [r.optimizer for r in old[old_start:old_end]],
                                [r.optimizer for r in new[new_start:new_end]], autojunk=False)
        blocks += [("change" if kind == "equal" else "swap", old_start + a, old_start + b, new_start + c, new_start + d)
                   for kind, a, b, c, d in inner.get_opcodes()]
    return blocks


def follow(race, racers: list[Racer]) -> list[tuple[str, str]]:
    """Edit `race` so that its racers are `racers`, in order: a racer no longer listed leaves, a new one joins at its
    place and catches up, one whose settings changed goes on with the new ones from the next step. Returns
    (level, message) pairs for the page: "info" for what happened mid-race, "warning" for what could not be done."""
    said: list[tuple[str, str]] = []
    budget = [MAX_CATCH_UP_PASSES]  # catch-up passes left for this edit, spent by each racer that joins
    # from the last block back, so the indices of the blocks before stay valid; each block's messages go in front
    for kind, old_start, old_end, new_start, new_end in reversed(_blocks([s.racer for s in race.racers], racers)):
        if kind == "swap":
            for old in reversed(range(old_start, old_end)):
                race.remove(old)
            said[:0] = [_joined(race, racers[new], old_start + offset, budget)
                        for offset, new in enumerate(range(new_start, new_end))]
            continue
        said[:0] = [_changed(race, old, racers[new], budget)  # "equal": the label may differ
                    for old, new in zip(range(old_start, old_end), range(new_start, new_end))]
    return [entry for entry in said if entry]


def _spend(race, index: int, budget: list[int]) -> None:
    """Take what racer `index` cost to catch up (if it runs) from the edit's budget."""
    state = race.racers[index]
    if state.status != "cannot_run":
        budget[0] -= race.catch_up_cost(state.racer)


def _joined(race, racer: Racer, index: int, budget: list[int]) -> tuple[str, str] | None:
    problem = race.join(racer, index, budget[0])
    _spend(race, index, budget)
    if problem:
        return "warning", problem
    if race.step_count:
        return "info", MSG["trainer_joined"](race.lang, racer=shown(racer.name()), step=race.step_count)
    return None


def _changed(race, index: int, racer: Racer, budget: list[int]) -> tuple[str, str] | None:
    state = race.racers[index]
    old, new = state.racer.values(), racer.values()
    if racer.optimizer == state.racer.optimizer and old == new:
        race.change(index, racer)  # the label only
        return None
    starts_over = racer.optimizer != state.racer.optimizer or state.runner is None or state.status == "diverged"
    problem = race.change(index, racer, budget[0])
    if starts_over:
        _spend(race, index, budget)
    if problem:
        return "warning", problem
    if not race.step_count:
        return None
    if starts_over:
        return "info", MSG["trainer_joined"](race.lang, racer=shown(racer.name()), step=race.step_count)
    step, what = race.racers[index].changes[-1]
    message = MSG["trainer_changed_mid_race"](race.lang, racer=shown(racer.name()), what=shown(what), step=step + 1)
    spec = OPTIMIZERS[racer.optimizer]
    bound = [name for name in new if new[name] != old[name] and spec.hyper(name).state_bound]
    if bound:
        message += " " + MSG["trainer_new_optimizer_why"](race.lang, names=", ".join(bound))
    return "info", message
