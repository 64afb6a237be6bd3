"""The term-start check (开学摸排) as the class teacher does it: pick the class, then one click — or
Space — per child who has reported back. A tick is saved at once (a power cut loses nothing); taking
one back withdraws it (kept on record). A teacher sees their own classes only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.school_calendar import Term
from schoolaid.dropout import term_start
from schoolaid.dropout.term_start import ClassKey, ClassProgress, Pupil
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_dialog import date_edit, date_of
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.table_models import weak_method
from schoolaid.ui.widgets.table_setup import fit_columns

Index = QModelIndex | QPersistentModelIndex
TICK, NAME, DAY = range(3)


class ReportBackModel(QAbstractTableModel):
    """A class's pupils with a check box each: ticked = reported back. Ticking asks ``on_toggle`` (the
    dialog, which saves) rather than changing the row: the row changes when the record does."""

    def __init__(self, on_toggle: Callable[[list[int], bool], None], parent: Any = None) -> None:
        super().__init__(parent)
        self._on_toggle = on_toggle
        self._pupils: list[Pupil] = []

    def set_pupils(self, pupils: list[Pupil]) -> None:
        self.beginResetModel()
        self._pupils = list(pupils)
        self.endResetModel()

    def pupil(self, row: int) -> Pupil:
        return self._pupils[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._pupils)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Reported back"), self.tr("Name"), self.tr("Day"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == TICK else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._pupils):
            return None
        pupil = self._pupils[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == TICK:
            return Qt.CheckState.Checked if pupil.reported_on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == NAME:
                return pupil.name
            if index.column() == DAY:
                return f"{pupil.reported_on.month}月{pupil.reported_on.day}日" if pupil.reported_on else "—"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != TICK:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self._on_toggle([self._pupils[index.row()].student_id], checked)
        return True


class ClassListView(QTableView):
    """Space ticks (or unticks) every selected pupil, whichever column has the focus; the arrows move."""

    def __init__(self, on_space: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_space = on_space

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers():
            self._on_space()
            event.accept()
            return
        super().keyPressEvent(event)


class TermStartDialog(Dialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *, school_class: ClassKey | None = None,
                 ) -> None:
        super().__init__(parent)
        self.context = context
        today = context.today()
        self.term = Term.containing(today)
        self.setWindowTitle(self.tr("Term-start check (开学报到) — {term}").format(term=self.term.label))
        self.class_combo = QComboBox()
        self.day_edit = date_edit(today)
        self.window_label = QLabel()
        self.window_label.setWordWrap(True)
        self.model = ReportBackModel(weak_method(self._toggle), self)
        self.table = ClassListView(weak_method(self.toggle_selected))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        fit_columns(self.table, least={TICK: 90, NAME: 160})
        self.count_label = QLabel()
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color:#c62828;")
        hint = QLabel(self.tr("Arrows move, Space ticks the selected pupils, a click on the box ticks one. "
                              "Each tick is saved at once; untick to withdraw a mistaken one."))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Class"), self.class_combo)
        form.addRow(self.tr("Reported back on"), self.day_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.window_label)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.missing_label)
        layout.addWidget(buttons)
        self.resize(520, 600)
        first, last = context.query(term_start.check_window, self.term)
        self.window_label.setText(self.tr("The check runs from {first} to {last}.").format(
            first=first.isoformat(), last=last.isoformat()) if first <= today <= last else self.tr(
            "Today is outside the check's two weeks ({first} to {last}); ticks are still recorded.").format(
            first=first.isoformat(), last=last.isoformat()))
        self.classes: list[ClassProgress] = []
        self._load(school_class)
        self.class_combo.currentIndexChanged.connect(self._show_class)
        self._show_class()
        self.table.setFocus()

    def _load(self, keep: ClassKey | None = None) -> None:
        """Read every class's progress and show ``keep``, or else the first class not yet complete."""
        shown = keep
        self.classes = self.context.query(term_start.progress, self.term, self.context.today(),
                                          self.context.teacher_classes)
        if shown is None:
            shown = next((c.key for c in self.classes if c.reported < c.expected),
                         self.classes[0].key if self.classes else None)
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        for progress in self.classes:
            self.class_combo.addItem(self._combo_text(progress))
        keys = [c.key for c in self.classes]
        self.class_combo.setCurrentIndex(keys.index(shown) if shown in keys else 0)
        self.class_combo.blockSignals(False)

    def _reload_current(self) -> None:
        """After a tick only the class shown changed: read it again, not every class of the township."""
        index = self.class_combo.currentIndex()
        fresh = self.context.query(term_start.progress, self.term, self.context.today(),
                                   frozenset({self.classes[index].key}))
        if fresh:
            self.classes[index] = progress = fresh[0]
            self.class_combo.setItemText(index, self._combo_text(progress))
        self._show_class()

    def _combo_text(self, progress: ClassProgress) -> str:
        return self.tr("{school} {klass} ({n}/{total})").format(
            school=progress.school, klass=progress.label, n=progress.reported, total=progress.expected)

    @property
    def current_class(self) -> ClassProgress:
        return self.classes[self.class_combo.currentIndex()]

    def _show_class(self) -> None:
        if not self.classes:
            self.model.set_pupils([])
            self.count_label.setText(self.tr("No class with pupils on the roll."))
            self.missing_label.clear()
            return
        current = self.table.currentIndex()
        progress = self.current_class
        self.model.set_pupils(progress.pupils)
        row = min(current.row(), self.model.rowCount() - 1) if current.isValid() else 0
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(max(row, 0), TICK),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.count_label.setText(self.tr("Reported back: {n} of {total}").format(
            n=progress.reported, total=progress.expected))
        missing = progress.missing
        self.missing_label.setText(self.tr("Not yet: {names}").format(
            names="、".join(p.name for p in missing)) if missing else "")

    def toggle_selected(self) -> None:
        """Space: the selected pupils all ticked, or, when every one of them is ticked, all unticked."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        if not rows:
            return
        pupils = [self.model.pupil(r) for r in rows]
        self._toggle([p.student_id for p in pupils], not all(p.reported_on for p in pupils))

    def _toggle(self, student_ids: list[int], reported: bool) -> None:
        today = self.context.today()
        if reported:
            operation = run_op(self.context, self, term_start.mark_reported, student_ids, self.term,
                               date_of(self.day_edit), today=today, affects={Entity.DROPOUT},
                               on_failure=self._refused)
        else:
            operation = run_op(self.context, self, term_start.unmark, student_ids, self.term, today=today,
                               affects={Entity.DROPOUT}, on_failure=self._refused)
        if operation.succeeded:
            self._reload_current()

    def _refused(self, error: SchoolAidError) -> None:
        show_error(self, error)


def open_dialog(context: AppContext, parent: QWidget, *, school_class: ClassKey | None = None) -> None:
    TermStartDialog(context, parent, school_class=school_class).exec()
