"""Changing one's own password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from schoolaid.accounts import accounts
from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.common.validation import error
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_fields import FieldErrors
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
        self.field_errors = FieldErrors(self)
        layout.addWidget(self.field_errors.legend)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        bind = self.field_errors.bind  # the names of accounts.change_own_password's problems
        bind("old", self.old_edit, required=True)
        bind("new", self.new_edit, required=True)
        bind("repeat", self.repeat_edit, required=True)

    def _save(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self.field_errors.show([error("repeat", "password.repeat", self.tr("The two new passwords differ."))])
            return
        run_op(self.context, self, accounts.change_own_password, self.old_edit.text(), self.new_edit.text(),
               affects={Entity.ACCOUNTS}, on_success=lambda _result: self.accept(), on_failure=self._refused)

    def _refused(self, error: SchoolAidError) -> None:
        if isinstance(error, ValidationFailed):
            self.problem_label.setText(problems_text(self.field_errors.show(error.problems)))  # the rest below
        else:
            self.problem_label.setText(error.message)
