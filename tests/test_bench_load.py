"""The load bench's pure parts (bench/load_stats.py): percentiles, the memory verdict and the table. The bench itself
starts a server and runs for minutes, so no test runs it."""

import math

from bench.load_stats import MB, SizeResult, format_table, percentile, returned


def test_percentile_interpolates_between_ranks_like_numpy():
    values = [4.0, 1.0, 3.0, 2.0]  # unsorted on purpose
    assert percentile(values, 0) == 1.0
    assert percentile(values, 100) == 4.0
    assert percentile(values, 50) == 2.5
    assert math.isclose(percentile(values, 95), 3.85)
    assert percentile([7.0], 95) == 7.0
    assert math.isnan(percentile([], 50))


def test_memory_returned_within_ten_percent_of_idle():
    assert returned(100 * MB, 110 * MB)
    assert not returned(100 * MB, 111 * MB)
    assert returned(100 * MB, 90 * MB)
    assert returned(None, 90 * MB) is None
    assert returned(100 * MB, None) is None


def _result(**changes) -> SizeResult:
    fields = dict(sessions=20, racing=4, latencies=[0.1, 0.2, 0.3, 1.5], exceptions=0, timeouts=1,
                  race_steps_per_second=12.34, server_cpu=0.955, idle=400 * MB, loaded=440 * MB, after=410 * MB,
                  after_seconds=12.0)
    return SizeResult(**{**fields, **changes})


def test_table_has_a_header_a_rule_and_a_row_per_size():
    table = format_table([_result(sessions=1, racing=0, latencies=[]), _result()])
    header, rule, first, second = table.splitlines()
    assert header.split(" | ")[:5] == [" N", "racing", "edits", "p50 ms", "p95 ms"]
    assert set(rule) <= {"-", "+"}
    assert [c.strip() for c in first.split("|")][:8] == ["1", "0", "0", "-", "-", "0", "1", "-"]  # no edits: no p50, no race
    cells = [c.strip() for c in second.split("|")]
    assert cells[:9] == ["20", "4", "4", "250", "1320", "0", "1", "12.3", "96%"]
    assert cells[9:] == ["400 MB", "2 MB", "440 MB", "410 MB", "yes (12 s)"]


def test_table_says_when_memory_is_unknown_or_did_not_return():
    unknown = format_table([_result(idle=None, loaded=None, after=None, server_cpu=None)]).splitlines()[2]
    assert [c.strip() for c in unknown.split("|")][8:] == ["n/a", "n/a", "n/a", "n/a", "n/a", "n/a"]
    kept = format_table([_result(after=500 * MB, after_seconds=150.0)]).splitlines()[2]
    assert kept.split("|")[-1].strip() == "NO (150 s)"


def test_columns_line_up():
    lines = format_table([_result(), _result(sessions=5, racing=1)]).splitlines()
    bars = {tuple(i for i, ch in enumerate(line) if ch in "|+") for line in lines}
    assert len(bars) == 1
