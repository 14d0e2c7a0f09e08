"""How much slower is a rerun of the Tensor ops page than a minimal page (one data_editor, two heatmaps)?

Both are driven by AppTest in the same process, alternating, so machine noise hits both alike. Each rerun flips
`dim`, so the page really recomputes. Prints the median of each and their ratio.

A server compiles each page script once (its Runtime keeps one ScriptCache); AppTest makes a new cache on every run,
so every rerun would recompile app.py and the page and redo Streamlit's "magic" pass over them (about a tenth of an
ops-page rerun here). The bench gives both pages one shared cache, as a server does.

    python bench/ops_page_rerun.py [reruns]
"""

import logging
from pathlib import Path
import statistics
import sys
import time

from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest
import streamlit.testing.v1.app_test as app_test_module
import streamlit.testing.v1.local_script_runner as local_script_runner_module

ROOT = Path(__file__).resolve().parent.parent
# AppTest.from_file itself asks for a script run context outside any run and logs "missing ScriptRunContext! This
# warning can be ignored when running in bare mode": the bench runs in bare mode, so that one message is dropped
# (a filter: Streamlit sets its loggers' levels again when it reads its config).
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
    lambda record: "missing ScriptRunContext" not in record.getMessage())


def ops_page() -> tuple[AppTest, callable]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["op"] = "gather"
    at.run()
    at.switch_page("app_pages/tensor_ops.py").run()
    flip = lambda i: at.radio(key="arg.gather.dim").set_value(i % 2).run()  # noqa: E731
    return at, flip


def minimal_page() -> tuple[AppTest, callable]:
    at = AppTest.from_file(str(ROOT / "bench" / "minimal_page.py"), default_timeout=60).run()
    flip = lambda i: at.radio(key="dim").set_value(i % 2).run()  # noqa: E731
    return at, flip


def share_one_script_cache() -> None:
    """Compile each script once, as a server does, instead of once per AppTest run."""
    shared = ScriptCache()
    app_test_module.ScriptCache = local_script_runner_module.ScriptCache = lambda: shared


def main(reruns: int) -> None:
    share_one_script_cache()
    pages = {"ops page": ops_page(), "minimal page": minimal_page()}
    timings = {name: [] for name in pages}
    for i in range(reruns + 5):
        for name, (at, flip) in pages.items():
            start = time.perf_counter()
            flip(i)
            elapsed = time.perf_counter() - start
            assert not at.exception, at.exception
            if i >= 5:  # the first reruns warm caches and imports
                timings[name].append(elapsed)
    medians = {name: statistics.median(t) * 1000 for name, t in timings.items()}
    for name, median in medians.items():
        print(f"{name:>13}: median rerun {median:6.1f} ms over {reruns} reruns")
    print(f"ratio ops / minimal: {medians['ops page'] / medians['minimal page']:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
