"""Evidence files in the GUI: choosing files to attach, opening and saving attached ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.files import EVIDENCE_FOLDER_PREFIX, ProcessFolder, atomic_path
from schoolaid.township import attachments
from schoolaid.township.attachments import AttachmentInfo
from schoolaid.ui.context import AppContext
from schoolaid.ui.operations import Access, run_op
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table

# Opened files are written here, readable by this user only, and removed when the program ends (or at
# the next start, after a kill).
_opened = ProcessFolder(EVIDENCE_FOLDER_PREFIX)


def choose_files(parent: QWidget) -> list[tuple[str, bytes]]:
    """Ask for photos or scans; each is read now, so that a bad one is reported at once."""
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("Evidence", "Add evidence files"), "",
        QCoreApplication.translate("Evidence", "Photos and scans (*.jpg *.jpeg *.png *.pdf *.heic *.bmp);;All files (*)"))
    chosen = []
    for path in paths:
        try:
            chosen.append(attachments.read_file(Path(path)))
        except SchoolAidError as exc:
            show_error(parent, exc)
    return chosen


def _content(context: AppContext, parent: QWidget, attachment_id: int) -> tuple[str, bytes] | None:
    read = run_op(context, parent, attachments.content, attachment_id, access=Access.READ)
    return read.result if read.succeeded else None


def open_attachment(context: AppContext, parent: QWidget, attachment_id: int) -> Path | None:
    content = _content(context, parent, attachment_id)
    if content is None:
        return None
    name, data = content
    target = _opened.path / f"{attachment_id}_{name}"
    target.write_bytes(data)
    target.chmod(0o600)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return target


def _write(target: Path, data: bytes) -> Path:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return target


def save_attachment(context: AppContext, parent: QWidget, attachment_id: int) -> Path | None:
    content = _content(context, parent, attachment_id)
    if content is None:
        return None
    name, data = content
    chosen, _filter = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Evidence", "Save evidence file"),
                                                  name)
    if not chosen:
        return None
    written = run_op(context, parent, _write, Path(chosen), data, access=Access.FILES)
    return written.result if written.succeeded else None


class EvidenceList(QWidget):
    """The evidence files of one record: open, save a copy, add more (files are never removed).

    ``add`` is the service that attaches a file to the record: (session, actor, name, data)."""

    def __init__(self, context: AppContext, owner: str, owner_id: int, entity: str,
                 add: Callable[..., int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.owner, self.owner_id, self.entity, self._add_service = context, owner, owner_id, entity, add
        kb = self.tr("{kb} KB")
        self.model: RecordTableModel[AttachmentInfo] = RecordTableModel([
            Column(self.tr("File"), lambda a: a.file_name),
            Column(self.tr("Size"), lambda a: kb.format(kb=max(1, round(a.size / 1024)))),
            Column(self.tr("Added by"), lambda a: a.added_by),
        ], parent=self)
        self.table = record_table(self.model)
        self.table.setMaximumHeight(140)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        buttons = QHBoxLayout()
        for label, slot in ((self.tr("Open"), lambda: self._open(self._selected())),
                            (self.tr("Save as…"), self._save_as), (self.tr("Add…"), self.add_files)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.context.query(attachments.list_for, self.owner, self.owner_id))

    def _selected(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _open(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            open_attachment(self.context, self, self.model.row_object(row).id)

    def _save_as(self) -> None:
        row = self._selected()
        if row >= 0:
            save_attachment(self.context, self, self.model.row_object(row).id)

    def add_files(self, files: list[tuple[str, bytes]] | None = None) -> None:
        # One operation per file: a file refused (too big, unreadable) leaves the others attached.
        for name, data in files if files is not None else choose_files(self):
            run_op(self.context, self, self._add_service, self.owner_id, name, data, affects={self.entity})
        self.refresh()
