"""Dialogs of dropout control: an absence, a child back at school, the case file, a persuasion
attempt (or its correction), the urging notice and its receipt, moving a case on, the rules."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common import school_calendar
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.validation import error
from schoolaid.dropout import absences, case_files, case_plans, notices, persuasion, rates, rules
from schoolaid.dropout.absences import AbsenceView
from schoolaid.dropout.case_files import CaseForm, CaseView
from schoolaid.dropout.persuasion import AttemptEntry, AttemptView
from schoolaid.dropout.vocabulary import CaseStatus, Method, Party, Reason
from schoolaid.pairing import staff
from schoolaid.roster import enrollment_approvals
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.dropout.case_plan_dialogs import PlacementFields
from schoolaid.ui.roster.transfer_dialog import ConfirmationFields
from schoolaid.ui.widgets.evidence import EvidenceList, choose_files
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of
from schoolaid.ui.widgets.wrapped_field import WrappedLineEdit


class OptionalDate(QWidget):
    """A date that may not have happened yet: a tick box, and the date once ticked."""

    def __init__(self, label: str, value: dt.date | None, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit: QDateEdit = date_edit(today, value)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> dt.date | None:
        return date_of(self.edit) if self.check.isChecked() else None


def _text_box(text: str = "", height: int = 54) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class AbsenceDialog(FormDialog):
    """Record an absence spell; the student is chosen here or comes from the roster."""

    def __init__(self, context: AppContext, student_id: int | None = None, student_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Record an absence"), parent)
        self.student_id = student_id
        self.absence_id: int | None = None
        self.student_label = QLabel(student_name or self.tr("(no student chosen)"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_student)
        student_row = QHBoxLayout()
        student_row.addWidget(self.student_label, 1)
        student_row.addWidget(self.choose_button)
        self.start_edit = date_edit(self.context.today())
        self.ongoing_check = QCheckBox(self.tr("Still absent"))
        self.ongoing_check.setChecked(True)
        self.end_edit = date_edit(self.context.today())
        self.end_edit.setEnabled(False)
        self.ongoing_check.toggled.connect(lambda on: self.end_edit.setEnabled(not on))
        end_row = QHBoxLayout()
        end_row.addWidget(self.ongoing_check)
        end_row.addWidget(self.end_edit)
        end_row.addStretch(1)
        self.known_check = QCheckBox(self.tr("The reason is known (sick leave, family matter with leave asked)"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setEnabled(False)
        self.known_check.toggled.connect(self.reason_edit.setEnabled)
        self.form.addRow(self.tr("Student"), student_row)
        self.form.addRow(self.tr("Absent from"), self.start_edit)
        self.form.addRow(self.tr("Until"), end_row)
        self.form.addRow("", self.known_check)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.form.addRow(QLabel(self.tr(
            "An absence without a known reason that reaches {n} school days makes the child a suspected dropout: "
            "the school reports it to the township at once and opens a case.").format(
                n=context.query(rules.setting, "dropout.suspect_school_days"))))
        bind = self.field_errors.bind  # the names absences.record_absence gives its problems
        bind("student_id", self.student_label, required=True, focus=self.choose_button)
        bind("start_date", self.start_edit, required=True)
        bind("end_date", self.end_edit)
        bind("reason", self.reason_edit)

    def choose_student(self) -> None:
        from schoolaid.ui.widgets.student_picker import StudentPicker

        picker = StudentPicker(self.context, {EnrollmentStatus.ENROLLED, EnrollmentStatus.DROPPED_OUT}, self)
        if picker.exec() and picker.chosen is not None:
            self.student_id = picker.chosen.id
            self.student_label.setText(f"{picker.chosen.name}（{picker.chosen.school} {picker.chosen.grade_label}）")
            self.field_errors.clear_field(self.student_label)

    def submit(self) -> bool:
        if self.student_id is None:
            raise ValidationFailed([error("student_id", "absence.student", self.tr("Choose the student."))])
        recorded = self.run(absences.record_absence, self.student_id, date_of(self.start_edit),
                            None if self.ongoing_check.isChecked() else date_of(self.end_edit),
                            self.known_check.isChecked(), self.reason_edit.text(), today=self.context.today(),
                            affects={Entity.DROPOUT})
        if recorded.succeeded:
            self.absence_id = recorded.result
        return recorded.succeeded


class BackAtSchoolDialog(FormDialog):
    """End an absence: the day the child came back, and the reason if it came to light."""

    def __init__(self, context: AppContext, absence: AbsenceView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Back at school"), parent)
        self.absence = absence
        self.back_edit = date_edit(self.context.today())
        self.reason_edit = QLineEdit(absence.reason)
        self.form.addRow(self.tr("Student"), QLabel(self.tr("{name}, absent since {date}").format(
            name=absence.student, date=absence.start_date.isoformat())))
        self.form.addRow(self.tr("Back at school on"), self.back_edit)
        self.form.addRow(self.tr("Reason of the absence"), self.reason_edit)
        self.field_errors.bind(("back", "end_date"), self.back_edit, required=True)
        self.field_errors.bind("reason", self.reason_edit)
        if absence.case_id is not None:
            self.form.addRow(QLabel(self.tr("The child has a case file (No. {id}): close it as \u201cback at school\u201d "
                                            "on the Cases page so that the persuasion is on record.").format(
                id=absence.case_id)))

    def submit(self) -> bool:
        back = date_of(self.back_edit)
        if back <= self.absence.start_date:
            raise ValidationFailed([error("back", "absence.back", self.tr("The child comes back after the absence began."))])
        return self.run(absences.end_absence, self.absence.id, back - dt.timedelta(days=1), self.reason_edit.text(),
                        affects={Entity.DROPOUT}).succeeded


class CaseDialog(FormDialog):
    """The case file (控辍保学档案): opened from an absence, or edited later."""

    def __init__(self, context: AppContext, *, case_id: int | None = None, student_id: int | None = None,
                 absence_id: int | None = None, student_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Case file") if case_id is not None else self.tr("Open a case"), parent)
        self.case_id, self.student_id, self.absence_id = case_id, student_id, absence_id
        form = context.query(case_files.case_form, case_id) if case_id is not None else CaseForm()
        view = context.query(case_files.get_case, case_id) if case_id is not None else None
        header = (self.tr("{name}, {school} {grade}, absent since {began}, case opened {opened}").format(
            name=view.student, school=view.school, grade=view.grade, began=view.absence_began.isoformat(),
            opened=view.opened_on.isoformat()) if view is not None else student_name)
        self.reason_combo = QComboBox()
        for reason in Reason:
            self.reason_combo.addItem(reason.label(), reason.value)
        self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(form.reason_category)))
        self.reason_edit = QLineEdit(form.reason_text)
        self.teacher_combo = QComboBox()
        self.teacher_combo.addItem(self.tr("(not set)"), None)
        for member in context.query(staff.list_staff):
            self.teacher_combo.addItem(f"{member.name}（{member.school}）", member.id)
        self.teacher_combo.setCurrentIndex(max(0, self.teacher_combo.findData(form.class_teacher_id)))
        self.township_date = OptionalDate(self.tr("reported on"), form.reported_township_on, self.context.today())
        self.bureau_date = OptionalDate(self.tr("reported on"), form.reported_bureau_on, self.context.today())
        self.township_action = _text_box(form.township_action)
        self.village_action = _text_box(form.village_action)
        self.situation_edit = _text_box(form.current_situation)
        self.remedies_edit = _text_box(form.remedies)
        self.form.addRow(self.tr("Student"), QLabel(header))
        self.form.addRow(self.tr("Reason"), self.reason_combo)
        self.form.addRow(self.tr("In their words"), self.reason_edit)
        self.form.addRow(self.tr("Class teacher"), self.teacher_combo)
        self.form.addRow(self.tr("Reported to the township"), self.township_date)
        self.form.addRow(self.tr("Reported to the district bureau"), self.bureau_date)
        self.form.addRow(self.tr("What the township did"), self.township_action)
        self.form.addRow(self.tr("What the village committee did"), self.village_action)
        self.form.addRow(self.tr("Current situation"), self.situation_edit)
        self.form.addRow(self.tr("Remedies (补救措施)"), self.remedies_edit)
        bind = self.field_errors.bind  # the names of case_files' problems
        bind("reason_category", self.reason_combo, required=True)
        bind("reason_text", self.reason_edit)
        bind("class_teacher_id", self.teacher_combo)
        bind("reported_township_on", self.township_date.edit)
        bind("reported_bureau_on", self.bureau_date.edit)
        self.resize(640, 560)

    def case_form(self) -> CaseForm:
        return CaseForm(self.reason_combo.currentData(), self.reason_edit.text(), self.township_date.value(),
                        self.bureau_date.value(), self.teacher_combo.currentData(), self.township_action.toPlainText(),
                        self.village_action.toPlainText(), self.situation_edit.toPlainText(),
                        self.remedies_edit.toPlainText())

    def submit(self) -> bool:
        if self.case_id is None:
            assert self.student_id is not None
            opened = self.run(case_files.open_case, self.student_id, self.absence_id, self.case_form(),
                              today=self.context.today(), affects={Entity.DROPOUT})
            if opened.succeeded:
                self.case_id = opened.result
            return opened.succeeded
        return self.run(case_files.update_case, self.case_id, self.case_form(), today=self.context.today(),
                        affects={Entity.DROPOUT}).succeeded


class AttemptDialog(FormDialog):
    """Log a persuasion attempt, or correct one: the old entry stays, marked as corrected."""

    def __init__(self, context: AppContext, case: CaseView, corrects: AttemptView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Correct an entry") if corrects else self.tr("Log a persuasion attempt"), parent)
        self.case, self.corrects = case, corrects
        self.files: list[tuple[str, bytes]] = []
        self.attempt_id: int | None = None
        self.date_edit = date_edit(self.context.today(), corrects.attempt_date if corrects else None)
        self.visitors_edit = QLineEdit(corrects.visitors if corrects else "")
        self.visitors_edit.setPlaceholderText(self.tr("e.g. class teacher 李老师, village committee 王主任, township 杨副镇长"))
        self.met_edit = QLineEdit(corrects.met if corrects else case.guardian)
        self.method_combo = QComboBox()
        for method in Method:
            self.method_combo.addItem(method.label(), method.value)
        if corrects is not None:
            self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(corrects.method.value)))
        self.result_edit = _text_box(corrects.result if corrects else "", 70)
        self.succeeded_check = QCheckBox(self.tr("The family agreed: the child comes back"))
        self.succeeded_check.setChecked(bool(corrects and corrects.succeeded))
        # Who took part: the notice states it, and needs the village committee and the township among them.
        self.party_checks: dict[Party, QCheckBox] = {}
        self.parties_box = QWidget()
        parties_row = QHBoxLayout(self.parties_box)
        parties_row.setContentsMargins(0, 0, 0, 0)
        for party in Party:
            check = QCheckBox(party.label())
            check.setChecked(party in (corrects.parties if corrects else (Party.SCHOOL,)))
            self.party_checks[party] = check
            parties_row.addWidget(check)
        parties_row.addStretch(1)
        self.files_label = QLabel(self.tr("No evidence files"))
        files_button = QPushButton(self.tr("Add photos or scans…"))
        files_button.clicked.connect(self._add_files)
        files_row = QHBoxLayout()
        files_row.addWidget(files_button)
        files_row.addWidget(self.files_label, 1)
        self.form.addRow(self.tr("Case"), QLabel(self.tr("No. {id}: {name}, {school} {grade}").format(
            id=case.id, name=case.student, school=case.school, grade=case.grade)))
        if corrects is not None:
            self.form.addRow(QLabel(self.tr(
                "Entry No. {id} stays in the log, marked as corrected; this entry takes its place.").format(id=corrects.id)))
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.form.addRow(self.tr("Who went"), self.visitors_edit)
        self.form.addRow(self.tr("Who took part"), self.parties_box)
        self.form.addRow(self.tr("Whom they met"), self.met_edit)
        self.form.addRow(self.tr("How"), self.method_combo)
        self.form.addRow(self.tr("Result"), self.result_edit)
        self.form.addRow("", self.succeeded_check)
        if corrects is None:
            self.form.addRow(self.tr("Evidence"), files_row)
        bind = self.field_errors.bind  # the names of persuasion's problems
        bind("attempt_date", self.date_edit, required=True)
        bind("visitors", self.visitors_edit, required=True)
        bind("parties", self.parties_box, required=True, focus=self.party_checks[Party.SCHOOL],
             edited=[check.toggled for check in self.party_checks.values()])
        bind("met", self.met_edit)
        bind("method", self.method_combo, required=True)
        bind("result", self.result_edit, required=True)
        self.resize(600, 420)

    def _add_files(self) -> None:
        self.files.extend(choose_files(self))
        if self.files:
            self.files_label.setText(self.tr("{n} files: {names}").format(
                n=len(self.files), names="、".join(name for name, _data in self.files)))

    def entry(self) -> AttemptEntry:
        return AttemptEntry(date_of(self.date_edit), self.visitors_edit.text(), self.met_edit.text(),
                            self.method_combo.currentData(), self.result_edit.toPlainText(),
                            self.succeeded_check.isChecked(),
                            tuple(party.value for party, check in self.party_checks.items() if check.isChecked()))

    def submit(self) -> bool:
        if self.corrects is not None:
            logged = self.run(persuasion.correct_attempt, self.corrects.id, self.entry(), self.context.today(),
                              affects={Entity.DROPOUT})
        else:
            logged = self.run(persuasion.log_attempt, self.case.id, self.entry(), self.files, today=self.context.today(),
                              affects={Entity.DROPOUT})
        if logged.succeeded:
            self.attempt_id = logged.result
        return logged.succeeded


class AttemptEvidenceDialog(FormDialog):
    """The evidence of one attempt; more can be added later, none removed."""

    def __init__(self, context: AppContext, attempt: AttemptView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Evidence of the attempt of {date}").format(
            date=attempt.attempt_date.isoformat()), parent)
        self.evidence = EvidenceList(context, persuasion.ATTEMPT, attempt.id, Entity.DROPOUT, persuasion.add_evidence, self)
        self.form.addRow(QLabel(f"{attempt.visitors}：{attempt.result}"))
        self.form.addRow(self.evidence)
        self.buttons.setStandardButtons(self.buttons.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 320)

    def submit(self) -> bool:
        return True


class NoticeDialog(FormDialog):
    """Record the enrollment-urging notice (《敦促入学通知书》) the township issues on a case."""

    def __init__(self, context: AppContext, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Enrollment-urging notice"), parent)
        self.case = case
        self.notice_id: int | None = None
        days = context.query(rules.setting, "dropout.notice_deadline_days")
        self.issued_edit = date_edit(self.context.today())
        self.deadline_edit = date_edit(self.context.today(), self.context.today() + dt.timedelta(days=days),
                                       not_after_today=False)
        self.issued_edit.dateChanged.connect(lambda day: self.deadline_edit.setDate(day.addDays(days)))
        self.guardian_edit = QLineEdit(case.guardian)
        self.form.addRow(self.tr("Case"), QLabel(self.tr("No. {id}: {name}, {school} {grade}").format(
            id=case.id, name=case.student, school=case.school, grade=case.grade)))
        self.form.addRow(self.tr("Issued on"), self.issued_edit)
        self.form.addRow(self.tr("Back at school by"), self.deadline_edit)
        self.form.addRow(self.tr("Addressed to (guardian)"), self.guardian_edit)
        bind = self.field_errors.bind  # the names of notices.issue_notice's problems
        bind("issued_on", self.issued_edit, required=True)
        bind("deadline", self.deadline_edit, required=True)
        bind("guardian", self.guardian_edit, required=True)
        self.form.addRow(QLabel(self.tr("The notice gets the next number of the year, like {example}.").format(
            example=f"{context.query(rules.notice_prefix)}〔{self.context.today().year}〕1号")))

    def submit(self) -> bool:
        issued = self.run(notices.issue_notice, self.case.id, date_of(self.issued_edit), date_of(self.deadline_edit),
                          self.guardian_edit.text(), today=self.context.today(), affects={Entity.DROPOUT})
        if issued.succeeded:
            self.notice_id = issued.result
        return issued.succeeded


class MoveCaseDialog(FormDialog):
    """Move a case on: back at school, taught at home, transferred, or another outcome."""

    def __init__(self, context: AppContext, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Close or move the case"), parent)
        self.case = case
        self.status_combo = QComboBox()
        for status in case_files.allowed_moves(case.status):
            self.status_combo.addItem(status.label(), status.value)
        self.on_edit = date_edit(self.context.today())
        self.return_edit = date_edit(self.context.today())
        self.transfer_edit = QLineEdit()
        self.transfer_edit.setPlaceholderText(self.tr("The school the child now attends"))
        self.note_edit = QLineEdit()
        self.form.addRow(self.tr("Case"), QLabel(self.tr("No. {id}: {name} — now \u201c{status}\u201d").format(
            id=case.id, name=case.student, status=case.status.label())))
        self.form.addRow(self.tr("New state"), self.status_combo)
        self.form.addRow(self.tr("Date"), self.on_edit)
        self.form.addRow(self.tr("Back at school on"), self.return_edit)
        self.form.addRow(self.tr("Transferred to"), self.transfer_edit)
        self.form.addRow(self.tr("What happened"), self.note_edit)
        # 转学 closes the case only once the receiving school confirmed the transfer (issue 18): given here,
        # unless the student's transfer out is confirmed already.
        self.confirmation = ConfirmationFields(self.context.today())
        self.confirmation.add_to(self.form)
        # 已返校 needs the placement (一人一案, issue 19).
        self.placement = PlacementFields(context.query(case_plans.student_grade, case.id))
        self.placement.add_to(self.form)
        bind = self.field_errors.bind  # the names of case_files.move_case's problems
        bind("status", self.status_combo, required=True)
        bind("on", self.on_edit)
        bind("return_date", self.return_edit)
        bind("transfer_to", self.transfer_edit)
        bind("note", self.note_edit)
        bind(("confirmation", "confirmed_with"), self.confirmation.with_edit)
        bind("confirmed_how", self.confirmation.how_combo)
        bind("confirmed_on", self.confirmation.on_edit)
        bind("placement", self.placement.combo)
        bind("placement_grade", self.placement.grade_spin)
        self.status_combo.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    def _show_fields(self) -> None:
        self.field_errors.clear()  # another state asks other fields: what was refused no longer applies
        status = self.status_combo.currentData()
        transferred = status == CaseStatus.TRANSFERRED.value
        fields = self.confirmation
        for widget, shown in ((self.on_edit, status != CaseStatus.RETURNED.value),
                              (self.return_edit, status == CaseStatus.RETURNED.value),
                              (self.transfer_edit, transferred),
                              (self.note_edit, status in (CaseStatus.OTHER.value, CaseStatus.HOME_TEACHING.value)),
                              (fields.how_combo, transferred), (fields.with_edit, transferred),
                              (fields.on_edit, transferred)):
            widget.setVisible(shown)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(shown)
        self.placement.set_visible(status == CaseStatus.RETURNED.value)

    def submit(self) -> bool:
        status = self.status_combo.currentData()
        if status is None:
            raise ValidationFailed([error("status", "case.closed", self.tr("This case is closed: it moves no further."))])
        returned = status == CaseStatus.RETURNED.value
        # A child back at school is also back on the roster as 在读.
        return self.run(case_files.move_case, self.case.id, status,
                        date_of(self.return_edit) if returned else date_of(self.on_edit),
                        today=self.context.today(), return_date=date_of(self.return_edit) if returned else None,
                        transfer_to=self.transfer_edit.text(), note=self.note_edit.text(),
                        confirmation=self.confirmation.confirmation()
                        if status == CaseStatus.TRANSFERRED.value and self.confirmation.with_edit.text().strip()
                        else None,
                        placement=self.placement.placement() if returned else None,
                        placement_grade=self.placement.grade() if returned else None,
                        affects={Entity.DROPOUT, Entity.STUDENT}).succeeded


class DropoutRulesDialog(FormDialog):
    """The thresholds and the notice's number prefix (provinces differ)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Dropout control rules"), parent)
        self.spins: dict[str, QSpinBox] = {}
        rules_form = QFormLayout()
        labels = {
            "dropout.suspect_school_days": self.tr("Unexplained absence that makes a suspected dropout (school days)"),
            "dropout.dropout_days": self.tr("Days as a suspected dropout before counting as a dropout"),
            "dropout.attempts_before_notice": self.tr("Failed persuasion attempts before the urging notice"),
            "dropout.notice_deadline_days": self.tr("Days the notice gives to return"),
            "dropout.transfer_confirm_days": self.tr("Days a transfer out may stay unconfirmed by the receiving school"),
            "dropout.follow_up_months": self.tr("Months a child back at school is followed up (monthly entries)"),
        }
        # Issue 19: whom the failed attempts must include, ticked beside their number, and the periods of the
        # escalation after the notice in one row (each with its source in the tooltip): the dialog stays short.
        needs = {"dropout.notice_needs_village": self.tr("with the village committee"),
                 "dropout.notice_needs_township": self.tr("with the township")}
        periods = {"dropout.correction_days": (self.tr("order to correct, days"),
                                               self.tr("The period the order to correct gives (义务教育法 art. 58)")),
                   "dropout.demand_wait_days": (self.tr("after the demand, days"), self.tr(
                       "Days after the demand is served before applying to the court (行政强制法 art. 54)")),
                   "dropout.challenge_months": (self.tr("unchallenged, months"), self.tr(
                       "Months the order must stand unchallenged before enforcement (行政诉讼法 art. 46)"))}
        self.checks: dict[str, QCheckBox] = {}
        for key, text in needs.items():
            check = QCheckBox(text)
            check.setChecked(bool(context.query(rules.setting, key)))
            self.checks[key] = check
        periods_row = QHBoxLayout()
        # A child with a disability: the days 送教上门 may go without a visit, and 待安置 may last (one row).
        shared = ("disability.home_visit_days", "disability.pending_days")
        for key, (_default, low, high) in rules.SETTINGS.items():
            if key in needs:
                continue
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setValue(context.query(rules.setting, key))
            self.spins[key] = spin
            if key in periods:
                text, tip = periods[key]
                spin.setToolTip(tip)
                periods_row.addWidget(QLabel(text))
                periods_row.addWidget(spin)
            elif key == "dropout.attempts_before_notice":
                row = QHBoxLayout()
                row.addWidget(spin)
                for check in self.checks.values():
                    row.addWidget(check)
                row.addStretch(1)
                rules_form.addRow(labels[key], row)
            elif key not in shared:
                rules_form.addRow(labels[key], spin)
        periods_row.addStretch(1)
        rules_form.addRow(self.tr("After the notice's deadline"), periods_row)
        disability_row = QHBoxLayout()
        disability_row.addWidget(self.spins[shared[0]])
        disability_row.addWidget(QLabel(self.tr("and awaiting placement (待安置)")))
        disability_row.addWidget(self.spins[shared[1]])
        disability_row.addStretch(1)
        rules_form.addRow(self.tr("Days a child may go without a 送教上门 visit"), disability_row)
        self.prefix_edit = QLineEdit(context.query(rules.notice_prefix))
        rules_form.addRow(self.tr("Notice number prefix"), self.prefix_edit)
        # Wrapped over two lines: a township's own holidays run longer than the field is wide.
        self.holidays_edit = WrappedLineEdit(context.query(rules.holidays_setting))
        rules_form.addRow(self.tr("Holidays (not school days)"), self.holidays_edit)
        self.age_reference_edit = QLineEdit(context.query(enrollment_approvals.age_reference_setting))
        rules_form.addRow(self.tr("School ages reckoned on (month-day)"), self.age_reference_edit)
        explanation = QLabel(self.tr(
            "Defaults: 5 school days, 30 days (some provinces use 28), 2 attempts, 15 days. School days are Monday to "
            "Friday outside the holidays, written month-day~month-day and separated by commas; the default is "
            "{holidays} (winter break, summer break, National Day week). A child six years old on the day school "
            "ages are reckoned on (08-31 unless the province uses another) and still in a preschool class is due to "
            "enroll (应入学) unless a 延缓入学 approval is on record.").format(
                holidays=school_calendar.DEFAULT_HOLIDAYS_TEXT))
        explanation.setWordWrap(True)
        # The indicators' targets: the plan's unless the township sets another; each shows its source.
        self.target_spins: dict[str, QDoubleSpinBox] = {}
        targets_box = QGroupBox(self.tr("Targets of the indicators"))
        grid = QGridLayout(targets_box)
        in_force = context.query(rates.targets)
        for row, (key, target) in enumerate(rates.TARGETS.items()):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 100.0)
            spin.setDecimals(2)
            spin.setSingleStep(0.1 if not target.at_least else 1.0)
            spin.setSuffix("%")
            spin.setValue(in_force[key] * 100)
            spin.setToolTip(target.source)
            self.target_spins[key] = spin
            source = QLabel(target.source)
            source.setWordWrap(True)
            source.setStyleSheet("color: #555;")
            grid.addWidget(QLabel(f"{target.name} {'≥' if target.at_least else '≤'}"), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(source, row, 2)
        grid.setColumnStretch(2, 1)
        # Two pages, so that the dialog fits a 768-pixel screen as rules are added.
        pages = QTabWidget()
        rules_page = QWidget()
        rules_page.setLayout(rules_form)
        pages.addTab(rules_page, self.tr("Rules"))
        targets_page = QWidget()
        targets_layout = QVBoxLayout(targets_page)
        targets_layout.addWidget(targets_box)
        # Whom the escalation's documents address: the county's own names, printed on the report and the
        # application to the court. (Imported here: its printing modules are not needed to start the window.)
        from schoolaid.dropout import escalation

        addressees_box = QGroupBox(self.tr("Addressees of the escalation's documents"))
        addressees = QFormLayout(addressees_box)
        self.bureau_edit = QLineEdit(context.query(escalation.bureau_name))
        self.bureau_edit.setPlaceholderText(self.tr("e.g. 仁和区教育和体育局"))
        self.court_edit = QLineEdit(context.query(escalation.court_name))
        self.court_edit.setPlaceholderText(self.tr("e.g. 攀枝花市仁和区人民法院"))
        addressees.addRow(self.tr("Education bureau (written report)"), self.bureau_edit)
        addressees.addRow(self.tr("Court (application for enforcement)"), self.court_edit)
        targets_layout.addWidget(addressees_box)
        targets_layout.addStretch(1)
        pages.addTab(targets_page, self.tr("Targets and addressees"))
        self.form.addRow(pages)
        # Under the pages, not on one: a tab page does not grow for a wrapped label, which it would clip.
        self.form.addRow(explanation)
        self.field_errors.bind("prefix", self.prefix_edit, required=True)
        self.field_errors.bind("holidays", self.holidays_edit)
        self.field_errors.bind("age_reference_day", self.age_reference_edit)
        self.field_errors.bind("bureau", self.bureau_edit, required=True)
        self.field_errors.bind("court", self.court_edit, required=True)

    def submit(self) -> bool:
        return self.run(rules.save_rules, {**{key: spin.value() for key, spin in self.spins.items()},
                                           **{key: int(check.isChecked()) for key, check in self.checks.items()}},
                        self.prefix_edit.text(), self.holidays_edit.text(), self.age_reference_edit.text(),
                        {key: round(spin.value() / 100, 6) for key, spin in self.target_spins.items()},
                        (self.bureau_edit.text(), self.court_edit.text()),
                        affects={Entity.DROPOUT, Entity.STUDENT}).succeeded
