"""A transfer out confirmed by the receiving school (how, with whom, on what day), and a graduate's
destination (the school, confirmed or not, or 就业 / 未升学 with the reason), for the selected student."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QWidget

from schoolaid.roster import roster, transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.transfers import Confirmation, ConfirmedHow, DestinationForm, Direction, TransferView
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of
from schoolaid.ui.widgets.form_fields import FieldErrors

_CONFIRMATION_LABELS = (QT_TRANSLATE_NOOP("TransferDialog", "Confirmed by"),
                        QT_TRANSLATE_NOOP("TransferDialog", "Confirmed with"),
                        QT_TRANSLATE_NOOP("TransferDialog", "Confirmed on"))


class ConfirmationFields:
    """How, with whom and on what day the receiving school confirmed: the same three fields in each dialog
    that records a confirmation (here, and closing a case as 转学)."""

    def __init__(self, today: dt.date) -> None:
        self.how_combo = QComboBox()
        for how in ConfirmedHow:
            self.how_combo.addItem(how.label(), how.value)
        self.with_edit = QLineEdit()
        self.with_edit.setPlaceholderText(QCoreApplication.translate(
            "TransferDialog", "e.g. the receiving school's registrar 李老师"))
        self.on_edit = date_edit(today)

    def add_to(self, form: QFormLayout) -> list[QWidget]:
        labels = [QLabel(QCoreApplication.translate("TransferDialog", text))
                  for text in _CONFIRMATION_LABELS]
        for label, field in zip(labels, (self.how_combo, self.with_edit, self.on_edit), strict=True):
            form.addRow(label, field)
        return [*labels, self.how_combo, self.with_edit, self.on_edit]

    def bind_to(self, errors: FieldErrors) -> None:
        """The names of transfers' confirmation problems; each of the three is needed."""
        errors.bind("confirmed_how", self.how_combo, required=True)
        errors.bind("confirmed_with", self.with_edit, required=True)
        errors.bind("confirmed_on", self.on_edit, required=True)

    def confirmation(self) -> Confirmation:
        return Confirmation(self.how_combo.currentData(), self.with_edit.text(), date_of(self.on_edit))


class ConfirmTransferDialog(FormDialog):
    """The receiving school confirmed a transfer out: until then the child is 转出待核实."""

    def __init__(self, context: AppContext, transfer: TransferView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Confirm the transfer"), parent)
        self.transfer_id = transfer.id
        self.form.addRow(self.tr("Student"), QLabel(f"{transfer.student}（{transfer.our_school}）"))
        self.summary_label = QLabel(transfer.summary())
        self.summary_label.setWordWrap(True)
        self.form.addRow(self.tr("Transfer"), self.summary_label)
        self.fields = ConfirmationFields(context.today())
        self.fields.add_to(self.form)
        self.fields.bind_to(self.field_errors)

    def submit(self) -> bool:
        return self.run(transfers.confirm_transfer, self.transfer_id, self.fields.confirmation(),
                        today=self.context.today(), affects={Entity.STUDENT}).succeeded


class DestinationDialog(FormDialog):
    """Where a graduate went: a school (its confirmation now or later), or 就业 / 未升学 and why."""

    def __init__(self, context: AppContext, student_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Record the graduate's destination"), parent)
        self.student_id = student_id
        row = context.query(roster.fetch_rows, [student_id], context.today(), full_id_rights=False)[student_id]
        self.form.addRow(self.tr("Student"), QLabel(f"{row.name}（{row.school} {row.grade_label}）"))
        on_record = [v for v in context.query(transfers.history, student_id) if v.direction in transfers.DESTINATIONS]
        if on_record:
            latest = QLabel(on_record[-1].summary())
            latest.setWordWrap(True)
            self.form.addRow(self.tr("On record"), latest)
        self.direction_combo = QComboBox()
        for direction in transfers.DESTINATIONS:
            self.direction_combo.addItem(direction.label(), direction.value)
        self.school_edit = QLineEdit()
        self.school_edit.setPlaceholderText(self.tr("e.g. 攀枝花市仁和区平地中学"))
        self.reason_edit = QLineEdit()
        self.confirmed_check = QCheckBox(self.tr("The school has confirmed the enrollment"))
        self.school_label = QLabel(self.tr("School"))
        self.reason_label = QLabel(self.tr("Reason"))
        self.form.addRow(self.tr("Destination"), self.direction_combo)
        self.form.addRow(self.school_label, self.school_edit)
        self.form.addRow(self.reason_label, self.reason_edit)
        self.form.addRow("", self.confirmed_check)
        self.fields = ConfirmationFields(context.today())
        self.confirmation_widgets = self.fields.add_to(self.form)
        self.fields.bind_to(self.field_errors)
        self.field_errors.bind("direction", self.direction_combo, required=True)
        self.field_errors.bind("school", self.school_edit)
        self.field_errors.bind("reason", self.reason_edit)
        self.direction_combo.currentIndexChanged.connect(self._shown_fields)
        self.confirmed_check.toggled.connect(self._shown_fields)
        self._shown_fields()

    def _shown_fields(self) -> None:
        self.field_errors.clear()  # other fields now: what was refused no longer applies
        school = self.direction_combo.currentData() == Direction.NEXT_SCHOOL.value
        for widget in (self.school_label, self.school_edit, self.confirmed_check):
            widget.setVisible(school)
        for widget in (self.reason_label, self.reason_edit):
            widget.setVisible(not school)
        for widget in self.confirmation_widgets:
            widget.setVisible(school and self.confirmed_check.isChecked())

    def submit(self) -> bool:
        school = self.direction_combo.currentData() == Direction.NEXT_SCHOOL.value
        form = DestinationForm(self.direction_combo.currentData(), self.school_edit.text() if school else "",
                               "" if school else self.reason_edit.text(),
                               self.fields.confirmation() if school and self.confirmed_check.isChecked() else None)
        return self.run(transfers.record_destination, self.student_id, form, today=self.context.today(),
                        affects={Entity.STUDENT}).succeeded


def open_for(context: AppContext, student_id: int, parent: QWidget) -> bool:
    """The dialog the student's status calls for: a 转出 child's transfer to confirm, or a graduate's
    destination; any other student is told what the action is for. Whether something was saved."""
    summary = context.query(roster.get_summary, student_id)
    if summary.status is EnrollmentStatus.GRADUATED:
        return bool(DestinationDialog(context, student_id, parent).exec())
    pending = context.query(transfers.latest_out, [student_id]).get(student_id)
    if summary.status is EnrollmentStatus.TRANSFERRED_OUT and pending is not None and not pending.confirmed:
        return bool(ConfirmTransferDialog(context, pending, parent).exec())
    QMessageBox.information(parent, QCoreApplication.translate("TransferDialog", "Transfer or destination"),
                            QCoreApplication.translate(
                                "TransferDialog", "This is for a student 转出 whose transfer the receiving school has "
                                "not yet confirmed, or for a graduate. {name} is \u201c{status}\u201d.").format(
                                    name=summary.name, status=summary.status.label()))
    return False
