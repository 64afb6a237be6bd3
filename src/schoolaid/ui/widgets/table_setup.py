"""Column widths every table of the window shares (issue 20): each column as wide as its content, measured on the
first rows only (a ledger of a million entries is never measured row by row), the person free to drag any column
wider or narrower, one free-text column taking what width is left, and text too long for its cell shown in full
when the pointer rests on it."""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QHelpEvent
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QTableView, QToolTip, QWidget

#: The rows measured for a column's width: enough to see the usual lengths, few enough to cost nothing.
SAMPLE_ROWS = 50
# A long list already shown with rows (the roster of a county) is measured again once the keys pause, not at
# every keystroke's new search: measuring its sample of cells took most of a keystroke's time.
LONG_LIST = 2_000
REFIT_DELAY_MS = 300
#: No column takes more than this from content alone: a long note is read in its tooltip, or by dragging.
MAX_FITTED_WIDTH = 360
#: Room left beside the text, so that a fitted column does not touch its neighbour.
PADDING = 12


class ColumnFitter(QObject):
    """Keeps a table's columns fitted to its content until the person sizes one by hand.

    Every section stays ``Interactive``. The filling column (the one named, or the last) is widened to take the
    viewport's spare width whenever the table or a column changes size, as Qt's stretch would, but can still be
    dragged; once dragged it keeps the width given."""

    def __init__(self, table: QTableView, stretch: int | None = None, *, fill_all: bool = False,
                 least: dict[int, int] | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.fill_all = fill_all
        self.least = dict(least or {})
        self.natural: dict[int, int] = {}  # each column's width from content (or from the person's hand)
        self.by_hand: set[int] = set()
        self._setting = False
        self._model: QAbstractItemModel | None = None
        self._measured_rows = False  # fitted once to rows, not only to the header
        self._fit_when_shown = False
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_DELAY_MS)
        self._refit.timeout.connect(self.fit)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(max(header.minimumSectionSize(), 36))
        header.sectionResized.connect(self._section_resized)
        table.viewport().installEventFilter(self)
        # The header follows the viewport's width; it hears of a change the viewport's own events can miss (a
        # scroll bar's margin given back while the table is first shown).
        header.installEventFilter(self)
        self.fit()

    def configure(self, stretch: int | None, fill_all: bool, least: dict[int, int] | None) -> None:
        self.stretch, self.fill_all, self.least = stretch, fill_all, dict(least or {})
        self.by_hand.clear()
        self.fit()

    def _watch(self, model: QAbstractItemModel | None) -> None:
        if model is None or model is self._model:
            return
        self._model = model
        model.modelReset.connect(self._rows_replaced)
        model.layoutChanged.connect(self._rows_replaced)
        model.headerDataChanged.connect(self.fit)
        model.columnsInserted.connect(self.fit)
        model.columnsRemoved.connect(self.fit)
        model.rowsInserted.connect(self._rows_inserted)

    def _rows_replaced(self) -> None:
        model = self.table.model() if shiboken6.isValid(self.table) else None
        if self._measured_rows and model is not None and model.rowCount() > LONG_LIST:
            self._refit.start()
        else:
            self.fit()

    def _rows_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        if first < SAMPLE_ROWS:  # rows below the sample change nothing measured
            self.fit()

    def filling(self) -> list[int]:
        """The columns that take the spare width."""
        header = self.table.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if self.fill_all:
            wanted = shown
        elif self.stretch is not None and self.stretch in shown:
            wanted = [self.stretch]
        else:
            wanted = shown[-1:]
        return [c for c in wanted if c not in self.by_hand]

    def content_width(self, column: int) -> int:
        table = self.table
        model = table.model()
        header = table.horizontalHeader()
        width = header.sectionSizeHint(column)
        rows = min(model.rowCount(), SAMPLE_ROWS)
        if rows and _plain_text_column(table, column):
            # Measured as Qt's delegate measures plain text (each line's advance, rounded up, and the text margins),
            # reading only the text of each cell: laying out a whole style option per cell cost most of a county
            # table's first showing.
            metrics = QFontMetricsF(table.font())
            margins = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
            for row in range(rows):
                text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                if not isinstance(text, str):
                    cell = table.sizeHintForIndex(model.index(row, column)).width()
                elif "\n" in text:
                    cell = max(math.ceil(metrics.horizontalAdvance(line)) for line in text.split("\n")) + margins
                else:
                    cell = math.ceil(metrics.horizontalAdvance(text)) + margins
                width = max(width, cell + PADDING)
        else:
            for row in range(rows):
                width = max(width, table.sizeHintForIndex(model.index(row, column)).width() + PADDING)
        return max(min(width, MAX_FITTED_WIDTH), self.least.get(column, 0))

    def fit(self) -> None:
        if not shiboken6.isValid(self.table):
            return
        model = self.table.model()
        if model is None:
            return
        self._watch(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._refit.stop()
        if not self.table.isVisible():
            # Measured when someone can see it: the tables of a tab's hidden pages, filled at once with the tab,
            # cost its first showing up to 35 ms each for rows nobody saw.
            self._fit_when_shown = True
            return
        self._fit_when_shown = False
        for column in range(model.columnCount()):
            if column not in self.by_hand:
                self.natural[column] = self.content_width(column)
        self._measured_rows = self._measured_rows or model.rowCount() > 0
        self.fill()

    def fill(self) -> None:
        """Each column at its natural width, the filling ones sharing what the viewport has left over."""
        # Widening a column can hide a scroll bar, which widens the viewport again (a nested fill): settle.
        for _ in range(3):
            width = self.table.viewport().width()
            self._fill_once(width)
            if self.table.viewport().width() == width:
                return

    def _fill_once(self, viewport_width: int) -> None:
        header = self.table.horizontalHeader()
        count = header.count()
        filling = self.filling()
        spare = viewport_width - sum(
            self.natural.get(c, header.sectionSize(c)) for c in range(count) if not header.isSectionHidden(c))
        share, extra = divmod(max(spare, 0), len(filling)) if filling else (0, 0)
        self._setting = True
        try:
            for column in range(count):
                if header.isSectionHidden(column) or column not in self.natural:
                    continue
                width = self.natural[column]
                if column in filling:
                    width += share + (extra if column == filling[-1] else 0)
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._setting = False

    def _section_resized(self, column: int, old: int, new: int) -> None:
        if self._setting or not shiboken6.isValid(self.table):
            return
        header = self.table.horizontalHeader()
        if old == 0 or new == 0 or header.isSectionHidden(column):  # a column hidden or shown again
            self.fill()
            return
        # Sized by hand (or by the code that owns the table): that width stays, the filling ones make room.
        self.by_hand.add(column)
        self.natural[column] = new
        self.fill()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Resize, QEvent.Type.ToolTip, QEvent.Type.Show) or not shiboken6.isValid(self.table):
            return False  # (the table's children still have events while the table itself is being destroyed)
        if kind == QEvent.Type.Show:
            if self._fit_when_shown and self.table.isVisible():
                self.fit()
        elif kind == QEvent.Type.Resize:
            self.fill()
        elif watched is self.table.viewport() and isinstance(event, QHelpEvent):
            return self._tooltip(event)
        return False

    def _tooltip(self, event: QHelpEvent) -> bool:
        """The model's own tooltip if it has one; otherwise the cell's full text, when the cell cuts it short."""
        table = self.table
        index = table.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(text, str) and text and is_cut_short(table, index):
            QToolTip.showText(event.globalPos(), text, table.viewport(), table.visualRect(index))
        else:
            QToolTip.hideText()
        return True


# What a cell may show besides its text, which measuring the text alone would leave out.
_DRAWN_BESIDE_TEXT = (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.FontRole,
                      Qt.ItemDataRole.SizeHintRole)


def _plain_text_column(table: QTableView, column: int) -> bool:
    """Whether the column's cells are drawn by Qt's own delegate with nothing but text (as its first cell is): the
    size Qt would give them is then the text's."""
    delegate = table.itemDelegateForColumn(column) or table.itemDelegate()
    if not isinstance(delegate, QStyledItemDelegate) or type(delegate).sizeHint is not QStyledItemDelegate.sizeHint:
        return False
    first = table.model().index(0, column)
    return all(first.data(role) is None for role in _DRAWN_BESIDE_TEXT)


def is_cut_short(table: QTableView, index: QModelIndex) -> bool:
    """Whether the cell shows less than its whole text (elided, or lines of it below the cell)."""
    rect = table.visualRect(index)
    wanted = table.sizeHintForIndex(index)
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if isinstance(text, str) and "\n" in text and not table.wordWrap():
        return True
    return wanted.width() > rect.width() + 1 or wanted.height() > rect.height() + 1


def fit_columns(table: QTableView, stretch: int | None = None, *, fill_all: bool = False,
                least: dict[int, int] | None = None) -> ColumnFitter:
    """Columns from content, resizable by hand, ``stretch`` (or the last column, or all with ``fill_all``) taking
    the spare width, and cut-short text in a tooltip. Called again (after ``setModel``, say) it fits afresh."""
    existing = fitter_of(table)
    if existing is not None:
        existing.configure(stretch, fill_all, least)
        return existing
    return ColumnFitter(table, stretch, fill_all=fill_all, least=least)


def fitter_of(table: QWidget) -> ColumnFitter | None:
    return next((child for child in table.children() if isinstance(child, ColumnFitter)), None)
