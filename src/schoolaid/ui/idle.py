"""How long the window has gone without a key press or a click: a shared PC left signed in is
locked after a while (a setting).

The watch sits on each top-level window (its ``QWindow``, as the window comes to the front), which
receives the keyboard's and the mouse's events before its widgets do — and little else. On the
application it saw every event of every widget (each paint, layout and timer): a call into Python for
each, which with a worker busy in Python meant waiting for the GIL each time, a whole repaint's worth of
waits at once.
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
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._window_in_front)
            self._window_in_front(app.focusWindow())

    def _window_in_front(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once per window: Qt keeps one entry per filter
            self.touch()  # a window brought to the front is someone at work

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT:
            self._last = time.monotonic()
        return False

    def touch(self) -> None:
        self._last = time.monotonic()

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last
