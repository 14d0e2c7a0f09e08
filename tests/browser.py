"""Serving the app and driving it in Debian's Chromium through Playwright (see shared/testing-notes.md)."""

from contextlib import contextmanager
import os
from pathlib import Path
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ROW_PX = 35  # a data_editor row, header included


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served_app(script: str = "app.py", log=subprocess.DEVNULL):
    """Run `streamlit run <script>` on a free port until the block ends; yields the base URL. `log` takes the
    server's output (a file opened for writing), so a benchmark can count Streamlit's warnings."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
        "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
    ]
    server = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", server, 60, "the app did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def wait_healthy(url: str, server: subprocess.Popen, timeout_s: float, failure: str) -> None:
    """Poll `url` until it answers; RuntimeError(`failure`) once `server` has exited or `timeout_s` have passed."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(failure)
            time.sleep(0.3)


def wait_idle(page, timeout_ms: int = 30_000) -> None:
    """Wait until the script run is over and nothing on the page is stale."""
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid=stApp]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && !document.querySelector('[data-stale=true]');
        }""",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(300)


def off_screen(box: dict | None, width: int, height: int) -> str | None:
    """Why an element's box is not wholly inside a width x height window (1 px of rounding allowed), or None when
    it is: the first-screen rule of every page's browser test."""
    if not box or box["width"] <= 0 or box["height"] <= 0:
        return "not drawn"
    if box["x"] < -1 or box["y"] < -1 or box["x"] + box["width"] > width + 1 or box["y"] + box["height"] > height + 1:
        return f"x={box['x']:.0f}..{box['x'] + box['width']:.0f}, y={box['y']:.0f}..{box['y'] + box['height']:.0f}"
    return None


def wait_for_change(page, read, old, timeout_s: float = 20.0):
    """Poll `read()` until it differs from `old` (a rerun has landed), then wait for the page to settle."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        page.wait_for_timeout(200)
        value = read()
        if value != old:
            wait_idle(page)
            return read()
    return old


def edit_cell(page, editor, row: int, column: int, text: str, column_px: int, index_px: int) -> None:
    """Type into one data_editor cell: click, double-click, fill the overlay input, Enter."""
    canvas = editor.locator("canvas[data-testid=data-grid-canvas]").first
    box = canvas.bounding_box()
    x = box["x"] + index_px + column * column_px + column_px / 2
    y = box["y"] + ROW_PX * (row + 1) + ROW_PX / 2
    page.mouse.click(x, y)
    page.mouse.dblclick(x, y)
    overlay = page.locator("#portal .gdg-input, #portal textarea").first
    overlay.wait_for(timeout=5000)
    overlay.fill(text)
    page.keyboard.press("Enter")


def browser_available() -> bool:
    return Path(CHROMIUM).exists()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"
