"""Writing the .xlsx documents SchoolAid hands out: a title, a date line, bold headers, widths,
text cells for long digit strings; saved atomically."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from schoolaid.common.files import atomic_path

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


def new_workbook() -> openpyxl.Workbook:
    return openpyxl.Workbook(write_only=True)


def cell(sheet: WriteOnlyWorksheet, value: Any, *, font: Font | None = None, text: bool = False,
         date: bool = False, wrap: bool = False) -> WriteOnlyCell:
    result = WriteOnlyCell(sheet, value=value)
    if font is not None:
        result.font = font
    if text:
        result.number_format = "@"  # Excel keeps every digit of an ID or phone number
    if date and isinstance(value, dt.date):
        result.number_format = "yyyy-mm-dd"
    if wrap:
        result.alignment = Alignment(wrap_text=True, vertical="top")
    return result


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


def chinese_date(day: dt.date) -> str:
    """2026年9月1日: official documents write dates without zero padding."""
    return f"{day.year}年{day.month}月{day.day}日"


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
