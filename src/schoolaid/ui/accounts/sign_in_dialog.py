"""Signing in: at the start (before an encrypted database is opened: the password unlocks it), and
again after the window was left idle; and the administrator's account made at the very first start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.common.validation import error
from schoolaid.storage import encryption
from schoolaid.ui import warm_up
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.preferences import Preferences
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_fields import FieldErrors
from schoolaid.ui.widgets.messages import password_edit, problem_label, problems_text, show_error

# The sign-in at the start is the first window: it is drawn before the database machinery (SQLAlchemy,
# the models, the services) is loaded, which ``warm_up`` loads while the user types. So those are
# imported where they are used, after ``warm_up.wait()``.
if TYPE_CHECKING:
    from schoolaid.accounts import accounts, unlocking
    from schoolaid.accounts.audit import Actor
    from schoolaid.storage.database import Database
    from schoolaid.ui.context import AppContext


class SignInForm(Dialog):
    """User name and password, and the one message for every failure (``accounts.sign_in_refused_message``:
    it names the lock after repeated failures without telling an unknown name from a wrong password)."""

    # Each form defines ``_sign_in()``: check the name and password, then ``_signed_in`` or ``_refused``.
    _sign_in: Callable[[], None]

    def __init__(self, preferences: Preferences, parent: QWidget | None = None, reason: str = "") -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(self.tr("Sign in to SchoolAid"))
        self.username_edit = QLineEdit(preferences.last_username)
        self.password_edit = password_edit()
        self.message_label = problem_label(reason)
        self.form = QFormLayout()
        self.form.addRow(self.tr("User name:"), self.username_edit)
        self.form.addRow(self.tr("Password:"), self.password_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._sign_in)
        self.buttons.rejected.connect(self.reject)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addLayout(self.form)
        self.main_layout.addWidget(self.message_label)
        self.main_layout.addWidget(self.buttons)
        (self.password_edit if self.username_edit.text() else self.username_edit).setFocus()
        self.resize(400, self.sizeHint().height())

    def _refused(self, message: str) -> None:
        self.password_edit.clear()
        self.message_label.setText(message)
        self.password_edit.setFocus()

    def _signed_in(self) -> None:
        self.password_edit.clear()
        self.preferences.last_username = self.username_edit.text().strip()
        self.accept()


class SignInDialog(SignInForm):
    """Signing in on the open database: after the window was left idle (or on a plain database)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, reason: str = "") -> None:
        super().__init__(context.preferences, parent, reason)
        self.context = context

    def _sign_in(self) -> None:
        from schoolaid.accounts import accounts

        # Before anyone is signed in: a write (failed attempts are counted) with no person behind it.
        run_op(self.context, self, accounts.sign_in, self.username_edit.text(), self.password_edit.text(),
               now=self.context.utcnow(), access=Access.WRITE, on_success=self._answered)

    def _answered(self, outcome: accounts.SignIn) -> None:
        if outcome.actor is None:
            self._refused(outcome.message)
            return
        self.context.sign_in(outcome.actor)
        self._signed_in()


class OpeningSignInDialog(SignInForm):
    """Signing in before the database is open: the password unlocks an encrypted database (its key slot),
    then the sign-in is checked and recorded as always. On a plain database with accounts, an
    administrator's sign-in encrypts it (with progress); ``opened.recovery_key`` is then to be shown.
    Accepted with ``opened`` holding the open database and the person signed in."""

    def __init__(self, path: Path, preferences: Preferences, parent: QWidget | None = None, reason: str = "") -> None:
        super().__init__(preferences, parent, reason)
        self.path = path
        self.opened: unlocking.Opened | None = None
        self.task: Operation | None = None
        self.encrypted = encryption.state(path) == encryption.ENCRYPTED
        if self.encrypted:
            self.recover_button = QPushButton(self.tr("Forgot the password? Use the recovery key…"))
            self.recover_button.setFlat(True)
            self.recover_button.setStyleSheet("color: #1a5fb4; text-align: left;")
            self.recover_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.recover_button.clicked.connect(self.recover)
            self.main_layout.insertWidget(2, self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.resize(400, self.sizeHint().height())

    def _sign_in(self) -> None:
        if self.task is not None and not self.task.done:
            return
        warm_up.wait()
        from schoolaid.accounts import unlocking
        from schoolaid.ui.context import window_utcnow

        self.message_label.clear()
        self.buttons.setEnabled(False)
        username, password = self.username_edit.text(), self.password_edit.text()
        # Quick enough for most PCs (one Argon2id unwrap, then the usual check), but off the GUI thread:
        # the dialog stays drawn; the progress shows only when it is slow.
        self.task = run_op(None, self, unlocking.sign_in_and_open, self.path, username, password,
                           now=window_utcnow(), convert=False, access=Access.FILES, background=True,
                           title=self.tr("Signing in…"), on_success=lambda opened: self._answered(opened, password),
                           on_failure=self._failed, on_cancel=lambda: self.buttons.setEnabled(True))

    def _answered(self, opened: unlocking.Opened, password: str) -> None:
        from schoolaid.accounts.permissions import Role

        if opened.db is None or opened.actor is None:
            self.buttons.setEnabled(True)
            self._refused(opened.outcome.message)
            return
        if opened.db.key is None and opened.actor.role == Role.ADMIN.value:
            self._encrypt(opened, password)  # a plain database from before: converted at an administrator's sign-in
            return
        self.buttons.setEnabled(True)
        self.opened = opened
        self._signed_in()

    def _encrypt(self, opened: unlocking.Opened, password: str) -> None:
        """The plain database encrypted under the administrator's password, with progress; if that fails
        or is stopped, the administrator works on it plain, and the next administrator's sign-in tries again."""
        from schoolaid.accounts import unlocking
        from schoolaid.storage.database import open_database

        assert opened.db is not None and opened.actor is not None
        path, outcome = opened.db.path, opened.outcome

        def encrypted(result: tuple[Database, encryption.Encrypted]) -> None:
            db, made = result
            self._opened(unlocking.Opened(db, outcome, made.recovery_key))

        def not_encrypted(error: SchoolAidError | None = None) -> None:
            if error is not None:
                show_error(self, error)
            self._opened(unlocking.Opened(open_database(path), outcome))  # still plain and whole

        self.task = run_op(None, self, unlocking.encrypt_open_database, opened.db, self.username_edit.text(),
                           password, opened.actor, converted=True, access=Access.FILES, background=True,
                           title=self.tr("Encrypting the database…"), on_success=encrypted,
                           on_failure=not_encrypted, on_cancel=not_encrypted)

    def _opened(self, opened: unlocking.Opened) -> None:
        self.buttons.setEnabled(True)
        self.opened = opened
        self._signed_in()

    def _failed(self, error: SchoolAidError) -> None:
        self.buttons.setEnabled(True)
        self._refused(error.message)

    def recover(self) -> None:
        warm_up.wait()
        from schoolaid.ui.accounts.recovery_dialogs import RecoverWithKeyDialog

        dialog = RecoverWithKeyDialog(self.path, self.preferences, self)
        if dialog.exec() and dialog.opened is not None:
            self.opened = dialog.opened
            self.username_edit.setText(dialog.username)
            self._signed_in()


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
        self.field_errors = FieldErrors(self)
        layout.addWidget(self.field_errors.legend)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        bind = self.field_errors.bind  # the names of accounts' problems with a new account
        bind("username", self.username_edit, required=True)
        bind("display_name", self.name_edit, required=True)
        bind("password", self.password_edit, required=True)
        bind("repeat", self.repeat_edit, required=True)
        self.resize(460, self.sizeHint().height())

    def _create(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self.field_errors.show([error("repeat", "password.repeat", self.tr(
                "The two passwords differ: type the same password twice."))])
            return
        from schoolaid.accounts import accounts

        run_op(self.context, self, accounts.create_first_administrator, self.username_edit.text(),
               self.name_edit.text(), self.password_edit.text(), access=Access.WRITE, on_success=self._created,
               on_failure=self._refused)

    def _refused(self, error: SchoolAidError) -> None:
        if isinstance(error, ValidationFailed):
            self.problem_label.setText(problems_text(self.field_errors.show(error.problems)))  # the rest below
        else:
            self.problem_label.setText(error.message)

    def _created(self, actor: Actor) -> None:
        self.context.preferences.last_username = self.username_edit.text().strip()
        self.context.sign_in(actor)
        self.accept()
