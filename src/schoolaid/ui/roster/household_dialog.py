"""Creating and editing a household: head, village and group, its categories (脱贫户 with the year,
防止返贫监测对象 with its type, the date identified and the date its risk was removed, 低保, 特困供养),
members, and the practical skills each main labourer has learned. The old 建档立卡 fields are history:
kept as they were, not shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.common.vocabulary import Relation, Sex
from schoolaid.roster import households
from schoolaid.roster.categories import HouseholdCategory, MonitoringType
from schoolaid.roster.households import HouseholdForm, MemberForm, SkillForm
from schoolaid.township import township
from schoolaid.ui.actions import make_button
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import run_op
from schoolaid.ui.widgets.date_field import DateField, optional_date_field
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_fields import FieldErrors
from schoolaid.ui.widgets.messages import confirm_warnings, show_error
from schoolaid.ui.widgets.table_models import EditableTableModel, EditColumn
from schoolaid.ui.widgets.table_views import editable_table

NO_YEAR = 0  # the spin box's "not known" value
NO_DATE = QDate(2000, 1, 1)  # a date edit's "not entered" value


def _date_edit(today: dt.date) -> DateField:
    return optional_date_field(today, NO_DATE)


def _to_qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def _from_qdate(value: QDate) -> dt.date | None:
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


def _sex_choices() -> list[tuple[str, object]]:
    return [("", ""), *((s.label(), s.value) for s in Sex)]



class HouseholdDialog(Dialog):
    def __init__(self, context: AppContext, household_id: int | None, parent: QWidget | None = None,
                 village_id: int | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.household_id = household_id
        self.setWindowTitle(self.tr("New household") if household_id is None else self.tr("Edit household"))
        self.resize(860, 600)

        self.head_edit = QLineEdit()
        self.village_combo = QComboBox()
        for village in context.query(township.list_villages):
            self.village_combo.addItem(village.name, village.id)
        self.group_edit = QLineEdit()
        self.group_edit.setPlaceholderText(self.tr("e.g. 3组"))
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        today = context.today()
        self.category_combo = QComboBox()
        for category in HouseholdCategory:
            self.category_combo.addItem(category.label(), category.value)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(NO_YEAR, today.year)
        self.year_spin.setSpecialValueText(self.tr("not entered"))
        self.monitoring_combo = QComboBox()
        self.monitoring_combo.addItem(self.tr("(not recorded)"), "")
        for kind in MonitoringType:
            self.monitoring_combo.addItem(kind.label(), kind.value)
        self.identified_edit = _date_edit(today)
        self.risk_removed_check = QCheckBox(self.tr("Risk removed (风险消除) on"))
        self.risk_removed_edit = _date_edit(today)
        self.dibao_check = QCheckBox(self.tr("Minimum living allowance (低保户)"))
        self.tekun_check = QCheckBox(self.tr("Extreme-poverty support (特困供养)"))
        self.notes_edit = QLineEdit()
        self._history = HouseholdForm()  # the old 建档立卡 fields, carried through unchanged

        form = QFormLayout()
        form.addRow(self.tr("Household head"), self.head_edit)
        place = QHBoxLayout()
        place.addWidget(self.village_combo, 2)
        place.addWidget(QLabel(self.tr("Group")))
        place.addWidget(self.group_edit, 1)
        form.addRow(self.tr("Village"), place)
        form.addRow(self.tr("Address"), self.address_edit)
        form.addRow(self.tr("Phone"), self.phone_edit)
        category_row = QHBoxLayout()
        category_row.addWidget(self.category_combo, 1)
        self.year_label = QLabel(self.tr("Year lifted (脱贫年度)"))
        self.year_label.setBuddy(self.year_spin)
        category_row.addWidget(self.year_label)
        category_row.addWidget(self.year_spin)
        form.addRow(self.tr("Household category"), category_row)
        self.monitoring_box = QWidget()
        monitoring = QHBoxLayout(self.monitoring_box)
        monitoring.setContentsMargins(0, 0, 0, 0)
        monitoring.addWidget(self.monitoring_combo, 1)
        identified_label = QLabel(self.tr("Identified on"))
        identified_label.setBuddy(self.identified_edit)
        monitoring.addWidget(identified_label)
        monitoring.addWidget(self.identified_edit)
        monitoring.addWidget(self.risk_removed_check)
        monitoring.addWidget(self.risk_removed_edit)
        self.monitoring_label = QLabel(self.tr("Monitoring type"))
        self.monitoring_label.setBuddy(self.monitoring_combo)
        form.addRow(self.monitoring_label, self.monitoring_box)
        support = QHBoxLayout()
        support.addWidget(self.dibao_check)
        support.addWidget(self.tekun_check)
        support.addStretch(1)
        form.addRow(self.tr("Social assistance"), support)
        form.addRow(self.tr("Notes"), self.notes_edit)
        self.category_combo.currentIndexChanged.connect(self._category_changed)
        self.risk_removed_check.toggled.connect(self._risk_removed_toggled)

        self.members_model = EditableTableModel([
            EditColumn("name", self.tr("Name"), width=90),
            EditColumn("relation", self.tr("Relation"), kind="choice", width=80,
                       choices=lambda: [(r.label(), r.value) for r in Relation], default=Relation.OTHER.value),
            EditColumn("sex", self.tr("Sex"), kind="choice", choices=_sex_choices, width=50),
            EditColumn("birth_year", self.tr("Birth year"), kind="int", width=70, default=None),
            EditColumn("is_main_labourer", self.tr("Main labourer"), kind="bool", width=80, default=False),
            EditColumn("work", self.tr("Work"), width=90),
            EditColumn("phone", self.tr("Phone"), width=110),
        ], self)
        self.skills_model = EditableTableModel([
            EditColumn("skill", self.tr("Practical skill"), width=140),
            EditColumn("year", self.tr("Year"), kind="int", width=60, default=None),
            EditColumn("organiser", self.tr("Training given by"), width=160),
        ], self)
        self.members_table = editable_table(self.members_model)
        self.skills_table = editable_table(self.skills_model)
        self.members_table.set_preferred_rows(4)  # the two tables and the form within a 768-pixel screen
        self.skills_table.set_preferred_rows(3)
        self._skills_owner: int | None = None
        self.members_table.selectionModel().selectionChanged.connect(self._member_selected)

        add_member = QPushButton(self.tr("Add member"))
        add_member.clicked.connect(self._add_member)
        remove_member = QPushButton(self.tr("Remove member"))
        remove_member.clicked.connect(self._remove_member)
        self.add_skill_button = QPushButton(self.tr("Add skill"))
        self.add_skill_button.clicked.connect(self._add_skill)
        remove_skill = QPushButton(self.tr("Remove skill"))
        remove_skill.clicked.connect(self._remove_skill)
        self.skills_label = QLabel()

        members_box = QGroupBox(self.tr("Members (parents, grandparents, labourers; children are on the roster)"))
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.members_table)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(add_member)
        member_buttons.addWidget(remove_member)
        member_buttons.addStretch(1)
        members_layout.addLayout(member_buttons)
        members_layout.addWidget(self.skills_label)
        members_layout.addWidget(self.skills_table)
        skill_buttons = QHBoxLayout()
        skill_buttons.addWidget(self.add_skill_button)
        skill_buttons.addWidget(remove_skill)
        skill_buttons.addStretch(1)
        members_layout.addLayout(skill_buttons)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.deleted = False
        # Only a household entered by mistake goes, and only while no student belongs to it (the service says so too).
        self.delete_button = make_button("households.delete", context, self)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.field_errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(members_box, 1)
        layout.addWidget(self.field_errors.legend)
        layout.addWidget(self.buttons)
        self._bind_fields()

        if household_id is not None:
            self._load(context.query(households.get_form, household_id))
            children = context.query(households.view, household_id, context.today()).children
            self.delete_button.setEnabled(not children)
            if children:
                self.delete_button.setToolTip(self.tr(
                    "{names} belong to this household: a household with students on the roster stays. Move them "
                    "to their right household first.").format(names="、".join(c.name for c in children)))
        else:
            self.delete_button.setVisible(False)  # nothing to delete yet
            if village_id is not None:
                self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(village_id)))
            self.members_model.append_row({"relation": Relation.HEAD.value, "sex": Sex.MALE.value,
                                           "is_main_labourer": True})
        self.head_edit.textChanged.connect(self._sync_head_member)
        self._update_skills_area()
        self._category_changed()

    def _bind_fields(self) -> None:
        """The core's names for the fields (households.validate); required: what it refuses empty."""
        bind = self.field_errors.bind
        bind("head_name", self.head_edit, required=True)
        bind("village_id", self.village_combo, required=True)
        bind("group_name", self.group_edit)
        bind("address", self.address_edit)
        bind("phone", self.phone_edit)
        bind("category", self.category_combo, required=True)
        bind("lifted_year", self.year_spin)
        bind("monitoring_type", self.monitoring_combo)
        bind("monitoring_identified_on", self.identified_edit)
        bind("risk_removed_on", self.risk_removed_edit)
        bind("notes", self.notes_edit)
        bind("members", self.members_table)

    def _risk_removed_toggled(self, checked: bool) -> None:
        if checked and self.risk_removed_edit.date() == NO_DATE:
            today = self.context.today()
            self.risk_removed_edit.setDate(QDate(today.year, today.month, today.day))
        self._category_changed()

    def _category_changed(self, *_args: object) -> None:
        """Show the year and the monitoring fields only where they apply."""
        category = self.category_combo.currentData()
        monitored = category == HouseholdCategory.MONITORED.value
        with_year = monitored or category == HouseholdCategory.LIFTED.value
        self.year_label.setVisible(with_year)
        self.year_spin.setVisible(with_year)
        self.monitoring_label.setVisible(monitored)
        self.monitoring_box.setVisible(monitored)
        self.risk_removed_edit.setEnabled(self.risk_removed_check.isChecked())

    # --- loading and reading the form --------------------------------------------------------

    def _load(self, form: HouseholdForm) -> None:
        self.head_edit.setText(form.head_name)
        self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(form.village_id)))
        self.group_edit.setText(form.group_name)
        self.address_edit.setText(form.address)
        self.phone_edit.setText(form.phone)
        self._history = form
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(form.category)))
        self.year_spin.setValue(form.lifted_year or NO_YEAR)
        self.monitoring_combo.setCurrentIndex(max(0, self.monitoring_combo.findData(form.monitoring_type)))
        self.identified_edit.setDate(_to_qdate(form.monitoring_identified_on))
        self.risk_removed_check.setChecked(form.risk_removed_on is not None)
        self.risk_removed_edit.setDate(_to_qdate(form.risk_removed_on))
        self.dibao_check.setChecked(form.dibao)
        self.tekun_check.setChecked(form.tekun)
        self.notes_edit.setText(form.notes)
        self._category_changed()
        self.members_model.set_rows([
            {"name": m.name, "relation": m.relation, "sex": m.sex, "birth_year": m.birth_year,
             "is_main_labourer": m.is_main_labourer, "work": m.work, "phone": m.phone,
             "skills": [{"skill": s.skill, "year": s.year, "organiser": s.organiser} for s in m.skills]}
            for m in form.members
        ])

    def form(self) -> HouseholdForm:
        self._store_skills()
        category = self.category_combo.currentData()
        monitored = category == HouseholdCategory.MONITORED.value
        with_year = monitored or category == HouseholdCategory.LIFTED.value
        history = self._history
        return HouseholdForm(
            head_name=self.head_edit.text(), village_id=self.village_combo.currentData(),
            group_name=self.group_edit.text(), address=self.address_edit.text(), phone=self.phone_edit.text(),
            registered_poor=history.registered_poor, poor_card_no=history.poor_card_no, poor_year=history.poor_year,
            poverty_status=history.poverty_status, category=category,
            lifted_year=(self.year_spin.value() or None) if with_year else None,
            monitoring_type=self.monitoring_combo.currentData() if monitored else "",
            monitoring_identified_on=_from_qdate(self.identified_edit.date()) if monitored else None,
            risk_removed_on=_from_qdate(self.risk_removed_edit.date())
            if monitored and self.risk_removed_check.isChecked() else None,
            dibao=self.dibao_check.isChecked(), tekun=self.tekun_check.isChecked(),
            notes=self.notes_edit.text(),
            members=[
                MemberForm(name=row.get("name") or "", relation=row.get("relation") or Relation.OTHER.value,
                           sex=row.get("sex") or "", birth_year=row.get("birth_year"),
                           is_main_labourer=bool(row.get("is_main_labourer")), work=row.get("work") or "",
                           phone=row.get("phone") or "",
                           skills=[SkillForm(s.get("skill") or "", s.get("year"), s.get("organiser") or "")
                                   for s in row.get("skills", [])])
                for row in self.members_model.rows()
            ],
        )

    # --- members and skills ----------------------------------------------------------------

    def _sync_head_member(self, text: str) -> None:
        # The head is usually the first member: keep the names together while typing a new household.
        for position, row in enumerate(self.members_model.rows()):
            if row.get("relation") == Relation.HEAD.value:
                self.members_model.set_row_value(position, "name", text)
                return

    def _add_member(self) -> None:
        position = self.members_model.append_row({"skills": []})
        self.members_table.selectRow(position)
        self.members_table.edit(self.members_model.index(position, 0))

    def _remove_member(self) -> None:
        self._store_skills()
        self._skills_owner = None
        self._remove_selected(self.members_table, self.members_model)
        self._update_skills_area()

    def _remove_skill(self) -> None:
        self._remove_selected(self.skills_table, self.skills_model)

    @staticmethod
    def _remove_selected(table: QTableView, model: EditableTableModel) -> None:
        rows = table.selectionModel().selectedRows()
        if rows:
            model.remove_row(rows[0].row())

    def _store_skills(self) -> None:
        if self._skills_owner is not None and self._skills_owner < self.members_model.rowCount():
            self.members_model.row_values(self._skills_owner)["skills"] = self.skills_model.rows()

    def _member_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._store_skills()
        rows = self.members_table.selectionModel().selectedRows()
        self._skills_owner = rows[0].row() if rows else None
        self._update_skills_area()

    def _update_skills_area(self) -> None:
        owner = self._skills_owner
        if owner is None:
            self.skills_model.set_rows([])
            self.skills_label.setText(self.tr("Select a member to record the practical skills they have learned."))
            self.skills_table.setEnabled(False)
            self.add_skill_button.setEnabled(False)
            return
        row = self.members_model.row_values(owner)
        self.skills_model.set_rows(row.get("skills", []))
        self.skills_label.setText(self.tr("Practical skills (实用技术) of {name}:").format(
            name=row.get("name") or self.tr("the selected member")))
        self.skills_table.setEnabled(True)
        self.add_skill_button.setEnabled(True)

    def _add_skill(self) -> None:
        position = self.skills_model.append_row()
        self.skills_table.edit(self.skills_model.index(position, 0))

    # --- saving ----------------------------------------------------------------------------

    def save(self, confirmed: frozenset[str] = frozenset()) -> None:
        self.members_table.setFocus()  # commits an open cell editor
        form = self.form()

        def refused(error: SchoolAidError) -> None:
            if isinstance(error, ValidationFailed) and error.only_warnings:
                self.field_errors.clear()
                if confirm_warnings(self, error.problems):
                    self.save(confirmed | {p.code for p in error.problems})
            elif isinstance(error, ValidationFailed):
                elsewhere = self.field_errors.show([p for p in error.problems if p.is_error])
                if elsewhere:
                    show_error(self, ValidationFailed(elsewhere))
            else:
                show_error(self, error)

        if self.household_id is None:
            run_op(self.context, self, households.create_household, form, confirmed=confirmed,
                   today=self.context.today(), affects={Entity.HOUSEHOLD}, on_success=self._created,
                   on_failure=refused)
        else:
            run_op(self.context, self, households.update_household, self.household_id, form, confirmed=confirmed,
                   today=self.context.today(), affects={Entity.HOUSEHOLD}, on_success=lambda _result: self.accept(),
                   on_failure=refused)

    def _created(self, household_id: int) -> None:
        self.household_id = household_id
        self.accept()

    def delete_household(self) -> None:
        """Delete a household entered by mistake, after asking."""
        if self.household_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete household"), self.tr(
            "Delete the household of {head}? Only a household entered by mistake should be deleted: its members "
            "and their skills go with it. The deletion is kept in the audit trail.").format(
                head=self.head_edit.text()), defaultButton=QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        deleted = run_op(self.context, self, households.delete_household, self.household_id, affects={Entity.HOUSEHOLD})
        if deleted.succeeded:
            self.deleted, self.household_id = True, None
            self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        # Enter inside the member tables edits a cell; it must not save the whole dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() in (
                self.members_table, self.skills_table):
            return
        super().keyPressEvent(event)
