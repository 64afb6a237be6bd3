"""Reading the spreadsheets schools have: .xlsx and .xls (python-calamine), .csv in UTF-8 or GBK.

Every sheet comes back as rows of plain Python values (str, float, int, date, datetime, bool; ''
for an empty cell) with its merged ranges, so the importer never sees a library's types.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and every password-protected workbook
_ZIP_SIGNATURE = b"PK\x03\x04"

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
            head = handle.read(8)
    except FileNotFoundError as exc:
        raise UnreadableFile(translate("Spreadsheet", "The file {path} does not exist.").format(path=path)) from exc
    except OSError as exc:
        raise UnreadableFile(translate("Spreadsheet", "The file {path} cannot be opened ({detail}).").format(
            path=path, detail=exc.strerror or exc)) from exc
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt") and not head.startswith((_ZIP_SIGNATURE, _OLE_SIGNATURE)):
        return [_read_csv(path)]
    if suffix == ".xlsx" and head.startswith(_OLE_SIGNATURE):
        raise _encrypted(path)
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
        raise UnreadableFile(translate(
            "Spreadsheet", "{name} is not a spreadsheet SchoolAid can read ({detail}). Save it from Excel or WPS "
            "as .xlsx and try again.").format(name=path.name, detail=exc)) from exc


def _encrypted(path: Path) -> UnreadableFile:
    return UnreadableFile(translate(
        "Spreadsheet", "{name} is protected with a password. Open it in Excel or WPS, remove the password "
        "(File → Info → Protect Workbook), save, and import again.").format(name=path.name))


def _read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte sequence
        raise UnreadableFile(translate("Spreadsheet", "{name} is not a text file.").format(name=path.name))
    if "\x00" in text:
        raise UnreadableFile(translate(
            "Spreadsheet", "{name} is not a spreadsheet SchoolAid can read ({detail}). Save it from Excel or WPS "
            "as .xlsx and try again.").format(name=path.name, detail="binary"))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;，")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return Sheet(path.stem, rows)
