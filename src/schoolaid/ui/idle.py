"""How long the window has gone without a key press or a click: a shared PC left signed in is
locked after a while (a setting).

The input is watched on the windows themselves (the one given the focus at once, the others as they are found
at the next look at the idle time, every half minute), not on every event of the application: a filter of
the whole application runs Python for each of the thousand events a tab sends its widgets when first shown,
and with a worker busy in Python each call waited for the GIL — half that showing's time at a county's size.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QWindow

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.MouseMove}


class IdleWatch(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = time.monotonic()
        self._watched: set[QWindow] = set()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch)
        self._watch_windows()

    def _watch(self, window: QWindow | None) -> None:
        if window is not None and window not in self._watched:
            self._watched.add(window)
            window.installEventFilter(self)
            window.destroyed.connect(lambda: self._watched.discard(window))

    def _watch_windows(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            for window in app.topLevelWindows():
                self._watch(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT:
            self._last = time.monotonic()
        return False

    def touch(self) -> None:
        self._last = time.monotonic()

    def idle_seconds(self) -> float:
        self._watch_windows()  # the windows made since the last look
        return time.monotonic() - self._last
