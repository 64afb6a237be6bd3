"""Only the answer to the latest question counts.

Background reads overlap: a second change arrives while the figures of the first are still being
worked out, and the two answers may come back in either order. ``Latest`` numbers the requests;
``latest.start()`` gives a request's number, and ``latest.only(number, callback)`` wraps the callback
so that it runs only if no newer request was started meanwhile — an older answer is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Latest:
    def __init__(self) -> None:
        self.number = 0
        self.dropped = 0  # answers that came back after a newer request had started

    def start(self) -> int:
        self.number += 1
        return self.number

    def is_latest(self, number: int) -> bool:
        return number == self.number

    def only(self, number: int, callback: Callable[..., None]) -> Callable[..., None]:
        def answer(*args: Any) -> None:
            if self.is_latest(number):
                callback(*args)
            else:
                self.dropped += 1

        return answer

    def forget(self) -> None:
        """Whatever is still on its way is moot (the view was cleared, or goes away)."""
        self.number += 1
