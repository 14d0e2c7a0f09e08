"""The Training lab while playing, in a real Chromium at 1440x900: the canvas chart against the old plotly chart.

Each loss view (components/loss_views.py) is served by its own `streamlit run` (the server reads TP_LAB_CHART) and
played in a fresh tab on a long race. A sampler runs in the page on every animation frame and notes:
- a chart update: a frame whose chart differs from the frame before (the canvas chart's drawn step and point
  count; the plotly chart's number of points over its traces);
- a blank frame: after the first point, a frame where the chart element is missing or draws nothing;
- the step shown in the progress text ("step N of M");
- the page's main thread busy: the time in long tasks (over 50 ms each), per second of play.
Pause is clicked from inside the page, so its time is the page's own; Pause-to-stop is the time from that click to
the last change of the chart (pause_chart_ms) and of the step count shown above it (pause_count_ms), 0 when nothing
moved after the click.

    python bench/live_lab.py [seconds] [views]   # default 8 s of play; views: canvas,plotly,plotly_fast
Goal (issue 9): >= 10 updates/s, 0 blank frames, Pause within one frame (0.1 s).
"""

from contextlib import ExitStack
import os
from pathlib import Path
import sys

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, served_app, wait_idle  # noqa: E402

VIEWPORT = {"width": 1440, "height": 900}
LINK = "/training_lab?steps=2000&speed=8"  # long enough that no race ends while measured

# Installs the sampler: window.tpBench holds counts and the times of changes (page clock, ms).
SAMPLER_JS = """() => {
  const chartSignature = () => {
    const canvas = document.querySelector('.tp-live-chart');
    if (canvas) return {sig: canvas.dataset.step + '/' + canvas.dataset.points,
                        blank: !(Number(canvas.dataset.points) > 0) || !canvas.querySelector('canvas')?.width};
    const plot = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
    if (!plot || !plot.data) return {sig: null, blank: true};
    const points = plot.data.reduce((n, t) => n + ((t.x || []).length), 0);
    const drawn = plot.querySelectorAll('.scatterlayer .trace path.js-line').length;
    return {sig: String(points), blank: points === 0 || drawn === 0};
  };
  const stepShown = () => {
    const bar = document.querySelector('[data-testid=stProgress]');
    const match = bar && bar.innerText.match(/\\d+/);
    return match ? Number(match[0]) : null;
  };
  const b = window.tpBench = {frames: 0, blank: 0, updates: [], steps: [], seen: false, last: null, lastStep: null,
                              run: true, busy: []};
  new PerformanceObserver((list) => list.getEntries().forEach((e) => b.busy.push([e.startTime, e.duration])))
    .observe({type: 'longtask'});
  const tick = (now) => {
    if (!b.run) return;
    b.frames += 1;
    const {sig, blank} = chartSignature();
    if (sig !== b.last) { if (b.last !== null) b.updates.push(now); b.last = sig; }
    if (!blank) b.seen = true; else if (b.seen) b.blank += 1;
    const step = stepShown();
    if (step !== b.lastStep) { b.steps.push([now, step]); b.lastStep = step; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""

CLICK_JS = """(label) => {
  const button = [...document.querySelectorAll('button')].find(b => b.innerText.trim() === label);
  window.tpBench.clickedAt = performance.now();
  button.click();
  return window.tpBench.clickedAt;
}"""


def measure(browser, base: str, seconds: float) -> dict:
    """Play for `seconds`, then Pause; the sampler's numbers."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(base + LINK)
    page.get_by_role("button", name="▶ Play").wait_for(timeout=90_000)
    wait_idle(page)
    page.wait_for_timeout(1500)  # plotly.js loads lazily
    page.evaluate(SAMPLER_JS)
    started = page.evaluate(CLICK_JS, "▶ Play")
    page.wait_for_function("() => window.tpBench.lastStep > 0", timeout=60_000)  # the Play click's full rerun
    page.wait_for_timeout(500)
    window_start = page.evaluate("() => performance.now()")
    page.wait_for_timeout(seconds * 1000)
    paused = page.evaluate(CLICK_JS, "⏸ Pause")
    page.wait_for_timeout(3000)
    bench = page.evaluate("() => { window.tpBench.run = false; return window.tpBench; }")
    context.close()
    updates = [t for t in bench["updates"] if window_start <= t <= paused]
    steps = [(t, s) for t, s in bench["steps"] if window_start <= t <= paused and s is not None]
    gaps = [b - a for a, b in zip(updates, updates[1:])]
    chart_after = [t for t in bench["updates"] if t > paused]
    count_after = [t for t, _ in bench["steps"] if t > paused]
    shown = [s for _, s in bench["steps"] if s is not None]
    at_pause = max([s for t, s in bench["steps"] if t <= paused and s is not None] or [0])
    return dict(
        updates_per_s=len(updates) / (seconds),
        steps_per_s=(steps[-1][1] - steps[0][1]) / seconds if len(steps) > 1 else 0.0,
        longest_gap_ms=max(gaps or [0.0]),
        blank_frames=bench["blank"], frames=bench["frames"],
        pause_chart_ms=(max(chart_after) - paused) if chart_after else 0.0,
        pause_count_ms=(max(count_after) - paused) if count_after else 0.0,
        steps_after_pause=(shown[-1] - at_pause) if shown else 0,
        busy_ms_per_s=sum(d for t, d in bench["busy"] if window_start <= t <= paused) / seconds,
        first_update_ms=min([t for t in bench["updates"] if t > started] or [float("nan")]) - started,
    )


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
    views = sys.argv[2].split(",") if len(sys.argv) > 2 else ["canvas", "plotly", "plotly_fast"]
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for view in views:
            os.environ["TP_LAB_CHART"] = view  # the server started next inherits it
            with ExitStack() as stack:
                base = stack.enter_context(served_app())
                results[view] = measure(browser, base, seconds)
            print(f"{view}: done", flush=True)
        browser.close()
    columns = ["updates_per_s", "steps_per_s", "longest_gap_ms", "blank_frames", "frames", "pause_chart_ms",
               "pause_count_ms", "steps_after_pause", "busy_ms_per_s", "first_update_ms"]
    print(f"\n{seconds:g} s of play at 1440x900, {LINK}")
    print(f"{'view':<12}" + "".join(f"{c:>19}" for c in columns))
    for view, row in results.items():
        print(f"{view:<12}" + "".join(f"{row[c]:>19.1f}" if isinstance(row[c], float) else f"{row[c]:>19}"
                                      for c in columns))
    if "canvas" in results and "plotly" in results and results["plotly"]["updates_per_s"]:
        ratio = results["canvas"]["updates_per_s"] / results["plotly"]["updates_per_s"]
        print(f"\ncanvas / plotly chart updates per second: {ratio:.1f}x")


if __name__ == "__main__":
    main()
