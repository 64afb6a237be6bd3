"""Adding and editing a student, with live ID-number checking and the record's history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts import audit
from schoolaid.accounts.audit import HistoryEntry
from schoolaid.common.errors import Problem, SchoolAidError, ValidationFailed
from schoolaid.common.grades import ALL_GRADES, Grade, Stage
from schoolaid.common.vocabulary import ETHNICITIES, Relation, Sex
from schoolaid.roster import enrollment_approvals, households, idnumber, roster, transfers
from schoolaid.roster.categories import DISABILITY_CATEGORIES, DISABILITY_GRADES, disability_label
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.roster import StudentForm
from schoolaid.township import township
from schoolaid.ui.actions import make_button
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.fonts import missing_characters
from schoolaid.ui.operations import run_op
from schoolaid.ui.widgets.date_field import DateField, optional_date_field
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.field_labels import describe_changes
from schoolaid.ui.widgets.form_fields import FieldErrors
from schoolaid.ui.widgets.messages import confirm_warnings, show_error
from schoolaid.ui.widgets.table_models import Column, RecordTableModel, local_time, weak_method
from schoolaid.ui.widgets.table_views import record_table

NO_DATE = QDate(1900, 1, 1)
ERROR_STYLE = "color:#c62828;"
WARNING_STYLE = "color:#a15c00;"
OK_STYLE = "color:#2e7d32;"


def _to_qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def _from_qdate(value: QDate) -> dt.date | None:
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


def _date_edit(today: dt.date) -> DateField:
    return optional_date_field(today)


class StudentDialog(Dialog):
    def __init__(self, context: AppContext, student_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.student_id = student_id
        self.household_id: int | None = None
        self._history_names: dict[str, dict[object, str]] = {}
        self.setWindowTitle(self.tr("Add student") if student_id is None else self.tr("Edit student"))
        self.resize(820, 560)

        self.name_edit = QLineEdit()
        self.sex_combo = QComboBox()
        for sex in Sex:
            self.sex_combo.addItem(sex.label(), sex.value)
        self.ethnicity_combo = QComboBox()
        self.ethnicity_combo.setEditable(True)
        self.ethnicity_combo.addItems(ETHNICITIES)
        self.birth_edit = _date_edit(context.today())
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(24)
        self.id_feedback = QLabel()
        self.id_feedback.setWordWrap(True)
        self.use_id_button = QPushButton(self.tr("Take birth date and sex from the ID"))
        self.use_id_button.setVisible(False)
        self.registry_edit = QLineEdit()
        self.school_combo = QComboBox()
        self._schools = context.query(township.list_schools)
        for school in self._schools:
            if school.active:
                self.school_combo.addItem(school.name, school.id)
        self.grade_combo = QComboBox()
        for grade in ALL_GRADES:
            self.grade_combo.addItem(grade.label(), grade)
        self.class_edit = QLineEdit()
        self.class_edit.setPlaceholderText(self.tr("e.g. 1班"))
        self.household_label = QLabel(self.tr("(none)"))
        self.choose_household_button = QPushButton(self.tr("Choose…"))
        self.new_household_button = QPushButton(self.tr("New household…"))
        self.relation_combo = QComboBox()
        for relation in Relation:
            self.relation_combo.addItem(relation.label(), relation.value)
        self.relation_combo.setCurrentIndex(self.relation_combo.findData(Relation.CHILD.value))
        self.guardian_edit = QLineEdit()
        self.guardian_relation_edit = QLineEdit()
        self.guardian_relation_edit.setPlaceholderText(self.tr("e.g. 父亲, 祖母"))
        self.guardian_phone_edit = QLineEdit()
        self.left_behind_check = QCheckBox(self.tr("Left-behind child (留守儿童)"))
        self.boarder_check = QCheckBox(self.tr("Boarder (寄宿生)"))
        self.orphan_check = QCheckBox(self.tr("Orphan (孤儿)"))
        self.unsupported_check = QCheckBox(self.tr("De facto unsupported child (事实无人抚养儿童)"))
        self.parent_disabled_check = QCheckBox(self.tr("Child of a disabled parent (残疾人子女)"))
        self.martyr_child_check = QCheckBox(self.tr("Child of a martyr (烈士子女)"))
        self.in_difficulty_check = QCheckBox(self.tr("Child in difficulty (困境儿童)"))
        self.disability_combo = QComboBox()
        self.disability_combo.addItem(self.tr("none"), "")
        for category in DISABILITY_CATEGORIES:
            self.disability_combo.addItem(disability_label(category), category)
        self.disability_grade_combo = QComboBox()
        self.disability_grade_combo.addItem(self.tr("grade"), "")
        for grade in DISABILITY_GRADES:
            self.disability_grade_combo.addItem(grade, grade)
        self.disability_certificate_edit = QLineEdit()
        self.disability_certificate_edit.setPlaceholderText(self.tr("certificate no. (残疾人证号)"))
        self.disability_combo.currentIndexChanged.connect(self._disability_changed)
        self._disability_changed()
        self.entry_edit = _date_edit(context.today())
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(48)
        self.status_label = QLabel()
        self.change_status_button = QPushButton(self.tr("Change status…"))

        left = QFormLayout()
        left.addRow(self.tr("Name"), self.name_edit)
        left.addRow(self.tr("ID number"), self.id_edit)
        left.addRow("", self.id_feedback)
        left.addRow("", self.use_id_button)
        left.addRow(self.tr("Sex"), self.sex_combo)
        left.addRow(self.tr("Birth date"), self.birth_edit)
        left.addRow(self.tr("Ethnicity"), self.ethnicity_combo)
        left.addRow(self.tr("Registry no."), self.registry_edit)
        disability_row = QHBoxLayout()
        disability_row.addWidget(self.disability_combo, 1)
        disability_row.addWidget(self.disability_grade_combo)
        disability_row.addWidget(self.disability_certificate_edit, 2)
        disability_label_widget = QLabel(self.tr("Disability"))
        disability_label_widget.setBuddy(self.disability_combo)
        left.addRow(disability_label_widget, disability_row)
        for check in (self.orphan_check, self.unsupported_check, self.parent_disabled_check, self.martyr_child_check,
                      self.in_difficulty_check):
            left.addRow("", check)
        left.addRow(self.tr("Notes"), self.notes_edit)

        right = QFormLayout()
        right.addRow(self.tr("School"), self.school_combo)
        grade_row = QHBoxLayout()
        grade_row.addWidget(self.grade_combo, 1)
        grade_row.addWidget(self.class_edit, 1)
        right.addRow(self.tr("Grade and class"), grade_row)
        right.addRow(self.tr("Entry date"), self.entry_edit)
        household_row = QHBoxLayout()
        household_row.addWidget(self.household_label, 1)
        household_row.addWidget(self.choose_household_button)
        household_row.addWidget(self.new_household_button)
        right.addRow(self.tr("Household"), household_row)
        right.addRow(self.tr("Relation to head"), self.relation_combo)
        right.addRow(self.tr("Guardian"), self.guardian_edit)
        right.addRow(self.tr("Guardian is the"), self.guardian_relation_edit)
        right.addRow(self.tr("Guardian's phone"), self.guardian_phone_edit)
        right.addRow("", self.left_behind_check)
        right.addRow("", self.boarder_check)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.change_status_button)
        self.approval_button = make_button("student.approval", context, self)
        status_row.addWidget(self.approval_button)
        self.transfer_button = make_button("student.transfer", context, self)
        status_row.addWidget(self.transfer_button)
        right.addRow(self.tr("Enrollment status"), status_row)

        details = QWidget()
        grid = QGridLayout(details)
        grid.addLayout(left, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(right, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)

        describe = weak_method(self._describe)  # the model must not hold the dialog: no cycle through it
        self.history_model: RecordTableModel[HistoryEntry] = RecordTableModel([
            Column(self.tr("When"), lambda h: local_time(h.at)),
            Column(self.tr("Who"), lambda h: h.actor),
            Column(self.tr("What"), weak_method(self._action_label)),
            Column(self.tr("Changes"), lambda h: "；".join(describe(h) or ()),
                   tooltip=lambda h: "\n".join(describe(h) or ())),
        ], parent=self)
        self.history_table = record_table(self.history_model, wrap=True)  # the changes, over lines

        self.tabs = QTabWidget()
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(self.history_table, self.tr("History"))

        self.field_errors = FieldErrors(self)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.field_errors.legend)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self._bind_fields()  # once the form is in the dialog: each field's row is found there

        self.name_edit.textChanged.connect(self._check_name_characters)
        self.id_edit.textChanged.connect(self._check_id)
        self.birth_edit.dateChanged.connect(self._check_id)
        self.sex_combo.currentIndexChanged.connect(self._check_id)
        self.use_id_button.clicked.connect(self._take_from_id)
        self.choose_household_button.clicked.connect(self._choose_household)
        self.new_household_button.clicked.connect(self._new_household)
        self.change_status_button.clicked.connect(self._change_status)

        if student_id is not None:
            self._load(context.query(roster.get_form, student_id))
            self._load_status_and_history()
        else:
            self.status_label.setText(self.tr("Enrolled (new student)"))
            self.change_status_button.setVisible(False)
            self.approval_button.setVisible(False)
            self.transfer_button.setVisible(False)
            self.tabs.setTabEnabled(1, False)
            today = context.today()
            self.entry_edit.setDate(QDate(today.year, today.month, today.day))
        self._check_id()

    # --- form ------------------------------------------------------------------------------

    def _bind_fields(self) -> None:
        """The core's names for the fields (roster.validate); required: what it refuses empty."""
        bind = self.field_errors.bind
        bind("name", self.name_edit, required=True)
        bind("id_number", self.id_edit, message=self.id_feedback)  # under the ID, where its live check is
        bind("sex", self.sex_combo, required=True)
        bind("birth_date", self.birth_edit, required=True)
        bind("ethnicity", self.ethnicity_combo)
        bind("registry_no", self.registry_edit)
        bind("disability_category", self.disability_combo)
        bind("disability_grade", self.disability_grade_combo)
        bind("disability_certificate", self.disability_certificate_edit)
        bind("notes", self.notes_edit)
        bind("school_id", self.school_combo, required=True)
        bind(("stage", "grade"), self.grade_combo, required=True)
        bind("class_name", self.class_edit)
        bind("entry_date", self.entry_edit)
        bind("household_id", self.household_label, focus=self.choose_household_button)
        bind("relation_to_head", self.relation_combo)
        bind("guardian_name", self.guardian_edit)
        bind("guardian_relation", self.guardian_relation_edit)
        bind("guardian_phone", self.guardian_phone_edit)

    def _load(self, form: StudentForm) -> None:
        self.name_edit.setText(form.name)
        self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(form.sex)))
        self.ethnicity_combo.setCurrentText(form.ethnicity)
        self.birth_edit.setDate(_to_qdate(form.birth_date))
        self.id_edit.setText(form.id_number)
        self.registry_edit.setText(form.registry_no)
        if self.school_combo.findData(form.school_id) < 0:  # a closed school: still the student's record
            closed = next(s for s in self._schools if s.id == form.school_id)
            self.school_combo.addItem(closed.name, closed.id)
        self.school_combo.setCurrentIndex(self.school_combo.findData(form.school_id))
        for position in range(self.grade_combo.count()):
            grade: Grade = self.grade_combo.itemData(position)
            if grade.stage.value == form.stage and grade.number == form.grade:
                self.grade_combo.setCurrentIndex(position)
        self.class_edit.setText(form.class_name)
        self._set_household(form.household_id)
        self.relation_combo.setCurrentIndex(max(0, self.relation_combo.findData(form.relation_to_head)))
        self.guardian_edit.setText(form.guardian_name)
        self.guardian_relation_edit.setText(form.guardian_relation)
        self.guardian_phone_edit.setText(form.guardian_phone)
        self.left_behind_check.setChecked(form.left_behind)
        self.boarder_check.setChecked(form.boarder)
        if form.disability_category and self.disability_combo.findData(form.disability_category) < 0:
            # A free text kept from an older version: shown as it is, to be chosen from the list on saving.
            self.disability_combo.addItem(form.disability_category, form.disability_category)
        self.disability_combo.setCurrentIndex(max(0, self.disability_combo.findData(form.disability_category)))
        self.disability_grade_combo.setCurrentIndex(max(0, self.disability_grade_combo.findData(form.disability_grade)))
        self.disability_certificate_edit.setText(form.disability_certificate)
        for check, value in ((self.orphan_check, form.orphan), (self.unsupported_check, form.unsupported),
                             (self.parent_disabled_check, form.parent_disabled),
                             (self.martyr_child_check, form.martyr_child), (self.in_difficulty_check, form.in_difficulty)):
            check.setChecked(value)
        self._disability_changed()
        self.entry_edit.setDate(_to_qdate(form.entry_date))
        self.notes_edit.setPlainText(form.notes)

    def form(self) -> StudentForm:
        grade: Grade = self.grade_combo.currentData() or Grade(Stage.PRIMARY, 1)
        return StudentForm(
            name=self.name_edit.text(), sex=self.sex_combo.currentData(), ethnicity=self.ethnicity_combo.currentText(),
            birth_date=_from_qdate(self.birth_edit.date()), id_number=self.id_edit.text(),
            registry_no=self.registry_edit.text(), school_id=self.school_combo.currentData(),
            stage=grade.stage.value, grade=grade.number, class_name=self.class_edit.text(),
            household_id=self.household_id, relation_to_head=self.relation_combo.currentData(),
            guardian_name=self.guardian_edit.text(), guardian_relation=self.guardian_relation_edit.text(),
            guardian_phone=self.guardian_phone_edit.text(), left_behind=self.left_behind_check.isChecked(),
            boarder=self.boarder_check.isChecked(), disability_category=self.disability_combo.currentData(),
            disability_grade=self.disability_grade_combo.currentData() if self.disability_combo.currentData() else "",
            disability_certificate=self.disability_certificate_edit.text()
            if self.disability_combo.currentData() else "",
            orphan=self.orphan_check.isChecked(), unsupported=self.unsupported_check.isChecked(),
            parent_disabled=self.parent_disabled_check.isChecked(), martyr_child=self.martyr_child_check.isChecked(),
            in_difficulty=self.in_difficulty_check.isChecked(),
            entry_date=_from_qdate(self.entry_edit.date()), notes=self.notes_edit.toPlainText(),
        )

    def _disability_changed(self, *_args: object) -> None:
        """The grade and certificate apply only to a child with a disability category."""
        disabled = bool(self.disability_combo.currentData())
        self.disability_grade_combo.setEnabled(disabled)
        self.disability_certificate_edit.setEnabled(disabled)

    def _load_status_and_history(self) -> None:
        assert self.student_id is not None
        summary = self.context.query(roster.get_summary, self.student_id)
        flag = self.context.query(enrollment_approvals.flags, self.context.today(), [self.student_id]).get(
            self.student_id)
        if self.student_id in self.context.query(transfers.unconfirmed_out, [self.student_id]):
            flag = enrollment_approvals.Flag.TRANSFER_UNCONFIRMED
        self.status_label.setText(summary.status.label() if flag is None else self.tr("{status} · {flag}").format(
            status=summary.status.label(), flag=flag.label()))
        self.transfer_button.setVisible(summary.status in (EnrollmentStatus.TRANSFERRED_OUT, EnrollmentStatus.GRADUATED))
        entries = self.context.query(audit.history, roster.ENTITY, self.student_id)
        household_ids = {v for e in entries for v in (e.before.get("household_id"), e.after.get("household_id")) if v}
        self._history_names = {
            "school_id": {school.id: school.name for school in self._schools},
            "household_id": self.context.query(households.head_names, household_ids),
        }
        self.history_model.set_rows(list(reversed(entries)))

    def _describe(self, entry: HistoryEntry) -> list[str]:
        return describe_changes(entry, self._history_names)


    def _action_label(self, entry: HistoryEntry) -> str:
        return {
            audit.Action.CREATE: self.tr("Added"),
            audit.Action.UPDATE: self.tr("Edited"),
            audit.Action.STATUS: self.tr("Status changed"),
            audit.Action.DELETE: self.tr("Deleted"),
        }.get(entry.action, entry.action)

    def _check_name_characters(self, name: str) -> None:
        # A rare character no bundled font has would show as an empty box on every screen and paper.
        missing = missing_characters(name)
        if missing:
            self.problems_label.setStyleSheet(WARNING_STYLE)
            self.problems_label.setText(self.tr(
                "No font on this PC can show {chars}: check the name, or type the character the household "
                "register uses.").format(chars=" ".join(missing)))
        elif self.problems_label.styleSheet() == WARNING_STYLE:
            self.problems_label.clear()

    # --- ID number -------------------------------------------------------------------------

    def _check_id(self) -> None:
        text = self.id_edit.text()
        self.use_id_button.setVisible(False)
        if not text.strip():
            self.id_feedback.setText(self.tr("Birth date and sex are read from the ID number."))
            self.id_feedback.setStyleSheet("")
            return
        result = idnumber.check(text, today=self.context.today())
        problems: list[Problem] = list(result.problems)
        if result.is_valid:
            mismatch = idnumber.check_against(result, _from_qdate(self.birth_edit.date()), self.sex_combo.currentData())
            problems.extend(mismatch)
            self.use_id_button.setVisible(bool(mismatch) or _from_qdate(self.birth_edit.date()) is None)
        if any(p.is_error for p in problems):
            self.id_feedback.setStyleSheet(ERROR_STYLE)
            self.id_feedback.setText("\n".join(p.message for p in problems if p.is_error))
        elif problems:
            self.id_feedback.setStyleSheet(WARNING_STYLE)
            self.id_feedback.setText("\n".join(p.message for p in problems))
        else:
            assert result.birth_date is not None and result.sex is not None
            self.id_feedback.setStyleSheet(OK_STYLE)
            self.id_feedback.setText(self.tr("Valid: born {date}, {sex}, {place}").format(
                date=result.birth_date.isoformat(), sex=result.sex.label(), place=result.birth_place or "—"))

    def _take_from_id(self) -> None:
        result = idnumber.check(self.id_edit.text(), today=self.context.today())
        if result.birth_date and result.sex:
            self.birth_edit.setDate(_to_qdate(result.birth_date))
            self.sex_combo.setCurrentIndex(self.sex_combo.findData(result.sex.value))

    # --- household -------------------------------------------------------------------------

    def _set_household(self, household_id: int | None) -> None:
        self.household_id = household_id
        self.field_errors.clear_field(self.household_label)
        if household_id is None:
            self.household_label.setText(self.tr("(none)"))
            return
        view = self.context.query(households.view, household_id, self.context.today())
        self.household_label.setText(f"{view.head_name}（{view.village}{view.group_name}）")

    def _choose_household(self) -> None:
        from schoolaid.ui.roster.household_picker import HouseholdPicker

        picker = HouseholdPicker(self.context, self)
        if picker.exec() and picker.chosen_id is not None:
            self._set_household(picker.chosen_id)
            self._fill_guardian_from_household()

    def _new_household(self) -> None:
        from schoolaid.ui.roster.household_dialog import HouseholdDialog

        dialog = HouseholdDialog(self.context, None, self)
        if dialog.exec() and dialog.household_id is not None:
            self._set_household(dialog.household_id)
            self._fill_guardian_from_household()

    def _fill_guardian_from_household(self) -> None:
        if self.household_id is None or self.guardian_edit.text().strip():
            return
        view = self.context.query(households.view, self.household_id, self.context.today())
        self.guardian_edit.setText(view.head_name)
        if not self.guardian_phone_edit.text().strip():
            self.guardian_phone_edit.setText(view.phone)

    # --- status ----------------------------------------------------------------------------

    def _change_status(self) -> None:
        from schoolaid.ui.roster.status_dialog import StatusDialog

        assert self.student_id is not None
        if StatusDialog(self.context, self.student_id, self).exec():
            self._load_status_and_history()

    def record_approval(self) -> None:
        from schoolaid.ui.roster.approval_dialog import ApprovalDialog

        assert self.student_id is not None
        if ApprovalDialog(self.context, self.student_id, self).exec():
            self._load_status_and_history()

    def record_transfer(self) -> None:
        from schoolaid.ui.roster import transfer_dialog

        assert self.student_id is not None
        if transfer_dialog.open_for(self.context, self.student_id, self):
            self._load_status_and_history()

    # --- saving ----------------------------------------------------------------------------

    def save(self, confirmed: frozenset[str] = frozenset()) -> None:
        form = self.form()

        def refused(error: SchoolAidError) -> None:
            if not isinstance(error, ValidationFailed):
                show_error(self, error)
            elif error.only_warnings:
                self.problems_label.clear()
                if confirm_warnings(self, error.problems):
                    self.save(confirmed | {p.code for p in error.problems})
            else:
                elsewhere = self.field_errors.show([p for p in error.problems if p.is_error])
                self.problems_label.setStyleSheet(ERROR_STYLE)
                self.problems_label.setText("\n".join(p.message for p in elsewhere))

        if self.student_id is None:
            run_op(self.context, self, roster.add_student, form, confirmed=confirmed, today=self.context.today(),
                   affects={Entity.STUDENT}, on_success=self._added, on_failure=refused)
        else:
            run_op(self.context, self, roster.update_student, self.student_id, form, confirmed=confirmed,
                   today=self.context.today(), affects={Entity.STUDENT}, on_success=lambda _result: self.accept(), on_failure=refused)

    def refusal_text(self) -> str:
        """Everything the last refusal says, at the fields and under the form."""
        return "\n".join([*self.field_errors.messages(), self.problems_label.text()]).strip()

    def _added(self, student_id: int) -> None:
        self.student_id = student_id
        self.accept()

