"""Progress and cancellation for long work, without Qt: the GUI passes a callback and a flag."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from schoolaid.common.i18n import translate

# Rows written between two reports: a cancel stops an export within one batch.
BATCH = 1000


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

    def part(self, start: float, end: float) -> Progress:
        """A share of this work: what the share reports as 0–1 shows here as ``start``–``end``; a
        cancel reaches it too."""
        return Progress(lambda fraction, message: self.report(start + (end - start) * fraction, message),
                        self.cancel_event)

    def rows(self, done: int, total: int) -> None:
        """``done`` of ``total`` rows written: said after each batch (and stops there once cancelled)."""
        self.report(done / max(total, 1), translate("Progress", "{n} of {total} rows written…").format(
            n=done, total=total))

    def amount(self, done: int, total: int, message: str) -> None:
        """``done`` of ``total`` bytes: the fraction, and ``message`` with ``{done}`` and ``{total}`` in MB
        (a big database's copy is long: the user sees it move)."""
        self.report(done / max(total, 1), message.format(done=megabytes(done), total=megabytes(total)))

    def saving(self) -> None:
        """The rows are ready and the file is being written (the last point a cancel stops it)."""
        self.report(1.0, translate("Progress", "Saving the file…"))


def megabytes(size: int) -> str:
    """Bytes as MB, one decimal: 12.3."""
    return f"{size / 1_048_576:.1f}"


NO_PROGRESS = Progress()
