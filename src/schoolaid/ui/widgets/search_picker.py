"""The dialog that chooses one record: a search box, a narrowing list (village, school), the matches
in a table; Enter or a double click chooses. The household and student pickers differ only in what
they search and show."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from schoolaid.ui.context import AppContext
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table

R = TypeVar("R")


class SearchPicker(Dialog, Generic[R]):
    """Subclasses set the title, call ``build`` with their columns and narrowing choices, and give
    ``matches``; ``chosen`` is the record chosen."""

    #: The records for the search text and the narrowing choice's value (each subclass's own method).
    matches: Callable[[str, Any], list[R]]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.chosen: R | None = None

    def build(self, *, hint: str, narrowing: Sequence[tuple[str, Any]], columns: list[Column[R]],
              fit_contents: bool = False) -> None:
        """Lay the dialog out (the subclass has set its title and size) and show the first matches."""
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(hint)
        self.narrow_combo = QComboBox()
        for label, value in narrowing:
            self.narrow_combo.addItem(label, value)
        self.model: RecordTableModel[R] = RecordTableModel(columns, parent=self)
        self.table = record_table(self.model, fit_contents=fit_contents)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 2)
        top.addWidget(self.narrow_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.search_edit.textChanged.connect(self.refresh)
        self.narrow_combo.currentIndexChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._choose)
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.matches(self.search_edit.text(), self.narrow_combo.currentData()))
        if self.model.rowCount():
            self.table.selectRow(0)

    def _choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.model.row_object(rows[0].row())
        self.accept()
