"""A table model for long lists (the roster, the ledger): it holds ids only and fetches the rows on
screen in batches, so 100,000 students or 1,000,000 ledger entries cost a list of ints."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
BATCH = 200
CACHE_LIMIT = 4000


@dataclass(frozen=True)
class LazyColumn(Generic[R]):
    key: str
    header: Callable[[], str]
    value: Callable[[R], str]
    centred: bool = False
    foreground: Callable[[R], QBrush | None] | None = None
    tooltip: Callable[[R], str] | None = None


class LazyIdModel(QAbstractTableModel, Generic[R]):
    """Subclasses set the ids (``show_ids``) and say how to fetch rows for ids (``fetch``)."""

    def __init__(self, columns: Sequence[LazyColumn[R]], fetch: Callable[[list[int]], dict[int, R]],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._fetch_rows = fetch
        self._ids: list[int] = []
        self._count = 0  # rows shown: more than len(self._ids) while only the first ids are known
        self._rows: dict[int, R] = {}

    def show_ids(self, ids: list[int], count: int | None = None, rows: dict[int, R] | None = None) -> None:
        """Show these ids; with a ``count`` beyond them, only the first ids of that many are given and
        the rest come from ``all_ids`` when a row past them is asked for. ``rows``: rows read with the ids (in
        the same transaction), so that the first screen needs no fetch."""
        self.beginResetModel()
        self._ids = ids
        self._count = len(ids) if count is None else max(count, len(ids))
        self._rows.clear()
        if rows:
            self._rows.update(rows)
        self.endResetModel()

    def replace_rows(self, rows: dict[int, R]) -> None:
        """The same ids read again (after a change): their rows replaced in place. No reset: the selection, the place
        scrolled to and the columns' widths stay, and a county's table is not measured again on the GUI thread."""
        self._rows.clear()
        self._rows.update(rows)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1))

    def all_ids(self) -> list[int]:
        """Every id, in order, when ``show_ids`` was given only the first ones. A model that gives only the
        first ids reads the rest here; by default the ids known are all there are, and the rows shown
        shrink to them."""
        return list(self._ids)

    @property
    def complete(self) -> bool:
        return len(self._ids) >= self._count

    def _complete(self) -> None:
        if not self.complete:
            self._ids = self.all_ids()
            if len(self._ids) != self._count:  # changed since the count: show what there is now
                self.show_ids(self._ids)

    def id_at(self, row: int) -> int:
        if row >= len(self._ids):
            self._complete()
        return self._ids[row]

    def row_of(self, item_id: int) -> int | None:
        try:
            return self._ids.index(item_id)
        except ValueError:
            if self.complete:
                return None
        self._complete()
        return self.row_of(item_id)

    def row_object(self, row: int) -> R:
        item_id = self.id_at(row)
        cached = self._rows.get(item_id)
        if cached is not None:
            return cached
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        # Fetch the neighbourhood too: the view asks for the rows around this one next.
        start = max(0, row - BATCH // 4)
        wanted = [i for i in self._ids[start:start + BATCH] if i not in self._rows]
        self._rows.update(self._fetch_rows(wanted))
        if item_id not in self._rows:  # removed meanwhile: fetch it alone (or fail loudly)
            self._rows.update(self._fetch_rows([item_id]))
        return self._rows[item_id]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(self.row_object(index.row()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.centred:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(self.row_object(index.row()))
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(self.row_object(index.row()))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header()
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None
