"""The small dialogs of the pairing tab: staff, leaving with handover, pairing a household, handing
over or ending a pairing, pairing a school, logging its activities and ending its pairing."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from schoolaid.common.vocabulary import Sex, StaffRole
from schoolaid.pairing import pairing, school_pairing, staff
from schoolaid.pairing.pairing import HouseholdNeed, PairingView
from schoolaid.pairing.school_pairing import ActivityKind, SchoolPairingView
from schoolaid.pairing.staff import StaffForm
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.township import township
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table


def _staff_combo(context: AppContext, *, exclude: int | None = None) -> QComboBox:
    combo = QComboBox()
    for member in context.query(staff.list_staff):
        if member.id != exclude:
            combo.addItem(f"{member.name}（{member.school}，{member.role.label()}）", member.id)
    return combo


class StaffDialog(FormDialog):
    def __init__(self, context: AppContext, staff_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Add staff member") if staff_id is None else self.tr("Edit staff member"),
                         parent)
        self.staff_id = staff_id
        form = context.query(staff.get_form, staff_id) if staff_id is not None else StaffForm()
        self.name_edit = QLineEdit(form.name)
        self.school_combo = QComboBox()
        for school in context.query(township.list_schools, open_only=True):
            self.school_combo.addItem(school.name, school.id)
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(form.school_id)))
        self.role_combo = QComboBox()
        for role in StaffRole:
            self.role_combo.addItem(role.label(), role.value)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(form.role)))
        self.sex_combo = QComboBox()
        self.sex_combo.addItem("", "")
        for sex in Sex:
            self.sex_combo.addItem(sex.label(), sex.value)
        self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(form.sex)))
        self.phone_edit = QLineEdit(form.phone)
        self.form.addRow(self.tr("Name"), self.name_edit)
        self.form.addRow(self.tr("School"), self.school_combo)
        self.form.addRow(self.tr("Role"), self.role_combo)
        self.form.addRow(self.tr("Sex"), self.sex_combo)
        self.form.addRow(self.tr("Phone"), self.phone_edit)
        bind = self.field_errors.bind  # the names of staff's problems
        bind("name", self.name_edit, required=True)
        bind("school_id", self.school_combo, required=True)
        bind("role", self.role_combo, required=True)
        bind("sex", self.sex_combo)
        bind("phone", self.phone_edit)

    def submit(self) -> bool:
        form = StaffForm(self.name_edit.text(), self.school_combo.currentData(), self.role_combo.currentData(),
                         self.sex_combo.currentData(), self.phone_edit.text())
        if self.staff_id is None:
            created = self.run(staff.create_staff, form, affects={Entity.PAIRING})
            if created.succeeded:
                self.staff_id = created.result
            return created.succeeded
        return self.run(staff.update_staff, self.staff_id, form, affects={Entity.PAIRING}).succeeded


class LeaveDialog(FormDialog):
    """A staff member leaves: each of their households goes to someone else, or its pairing ends."""

    def __init__(self, context: AppContext, staff_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Staff member leaves"), parent)
        self.staff_id = staff_id
        member = context.query(staff.get_form, staff_id)
        self.date_edit = date_edit(self.context.today())
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. 调往其他学校, 退休"))
        self.form.addRow(self.tr("Staff member"), QLabel(member.name))
        self.form.addRow(self.tr("Leaves on"), self.date_edit)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.receivers: dict[int, QComboBox] = {}
        held = context.query(pairing.list_pairings, active_on=date_of(self.date_edit), staff_id=staff_id)
        if held:
            self.form.addRow(QLabel(self.tr("<b>Who takes over each household?</b>")))
        for view in held:
            combo = _staff_combo(context, exclude=staff_id)
            combo.insertItem(0, self.tr("(end the pairing)"), None)
            combo.setCurrentIndex(1 if combo.count() > 1 else 0)
            self.receivers[view.id] = combo
            self.form.addRow(f"{view.household_head}（{view.village}{view.group_name}）", combo)
        self.field_errors.bind("left_on", self.date_edit, required=True)
        self.field_errors.bind("reason", self.reason_edit, required=True)

    def submit(self) -> bool:
        return self.run(staff.leave, self.staff_id, date_of(self.date_edit), self.reason_edit.text(),
                        {pairing_id: combo.currentData() for pairing_id, combo in self.receivers.items()},
                        today=self.context.today(), affects={Entity.PAIRING}).succeeded


class PairDialog(FormDialog):
    """Pair a staff member with a household; unpaired households of their school's village come first."""

    def __init__(self, context: AppContext, staff_id: int | None = None, household_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Pair a household"), parent)
        self.staff_combo = _staff_combo(context)
        if staff_id is not None:
            self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(staff_id)))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search all lifted and monitored households by the head's name"))
        self.households_model: RecordTableModel[HouseholdNeed] = RecordTableModel([
            Column(self.tr("Household head"), lambda h: h.head),
            Column(self.tr("Village and group"), lambda h: h.village + h.group_name),
            Column(self.tr("Household category"), lambda h: HouseholdCategory(h.category).label()),
        ], parent=self)
        self.households_table = record_table(self.households_model)
        self.households_table.setMinimumHeight(220)
        self.date_edit = date_edit(self.context.today())
        self.notes_edit = QLineEdit()
        self.hint = QLabel()
        self.form.addRow(self.tr("Helper"), self.staff_combo)
        self.form.addRow(self.hint)
        self.form.addRow(self.tr("Household"), self.search_edit)
        self.form.addRow(self.households_table)
        self.form.addRow(self.tr("Paired from"), self.date_edit)
        self.form.addRow(self.tr("Notes"), self.notes_edit)
        bind = self.field_errors.bind  # the names of pairing.pair's problems
        bind("staff_id", self.staff_combo, required=True)
        bind("household_id", self.search_edit, required=True, focus=self.households_table,
             edited=[self.households_table.selectionModel().selectionChanged, self.search_edit.textChanged])
        bind("start_date", self.date_edit, required=True)
        bind("notes", self.notes_edit)
        self.resize(560, 520)
        self.staff_combo.currentIndexChanged.connect(self.refresh)
        self.search_edit.textChanged.connect(self.refresh)
        self._household_id = household_id
        self.refresh()

    def refresh(self) -> None:
        text = self.search_edit.text().strip()
        if text or self._household_id is not None:
            rows = self.context.query(pairing.eligible_households, text)
            self.hint.setText(self.tr("All lifted and monitored households whose head's name contains the text."))
        elif self.staff_combo.currentData() is not None:
            rows = self.context.query(pairing.suggestions, self.staff_combo.currentData(), self.context.today())
            self.hint.setText(self.tr("Households still without a helper, those of the helper's village first."))
        else:
            rows = []
        self.households_model.set_rows(rows)
        if self._household_id is not None:
            for position, row in enumerate(rows):
                if row.household_id == self._household_id:
                    self.households_table.selectRow(position)
            self._household_id = None
        elif rows:
            self.households_table.selectRow(0)

    def submit(self) -> bool:
        selected = self.households_table.selectionModel().selectedRows()
        household_id = self.households_model.row_object(selected[0].row()).household_id if selected else -1
        return self.run(pairing.pair, self.staff_combo.currentData(), household_id, date_of(self.date_edit),
                        self.notes_edit.text(), today=self.context.today(), affects={Entity.PAIRING}).succeeded


class HandOverDialog(FormDialog):
    def __init__(self, context: AppContext, view: PairingView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Hand over a household"), parent)
        self.view = view
        self.receiver_combo = _staff_combo(context, exclude=view.staff_id)
        self.date_edit = date_edit(self.context.today())
        self.reason_edit = QLineEdit()
        self.form.addRow(self.tr("Household"), QLabel(f"{view.household_head}（{view.village}{view.group_name}）"))
        self.form.addRow(self.tr("From"), QLabel(view.staff))
        self.form.addRow(self.tr("To"), self.receiver_combo)
        self.form.addRow(self.tr("On"), self.date_edit)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.field_errors.bind("staff_id", self.receiver_combo, required=True)
        self.field_errors.bind("end_date", self.date_edit, required=True)
        self.field_errors.bind("reason", self.reason_edit)

    def submit(self) -> bool:
        return self.run(pairing.hand_over, self.view.id, self.receiver_combo.currentData(), date_of(self.date_edit),
                        self.reason_edit.text(), today=self.context.today(), affects={Entity.PAIRING}).succeeded


class EndPairingDialog(FormDialog):
    def __init__(self, context: AppContext, view: PairingView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("End a pairing"), parent)
        self.view = view
        self.date_edit = date_edit(self.context.today())
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. 家庭已稳定脱贫, 全家迁出本乡镇"))
        self.form.addRow(self.tr("Pairing"), QLabel(f"{view.staff} → {view.household_head}"))
        self.form.addRow(self.tr("Ends on"), self.date_edit)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.field_errors.bind("end_date", self.date_edit, required=True)
        self.field_errors.bind("reason", self.reason_edit, required=True)

    def submit(self) -> bool:
        return self.run(pairing.end_pairing, self.view.id, date_of(self.date_edit), self.reason_edit.text(),
                        affects={Entity.PAIRING}).succeeded


class EndSchoolPairingDialog(FormDialog):
    """The central school's pairing with a weak school comes to its end (the school caught up, or
    was merged); its activities stay on record."""

    def __init__(self, context: AppContext, view: SchoolPairingView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("End the school pairing"), parent)
        self.view = view
        self.date_edit = date_edit(self.context.today())
        self.form.addRow(self.tr("Pairing"), QLabel(self.tr("{helper} → {school}, since {since}").format(
            helper=view.helper_school, school=view.school, since=view.start_date.isoformat())))
        self.form.addRow(self.tr("Ends on"), self.date_edit)
        self.field_errors.bind("end_date", self.date_edit, required=True)
        self.form.addRow(QLabel(self.tr("The pairing and its {n} activities stay on record.").format(n=view.activities)))

    def submit(self) -> bool:
        return self.run(school_pairing.end_school_pairing, self.view.id, date_of(self.date_edit),
                        affects={Entity.PAIRING}).succeeded


class SchoolPairingDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Pair a weak school"), parent)
        self.school_combo = QComboBox()
        for school in context.query(township.list_schools, open_only=True):
            if not school.is_central:
                self.school_combo.addItem(school.name, school.id)
        self.date_edit = date_edit(self.context.today())
        self.goals_edit = QPlainTextEdit()
        self.goals_edit.setFixedHeight(60)
        self.form.addRow(self.tr("School"), self.school_combo)
        self.form.addRow(self.tr("From"), self.date_edit)
        self.form.addRow(self.tr("Goals"), self.goals_edit)
        self.field_errors.bind("school_id", self.school_combo, required=True)
        self.field_errors.bind("start_date", self.date_edit, required=True)
        self.field_errors.bind("goals", self.goals_edit)

    def submit(self) -> bool:
        return self.run(school_pairing.pair_school, self.school_combo.currentData(), date_of(self.date_edit),
                        self.goals_edit.toPlainText(), today=self.context.today(), affects={Entity.PAIRING}).succeeded


class ActivityDialog(FormDialog):
    def __init__(self, context: AppContext, school_pairing_id: int, school: str, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Log an activity"), parent)
        self.school_pairing_id = school_pairing_id
        self.date_edit = date_edit(self.context.today())
        self.kind_combo = QComboBox()
        for kind in ActivityKind:
            self.kind_combo.addItem(kind.label(), kind.value)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setFixedHeight(70)
        self.participants_edit = QLineEdit()
        self.form.addRow(self.tr("School"), QLabel(school))
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.form.addRow(self.tr("Kind"), self.kind_combo)
        self.form.addRow(self.tr("What was done"), self.description_edit)
        self.form.addRow(self.tr("Who took part"), self.participants_edit)
        bind = self.field_errors.bind  # the names of school_pairing.log_activity's problems
        bind("activity_date", self.date_edit, required=True)
        bind("kind", self.kind_combo, required=True)
        bind("description", self.description_edit, required=True)
        bind("participants", self.participants_edit)

    def submit(self) -> bool:
        return self.run(school_pairing.log_activity, self.school_pairing_id, date_of(self.date_edit),
                        self.kind_combo.currentData(), self.description_edit.toPlainText(),
                        self.participants_edit.text(), today=self.context.today(), affects={Entity.PAIRING}).succeeded
