"""A one-line setting whose value can outgrow a line (the holidays, say): shown wrapped over lines, never cut off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class WrappedLineEdit(QPlainTextEdit):
    """Typed like a line edit (Enter goes to the dialog, a line break pasted in is a space), shown over as many
    lines as the value needs, from ``least`` to ``most`` (a scroll bar beyond), so that a long value wraps
    instead of running out of sight."""

    def __init__(self, text: str = "", least: int = 2, most: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.least, self.most = least, most
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.textChanged.connect(self._fit_height)
        self.setPlainText(text)
        self._fit_height()

    def text(self) -> str:
        return " ".join(self.toPlainText().split("\n")).strip()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def lines_needed(self) -> int:
        # A plain-text document's layout measures its height in lines.
        return max(1, round(self.document().documentLayout().documentSize().height()))

    def _fit_height(self) -> None:
        lines = min(max(self.lines_needed(), self.least), self.most)
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * round(self.document().documentMargin())
        height = lines * self.fontMetrics().lineSpacing() + frame + 4
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()  # wider or narrower: the value wraps over other lines

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the dialog's default button, as in a line edit
            return
        super().keyPressEvent(event)
