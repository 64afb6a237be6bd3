"""Choosing one student: search by name, pinyin initials or the end of the ID number."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.roster import RosterFilter, RosterRow
from schoolaid.township import township
from schoolaid.ui.context import AppContext
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table

SHOWN = 200  # a search that matches more is narrowed by typing, not by scrolling


class StudentPicker(Dialog):
    def __init__(self, context: AppContext, statuses: Collection[EnrollmentStatus] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.statuses = frozenset(statuses) if statuses is not None else None
        self.chosen: RosterRow | None = None
        self.setWindowTitle(self.tr("Choose student"))
        self.resize(640, 460)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin initials or the last digits of the ID number"))
        self.school_combo = QComboBox()
        self.school_combo.addItem(self.tr("All schools"), None)
        for school in context.query(township.list_schools):
            self.school_combo.addItem(school.name, school.id)
        self.model: RecordTableModel[RosterRow] = RecordTableModel([
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Sex"), lambda r: r.sex, align_center=True),
            Column(self.tr("School"), lambda r: r.school),
            Column(self.tr("Grade"), lambda r: f"{r.grade_label}{r.class_name}"),
            Column(self.tr("Village"), lambda r: r.village),
            Column(self.tr("Status"), lambda r: r.status.label(), align_center=True),
        ], parent=self)
        self.table = record_table(self.model, fit_contents=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 2)
        top.addWidget(self.school_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.search_edit.textChanged.connect(self.refresh)
        self.school_combo.currentIndexChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._choose)
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        flt = RosterFilter(text=self.search_edit.text(), school_id=self.school_combo.currentData(),
                           statuses=self.statuses, full_id_rights=self.context.full_id_rights)
        ids = self.context.query(roster.search_ids, flt)[:SHOWN]
        rows = self.context.query(roster.fetch_rows, ids, self.context.today(), full_id_rights=flt.full_id_rights)
        self.model.set_rows([rows[i] for i in ids if i in rows])
        if self.model.rowCount():
            self.table.selectRow(0)

    def _choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.model.row_object(rows[0].row())
        self.accept()
