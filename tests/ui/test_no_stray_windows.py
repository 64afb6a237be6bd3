"""Building a tab shows no window of its own: a tab's buttons were shown before they had a parent, so each
flashed on the screen as a little window and took the keyboard from the main window (its shortcuts dead until
the next click) the first time each tab was opened."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from schoolaid.ui.actions import make_button
from schoolaid.ui.main_window import MainWindow


def test_opening_every_tab_and_page_leaves_the_keyboard_with_the_main_window(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    windows_in_front: list[str] = []
    QGuiApplication.instance().focusWindowChanged.connect(
        lambda shown: windows_in_front.append(shown.objectName() if shown is not None else ""))
    window.show()
    qtbot.waitUntil(lambda: window.home_page.built, timeout=5_000)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.tabs.page(window.tabs.currentIndex()).built, timeout=5_000)
        sections = getattr(window.tabs.currentWidget(), "sections", None)
        for page in range(sections.count() if sections is not None else 0):
            sections.setCurrentIndex(page)
            qtbot.wait(100)
    assert windows_in_front == [window.windowHandle().objectName()]
    assert QGuiApplication.focusWindow() is window.windowHandle() and QApplication.activeWindow() is window


def test_a_button_is_not_shown_before_its_tab_places_it(qtbot, context) -> None:
    button = make_button("students.add", context, context)  # offered to the demo's operator
    qtbot.addWidget(button)
    assert button.parent() is None and not button.isVisible()
