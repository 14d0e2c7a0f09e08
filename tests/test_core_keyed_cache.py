"""KeyedCache: a bounded LRU cache of values by key (plain pytest)."""

import threading

from core.keyed_cache import KeyedCache


def test_a_value_is_built_once_and_then_shared():
    cache = KeyedCache(max_entries=4)
    builds = []
    first = cache.get("a", lambda: builds.append("a") or object())
    again = cache.get("a", lambda: builds.append("a") or object())
    assert first is again
    assert builds == ["a"]


def test_the_least_recently_used_value_goes_first():
    cache = KeyedCache(max_entries=2)
    cache.get("a", lambda: 1)
    cache.get("b", lambda: 2)
    cache.get("a", lambda: -1)  # a is now the most recently used
    cache.get("c", lambda: 3)  # so b is dropped, not a
    assert len(cache) == 2
    assert cache.get("a", lambda: -1) == 1
    assert cache.get("b", lambda: 20) == 20  # rebuilt: it had been dropped


def test_clear_all_empties_every_cache():
    first, second = KeyedCache(max_entries=3), KeyedCache(max_entries=3)
    first.get("x", lambda: 1)
    second.get("y", lambda: 2)
    KeyedCache.clear_all()
    assert len(first) == 0 and len(second) == 0
    assert first.get("x", lambda: 10) == 10


def test_many_threads_never_leave_more_than_max_entries():
    cache = KeyedCache(max_entries=8)

    def fill(offset: int) -> None:
        for i in range(200):
            key = str((offset + i) % 20)
            assert cache.get(key, lambda: key) == key

    threads = [threading.Thread(target=fill, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache) == 8


def test_a_build_that_raises_keeps_nothing():
    cache = KeyedCache(max_entries=4)
    try:
        cache.get("a", lambda: 1 / 0)
    except ZeroDivisionError:
        pass
    assert len(cache) == 0
    assert cache.get("a", lambda: 2) == 2
