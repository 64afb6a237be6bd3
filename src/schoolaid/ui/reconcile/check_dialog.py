"""记录核查结果: what the door-to-door check of one difference found. The results offered are those the
difference's kind allows; each shows the fields it needs (where the child studies and how that was
confirmed, the student at our school, the deferral's approval, the placement of a child out of school)."""

from __future__ import annotations

import datetime as dt
import html
import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from schoolaid.accounts.permissions import Permission
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.grades import ALL_GRADES
from schoolaid.common.validation import error
from schoolaid.common.vocabulary import Sex
from schoolaid.reconcile import checks
from schoolaid.reconcile.checks import CONFIRMATION_WAYS, CheckForm, CheckOutcome
from schoolaid.reconcile.differences import Difference
from schoolaid.reconcile.vocabulary import RESULTS, CheckResult
from schoolaid.township import township
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of


def _text_box(height: int = 48) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def _grade_key(stage: str, number: int) -> str:
    """A grade as a combo box's data (a plain string: a tuple does not survive the trip through Qt)."""
    return f"{stage}:{number}"


class CheckDialog(FormDialog):
    """Record a check of ``difference``; ``created_student_id`` is the student a 失学 check put on the
    roster (as 未入学), for the dropout case that follows."""

    def __init__(self, context: AppContext, difference: Difference, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Record the check (核查结果)"), parent)
        self.difference = difference
        self.created_student_id: int | None = None
        self.result_label = ""
        self.student_id: int | None = None
        today = context.today()

        born = difference.birth_date.isoformat() if difference.birth_date else "—"
        # Names and details come from the lists handed over: shown as text, never as markup.
        about = QLabel(self.tr("<b>{name}</b> (born {born}, {village})<br>{kind}: {detail}").format(
            name=html.escape(difference.name), born=born, village=html.escape(difference.village or "—"),
            kind=difference.kind.label(), detail=html.escape(difference.detail)))
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setWordWrap(True)
        self.form.addRow(about)
        if difference.weak_match:
            weak = QLabel(self.tr("Matched by name and birth date only: make sure it is the same child."))
            weak.setStyleSheet("color:#b35c00;")
            weak.setWordWrap(True)
            self.form.addRow(weak)

        self.result_combo = QComboBox()
        for result in RESULTS[difference.kind]:
            # 失学 puts the child on the roster: only for those who may change it.
            if result is not CheckResult.OUT_OF_SCHOOL or context.allows(Permission.EDIT_ROSTER):
                self.result_combo.addItem(result.label(), result.value)
        self.form.addRow(self.tr("Result"), self.result_combo)

        # 在外地就读 (and the place for 随迁 / 迁出)
        self.school_edit = QLineEdit()
        self.school_edit.setPlaceholderText(self.tr("e.g. 攀枝花市第二小学"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("City or county, e.g. 攀枝花市东区"))
        self.how_combo = QComboBox()
        for how in CONFIRMATION_WAYS:
            self.how_combo.addItem(how, how)
        self.with_edit = QLineEdit()
        self.with_edit.setPlaceholderText(self.tr("Whom you spoke to, e.g. 班主任 王老师 138…"))
        self.form.addRow(self.tr("School"), self.school_edit)
        self.form.addRow(self.tr("Place"), self.place_edit)
        self.form.addRow(self.tr("Confirmed by"), self.how_combo)
        self.form.addRow(self.tr("Confirmed with"), self.with_edit)

        # 已在本校
        self.student_label = QLabel(self.tr("(no student chosen)"))
        self.choose_button = QPushButton(self.tr("Choose the student…"))
        self.choose_button.clicked.connect(self.choose_student)
        self.student_row = QWidget()
        student_layout = QHBoxLayout(self.student_row)
        student_layout.setContentsMargins(0, 0, 0, 0)
        student_layout.addWidget(self.student_label, 1)
        student_layout.addWidget(self.choose_button)
        self.form.addRow(self.tr("Student"), self.student_row)
        if difference.student_id is not None:
            self.student_id = difference.student_id
            self.student_label.setText(difference.name)

        # 延缓入学
        self.body_edit = QLineEdit()
        self.body_edit.setPlaceholderText(self.tr("e.g. 仁和区教育局"))
        self.document_edit = QLineEdit()
        self.document_edit.setPlaceholderText(self.tr("e.g. 仁教〔2026〕12号"))
        self.expiry_edit = date_edit(today, dt.date(today.year + 1, 8, 31), not_after_today=False)
        self.form.addRow(self.tr("Approved by"), self.body_edit)
        self.form.addRow(self.tr("Document No."), self.document_edit)
        self.form.addRow(self.tr("Valid until"), self.expiry_edit)

        # 失学: the child goes on the roster as 未入学, placed where they would be at school
        self.placement_school = QComboBox()
        for school in context.query(township.list_schools, open_only=True):
            self.placement_school.addItem(school.name, school.id)
        self.placement_grade = QComboBox()
        for grade in ALL_GRADES:
            self.placement_grade.addItem(grade.label(), _grade_key(grade.stage.value, grade.number))
        # The sex comes from the ID number; a child listed without one is asked for it.
        self.sex_combo = QComboBox()
        for sex in Sex:
            self.sex_combo.addItem(sex.label(), sex.value)
        self.sex_combo.setVisible(not difference.id_number)
        placement = (context.query(checks.proposed_placement, difference, today)
                     if CheckResult.OUT_OF_SCHOOL in RESULTS[difference.kind] else None)
        if placement is not None:
            self.placement_school.setCurrentIndex(max(0, self.placement_school.findData(placement.school_id)))
            self.placement_grade.setCurrentIndex(max(0, self.placement_grade.findData(
                _grade_key(placement.stage, placement.grade))))
        self.placement_row = QWidget()
        placement_layout = QHBoxLayout(self.placement_row)
        placement_layout.setContentsMargins(0, 0, 0, 0)
        placement_layout.addWidget(self.placement_school, 1)
        placement_layout.addWidget(self.placement_grade)
        placement_layout.addWidget(self.sex_combo)
        self.placement_note = QLabel(self.tr(
            "The child goes on the roster as not enrolled (未入学) here, proposed by age and village, and counts in "
            "the dropout ledger; a dropout case is offered next."))
        self.placement_note.setWordWrap(True)
        self.form.addRow(self.tr("Placed at"), self.placement_row)
        self.form.addRow(self.placement_note)

        # every check
        self.checked_by_edit = QLineEdit(context.operator)
        self.checked_on_edit = date_edit(today)
        self.evidence_edit = _text_box()
        self.evidence_edit.setPlaceholderText(self.tr("What proves it: a certificate, the registry's page, a call "
                                                      "log, a photo of the approval…"))
        self.note_edit = _text_box()
        self.form.addRow(self.tr("Checked by"), self.checked_by_edit)
        self.form.addRow(self.tr("Checked on"), self.checked_on_edit)
        self.form.addRow(self.tr("Evidence"), self.evidence_edit)
        self.form.addRow(self.tr("Note"), self.note_edit)

        chain = (self.result_combo, self.school_edit, self.place_edit, self.how_combo, self.with_edit,
                 self.choose_button, self.body_edit, self.document_edit, self.expiry_edit, self.placement_school,
                 self.placement_grade, self.sex_combo, self.checked_by_edit, self.checked_on_edit, self.evidence_edit,
                 self.note_edit, self.buttons)
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        self._bind_fields()
        self.result_combo.currentIndexChanged.connect(self._show_fields)
        self._show_fields()
        self.setMinimumWidth(560)

    def _bind_fields(self) -> None:
        """The names of checks.record_check's problems; the fields of a result are required once shown."""
        bind = self.field_errors.bind
        bind("result", self.result_combo, required=True)
        bind("school_name", self.school_edit, required=True)
        bind("place", self.place_edit, required=True)
        bind("confirmed_how", self.how_combo, required=True)
        bind("confirmed_with", self.with_edit)
        bind("student_id", self.student_label, required=True, focus=self.choose_button)
        bind("approval_body", self.body_edit, required=True)
        bind("approval_document", self.document_edit, required=True)
        bind("approval_expires_on", self.expiry_edit, required=True)
        bind("school_id", self.placement_school, required=True)
        bind(("stage", "grade"), self.placement_grade)
        bind("sex", self.sex_combo)
        bind("checked_by", self.checked_by_edit, required=True)
        bind("checked_on", self.checked_on_edit, required=True)
        bind("evidence", self.evidence_edit)
        bind("note", self.note_edit)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.result_combo.setFocus()

    @property
    def result(self) -> CheckResult:
        return CheckResult(self.result_combo.currentData())

    def _show_fields(self, _index: int = 0) -> None:
        result = self.result
        elsewhere = result is CheckResult.STUDYING_ELSEWHERE
        shown = {
            self.school_edit: elsewhere,
            self.place_edit: result in (CheckResult.STUDYING_ELSEWHERE, CheckResult.AWAY, CheckResult.MOVED_OUT),
            self.how_combo: elsewhere,
            self.with_edit: elsewhere,
            self.student_row: result is CheckResult.AT_OUR_SCHOOL,
            self.body_edit: result is CheckResult.DEFERRED,
            self.document_edit: result is CheckResult.DEFERRED,
            self.expiry_edit: result is CheckResult.DEFERRED,
            self.placement_row: result is CheckResult.OUT_OF_SCHOOL,
            self.placement_note: result is CheckResult.OUT_OF_SCHOOL,
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        self.problems_label.clear()
        self.field_errors.clear()
        self.adjustSize()

    def choose_student(self) -> None:
        from schoolaid.ui.widgets.student_picker import StudentPicker

        picker = StudentPicker(self.context, None, self)
        picker.search_edit.setText(self.difference.name)
        if picker.exec() and picker.chosen is not None:
            self.student_id = picker.chosen.id
            self.field_errors.clear_field(self.student_label)
            self.student_label.setText(f"{picker.chosen.name}（{picker.chosen.school} {picker.chosen.grade_label}"
                                       f"{picker.chosen.class_name}）")

    def check_form(self) -> CheckForm:
        result = self.result
        stage, _colon, number = str(self.placement_grade.currentData()).partition(":")
        grade = int(number)
        placed = result is CheckResult.OUT_OF_SCHOOL
        return CheckForm(
            result=result.value,
            checked_by=self.checked_by_edit.text(),
            checked_on=date_of(self.checked_on_edit),
            school_name=self.school_edit.text() if result is CheckResult.STUDYING_ELSEWHERE else "",
            place=self.place_edit.text() if self.place_edit.isVisibleTo(self) else "",
            confirmed_how=self.how_combo.currentData() if result is CheckResult.STUDYING_ELSEWHERE else "",
            confirmed_with=self.with_edit.text() if result is CheckResult.STUDYING_ELSEWHERE else "",
            student_id=self.student_id if result is CheckResult.AT_OUR_SCHOOL else None,
            approval_body=self.body_edit.text() if result is CheckResult.DEFERRED else "",
            approval_document=self.document_edit.text() if result is CheckResult.DEFERRED else "",
            approval_expires_on=date_of(self.expiry_edit) if result is CheckResult.DEFERRED else None,
            school_id=self.placement_school.currentData() if placed else None,
            stage=stage if placed else "",
            grade=grade if placed else None,
            sex=self.sex_combo.currentData() if placed and not self.difference.id_number else "",
            evidence=self.evidence_edit.toPlainText(),
            note=self.note_edit.toPlainText(),
        )

    def submit(self) -> bool:
        result = self.result
        if result is CheckResult.AT_OUR_SCHOOL and self.student_id is None:
            raise ValidationFailed([error("student_id", "check.student", self.tr(
                "Choose the student at our school this child is."))])
        affects = {Entity.RECONCILE}
        if result is CheckResult.OUT_OF_SCHOOL:
            affects |= {Entity.STUDENT, Entity.DROPOUT}
        elif result is CheckResult.CORRECTED:
            affects |= {Entity.STUDENT, Entity.HOUSEHOLD}
        recorded = self.run(checks.record_check, self.difference.kind, self.difference.person_key, self.check_form(),
                            today=self.context.today(), affects=affects)
        if recorded.succeeded:
            outcome: CheckOutcome = recorded.result
            self.result_label = result.label()
            if result is CheckResult.OUT_OF_SCHOOL:
                self.created_student_id = outcome.student_id
        return recorded.succeeded
