"""Today's work on the home tab: a tree of kinds, most urgent first, each headed with its count, then
the schools (a household's work: the villages) with theirs, then the lines, each with a button that
opens it where the work is done. The model holds the grouped lines and answers for the rows the view
draws; the buttons are painted by a delegate, never widgets, so a county's thousand lines stay quick."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from schoolaid.reporting import work_list
from schoolaid.reporting.work_list import Kind, KindGroup, PlaceGroup, WorkItem

URGENT = QColor("#c62828")
#: A group with more lines than this starts collapsed (the most urgent kind shows at least its schools).
LARGE_GROUP = 20
ModelIndex = QModelIndex | QPersistentModelIndex


def action_label(kind: str) -> str:
    """What a line's button does: where ``MainWindow.open_work_item`` takes the officer."""
    if kind in (Kind.NOTICE_EXPIRED, Kind.ESCALATION, Kind.STALE_CASE, Kind.FOLLOW_UP):
        return QCoreApplication.translate("WorkListPanel", "Open case")
    if kind == Kind.ABSENCE:
        return QCoreApplication.translate("WorkListPanel", "See absence")
    if kind == Kind.OUT_OF_SCHOOL:
        return QCoreApplication.translate("WorkListPanel", "Open a case")
    if kind in (Kind.HOME_TEACHING, Kind.AWAITING_PLACEMENT):
        return QCoreApplication.translate("WorkListPanel", "Disability record")
    if kind in (Kind.NOT_REPORTED, Kind.DUE_TO_ENROLL, Kind.SUSPENSION, Kind.TRANSFER_UNCONFIRMED,
                Kind.GRADUATE_UNPLACED):
        return QCoreApplication.translate("WorkListPanel", "Show student")
    return {
        Kind.RECONCILE: QCoreApplication.translate("WorkListPanel", "Check"),
        Kind.UNPAIRED: QCoreApplication.translate("WorkListPanel", "Pair"),
        Kind.VISIT_OVERDUE: QCoreApplication.translate("WorkListPanel", "Visits"),
        Kind.UNPAID: QCoreApplication.translate("WorkListPanel", "Pay"),
        Kind.NOT_ASSESSED: QCoreApplication.translate("WorkListPanel", "Assess"),
        Kind.REPORT_BACK: QCoreApplication.translate("WorkListPanel", "Report back"),
        Kind.TERM_REPORT: QCoreApplication.translate("WorkListPanel", "Print report"),
        Kind.BACKUP: QCoreApplication.translate("WorkListPanel", "Export backup"),
    }.get(kind, QCoreApplication.translate("WorkListPanel", "Open"))


@dataclass
class _Group:
    """A row that holds others: the root, a kind's group or a place's. Lines get no node of their own
    (a county's thousands of them): a line's index points at its group, its row picks it from ``lines``."""

    parent: int
    row: int
    payload: KindGroup | PlaceGroup | None
    children: list[int] = field(default_factory=list)  # groups
    lines: tuple[WorkItem, ...] = ()


class WorkTreeModel(QAbstractItemModel):
    TEXT, ACTION = range(2)
    ItemRole = Qt.ItemDataRole.UserRole  # the WorkItem of a line
    KeyRole = Qt.ItemDataRole.UserRole + 1  # a group's key, to keep it open or closed across refreshes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[KindGroup] = []
        self._groups = [_Group(-1, 0, None)]

    def set_groups(self, groups: list[KindGroup]) -> None:
        self.beginResetModel()
        self.groups = groups
        self._groups = [_Group(-1, 0, None)]
        for group in groups:
            kind_id = self._add(0, group)
            if len(group.places) == 1:  # one school's (or the township's) only: its name is on the heading
                self._groups[kind_id].lines = group.places[0].items
                continue
            for place in group.places:
                self._groups[self._add(kind_id, place)].lines = place.items
        self.endResetModel()

    def _add(self, parent: int, payload: KindGroup | PlaceGroup) -> int:
        siblings = self._groups[parent].children
        self._groups.append(_Group(parent, len(siblings), payload))
        siblings.append(len(self._groups) - 1)
        return len(self._groups) - 1

    # An index's internal id is its parent group: the row then names the child, a group or a line.
    def _group_id(self, index: ModelIndex) -> int | None:
        if not index.isValid():
            return 0
        children = self._groups[index.internalId()].children
        return children[index.row()] if children else None

    def payload(self, index: ModelIndex) -> KindGroup | PlaceGroup | WorkItem | None:
        group_id = self._group_id(index)
        if group_id is None:
            return self._groups[index.internalId()].lines[index.row()]
        return self._groups[group_id].payload

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        group_id = self._group_id(parent)
        assert group_id is not None  # a line has no rows below it
        return self.createIndex(row, column, group_id)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        group = self._groups[index.internalId()]
        return self.createIndex(group.row, 0, group.parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        if parent.isValid() and parent.column() != 0:
            return 0
        group_id = self._group_id(parent)
        if group_id is None:
            return 0
        group = self._groups[group_id]
        return len(group.children) or len(group.lines)

    def columnCount(self, _parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 2

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        payload = self.payload(index)
        if isinstance(payload, WorkItem):
            return self._line_data(payload, index.column(), role)
        if index.column() != self.TEXT:
            return None
        if isinstance(payload, KindGroup):
            if role == Qt.ItemDataRole.DisplayRole:
                heading = f"{work_list.kind_label(payload.kind)}  {payload.count}"
                return heading + (f"  · {self._place_name(payload.places[0])}" if len(payload.places) == 1 else "")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and payload.urgent:
                return URGENT
            if role == self.KeyRole:
                return payload.kind
        elif isinstance(payload, PlaceGroup):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{self._place_name(payload)}  {len(payload.items)}"
            if role == self.KeyRole:
                kind = self.payload(index.parent())
                assert isinstance(kind, KindGroup)
                return f"{kind.kind}/{payload.place}"
        return None

    @staticmethod
    def _place_name(group: PlaceGroup) -> str:
        return group.place or QCoreApplication.translate("WorkListPanel", "The township")

    def _line_data(self, item: WorkItem, column: int, role: int) -> Any:
        if role == self.ItemRole:
            return item
        if column == self.ACTION:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return action_label(item.kind)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ("⚠ " if item.urgent else "") + item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.text + "\n" + QCoreApplication.translate(
                "WorkListPanel", "Double-click, press Enter or use the button to open it")
        if role == Qt.ItemDataRole.ForegroundRole and item.urgent:
            return URGENT
        return None


class ActionButtonDelegate(QStyledItemDelegate):
    """A line's action column drawn as a push button, and clicked as one: no widget per row."""

    clicked = Signal(QModelIndex)
    MARGIN = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed: QPersistentModelIndex | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802 - Qt's name
        # Every row as tall as a button: the view measures one row only (uniform heights).
        hint = super().sizeHint(option, index)
        metrics = option.fontMetrics
        return QSize(hint.width(), max(hint.height(), metrics.height() + 10))

    def button_rect(self, option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if index.data(WorkTreeModel.ItemRole) is None or not text:
            super().paint(painter, option, index)
            return
        button = QStyleOptionButton()
        button.rect = self.button_rect(option)
        button.text = text
        button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        state = option.state
        if state & QStyle.StateFlag.State_MouseOver:
            button.state |= QStyle.StateFlag.State_MouseOver
        if self._pressed is not None and self._pressed == index:
            button.state |= QStyle.StateFlag.State_Sunken
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, widget)

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                    index: ModelIndex) -> bool:
        if index.data(WorkTreeModel.ItemRole) is None or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        inside = self.button_rect(option).contains(event.position().toPoint())
        if event.type() == QEvent.Type.MouseButtonPress and inside:
            self._pressed = QPersistentModelIndex(index)
            return False  # the view still selects the line
        if event.type() == QEvent.Type.MouseButtonRelease:
            pressed, self._pressed = self._pressed, None
            if inside and pressed is not None and pressed == index:
                self.clicked.emit(index)
                return True
        return event.type() == QEvent.Type.MouseButtonDblClick and inside

    def width_for(self, labels: list[str], metrics: QFontMetrics) -> int:
        return max(metrics.horizontalAdvance(label) for label in labels) + 28 + 2 * self.MARGIN


class WorkTree(QTreeView):
    """Enter on a line opens it, as a double-click does; on a group it opens or closes the group."""

    line_chosen = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            if index.data(WorkTreeModel.ItemRole) is not None:
                self.line_chosen.emit(index)
            else:
                first = index.siblingAtColumn(0)
                self.setExpanded(first, not self.isExpanded(first))
            return
        super().keyPressEvent(event)


class WorkListPanel(QWidget):
    """Today's work: the heading with the count, and the tree."""

    open_requested = Signal(str, object)  # a work_list.Kind and the record's id (or None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[WorkItem] = []
        self.label = QLabel()
        bold = QFont(self.font())
        bold.setBold(True)
        self.label.setFont(bold)
        self.model = WorkTreeModel(self)
        self.view = WorkTree()
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)  # thousands of lines laid out without measuring each
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setMouseTracking(True)
        self.view.setMinimumHeight(150)
        self.delegate = ActionButtonDelegate(self.view)
        self.view.setItemDelegateForColumn(WorkTreeModel.ACTION, self.delegate)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WorkTreeModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WorkTreeModel.ACTION, QHeaderView.ResizeMode.Fixed)
        self.delegate.clicked.connect(self._open)
        self.view.line_chosen.connect(self._open)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.expanded.connect(lambda index: self._remember(index, True))
        self.view.collapsed.connect(lambda index: self._remember(index, False))
        # Groups the officer opened or closed stay so when the list is worked out again.
        self._chosen: dict[str, bool] = {}
        self._applying = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.view, 1)
        # Until the background's first answer: "nothing waiting" would be a claim nobody has checked.
        self.items: list[WorkItem] = []
        self.label.setText(self.tr("Today's work: being worked out…"))

    def set_items(self, items: list[WorkItem]) -> None:
        self.items = items
        groups = work_list.grouped(items)
        self.model.set_groups(groups)
        self.label.setText(self.tr("Today's work ({n})").format(n=len(items)) if items
                           else self.tr("Today's work: nothing waiting"))
        labels = [action_label(group.kind) for group in groups]
        if labels:
            self.view.setColumnWidth(WorkTreeModel.ACTION, self.delegate.width_for(labels, self.view.fontMetrics()))
        self._apply_expansion()

    def _apply_expansion(self) -> None:
        """The most urgent kind open, and any kind small enough to read at a glance; a large kind shows
        its schools with their counts, closed, unless it has only the one."""
        self._applying = True
        try:
            for row, group in enumerate(self.model.groups):
                kind_index = self.model.index(row, 0)
                open_kind = self._chosen.get(group.kind, row == 0 or group.count <= LARGE_GROUP)
                self.view.setExpanded(kind_index, open_kind)
                for place_row, place in enumerate(group.places if len(group.places) > 1 else []):
                    place_index = self.model.index(place_row, 0, kind_index)
                    default = len(group.places) == 1 or group.count <= LARGE_GROUP
                    self.view.setExpanded(place_index, self._chosen.get(f"{group.kind}/{place.place}", default))
        finally:
            self._applying = False

    def _remember(self, index: QModelIndex, expanded: bool) -> None:
        if not self._applying:
            self._chosen[index.data(WorkTreeModel.KeyRole)] = expanded

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == WorkTreeModel.TEXT:  # the button column opens on the click already
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        item = index.data(WorkTreeModel.ItemRole)
        if isinstance(item, WorkItem):
            self.open_requested.emit(item.kind, item.target)

    def line_indexes(self) -> list[QModelIndex]:
        """Every line of the tree, in the order shown (for tests and for the eye)."""
        lines = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                if index.data(WorkTreeModel.ItemRole) is not None:
                    lines.append(index)
                else:
                    walk(index)

        walk(QModelIndex())
        return lines
