"""Dialogs of the ledger: a programme and the members of its hand-kept list, reversing or correcting
an entry, the notice and payment of a batch, a student's subsidy history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from schoolaid.common.errors import ValidationFailed
from schoolaid.common.grades import Stage
from schoolaid.common.school_calendar import nth_working_day
from schoolaid.common.validation import error
from schoolaid.ledger import (
    batches,
    corrections,
    currency,
    eligibility,
    entry_search,
    posting,
    standards,
    subsidy_programmes,
)
from schoolaid.ledger.entry_search import EntryRow
from schoolaid.ledger.posting import StudentLine
from schoolaid.ledger.subsidy_programmes import ProgrammeForm, ProgrammeView
from schoolaid.ledger.vocabulary import Eligibility, EntryKind, Per
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table


def _amount(text: str, field: str) -> int:
    try:
        return currency.fen_from_yuan(text)
    except (ValueError, ArithmeticError) as exc:
        raise ValidationFailed([error(field, "ledger.amount_text", QCoreApplication.translate(
            "LedgerDialogs", "Write the amount in yuan, like 40 or 92.50."))]) from exc


class ProgrammeDialog(FormDialog):
    def __init__(self, context: AppContext, programme_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("New programme") if programme_id is None else self.tr("Edit programme"),
                         parent)
        self.programme_id = programme_id
        form = context.query(subsidy_programmes.programme_form, programme_id) if programme_id is not None else ProgrammeForm()
        self.code_edit = QLineEdit(form.code)
        self.name_edit = QLineEdit(form.name)
        self.stage_combo = QComboBox()
        self.stage_combo.addItem(self.tr("Every stage"), "")
        for stage in Stage:
            self.stage_combo.addItem(stage.label(), stage.value)
        self.stage_combo.addItem(self.tr("Compulsory education (primary and junior)"),
                                 f"{Stage.PRIMARY.value},{Stage.JUNIOR.value}")
        if form.stage and self.stage_combo.findData(form.stage) < 0:
            self.stage_combo.addItem(form.stage, form.stage)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(form.stage)))
        self.grades_edit = QLineEdit(",".join(str(g) for g in form.grades))
        self.grades_edit.setPlaceholderText(self.tr("every grade; or numbers like 3 (大班) or 7,8,9"))
        self.boarder_combo = QComboBox()
        for label, value in ((self.tr("Boarders or not"), ""), (self.tr("Boarders only"), "yes"),
                             (self.tr("Non-boarders only"), "no")):
            self.boarder_combo.addItem(label, value)
        self.boarder_combo.setCurrentIndex(max(0, self.boarder_combo.findData(form.boarder)))
        self.category_checks: dict[str, QCheckBox] = {}
        category_grid = QGridLayout()
        for n, name in enumerate(standards.ALL_CATEGORIES):
            check = QCheckBox(name)  # the categories' own Chinese names, as the forms and printouts write them
            check.setChecked(name in form.categories)
            self.category_checks[name] = check
            category_grid.addWidget(check, n // 5, n % 5)
        self.has_standards = programme_id is not None and context.query(subsidy_programmes.has_standards, programme_id)
        self.eligibility_combo = QComboBox()
        for rule in Eligibility:
            self.eligibility_combo.addItem(rule.label(), rule.value)
        self.eligibility_combo.setCurrentIndex(max(0, self.eligibility_combo.findData(form.eligibility)))
        self.amount_edit = QLineEdit(currency.format_yuan(form.amount_fen) if form.amount_fen else "")
        self.per_combo = QComboBox()
        for per in Per:
            self.per_combo.addItem(per.label(), per.value)
        self.per_combo.setCurrentIndex(max(0, self.per_combo.findData(form.per)))
        self.kind_combo = QComboBox()
        for kind in (EntryKind.PAYMENT, EntryKind.WAIVER):
            self.kind_combo.addItem(kind.label(), kind.value)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(form.kind)))
        self.source_edit = QLineEdit(form.funding_source)
        self.month_checks: dict[int, QCheckBox] = {}
        months = QGridLayout()
        for month in range(1, 13):
            check = QCheckBox(self.tr("{n} month").format(n=month))
            check.setChecked(month in form.active_months)
            self.month_checks[month] = check
            months.addWidget(check, (month - 1) // 6, (month - 1) % 6)
        self.active_check = QCheckBox(self.tr("Active"))
        self.active_check.setChecked(form.active)
        self.notes_edit = QLineEdit(form.notes)
        self.form.addRow(self.tr("Code"), self.code_edit)
        self.form.addRow(self.tr("Name"), self.name_edit)
        self.form.addRow(self.tr("Stage"), self.stage_combo)
        self.form.addRow(self.tr("Who is eligible"), self.eligibility_combo)
        self.form.addRow(self.tr("Grades"), self.grades_edit)
        self.form.addRow(self.tr("Boarding"), self.boarder_combo)
        self.form.addRow(self.tr("Categories (any of them; none ticked: no condition)"), category_grid)
        self.form.addRow(self.tr("Amount (yuan)"), self.amount_edit)
        if self.has_standards:
            self.amount_edit.setPlaceholderText(self.tr("from the programme's dated standards"))
        self.form.addRow(self.tr("Paid"), self.per_combo)
        self.form.addRow(self.tr("Kind"), self.kind_combo)
        self.form.addRow(self.tr("Funding source"), self.source_edit)
        self.form.addRow(self.tr("Months it pays"), months)
        self.form.addRow("", self.active_check)
        self.form.addRow(self.tr("Notes"), self.notes_edit)
        bind = self.field_errors.bind  # the names of subsidy_programmes' problems
        bind("code", self.code_edit, required=True)
        bind("name", self.name_edit, required=True)
        bind("stage", self.stage_combo, required=True)
        bind("eligibility", self.eligibility_combo, required=True)
        bind("grades", self.grades_edit)
        bind("boarder", self.boarder_combo)
        bind("amount_fen", self.amount_edit, required=not self.has_standards)
        bind("per", self.per_combo, required=True)
        bind("kind", self.kind_combo, required=True)
        bind("funding_source", self.source_edit)
        bind("notes", self.notes_edit)

    def submit(self) -> bool:
        amount = (0 if self.has_standards and not self.amount_edit.text().strip()
                  else _amount(self.amount_edit.text(), "amount_fen"))
        try:
            grades = [int(g) for g in self.grades_edit.text().replace("，", ",").split(",") if g.strip()]
        except ValueError:
            grades = [0]  # refused by the service, with its message
        form = ProgrammeForm(self.code_edit.text(), self.name_edit.text(), self.stage_combo.currentData(),
                             self.eligibility_combo.currentData(), amount,
                             self.per_combo.currentData(), self.kind_combo.currentData(), self.source_edit.text(),
                             [m for m, check in self.month_checks.items() if check.isChecked()],
                             self.active_check.isChecked(), self.notes_edit.text(), grades,
                             self.boarder_combo.currentData(),
                             [name for name, check in self.category_checks.items() if check.isChecked()])
        if self.programme_id is None:
            created = self.run(subsidy_programmes.create_programme, form, affects={Entity.LEDGER})
            if created.succeeded:
                self.programme_id = created.result
            return created.succeeded
        return self.run(subsidy_programmes.update_programme, self.programme_id, form, affects={Entity.LEDGER}).succeeded


class MembersDialog(FormDialog):
    """The hand-kept list of a programme whose eligibility is "a hand-kept list" (students the school
    decided on, e.g. a family struck by illness): add students from the roster, take off those no
    longer on it, and say why; posting then pays those on the list."""

    def __init__(self, context: AppContext, programme: ProgrammeView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("The list of {name}").format(name=programme.name), parent)
        self.programme = programme
        self.member_ids: list[int] = list(context.query(subsidy_programmes.members, programme.id))
        self.model: RecordTableModel[StudentLine] = RecordTableModel([
            Column(self.tr("Name"), lambda line: line.name),
            Column(self.tr("School"), lambda line: line.school),
            Column(self.tr("Grade"), lambda line: line.grade),
            Column(self.tr("Village"), lambda line: line.village),
            Column(self.tr("Guardian"), lambda line: line.guardian),
        ], parent=self)
        self.table = record_table(self.model, fit_contents=True)
        self.table.setMinimumSize(560, 260)
        self.count_label = QLabel()
        self.add_button = QPushButton(self.tr("Add a student…"))
        self.remove_button = QPushButton(self.tr("Take off the list"))
        self.add_button.clicked.connect(self.add_student)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. 家庭突发重大疾病，经校务会研究纳入"))
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.form.addRow(self.table)
        self.form.addRow(row)
        self.form.addRow(self.tr("Why (kept with the change)"), self.reason_edit)
        self.field_errors.bind("reason", self.reason_edit)
        self._show()

    def _show(self) -> None:
        self.model.set_rows(self.context.query(posting.student_lines, self.member_ids, self.programme.amount_fen))
        self.count_label.setText(self.tr("{n} students on the list.").format(n=len(self.member_ids)))
        self.remove_button.setEnabled(bool(self.member_ids))

    def add_student(self) -> None:
        from schoolaid.ui.widgets.student_picker import StudentPicker

        picker = StudentPicker(self.context, {EnrollmentStatus.ENROLLED}, self)
        if picker.exec() and picker.chosen is not None and picker.chosen.id not in self.member_ids:
            self.member_ids.append(picker.chosen.id)
            self._show()

    def remove_selected(self) -> None:
        chosen = {self.model.row_object(index.row()).student_id for index in self.table.selectionModel().selectedRows()}
        self.member_ids = [student_id for student_id in self.member_ids if student_id not in chosen]
        self._show()

    def submit(self) -> bool:
        return self.run(subsidy_programmes.set_members, self.programme.id, self.member_ids, self.reason_edit.text(),
                        today=self.context.today(), affects={Entity.LEDGER}).succeeded


class ReverseDialog(FormDialog):
    """Reverse an entry, and optionally post the right amount in its place."""

    def __init__(self, context: AppContext, entry: EntryRow, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Reverse or correct an entry"), parent)
        self.entry = entry
        self.reason_edit = QLineEdit()
        self.replace_check = QCheckBox(self.tr("Post the correct amount in its place"))
        self.amount_edit = QLineEdit(currency.format_yuan(entry.amount_fen))
        self.amount_edit.setEnabled(False)
        self.replace_check.toggled.connect(self.amount_edit.setEnabled)
        self.form.addRow(self.tr("Entry"), QLabel(self.tr("No. {id}: {student}, {programme} {period}, {amount} yuan").format(
            id=entry.id, student=entry.student, programme=entry.programme, period=entry.period,
            amount=currency.format_yuan(entry.amount_fen))))
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.form.addRow("", self.replace_check)
        self.form.addRow(self.tr("Correct amount (yuan)"), self.amount_edit)
        self.field_errors.bind("reason", self.reason_edit, required=True)
        self.field_errors.bind("amount_fen", self.amount_edit)
        self.form.addRow(QLabel(self.tr("The entry stays in the ledger; a reversing entry cancels it, and both are "
                                        "kept, linked, for the auditors.")))

    def submit(self) -> bool:
        if self.replace_check.isChecked():
            return self.run(corrections.replace, self.entry.id, _amount(self.amount_edit.text(), "amount_fen"),
                            self.reason_edit.text(), affects={Entity.LEDGER}).succeeded
        return self.run(corrections.reverse, self.entry.id, self.reason_edit.text(), affects={Entity.LEDGER}).succeeded


class NoticeDialog(FormDialog):
    def __init__(self, context: AppContext, batch_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Public notice dates"), parent)
        self.batch_id = batch_id
        today = self.context.today()
        self.from_edit = date_edit(today, not_after_today=False)
        minimum = self.context.query(batches.notice_working_days)
        self.to_edit = date_edit(today, nth_working_day(today, minimum, self.context.query(eligibility.official_days)),
                                 not_after_today=False)
        # The phone recorded for this batch, or else the one given last: it is usually the same office.
        known = [b.notice_phone for b in self.context.query(batches.list_batches) if b.notice_phone]
        batch = self.context.query(batches.get_batch_view, batch_id)
        self.phone_edit = QLineEdit(batch.notice_phone or (known[0] if known else ""))
        self.phone_edit.setPlaceholderText(self.tr("e.g. 0812-1234567"))
        self.form.addRow(self.tr("Posted publicly from"), self.from_edit)
        self.form.addRow(self.tr("until"), self.to_edit)
        self.form.addRow(self.tr("Phone for objections"), self.phone_edit)
        self.field_errors.bind("from", self.from_edit, required=True)
        self.field_errors.bind("notice", self.to_edit, required=True)  # the period: its end is what is refused
        self.field_errors.bind("phone", self.phone_edit, required=True)
        self.form.addRow(QLabel(self.tr(
            "The list of recipients is posted for at least {n} working days before payment (weekends and statutory "
            "holidays do not count), with a phone number for objections.").format(n=minimum)))

    def submit(self) -> bool:
        return self.run(batches.record_notice, self.batch_id, date_of(self.from_edit), date_of(self.to_edit),
                        self.phone_edit.text(), affects={Entity.LEDGER}).succeeded


class NoticeDownDialog(FormDialog):
    """The 公示 is over: the day the list was taken down."""

    def __init__(self, context: AppContext, batch_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("End of the public notice"), parent)
        self.batch_id = batch_id
        self.down_edit = date_edit(self.context.today())
        self.form.addRow(self.tr("Taken down on"), self.down_edit)
        self.field_errors.bind("taken_down_on", self.down_edit, required=True)
        self.form.addRow(QLabel(self.tr("The day after the notice ends at the earliest.")))

    def submit(self) -> bool:
        return self.run(batches.record_notice_taken_down, self.batch_id, date_of(self.down_edit),
                        today=self.context.today(), affects={Entity.LEDGER}).succeeded


class PaymentDialog(FormDialog):
    def __init__(self, context: AppContext, batch_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Record the payment"), parent)
        self.batch_id = batch_id
        self.paid_edit = date_edit(self.context.today())
        self.voucher_edit = QLineEdit()
        self.form.addRow(self.tr("Paid (or waived) on"), self.paid_edit)
        self.form.addRow(self.tr("Voucher no."), self.voucher_edit)
        self.field_errors.bind("paid_on", self.paid_edit, required=True)
        self.field_errors.bind("voucher_no", self.voucher_edit, required=True)

    def submit(self) -> bool:
        return self.run(batches.record_payment, self.batch_id, date_of(self.paid_edit), self.voucher_edit.text(),
                        today=self.context.today(), affects={Entity.LEDGER}).succeeded


class HistoryDialog(FormDialog):
    """A student's subsidies, every entry with its reversals, and the sum."""

    def __init__(self, context: AppContext, student_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Subsidies of {name}").format(name=name), parent)
        rows = context.query(entry_search.student_history, student_id)
        model: RecordTableModel[EntryRow] = RecordTableModel([
            Column(self.tr("No."), lambda e: e.id, align_center=True),
            Column(self.tr("Programme"), lambda e: e.programme),
            Column(self.tr("Period"), lambda e: e.period),
            Column(self.tr("Kind"), lambda e: e.kind.label()),
            Column(self.tr("Amount"), lambda e: currency.format_yuan(e.amount_fen)),
            Column(self.tr("Note"), lambda e: e.reason),
        ], rows, self)
        table = record_table(model, fit_contents=True)
        table.setMinimumSize(620, 320)
        self.form.addRow(table)
        self.form.addRow(QLabel(self.tr("In all: {total} yuan in {n} entries.").format(
            total=currency.format_yuan(sum(e.amount_fen for e in rows)), n=len(rows))))
        self.buttons.setStandardButtons(self.buttons.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> bool:
        return True
