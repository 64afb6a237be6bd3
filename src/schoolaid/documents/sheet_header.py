"""Where a sheet's header row is and what each column means, for any list people hand over (the
roster, the household register, the poverty list, the registry's export).

Such sheets put a title and "填报单位" rows above the header, merge header cells over two rows, name
the same column in several ways (身份证号, 公民身份号码 …) and close with totals and signatures. Each
kind of sheet gives its own ``ColumnNames``: the aliases of its fields, the field without which a
row is nobody, and the words that make a column about someone else (a parent's ID number is never
the child's).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from schoolaid.documents import sheet_values
from schoolaid.documents.sheet_values import text
from schoolaid.documents.spreadsheet import Sheet

F = TypeVar("F")

_BRACKETS = re.compile(r"[（(\[【].*?[)）\]】]")
_NOISE = re.compile(r"[\s\u3000*＊:：、/\\\-_]+")

HEADER_SEARCH_ROWS = 30
MIN_MATCHED_COLUMNS = 2

# Rows whose first words say they close the table: totals and signatures.
FOOTER_WORDS = ("合计", "总计", "小计", "共计", "制表", "填表", "审核", "负责人", "校长签", "签字", "盖章", "说明",
                "注：", "注:", "备注：", "统计")
_SIGNATURES = ("制表人", "审核人", "填表人")


def clean_header(value: object) -> str:
    """``身份证号\\n（18位）*`` → ``身份证号``."""
    return _NOISE.sub("", _BRACKETS.sub("", text(value)))


@dataclass(frozen=True)
class ColumnNames(Generic[F]):
    """The header names of one kind of sheet. ``aliases``: each field's names after ``clean_header``,
    the surest first. ``required``: a header row must name one of these fields. ``others``: words that make a
    column about someone other than the person of the row; for such a column an ID number or birth
    date is ignored, and ``own_fields`` are not read from it."""

    aliases: Mapping[F, tuple[str, ...]]
    required: tuple[F, ...]
    others: tuple[str, ...] = ()
    own_fields: Collection[F] = ()

    def __post_init__(self) -> None:
        by_alias = {alias: field for field, names in self.aliases.items() for alias in names}
        object.__setattr__(self, "_by_alias", by_alias)
        # Longest first, so that 学生身份证号 is read before 身份证号 when a header only contains an alias.
        object.__setattr__(self, "_contained", sorted(by_alias, key=len, reverse=True))

    def match(self, value: object) -> tuple[F, int] | None:
        """The field a header names, and how surely: the alias's rank, exact names before contained ones."""
        header = clean_header(value)
        if not header:
            return None
        by_alias: dict[str, F] = self._by_alias  # type: ignore[attr-defined]
        exact = by_alias.get(header)
        if exact is not None:
            return exact, self.aliases[exact].index(header)
        if header in ("序号", "编号", "学号") or header.startswith("序"):
            return None
        about_someone_else = any(word in header for word in self.others)
        if about_someone_else and ("身份证" in header or "证件" in header or "出生" in header):
            return None  # someone else's ID number or birth date: never the person's own
        for alias in self._contained:  # type: ignore[attr-defined]
            if alias in header and len(alias) >= 2:
                field = by_alias[alias]
                if about_someone_else and field in self.own_fields:
                    continue
                return field, 100 + self.aliases[field].index(alias)
        return None

    def auto_mapping(self, labels: list[str]) -> dict[int, F]:
        """Each field from the column that names it most surely (leftmost on a tie)."""
        best: dict[F, tuple[int, int]] = {}
        for column, label in enumerate(labels):
            match = self.match(label)
            if match is not None:
                field, rank = match
                if field not in best or (rank, column) < best[field]:
                    best[field] = (rank, column)
        return {column: field for field, (_rank, column) in sorted(best.items(), key=lambda item: item[1][1])}

    def find_header(self, sheet: Sheet) -> Header[F] | None:
        """The row with most recognised column names among the first rows, if it names a required field."""
        best: Header[F] | None = None
        # Only the merges of the rows searched: a register merges each household's cells, thousands of them.
        top = Sheet(sheet.name, sheet.rows[:HEADER_SEARCH_ROWS],
                    [m for m in sheet.merged if m[0][0] < HEADER_SEARCH_ROWS])
        for row in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
            labels = header_labels(top, row)
            mapping = self.auto_mapping(labels)
            if not set(self.required) & set(mapping.values()) or len(mapping) < MIN_MATCHED_COLUMNS:
                continue
            if best is None or len(mapping) > len(best.mapping):
                best = Header(sheet, row, labels, mapping)
        return best


@dataclass
class Header(Generic[F]):
    sheet: Sheet
    row: int  # 0-based index of the header row in sheet.rows
    labels: list[str]  # the header text of every column, merged cells filled in
    mapping: dict[int, F]  # column index → field (the user may change it)

    @property
    def excel_row(self) -> int:
        return self.row + 1


def header_labels(sheet: Sheet, row: int) -> list[str]:
    """The header text of every column of ``row``, merged cells filled in."""
    width = max((len(r) for r in sheet.rows[max(0, row - 1):row + 1]), default=0)
    labels = []
    for column in range(width):
        label = text(sheet.merged_value(row, column))
        if not label and row > 0:
            # Two-row headers: a group title above, and columns whose name sits only in the upper row.
            label = text(sheet.merged_value(row - 1, column))
        labels.append(label)
    return labels


def is_blank_row(cells: list[Any]) -> bool:
    return all(sheet_values.is_blank(c) for c in cells)


def is_footer(cells: list[Any]) -> bool:
    """A row of totals or signatures: its first words say so."""
    for value in cells:
        content = sheet_values.text(value).replace(" ", "").replace("\u3000", "")
        if content:
            return content.startswith(FOOTER_WORDS) or any(w in content for w in _SIGNATURES)
    return False


def data_rows(header: Header[Any]) -> list[tuple[int, list[Any]]]:
    """(row index, cells) of the rows below the header that hold people: blank rows, footers and the
    header repeated (sheets pasted one under another) left out."""
    rows = []
    header_cells = [sheet_values.text(c) for c in header.sheet.rows[header.row]]
    for index in range(header.row + 1, len(header.sheet.rows)):
        cells = header.sheet.rows[index]
        if is_blank_row(cells) or is_footer(cells):
            continue
        if len(cells) == len(header_cells) and all(sheet_values.text(c) == h for c, h in zip(cells, header_cells, strict=True)):
            continue
        rows.append((index, cells))
    return rows
