"""Signing in: at the start, and again after the window was left idle; and the administrator's
account made at the very first start."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from schoolaid.accounts import accounts
from schoolaid.accounts.audit import Actor
from schoolaid.common.errors import SchoolAidError
from schoolaid.ui.context import AppContext
from schoolaid.ui.operations import Access, run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.messages import password_edit, problem_label, problems_text


class SignInDialog(Dialog):
    """User name and password; a wrong password says how many tries are left, a lock says how long."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, reason: str = "") -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Sign in to SchoolAid"))
        self.username_edit = QLineEdit(context.preferences.last_username)
        self.password_edit = password_edit()
        self.message_label = problem_label(reason)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        (self.password_edit if self.username_edit.text() else self.username_edit).setFocus()
        self.resize(380, self.sizeHint().height())

    def _sign_in(self) -> None:
        # Before anyone is signed in: a write (failed attempts are counted) with no person behind it.
        run_op(self.context, self, accounts.sign_in, self.username_edit.text(), self.password_edit.text(),
               now=self.context.utcnow(), access=Access.WRITE, on_success=self._answered)

    def _answered(self, outcome: accounts.SignIn) -> None:
        self.password_edit.clear()
        if outcome.actor is None:
            self.message_label.setText(outcome.message)
            self.password_edit.setFocus()
            return
        self.context.preferences.last_username = self.username_edit.text().strip()
        self.context.sign_in(outcome.actor)
        self.accept()


class CreateAdministratorDialog(Dialog):
    """The first account: the administrator, who then adds everyone else's."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Create the administrator's account"))
        text = QLabel(self.tr(
            "Everyone who uses SchoolAid signs in with an account of their own, and can do what their role needs. "
            "First create the administrator's account; the administrator then adds the aid officer, the leadership "
            "and the teachers."))
        text.setWordWrap(True)
        self.username_edit = QLineEdit("admin")
        self.name_edit = QLineEdit(context.operator)
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        self.problem_label = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username_edit)
        form.addRow(self.tr("Your name:"), self.name_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Password again:"), self.repeat_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _create(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self.problem_label.setText(self.tr("The two passwords differ: type the same password twice."))
            return
        run_op(self.context, self, accounts.create_first_administrator, self.username_edit.text(),
               self.name_edit.text(), self.password_edit.text(), access=Access.WRITE, on_success=self._created,
               on_failure=self._refused)

    def _refused(self, error: SchoolAidError) -> None:
        problems = getattr(error, "problems", None)
        self.problem_label.setText(problems_text(problems) if problems else error.message)

    def _created(self, actor: Actor) -> None:
        self.context.preferences.last_username = self.username_edit.text().strip()
        self.context.sign_in(actor)
        self.accept()
