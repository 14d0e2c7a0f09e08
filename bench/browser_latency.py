"""Widget change to updated result, in a real Chromium: the Tensor ops page against the minimal page.

Each page is served by its own `streamlit run` and opened in its own tab of one headless Chromium. A round flips a radio
labelled `dim` between 0 and 1 on each page in turn (sum's `dim` on `/tensor_ops?op=sum`; the minimal page's
`dim`), so machine noise hits both alike. A change is timed in the page itself, from the click to the frame after
the rerun has finished (the app `notRunning`, nothing stale: shared/testing-notes.md) and the result drawn anew.
Prints p50 / p95 of each page, their ratio, and how many warnings the two servers logged.

    python bench/browser_latency.py [changes]      # default 40; the goal is p50 <= 300 ms, p95 <= 600 ms, ratio <= 1.5x
"""

from pathlib import Path
import sys
import tempfile

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.load_stats import percentile, warning_lines  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, served_app, wait_idle  # noqa: E402

WARMUP = 5  # the first changes load plotly.js and warm caches: not counted
VIEWPORT = {"width": 1440, "height": 900}
PAGES = {"ops page": ("app.py", "/tensor_ops?op=sum"), "minimal page": ("bench/minimal_page.py", "/")}

# In the page: click whichever of the options 0 and 1 of the radio labelled `dim` is not checked, then resolve with the
# milliseconds until a heatmap has been drawn anew, the app is not running and nothing is stale; one animation frame
# more, so the time includes painting it. (`running` is watched by a MutationObserver only for the timeout's message:
# on a quiet machine a run can end before React ever writes `running` into the page.)
CHANGE_JS = """async () => {
  const app = document.querySelector('[data-testid=stApp]');
  const radio = [...document.querySelectorAll('[data-testid=stRadio]')]
    .find(r => r.querySelector('[data-testid=stWidgetLabel]')?.innerText.trim() === 'dim');
  const option = [...radio.querySelectorAll('label')]
    .find(l => ['0', '1'].includes(l.innerText.trim()) && !l.querySelector('input').checked);
  const charts = () => [...document.querySelectorAll('[data-testid=stPlotlyChart] .heatmaplayer image')];
  const before = charts().map(i => i.getAttribute('href'));
  let ran = false;
  const watch = new MutationObserver(() => { if (app.getAttribute('data-test-script-state') === 'running') ran = true; });
  watch.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  const start = performance.now();
  option.click();
  await new Promise((resolve, reject) => {
    const check = () => {
      const now = charts().map(i => i.getAttribute('href'));
      const redrawn = now.length > 0 && now.some((href, i) => href !== before[i]);
      if (app.getAttribute('data-test-script-state') === 'notRunning'
          && !document.querySelector('[data-stale=true]') && redrawn) resolve();
      else if (performance.now() - start > 20000) reject(new Error('no rerun within 20 s: ran=' + ran + ' state=' + app.getAttribute('data-test-script-state') + ' stale=' + !!document.querySelector('[data-stale=true]') + ' images=' + charts().length + ' redrawn=' + redrawn));
      else requestAnimationFrame(check);
    };
    check();
  });
  watch.disconnect();
  await new Promise(r => requestAnimationFrame(r));
  return performance.now() - start;
}"""


def table(timings: dict[str, list[float]]) -> str:
    """The printed result: p50 / p95 / max per page, then the ops page's ratio to the minimal page."""
    lines = [f"{'page':>13} | {'changes':>7} | {'p50 ms':>7} | {'p95 ms':>7} | {'max ms':>7}"]
    for name, values in timings.items():
        lines.append(f"{name:>13} | {len(values):>7} | {percentile(values, 50):7.0f} | {percentile(values, 95):7.0f} | "
                     f"{max(values):7.0f}")
    ops, minimal = timings["ops page"], timings["minimal page"]
    lines.append(f"ratio ops / minimal: p50 {percentile(ops, 50) / percentile(minimal, 50):.2f}x, "
                 f"p95 {percentile(ops, 95) / percentile(minimal, 95):.2f}x")
    return "\n".join(lines)


def main(changes: int) -> None:
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        logs = {name: open(Path(folder) / f"{i}.log", "w") for i, name in enumerate(PAGES)}
        with served_app(PAGES["ops page"][0], logs["ops page"]) as ops_base, \
                served_app(PAGES["minimal page"][0], logs["minimal page"]) as minimal_base:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tabs = {}
            for name, base in (("ops page", ops_base), ("minimal page", minimal_base)):
                tab = browser.new_context(viewport=VIEWPORT).new_page()
                tab.goto(base + PAGES[name][1])
                tab.wait_for_selector("[data-testid=stPlotlyChart] .heatmaplayer image", timeout=90_000)
                wait_idle(tab)
                tabs[name] = tab
            timings = {name: [] for name in PAGES}
            for i in range(changes + WARMUP):
                for name, tab in tabs.items():
                    elapsed = tab.evaluate(CHANGE_JS)
                    if i >= WARMUP:
                        timings[name].append(elapsed)
            browser.close()
        for log in logs.values():
            log.close()
        logged = [line for log in logs.values() for line in warning_lines(Path(log.name).read_text())]
    print(table(timings))
    print(f"server warnings logged: {len(logged)}")
    for line in logged[:10]:
        print("  " + line)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
