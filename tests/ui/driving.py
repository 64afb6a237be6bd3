"""Driving modal dialogs as a user does: the code under test opens one with exec(), which blocks;
this answers it from the event loop once it is up."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

LOOKS = 500  # about 10 s of looking before giving up (the dialog never came)

# Which test is running: a look left over from a test that has ended must not answer (or close) the next
# test's dialogs — a progress dialog closed so by an earlier test's look was a flake of the whole suite.
# tests/ui/conftest.py moves it on after each test.
_test_number = 0


def end_of_test() -> None:
    global _test_number
    _test_number += 1


def this_test() -> Callable[[], bool]:
    """Whether the test that asked is still the one running."""
    number = _test_number
    return lambda: number == _test_number


def when_shown(kind: type[QDialog], then: Callable[[QDialog], None], seen: list[QDialog] | None = None) -> list[QDialog]:
    """Once a modal dialog of ``kind`` is showing, do ``then(dialog)`` with it (what the user does);
    the dialogs answered are added to the returned list. If none comes, whatever modal dialog is up
    is closed, so that the test fails rather than hangs."""
    answered = seen if seen is not None else []
    still_running = this_test()

    def look(left: int) -> None:
        if not still_running():
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            answered.append(dialog)
            try:
                then(dialog)
            except BaseException:
                # A failed check inside the dialog must end its exec(), or the test waits forever.
                if dialog.isVisible():
                    dialog.reject()
                raise
        elif left:
            QTimer.singleShot(20, lambda: look(left - 1))
        elif isinstance(dialog, QDialog):
            dialog.reject()

    QTimer.singleShot(0, lambda: look(LOOKS))
    return answered


def save(dialog: QDialog) -> None:
    """Press the dialog's Save (a FormDialog's), and say what it refused if it stays open."""
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    if dialog.isVisible():
        text = dialog.refusal_text() if hasattr(dialog, "refusal_text") else dialog.problems_label.text()
        dialog.reject()
        raise AssertionError(f"the dialog refused: {text}")


def quiet_window(qtbot, context, monkeypatch):
    """The main window on the demo township, shown and settled, with message boxes answering at once (No to
    questions, Cancel to a box shown with exec): nothing stops a walk through every dialog. Every tab has
    been opened once, as a user clicking through them (a tab is built when first shown), and the first
    is shown again."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from schoolaid.ui.main_window import MainWindow
    from schoolaid.ui.operations import running

    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, **kwargs: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    bar = main.tabs.tabBar()
    for index in (*range(1, main.tabs.count()), 0):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        # A tab is made in steps once shown (widgets.lazy_tabs).
        qtbot.waitUntil(lambda index=index: getattr(main.tabs.page(index), "built", True), timeout=10_000)
    main.home_tab.wait()
    qtbot.waitUntil(lambda: not running(main), timeout=30_000)
    return main
