"""Small table models for short lists (a record's history, a household's members).

The roster, which can hold 100,000 rows, has its own lazy model (``roster_model``).
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

R = TypeVar("R")


def local_time(moment: dt.datetime) -> str:
    """A moment stored in UTC, as the clock on this PC shows it."""
    return moment.replace(tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")

Index = QModelIndex | QPersistentModelIndex

# A column's title: the text itself, or a function giving it. A dialog passes the text (``self.tr("Name")``):
# a ``lambda: self.tr(…)`` kept by the dialog's own model is a reference cycle through the dialog.
Header = str | Callable[[], str]


def header_text(header: Header) -> str:
    return header if isinstance(header, str) else header()


def weak_method(method: Callable[..., Any]) -> Callable[..., Any]:
    """A bound method that does not keep its object alive, for a model's column calling back into the
    dialog that owns the model (a strong reference would be a cycle through the dialog)."""
    reference = weakref.WeakMethod(method)

    def call(*args: Any) -> Any:
        bound = reference()
        return None if bound is None else bound(*args)

    return call


@dataclass
class Column(Generic[R]):
    header: Header
    value: Callable[[R], Any]
    align_center: bool = False
    foreground: Callable[[R], QBrush | None] | None = None
    tooltip: Callable[[R], str] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Read-only rows of any objects, described by ``Column``s."""

    def __init__(self, columns: Sequence[Column[R]], rows: Sequence[R] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_center:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return header_text(self._columns[section].header)
        return None


@dataclass
class EditColumn:
    key: str
    header: Header
    kind: str = "text"  # text, int, bool, choice
    choices: Callable[[], list[tuple[str, Any]]] | None = None  # (label, value)
    width: int | None = None
    default: Any = ""
    read_only: bool = False

    def label_for(self, value: Any) -> str:
        if self.choices is not None:
            for label, choice in self.choices():
                if choice == value:
                    return label
        return "" if value is None else str(value)


class EditableTableModel(QAbstractTableModel):
    """Rows of plain dicts edited in place: text, whole numbers, yes/no and choice columns."""

    def __init__(self, columns: Sequence[EditColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[dict[str, Any]] = []

    def rows(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def append_row(self, values: dict[str, Any] | None = None) -> int:
        row = {c.key: c.default for c in self.columns}
        row.update(values or {})
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self.endInsertRows()
        return position

    def remove_row(self, position: int) -> None:
        if 0 <= position < len(self._rows):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()

    def row_values(self, position: int) -> dict[str, Any]:
        return self._rows[position]

    def set_row_value(self, position: int, key: str, value: Any) -> None:
        self._rows[position][key] = value
        column = next(i for i, c in enumerate(self.columns) if c.key == key)
        index = self.index(position, column)
        self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.read_only:
            return base
        if column.kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()].get(column.key)
        if column.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.label_for(value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if column.read_only:
            return False
        if column.kind == "bool":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            checked = value == Qt.CheckState.Checked or value == Qt.CheckState.Checked.value
            self._rows[index.row()][column.key] = bool(checked)
        elif role == Qt.ItemDataRole.EditRole:
            if column.kind == "int":
                text = str(value).strip()
                if text and not text.isdigit():
                    return False
                value = int(text) if text else None
            elif column.kind == "text":
                value = str(value)
            self._rows[index.row()][column.key] = value
        else:
            return False
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return header_text(self.columns[section].header)
        return None
