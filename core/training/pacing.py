"""Sharing one server's CPU between the races it plays, so that racing sessions cannot starve the others.

Every session is a thread of one process, and Python runs one thread at a time: a process is about one core,
whatever the machine has. Left alone, each playing race trains for up to 80 ms of every 0.2 s tick; four of them
take all of that core, and an ops-page edit in another session waits seconds (bench/load.py). A Pacer is a token
bucket of training seconds for the whole process: it refills at `share` seconds a second, and a tick may train for
an equal part of what is in it among the races playing now (at most the tick's own budget). One race alone trains
as fast as before; four share what one had, and the rest of the core stays for everyone else.
"""

import threading
import time
from typing import Callable, Hashable


class Pacer:
    """Token buckets of training seconds for the races of one process (thread-safe): each playing race has its
    own, and together they refill at `share` seconds a second, split evenly among the races playing."""

    def __init__(self, share: float, burst: float, window: float = 1.0, clock: Callable[[], float] = time.monotonic):
        """`share`: training seconds per second for all races together; `burst`: the most one race saves up;
        `window`: a race that has not asked for this long no longer counts as playing."""
        self.share, self.burst, self.window, self.clock = share, burst, window, clock
        self._tokens: dict[Hashable, float] = {}
        self._seen: dict[Hashable, float] = {}
        self._refilled = clock()
        self._lock = threading.Lock()

    def grant(self, who: Hashable, most: float) -> float:
        """The seconds race `who` may train for in this tick: what its bucket holds, at most `most`; 0 while it
        is in debt (a race that starts playing begins empty and fills from the next tick)."""
        with self._lock:
            now = self.clock()
            for other in [o for o, seen in self._seen.items() if now - seen > self.window]:
                del self._seen[other], self._tokens[other]
            self._seen[who] = now
            self._tokens.setdefault(who, 0.0)
            self._refill(now)
            return max(0.0, min(most, self._tokens[who]))

    def spend(self, who: Hashable, seconds: float) -> None:
        """Take the seconds race `who` trained from its bucket (it may go into debt: a step cannot be cut short)."""
        with self._lock:
            self._refill(self.clock())
            if who in self._tokens:
                self._tokens[who] -= seconds

    def _refill(self, now: float) -> None:
        part = (now - self._refilled) * self.share / max(len(self._tokens), 1)
        for who, tokens in self._tokens.items():
            self._tokens[who] = min(self.burst, tokens + part)
        self._refilled = now
