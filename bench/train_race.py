"""How much faster is the race's fast path than training each optimizer's model in turn, and how far apart are
their losses?

Six optimizers train the same MLP on the same batches for 500 steps, once through the race's fast path (one shared
forward and backward pass, one optimizer step per racer) and once as a plain loop per optimizer (train_alone). The
two are timed alternately `repeats` times and the best time of each is kept, so machine noise hits both alike.
Prints the speed ratio and the largest loss difference over the first 50 steps and over all of them.

    python bench/train_race.py [--steps 500] [--repeats 3] [--threads 1]

Threads: every tensor here is tiny, so torch's intra-op threads buy nothing. On an idle 2-core machine 1 and 2
threads gave the same ratio (about 3.6x); on a busy one (load 4-5) 2 threads slowed the fast path 2-3x and the plain
loop less (ratio 1.3x against 2.4x single-threaded): idle OpenMP workers spin after each parallel region and starve
the main thread. So the bench runs single-threaded unless told otherwise (--threads 0 keeps torch's default).
"""

import argparse
from pathlib import Path
import sys
import time

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.training.config import RaceConfig, Racer  # noqa: E402
from core.training.plain import train_alone  # noqa: E402
from core.training.race import Race  # noqa: E402

RACERS = [Racer("SGD", {"momentum": 0.9}), Racer("Adagrad"), Racer("RMSprop"), Racer("Adam"), Racer("NAdam"),
          Racer("RAdam")]


def fast_run(config: RaceConfig) -> tuple[float, list[list[float]]]:
    start = time.perf_counter()
    race = Race(config, RACERS)
    for _ in race.run():
        pass
    return time.perf_counter() - start, [state.losses for state in race.racers]


def plain_run(config: RaceConfig) -> tuple[float, list[list[float]]]:
    start = time.perf_counter()
    losses = [train_alone(config, racer) for racer in RACERS]
    return time.perf_counter() - start, losses


def largest_difference(a: list[list[float]], b: list[list[float]], steps: int) -> float:
    return max(abs(x - y) for one, other in zip(a, b) for x, y in zip(one[:steps], other[:steps]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (0: torch's default)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    config = RaceConfig(dataset="moons", n_points=400, hidden_layers=2, width=16, batch_size=32, steps=args.steps,
                        eval_every=0)
    fast_times, plain_times = [], []
    for _ in range(args.repeats):
        seconds, fast_losses = fast_run(config)
        fast_times.append(seconds)
        seconds, plain_losses = plain_run(config)
        plain_times.append(seconds)
    fast, plain = min(fast_times), min(plain_times)
    print(f"{len(RACERS)} optimizers x {args.steps} steps, torch threads: {torch.get_num_threads()}")
    print(f"plain loop (each optimizer in turn): {plain:6.2f} s")
    print(f"fast path (one pass for all):        {fast:6.2f} s")
    print(f"speed ratio plain / fast: {plain / fast:.2f}x")
    print(f"largest loss difference, first 50 steps: {largest_difference(fast_losses, plain_losses, 50):.2e}")
    print(f"largest loss difference, all {args.steps} steps: "
          f"{largest_difference(fast_losses, plain_losses, args.steps):.2e}")


if __name__ == "__main__":
    main()
