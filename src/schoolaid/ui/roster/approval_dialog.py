"""Recording a 延缓入学 or 休学 approval (义务教育法 art. 11) for the selected student: who approved it,
when, the document number, and until when (for 休学 also why and from when)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from schoolaid.common.grades import Stage
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.roster import enrollment_approvals, roster
from schoolaid.roster.enrollment_approvals import ApprovalForm, ApprovalKind
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of


class ApprovalDialog(FormDialog):
    def __init__(self, context: AppContext, student_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Record an approval (延缓入学 or 休学)"), parent)
        self.student_id = student_id
        today = context.today()
        row = context.query(roster.fetch_rows, [student_id], today, full_id_rights=False)[student_id]
        school_year = SchoolYear.containing(today)

        self.kind_combo = QComboBox()
        for kind in ApprovalKind:
            self.kind_combo.addItem(kind.label(), kind.value)
        preschool = row.stage == Stage.PRESCHOOL.value
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(
            (ApprovalKind.DEFERRED if preschool else ApprovalKind.SUSPENDED).value))
        self.body_edit = QLineEdit()
        self.body_edit.setPlaceholderText(self.tr("e.g. 平地镇人民政府 or 仁和区教育和体育局"))
        self.document_edit = QLineEdit()
        self.approved_edit = date_edit(today)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. 因病"))
        self.start_edit = date_edit(today, not_after_today=False)
        self.end_edit = date_edit(today, school_year.next().start if preschool else school_year.end,
                                  not_after_today=False)
        self.end_label = QLabel()
        self.reason_label = QLabel(self.tr("Reason"))
        self.start_label = QLabel(self.tr("Away from"))

        self.form.addRow(self.tr("Student"), QLabel(f"{row.name}（{row.school} {row.grade_label}，{row.status.label()}）"))
        if row.flag is not None:
            self.form.addRow(self.tr("Flagged"), QLabel(row.flag.label()))
        on_record = [a.summary() for a in context.query(enrollment_approvals.history, student_id)]
        if on_record:
            latest = QLabel(on_record[-1])
            latest.setWordWrap(True)
            self.form.addRow(self.tr("Latest approval"), latest)
        self.form.addRow(self.tr("Approval"), self.kind_combo)
        self.form.addRow(self.tr("Approving body"), self.body_edit)
        self.form.addRow(self.tr("Document number"), self.document_edit)
        self.form.addRow(self.tr("Approved on"), self.approved_edit)
        self.form.addRow(self.reason_label, self.reason_edit)
        self.form.addRow(self.start_label, self.start_edit)
        self.form.addRow(self.end_label, self.end_edit)
        bind = self.field_errors.bind  # the names of enrollment_approvals' problems
        bind("kind", self.kind_combo, required=True)
        bind("approving_body", self.body_edit, required=True)
        bind("document_no", self.document_edit)
        bind("approved_on", self.approved_edit, required=True)
        bind("reason", self.reason_edit, required=True)  # shown for a 休学 only, which needs it
        bind("starts_on", self.start_edit, required=True)
        bind("ends_on", self.end_edit, required=True)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self._kind_chosen()

    def _kind_chosen(self) -> None:
        self.field_errors.clear()  # other fields now: what was refused no longer applies
        suspension = self.kind_combo.currentData() == ApprovalKind.SUSPENDED.value
        for widget in (self.reason_label, self.reason_edit, self.start_label, self.start_edit):
            widget.setVisible(suspension)
        self.end_label.setText(self.tr("Last day away") if suspension else self.tr("Expires on"))

    def submit(self) -> bool:
        suspension = self.kind_combo.currentData() == ApprovalKind.SUSPENDED.value
        form = ApprovalForm(
            kind=self.kind_combo.currentData(), approving_body=self.body_edit.text(),
            approved_on=date_of(self.approved_edit), ends_on=date_of(self.end_edit),
            document_no=self.document_edit.text(), reason=self.reason_edit.text() if suspension else "",
            starts_on=date_of(self.start_edit) if suspension else None)
        return self.run(enrollment_approvals.record_approval, self.student_id, form, today=self.context.today(),
                        affects={Entity.STUDENT}).succeeded
