"""Every printout opens in a preview first: the pages as they will print, then Print or Save as.

The pages are drawn by PDFium (``pypdfium2``) into ``QImage``s, on the GUI thread only (PDFium is not
thread-safe): on screen as wide as the window, one under the other, drawn as they scroll into view; on
the printer at the printer's own resolution, in bands so a 1200 dpi page never needs half a gigabyte.
"""

from __future__ import annotations

import ctypes
from collections import OrderedDict
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QPoint, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.files import PRINT_FOLDER_PREFIX, ProcessFolder, atomic_path
from schoolaid.ui.widgets.dialog import Dialog, fitted_to_screen
from schoolaid.ui.widgets.messages import show_error

# Printouts are written here first (readable by this user only) and removed when the program ends (or
# at the next start, after a kill).
_previews = ProcessFolder(PRINT_FOLDER_PREFIX)

# Rows of printer pixels drawn at a time: 1024 rows of an A4 page at 1200 dpi are about 40 MB.
PRINT_BAND_ROWS = 1024


class PdfPages:
    """A PDF held in memory: its page count, each page's size in points, and a page drawn into a QImage."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._document = pdfium.PdfDocument(data)
        self.sizes = [QSizeF(*self._document.get_page_size(index)) for index in range(len(self._document))]

    def page_count(self) -> int:
        return len(self.sizes)

    def render(self, index: int, size: QSize, area: QRect | None = None, *, printing: bool = False) -> QImage:
        """Page ``index`` scaled to ``size`` pixels on a white ground; only ``area`` of it when given."""
        area = area or QRect(QPoint(0, 0), size)
        image = QImage(area.size(), QImage.Format.Format_RGBX8888)
        image.fill(QColor(Qt.GlobalColor.white))
        pixels = (ctypes.c_ubyte * image.sizeInBytes()).from_buffer(image.bits())
        bitmap = pdfium_c.FPDFBitmap_CreateEx(area.width(), area.height(), pdfium_c.FPDFBitmap_BGRx,
                                              ctypes.cast(pixels, ctypes.c_void_p), image.bytesPerLine())
        flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_REVERSE_BYTE_ORDER  # RGBX, as the QImage is
        if printing:
            flags |= pdfium_c.FPDF_PRINTING
        page = self._document[index]
        try:
            pdfium_c.FPDF_RenderPageBitmap(bitmap, page.raw, -area.x(), -area.y(), size.width(), size.height(),
                                           0, flags)
        finally:
            page.close()
            pdfium_c.FPDFBitmap_Destroy(bitmap)
        return image

    def close(self) -> None:
        self._document.close()


class PageView(QAbstractScrollArea):
    """The pages one under the other, each as wide as the view (fit to width), drawn when in sight."""

    MARGIN = 12
    CACHED_PAGES = 8

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.page_rects: list[QRect] = []  # where each page lies in the whole strip of pages
        self._images: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().setSingleStep(40)
        self._lay_out()

    def _lay_out(self) -> None:
        bar = self.verticalScrollBar()
        old_height = self.page_rects[-1].bottom() if self.page_rects else 0
        where = bar.value() / old_height if old_height else 0.0
        width = max(1, self.viewport().width() - 2 * self.MARGIN)
        self.page_rects = []
        top = self.MARGIN
        for size in self.pages.sizes:
            height = max(1, round(width * size.height() / size.width()))
            self.page_rects.append(QRect(self.MARGIN, top, width, height))
            top += height + self.MARGIN
        bar.setPageStep(self.viewport().height())
        bar.setRange(0, max(0, top - self.viewport().height()))
        bar.setValue(round(where * (self.page_rects[-1].bottom() if self.page_rects else 0)))

    def visible_pages(self) -> list[int]:
        shown = self.viewport().rect().translated(0, self.verticalScrollBar().value())
        return [index for index, rect in enumerate(self.page_rects) if rect.intersects(shown)]

    def page_image(self, index: int) -> QImage:
        """The page at its size on screen (sharp on high-DPI screens), kept for the last few pages."""
        rect = self.page_rects[index]
        key = (index, rect.width())
        image = self._images.get(key)
        if image is None:
            ratio = self.devicePixelRatioF()
            image = self.pages.render(index, QSize(round(rect.width() * ratio), round(rect.height() * ratio)))
            image.setDevicePixelRatio(ratio)
            self._images[key] = image
            while len(self._images) > self.CACHED_PAGES:
                self._images.popitem(last=False)
        self._images.move_to_end(key)
        return image

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self.palette().dark())
        offset = self.verticalScrollBar().value()
        for index in self.visible_pages():
            rect = self.page_rects[index].translated(0, -offset)
            if rect.intersects(event.rect()):
                painter.drawImage(rect, self.page_image(index))
        painter.end()


#: Room the window's title bar and frame take outside the dialog's own area.
class PdfPreview(Dialog):
    def __init__(self, path: Path, title: str, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None
        self.setWindowTitle(title)
        self.resize(fitted_to_screen(self, QSize(900, 860)))
        # Read once: what is shown is what prints and what is saved, whatever happens to the file.
        self.pages = PdfPages(path.read_bytes())
        self.view = PageView(self.pages, self)
        self.pages_label = QLabel(self.tr("{n} pages").format(n=self.pages.page_count()))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.choose_and_save)
        self.finished.connect(self.pages.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)

    def choose_and_save(self) -> None:
        self.save_as()

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
                temporary.write_bytes(self.pages.data)
        except SchoolAidError as exc:
            show_error(self, exc)
            return None
        self.saved_to = target
        return target

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.pages.page_count())
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            dialog.deleteLater()
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Each page drawn at the printer's resolution, full page (the PDF has its own margins)."""
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, SchoolAidError(self.tr("The printer could not be started. Check that it is on and "
                                                    "connected, or save the PDF and print it from another PC.")))
            return 0
        try:
            count = self.pages.page_count()
            first, last = printer.fromPage(), printer.toPage()
            pages = range(first - 1, min(last or count, count)) if first else range(count)
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            for position, page in enumerate(pages):
                if position:
                    printer.newPage()
                size = self.pages.sizes[page]
                scale = min(target.width() / size.width(), target.height() / size.height())
                pixels = QSize(round(size.width() * scale), round(size.height() * scale))
                for top in range(0, pixels.height(), PRINT_BAND_ROWS):
                    band = QRect(0, top, pixels.width(), min(PRINT_BAND_ROWS, pixels.height() - top))
                    painter.drawImage(band.topLeft(), self.pages.render(page, pixels, band, printing=True))
            return len(pages)
        finally:
            painter.end()


def preview_path(file_name: str) -> Path:
    """Where a printout is written before the preview shows it."""
    return _previews.path / f"{Path(file_name).stem}.pdf"


def show_preview(parent: QWidget, path: Path, title: str, file_name: str) -> PdfPreview:
    """The written printout, modal to the window without blocking the caller; the printout is
    written by an operation (``ui.operations.run_op``), whose success opens this."""
    preview = PdfPreview(path, title, file_name, parent)
    parent.last_preview = preview  # type: ignore[attr-defined]  # the one showing
    preview.open()  # deleted when closed
    return preview
