"""Choosing a student's household: search by the head's name, phone or pinyin initials."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.roster import households
from schoolaid.roster.households import HouseholdChoice
from schoolaid.township import township
from schoolaid.ui.context import AppContext
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table


class HouseholdPicker(Dialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.chosen_id: int | None = None
        self.setWindowTitle(self.tr("Choose household"))
        self.resize(560, 440)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Household head's name, pinyin initials or phone"))
        self.village_combo = QComboBox()
        self.village_combo.addItem(self.tr("All villages"), None)
        for village in context.query(township.list_villages):
            self.village_combo.addItem(village.name, village.id)
        yes = self.tr("Yes")
        self.model: RecordTableModel[HouseholdChoice] = RecordTableModel([
            Column(self.tr("Household head"), lambda h: h.head_name),
            Column(self.tr("Village and group"), lambda h: f"{h.village}{h.group_name}"),
            Column(self.tr("Registered poor"), lambda h: yes if h.registered_poor else "",
                   align_center=True),
            Column(self.tr("Children"), lambda h: h.children, align_center=True),
        ], parent=self)
        self.table = record_table(self.model)
        self.new_button = QPushButton(self.tr("New household…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 2)
        top.addWidget(self.village_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.search_edit.textChanged.connect(self.refresh)
        self.village_combo.currentIndexChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._choose)
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        self.new_button.clicked.connect(self._new)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.context.query(households.search, self.search_edit.text(),
                                               self.village_combo.currentData()))
        if self.model.rowCount():
            self.table.selectRow(0)

    def _choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen_id = self.model.row_object(rows[0].row()).id
        self.accept()

    def _new(self) -> None:
        from schoolaid.ui.roster.household_dialog import HouseholdDialog

        dialog = HouseholdDialog(self.context, None, self, village_id=self.village_combo.currentData())
        if dialog.exec() and dialog.household_id is not None:
            self.chosen_id = dialog.household_id
            self.accept()
