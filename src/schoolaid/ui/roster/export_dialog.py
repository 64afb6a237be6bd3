"""Exporting the roster as shown, and the poor villages' survey, to .xlsx (off the GUI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts.permissions import Permission
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.paths import user_data_dir
from schoolaid.roster import roster_export
from schoolaid.roster.roster import RosterFilter
from schoolaid.township import township
from schoolaid.ui.context import AppContext
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.messages import show_error


def suggested_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else (Path.home() if Path.home().is_dir() else user_data_dir())


def ask_workbook_path(parent: QWidget, title: str, name: str) -> Path | None:
    """Where to save a workbook: the save dialog, opened in the user's documents with ``name`` proposed;
    ``.xlsx`` added when the user left it out. None when the user cancelled."""
    target, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested_folder() / name),
                                                  QCoreApplication.translate("ExportDialog", "Excel workbook (*.xlsx)"))
    if not target:
        return None
    return Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")


class ExportDialog(Dialog):
    """The students shown in the roster (its filter and order) to a workbook."""

    def __init__(self, context: AppContext, flt: RosterFilter, sort_key: str, descending: bool, shown: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.filter, self.sort_key, self.descending = flt, sort_key, descending
        self.task: Operation | None = None
        self.written: int | None = None
        self.setWindowTitle(self.tr("Export roster"))
        name = context.query(township.township_name)
        today = context.today()
        self.path_edit = QLineEdit(str(suggested_folder() / f"{name}学生花名册_{today:%Y%m%d}.xlsx"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.full_ids_check = QCheckBox(self.tr(
            "Include full ID numbers (only when the township asks; the sheet leaves this PC unencrypted)"))
        self.full_ids_check.setEnabled(context.allows(Permission.VIEW_FULL_ID))
        self.shown = shown
        explanation = QLabel(self.tr("The {n} students shown in the roster, in the same order, with the "
                                     "columns SchoolAid imports back.").format(n=shown))
        explanation.setWordWrap(True)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(path_row)
        layout.addWidget(self.full_ids_check)
        layout.addWidget(self.buttons)
        self.resize(640, 160)

    def _browse(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Export roster"), self.path_edit.text(),
                                                      self.tr("Excel workbook (*.xlsx)"))
        if target:
            self.path_edit.setText(target if target.lower().endswith(".xlsx") else target + ".xlsx")

    def export(self) -> None:
        path = Path(self.path_edit.text().strip())
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        full = self.full_ids_check.isChecked()
        self.buttons.setEnabled(False)
        self.path = path
        # With full ID numbers, the service puts the export on the record before the file exists.
        self.task = run_op(self.context, self, roster_export.export_roster, path, self.filter, self.sort_key,
                           self.descending, full_ids=full, today=self.context.today(), access=Access.READ_AS,
                           background=True, title=self.tr("Exporting the roster"), on_success=self._done,
                           on_failure=self._failed, on_cancel=lambda: self.buttons.setEnabled(True))

    def _done(self, written: int) -> None:
        self.written = written
        self.accept()

    def _failed(self, error: SchoolAidError) -> None:
        self.buttons.setEnabled(True)
        show_error(self, error)

    def done(self, result: int) -> None:
        # Closing while work runs: stop it first, so that nothing reports to a window that is gone.
        if self.task is not None:
            self.task.stop()
        super().done(result)
