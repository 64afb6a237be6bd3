"""Settings → Schools and villages: add and correct the township's villages and schools."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.vocabulary import SchoolKind
from schoolaid.township import township
from schoolaid.township.township import SchoolView, VillageView
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_fields import FieldErrors
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table


def _label(kind: str) -> str:
    try:
        return SchoolKind(kind).label()
    except ValueError:
        return kind



class VillageDialog(Dialog):
    def __init__(self, context: AppContext, village: VillageView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.village = village
        self.setWindowTitle(self.tr("Add village") if village is None else self.tr("Edit village"))
        self.name_edit = QLineEdit(village.name if village else "")
        self.poor_check = QCheckBox(self.tr("Poor village (贫困村)"))
        self.poor_check.setChecked(bool(village and village.is_poor_village))
        form = QFormLayout(self)
        form.addRow(self.tr("Village"), self.name_edit)
        form.addRow("", self.poor_check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.field_errors = FieldErrors(self)
        form.addRow(self.field_errors.legend)
        form.addRow(self.buttons)
        self.field_errors.bind("name", self.name_edit, required=True)

    def save(self) -> None:
        if self.village is None:
            run_op(self.context, self, township.add_village, self.name_edit.text(), self.poor_check.isChecked(),
                   affects={Entity.TOWNSHIP}, on_success=lambda _result: self.accept(),
                   on_failure=self.field_errors.refuse)
        else:
            run_op(self.context, self, township.update_village, self.village.id, self.name_edit.text(),
                   self.poor_check.isChecked(), affects={Entity.TOWNSHIP}, on_success=lambda _result: self.accept(),
                   on_failure=self.field_errors.refuse)


class SchoolDialog(Dialog):
    def __init__(self, context: AppContext, school: SchoolView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.school = school
        self.setWindowTitle(self.tr("Add school") if school is None else self.tr("Edit school"))
        self.name_edit = QLineEdit(school.name if school else "")
        self.kind_combo = QComboBox()
        kinds = [SchoolKind.CENTRAL] if school and school.is_central else [k for k in SchoolKind
                                                                           if k is not SchoolKind.CENTRAL]
        for kind in kinds:
            self.kind_combo.addItem(kind.label(), kind.value)
        self.village_combo = QComboBox()
        self.village_combo.addItem(self.tr("(in the town)"), None)
        for village in context.query(township.list_villages):
            self.village_combo.addItem(village.name, village.id)
        self.active_check = QCheckBox(self.tr("Open (uncheck when the school closes or merges)"))
        self.active_check.setChecked(school.active if school else True)
        if school is not None:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(school.kind)))
            self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(school.village_id)))
        else:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(SchoolKind.VILLAGE.value))
            self.active_check.setVisible(False)
        form = QFormLayout(self)
        form.addRow(self.tr("School"), self.name_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("In village"), self.village_combo)
        form.addRow("", self.active_check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.field_errors = FieldErrors(self)
        form.addRow(self.field_errors.legend)
        form.addRow(self.buttons)
        self.field_errors.bind("name", self.name_edit, required=True)
        self.field_errors.bind("kind", self.kind_combo, required=True)
        self.field_errors.bind("village_id", self.village_combo)

    def save(self) -> None:
        if self.school is None:
            run_op(self.context, self, township.add_school, self.name_edit.text(), self.kind_combo.currentData(),
                   self.village_combo.currentData(), affects={Entity.TOWNSHIP},
                   on_success=lambda _result: self.accept(), on_failure=self.field_errors.refuse)
        else:
            run_op(self.context, self, township.update_school, self.school.id, self.name_edit.text(),
                   self.kind_combo.currentData(), self.village_combo.currentData(), self.active_check.isChecked(),
                   affects={Entity.TOWNSHIP}, on_success=lambda _result: self.accept(),
                   on_failure=self.field_errors.refuse)


class PlacesDialog(Dialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Schools and villages"))
        self.resize(820, 480)
        yes, closed = self.tr("Yes"), self.tr("Closed")
        self.villages_model: RecordTableModel[VillageView] = RecordTableModel([
            Column(self.tr("Village"), lambda v: v.name),
            Column(self.tr("Poor village"), lambda v: yes if v.is_poor_village else "",
                   align_center=True),
        ], parent=self)
        self.schools_model: RecordTableModel[SchoolView] = RecordTableModel([
            Column(self.tr("School"), lambda s: s.name),
            Column(self.tr("Kind"), lambda s: _label(s.kind)),
            Column(self.tr("In village"), lambda s: s.village),
            Column(self.tr("Open"), lambda s: yes if s.active else closed,
                   align_center=True),
        ], parent=self)
        self.villages_table = record_table(self.villages_model)
        self.schools_table = record_table(self.schools_model)
        self.add_village_button = QPushButton(self.tr("Add village…"))
        self.edit_village_button = QPushButton(self.tr("Edit…"))
        self.add_school_button = QPushButton(self.tr("Add school…"))
        self.edit_school_button = QPushButton(self.tr("Edit…"))

        villages_box = QGroupBox(self.tr("Villages"))
        villages_layout = QVBoxLayout(villages_box)
        villages_layout.addWidget(self.villages_table)
        row = QHBoxLayout()
        row.addWidget(self.add_village_button)
        row.addWidget(self.edit_village_button)
        row.addStretch(1)
        villages_layout.addLayout(row)
        schools_box = QGroupBox(self.tr("Schools"))
        schools_layout = QVBoxLayout(schools_box)
        schools_layout.addWidget(self.schools_table)
        row = QHBoxLayout()
        row.addWidget(self.add_school_button)
        row.addWidget(self.edit_school_button)
        row.addStretch(1)
        schools_layout.addLayout(row)
        lists = QHBoxLayout()
        lists.addWidget(villages_box, 2)
        lists.addWidget(schools_box, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(lists)
        layout.addWidget(close)

        self.add_village_button.clicked.connect(self._add_village)
        self.edit_village_button.clicked.connect(self._edit_village)
        self.villages_table.doubleClicked.connect(self._edit_village)
        self.add_school_button.clicked.connect(self._add_school)
        self.edit_school_button.clicked.connect(self._edit_school)
        self.schools_table.doubleClicked.connect(self._edit_school)
        self.refresh()

    def refresh(self) -> None:
        self.villages_model.set_rows(self.context.query(township.list_villages))
        self.schools_model.set_rows(self.context.query(township.list_schools))

    def _open(self, dialog: QDialog) -> None:
        if dialog.exec():
            self.refresh()

    def _add_village(self) -> None:
        self._open(VillageDialog(self.context, None, self))

    def _add_school(self) -> None:
        self._open(SchoolDialog(self.context, None, self))

    def _edit_village(self) -> None:
        rows = self.villages_table.selectionModel().selectedRows()
        if rows:
            self._open(VillageDialog(self.context, self.villages_model.row_object(rows[0].row()), self))

    def _edit_school(self) -> None:
        rows = self.schools_table.selectionModel().selectedRows()
        if rows:
            self._open(SchoolDialog(self.context, self.schools_model.row_object(rows[0].row()), self))
