"""The two kinds of small table the dialogs use: read-only lists and editable rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from schoolaid.ui.widgets.delegates import ChoiceDelegate
from schoolaid.ui.widgets.table_models import EditableTableModel
from schoolaid.ui.widgets.table_setup import fit_columns


class TableView(QTableView):
    """A table that can ask for the height of a few rows only, so that a dialog with two tables still fits a
    768-pixel screen (Qt asks for 192 pixels a table whatever it holds)."""

    preferred_rows: int | None = None

    def set_preferred_rows(self, rows: int) -> None:
        self.preferred_rows = rows
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.preferred_rows is None:
            return hint
        header = self.horizontalHeader()
        height = (self.verticalHeader().defaultSectionSize() * self.preferred_rows
                  + (0 if header.isHidden() else header.sizeHint().height())
                  + 2 * self.frameWidth() + self.horizontalScrollBar().sizeHint().height())
        return QSize(hint.width(), height)


def _base(model: QAbstractItemModel) -> TableView:
    table = TableView()
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # the arrows move between cells; Tab goes on to the next field
    return table


def record_table(model: QAbstractItemModel, *, stretch: int | None = None, wrap: bool = False,
                 fit_contents: bool = True) -> TableView:
    """Read-only rows, each column as wide as its content (measured on the first rows) and resizable by hand;
    ``stretch``, the free-text column, takes the spare width (the last column if none is named). Text cut short
    shows in full in a tooltip; with ``wrap`` (short lists only: every row is measured) it wraps over lines
    instead. (``fit_contents`` is no longer a choice: every table fits its content.)"""
    del fit_contents
    table = _base(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(wrap)
    if wrap:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    fit_columns(table, stretch)
    return table


def editable_table(model: EditableTableModel, *, stretch: bool = False) -> TableView:
    """Rows edited in place, with drop-downs for choice columns; each column at least its given width, wider for
    its content, resizable by hand; the spare width to every column (``stretch``) or to the last."""
    table = _base(model)
    table.setItemDelegate(ChoiceDelegate(table))
    table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    fit_columns(table, fill_all=stretch,
                least={position: column.width for position, column in enumerate(model.columns) if column.width})
    return table
