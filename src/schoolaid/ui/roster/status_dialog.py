"""Changing a student's enrollment status (转出, 休学, 复学 …) with a date and a reason; a transfer out with
the receiving school, and its confirmation when the school has confirmed already (else 转出待核实)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus, allowed_changes
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import run_op
from schoolaid.ui.roster.transfer_dialog import ConfirmationFields
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_dialog import date_edit
from schoolaid.ui.widgets.form_fields import FieldErrors
from schoolaid.ui.widgets.messages import show_refusal


class StatusDialog(Dialog):
    def __init__(self, context: AppContext, student_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.student_id = student_id
        summary = context.query(roster.get_summary, student_id)
        self.setWindowTitle(self.tr("Change enrollment status"))
        self.status_combo = QComboBox()
        for status in allowed_changes(summary.status):
            self.status_combo.addItem(status.label(), status)
        self.date_edit = date_edit(context.today())
        self.reason_edit = QLineEdit()
        self.destination_edit = QLineEdit()
        self.destination_label = QLabel(self.tr("Transferred to"))
        self.problems_label = QLabel()
        self.problems_label.setStyleSheet("color:#c62828;")
        self.problems_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Student"), QLabel(f"{summary.name}（{summary.school} {summary.grade_label}）"))
        form.addRow(self.tr("Current status"), QLabel(summary.status.label()))
        form.addRow(self.tr("New status"), self.status_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.destination_label, self.destination_edit)
        self.confirmed_check = QCheckBox(self.tr("The receiving school has confirmed the transfer"))
        form.addRow("", self.confirmed_check)
        self.confirmation = ConfirmationFields(context.today())
        self.confirmation_widgets = self.confirmation.add_to(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self.status_combo.count() == 0:
            form.addRow("", QLabel(self.tr("No change is possible from this status.")))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout.addLayout(form)
        self.field_errors = FieldErrors(self)
        layout.addWidget(self.field_errors.legend)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        bind = self.field_errors.bind  # the names of roster.change_status's problems
        bind("status", self.status_combo, required=True)
        bind("effective_date", self.date_edit, required=True)
        bind("reason", self.reason_edit, required=True)
        bind("destination", self.destination_edit, required=True)  # shown for a transfer only, which needs it
        self.confirmation.bind_to(self.field_errors)
        self.status_combo.currentIndexChanged.connect(self._status_chosen)
        self.confirmed_check.toggled.connect(self._status_chosen)
        self._status_chosen()

    def _status_chosen(self) -> None:
        self.field_errors.clear()  # other fields now: what was refused no longer applies
        transfer = self.status_combo.currentData() == EnrollmentStatus.TRANSFERRED_OUT.value
        self.destination_edit.setVisible(transfer)
        self.destination_label.setVisible(transfer)
        self.confirmed_check.setVisible(transfer)
        for widget in self.confirmation_widgets:
            widget.setVisible(transfer and self.confirmed_check.isChecked())

    def save(self) -> None:
        value = self.date_edit.date()
        run_op(self.context, self, roster.change_status, self.student_id, self.status_combo.currentData(),
               dt.date(value.year(), value.month(), value.day()), self.reason_edit.text(), self.destination_edit.text(),
               today=self.context.today(), confirmation=self.confirmation.confirmation() if (
                   self.status_combo.currentData() == EnrollmentStatus.TRANSFERRED_OUT.value
                   and self.confirmed_check.isChecked()) else None, affects={Entity.STUDENT}, on_success=lambda _result: self.accept(),
               on_failure=self._refused)

    def _refused(self, error: SchoolAidError) -> None:
        if isinstance(error, ValidationFailed):
            error = ValidationFailed(self.field_errors.show(error.problems))  # at the fields; the rest below
        show_refusal(self, self.problems_label, error)

    def refusal_text(self) -> str:
        """Everything the last refusal says, at the fields and under the form."""
        return "\n".join([*self.field_errors.messages(), self.problems_label.text()]).strip()
