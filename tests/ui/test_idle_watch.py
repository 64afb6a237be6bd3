"""The idle watch sees the keyboard and the mouse as the platform delivers them — to the window in
front — and costs the widgets' own events nothing."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from schoolaid.ui.idle import IdleWatch


def _front_window(qtbot) -> tuple[QWidget, QLineEdit]:
    window = QWidget()
    edit = QLineEdit(window)
    QVBoxLayout(window).addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle())
    edit.setFocus()
    return window, edit


def test_a_key_pressed_and_a_click_in_the_window_in_front_count_as_work(qtbot) -> None:
    watch = IdleWatch()
    window, edit = _front_window(qtbot)
    watch._last = time.monotonic() - 600  # ten minutes without a touch
    assert watch.idle_seconds() >= 600
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert watch.idle_seconds() < 5 and edit.text() == "a"  # seen, and still typed
    watch._last = time.monotonic() - 600
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(5, 5))
    assert watch.idle_seconds() < 5


def test_a_window_coming_to_the_front_counts_as_work_and_is_watched(qtbot) -> None:
    watch = IdleWatch()
    watch._last = time.monotonic() - 600
    window, _edit = _front_window(qtbot)
    assert watch.idle_seconds() < 5


def test_the_widgets_own_events_do_not_pass_through_python(qtbot) -> None:
    """Painting, layouts and timers of the widgets go past the watch: only what reaches the window does."""
    seen: list[QObject] = []

    class CountingWatch(IdleWatch):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            seen.append(watched)
            return super().eventFilter(watched, event)

    watch = CountingWatch()
    window, edit = _front_window(qtbot)
    seen.clear()
    for n in range(20):
        edit.setText(f"第{n}行")
        edit.repaint()
        window.resize(300 + n, 200)
        QApplication.processEvents()
    assert seen and all(isinstance(watched, QWindow) for watched in seen)
    assert watch.idle_seconds() < 5
