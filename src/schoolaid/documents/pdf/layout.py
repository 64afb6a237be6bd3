"""The page of an official document after GB/T 9704-2012, Chinese line breaking, and the two ways
printouts are laid out: on the 28 × 22 character grid (the notice), or as flowing tables and
paragraphs (summaries, registers) with "第 X 页 共 Y 页"."""

from __future__ import annotations

import functools
import unicodedata
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

from schoolaid.common.files import atomic_path
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.fonts import FaceFile, Faces

# --- The page (GB/T 9704-2012) ----------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP, BOTTOM, LEFT, RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
BLOCK_WIDTH, BLOCK_HEIGHT = 156 * mm, 225 * mm  # = A4 less the margins
GRID_CHARS, GRID_LINES = 28, 22
CELL = BLOCK_WIDTH / GRID_CHARS  # 5.57 mm: 28 characters of 16 pt on a line
PITCH = BLOCK_HEIGHT / GRID_LINES  # 10.2 mm: 22 lines on a page
BODY_SIZE, TITLE_SIZE, PAGE_NUMBER_SIZE = 16, 22, 14
REPORT_TITLE_SIZE = 18

# --- Chinese line breaking ----------------------------------------------------------------------------------

# Never at the start of a line (避头): closing punctuation and marks; never at the end (避尾): opening ones.
CANNOT_START = "，。；：！？、》〉”’）〕］】」』…—·％‰℃,.;:!?)]}%"
CANNOT_END = "《〈“‘（〔［【「『([{"


def patch_reportlab_line_breaking() -> None:
    """reportlab's own list of characters that cannot start a line lacks ，；：！？》”’: extend it
    in both places it is read from (the splitter and the paragraph keep a copy each)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "".join(c for c in CANNOT_START if c not in textsplit.ALL_CANNOT_START)
    if extra:
        textsplit.ALL_CANNOT_START += extra
    if any(c not in paragraph.ALL_CANNOT_START for c in CANNOT_START):
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    # Its two splitters (one font; several) hang one closing mark in the margin and let the next
    # start a line: the 。 of ）。 or ”。, the second … of ……. Ours take the character before down.
    textsplit.dumbSplit = _dumb_split
    paragraph.cjkFragSplit = _cjk_frag_split


_Line = tuple[int, int, float, float, bool, float]  # start, end, extra space, width used, hard break, line width


def _cjk_lines(chars: Sequence[str], width: Callable[[int, float], float], max_widths: Sequence[float],
               hard_break: Callable[[int], bool] = lambda _k: False) -> tuple[list[_Line], _Line | None]:
    """reportlab's CJK line breaking (``textsplit.dumbSplit``, ``paragraph.cjkFragSplit`` of 5.1): the
    lines it ends, and what is left for the last. One change: when the closing mark that hangs at the
    end of a line is followed by another, the line ends before the character preceding those marks,
    which go down with it (as on the grid)."""
    from unicodedata import category

    from reportlab.lib import textsplit
    from reportlab.rl_config import _FUZZ

    cannot_start = textsplit.ALL_CANNOT_START
    lines: list[_Line] = []
    i = start = 0
    used = 0.0
    max_width = max_widths[0]
    while i < len(chars):
        c, w = chars[i], width(i, max_width)
        hard = hard_break(i)
        i += 1
        used += w
        if not ((used > max_width + _FUZZ and used > 0) or hard):
            continue
        extra = max_width - used
        if not hard:
            if c and ord(c) < 0x3000:  # within Latin script: back to a space or a Chinese character
                for j in range(i - 1, (start + i) >> 1, -1):
                    if chars[j] and (category(chars[j]) == "Zs" or ord(chars[j]) >= 0x3000):
                        k = j + 1
                        if k < i:
                            j = k + 1
                            extra += sum(width(n, max_width) for n in range(j, i))
                            w, c, i = width(k, max_width), chars[k], j
                            break
            if c not in cannot_start and i > start + 1:  # pushed down to start the next line
                i -= 1
                extra += w
            elif i < len(chars) and chars[i] and chars[i] in cannot_start:  # hangs, but so would the next
                j = i - 1
                while j > start and chars[j] and chars[j] in cannot_start:
                    j -= 1
                if j > start:
                    extra += sum(width(n, max_width) for n in range(j, i))
                    i = j
        lines.append((start, i, extra, used, hard, max_width))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start, used = i, 0.0
    return lines, ((start, len(chars), max_width - used, used, False, max_width) if used > 0 else None)


def _dumb_split(word: str, widths: Sequence[float],
                max_widths: float | list[float] | tuple[float, ...]) -> list[list[Any]]:
    """``reportlab.lib.textsplit.dumbSplit`` (a paragraph in one font) on ``_cjk_lines``."""
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    lines, rest = _cjk_lines(word, lambda k, _width: widths[k], max_widths)
    result = [[extra, word[a:b].strip()] for a, b, extra, _used, _hard, _width in lines]
    return result + ([[rest[2], word[rest[0]:]]] if rest else [])


def _cjk_frag_split(frags: list[Any], max_widths: Sequence[float], calc_bounds: bool, encoding: str = "utf8") -> Any:
    """``reportlab.platypus.paragraph.cjkFragSplit`` (several fonts) on ``_cjk_lines``."""
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

    glyphs = []
    for frag in frags:
        text = frag.text.decode(encoding) if isinstance(frag.text, bytes) else frag.text
        glyphs.extend([cjkU(t, frag, encoding) for t in text] if text else [cjkU(text, frag, encoding)])

    def width(k: int, max_width: float) -> float:
        w = glyphs[k].width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        return w

    lines, rest = _cjk_lines(glyphs, width, max_widths, lambda k: hasattr(glyphs[k].frag, "lineBreak"))
    return ParaLines(kind=1, lines=[makeCJKParaLine(glyphs[a:b], line_width, used, extra, hard, calc_bounds)
                                    for a, b, extra, used, hard, line_width in [*lines, *([rest] if rest else [])]])


patch_reportlab_line_breaking()


@functools.cache
def half_units(char: str) -> int:
    """Width in half cells: 2 for Chinese characters and full-width punctuation (curly quotes too,
    as Chinese type sets them), 1 for Latin letters and Arabic numerals."""
    return 2 if unicodedata.east_asian_width(char) in ("F", "W", "A") else 1


def _tokens(text: str) -> list[str]:
    """Characters, except that a run of Latin letters and Arabic numerals (a phone number, a year)
    stays whole: it is never cut over two lines."""
    tokens: list[str] = []
    for char in text:
        if char.isascii() and char.isalnum() and tokens and tokens[-1][-1].isascii() and tokens[-1][-1].isalnum():
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def break_lines(text: str, cells: int = GRID_CHARS, indent: int = 2) -> list[str]:
    """A paragraph cut into grid lines of at most ``cells`` full-width characters, the first line
    indented by ``indent`` characters, with no line starting with closing punctuation and none
    ending with opening punctuation (the character before moves down with it), and no number cut."""
    return list(_broken_lines(text, cells, indent))


@functools.lru_cache(maxsize=1024)  # the law a notice cites, the same in every notice
def _broken_lines(text: str, cells: int, indent: int) -> tuple[str, ...]:
    capacity = cells * 2
    lines: list[list[str]] = [["\u3000"] * indent]
    used = indent * 2
    for token in _tokens(text):
        width = sum(half_units(c) for c in token)
        if width > capacity:  # longer than a line: cut anyway
            for char in token:
                lines, used = _place(lines, used, char, half_units(char), capacity)
            continue
        lines, used = _place(lines, used, token, width, capacity)
    return tuple("".join(line) for line in lines if line)


def _place(lines: list[list[str]], used: int, token: str, width: int, capacity: int) -> tuple[list[list[str]], int]:
    if used + width > capacity:
        current = lines[-1]
        carried: list[str] = []
        if token[0] in CANNOT_START:
            # Take the last character down with it; more if that one may not start a line either.
            while len(current) > 1 and (not carried or carried[0][0] in CANNOT_START):
                carried.insert(0, current.pop())
        while len(current) > 1 and current[-1][-1] in CANNOT_END:
            carried.insert(0, current.pop())
        lines.append(carried)
        used = sum(half_units(c) for piece in carried for c in piece)
    lines[-1].append(token)
    return lines, used + width


# --- The grid (the notice) ----------------------------------------------------------------------------------


class GridPage:
    """Draws on the 28 × 22 grid of the text block: every Chinese character in its cell, Latin
    letters and numerals in half cells, the characters no body face has from a fallback face."""

    def __init__(self, canvas: Canvas, faces: Faces) -> None:
        self.canvas = canvas
        self.faces = faces
        self.line = 0  # the next free line, 0 to 21

    @property
    def lines_left(self) -> int:
        return GRID_LINES - self.line

    def baseline(self, line: int, size: float = BODY_SIZE) -> float:
        """The baseline that centres characters of ``size`` on grid line ``line``."""
        top = PAGE_HEIGHT - TOP - line * PITCH
        return top - PITCH / 2 - size * 0.36

    def grid_text(self, text: str, *, line: int | None = None, start_cell: float = 0, face: FaceFile | None = None,
                  size: float = BODY_SIZE) -> None:
        """One grid line: each character centred in its cell, from ``start_cell``."""
        line = self.line if line is None else line
        face = face or self.faces.body
        # A line's code is the same wherever it falls on the page but for the baseline, and lines
        # repeat from notice to notice (the law, the receipt): it is built once per document.
        pieces = _line_code(self.canvas, self.faces, text, start_cell, face, size)
        self.canvas._code.append(_number(self.baseline(line, size)).join(pieces))
        if line >= self.line:
            self.line = line + 1

    def right_aligned(self, text: str, right_cells: float = 2, **kwargs: Any) -> None:
        """A grid line ending ``right_cells`` cells before the right edge (signatures, dates)."""
        units = sum(half_units(c) for c in text)
        self.grid_text(text, start_cell=GRID_CHARS - right_cells - units / 2, **kwargs)

    def centred_text(self, text: str, size: float, face: FaceFile, *, line: int | None = None) -> None:
        """A line in its own size (the title), centred on the text block."""
        line = self.line if line is None else line
        pieces = fonts.runs(text, face, self.faces)
        width = sum(stringWidth(t, fonts.register(f), size) for f, t in pieces)
        x = LEFT + (BLOCK_WIDTH - width) / 2
        y = self.baseline(line, size)
        for piece_face, piece in pieces:
            name = fonts.register(piece_face)
            self.canvas.setFont(name, size)
            self.canvas.drawString(x, y, piece)
            x += stringWidth(piece, name, size)
        self.line = line + 1

    def paragraph(self, text: str, indent: int = 2) -> list[str]:
        """Lay a paragraph on the following lines; returns the lines that did not fit on the page."""
        lines = break_lines(text, indent=indent)
        fitting = lines[:self.lines_left]
        for piece in fitting:
            self.grid_text(piece)
        return lines[len(fitting):]

    def skip(self, lines: int = 1) -> None:
        self.line += lines

    def y_below(self) -> float:
        """The height on the page just below the last line used."""
        return PAGE_HEIGHT - TOP - self.line * PITCH


@functools.cache
def _glyph_width(char: str, font: str, size: float) -> float:
    return stringWidth(char, font, size)


@functools.cache
def _setting(char: str, face: FaceFile, faces: Faces, size: float) -> tuple[float, str, float]:
    """How a character is set on the grid: its cell, the font that draws it and its glyph's width
    (no font for a space: its cell stays empty)."""
    cell = CELL * half_units(char) / 2
    if char.isspace():
        return cell, "", 0.0
    name = fonts.register(fonts.face_for(char, face, faces) or face)
    return cell, name, _glyph_width(char, name, size)


_number = functools.cache(fp_str)  # as reportlab writes a number in PDF code; the grid has few


_line_codes: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], list[str]]] = weakref.WeakKeyDictionary()


def _line_code(canvas: Canvas, faces: Faces, text: str, start_cell: float, face: FaceFile,
               size: float) -> list[str]:
    """The PDF text object drawing a grid line, as reportlab's text object writes it (its code is
    the same, byte for byte), cut where the baseline goes. Runs of characters with the same font,
    cell and glyph width are set in one go: the character spacing (cell − glyph) keeps every glyph
    centred in its cell. Kept per document: the glyphs' codes in a font's subsets are the
    document's, fixed once given."""
    document = canvas._doc
    codes = _line_codes.get(document)
    if codes is None:
        codes = _line_codes[document] = {}
    key = (text, start_cell, face, faces, size)
    pieces = codes.get(key)
    if pieces is not None:
        return pieces
    runs: list[tuple[float, str, float, float, str]] = []  # x of the first cell, font, cell, width, text
    x = LEFT + start_cell * CELL
    for char in text:
        cell, name, width = _setting(char, face, faces, size)
        if name:
            last = runs[-1] if runs else None
            if last is not None and (last[1], last[2], last[3]) == (name, cell, width) and \
                    abs(last[0] + cell * len(last[4]) - x) < 0.01:
                runs[-1] = (last[0], name, cell, width, last[4] + char)
            else:
                runs.append((x, name, cell, width, char))
        x += cell
    pieces = ["BT 1 0 0 1 0 0 Tm"]
    font_size = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"
    for first, name, cell, width, piece in runs:
        font = pdfmetrics.getFont(name)
        pieces[-1] += f" {_number(cell - width)} Tc 1 0 0 1 {_number(first + (cell - width) / 2)} "
        shown, subset_now = [], -1
        for subset, chunk in font.splitString(piece, document):
            if subset != subset_now:
                shown.append(f"{font.getSubsetInternalName(subset, document)} {font_size}")
                subset_now = subset
            shown.append(f"({canvas._escape(chunk)}) Tj")
        pieces.append(f" Tm {' '.join(shown)}")
    pieces[-1] += " ET"
    codes[key] = pieces
    return pieces


def page_number(canvas: Canvas, number: int, faces: Faces) -> None:
    """"— 1 —" in 14 pt, 7 mm below the text block: odd pages on the right, even on the left, one
    character in from the edge (GB/T 9704)."""
    text = f"— {number} —"
    name = fonts.register(faces.plain)
    canvas.setFont(name, PAGE_NUMBER_SIZE)
    y = BOTTOM - 7 * mm - PAGE_NUMBER_SIZE * 0.8
    if number % 2:
        canvas.drawRightString(PAGE_WIDTH - RIGHT - PAGE_NUMBER_SIZE, y, text)
    else:
        canvas.drawString(LEFT + PAGE_NUMBER_SIZE, y, text)


# --- Flowing documents (summaries, registers) --------------------------------------------------------------


def rich(text: str, preferred: FaceFile, faces: Faces) -> str:
    """Paragraph markup for ``text``: escaped, and the characters the preferred face lacks wrapped in
    the fallback face that has them."""
    parts = []
    for face, piece in fonts.runs(text, preferred, faces):
        escaped = escape(piece).replace("\n", "<br/>")
        if face == preferred:
            parts.append(escaped)
        else:
            parts.append(f'<font face="{fonts.register(face)}">{escaped}</font>')
    return "".join(parts)


@dataclass
class Styles:
    faces: Faces
    size: float = 10.5  # 五号, the size of table text in school paperwork

    def __post_init__(self) -> None:
        plain = fonts.register(self.faces.plain)
        title = fonts.register(self.faces.title)
        body = fonts.register(self.faces.body)
        # 小二 (18 pt): a report's title fits one line of the text block; the notice keeps 二号 (22 pt).
        self.title = ParagraphStyle("title", fontName=title, fontSize=REPORT_TITLE_SIZE,
                                    leading=REPORT_TITLE_SIZE * 1.4, alignment=TA_CENTER, wordWrap="CJK",
                                    spaceAfter=6)
        self.subtitle = ParagraphStyle("subtitle", fontName=body, fontSize=12, leading=18, alignment=TA_CENTER,
                                       wordWrap="CJK", spaceAfter=8)
        self.heading = ParagraphStyle("heading", fontName=title, fontSize=14, leading=22, wordWrap="CJK",
                                      spaceBefore=10, spaceAfter=4, keepWithNext=1)
        self.body = ParagraphStyle("body", fontName=body, fontSize=12, leading=20, wordWrap="CJK",
                                   firstLineIndent=24)
        self.body_plain = ParagraphStyle("body_plain", fontName=body, fontSize=12, leading=20, wordWrap="CJK")
        self.cell = ParagraphStyle("cell", fontName=plain, fontSize=self.size, leading=self.size * 1.35,
                                   wordWrap="CJK")
        self.cell_centre = ParagraphStyle("cell_centre", parent=self.cell, alignment=TA_CENTER)
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)
        self.header = ParagraphStyle("header", parent=self.cell, fontName=title, alignment=TA_CENTER)
        small = 9
        self.small_cell = ParagraphStyle("small_cell", parent=self.cell, fontSize=small, leading=small * 1.35)
        self.small_right = ParagraphStyle("small_right", parent=self.small_cell, alignment=TA_RIGHT)
        self.small_header = ParagraphStyle("small_header", parent=self.header, fontSize=small, leading=small * 1.35)
        self.note = ParagraphStyle("note", fontName=plain, fontSize=9, leading=13, wordWrap="CJK",
                                   alignment=TA_LEFT, textColor=colors.HexColor("#444444"))


@dataclass
class Story:
    """What a flowing document says, checked character by character as it is written down: a
    character no face has stops the document before anything is drawn."""

    faces: Faces
    styles: Styles = field(init=False)
    flowables: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.styles = Styles(self.faces)

    def text(self, text: str, style: ParagraphStyle, record: str) -> Paragraph:
        preferred = self._face_of(style)
        fonts.check(text, self.faces, record, preferred)
        return Paragraph(rich(text, preferred, self.faces), style)

    def add(self, text: str, style: ParagraphStyle, record: str) -> None:
        self.flowables.append(self.text(text, style, record))

    def _face_of(self, style: ParagraphStyle) -> FaceFile:
        for face in (self.faces.body, self.faces.title, self.faces.plain):
            if face.name == style.fontName:
                return face
        return self.faces.plain

    def table(self, header: Sequence[str], rows: Iterator[Sequence[Any]] | Sequence[Sequence[Any]],
              widths: Sequence[float], record: Callable[[int], str], *, numeric: Sequence[int] = (),
              total: Sequence[Any] | None = None, repeat_header: bool = True, small: bool = False,
              padding: float = 2) -> Table:
        """A ruled table; ``numeric`` columns are right-aligned; ``record(row)`` names a row for the
        message about a character no face has; ``small`` sets it in 9 pt (many columns of money)."""
        styles = self.styles
        header_style = styles.small_header if small else styles.header
        left, right = (styles.small_cell, styles.small_right) if small else (styles.cell, styles.cell_right)
        data: list[list[Any]] = [[self.text(h, header_style, "表头") for h in header]]
        for position, row in enumerate(rows):
            data.append([self._cell(value, right if column in numeric else left, record(position), widths[column])
                         for column, value in enumerate(row)])
        if total is not None:
            data.append([self._cell(value, right if column in numeric else header_style, "合计", widths[column],
                                    plain=column in numeric) for column, value in enumerate(total)])
        table = Table(data, colWidths=list(widths), repeatRows=1 if repeat_header else 0)
        commands: list[tuple[Any, ...]] = [
            # Cells that fit on one line are plain strings in the cell font (a Paragraph each would
            # make a long register take many seconds); these commands set them as the styles would.
            ("FONTNAME", (0, 0), (-1, -1), left.fontName), ("FONTSIZE", (0, 1), (-1, -1), left.fontSize),
            ("LEADING", (0, 1), (-1, -1), left.leading),
            *(("ALIGN", (column, 1), (column, -1), "RIGHT") for column in numeric),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
        ]
        if total is not None:
            commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f5f5f5")))
        table.setStyle(TableStyle(commands))
        self.flowables.append(table)
        return table

    def signatures(self, labels: Sequence[str], width: float) -> None:
        """A line of labels each followed by room to sign (经办人：______ 审核人：______)."""
        cells: list[Any] = []
        for label in labels:
            cells += [self.text(f"{label}：", self.styles.body_plain, "签字栏"), ""]
        style = self.styles.body_plain
        label_widths = [stringWidth(f"{label}：", style.fontName, style.fontSize) + 16 for label in labels]
        blank = max((width - sum(label_widths)) / len(labels), 20 * mm)
        table = Table([cells], colWidths=[w for lw in label_widths for w in (lw, blank)], hAlign="LEFT")
        table.setStyle(TableStyle([("LINEBELOW", (c, 0), (c, 0), 0.5, colors.black)
                                   for c in range(1, 2 * len(labels), 2)]
                                  + [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("RIGHTPADDING", (1, 0), (-1, -1), 12),
                                     ("FONTNAME", (0, 0), (-1, -1), style.fontName)]))
        self.flowables.append(table)

    def _cell(self, value: Any, style: ParagraphStyle, record: str, width: float, *,
              plain: bool = True) -> Paragraph | str:
        """A plain string when it fits on one line in the cell font, else a Paragraph."""
        text = "" if value is None else str(value)
        preferred = self._face_of(style)
        fonts.check(text, self.faces, record, preferred)
        if plain and "\n" not in text and \
                all(fonts.face_for(c, preferred, self.faces) == preferred for c in text) and \
                stringWidth(text, style.fontName, style.fontSize) <= width - 6:
            return text
        return Paragraph(rich(text, preferred, self.faces), style)


class _CountingCanvas(Canvas):
    """Keeps every page until the end, so that each can say how many there are (共 Y 页)."""

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        super().save()


def build(path: Path, story: Story, *, title: str, landscape_pages: bool = False,
          footer_text: Callable[[int, int], str] = lambda page, pages: f"第 {page} 页 共 {pages} 页",
          foot_note: str = "") -> int:
    """Write the flowing document atomically (a temporary file, then renamed); returns the pages.
    ``foot_note``: a small line under the page number on every page (the audit chain's anchor)."""
    size = landscape(A4) if landscape_pages else A4
    if landscape_pages:
        margins = (28 * mm, 20 * mm, 28 * mm, 20 * mm)  # left, bottom, right, top: registers are wide
    else:
        margins = (LEFT, BOTTOM, RIGHT, TOP)
    left, bottom, right, top = margins
    frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="text")
    faces = story.faces
    pages = {"count": 0}

    def footer(canvas: Canvas, page: int, total: int) -> None:
        pages["count"] = total
        name = fonts.register(faces.plain)
        canvas.setFont(name, 10.5)
        canvas.drawCentredString(size[0] / 2, bottom - 10 * mm, footer_text(page, total))
        if foot_note:
            canvas.setFont(name, 7.5)
            canvas.drawCentredString(size[0] / 2, bottom - 15 * mm, foot_note)

    with atomic_path(path) as temporary:
        document = BaseDocTemplate(str(temporary), pagesize=size, title=title, author="SchoolAid 校助",
                                   leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
                                   initialFontName=fonts.register(faces.plain))  # not the unembedded Helvetica
        document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        document.build(story.flowables, canvasmaker=lambda *a, **k: _CountingCanvas(*a, footer=footer, **k))
    return pages["count"]
