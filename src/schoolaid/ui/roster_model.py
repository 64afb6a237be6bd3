"""The roster table: a lazy model that holds the ids of matching students and fetches the rows
on screen in batches. Search and sort run in SQL (``schoolaid.roster``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from schoolaid import roster
from schoolaid.enrollment import EnrollmentStatus
from schoolaid.roster import RosterFilter, RosterRow
from schoolaid.ui.context import AppContext
from schoolaid.vocabulary import Sex

Index = QModelIndex | QPersistentModelIndex
STUDENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BATCH = 200
CACHE_LIMIT = 4000

_STATUS_COLOURS = {
    EnrollmentStatus.DROPPED_OUT: QColor("#c62828"),
    EnrollmentStatus.SUSPENDED: QColor("#b26a00"),
    EnrollmentStatus.TRANSFERRED_OUT: QColor("#6d6d6d"),
    EnrollmentStatus.GRADUATED: QColor("#6d6d6d"),
    EnrollmentStatus.NOT_ENROLLED: QColor("#8e24aa"),
}


def _yes(value: bool) -> str:
    return QCoreApplication.translate("RosterModel", "Yes") if value else ""


@dataclass(frozen=True)
class RosterColumn:
    key: str  # also the sort key in schoolaid.roster
    header: Callable[[], str]
    value: Callable[[RosterRow], str]
    centred: bool = False


def _t(text: str) -> Callable[[], str]:
    # Marked with QT_TRANSLATE_NOOP where the column is declared, so lupdate collects it.
    return lambda: QCoreApplication.translate("RosterModel", text)


COLUMNS = (
    RosterColumn("name", _t(QT_TRANSLATE_NOOP("RosterModel", "Name")), lambda r: r.name),
    RosterColumn("sex", _t(QT_TRANSLATE_NOOP("RosterModel", "Sex")), lambda r: Sex(r.sex).label(), centred=True),
    RosterColumn("age", _t(QT_TRANSLATE_NOOP("RosterModel", "Age")), lambda r: "" if r.age is None else str(r.age), centred=True),
    RosterColumn("school", _t(QT_TRANSLATE_NOOP("RosterModel", "School")), lambda r: r.school),
    RosterColumn("grade", _t(QT_TRANSLATE_NOOP("RosterModel", "Grade and class")), lambda r: f"{r.grade_label} {r.class_name}".strip()),
    RosterColumn("village", _t(QT_TRANSLATE_NOOP("RosterModel", "Village")), lambda r: r.village),
    RosterColumn("head", _t(QT_TRANSLATE_NOOP("RosterModel", "Household head")), lambda r: r.household_head),
    RosterColumn("registered_poor", _t(QT_TRANSLATE_NOOP("RosterModel", "Registered poor")), lambda r: _yes(r.registered_poor), centred=True),
    RosterColumn("left_behind", _t(QT_TRANSLATE_NOOP("RosterModel", "Left-behind")), lambda r: _yes(r.left_behind), centred=True),
    RosterColumn("boarder", _t(QT_TRANSLATE_NOOP("RosterModel", "Boarder")), lambda r: _yes(r.boarder), centred=True),
    RosterColumn("status", _t(QT_TRANSLATE_NOOP("RosterModel", "Status")), lambda r: r.status.label(), centred=True),
    RosterColumn("id_number", _t(QT_TRANSLATE_NOOP("RosterModel", "ID number")), lambda r: r.id_masked),
)


class RosterModel(QAbstractTableModel):
    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._filter = RosterFilter(statuses=frozenset({EnrollmentStatus.ENROLLED}))
        self._sort_key = "name"
        self._descending = False
        self._ids: list[int] = []
        self._rows: dict[int, RosterRow] = {}
        self._order: roster.DisplayOrder | None = None  # every student's id for the current sort
        self.searched = False  # False until the first search fills the table

    # --- what is shown ---------------------------------------------------------------------

    @property
    def filter(self) -> RosterFilter:
        return self._filter

    def set_filter(self, flt: RosterFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self, *, data_changed: bool = False) -> None:
        """Run the search again; after an edit (``data_changed``) sort again too. Rows are fetched
        as they come on screen."""
        if data_changed or self._order is None:
            self._order = self._context.query(roster.display_order, self._sort_key, self._descending)
        ids = self._order.arrange(self._context.query(roster.matching_ids, self._filter))
        self.beginResetModel()
        self._ids = ids
        self._rows.clear()
        self.searched = True
        self.endResetModel()
        self.counts_changed.emit(self.shown, self.total)

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def shown(self) -> int:
        return len(self._ids)

    @property
    def total(self) -> int:
        return len(self._order) if self._order is not None else 0

    def student_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, student_id: int) -> int | None:
        try:
            return self._ids.index(student_id)
        except ValueError:
            return None

    def roster_row(self, row: int) -> RosterRow:
        return self._fetch(row)

    # --- lazy fetching ---------------------------------------------------------------------

    def _fetch(self, row: int) -> RosterRow:
        student_id = self._ids[row]
        cached = self._rows.get(student_id)
        if cached is not None:
            return cached
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        # Fetch the neighbourhood too: the view asks for the rows around this one next.
        start = max(0, row - BATCH // 4)
        wanted = [i for i in self._ids[start:start + BATCH] if i not in self._rows]
        self._rows.update(self._context.query(roster.fetch_rows, wanted))
        found = self._rows.get(student_id)
        if found is None:  # deleted meanwhile; show an empty row until the next refresh
            self._rows.update(self._context.query(roster.fetch_rows, [student_id]))
            found = self._rows.get(student_id)
        assert found is not None
        return found

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = COLUMNS[index.column()]
        if role == STUDENT_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(self._fetch(index.row()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.centred:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "status":
            colour = _STATUS_COLOURS.get(self._fetch(index.row()).status)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "registered_poor":
            return QBrush(QColor("#c62828"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header()
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending) and self._order is not None:
            return
        self._sort_key, self._descending = key, descending
        # The matching students stay the same: only their order changes.
        self._order = self._context.query(roster.display_order, key, descending)
        self.beginResetModel()
        self._ids = self._order.arrange(self._ids)
        self._rows.clear()
        self.endResetModel()
