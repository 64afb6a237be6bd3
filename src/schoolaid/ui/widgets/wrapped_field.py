"""A one-line setting whose value can outgrow a line (the holidays, say): shown wrapped over lines, never cut off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class WrappedLineEdit(QPlainTextEdit):
    """Typed like a line edit (Enter goes to the dialog, a line break pasted in is a space), shown over ``lines``
    lines so that a long value wraps instead of running out of sight."""

    def __init__(self, text: str = "", lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlainText(text)
        margins = self.contentsMargins()
        document_margin = round(self.document().documentMargin())
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 2 * document_margin
                            + margins.top() + margins.bottom() + 2)

    def text(self) -> str:
        return " ".join(self.toPlainText().split("\n")).strip()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the dialog's default button, as in a line edit
            return
        super().keyPressEvent(event)
