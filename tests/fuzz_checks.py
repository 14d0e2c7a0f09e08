"""What the fuzz suite asserts of one page run, and what it measures along the way.

- no exception on the page;
- no hostile markup rendered (tests/markdown_check.py: nothing outside a code span would render a link, an image,
  math, colour or HTML, and no message repeats much of a long value);
- every URL value the page did not keep is explained by a warning or an error;
- the global random state (torch, random, numpy) is the same before and after;
- the process's peak memory grows by less than the cap while the page runs.
Peak memory is read from the kernel (VmHWM after resetting it), since torch's allocations bypass tracemalloc.
"""

from dataclasses import dataclass, field
import json
import random
import time

import numpy as np
import torch

from tests.markdown_check import markup_problems, rendered_texts

MAX_PEAK_GROWTH_MB = 100


@dataclass
class FuzzStats:
    """Counts and extremes over every case the suite ran, printed at the end of the test session."""

    cases: int = 0
    peak_growth_mb: float = 0.0
    peak_case: str = ""
    slowest_s: float = 0.0
    slowest_case: str = ""
    by_page: dict = field(default_factory=dict)

    def record(self, page: str, query: dict, seconds: float, growth_mb: float) -> None:
        self.cases += 1
        self.by_page[page] = self.by_page.get(page, 0) + 1
        label = f"{page} {_short(query)}"
        if growth_mb > self.peak_growth_mb:
            self.peak_growth_mb, self.peak_case = growth_mb, label
        if seconds > self.slowest_s:
            self.slowest_s, self.slowest_case = seconds, label

    def summary(self) -> str:
        pages = ", ".join(f"{page} {n}" for page, n in sorted(self.by_page.items()))
        return (f"fuzz: {self.cases} page runs ({pages}); largest peak-memory growth {self.peak_growth_mb:.1f} MB "
                f"({self.peak_case}); slowest run {self.slowest_s:.2f} s ({self.slowest_case})")


STATS = FuzzStats()


def _short(query: dict) -> str:
    text = "&".join(f"{k}={v}" for k, v in query.items())
    return text if len(text) <= 120 else text[:117] + "..."


def _status_kb(field_name: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field_name} not in /proc/self/status")


def measured_run(page: str, query: dict, run):
    """Run `run()` (a page run), returning its result with the peak memory growth (MB) and time it took."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")  # resets VmHWM to the current RSS
    before = _status_kb("VmRSS")
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    growth_mb = (_status_kb("VmHWM") - before) / 1024
    STATS.record(page, query, seconds, growth_mb)
    return result, growth_mb


def rng_states():
    """Every global random state a page could touch."""
    return torch.get_rng_state(), random.getstate(), np.random.get_state()[1].copy()


def same_rng(before, after) -> bool:
    return torch.equal(before[0], after[0]) and before[1] == after[1] and np.array_equal(before[2], after[2])


def markup_leaks(at) -> list[str]:
    """What in the page's markdown would render from a value we sent (tests/markdown_check.py reads it)."""
    return [problem for text in rendered_texts(at) for problem in markup_problems(text)]


def alert_texts(at) -> list[str]:
    return [str(e.value) for kind in ("error", "warning") for e in at.get(kind)]


def unexplained_changes(query: dict, at) -> list[str]:
    """Parameters the page did not keep as sent although no warning or error names them (or names the op)."""
    kept = dict(at.query_params)
    alerts = " ".join(alert_texts(at))
    changed = [name for name, sent in query.items()
               if name in kept and not same_value(sent, str(kept[name]))]
    return [name for name in changed if f"`{name}`" not in alerts and name not in alerts and "`op`" not in alerts]


def same_value(sent: str, kept: str) -> bool:
    """Whether the URL kept what was sent, up to how the page writes it (spaces, 1 vs 1.0, True vs true)."""
    if sent == kept or sent.replace(" ", "") == kept.replace(" ", ""):
        return True
    a, b = _loose(sent), _loose(kept)
    return a is not None and a == b


def _loose(text: str):
    try:
        value = json.loads(text.replace("True", "true").replace("False", "false"))
    except (ValueError, RecursionError):
        return None
    return value
