"""Every printout opens in a preview first: the pages as they will print, then Print or Save as."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.files import atomic_path
from schoolaid.ui.widgets.messages import show_error

# Printouts are written here first (readable by this user only) and removed when the program ends.
_previews = tempfile.TemporaryDirectory(prefix="schoolaid-print-")


class PdfPreview(QDialog):
    def __init__(self, path: Path, title: str, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None
        self.setWindowTitle(title)
        self.resize(900, 860)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel(self.tr("{n} pages").format(n=self.document.pageCount()))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(lambda: self.save_as())
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)

    def save_as(self, target: Path | None = None) -> Path | None:
        if target is None:
            from schoolaid.ui.roster.export_dialog import suggested_folder

            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"),
                                                          str(suggested_folder() / self.suggested_name),
                                                          self.tr("PDF document (*.pdf)"))
            if not chosen:
                return None
            target = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        try:
            with atomic_path(target) as temporary:
                shutil.copyfile(self.path, temporary)
        except SchoolAidError as exc:
            show_error(self, exc)
            return None
        self.saved_to = target
        return target

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Each page drawn at the printer's resolution, full page (the PDF has its own margins)."""
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, SchoolAidError(self.tr("The printer could not be started. Check that it is on and "
                                                    "connected, or save the PDF and print it from another PC.")))
            return 0
        try:
            first, last = printer.fromPage(), printer.toPage()
            count = self.document.pageCount()
            pages = range((first or 1) - 1, (last or count)) if first else range(count)
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            for position, page in enumerate(pages):
                if position:
                    printer.newPage()
                size = self.document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                pixels = QSize(round(size.width() * scale), round(size.height() * scale))
                image = self.document.render(page, pixels)
                painter.drawImage(QRect(QPoint(0, 0), pixels), image)
            return len(pages)
        finally:
            painter.end()


def preview_path(file_name: str) -> Path:
    """Where a printout is written before the preview shows it."""
    return Path(_previews.name) / f"{Path(file_name).stem}.pdf"


def show_preview(parent: QWidget, path: Path, title: str, file_name: str) -> PdfPreview:
    """The written printout, modal to the window without blocking the caller; the printout is
    written by an operation (``ui.operations.run_op``), whose success opens this."""
    preview = PdfPreview(path, title, file_name, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    parent.last_preview = preview  # type: ignore[attr-defined]  # the one showing
    preview.open()
    return preview
