"""The pure parts of bench/browser_latency.py: its table, and the warning filter it shares with the load bench."""

from bench.browser_latency import table
from bench.load_stats import warning_lines


def test_table_prints_both_pages_and_their_ratio():
    text = table({"ops page": [200.0, 300.0, 400.0], "minimal page": [100.0, 150.0, 200.0]})
    assert "ops page" in text and "minimal page" in text
    assert "p50 2.00x" in text


def test_warning_lines_keeps_only_warning_lines():
    log = "  You can now view your Streamlit app\n2026 WARNING streamlit: something\nTraceback (most recent call last):\n"
    assert warning_lines(log) == ["2026 WARNING streamlit: something", "Traceback (most recent call last):"]
