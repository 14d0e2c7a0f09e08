"""The load bench's server: start `streamlit run app.py` with its logs captured, read its RSS, find its warnings."""

from contextlib import contextmanager
import os
from pathlib import Path
import subprocess
import sys
import tempfile

from load_stats import warning_lines

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import free_port, wait_healthy  # noqa: E402


@contextmanager
def served(app_dir: Path, env: dict[str, str], session_ttl: int | None):
    """Run the app in `app_dir` on a free port until the block ends, its output in a log file (so nothing it says
    lands in the bench's table); `env` is added to the server's environment only. Yields (base URL, pid, log path)."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.port", str(port), "--browser.gatherUsageStats", "false",
    ]
    if session_ttl is not None:
        command += ["--server.disconnectedSessionTTL", str(session_ttl)]
    log = Path(tempfile.mkstemp(prefix="load-bench-server-", suffix=".log")[1])
    with open(log, "w") as out:
        server = subprocess.Popen(command, cwd=app_dir, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **env})
    try:
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", server, 60, f"the app did not start; its log is {log}")
        yield f"http://127.0.0.1:{port}", server.pid, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def memory_of(pids: list[int]) -> int | None:
    """The summed resident set size of `pids` in bytes (from /proc), or None when there are none or one is gone."""
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return None
        total += next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
    return total if pids else None


def cpu_seconds_of(pids: list[int]) -> float | None:
    """The CPU time (user + system, all threads) `pids` have used so far, from /proc; None when unknown."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime: fields 14, 15
    return total if pids else None


def streamlit_warnings(log: Path) -> list[str]:
    """The lines of the server's log that warn or report an error."""
    return warning_lines(log.read_text(errors="replace"))
