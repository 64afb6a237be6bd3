"""The columns of an imported sheet and what each is imported as, editable: the left half of every
import preview (the roster, the lists of 四查三比对). One sheet at a time when a workbook has several."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from schoolaid.documents.sheet_header import Header
from schoolaid.ui.widgets.table_models import EditableTableModel, EditColumn
from schoolaid.ui.widgets.table_views import editable_table


class ColumnMapping(QGroupBox):
    """``choices()`` gives (label, value) for every field a column may be imported as; ``field_of(value)``
    turns a value back into the field. Editing writes the header's ``mapping`` (one column per field:
    choosing a field again takes it from the other column), then emits ``changed``."""

    changed = Signal()

    def __init__(self, choices: Callable[[], Sequence[tuple[str, Any]]], field_of: Callable[[Any], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Columns"), parent)
        self._field_of = field_of
        self.headers: list[Header[Any]] = []
        not_imported = self.tr("(not imported)")
        self.sheet_combo = QComboBox()
        self.model = EditableTableModel([
            EditColumn("label", self.tr("Column in the sheet"), read_only=True, width=150),
            EditColumn("field", self.tr("Imported as"), kind="choice", default=None,
                       choices=lambda: [(not_imported, None), *choices()]),
        ], self)
        self.table = editable_table(self.model)
        self.layout_ = QVBoxLayout(self)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(self.tr("Sheet:")))
        sheet_row.addWidget(self.sheet_combo, 1)
        self.layout_.addLayout(sheet_row)
        self.layout_.addWidget(self.table)
        self.sheet_combo.currentIndexChanged.connect(self._show)
        self.model.dataChanged.connect(self._edited)

    def set_headers(self, headers: Sequence[Header[Any]]) -> None:
        self.headers = list(headers)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for header in self.headers:
            self.sheet_combo.addItem(self.tr("{sheet} (header on row {row})").format(
                sheet=header.sheet.name, row=header.excel_row))
        self.sheet_combo.blockSignals(False)
        self._show()

    def current_header(self) -> Header[Any] | None:
        index = self.sheet_combo.currentIndex()
        return self.headers[index] if 0 <= index < len(self.headers) else None

    def _show(self) -> None:
        header = self.current_header()
        if header is None:
            return
        self.model.blockSignals(True)
        self.model.set_rows([
            {"label": label or self.tr("(column {n}, no name)").format(n=column + 1),
             "field": header.mapping[column].value if column in header.mapping else None}
            for column, label in enumerate(header.labels)])
        self.model.blockSignals(False)
        self.model.layoutChanged.emit()

    def _edited(self) -> None:
        header = self.current_header()
        if header is None:
            return
        mapping: dict[int, Any] = {}
        for column, row in enumerate(self.model.rows()):
            if row["field"]:
                field = self._field_of(row["field"])
                mapping = {c: f for c, f in mapping.items() if f is not field}
                mapping[column] = field
        header.mapping = mapping
        self.changed.emit()

    def set_editable(self, editable: bool) -> None:
        """The mapping is locked while the rows are checked; the sheets may still be looked at."""
        self.table.setEnabled(editable)
