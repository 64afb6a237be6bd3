"""The recovery key: shown once when the database is encrypted (to print for the principal's safe),
and used when every administrator has forgotten their password."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts import accounts, unlocking
from schoolaid.accounts.permissions import Role
from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.common.files import atomic_path
from schoolaid.storage import encryption
from schoolaid.storage.database import open_read_only
from schoolaid.ui.context import AppContext, window_utcnow
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.preferences import Preferences
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.messages import password_edit, problem_label, problems_text, show_error

#: Monospaced faces for the key: a 0 and an O, a 1 and an I must not be mistaken on the sheet or the screen.
MONOSPACED_FAMILIES = ("Consolas", "DejaVu Sans Mono", "Liberation Mono", "Courier New")
GROUPS_PER_LINE = 4


def key_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(list(MONOSPACED_FAMILIES))
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    font.setPointSizeF(point_size)
    font.setBold(True)
    return font


def key_lines(key: str) -> str:
    """The key's groups, a few to a line."""
    groups = [group for group in key.replace("-", " ").split() if group]
    return "\n".join("  ".join(groups[i:i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE))


class RecoveryKeyDialog(Dialog):
    """The recovery key, once: large, to print (or save as PDF) for the principal's safe. It cannot be
    closed before the box saying so is ticked."""

    def __init__(self, key: str, write_sheet: Callable[[Path], object], suggested_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.write_sheet = write_sheet
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("The recovery key"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        heading = QLabel(self.tr("<h3>Print the recovery key now</h3>"))
        explanation = QLabel(self.tr(
            "The data on this PC is now encrypted: without signing in, nobody who takes the PC or copies the "
            "database file can read it. Each account's password opens it.<br><br>"
            "If every administrator forgets their password, this recovery key is the only way back to the data: "
            "with it an administrator's password can be set anew (the sign-in window's \"Forgot the password?\"). "
            "<b>It is shown only this once.</b> Print it, give the sheet to the principal to keep in the school's "
            "safe, and do not keep it on this PC or send it by phone: whoever has it can read every child's "
            "data."))
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.RichText)
        self.key_label = QLabel(key_lines(key))
        self.key_label.setFont(key_font(20))
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setFrameShape(QFrame.Shape.Box)
        self.key_label.setStyleSheet("background: #fffbe6; padding: 14px;")
        self.print_button = QPushButton(self.tr("Print the key sheet…"))
        self.save_button = QPushButton(self.tr("Save the key sheet as PDF…"))
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.choose_and_save)
        sheet_buttons = QHBoxLayout()
        sheet_buttons.addWidget(self.print_button)
        sheet_buttons.addWidget(self.save_button)
        sheet_buttons.addStretch(1)
        self.kept_check = QCheckBox(self.tr("I have printed it and given it to the principal to keep safe"))
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox()
        self.continue_button = self.buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.kept_check.toggled.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addSpacing(6)
        layout.addWidget(self.key_label)
        layout.addLayout(sheet_buttons)
        layout.addSpacing(6)
        layout.addWidget(self.kept_check)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self._check()
        self.setMinimumWidth(600)
        self.resize(640, self.sizeHint().height())

    def _check(self) -> None:
        self.continue_button.setEnabled(self.kept_check.isChecked())
        if self.kept_check.isChecked():
            self.problem_label.clear()

    def accept(self) -> None:
        if not self.kept_check.isChecked():
            self.problem_label.setText(self.tr("Print the key and tick the box first: the key is not shown again."))
            return
        super().accept()

    def reject(self) -> None:
        # Escape or closing the window: the key is never shown again, so not before the box is ticked.
        if not self.kept_check.isChecked():
            self.problem_label.setText(self.tr("Print the key and tick the box first: the key is not shown again."))
            return
        super().accept()

    def print_sheet(self) -> None:
        """The sheet in the print preview (Print, or Save as PDF from there)."""
        from schoolaid.ui.widgets.pdf_preview import preview_path, show_preview

        path = preview_path(self.suggested_name)
        try:
            self.write_sheet(path)
        except SchoolAidError as exc:
            show_error(self, exc)
            return
        try:
            self.preview = show_preview(self, path, self.tr("The recovery key sheet"), self.suggested_name)
        finally:
            path.unlink(missing_ok=True)  # the preview holds the pages; no copy of the key stays behind

    def choose_and_save(self) -> None:
        from schoolaid.ui.roster.export_dialog import suggested_folder

        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the key sheet as PDF"),
                                                      str(suggested_folder() / self.suggested_name),
                                                      self.tr("PDF document (*.pdf)"))
        if chosen:
            self.save_as(Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"))

    def save_as(self, target: Path) -> Path | None:
        try:
            with atomic_path(target) as temporary:
                self.write_sheet(temporary)
        except SchoolAidError as exc:
            show_error(self, exc)
            return None
        self.saved_to = target
        return target


def show_recovery_key(context: AppContext, recovery_key: str, parent: QWidget | None = None) -> None:
    """The recovery key, once; the dialog closes only when the box saying it is printed is ticked."""
    RecoveryKeyDialog(recovery_key, *sheet_writer(context, recovery_key), parent=parent).exec()


def sheet_writer(context: AppContext, recovery_key: str) -> tuple[Callable[[Path], object], str]:
    """How the key sheet of ``context``'s school is written (the core's printout), and its file name."""
    from schoolaid.documents.pdf import recovery_sheet
    from schoolaid.township import township

    schools = context.query(township.list_schools)
    school = schools[0].name if schools else context.query(township.township_name)  # the central school
    today = context.today()

    def write(path: Path) -> object:
        return recovery_sheet.write_sheet(path, school, today, recovery_key)

    return write, QCoreApplication.translate("Recovery", "Recovery key of {school} {date}.pdf").format(
        school=school or "", date=today.strftime("%Y%m%d"))


class RecoverWithKeyDialog(Dialog):
    """Every administrator's password forgotten: the recovery key (as printed; dashes, spaces and case do
    not matter) opens the database, and an administrator's account gets a new password, signed in with
    it. Accepted with ``opened`` holding the open database and the person signed in."""

    def __init__(self, path: Path, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.preferences = preferences
        self.opened: unlocking.Opened | None = None
        self.username = ""
        self.task: Operation | None = None
        self._checked_key = ""
        self.setWindowTitle(self.tr("Sign in with the recovery key"))
        explanation = QLabel(self.tr(
            "The recovery key is on the sheet printed when the data was encrypted, kept by the principal. With it, "
            "an administrator's account gets a new password. Type the key as printed (dashes, spaces and small or "
            "capital letters do not matter), choose the account and type its new password twice."))
        explanation.setWordWrap(True)
        self.key_edit = QLineEdit()
        self.key_edit.setFont(key_font(12))
        self.key_edit.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.key_edit.setMinimumWidth(520)
        self.account_combo = QComboBox()
        self.account_combo.setEditable(True)
        self.account_combo.setEnabled(False)
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        self.problem_label = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Recovery key:"), self.key_edit)
        form.addRow(self.tr("Administrator's account:"), self.account_combo)
        form.addRow(self.tr("New password:"), self.password_edit)
        form.addRow(self.tr("New password again:"), self.repeat_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set the password and sign in"))
        self.buttons.accepted.connect(self._recover)
        self.buttons.rejected.connect(self.reject)
        self.key_edit.textChanged.connect(self._key_typed)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.resize(680, self.sizeHint().height())

    def _key_typed(self, text: str) -> None:
        """Once the key is complete and opens the database, its administrators to choose from."""
        try:
            key = encryption.parse_recovery_key(text)
        except SchoolAidError:
            self.account_combo.setEnabled(False)
            return
        if key.hex() == self._checked_key:
            return
        self._checked_key = key.hex()
        run_op(None, self, _administrators, self.path, key, access=Access.FILES, on_success=self._show_accounts,
               on_failure=self._key_refused)

    def _key_refused(self, error: SchoolAidError) -> None:
        self.account_combo.clear()
        self.account_combo.setEnabled(False)
        self.problem_label.setText(error.message)

    def _show_accounts(self, names: list[str]) -> None:
        self.problem_label.clear()
        typed = self.account_combo.currentText()
        self.account_combo.clear()
        self.account_combo.addItems(names)
        if typed in names:
            self.account_combo.setCurrentText(typed)
        self.account_combo.setEnabled(True)
        self.password_edit.setFocus()

    def _refused(self, error: SchoolAidError) -> None:
        self.buttons.setEnabled(True)
        self.problem_label.setText(problems_text(error.problems) if isinstance(error, ValidationFailed)
                                   else error.message)

    def _recover(self) -> None:
        if self.task is not None and not self.task.done:
            return
        if self.password_edit.text() != self.repeat_edit.text():
            self.problem_label.setText(self.tr("The two passwords differ: type the same password twice."))
            return
        self.problem_label.clear()
        self.buttons.setEnabled(False)
        self.username = self.account_combo.currentText().strip()
        self.task = run_op(None, self, unlocking.recover, self.path, self.key_edit.text(), self.username,
                           self.password_edit.text(), now=window_utcnow(), access=Access.FILES, background=True,
                           title=self.tr("Opening the database with the recovery key…"),
                           on_success=self._recovered, on_failure=self._refused,
                           on_cancel=lambda: self.buttons.setEnabled(True))

    def _recovered(self, opened: unlocking.Opened) -> None:
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.opened = opened
        self.preferences.last_username = self.username
        self.accept()


def _administrators(path: Path, key: bytes) -> list[str]:
    """The user names of the active administrators of the encrypted database at ``path``, read with its
    key (the recovery key); refuses a key that does not open it."""
    encryption.check_key(path, key)
    # Read-only: nothing is changed before the new password is set, and no key-slot file is needed (it
    # may be the one that was lost).
    db = open_read_only(path, key=key)
    try:
        return [user.username for user in db.query(accounts.list_users)
                if user.active and user.role == Role.ADMIN.value]
    finally:
        db.close()
