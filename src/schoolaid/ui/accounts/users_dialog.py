"""Accounts, for the administrator: who may sign in, with which role, a teacher's classes; new
passwords and unlocking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts import accounts
from schoolaid.accounts.accounts import UserForm, UserView
from schoolaid.accounts.permissions import GRANTS, Permission, Role, permission_label
from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.common.validation import error
from schoolaid.pairing import staff
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_fields import FieldErrors
from schoolaid.ui.widgets.messages import (
    password_edit,
    problem_label,
    show_refusal,
)
from schoolaid.ui.widgets.table_models import Column, RecordTableModel, local_time, weak_method
from schoolaid.ui.widgets.table_views import record_table

#: The roles from the least to the most powerful, as the role list shows them.
LEAST_FIRST = (Role.TEACHER, Role.TOWNSHIP_VIEWER, Role.AID_OFFICER, Role.LEADERSHIP, Role.ADMIN)


class UserDialog(Dialog):
    """One account: new (with its first password) or existing."""

    def __init__(self, context: AppContext, user: UserView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.user = user
        self.setWindowTitle(self.tr("New account") if user is None else self.tr("Account {name}").format(
            name=user.username))
        self.username_edit = QLineEdit(user.username if user else "")
        self.name_edit = QLineEdit(user.display_name if user else "")
        self.role_combo = QComboBox()
        # The least powerful first, and a new account starts there: more is a choice the administrator makes.
        for role in LEAST_FIRST:
            self.role_combo.addItem(role.label, role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(user.role if user else Role.TEACHER.value))
        self.role_label = QLabel()
        self.role_label.setWordWrap(True)
        self.role_label.setStyleSheet("color:#555;")
        self.staff_combo = QComboBox()
        self.staff_combo.addItem(self.tr("(none)"), None)
        for member in context.query(staff.list_staff):
            self.staff_combo.addItem(f"{member.name}（{member.school}）", member.id)
        if user is not None and user.staff_id is not None:
            self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(user.staff_id)))
        self.classes_model = QStandardItemModel(self)
        chosen = {c.key() for c in user.classes} if user else set()
        for ref, label in context.query(accounts.known_classes):
            item = QStandardItem(label)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked if ref.key() in chosen else Qt.CheckState.Unchecked)
            item.setData(ref, Qt.ItemDataRole.UserRole)
            self.classes_model.appendRow(item)
        self.classes_view = QListView()
        self.classes_view.setModel(self.classes_model)
        self.classes_view.setMinimumHeight(160)
        self.active_check = QCheckBox(self.tr("May sign in"))
        self.active_check.setChecked(user.active if user else True)
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        self.problem_label = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username_edit)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Role:"), self.role_combo)
        form.addRow("", self.role_label)
        form.addRow(self.tr("Staff member:"), self.staff_combo)
        self.classes_label = QLabel(self.tr("Classes (teachers):"))
        form.addRow(self.classes_label, self.classes_view)
        if user is None:
            form.addRow(self.tr("Password:"), self.password_edit)
            form.addRow(self.tr("Password again:"), self.repeat_edit)
        else:
            form.addRow("", self.active_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.field_errors = FieldErrors(self)
        layout.addWidget(self.field_errors.legend)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        bind = self.field_errors.bind  # the names of accounts' problems
        bind("username", self.username_edit, required=True)
        bind("display_name", self.name_edit, required=True)
        bind("role", self.role_combo, required=True)
        bind("staff_id", self.staff_combo)
        bind("classes", self.classes_view)
        if user is None:
            bind("password", self.password_edit, required=True)
            bind("repeat", self.repeat_edit, required=True)
        self.role_combo.currentIndexChanged.connect(self._show_classes)
        self._show_classes()
        self.resize(480, 520)

    def _show_classes(self) -> None:
        role = Role(self.role_combo.currentData())
        self.role_label.setText(self.tr("May: {what}.").format(
            what="、".join(permission_label(p) for p in Permission if p in GRANTS[role])))
        teacher = role is Role.TEACHER
        self.classes_view.setEnabled(teacher)
        self.classes_label.setEnabled(teacher)

    def chosen_classes(self) -> tuple[accounts.ClassRef, ...]:
        if self.role_combo.currentData() != Role.TEACHER.value:
            return ()
        return tuple(self.classes_model.item(row).data(Qt.ItemDataRole.UserRole)
                     for row in range(self.classes_model.rowCount())
                     if self.classes_model.item(row).checkState() == Qt.CheckState.Checked)

    def _save(self) -> None:
        if self.user is None and self.password_edit.text() != self.repeat_edit.text():
            self.field_errors.show([error("repeat", "password.repeat", self.tr(
                "The two passwords differ: type the same password twice."))])
            return
        form = UserForm(self.username_edit.text(), self.name_edit.text(), self.role_combo.currentData(),
                        self.password_edit.text(), self.staff_combo.currentData(), self.chosen_classes())
        def refused(failure: SchoolAidError) -> None:
            if isinstance(failure, ValidationFailed):
                failure = ValidationFailed(self.field_errors.show(failure.problems))  # at the fields; the rest below
            show_refusal(self, self.problem_label, failure)

        if self.user is None:
            run_op(self.context, self, accounts.add_user, form, affects={Entity.ACCOUNTS},
                   on_success=lambda _result: self.accept(), on_failure=refused)
        else:
            run_op(self.context, self, accounts.update_user, self.user.id, form, self.active_check.isChecked(),
                   affects={Entity.ACCOUNTS}, on_success=lambda _result: self.accept(), on_failure=refused)


class NewPasswordDialog(Dialog):
    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New password for {name}").format(name=username))
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        form = QFormLayout()
        form.addRow(self.tr("New password:"), self.password_edit)
        form.addRow(self.tr("Password again:"), self.repeat_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Tell the person the new password; they can change it after signing in.")))
        layout.addWidget(self.buttons)
        for edit in (self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = len(self.password_edit.text()) >= accounts.MIN_PASSWORD_LENGTH and \
            self.password_edit.text() == self.repeat_edit.text()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class UsersDialog(Dialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Accounts"))
        self.model: RecordTableModel[UserView] = RecordTableModel([
            Column(self.tr("User name"), lambda u: u.username),
            Column(self.tr("Name"), lambda u: u.display_name),
            Column(self.tr("Role"), lambda u: u.role_label),
            Column(self.tr("Classes"), lambda u: len(u.classes) or "", align_center=True),
            Column(self.tr("State"), weak_method(self._state)),
            Column(self.tr("Last sign-in"), lambda u: local_time(u.last_sign_in_at) if u.last_sign_in_at
                   else ""),
        ], parent=self)
        self.table = record_table(self.model)
        self.table.doubleClicked.connect(self.edit_user)
        buttons = QHBoxLayout()
        for text, action in ((self.tr("Add…"), self.add_user), (self.tr("Edit…"), self.edit_user),
                             (self.tr("New password…"), self.reset_password), (self.tr("Unlock"), self.unlock)):
            button = QPushButton(text)
            button.clicked.connect(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(760, 420)
        self.refresh()

    def _state(self, user: UserView) -> str:
        if not user.active:
            return self.tr("cannot sign in")
        if user.locked(self.context.utcnow()):
            return self.tr("locked")
        if user.needs_password_reset:
            # No key slot on the encrypted database (it was converted at another account's sign-in, or the
            # account was reactivated): it cannot sign in until "New password…" gives it one.
            return self.tr("needs a new password")
        return ""

    def refresh(self) -> None:
        self.model.set_rows(self.context.query(accounts.list_users))

    def selected(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def add_user(self) -> None:
        if UserDialog(self.context, None, self).exec():
            self.refresh()

    def edit_user(self) -> None:
        user = self.selected()
        if user is not None and UserDialog(self.context, user, self).exec():
            self.refresh()

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = NewPasswordDialog(user.username, self)
        if dialog.exec():
            run_op(self.context, self, accounts.reset_password, user.id, dialog.password_edit.text(),
                   affects={Entity.ACCOUNTS})
            self.refresh()

    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        run_op(self.context, self, accounts.unlock, user.id, affects={Entity.ACCOUNTS})
        self.refresh()
