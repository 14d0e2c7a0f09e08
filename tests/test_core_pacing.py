"""The Pacer shares training time between the races of one process: one race alone keeps its tick budget, several
split the bucket, a race that stopped asking stops counting, and debt holds everyone back until it is repaid."""

import threading
import time

from core.training.pacing import Pacer


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_one_race_alone_gets_its_whole_tick_budget_tick_after_tick():
    clock = Clock()
    pacer = Pacer(share=0.4, burst=0.08, clock=clock)
    assert pacer.grant("a", 0.04) == 0.0  # it starts empty
    for _ in range(50):
        clock.now += 0.1  # refills 0.04
        granted = pacer.grant("a", 0.04)
        assert abs(granted - 0.04) < 1e-9
        pacer.spend("a", granted)


def test_four_races_share_what_one_had():
    clock = Clock()
    pacer = Pacer(share=0.4, burst=0.08, clock=clock)
    spent = {who: 0.0 for who in "abcd"}
    for _ in range(100):  # 10 s of ticks every 0.1 s
        for who in spent:
            granted = pacer.grant(who, 0.04)
            spent[who] += granted
            pacer.spend(who, granted)
        clock.now += 0.1
    total = sum(spent.values())
    assert total <= 0.4 * 10 + 0.08 + 1e-9  # never more than the share, plus one burst
    assert total >= 0.4 * 10 * 0.9
    assert max(spent.values()) - min(spent.values()) <= 0.01 + 1e-9  # evenly: at most one tick's part apart


def test_a_race_that_stopped_asking_stops_counting():
    """Two races split 0.4 s a second (0.1 each per half second) until one has not asked for over a second; then
    the other gets all of it (0.2 per half second)."""
    clock = Clock()
    pacer = Pacer(share=0.4, burst=1.0, window=1.0, clock=clock)
    pacer.grant("gone", 1.0), pacer.grant("here", 1.0)
    clock.now = 0.5
    assert abs(pacer.grant("gone", 1.0) - 0.1) < 1e-9
    held = []
    for now in (1.0, 1.5, 2.0, 2.5):  # "gone" last asked at 0.5
        clock.now = now
        held.append(round(pacer.grant("here", 1.0), 9))
    assert held == [0.2, 0.3, 0.5, 0.7]


def test_debt_is_repaid_before_anyone_trains_again():
    clock = Clock()
    pacer = Pacer(share=0.4, burst=0.08, clock=clock)
    pacer.grant("a", 0.04)
    pacer.spend("a", 0.5)  # a step that ran long
    assert pacer.grant("a", 0.04) == 0.0
    clock.now += 1.0  # +0.4: still 0.1 in debt
    assert pacer.grant("a", 0.04) == 0.0
    clock.now += 0.5
    assert pacer.grant("a", 0.04) > 0.0


def test_threads_asking_at_once_never_take_more_than_the_share():
    pacer = Pacer(share=0.4, burst=0.08)
    taken, lock = [], threading.Lock()
    start = time.monotonic()

    def race(who):
        for _ in range(2000):
            granted = pacer.grant(who, 0.04)
            pacer.spend(who, granted)
            with lock:
                taken.append(granted)

    threads = [threading.Thread(target=race, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(taken) <= 0.4 * (time.monotonic() - start) + 1e-9
