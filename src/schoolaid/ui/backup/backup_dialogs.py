"""Dialogs of the backup: the export (where, and a password typed twice), the password of a
backup to open, the safety copies to restore from, and the safety-copy schedule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from schoolaid.backup.backup_file import MIN_PASSWORD_LENGTH
from schoolaid.backup.safety_copies import SafetyCopy, describe
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.messages import password_edit, problem_label
from schoolaid.ui.widgets.table_models import Column, RecordTableModel, weak_method
from schoolaid.ui.widgets.table_views import record_table


def backup_filter() -> str:
    """The file dialogs' filter for backups, in the interface language."""
    return QCoreApplication.translate("BackupDialogs", "SchoolAid backup (*.sabk)")


class ExportBackupDialog(Dialog):
    """Where to write the backup and its password, typed twice; OK only once both are right."""

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a backup"))
        self.path_edit = QLineEdit(str(default_path))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(browse)
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        self.problem_label = problem_label()
        warning = QLabel(self.tr(
            "The backup holds children's personal data and the ledger, so it is encrypted with this password. "
            "<b>Nobody can open the backup without it — not the township, not the software's makers.</b> Write the "
            "password down and keep it apart from the USB stick."))
        warning.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Save to:"), where)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Password again:"), self.repeat_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        for edit in (self.path_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._check)
        self.resize(560, self.sizeHint().height())
        self._check()

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    @property
    def password(self) -> str:
        return self.password_edit.text()

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export a backup"), self.path_edit.text(),
                                                    backup_filter())
        if name:
            self.path_edit.setText(name if name.endswith(".sabk") else name + ".sabk")

    def _problem(self) -> str:
        if not self.path_edit.text().strip():
            return self.tr("Choose where to save the backup.")
        if len(self.password) < MIN_PASSWORD_LENGTH:
            return self.tr("The password must have at least {n} characters.").format(n=MIN_PASSWORD_LENGTH)
        if self.repeat_edit.text() != self.password:
            return self.tr("The two passwords differ: type the same password twice.")
        return ""

    def _check(self) -> None:
        problem = self._problem()
        # Say nothing about the password before the user has typed one.
        self.problem_label.setText(problem if self.password or self.repeat_edit.text() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


class BackupPasswordDialog(Dialog):
    """The password of a backup about to be opened, verified or restored."""

    def __init__(self, title: str, file: Path, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.password_edit = password_edit()
        text = QLabel(explanation)
        text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Backup file:"), QLabel(file.name))
        form.addRow(self.tr("Password:"), self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.password_edit.textChanged.connect(self._password_typed)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def _password_typed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text))

    @property
    def password(self) -> str:
        return self.password_edit.text()


def _size(copy: SafetyCopy) -> str:
    return f"{copy.size / 1024 / 1024:.1f} MB"


class SafetyCopyDialog(Dialog):
    """The safety copies of the database, newest first; choose one to put back."""

    def __init__(self, copies: list[SafetyCopy], now: dt.datetime, parent: QWidget | None = None, *,
                 key: bytes | None = None) -> None:
        super().__init__(parent)
        self.key = key  # an encrypted database's copies are read with its key
        self.setWindowTitle(self.tr("Restore from a safety copy"))
        age = weak_method(self._age)
        self.model: RecordTableModel[SafetyCopy] = RecordTableModel([
            Column(self.tr("Taken"), lambda c: c.taken.strftime("%Y-%m-%d %H:%M")),
            Column(self.tr("Age"), lambda c: age(now - c.taken)),
            Column(self.tr("Students"), weak_method(self._students), align_center=True),
            Column(self.tr("Size"), _size, align_center=True),
        ], copies, self)
        self.table = record_table(self.model)
        self.table.doubleClicked.connect(self.accept)
        if copies:
            self.table.selectRow(0)
        text = QLabel(self.tr(
            "SchoolAid copies the database at every start and every few hours. Restoring a copy puts the data back as "
            "it was then; everything entered since is set aside with the current database (kept as a dated copy "
            "beside it), not deleted."))
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore this copy"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(copies))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.table, 1)
        if not copies:
            layout.addWidget(QLabel(self.tr("There is no safety copy yet.")))
        layout.addWidget(buttons)
        self.resize(520, 380)

    def _students(self, copy: SafetyCopy) -> object:
        return describe(copy, self.key).get("students", "?")

    def _age(self, age: dt.timedelta) -> str:
        hours = int(age.total_seconds() // 3600)
        if hours < 1:
            return self.tr("less than an hour")
        if hours < 48:
            return self.tr("{n} hours").format(n=hours)
        return self.tr("{n} days").format(n=hours // 24)

    @property
    def chosen(self) -> SafetyCopy | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None


class SafetyScheduleDialog(Dialog):
    def __init__(self, hours: int, keep: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Safety copies"))
        self.hours_spin = QSpinBox()
        self.hours_spin.setRange(1, 24)
        self.hours_spin.setValue(hours)
        self.hours_spin.setSuffix(self.tr(" hours"))
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(2, 100)
        self.keep_spin.setValue(keep)
        text = QLabel(self.tr("A copy of the database is taken at every start and, while SchoolAid is open, every "
                              "few hours; the oldest copies beyond the number kept are removed."))
        text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("A copy every:"), self.hours_spin)
        form.addRow(self.tr("Copies kept:"), self.keep_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons, alignment=Qt.AlignmentFlag.AlignRight)
