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
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from schoolaid.ui import garbage

_closing: dict[int, QDialog] = {}  # dialogs closed and waiting for their deleteLater()


def _deleted(key: int, *_destroyed: object) -> None:
    _closing.pop(key, None)


#: What a person types or chooses in: where a form's focus belongs (not its tab bar or its buttons).
INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def is_input(widget: QWidget | None) -> bool:
    return isinstance(widget, INPUTS) and not (isinstance(widget, QLineEdit) and isinstance(
        widget.parent(), (QAbstractSpinBox, QComboBox)))  # a spin box's or combo's own line edit is theirs


def first_input(window: QWidget) -> QWidget | None:
    """The first field of the window's Tab order that can take the focus now."""
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        if is_input(widget) and widget.isVisibleTo(window) and widget.isEnabled() and (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            if not (isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and widget.isReadOnly()):
                return widget
        widget = widget.nextInFocusChain()
    return None


def settle_keyboard(window: QWidget) -> None:
    """Tab leaves a multi-line box (Ctrl+Tab types a tab) and a table; the focus starts in the first field, unless the
    dialog put it somewhere on purpose."""
    for box in window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit):
        box.setTabChangesFocus(True)
    for table in window.findChildren(QAbstractItemView):
        table.setTabKeyNavigation(False)  # the arrows move between cells; Tab goes on to the next field
    focused = window.focusWidget()
    if focused is None or isinstance(focused, (QAbstractButton, QTabBar)):
        field = first_input(window)
        if field is not None:
            field.setFocus(Qt.FocusReason.TabFocusReason)


WINDOW_FRAME = QSize(16, 40)  # a window's frame and title bar, around what Qt calls its size


def fitted_to_screen(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, made small enough that the window, frame and title bar included, fits the screen it opens on
    less its taskbar: a 768-pixel laptop screen keeps the buttons at the bottom in sight."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() - WINDOW_FRAME
    return wanted.boundedTo(room).expandedTo(widget.minimumSizeHint())


def _two_thirds_high(widget: QWidget) -> int:
    """The height Qt caps a window's first size at."""
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry().height() * 2 // 3 if screen is not None else 10_000


class Dialog(QDialog):
    _settled = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._settled:
            self._settled = True
            settle_keyboard(self)

    def setVisible(self, visible: bool) -> None:
        if visible and not self._settled and not self.isVisible():
            # Qt opens a window at most two thirds of the screen high (512 pixels on a 768-pixel screen), which
            # squeezes a taller form until its wrapped lines overlap: sized here, before it is shown and placed,
            # at what it asks for, as far as the screen allows.
            hint = self.sizeHint()
            if self.testAttribute(Qt.WidgetAttribute.WA_Resized):  # sized by the dialog: grown to its hint
                wanted = hint.expandedTo(self.size())
                if wanted != self.size():
                    self.resize(fitted_to_screen(self, wanted))
            elif hint.height() > _two_thirds_high(self):
                self.resize(fitted_to_screen(self, hint))
        super().setVisible(visible)

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
