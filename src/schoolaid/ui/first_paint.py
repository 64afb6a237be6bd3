"""A window's first paint: what waits for it (``after_first_paint``), and the check of a build.

The check of a build: with SCHOOLAID_CHECK_FIRST_PAINT=1 the program draws the first window it shows
(the setup, the sign-in or the main window), prints what it drew — its class, size, title and the font —
and ends. CI runs the frozen and the installed program so, offscreen: a Qt plugin, a font or a
translation missing from a package fails there, not at a school."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENVIRONMENT = "SCHOOLAID_CHECK_FIRST_PAINT"
# A window the offscreen platform never paints (nothing grabs it) does not wait longer than this once shown.
UNPAINTED_AFTER_MS = 500


class _AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        if window.isVisible():
            QTimer.singleShot(UNPAINTED_AFTER_MS, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)  # once this paint is on the screen
        elif event.type() == QEvent.Type.Show:
            QTimer.singleShot(UNPAINTED_AFTER_MS, self, self._call)
        return False

    def _call(self) -> None:
        callback, self.callback = self.callback, None
        if callback is not None:
            self.parent().removeEventFilter(self)  # no more of its events through Python
            callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """``callback()`` once, when ``window`` has been painted for the first time (or shown a while, if no
    paint comes): work that would compete with the first paint waits for it. Not at all if the window is
    deleted before."""
    _AfterFirstPaint(window, callback)


class _FirstWindow(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self.seen and event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.seen = True
            QTimer.singleShot(0, lambda: _report(watched))  # once the window is laid out
        return False


def _report(window: QWidget) -> None:
    image = window.grab()  # the offscreen platform paints a window only when it is grabbed
    print(f"painted {type(window).__name__} {image.width()}x{image.height()} "
          f"«{window.windowTitle()}» font {QApplication.font().family()}", flush=True)
    # Ends here, mid-start, on purpose: nothing has been written yet, and no dialog is left to answer.
    os._exit(0 if not image.isNull() and image.width() > 0 else 1)


def install_if_asked(app: QApplication) -> None:
    if os.environ.get(ENVIRONMENT):
        watcher = _FirstWindow()
        watcher.setParent(app)
        app.installEventFilter(watcher)
