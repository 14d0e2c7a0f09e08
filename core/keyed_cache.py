"""A bounded cache of values by a string key, for pure results built from arguments that are costly to hash (tensors,
calls): the caller names the value exactly in the key and passes the builder.

Streamlit's st.cache_data / st.cache_resource would do the same, but each call inspects the function's signature
and hashes its arguments again (about 0.1 ms a call, four calls in every ops-page rerun); here a lookup is one dict
access. Values are shared by every session and must only be read.
"""

from collections import OrderedDict
import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class KeyedCache(Generic[T]):
    """At most `max_entries` values; the least recently used goes first. Safe to use from several script threads."""

    _all: list["KeyedCache"] = []

    def __init__(self, max_entries: int):
        self._max_entries = max_entries
        self._values: OrderedDict[str, T] = OrderedDict()
        self._lock = threading.Lock()
        KeyedCache._all.append(self)

    def get(self, key: str, build: Callable[[], T]) -> T:
        """The value cached under `key`, built (outside the lock: two sessions may both build it) when absent."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = build()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self._max_entries:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)

    @classmethod
    def clear_all(cls) -> None:
        """Empty every KeyedCache (tests start from nothing, as with st.cache_data.clear())."""
        for cache in cls._all:
            with cache._lock:
                cache._values.clear()
