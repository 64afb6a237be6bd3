"""Reading the spreadsheets schools have: .xlsx and .xls (python-calamine), .csv in UTF-8, UTF-16, GBK
or Big5, and the "xls" files web systems export that are really an HTML table.

Every sheet comes back as rows of plain Python values (str, float, int, date, datetime, bool; ''
for an empty cell) with its merged ranges, so the importer never sees a library's types.

Any file a school can be sent is read within bounded memory, or refused with one line saying
what is wrong and what to do. calamine builds a *dense* grid of a sheet's used range, so a sheet
with three rows and one cell at XFD1048576 would ask for 500 GB. Before calamine sees a workbook:

- the file's size is bounded (``MAX_FILE_BYTES``);
- an .xlsx's zip directory is checked: uncompressed size per member and in total, and the
  compression ratio of large members (zip bombs), without decompressing anything;
- every worksheet's declared ``<dimension ref=…>`` is read from the first bytes of its XML;
- the dimension may be missing or lie (it is written by whatever made the file), so every
  worksheet's XML is then streamed once, in 1 MB pieces, and the cell references actually present
  give the real used range. Declared or real, a range over ``MAX_CELLS`` cells is refused:
  the cure (copy the data to a new sheet) is the user's, and guessing which far cell is junk is not
  ours. This scan costs about as much as decompressing the sheet once (a fraction of calamine's read).

An .ods is checked the same way from the repeat counts of its rows and cells (LibreOffice repeats empty
ones to the sheet's end; only cells with content count, as for calamine).
An .xls (OLE) file is bounded by ``MAX_FILE_BYTES``, and its cell records are walked (``biff``) for
each sheet's real used range before calamine builds it: a 5 KB .xls with a cell at IV65536 is refused.
Every exception from reading becomes ``UnreadableFile``: no traceback reaches the user.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import python_calamine

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.documents import biff

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and every password-protected workbook
_ZIP_SIGNATURE = b"PK\x03\x04"

# Limits. A township's roster is a few thousand rows of some 20 columns; a county's registry export
# of 100,000 students is about 10 MB as .xlsx and 20 MB as .csv. Each limit is far above that and
# keeps the reading of any file under 1 GB of memory.
MAX_FILE_BYTES = 40 * 1024 * 1024  # the file itself
MAX_CELLS = 4_000_000  # rows × columns of a sheet's used range (200,000 rows of 20 columns)
MAX_MEMBER_BYTES = 400 * 1024 * 1024  # uncompressed size of one part of an .xlsx
MAX_SHARED_STRINGS_BYTES = 100 * 1024 * 1024  # calamine holds all the shared strings in memory at once
MAX_TOTAL_BYTES = 800 * 1024 * 1024  # uncompressed size of all parts of an .xlsx
MAX_RATIO = 200  # compressed XML of real sheets shrinks 5–30 times; zip bombs 1,000 and more
RATIO_FLOOR_BYTES = 10 * 1024 * 1024  # small parts may shrink as much as they like
MAX_FIELD_CHARS = 100_000  # one CSV field; the row rules then hold each field to its own length

Cell = Any
MergedRange = tuple[tuple[int, int], tuple[int, int]]  # (first row, first column), (last row, last column)


class UnreadableFile(SchoolAidError):
    """The file cannot be read as a spreadsheet at all."""


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]
    merged: list[MergedRange] = field(default_factory=list)

    def merged_value(self, row: int, column: int) -> Cell:
        """The value shown in a cell, including one covered by a merged range."""
        for (top, left), (bottom, right) in self.merged:
            if top <= row <= bottom and left <= column <= right:
                return cell(self.rows, top, left)
        return cell(self.rows, row, column)


def cell(rows: list[list[Cell]], row: int, column: int) -> Cell:
    if row < len(rows) and column < len(rows[row]):
        return rows[row][column]
    return ""


def read_workbook(path: Path) -> list[Sheet]:
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
            size = handle.seek(0, io.SEEK_END)
    except FileNotFoundError as exc:
        raise UnreadableFile(translate("Spreadsheet", "The file {path} does not exist.").format(path=path)) from exc
    except OSError as exc:
        raise UnreadableFile(translate("Spreadsheet", "The file {path} cannot be opened ({detail}).").format(
            path=path, detail=exc.strerror or exc)) from exc
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(translate(
            "Spreadsheet", "{name} is too large to be a roster ({size} MB, at most {limit} MB): split it into "
            "several files, or delete what is not the roster, and import again.").format(
                name=path.name, size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)))
    try:
        return _read(path, head)
    except SchoolAidError:
        raise
    except MemoryError as exc:
        raise UnreadableFile(translate(
            "Spreadsheet", "{name} is too large to be read on this computer: split it into several files and "
            "import again.").format(name=path.name)) from exc
    except Exception as exc:  # noqa: BLE001 - whatever a library raises on a hostile file, the user gets a line
        raise _not_readable(path, type(exc).__name__) from exc


def _read(path: Path, head: bytes) -> list[Sheet]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt") and not head.startswith((_ZIP_SIGNATURE, _OLE_SIGNATURE)):
        return [_read_csv(path)]
    if _looks_like_html(head):
        return [_read_html(path)]
    if suffix == ".xlsx" and head.startswith(_OLE_SIGNATURE):
        raise _encrypted(path)
    if head.startswith(_ZIP_SIGNATURE):
        _check_zip(path)
    elif head.startswith(_OLE_SIGNATURE):
        _check_xls(path)
    elif not head.startswith(_OLE_SIGNATURE) and suffix not in (".ods",):
        raise _not_readable(path, translate("Spreadsheet", "neither an Excel workbook nor a table"))
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            sheets = []
            for index, name in enumerate(workbook.sheet_names):
                sheet = workbook.get_sheet_by_index(index)
                rows = sheet.to_python(skip_empty_area=False)
                merged = [((a[0], a[1]), (b[0], b[1])) for a, b in (sheet.merged_cell_ranges or [])]
                sheets.append(Sheet(name, [list(r) for r in rows], merged))
            return sheets
        finally:
            workbook.close()
    except python_calamine.PasswordError as exc:
        raise _encrypted(path) from exc
    except (python_calamine.CalamineError, python_calamine.ZipError, python_calamine.XmlError, ValueError) as exc:
        raise _not_readable(path, str(exc)[:200]) from exc


def _not_readable(path: Path, detail: str) -> UnreadableFile:
    return UnreadableFile(translate(
        "Spreadsheet", "{name} is not a spreadsheet SchoolAid can read ({detail}). Save it from Excel or WPS "
        "as .xlsx and try again.").format(name=path.name, detail=detail))


def _encrypted(path: Path) -> UnreadableFile:
    return UnreadableFile(translate(
        "Spreadsheet", "{name} is protected with a password. Open it in Excel or WPS, remove the password "
        "(File → Info → Protect Workbook), save, and import again.").format(name=path.name))


# --- .xlsx: sizes and ranges before reading ------------------------------------------------------------

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*\bref=\"([^\"]*)\"")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")
_ROOT = re.compile(rb"<(\w+:)?worksheet\b")


@functools.cache
def _position_pattern(prefix: bytes) -> re.Pattern[bytes]:
    return re.compile(b"<" + re.escape(prefix) + rb'c r="([A-Z]{1,3})([0-9]{1,7})"')


# A <row> or <c> start tag, with its r= reference if it has one: row="5", or cell="B5".
_ROW_OR_CELL = re.compile(rb"<(?:\w+:)?(row|c)(?=[\s>/])(?:[^>]*?\sr=\"([A-Z]{0,3})([0-9]{1,7})\")?")
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?$")


def _column_number(letters: str | bytes) -> int:
    number = 0
    for letter in letters.decode() if isinstance(letters, bytes) else letters:
        number = number * 26 + ord(letter) - 64
    return number


def _too_big(path: Path) -> UnreadableFile:
    return UnreadableFile(translate(
        "Spreadsheet", "{name} unpacks to far more data than any roster holds (it may be damaged, or built "
        "to harm): open it in Excel or WPS, copy the roster to a new workbook, save, and import that.").format(
            name=path.name))


def _absurd_range(path: Path, sheet: str, reference: str) -> UnreadableFile:
    return UnreadableFile(translate(
        "Spreadsheet", "The sheet \u201c{sheet}\u201d of {name} has an unreasonably large range ({range}): copy "
        "the data to a new sheet and import again.").format(sheet=sheet, name=path.name, range=reference))


def _area(reference: str) -> int | None:
    """Rows × columns of a range such as ``A1:XFD1048576``; None when it cannot be read."""
    match = _RANGE.match(reference.strip().upper())
    if not match:
        return None
    first_column, first_row = _column_number(match[1]), int(match[2])
    last_column, last_row = (_column_number(match[3]), int(match[4])) if match[3] else (first_column, first_row)
    return (abs(last_row - first_row) + 1) * (abs(last_column - first_column) + 1)


def _check_zip(path: Path) -> None:
    """Refuse zip bombs and absurd sheets from the zip's directory and the sheets' cell references."""
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > 10_000 or sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
            raise _too_big(path)
        for member in members:
            if member.filename.lower().endswith("sharedstrings.xml") and member.file_size > MAX_SHARED_STRINGS_BYTES:
                raise _too_big(path)
            if member.file_size > MAX_MEMBER_BYTES or (
                    member.file_size > RATIO_FLOOR_BYTES
                    and member.file_size > MAX_RATIO * max(member.compress_size, 1)):
                raise _too_big(path)
        if "content.xml" in archive.namelist() and not any(m.filename.startswith("xl/") for m in members):
            _check_ods(path, archive, archive.getinfo("content.xml"))
            return
        names = _sheet_names(archive)
        for member in members:
            if re.fullmatch(r"xl/worksheets/[^/]+\.xml", member.filename):
                _check_sheet(path, archive, member, names.get(member.filename, member.filename))


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → the name the user sees, as far as the workbook says (best effort)."""
    try:
        workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        relations = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}
    targets = {}
    for tag in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", relations):
        rid, target = re.search(r'\bId="([^"]*)"', tag), re.search(r'\bTarget="([^"]*)"', tag)
        if rid and target:
            part = target[1].lstrip("/")
            targets[rid[1]] = part if part.startswith("xl/") else "xl/" + part
    names = {}
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", workbook):
        name, rid = re.search(r'\bname="([^"]*)"', tag), re.search(r'\br:id="([^"]*)"|\bid="([^"]*)"', tag)
        if name and rid and (rid[1] or rid[2]) in targets:
            names[targets[rid[1] or rid[2]]] = name[1]
    return names


def _check_sheet(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo, sheet: str) -> None:
    with archive.open(member) as stream:
        first = stream.read(64 * 1024)  # <dimension> comes right after <sheetPr>, at the top
    declared = _DIMENSION.search(first)
    if declared:
        reference = declared[1].decode("ascii", "replace")
        area = _area(reference)
        if area is not None and area > MAX_CELLS:
            raise _absurd_range(path, sheet, reference)
    # The dimension may be missing or wrong: stream the cells' own positions for the real range.
    extent = _cell_extent(path, archive, member, exact=False)
    if extent is None:  # some cells have no r=: place each after the one before it, as calamine does
        extent = _cell_extent(path, archive, member, exact=True)
    assert extent is not None
    min_row, min_column, max_row, max_column = extent
    if max_row and (max_row - min_row + 1) * (max_column - min_column + 1) > MAX_CELLS:
        reference = f"{_column_letters(min_column)}{min_row}:{_column_letters(max_column)}{max_row}"
        raise _absurd_range(path, sheet, reference)


def _chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's XML in pieces of about 1 MB, each ending before a tag (so no tag is cut)."""
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1024 * 1024):
            data = tail + chunk
            cut = data.rfind(b"<")
            data, tail = (data[:cut], data[cut:]) if cut >= 0 else (data, b"")
            if len(tail) > 64 * 1024:  # no tag is that long in a sheet we can read
                tail = b""
            yield data
    yield tail


def _cell_extent(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo,
                 exact: bool) -> tuple[int, int, int, int] | None:
    """(first row, first column, last row, last column) of the cells present; None (when not ``exact``)
    if a cell has no r= and only the slower, exact walk can place it. Too many cells is refused: calamine
    keeps every cell element, a repeated one too, before it makes the grid."""
    max_row = max_column = cells = row = column = 0
    min_row = min_column = 1 << 30
    prefix = b""
    for data in _chunks(archive, member):
        if not exact:
            # Fast: counting and the regular expressions do the work in C, on the literal start tag this
            # sheet uses (<c r="B5" as every common writer puts it); any other spelling of a cell tag makes
            # the counts differ, and the exact walk decides.
            if not cells and (root := _ROOT.search(data)):
                prefix = root[1] or b""
            tag = b"<" + prefix + b"c"
            tags = data.count(tag + b" ")
            if data.count(tag) != tags:  # <col, <cfRule … or a cell tag spelt otherwise: count with care
                tags = len(_CELL_TAG.findall(data))
            found = _position_pattern(prefix).findall(data)
            if len(found) != tags:
                return None
            cells += tags
            if found:
                # Each distinct letter and row number converted once (a row's cells share its number);
                # zip(*found) would spread 100,000s of pairs as arguments, slower than the regex itself.
                columns = [_column_number(c) for c in {letters for letters, _ in found}]
                rows = list(map(int, {number for _, number in found}))
                min_row, max_row = min(min_row, min(rows)), max(max_row, max(rows))
                min_column, max_column = min(min_column, min(columns)), max(max_column, max(columns))
        else:
            for match in _ROW_OR_CELL.finditer(data):
                if match[1] == b"row":
                    row = int(match[3]) if match[3] else row + 1
                    column = 0
                    continue
                cells += 1
                if match[3]:
                    row, column = int(match[3]), _column_number(match[2])
                else:
                    column += 1
                min_row, max_row = min(min_row, row), max(max_row, row)
                min_column, max_column = min(min_column, column), max(max_column, column)
        if cells > MAX_CELLS:
            raise _too_big(path)
    return min_row, min_column, max_row, max_column


# OpenDocument rows and cells, with their repeat counts; a cell written <…/> is empty.
_ODS_TOKEN = re.compile(rb"<table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_ODS_REPEAT = re.compile(rb"number-(?:rows|columns)-repeated=\"([0-9]+)\"")
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')


def _check_ods(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Refuse an .ods whose cells with content span an absurd range. LibreOffice writes empty rows
    and cells repeated to the sheet's end; like calamine, only the extent of cells with content counts."""
    sheet, row, column, row_repeat = "", 0, 0, 1
    last_row = last_column = 0
    for data in _chunks(archive, member):
        for match in _ODS_TOKEN.finditer(data):
            kind, attributes, closed = match[1], match[2], match[3]
            repeat_match = _ODS_REPEAT.search(attributes)
            repeat = min(int(repeat_match[1]), 1 << 24) if repeat_match else 1
            if kind == b"table":
                if last_row * last_column > MAX_CELLS:
                    break
                name = _ODS_NAME.search(attributes)
                sheet = name[1].decode("utf-8", "replace") if name else ""
                row = column = last_row = last_column = 0
            elif kind == b"table-row":
                row += row_repeat
                column, row_repeat = 0, repeat
            else:
                if not closed:  # a cell with content
                    last_row = max(last_row, row + row_repeat - 1)
                    last_column = max(last_column, column + repeat)
                column += repeat
        if last_row * last_column > MAX_CELLS:
            raise _absurd_range(path, sheet, f"A1:{_column_letters(last_column)}{last_row}")


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _check_xls(path: Path) -> None:
    """Refuse an .xls whose cells span an absurd range, from its cell records (calamine would build it)."""
    try:
        extents = biff.sheet_extents(path.read_bytes())
    except biff.Encrypted as exc:
        raise _encrypted(path) from exc
    except (biff.NotBiff, struct.error) as exc:
        raise _not_readable(path, translate("Spreadsheet", "a damaged Excel 97–2003 workbook")) from exc
    for name, rows, columns, cells in extents:
        if rows * columns > MAX_CELLS or cells > MAX_CELLS:
            raise _absurd_range(path, name, f"A1:{_column_letters(columns)}{rows}")


# --- Text files: CSV and HTML tables -----------------------------------------------------------------

def _decode(path: Path, data: bytes) -> str:
    """The text of a file, in the encodings Chinese spreadsheets are saved in, tried in this order:

    1. a byte order mark says UTF-16 (Excel's "Unicode text") or UTF-8;
    2. UTF-8 (strict: one wrong byte and it is not UTF-8);
    3. GB18030, a superset of GBK and GB2312 — what Excel and WPS on a mainland PC write —
       unless the text reads far better as Big5 (below);
    4. Big5 (Taiwan, Hong Kong; some older systems).

    Big5 text almost always decodes as GBK too, into nonsense: half of it lands on common simplified
    characters, the other half on rare ones and on kana and box-drawing signs no roster has. So
    GB18030 is taken unless more than a fifth of its non-ASCII characters fall outside GB2312 and
    Big5 decodes the bytes with fewer such oddities.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _undecodable(path) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    gb = big5 = None
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        pass
    if gb is not None and big5 is not None and _oddity(gb, "gb2312") > 0.2 and _oddity(big5, "big5") < _oddity(
            gb, "gb2312"):
        return big5
    if gb is not None:
        return gb
    if big5 is not None:
        return big5
    raise _undecodable(path)


def _oddity(text: str, encoding: str) -> float:
    """The share of the non-ASCII characters that are not in ``encoding``'s common set (a sample)."""
    sample = [c for c in text[:20_000] if ord(c) > 127]
    if not sample:
        return 0.0
    odd = 0
    for character in sample:
        try:
            encoded = character.encode(encoding)
        except UnicodeEncodeError:
            odd += 1
            continue
        if encoding == "gb2312" and not 0xB0 <= encoded[0] <= 0xF7 and encoded[0] != 0xA1 and encoded[0] != 0xA3:
            odd += 1  # not a hanzi nor common punctuation: kana, Greek, box drawing …
        if encoding == "big5" and not 0xA4 <= encoded[0] <= 0xF9 and encoded[0] != 0xA1:
            odd += 1
    return odd / len(sample)


def _undecodable(path: Path) -> UnreadableFile:
    return UnreadableFile(translate(
        "Spreadsheet", "{name} is not text in any encoding SchoolAid knows (UTF-8, UTF-16, GBK, Big5): open "
        "it in Excel or WPS, save it as .xlsx, and import that.").format(name=path.name))


def _read_csv(path: Path) -> Sheet:
    text = _decode(path, path.read_bytes())
    if "\x00" in text:
        raise _not_readable(path, "binary")
    if _looks_like_html(text[:1024].encode("utf-8", "replace")):
        return _table_sheet(path, text)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;，")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    previous = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise UnreadableFile(translate(
            "Spreadsheet", "{name} has a field far longer than any roster has (over {limit} characters; often a "
            "quotation mark that is never closed): correct it in Excel or WPS and import again.").format(
                name=path.name, limit=MAX_FIELD_CHARS)) from exc
    finally:
        csv.field_size_limit(previous)
    return Sheet(path.stem, rows)


_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|table|head|body|meta)\b",
                         re.IGNORECASE | re.DOTALL)


def _looks_like_html(head: bytes) -> bool:
    for encoding in (None, "utf-16"):
        sample = head
        if encoding:
            if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                continue
            sample = head.decode("utf-16", "ignore").encode("utf-8")
        if _HTML_START.match(sample.removeprefix(codecs.BOM_UTF8)):
            return True
    return False


def _read_html(path: Path) -> Sheet:
    """An "xls" saved by a web system: an HTML page whose first table is the sheet."""
    data = path.read_bytes()
    declared = re.search(rb"charset\s*=\s*[\"']?([\w-]+)", data[:4096], re.IGNORECASE)
    text = None
    if declared and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode(declared[1].decode("ascii").lower())
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = _decode(path, data)
    return _table_sheet(path, text)


def _table_sheet(path: Path, text: str) -> Sheet:
    parser = _FirstTable()
    parser.feed(text)
    parser.close()
    if not parser.rows:
        raise _not_readable(path, translate("Spreadsheet", "a web page without a table"))
    return Sheet(path.stem, parser.rows)


class _FirstTable(HTMLParser):
    """The rows of the first <table>: the text of each <td>/<th>. A cell spanning several columns
    is followed by empty cells, so the columns after it stay under their headers; rowspan is
    ignored (the value stays in the first row, as a merged cell's does)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[Cell]] = []
        self._depth = 0  # tables open; nested tables' text joins the outer cell
        self._done = False
        self._row: list[Cell] | None = None
        self._cell: list[str] | None = None
        self._span = 1
        self._cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self._end_row()
            self._row = []
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = min(int(span), 256) if span.strip().isdigit() and int(span) > 0 else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth -= 1
            if self._depth <= 0:
                self._end_row()
                self._done = True
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()
        elif self._depth == 1 and tag == "tr":
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._done:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(re.sub(r"[ \t\r\f\v]+", " ", "".join(self._cell)).strip())
            self._row.extend([""] * (self._span - 1))
            self._cells += self._span
            if self._cells > MAX_CELLS:
                raise UnreadableFile(translate(
                    "Spreadsheet", "The table in this file has far more cells than any roster: delete what is "
                    "not the roster and import again."))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            self.rows.append(self._row)
        self._row = None
