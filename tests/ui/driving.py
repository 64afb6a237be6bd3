"""Driving modal dialogs as a user does: the code under test opens one with exec(), which blocks;
this answers it from the event loop once it is up."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

LOOKS = 500  # about 10 s of looking before giving up (the dialog never came)


def when_shown(kind: type[QDialog], then: Callable[[QDialog], None], seen: list[QDialog] | None = None) -> list[QDialog]:
    """Once a modal dialog of ``kind`` is showing, do ``then(dialog)`` with it (what the user does);
    the dialogs answered are added to the returned list. If none comes, whatever modal dialog is up
    is closed, so that the test fails rather than hangs."""
    answered = seen if seen is not None else []

    def look(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            answered.append(dialog)
            then(dialog)
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
        text = dialog.problems_label.text()
        dialog.reject()
        raise AssertionError(f"the dialog refused: {text}")
