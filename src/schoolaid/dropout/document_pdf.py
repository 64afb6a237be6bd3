"""The dropout documents on the GB/T 9704 page (28 × 22 grid): the urging notice and the documents
of the escalation, each from a new page, title, number, addressee, body, issuer (for the seal) and
date, then below a dashed cut line its proof of service (送达回证) — one renderer for all of them."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from schoolaid.common.files import atomic_path
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.fonts import Faces
from schoolaid.documents.pdf.layout import (
    BLOCK_WIDTH,
    BOTTOM,
    GRID_LINES,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PITCH,
    TITLE_SIZE,
    GridPage,
    page_number,
    rich,
)
from schoolaid.documents.workbook import chinese_date
from schoolaid.dropout.receipts import ReceiptText
from schoolaid.dropout.vocabulary import Manner


@dataclass(frozen=True)
class Page:
    """One document as it prints."""

    title: str
    document_number: str
    addressee: str  # 张大山： / 仁和区教育局：
    paragraphs: tuple[str, ...]
    issuer: str
    issued_on: dt.date
    record: str  # how a missing character names the document
    receipt: ReceiptText | None = None
    closing: tuple[str, ...] = ()  # lines after the body, e.g. 此致 / 仁和区人民法院

    def all_text(self) -> str:
        return "".join([self.title, self.document_number, self.addressee, *self.paragraphs, *self.closing,
                        self.issuer, chinese_date(self.issued_on), self.receipt.all_text() if self.receipt else ""])


class _Pages:
    def __init__(self, canvas: Canvas, faces: Faces) -> None:
        self.canvas, self.faces = canvas, faces
        self.count = 1
        self.page = GridPage(canvas, faces)

    def turn(self) -> None:
        page_number(self.canvas, self.count, self.faces)
        self.canvas.showPage()
        self.count += 1
        self.page = GridPage(self.canvas, self.faces)

    def paragraph(self, text: str, indent: int = 2) -> None:
        rest = self.page.paragraph(text, indent)
        while rest:  # a long document runs over to the next page
            self.turn()
            fitting = rest[:self.page.lines_left]
            for line in fitting:
                self.page.grid_text(line)
            rest = rest[len(fitting):]


def draw(canvas: Canvas, faces: Faces, document: Page) -> int:
    """One document from a new page; returns the pages it took."""
    pages = _Pages(canvas, faces)
    pages.page.centred_text(document.title, TITLE_SIZE, faces.title)
    pages.page.centred_text(document.document_number, 16, faces.body)
    pages.page.grid_text(document.addressee)
    for paragraph in document.paragraphs:
        pages.paragraph(paragraph)
    for line in document.closing:
        pages.paragraph(line, indent=2 if line == document.closing[0] else 0)
    # The seal (4.2 cm) sits over the issuer and the date, its top within a line of the body: a
    # blank line above them and one below keep it clear of the text and of the cut line.
    if pages.page.lines_left < 3:
        pages.turn()
    pages.page.skip(1)
    pages.page.right_aligned(f"{document.issuer}（盖章）", right_cells=2)
    pages.page.right_aligned(chinese_date(document.issued_on), right_cells=4)
    pages.page.skip(1)
    if document.receipt is not None:
        table = receipt_table(faces, document.receipt)
        if pages.page.y_below() - RECEIPT_HEADING - table._height < BOTTOM - 0.5:  # it stays in the text block
            pages.turn()
        draw_receipt(canvas, faces, table, pages.page.y_below())
    page_number(canvas, pages.count, faces)
    canvas.showPage()
    return pages.count


def _manners(chosen: str) -> str:
    return "\u3000".join(("■" if m.value == chosen else "□") + m.value for m in Manner)


def receipt_table(faces: Faces, receipt: ReceiptText) -> Table:
    """The proof of service: its number, the document and its number, the recipient, place, time and
    manner of service, the recipient's signature or thumbprint, the server's signature, and for
    留置送达 the witnesses and the reason the recipient gave for refusing."""
    plain = fonts.register(faces.plain)
    style = ParagraphStyle("receipt", fontName=plain, fontSize=10.5, leading=12, wordWrap="CJK")

    def named(value: str) -> _Markup:  # names may need a fallback face
        return _Markup(rich(value, faces.plain, faces), style)

    when = chinese_date(receipt.served_on) if receipt.served_on else "\u3000年\u3000月\u3000日\u3000时"
    signed = receipt.served_to if receipt.manner and receipt.manner != Manner.LEFT.value else ""
    data = [
        ["回证编号", named(receipt.receipt_number), "受送达人", named(receipt.recipient)],
        ["送达文书", named(receipt.document), "送达时间", when],
        ["送达地点", named(receipt.place), "送达人签名", named(receipt.served_by)],
        ["送达方式", named(_manners(receipt.manner)), "", ""],
        [named("受送达人签名或按手印"), named(signed), "", ""],
        [named("见证人（留置送达）"), named(receipt.witnesses), "拒收事由", named(receipt.refused_reason)],
    ]
    table = _ReceiptTable(data, colWidths=[30 * mm, 68 * mm, 22 * mm, BLOCK_WIDTH - 120 * mm],
                          rowHeights=[16, 28, 16, 16, 28, 28])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), plain), ("FONTSIZE", (0, 0), (-1, -1), 10.5), ("LEADING", (0, 0), (-1, -1), 12),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("SPAN", (1, 3), (-1, 3)), ("SPAN", (1, 4), (-1, 4)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    table.wrap(BLOCK_WIDTH, PITCH * GRID_LINES)
    return table


@dataclass(frozen=True)
class _Markup:
    """A cell's paragraph, made only when the cell is drawn the first time in the document."""

    markup: str
    style: ParagraphStyle


_cell_codes: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], list[str]]] = weakref.WeakKeyDictionary()


class _ReceiptTable(Table):
    """The receipt's table, its cells drawn once per document: every receipt has the same cells in
    the same places, most of them saying the same (the labels, a blank, the manners of service),
    and a cell's PDF code is the same wherever the table stands (it is drawn translated)."""

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float],  # noqa: N802 - reportlab's name
                  size: tuple[float, float]) -> None:
        canvas = self.canv
        # The cell's colour and font, as Table sets them (they depend on the cell before).
        current: Any = self._curcellstyle  # type: ignore[has-type]  # reportlab's, untyped
        if current is not cellstyle:
            if current is None or cellstyle.color != current.color:
                canvas.setFillColor(cellstyle.color)
            if current is None or (cellstyle.leading, cellstyle.fontname, cellstyle.fontsize) != \
                    (current.leading, current.fontname, current.fontsize):
                canvas.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        if isinstance(cellval, _Markup):
            content: Any = (_Markup, cellval.markup, cellval.style.name, cellval.style.fontName,
                            cellval.style.fontSize, cellval.style.leading)
        else:
            content = cellval if isinstance(cellval, str) else None
        if content is None or cellstyle.href or cellstyle.destination:
            super()._drawCell(_made(cellval), cellstyle, pos, size)
            return
        codes = _cell_codes.get(canvas._doc)
        if codes is None:
            codes = _cell_codes[canvas._doc] = {}
        key = (content, tuple(pos), tuple(size), cellstyle.fontname, cellstyle.fontsize, cellstyle.leading,
               cellstyle.alignment, cellstyle.valign, cellstyle.topPadding, cellstyle.bottomPadding,
               cellstyle.leftPadding, cellstyle.rightPadding)
        code = codes.get(key)
        if code is None:
            start = len(canvas._code)
            super()._drawCell(_made(cellval), cellstyle, pos, size)
            code = codes[key] = canvas._code[start:]
        else:
            canvas._code.extend(code)


def _made(cellval: Any) -> Any:
    return Paragraph(cellval.markup, cellval.style) if isinstance(cellval, _Markup) else cellval


RECEIPT_HEADING = 26  # the cut line and the heading above the table


def draw_receipt(canvas: Canvas, faces: Faces, table: Table, top: float) -> None:
    """Below a dashed cut line, with a gap for the words saying what to do with it."""
    plain = fonts.register(faces.plain)
    title = fonts.register(faces.title)
    y = top - 2
    label = "沿此线剪下，受送达人签收后交回"
    canvas.setFont(plain, 9)
    half = canvas.stringWidth(label, plain, 9) / 2 + 6
    middle = LEFT + BLOCK_WIDTH / 2
    canvas.saveState()
    canvas.setDash(4, 3)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, y, middle - half, y)
    canvas.line(middle + half, y, LEFT + BLOCK_WIDTH, y)
    canvas.restoreState()
    canvas.drawCentredString(middle, y - 3, label)
    canvas.setFont(title, 14)
    canvas.drawCentredString(middle, y - 17, "送 达 回 证")
    table.drawOn(canvas, LEFT, top - RECEIPT_HEADING - table._height)


def write(path: Path, documents: Sequence[Page], title: str, progress: Progress = NO_PROGRESS) -> int:
    """The documents in one PDF, each from a new page; every character checked before anything is
    drawn. Returns the number of pages."""
    faces = fonts.choose_faces()
    for document in documents:
        fonts.check(document.all_text(), faces, document.record)
    pages = 0
    with atomic_path(path) as temporary:
        # The initial font is one of ours: reportlab's default (Helvetica) would be named, never embedded.
        canvas = Canvas(str(temporary), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1,
                        initialFontName=fonts.register(faces.body))
        canvas.setTitle(title)
        canvas.setAuthor("SchoolAid 校助")
        for position, document in enumerate(documents):
            pages += draw(canvas, faces, document)
            progress.report((position + 1) / max(len(documents), 1))
        canvas.save()
    return pages
