"""Large results let go a slice at a time (common.release): emptied, the items still referred to kept,
the others freed."""

from __future__ import annotations

import gc
import weakref

from schoolaid.common import release as releasing
from schoolaid.common.release import release


class Row:
    def __init__(self, n: int) -> None:
        self.n = n


def test_every_container_is_emptied_and_what_is_referred_to_elsewhere_lives_on() -> None:
    rows = [Row(n) for n in range(5 * releasing.SLICE + 7)]
    by_n = {row.n: row for row in rows}
    numbers = {row.n for row in rows}
    kept = rows[123]
    gone = weakref.ref(rows[124])
    release(rows, by_n, numbers)
    assert rows == [] and by_n == {} and numbers == set()
    gc.collect()
    assert kept.n == 123
    assert gone() is None


def test_small_and_empty_containers() -> None:
    small, empty, few = [Row(1)], {}, {1, 2}
    release(small, empty, few)
    assert small == [] and empty == {} and few == set()
