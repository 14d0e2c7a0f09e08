"""How many sessions does one server hold? N concurrent sessions, some racing in the Training lab, the rest editing
the Tensor ops page, against one `streamlit run app.py` this script starts (or any base URL, e.g. replicas behind a
load balancer).

Each session speaks Streamlit's websocket protocol as the browser does (bench/load_client.py): a page load, then
widget changes, each waiting for its run to finish; racing sessions press Play on /training_lab and follow the
fragments' auto-reruns as the frontend does, pressing Reset and Play again when a race ends. No browser is drawn, so
the two cores measure the server, not twenty Chromium tabs. For each N it prints the ops edits' p50/p95 latency,
exceptions drawn and timeouts, the racers' training steps per second, and the server's RSS: idle before the sessions
open, per session and total (the highest seen) while they are open, and after they close, read once Streamlit has let
them go (it keeps a closed session `server.disconnectedSessionTTL` seconds, 120 by default, for a reconnect; the bench
reads memory 15 s past that). The server's log is captured in a file: the bench counts its warning lines instead.

    python3 bench/load.py                               # N = 1, 5, 10, 20, a fifth of them racing
    python3 bench/load.py --sizes 20 --seconds 60
    python3 bench/load.py --replicas-url http://127.0.0.1:8080 [--pids 123,456]   # an existing server or balancer
    python3 bench/load.py --server-env MALLOC_ARENA_MAX=2 --session-ttl 10        # knobs for the started server only

The goal on a 2-core machine: 20 sessions (4 racing) with ops p95 < 1 s, no error, memory back within 10% of idle.
"""

import argparse
import asyncio
import os
from pathlib import Path
import random
import time

from streamlit.proto.WidgetStates_pb2 import WidgetState

from load_client import AppSession, Timeout
from load_server import cpu_seconds_of, memory_of, served, streamlit_warnings
from load_stats import SizeResult, format_table

ROOT = Path(__file__).resolve().parent.parent
# The ops users start on and switch between these: a fixed set the warm-up visits, so each size pays for the same
# work and not for an op's first use in the process (its first run costs up to ~2 s of CPU; later ones ~70 ms).
OPS = ("sum", "gather", "softmax", "cat", "reshape", "matmul", "mean", "cumsum")
THINK_SECONDS = "2,6"  # a learner's pause between two edits: reading the heatmaps, the shape rule and the code
STREAMLIT_TTL = 120  # server.disconnectedSessionTTL's default
RELEASE_GRACE = 15  # seconds past the TTL before memory is read again


class Tally:
    """What the sessions of one size saw."""

    def __init__(self):
        self.latencies: list[float] = []
        self.timeouts = 0
        self.race_steps: list[float] = []  # steps per second, one per racing session
        self.sessions: list[AppSession] = []

    @property
    def exceptions(self) -> list[str]:
        return [e for s in self.sessions for e in s.exceptions]


def _edit(session: AppSession, rng: random.Random, op_labels: list[str]) -> WidgetState | None:
    """A user's next edit on the ops page: another op (one of `op_labels`), another `dim`, or another size of an
    input (first opening an input's shape popover: its size boxes are drawn only while it is open)."""
    op = session.widget("op")
    dims = [w for wid, w in session.widgets.items() if w[0] == "radio" and wid.endswith(".dim")]
    sizes = [w for wid, w in session.widgets.items() if w[0] == "number_input" and "-size." in wid]
    choice = rng.choice(["op", "dim", "dim", "size", "size"])
    if choice == "dim" and dims:
        radio = dims[0][1]
        return WidgetState(id=radio.id, string_value=rng.choice([o for i, o in enumerate(radio.options) if i != radio.default]))
    shut = [w for wid, w in session.widgets.items() if w[0] == "popover" and not w[1].open]
    if choice == "size" and not sizes and shut:
        return WidgetState(id=rng.choice(shut)[1].id, bool_value=True)
    if choice == "size" and sizes:
        box = rng.choice(sizes)[1]
        high = int(box.max) if box.has_max else 4
        return WidgetState(id=box.id, double_value=float(rng.choice([v for v in range(1, min(high, 4) + 1) if v != box.default] or [1])))
    if op is None:
        return None
    return WidgetState(id=op[1].id, string_value=rng.choice(op_labels))


async def ops_user(session: AppSession, tally: Tally, start_op: str, op_labels: list[str], deadline: float,
                   rng: random.Random, think: tuple[float, float]) -> None:
    """Open the ops page on `start_op`, then edit until `deadline` with a pause in `think` (seconds) before each edit,
    timing each edit's run."""
    try:
        await session.load("tensor_ops", f"op={start_op}")
    except Timeout:
        tally.timeouts += 1
    while time.perf_counter() < deadline:
        await asyncio.sleep(rng.uniform(*think))
        edit = _edit(session, rng, op_labels)
        if edit is None:
            continue
        try:
            tally.latencies.append(await session.change(edit))
        except Timeout:
            tally.timeouts += 1


async def racer(session: AppSession, tally: Tally, deadline: float) -> None:
    """Open the Training lab, press Play, and keep a race running until `deadline` (Reset and Play when one ends)."""
    started = time.perf_counter()
    steps, last = 0, 0
    try:
        await session.load("training_lab")
    except Timeout:
        tally.timeouts += 1
    while time.perf_counter() < deadline:
        try:
            if not session.fragment_timers and session.widget_id("train.play"):  # not playing: just loaded, or the race ended
                if session.step_count():
                    await session.change(WidgetState(id=session.widget_id("train.reset"), trigger_value=True))
                await session.change(WidgetState(id=session.widget_id("train.play"), trigger_value=True))
                last = 0
        except Timeout:  # the press may still land: look again next time round
            tally.timeouts += 1
        await asyncio.sleep(0.5)
        now = session.step_count() or 0
        steps += max(now - last, 0)
        last = now
    tally.race_steps.append(steps / (time.perf_counter() - started))


async def sample_memory(pids: list[int], peak: list[int], stop: asyncio.Event) -> None:
    """Keep the highest RSS seen in peak[0] until `stop` is set."""
    while not stop.is_set():
        peak[0] = max(peak[0], memory_of(pids) or 0)
        await asyncio.sleep(0.5)


async def wait_for_release(pids: list[int], wait_seconds: float) -> tuple[int | None, float]:
    """The RSS once `wait_seconds` have passed since the sessions closed (Streamlit keeps a closed session for its
    TTL, in case the tab reconnects), and the seconds waited."""
    closed = time.perf_counter()
    await asyncio.sleep(wait_seconds)
    return memory_of(pids), time.perf_counter() - closed


async def run_size(base_url: str, pids: list[int], n: int, racing: int, op_labels: list[str], args) -> SizeResult:
    """N sessions, `racing` of them in the Training lab, for args.seconds; then close them and watch memory."""
    idle = memory_of(pids)
    tally = Tally()
    rng = random.Random(args.seed + n)  # the bench's own generator: the same edits each run
    started, cpu_before = time.perf_counter(), cpu_seconds_of(pids)
    deadline = started + args.seconds
    jobs = []
    for index in range(n):
        session = AppSession(base_url, args.timeout)
        tally.sessions.append(session)
        await session.open()
        if index < racing:
            jobs.append(racer(session, tally, deadline))
        else:
            jobs.append(ops_user(session, tally, OPS[index % len(OPS)], op_labels, deadline, random.Random(rng.random()), args.think))
    peak, stop = [idle or 0], asyncio.Event()
    sampler = asyncio.create_task(sample_memory(pids, peak, stop))
    await asyncio.gather(*jobs)
    stop.set()
    await sampler
    cpu_after = cpu_seconds_of(pids)
    server_cpu = None if cpu_before is None or cpu_after is None else (cpu_after - cpu_before) / (time.perf_counter() - started)
    for session in tally.sessions:
        await session.close()
    after, after_seconds = await wait_for_release(pids, (args.session_ttl or STREAMLIT_TTL) + RELEASE_GRACE) if pids else (None, 0.0)
    race_rate = sum(tally.race_steps) / len(tally.race_steps) if tally.race_steps else 0.0
    exceptions = tally.exceptions
    for message in sorted(set(exceptions))[:5]:
        print(f"  N={n} exception: {message}")
    return SizeResult(n, racing, tally.latencies, len(exceptions), tally.timeouts, race_rate, server_cpu, idle,
                      peak[0] if pids else None, after, after_seconds)


async def warm_up(base_url: str, args) -> list[str]:
    """Load each of OPS and the Training lab once, so no size pays for imports and first uses; returns the ops'
    labels as the op picker shows them."""
    session = AppSession(base_url, max(args.timeout, 120))
    await session.open()
    labels = []
    for name in OPS:
        await session.load("tensor_ops", f"op={name}")
        picker = session.widget("op")[1]
        labels.append(picker.options[picker.default])
    await session.load("training_lab")
    await session.close()
    return labels


async def bench(base_url: str, pids: list[int], args) -> list[SizeResult]:
    for _ in range(max(len(pids), 1) - 1):  # behind a balancer, new sessions go round-robin: warm every replica
        await warm_up(base_url, args)
    op_labels = await warm_up(base_url, args)
    results = []
    for n in args.sizes:
        racing = round(n * args.race_share)
        results.append(await run_size(base_url, pids, n, racing, op_labels, args))
        print(format_table(results[-1:]).splitlines()[-1] + f"   (load average {os.getloadavg()[0]:.1f})", flush=True)
    return results


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,5,10,20", type=lambda s: [int(n) for n in s.split(",")], help="session counts")
    parser.add_argument("--race-share", type=float, default=0.2, help="the share of sessions racing in the Training lab")
    parser.add_argument("--seconds", type=float, default=40, help="how long each size runs")
    parser.add_argument("--think", default=THINK_SECONDS, type=lambda s: tuple(float(t) for t in s.split(",")),
                        help="MIN,MAX seconds an ops user pauses before each edit (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=15, help="seconds a run may take before it counts as a timeout")
    parser.add_argument("--seed", type=int, default=0, help="seeds the edits the sessions make")
    parser.add_argument("--replicas-url", help="bench this base URL instead of starting a server")
    parser.add_argument("--pids", default="", type=lambda s: [int(p) for p in s.split(",") if p], help="server PIDs to read RSS from with --replicas-url")
    parser.add_argument("--app-dir", default=str(ROOT), help="the checkout whose app.py the started server runs")
    parser.add_argument("--session-ttl", type=int, help="server.disconnectedSessionTTL of the started server (default Streamlit's 120 s)")
    parser.add_argument("--server-env", action="append", default=[], metavar="KEY=VALUE", help="an environment variable for the started server only")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    print(f"load bench: sizes {args.sizes}, {args.race_share:.0%} racing, {args.seconds:.0f} s each, ops users pause "
          f"{args.think[0]:g}-{args.think[1]:g} s between edits, timeout {args.timeout:.0f} s, {os.cpu_count()} cores")
    if args.replicas_url:
        print(f"target: {args.replicas_url}" + ("" if args.pids else " (no --pids: memory not measured)"))
        results = asyncio.run(bench(args.replicas_url, args.pids, args))
        warnings, log = [], None
    else:
        env = dict(item.split("=", 1) for item in args.server_env)
        with served(Path(args.app_dir), env, args.session_ttl) as (base_url, pid, log):
            print(f"target: one server at {base_url} (pid {pid}, app {args.app_dir}, "
                  f"session TTL {args.session_ttl or STREAMLIT_TTL} s{', env ' + ' '.join(args.server_env) if env else ''})")
            results = asyncio.run(bench(base_url, [pid], args))
            warnings = streamlit_warnings(log)
    print()
    print(format_table(results))
    print(f"server log: {len(warnings)} warning or error lines" + (f" ({log})" if warnings else "")
          + "".join(f"\n  {line[:200]}" for line in warnings[:10]))


if __name__ == "__main__":
    main()
