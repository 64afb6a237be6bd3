"""The cycle collector on the GUI thread (ui/garbage.py): a full collection puts its survivors out of sight, so
the next one walks only what is new; garbage among them is found once nobody is at the keyboard."""

from __future__ import annotations

import gc
import time

from schoolaid.ui import garbage


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_survivors_of_a_full_collection_are_not_walked_again_until_the_user_is_idle(qapp) -> None:
    collector = garbage.collector()
    assert collector is not None  # installed for the session (tests/ui/conftest.py)
    collector.idle.touch()  # someone is working
    kept = [Cycle() for _ in range(2_000)]  # alive: they survive
    collector.collect()
    frozen = gc.get_freeze_count()
    assert frozen >= len(kept)  # out of the collector's sight from now on
    lost = Cycle()
    del kept, lost  # garbage now, but frozen ones are not walked while the user works…
    collector.collect()
    assert gc.get_freeze_count() >= frozen - 1
    collector.idle._last = time.monotonic() - garbage.THOROUGH_AFTER_IDLE_S - 1  # … nobody has touched it since
    found = collector.collect()
    assert found >= 2_000  # the thorough pass found the 2,000 cycles let go while they were out of sight


def test_the_start_puts_what_exists_out_of_sight_without_walking_it(qapp, monkeypatch) -> None:
    """Collecting at the start walked every object (120,000 with the window up) for a handful of cycles."""
    walked: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda generation=2: walked.append(generation) or 0)
    kept = [Cycle() for _ in range(1_000)]
    garbage.freeze_startup()
    assert walked == []
    assert gc.get_freeze_count() >= len(kept)  # out of sight at once
    gc.unfreeze()


def test_too_many_young_objects_to_walk_go_out_of_sight_and_are_looked_through_when_nobody_is_there(qapp) -> None:
    """A tab's rows arrived from the background (100,000 and more at a county's size) were walked at the next
    collection, holding the window 120 ms: put out of sight unwalked, their cycles found once the user is idle."""
    collector = garbage.collector()
    assert collector is not None
    collector.idle.touch()  # someone is working
    gc.collect()
    kept = [Cycle() for _ in range(garbage.YOUNG_WALK_LIMIT + 5_000)]  # a tab's rows, say: they live on
    lost = [Cycle() for _ in range(1_000)]  # and a few cycles that do not
    frozen, skipped = gc.get_freeze_count(), collector.put_out_of_sight
    del lost
    assert collector.check() == 0  # not walked …
    assert collector.put_out_of_sight == skipped + 1 and gc.get_freeze_count() >= frozen + len(kept)  # … out of sight
    assert collector.check() == 0  # nothing new: nothing to do, and nobody idle yet
    collector.idle._last = time.monotonic() - garbage.THOROUGH_AFTER_IDLE_S - 1  # nobody has touched it since
    assert collector.check() >= 1_000  # the thorough pass found the cycles let go
    assert not collector.unwalked
    del kept
