"""The case's "Next step…" (下一步): where the case stands after its urging notice — the documents
issued, served or not, and the step due with its day — and from here the next document issued and
printed, any document printed again, and a proof of service (送达回证) recorded: the manner, and for
留置送达 the witnesses and the reason the recipient refused. The rules are the core's
(``dropout.escalation``): this dialog only asks and shows."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.dropout import escalation
from schoolaid.dropout.case_files import CaseView
from schoolaid.dropout.receipts import Service
from schoolaid.dropout.vocabulary import Manner
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import Access, run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of


class NextStepDialog(Dialog):
    """The escalation of one case: what was issued and served, what is due next, from when."""

    def __init__(self, context: AppContext, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.case = context, case
        self.setWindowTitle(self.tr("Next step — case No. {id} {name}").format(id=case.id, name=case.student))
        self.chain_label = QLabel()
        self.chain_label.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.document_combo = QComboBox()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.service_button = QPushButton(self.tr("Record the proof of service…"))
        self.service_button.clicked.connect(self.record_service)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Document")))
        row.addWidget(self.document_combo, 1)
        row.addWidget(self.print_button)
        row.addWidget(self.service_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain_label)
        layout.addWidget(self.next_label)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(640, 360)
        self.refresh()

    def refresh(self) -> None:
        self.chain = self.context.query(escalation.chain, self.case.id)
        lines = []
        for step in self.chain.steps:
            if not step.issued:
                continue
            served = (self.tr("served {date} ({manner})").format(date=step.served_on.isoformat(),
                                                                  manner=step.manner or "—")
                      if step.served_on else self.tr("<span style='color:#c62828'>not yet served</span>"))
            deadline = self.tr(", period to {date}").format(date=step.deadline.isoformat()) if step.deadline else ""
            lines.append(self.tr("{title} {number}: issued {date}{deadline}; {served}.").format(
                title=step.title, number=step.document_number,
                date=step.issued_on.isoformat() if step.issued_on else "", deadline=deadline, served=served))
        self.chain_label.setText("<br>".join(lines) or self.tr("No urging notice is issued on this case."))
        today = self.context.today()
        if self.chain.next_kind is not None and self.chain.next_due is not None:
            text = self.tr("Next: the {step}, from {date}.").format(
                step=escalation.step_label(self.chain.next_kind), date=self.chain.next_due.isoformat())
            if self.chain.due(today):
                text = f"<b style='color:#c62828'>{text}</b>"
        else:
            text = self.chain.waiting
        self.next_label.setText(text)
        self.document_combo.clear()
        for step in self.chain.steps:
            if step.issued:
                self.document_combo.addItem(f"{step.title} {step.document_number}", step.kind)
        if self.chain.due(today) and self.chain.next_kind is not None:
            self.document_combo.addItem(self.tr("Issue now: {title}").format(
                title=escalation.TITLES[self.chain.next_kind]), self.chain.next_kind)
            self.document_combo.setCurrentIndex(self.document_combo.count() - 1)
        self.print_button.setEnabled(self.document_combo.count() > 0)
        self.service_button.setEnabled(any(s.issued and s.served_on is None for s in self.chain.steps))

    def chosen(self) -> str | None:
        return self.document_combo.currentData()

    def print_document(self) -> None:
        """The chosen document: as issued, or issued today (recorded on the case) when it is the step due."""
        from schoolaid.dropout import notice_pdf
        from schoolaid.ui.widgets.pdf_preview import preview_path, show_preview

        kind = self.chosen()
        if kind is None:
            return
        title = notice_pdf.TITLE if kind == "notice" else escalation.TITLES[kind]
        file_name = f"{title}_{self.case.student}.pdf"
        path = preview_path(file_name)

        def shown(_result: object) -> None:
            if not shiboken6.isValid(self):  # closed while the printout was written
                return
            self.refresh()
            show_preview(self, path, title, file_name)

        if kind == "notice":
            run_op(self.context, self, notice_pdf.print_case_notice, self.case.id, path, today=self.context.today(),
                   access=Access.CHANGE, affects={Entity.DROPOUT}, background=True, title=title, on_success=shown)
        else:
            run_op(self.context, self, escalation.print_step, self.case.id, kind, path, today=self.context.today(),
                   access=Access.CHANGE, affects={Entity.DROPOUT}, background=True, title=title, on_success=shown)

    def record_service(self) -> None:
        unserved = [s for s in self.chain.steps if s.issued and s.served_on is None]
        if unserved and ServiceDialog(self.context, self.case, unserved, self).exec():
            self.refresh()


class ServiceDialog(FormDialog):
    """The proof of service (送达回证) of a notice or document of the case: the day, to whom, by whom,
    where and how; left at the home (留置送达) needs the witnesses and the reason for refusing."""

    def __init__(self, context: AppContext, case: CaseView, steps: list[escalation.Step],
                 parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Proof of service"), parent)
        self.case = case
        self.document_combo = QComboBox()
        for step in steps:
            self.document_combo.addItem(f"{step.title} {step.document_number}", step.kind)
        self.served_edit = date_edit(context.today())
        self.to_edit = QLineEdit(case.guardian)
        self.manner_combo = QComboBox()
        for manner in Manner:
            self.manner_combo.addItem(manner.label(), manner.value)
        self.by_edit = QLineEdit()
        self.place_edit = QLineEdit()
        self.witnesses_edit = QLineEdit()
        self.witnesses_edit.setPlaceholderText(self.tr("e.g. 村委会 王主任、村民 赵四"))
        self.refused_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.form.addRow(self.tr("Document"), self.document_combo)
        self.form.addRow(self.tr("Served on"), self.served_edit)
        self.form.addRow(self.tr("Received by"), self.to_edit)
        self.form.addRow(self.tr("Manner"), self.manner_combo)
        self.form.addRow(self.tr("Served by"), self.by_edit)
        self.form.addRow(self.tr("Place"), self.place_edit)
        self.form.addRow(self.tr("Witnesses (left at the home)"), self.witnesses_edit)
        self.form.addRow(self.tr("Reason given for refusing"), self.refused_edit)
        self.form.addRow(self.tr("Note"), self.note_edit)
        bind = self.field_errors.bind  # the names of receipts.check_service's and escalation's problems
        bind("step", self.document_combo, required=True)
        bind("served_on", self.served_edit, required=True)
        bind("served_to", self.to_edit, required=True)
        bind("manner", self.manner_combo, required=True)
        bind("served_by", self.by_edit)
        bind("place", self.place_edit)
        bind("witnesses", self.witnesses_edit)
        bind("refused_reason", self.refused_edit)
        bind("note", self.note_edit)
        self.manner_combo.currentIndexChanged.connect(self._manner_changed)
        self._manner_changed()

    def _manner_changed(self) -> None:
        left = self.manner_combo.currentData() == Manner.LEFT.value
        self.witnesses_edit.setEnabled(left)
        self.refused_edit.setEnabled(left)

    def service(self) -> Service:
        return Service(date_of(self.served_edit), self.to_edit.text(), self.manner_combo.currentData(),
                       self.by_edit.text(), self.place_edit.text(), self.witnesses_edit.text(),
                       self.refused_edit.text(), self.note_edit.text())

    def submit(self) -> bool:
        return self.run(escalation.record_service, self.case.id, self.document_combo.currentData(), self.service(),
                        today=self.context.today(), affects={Entity.DROPOUT}).succeeded


def stage_line(context: AppContext, case: CaseView) -> str:
    """One line for the case panel: the step due after the notice, from when (or what it waits for)."""
    where = context.query(escalation.chain, case.id)
    if where.next_kind is not None and where.next_due is not None:
        text = QCoreApplication.translate("NextStepDialog", "Next: the {step}, from {date}.").format(
            step=escalation.step_label(where.next_kind), date=where.next_due.isoformat())
        return f"<span style='color:#c62828'>{text}</span>" if where.due(context.today()) else text
    return where.waiting


def next_step(context: AppContext, case: CaseView | None, parent: QWidget) -> None:
    """The dropout tab's "Next step…" on its selected case."""
    if case is not None:
        NextStepDialog(context, case, parent).exec()
