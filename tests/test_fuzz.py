"""Property-based fuzzing of every page through its URL, as a link would open it (issue 8).

Each case opens one page with AppTest and checks what tests/fuzz_checks.py lists: no exception, no rendered markup
from the link, every dropped value explained, the global RNG untouched, peak memory growth under the cap. On the
Tensor ops page, the code panel's snippet is also run (all of them in one interpreter at the end) and must print what
the page says it prints. Hypothesis runs derandomized (the same cases every run, so CI is repeatable) and does not
shrink; FUZZ_SCALE=N runs N times as many cases. The seeded corpus replays issue 8's reproducers every run.
"""

import os

from hypothesis import HealthCheck, Phase, given, settings, strategies as st
import pytest

from core.ops.catalog import OPS
from tests.apptests import page_test
from tests.fuzz_checks import (MAX_PEAK_GROWTH_MB, markup_leaks, measured_run, rng_states, same_rng,
                               unexplained_changes)
from tests.fuzz_values import CORPUS, PAGE_QUERIES, ops_query
from tests.snippets import run_snippets

SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
OPS_CASES = 100 * SCALE
PAGE_CASES = 20 * SCALE
RAN_SNIPPETS: dict[str, tuple[str, str]] = {}  # case label -> (the code panel's snippet, what the page says it prints)


def _fuzz_settings(cases: int):
    return settings(max_examples=cases, deadline=None, derandomize=True, database=None,
                    phases=(Phase.explicit, Phase.generate),
                    suppress_health_check=(HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture))


def check_page(page: str, query: dict, lang: str = "en"):
    """Open the page at this link and assert every property; return the AppTest for more checks."""
    before = rng_states()
    at, growth_mb = measured_run(page, query, lambda: page_test(page, query, lang).run())
    label = f"{page}?{query}"[:300]
    assert not at.exception, f"{label}: {at.exception[0].value}"
    assert not markup_leaks(at), f"{label}: {markup_leaks(at)}"
    assert not unexplained_changes(query, at), f"{label}: changed without a word: {unexplained_changes(query, at)}"
    assert same_rng(before, rng_states()), f"{label}: the global random state changed"
    assert growth_mb < MAX_PEAK_GROWTH_MB, f"{label}: peak memory grew {growth_mb:.0f} MB"
    return at


@pytest.fixture(scope="module", autouse=True)
def _warm_pages():
    """Open every page once first, so imports and first-use caches do not count as a case's memory growth."""
    for page in ("tensor_ops", *sorted(PAGE_QUERIES)):
        page_test(page).run()


def _remember_snippet(query: dict, at) -> None:
    """Keep the code panel's snippet and printed output of a deterministic op that ran."""
    spec = OPS.get(query.get("op"))
    codes = [c.value for c in at.code]
    if spec is None or not spec.deterministic or at.error or len(codes) < 3:
        return
    RAN_SNIPPETS[str(query)[:300]] = (codes[0], codes[1])


@pytest.mark.parametrize("page, query", CORPUS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(CORPUS)])
def test_corpus(page, query):
    at = check_page(page, query)
    if page == "tensor_ops":
        _remember_snippet(query, at)


@_fuzz_settings(OPS_CASES)
@given(query=ops_query(), lang=st.sampled_from(["en", "zh"]))
def test_ops_page(query, lang):
    _remember_snippet(query, check_page("tensor_ops", query, lang))


@pytest.mark.parametrize("page", sorted(PAGE_QUERIES))
def test_page(page):
    @_fuzz_settings(PAGE_CASES)
    @given(query=PAGE_QUERIES[page], lang=st.sampled_from(["en", "zh"]))
    def run(query, lang):
        check_page(page, query, lang)

    run()


def test_snippets_print_what_the_page_shows(tmp_path):
    """Every snippet the fuzzed ops page showed, run as a user would, prints what the page said it prints."""
    if not RAN_SNIPPETS:
        pytest.skip("run with the fuzz cases above: they collect the snippets")
    outputs = run_snippets(tmp_path, {label: code for label, (code, _) in RAN_SNIPPETS.items()})
    wrong = {label: (RAN_SNIPPETS[label][1], out) for label, out in outputs.items()
             if out.strip() != RAN_SNIPPETS[label][1].strip()}
    assert not wrong, f"{len(wrong)} of {len(outputs)} snippets print otherwise, e.g. {next(iter(wrong.items()))}"
