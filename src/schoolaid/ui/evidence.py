"""Evidence files in the GUI: choosing files to attach, opening and saving attached ones."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from schoolaid import attachments
from schoolaid.errors import SchoolAidError
from schoolaid.files import atomic_path
from schoolaid.ui.context import AppContext
from schoolaid.ui.messages import show_error

# Opened files are written here, readable by this user only, and removed when the program ends.
_opened = tempfile.TemporaryDirectory(prefix="schoolaid-evidence-")


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


def open_attachment(context: AppContext, parent: QWidget, attachment_id: int) -> Path | None:
    try:
        name, data = context.query(attachments.content, attachment_id)
    except SchoolAidError as exc:
        show_error(parent, exc)
        return None
    target = Path(_opened.name) / f"{attachment_id}_{name}"
    target.write_bytes(data)
    target.chmod(0o600)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return target


def save_attachment(context: AppContext, parent: QWidget, attachment_id: int) -> Path | None:
    try:
        name, data = context.query(attachments.content, attachment_id)
    except SchoolAidError as exc:
        show_error(parent, exc)
        return None
    chosen, _filter = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Evidence", "Save evidence file"),
                                                  name)
    if not chosen:
        return None
    try:
        with atomic_path(Path(chosen)) as temporary:
            temporary.write_bytes(data)
    except SchoolAidError as exc:
        show_error(parent, exc)
        return None
    return Path(chosen)
