"""Two replicas behind nginx (scripts/serve_replicas.sh) on loopback, driven by several Chromium sessions at once:
every session loads the ops page and a widget change works, every request of a session (page, static files, the
/_stcore/stream websocket) reaches one replica, and the sessions are spread over both replicas."""

import os
from pathlib import Path
import random
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.browser import ROOT, SCREENSHOTS, browser_available, in_ci, wait_for_change, wait_healthy, wait_idle

pytestmark = pytest.mark.browser
REPLICAS = 2
SESSIONS = 3  # round-robin over 2 replicas: 3 new visitors must land on both
AGENT = "tp-replica-test/"  # + the session's number: how nginx's access log tells the sessions apart
LOG_LINE = re.compile(r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) replica=(?P<replica>\S*) '
                      r'cookie=\S* ua="(?P<agent>[^"]*)"')


def _nginx_available() -> bool:
    return any(Path(d, "nginx").exists() for d in os.environ.get("PATH", "").split(os.pathsep) + ["/usr/sbin"])


def _free_port_run(count: int) -> int:
    """A port P with P..P+count-1 all free on loopback (the script puts nginx on P and the replicas after it)."""
    for _ in range(200):
        base = random.randint(20_000, 60_000)
        try:
            for port in range(base, base + count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
    raise RuntimeError("no run of free ports")


def test_script_refuses_bad_arguments():
    for args in ([], ["0", "8080"], ["2"], ["2", "65535"], ["two", "8080"]):
        done = subprocess.run(["bash", "scripts/serve_replicas.sh", *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 2 and "usage" in done.stderr, args


@pytest.fixture(scope="module")
def replicas(tmp_path_factory):
    """(base URL, nginx's access log): two replicas behind nginx, stopped with the script at the end."""
    if not (_nginx_available() and browser_available()):
        if in_ci():
            pytest.fail("CI=true but nginx or Chromium is missing: scripts/test.sh installs both", pytrace=False)
        pytest.skip("nginx or Chromium is not installed (scripts/test.sh installs both)")
    run_dir = tmp_path_factory.mktemp("replicas")
    port = _free_port_run(REPLICAS + 1)
    with open(run_dir / "script.log", "wb") as log:
        script = subprocess.Popen(
            ["bash", "scripts/serve_replicas.sh", str(REPLICAS), str(port)], cwd=ROOT, stdout=log, stderr=log,
            env={**os.environ, "TP_RUN_DIR": str(run_dir), "PYTHON": sys.executable}, start_new_session=True,
        )
    try:
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", script, 240, "the replicas or nginx did not start")
        yield f"http://127.0.0.1:{port}", run_dir / "access.log"
    finally:
        script.terminate()  # its trap stops nginx and the replicas
        try:
            script.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(script.pid, signal.SIGKILL)  # the group the script leads: only what it started
            script.wait(timeout=10)


def _printed(page) -> str:
    """The ops page's 'What it prints' block."""
    return page.locator("[data-testid=stCode]").nth(1).inner_text()


def _open_ops_page(browser, base: str, number: int):
    """A new browser context (its own cookies: a new visitor) on the ops page; returns (context, page, replicas seen
    in the X-Replica header of its responses). One at a time: on a busy 2-core machine, side-by-side first loads
    starve each other past any sane timeout."""
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, user_agent=f"{AGENT}{number}")
    page = context.new_page()
    seen = []
    page.on("response", lambda r: r.url.startswith(base) and seen.append(r.headers.get("x-replica")))
    page.goto(f"{base}/tensor_ops", wait_until="commit")
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=300_000)
    wait_idle(page, timeout_ms=120_000)
    return context, page, seen


def _choose_gather(page) -> None:
    before = _printed(page)
    page.locator("[data-testid=stSelectbox]").first.click()
    page.keyboard.type("gather")  # the list is long and virtualised: filter it first
    page.get_by_role("option", name="torch.gather", exact=True).click()
    after = wait_for_change(page, lambda: _printed(page), before, timeout_s=180)
    assert after != before and "10, 80, 60" in re.sub(r"\s+", " ", after), after


def _sessions_in_log(log: Path) -> dict[str, list[dict]]:
    """The access log's lines by the session (user agent) that sent them."""
    lines = {}
    for match in map(LOG_LINE.search, log.read_text().splitlines()):
        if match and match["agent"].startswith(AGENT):
            lines.setdefault(match["agent"], []).append(match.groupdict())
    return lines


def test_sessions_stick_to_one_replica_and_spread(replicas, browser_and_app):
    base, log = replicas
    browser, _ = browser_and_app  # the tests' one Chromium: a second Playwright in this process is refused
    sessions = [_open_ops_page(browser, base, n) for n in range(SESSIONS)]  # all open together
    served = {}
    for n, (context, page, seen) in enumerate(sessions):
        _choose_gather(page)
        page.screenshot(path=SCREENSHOTS / f"replica_session_{n}.png")
        headers = {replica for replica in seen if replica is not None}
        assert len(headers) == 1, f"session {n} was answered by {headers}"
        served[f"{AGENT}{n}"] = headers.pop()
        cookie = {c["name"]: c["value"] for c in context.cookies()}.get("tp_replica")
        assert cookie == served[f"{AGENT}{n}"]
    for context, _, _ in sessions:
        context.close()

    assert set(served.values()) == {f"r{i}" for i in range(1, REPLICAS + 1)}, served
    # nginx logs a websocket when it closes: give it a moment after the contexts are gone.
    deadline = time.monotonic() + 30
    while True:
        in_log = _sessions_in_log(log)
        streams = {agent: [l for l in lines if l["path"] == "/_stcore/stream"] for agent, lines in in_log.items()}
        if all(streams.get(agent) for agent in served) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    for agent, replica in served.items():
        assert streams.get(agent), f"{agent}: no websocket in nginx's log"
        assert all(l["status"] == "101" for l in streams[agent]), streams[agent]
        assert {l["replica"] for l in in_log[agent]} == {replica}, f"{agent} left its replica: {in_log[agent]}"


def test_a_dead_replica_hands_its_visitors_to_another(replicas):
    """Runs last: stops replica 1, then a visitor pinned to it is served by replica 2 and re-pinned there."""
    base, log = replicas
    replica_pids = [int(pid) for pid in (log.parent / "replica.pids").read_text().strip().split(",")]
    os.kill(replica_pids[0], signal.SIGTERM)
    deadline = time.monotonic() + 60
    while True:
        request = urllib.request.Request(f"{base}/", headers={"Cookie": "tp_replica=r1"})
        with urllib.request.urlopen(request, timeout=30) as response:
            if response.headers["X-Replica"] == "r2" or time.monotonic() > deadline:
                break
        time.sleep(0.5)  # replica 1 may still be shutting down, and answering
    assert response.headers["X-Replica"] == "r2"
    assert response.headers["Set-Cookie"].startswith("tp_replica=r2;")
