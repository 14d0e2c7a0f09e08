"""The load bench's pure parts: percentiles, the memory verdict and the table (no server, no sockets)."""

from dataclasses import dataclass
import math

MB = 1024 * 1024
RETURN_TOLERANCE = 0.10  # memory "returned" when it is back within 10% of the idle figure
WARNING_WORDS = ("WARNING", "ERROR", "Traceback", "Warning:")


def warning_lines(log_text: str) -> list[str]:
    """The lines of a server's log that warn or report an error."""
    return [line.rstrip() for line in log_text.splitlines() if any(word in line for word in WARNING_WORDS)]


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) of `values`, interpolating linearly between ranks (numpy's default);
    nan when there are none."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def returned(idle_bytes: int | None, after_bytes: int | None, tolerance: float = RETURN_TOLERANCE) -> bool | None:
    """Whether memory after the sessions closed is within `tolerance` of the idle figure (None when unknown)."""
    if idle_bytes is None or after_bytes is None:
        return None
    return after_bytes <= idle_bytes * (1 + tolerance)


@dataclass
class SizeResult:
    """What one size of the bench measured. Memory figures are bytes, None where the server's process is unknown."""

    sessions: int
    racing: int
    latencies: list[float]  # seconds, one per ops-page interaction
    exceptions: int  # exceptions drawn on a page, any session
    timeouts: int  # interactions or loads with no finished run within the timeout
    race_steps_per_second: float  # training steps per second, averaged over the racing sessions
    server_cpu: float | None  # the server's CPU time over the run's wall time (1.0 = one core busy)
    idle: int | None
    loaded: int | None  # the highest RSS seen while the sessions were open
    after: int | None  # the RSS once sessions were closed and Streamlit had let them go (or the wait ran out)
    after_seconds: float  # how long after closing `after` was read

    @property
    def per_session(self) -> int | None:
        """The growth from idle to loaded, shared out over the sessions."""
        if self.idle is None or self.loaded is None:
            return None
        return (self.loaded - self.idle) // self.sessions


COLUMNS = (
    ("N", ">3"), ("racing", ">6"), ("edits", ">5"), ("p50 ms", ">6"), ("p95 ms", ">6"), ("exc", ">3"),
    ("timeouts", ">8"), ("race steps/s", ">12"), ("server CPU", ">10"), ("RSS idle", ">8"), ("per session", ">11"), ("total", ">7"),
    ("after close", ">11"), ("returned", "<16"),
)


def _mb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / MB:.0f} MB"


def _ms(seconds: float) -> str:
    return "-" if math.isnan(seconds) else f"{seconds * 1000:.0f}"


def row_cells(result: SizeResult) -> list[str]:
    """One table row's cells, in COLUMNS order."""
    verdict = returned(result.idle, result.after)
    said = "n/a" if verdict is None else f"{'yes' if verdict else 'NO'} ({result.after_seconds:.0f} s)"
    steps = f"{result.race_steps_per_second:.1f}" if result.racing else "-"
    cpu = "n/a" if result.server_cpu is None else f"{result.server_cpu:.0%}"
    return [
        str(result.sessions), str(result.racing), str(len(result.latencies)), _ms(percentile(result.latencies, 50)),
        _ms(percentile(result.latencies, 95)), str(result.exceptions), str(result.timeouts), steps, cpu, _mb(result.idle),
        _mb(result.per_session), _mb(result.loaded), _mb(result.after), said,
    ]


def format_table(results: list[SizeResult]) -> str:
    """A plain-text table, one row per size, columns wide enough for their headers and cells."""
    rows = [[name for name, _ in COLUMNS]] + [row_cells(r) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    aligns = [spec[0] for _, spec in COLUMNS]
    lines = [" | ".join(f"{cell:{align}{width}}" for cell, align, width in zip(row, aligns, widths)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
