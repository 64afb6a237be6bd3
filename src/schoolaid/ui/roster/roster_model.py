"""The roster table: a lazy model that holds the ids of matching students and fetches the rows
on screen in batches. Search and sort run in SQL (``schoolaid.roster.roster``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from schoolaid.common.vocabulary import Sex
from schoolaid.roster import roster
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.roster import RosterFilter, RosterRow
from schoolaid.ui.context import AppContext
from schoolaid.ui.widgets.lazy_model import BATCH, LazyColumn, LazyIdModel

_STATUS_COLOURS = {
    EnrollmentStatus.DROPPED_OUT: QColor("#c62828"),
    EnrollmentStatus.SUSPENDED: QColor("#b26a00"),
    EnrollmentStatus.TRANSFERRED_OUT: QColor("#6d6d6d"),
    EnrollmentStatus.GRADUATED: QColor("#6d6d6d"),
    EnrollmentStatus.NOT_ENROLLED: QColor("#8e24aa"),
}


def _yes(value: bool) -> str:
    return QCoreApplication.translate("RosterModel", "Yes") if value else ""


_CATEGORY_COLOURS = {HouseholdCategory.MONITORED.value: "#c62828", HouseholdCategory.LIFTED.value: "#1b5e20"}


def _category(value: str) -> str:
    """The household's category as the roster shows it: nothing for 一般户 or no household."""
    if not value or value == HouseholdCategory.GENERAL.value:
        return ""
    return HouseholdCategory(value).label()


# A child the age rule or the approvals flag (应入学, 休学无批准, 休学已到期) has work waiting: red.
_FLAG_COLOUR = QColor("#c62828")


def _status(row: RosterRow) -> str:
    if row.flag is None:
        return row.status.label()
    return QCoreApplication.translate("RosterModel", "{status} · {flag}").format(
        status=row.status.label(), flag=row.flag.label())


def _status_colour(row: RosterRow) -> QBrush | None:
    if row.flag is not None:
        return QBrush(_FLAG_COLOUR)
    return QBrush(_STATUS_COLOURS[row.status]) if row.status in _STATUS_COLOURS else None


def _t(text: str) -> Callable[[], str]:
    # Marked with QT_TRANSLATE_NOOP where the column is declared, so lupdate collects it.
    return lambda: QCoreApplication.translate("RosterModel", text)


COLUMNS = (
    LazyColumn("name", _t(QT_TRANSLATE_NOOP("RosterModel", "Name")), lambda r: r.name),
    LazyColumn("sex", _t(QT_TRANSLATE_NOOP("RosterModel", "Sex")), lambda r: Sex(r.sex).label(), centred=True),
    LazyColumn("age", _t(QT_TRANSLATE_NOOP("RosterModel", "Age")), lambda r: "" if r.age is None else str(r.age), centred=True),
    LazyColumn("school", _t(QT_TRANSLATE_NOOP("RosterModel", "School")), lambda r: r.school),
    LazyColumn("grade", _t(QT_TRANSLATE_NOOP("RosterModel", "Grade and class")), lambda r: f"{r.grade_label} {r.class_name}".strip()),
    LazyColumn("village", _t(QT_TRANSLATE_NOOP("RosterModel", "Village")), lambda r: r.village),
    LazyColumn("head", _t(QT_TRANSLATE_NOOP("RosterModel", "Household head")), lambda r: r.household_head),
    LazyColumn("category", _t(QT_TRANSLATE_NOOP("RosterModel", "Household category")), lambda r: _category(r.category),
               centred=True, foreground=lambda r: QBrush(QColor(_CATEGORY_COLOURS[r.category]))
               if r.category in _CATEGORY_COLOURS else None),
    LazyColumn("left_behind", _t(QT_TRANSLATE_NOOP("RosterModel", "Left-behind")), lambda r: _yes(r.left_behind), centred=True),
    LazyColumn("boarder", _t(QT_TRANSLATE_NOOP("RosterModel", "Boarder")), lambda r: _yes(r.boarder), centred=True),
    LazyColumn("status", _t(QT_TRANSLATE_NOOP("RosterModel", "Status")), lambda r: _status(r), centred=True,
               foreground=lambda r: _status_colour(r)),
    LazyColumn("id_number", _t(QT_TRANSLATE_NOOP("RosterModel", "ID number")), lambda r: r.id_masked),
)


class RosterModel(LazyIdModel[RosterRow]):
    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(COLUMNS, lambda ids: context.query(
            roster.fetch_rows, ids, context.today(), full_id_rights=context.full_id_rights), parent)
        self._context = context
        self._filter = RosterFilter(statuses=frozenset({EnrollmentStatus.ENROLLED}))
        self._sort_key = "name"
        self._descending = False
        self._total: int | None = None  # every student, whatever the filter
        self.searched = False  # False until the first search fills the table
        self.searches = 0  # searches run here; a list read in the background for an older one is moot

    @property
    def filter(self) -> RosterFilter:
        return self._filter

    def set_filter(self, flt: RosterFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self, *, data_changed: bool = False) -> None:
        """Run the search again (after an edit, ``data_changed``, count everyone again too). A keystroke
        reads the count and the first screen's ids; the rest of the ids are read if the user scrolls
        past them, and rows are fetched as they come on screen."""
        if data_changed or self._total is None:
            self._total = self._context.query(roster.count_students)
        self.searched = True
        self._search()
        self.counts_changed.emit(self.shown, self.total)

    def _search(self) -> None:
        self.searches += 1
        # The first screen's rows come with the search, from one transaction.
        page = self._context.query(roster.search_page, self._filter, self._sort_key, self._descending, limit=BATCH,
                                   today=self._context.today(), full_id_rights=self._context.full_id_rights)
        self.show_ids(page.ids, page.count, page.rows)

    @property
    def known(self) -> int:
        """How many of the ids in display order have been read (the first page, or more once scrolled past)."""
        return len(self._ids)

    def knows(self, student_id: int) -> bool:
        return student_id in self._ids

    def set_total(self, total: int) -> None:
        self._total = total
        self.counts_changed.emit(self.shown, self.total)

    def show_reload(self, flt: RosterFilter, reload: roster.RosterReload) -> bool:
        """The list as read again in the background (``roster.reload_page``) for this filter. True when it holds the
        same students in the same order (a student's details edited): their rows are then replaced in place."""
        self._filter = flt
        self._total = reload.total
        self.searched = True
        same = reload.ids == self._ids and reload.count == self._count
        if same:
            self.replace_rows(reload.rows)
        else:
            self.show_ids(reload.ids, reload.count, reload.rows)
        self.counts_changed.emit(self.shown, self.total)
        return same

    def all_ids(self) -> list[int]:
        return self._context.query(roster.search_ids, self._filter, self._sort_key, self._descending)

    def row_of(self, item_id: int) -> int | None:
        if item_id not in self._ids and not self.complete and not self._context.query(
                roster.is_match, self._filter, item_id):
            return None  # not found: no need to read every id to say so
        return super().row_of(item_id)

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def shown(self) -> int:
        return self._count

    @property
    def total(self) -> int:
        return self._total or 0

    def student_id(self, row: int) -> int:
        return self.id_at(row)

    def roster_row(self, row: int) -> RosterRow:
        return self.row_object(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending) and self.searched:
            return
        self._sort_key, self._descending = key, descending
        if self.searched:
            self._search()
