"""The audit trail, for the leadership, the administrator and the township: who changed what and
when, filtered by person, record and date; exported to .xlsx; the chain checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts import audit_log, audit_verify
from schoolaid.accounts.audit_log import AuditFilter, AuditLine
from schoolaid.common.errors import SchoolAidError
from schoolaid.ui.context import AppContext
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.widgets.date_field import DateField
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.table_models import Column, RecordTableModel, local_time
from schoolaid.ui.widgets.table_views import record_table

SHOWN = 5000  # newest first; the export has every row


class AuditDialog(Dialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: Operation | None = None
        self.last_result: object = None
        self.setWindowTitle(self.tr("Audit trail"))
        self.person_combo = QComboBox()
        self.person_combo.addItem(self.tr("Everyone"), "")
        for name in context.query(audit_log.people):
            self.person_combo.addItem(name, name)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Every kind of record"), "")
        for kind in context.query(audit_log.kinds):
            self.kind_combo.addItem(audit_log.entity_label(kind), kind)
        self.record_edit = QLineEdit()
        self.record_edit.setPlaceholderText(self.tr("record no."))
        self.record_edit.setMaximumWidth(90)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("words in the summary"))
        day = context.today()
        today = QDate(day.year, day.month, day.day)
        self.from_edit = DateField(today.addMonths(-3))
        self.to_edit = DateField(today)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.refresh)
        for combo in (self.person_combo, self.kind_combo):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.record_edit, self.text_edit):
            edit.returnPressed.connect(self.refresh)
        filters = QHBoxLayout()
        for widget in (self.person_combo, self.kind_combo, self.record_edit, self.text_edit, QLabel(self.tr("from")),
                       self.from_edit, QLabel(self.tr("to")), self.to_edit):
            filters.addWidget(widget)
        self.model: RecordTableModel[AuditLine] = RecordTableModel([
            Column(self.tr("Time"), lambda e: local_time(e.at)),
            Column(self.tr("Person"), lambda e: e.actor),
            Column(self.tr("Role"), lambda e: e.role_label),
            Column(self.tr("Action"), lambda e: e.action_label),
            Column(self.tr("Record"), lambda e: e.record_label),
            Column(self.tr("Summary"), lambda e: e.summary,
                   tooltip=lambda e: "\n".join(x for x in (e.before, e.after) if x)),
        ], parent=self)
        self.table = record_table(self.model)
        self.count_label = QLabel()
        export = QPushButton(self.tr("Export to .xlsx…"))
        export.clicked.connect(self._export_chosen)
        check = QPushButton(self.tr("Check the trail"))
        check.clicked.connect(self.check_chain)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(check)
        bottom.addWidget(export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(close)
        self.resize(1100, 600)
        self.refresh()

    def current_filter(self) -> AuditFilter:
        record = self.record_edit.text().strip()
        return AuditFilter(person=self.person_combo.currentData(), entity=self.kind_combo.currentData(),
                           entity_id=int(record) if record.isdigit() else None,
                           date_from=self.from_edit.date().toPython(), date_to=self.to_edit.date().toPython(),
                           text=self.text_edit.text().strip())

    def refresh(self) -> None:
        found = run_op(self.context, self, audit_log.search, self.current_filter(), SHOWN, access=Access.READ_AS)
        if not found.succeeded:
            return
        lines, total = found.result
        self.model.set_rows(lines)
        self.count_label.setText(self.tr("{total} events match; the newest {shown} are shown.").format(
            total=total, shown=len(lines)) if total > len(lines) else self.tr("{total} events match.").format(
                total=total))

    def _export_chosen(self) -> None:
        self.export()

    def export(self, path: Path | None = None) -> None:
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"),
                                                        f"审计记录_{self.context.today():%Y%m%d}.xlsx", "Excel (*.xlsx)")
            if not name:
                return
            path = Path(name)
        self.task = run_op(self.context, self, audit_log.export, self.current_filter(), path, today=self.context.today(),
                           access=Access.READ_AS, background=True, title=self.tr("Exporting the audit trail…"),
                           on_success=self._exported, on_failure=self._failed)

    def _exported(self, count: int) -> None:
        self.last_result = count
        QMessageBox.information(self, self.tr("Audit trail"), self.tr("{n} events exported.").format(n=count))

    def _failed(self, error: SchoolAidError) -> None:
        self.last_result = error
        show_error(self, error)

    def check_chain(self) -> None:
        self.task = run_op(self.context, self, audit_verify.verify, access=Access.READ, background=True,
                           title=self.tr("Checking the audit trail…"), on_success=self._checked,
                           on_failure=self._failed)

    def _checked(self, report: audit_verify.AuditReport) -> None:
        self.last_result = report
        if report.ok:
            QMessageBox.information(self, self.tr("Audit trail"), self.tr(
                "The trail is intact: {rows} events, each chained to the one before; {records} records (students, "
                "households, ledger, cases, visits, accounts, settings …) match it.").format(rows=report.rows, records=report.checked_records))
        else:
            problem = report.first_problem
            QMessageBox.warning(self, self.tr("Audit trail"), self.tr(
                "The trail shows tampering:\n{problem}\n\n{n} problems in all.").format(
                    problem=problem.message if problem else "", n=len(report.chain) + len(report.records)))

    def closeEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        if self.task is not None:
            self.task.stop()
        super().closeEvent(event)
