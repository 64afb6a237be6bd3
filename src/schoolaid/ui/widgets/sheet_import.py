"""What the roster's import and the lists' import (四查三比对) share: a dialog opened on a file, read and checked
in the background; the preview's rows shown by what they need; checked again a moment after the columns or a
choice change; written only when Import is pressed, and stopped if the dialog closes first."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schoolaid.ui.context import AppContext
from schoolaid.ui.operations import Operation
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.table_models import Column, RecordTableModel

RECHECK_DELAY_MS = 400
# Rows whose reasons are wrapped are measured only below this many: measuring thousands stalled the dialog.
MEASURED_ROWS = 500


R = TypeVar("R")


class SheetImportDialog(Dialog):
    SHOW_ATTENTION, SHOW_ALL, SHOW_REJECTED, SHOW_WARNINGS = range(4)

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = Path(path)
        self.task: Operation | None = None
        self._recheck_wanted = False
        self.summary_label = QLabel(self.tr("Reading {name}…").format(name=self.path.name))
        self.summary_label.setWordWrap(True)
        self.show_combo = QComboBox()
        for label in (self.tr("Rows that need attention"), self.tr("All rows"), self.tr("Rejected rows"),
                      self.tr("Rows with warnings")):
            self.show_combo.addItem(label)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.buttons = QDialogButtonBox()
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(RECHECK_DELAY_MS)  # each import connects it to its own check

    def sheet_columns(self, colours: Mapping[Any, QColor]) -> list[Column[Any]]:
        """The columns every preview begins with: where the row is, whose it is, and what becomes of it."""
        return [
            Column(self.tr("Sheet"), lambda r: r.sheet),
            Column(self.tr("Row"), lambda r: r.row, align_center=True),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Outcome"), lambda r: r.outcome.label(), align_center=True,
                   foreground=lambda r: QBrush(colours[r.outcome])),
        ]

    def preview(self, columns: QWidget, table: QTableView, sizes: Sequence[int], *buttons: QPushButton) -> QSplitter:
        """The columns on the left; on the right the summary, what to show (and ``buttons`` for the rows
        selected), and the rows."""
        rows_box = QWidget()
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addWidget(self.summary_label)
        show_row = QHBoxLayout()
        show_row.addWidget(QLabel(self.tr("Show:")))
        show_row.addWidget(self.show_combo)
        show_row.addStretch(1)
        for button in buttons:
            show_row.addWidget(button)
        rows_layout.addLayout(show_row)
        rows_layout.addWidget(table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(columns)
        splitter.addWidget(rows_box)
        splitter.setSizes(list(sizes))
        return splitter

    def finish_buttons(self, *actions: QPushButton) -> None:
        """``actions`` (saving the rejected rows…), then Import and Cancel."""
        for action in actions:
            self.buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)

    def working(self) -> bool:
        return self.task is not None and not self.task.done

    def show_rows_of(self, model: RecordTableModel[R], table: QTableView, every: Sequence[R], rejected: Sequence[R],
                     warned: Sequence[R], needs_attention: Callable[[R], bool],
                     others: Mapping[int, Callable[[R], bool]] | None = None) -> None:
        """The rows the show box asks for: those needing attention, all, the rejected, those with warnings, or
        those an import adds (``others``: the box's further entries and which rows they show)."""
        show = self.show_combo.currentIndex()
        rows: Sequence[R]
        if show == self.SHOW_ATTENTION:
            rows = [r for r in every if needs_attention(r)]
        elif show == self.SHOW_REJECTED:
            rows = rejected
        elif show == self.SHOW_WARNINGS:
            rows = warned
        elif others and show in others:
            rows = [r for r in every if others[show](r)]
        else:
            rows = every
        model.set_rows(rows)
        if len(rows) < MEASURED_ROWS:
            table.resizeRowsToContents()

    def import_cancelled(self) -> None:
        QMessageBox.information(self, self.tr("Import"), self.tr("The import was cancelled; nothing was written."))

    def done(self, result: int) -> None:
        # Closing while work runs: stop it first, so that nothing reports to a window that is gone.
        if self.task is not None:
            self.task.stop()
        super().done(result)
