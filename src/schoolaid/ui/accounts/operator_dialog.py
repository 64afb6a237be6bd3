"""The start screen's question: who is working? Every change is recorded under that name."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from schoolaid.pairing import staff
from schoolaid.ui.context import AppContext
from schoolaid.ui.widgets.dialog import Dialog


class OperatorDialog(Dialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Who is working?"))
        label = QLabel(self.tr("Choose your name, or type it. Every change you make is recorded under this name."))
        label.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = [m.name for m in context.query(staff.list_staff)]
        last = context.preferences.last_operator
        if last and last not in names:
            names.insert(0, last)
        self.combo.addItems(list(dict.fromkeys(names)))
        self.combo.setCurrentText(last or "")
        self.combo.setMinimumWidth(260)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.buttons)
        self.combo.currentTextChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.combo.currentText().strip()))

    def _accept(self) -> None:
        name = self.combo.currentText().strip()
        if name:
            self.context.set_operator(name)
            self.accept()
