"""The two kinds of small table the dialogs use: read-only lists and editable rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from schoolaid.ui.widgets.delegates import ChoiceDelegate
from schoolaid.ui.widgets.table_models import EditableTableModel


def _base(model: QAbstractItemModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # the arrows move between cells; Tab goes on to the next field
    return table


def record_table(model: QAbstractItemModel, *, fit_contents: bool = False) -> QTableView:
    """Read-only rows; columns share the width, or fit their contents with the last one stretched."""
    table = _base(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    if fit_contents:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Measure the first rows only: a list of thousands would be measured row by row.
        header.setResizeContentsPrecision(100)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def editable_table(model: EditableTableModel, *, stretch: bool = False) -> QTableView:
    """Rows edited in place, with drop-downs for choice columns; widths from the columns."""
    table = _base(model)
    table.setItemDelegate(ChoiceDelegate(table))
    table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    header = table.horizontalHeader()
    if stretch:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for position, column in enumerate(model.columns):
        if column.width:
            table.setColumnWidth(position, column.width)
    return table
