"""The base of every dialog of the window: deleted, on the GUI thread, once it has closed.

When ``exec()`` returns, PySide hands the dialog back to Python, even one made with a parent. If
anything still held it in a reference cycle, it would live on as garbage and Python's collector would
later delete the widget on whatever thread ran the collection, possibly a worker's, which kills the
program. So a dialog is deleted as soon as the code that opened it is done with it: ``deleteLater()``
after ``exec()`` (the caller can still read the fields it needs), ``WA_DeleteOnClose`` after ``open()``,
and a collection on the GUI thread follows (``ui.garbage``). Until Qt has deleted it, the dialog is held
here, so no collection on any thread can be the one that destroys it.
"""

from __future__ import annotations

import functools

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from schoolaid.ui import garbage

_closing: dict[int, QDialog] = {}  # dialogs closed and waiting for their deleteLater()


def _deleted(key: int, *_destroyed: object) -> None:
    _closing.pop(key, None)


class Dialog(QDialog):
    def exec(self) -> int:
        try:
            return super().exec()
        finally:
            if shiboken6.isValid(self):  # WA_DeleteOnClose may have deleted it already
                _closing[id(self)] = self
                self.destroyed.connect(functools.partial(_deleted, id(self)))
                self.deleteLater()
            garbage.collect_soon()

    def open(self) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(garbage.collect_soon)
        super().open()
