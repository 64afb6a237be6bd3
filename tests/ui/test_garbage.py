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
