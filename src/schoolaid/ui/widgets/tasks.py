"""Long work off the GUI thread, with a progress dialog that appears only if the work is slow and
a Cancel button that stops it (the core checks ``Progress`` and rolls back)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from schoolaid.common.progress import Cancelled, Progress

# As Anki does: quick work never flashes a dialog.
PROGRESS_DELAY_MS = 600


class BackgroundTask(QObject):
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.progress = Progress(callback=lambda fraction, message: self.progressed.emit(fraction, message))
        self._work = work
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 1000, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.progress.cancel)
        self.progressed.connect(self._show_progress)
        self.finished.connect(self._close)
        self._thread = threading.Thread(target=self._run, name=f"task: {title}", daemon=True)
        self.done = False

    def start(self) -> BackgroundTask:
        self.dialog.setValue(0)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            result = self._work(self.progress)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.done = True
            self.finished.emit()

    def _close(self) -> None:
        """The work is over: the progress dialog is deleted (here, on the GUI thread). The task itself stays
        with its parent: deleting it from its own finished signal made PySide 6.11 crash later, in Qt's
        deferred deletion (tests/ui/test_import_dialog.py, about one run in two)."""
        self.dialog.close()
        self.dialog.deleteLater()

    def _show_progress(self, fraction: float, message: str) -> None:
        if message:
            self.dialog.setLabelText(message)
        self.dialog.setValue(round(fraction * 1000))

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the work to stop and wait for it (a window closing must not leave it writing)."""
        if not self.done:
            self.progress.cancel()
            self.wait(timeout)


def run_in_background(parent: QWidget | None, title: str, work: Callable[[Progress], Any],
                      on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None],
                      on_cancel: Callable[[], None] | None = None) -> BackgroundTask:
    task = BackgroundTask(parent, title, work)
    task.succeeded.connect(on_success)
    task.failed.connect(on_failure)
    if on_cancel is not None:
        task.cancelled.connect(on_cancel)
    return task.start()
