"""Changing one's own password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from schoolaid.accounts import accounts
from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.messages import password_edit, problem_label, problems_text


class ChangePasswordDialog(Dialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Change my password"))
        self.old_edit = password_edit()
        self.new_edit = password_edit()
        self.repeat_edit = password_edit()
        self.problem_label = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Current password:"), self.old_edit)
        form.addRow(self.tr("New password:"), self.new_edit)
        form.addRow(self.tr("New password again:"), self.repeat_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)

    def _save(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self.problem_label.setText(self.tr("The two new passwords differ."))
            return
        run_op(self.context, self, accounts.change_own_password, self.old_edit.text(), self.new_edit.text(),
               affects={Entity.ACCOUNTS}, on_success=lambda _result: self.accept(), on_failure=self._refused)

    def _refused(self, error: SchoolAidError) -> None:
        self.problem_label.setText(problems_text(error.problems) if isinstance(error, ValidationFailed)
                                   else error.message)
