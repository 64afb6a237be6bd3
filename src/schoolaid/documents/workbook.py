"""Writing the .xlsx documents SchoolAid hands out: a title, a date line, bold headers, widths,
text cells for long digit strings; saved atomically.

Every cell written is data, never a formula: a name such as ``=HYPERLINK(...)`` or ``+1`` typed into a
roster is written as text that Excel and WPS show as typed and the importer reads back unchanged. All
writers go through ``new_workbook``, whose sheets pass every appended value through ``cell``."""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from schoolaid.common.files import atomic_path
from schoolaid.documents.dates import chinese_date  # noqa: F401 - where the writers of documents find it

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


def new_workbook() -> openpyxl.Workbook:
    return _DataWorkbook(write_only=True)


class _DataCell(Cell):
    """A cell made by ``cell``: its text is already written as data."""

    __slots__ = ()


# What a cell's XML text cannot carry as itself: a carriage return (XML turns it into a line feed) and
# the control characters XML forbids, written as Excel's _xHHHH_ escape; and an _xHHHH_ already in the
# text, whose underscore is escaped so that it is read back as typed.
_UNWRITABLE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f]")


def _escaped(text: str) -> str:
    return _UNWRITABLE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def cell(sheet: WriteOnlyWorksheet, value: Any, *, font: Font | None = None, text: bool = False,
         date: bool = False, wrap: bool = False) -> Cell:
    """The one way a cell is made. Text is always a string cell (t="inlineStr"), however it begins
    (= + - @, a tab): openpyxl would otherwise write a text starting with "=" as a live formula."""
    if isinstance(value, str):
        result = _DataCell(sheet, row=1, column=1, value=_escaped(value))
        result.data_type = "s"
    else:
        result = _DataCell(sheet, row=1, column=1, value=value)
    if font is not None:
        result.font = font
    if text:
        result.number_format = "@"  # Excel keeps every digit of an ID or phone number
    if date and isinstance(value, dt.date):
        result.number_format = "yyyy-mm-dd"
    if wrap:
        result.alignment = Alignment(wrap_text=True, vertical="top")
    return result


def _data(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    if isinstance(value, _DataCell):
        return value
    if isinstance(value, Cell):  # made elsewhere: its text (or formula) becomes data, its style is kept
        if isinstance(value.value, str):
            value.value = _escaped(value.value)
            value.data_type = "s"
        return value
    return cell(sheet, value) if isinstance(value, str) else value


class _DataSheet(WriteOnlyWorksheet):
    """A write-only sheet that cannot be given a formula: every appended text becomes a string cell."""

    def append(self, row: Any) -> None:
        if isinstance(row, (list, tuple, range)) or inspect.isgenerator(row):
            row = [_data(self, value) for value in row]
        super().append(row)


# What Excel refuses in a sheet's name (openpyxl raises on it): a sheet named after a person whose
# name holds one of these is still written.
_NOT_IN_SHEET_NAME = re.compile(r"[\\*?:/\[\]\x00-\x1f]")


class _DataWorkbook(openpyxl.Workbook):
    def create_sheet(self, title: str | None = None, index: int | None = None) -> _DataSheet:
        if title is not None:
            title = _NOT_IN_SHEET_NAME.sub("_", title).strip("'")[:31] or "Sheet"
        sheet = _DataSheet(parent=self, title=title)
        self._add_sheet(sheet=sheet, index=index)
        return sheet


def start_sheet(workbook: openpyxl.Workbook, name: str, title: str, subtitle: str, headers: Sequence[str],
                widths: Sequence[float], *, freeze: str | None = None) -> WriteOnlyWorksheet:
    """A sheet with the title merged across, the subtitle under it, and the header row."""
    sheet = workbook.create_sheet(name[:31])
    if freeze:
        sheet.freeze_panes = freeze
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width
    last = get_column_letter(max(len(headers), len(widths), 1))
    sheet.merged_cells.add(f"A1:{last}1")
    title_cell = cell(sheet, title, font=TITLE)
    title_cell.alignment = Alignment(horizontal="center")
    sheet.append([title_cell])
    sheet.merged_cells.add(f"A2:{last}2")
    sheet.append([subtitle])
    if headers:
        sheet.append([cell(sheet, h, font=BOLD) for h in headers])
    return sheet


@contextlib.contextmanager
def workbook_to(path: Path) -> Iterator[openpyxl.Workbook]:
    """A new workbook, saved atomically to ``path`` once the block has filled it. If the block stops
    instead (the user cancelled, an error), no file appears and the rows already streamed to
    temporary files (personal data) are removed."""
    workbook = new_workbook()
    try:
        yield workbook
    except BaseException:
        _discard(workbook)
        raise
    save(workbook, path)


def save(workbook: openpyxl.Workbook, path: Path) -> None:
    try:
        with atomic_path(path) as temporary:
            workbook.save(temporary)
    except BaseException:
        _discard(workbook)
        raise


def _discard(workbook: openpyxl.Workbook) -> None:
    """A workbook that could not be saved: its sheets' rows, streamed to temporary files as they
    were added (personal data), are closed and removed rather than left in the temporary folder."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()  # write-only sheets finish their stream
        writer = getattr(sheet, "_writer", None)  # openpyxl keeps the stream's file there
        if writer is not None and isinstance(writer.out, str):
            Path(writer.out).unlink(missing_ok=True)
