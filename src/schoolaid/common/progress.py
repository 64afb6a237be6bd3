"""Progress and cancellation for long work, without Qt: the GUI passes a callback and a flag."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field


class Cancelled(Exception):
    """The user cancelled; the transaction around the work rolls back."""


@dataclass
class Progress:
    callback: Callable[[float, str], None] | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def report(self, fraction: float, message: str = "") -> None:
        """Say how far the work is (0–1); raises Cancelled once the user has asked to stop."""
        if self.cancel_event.is_set():
            raise Cancelled()
        if self.callback is not None:
            self.callback(min(max(fraction, 0.0), 1.0), message)

    def cancel(self) -> None:
        self.cancel_event.set()


NO_PROGRESS = Progress()
