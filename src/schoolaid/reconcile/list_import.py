"""Importing a list of 四查三比对 — the household register (hukou), the 脱贫户 / 防止返贫监测对象 list
(poverty), the student registry's export (registry): read, map the columns, plan every row, preview,
then store all of it or nothing.

As the roster import: ``read_list`` (the file, the header of each sheet) → ``plan_list`` (every row's
outcome, nothing written; the user may change the column mapping and plan again) → ``apply_list``
(one transaction, ``lists.store_list``). The same row rules: ID numbers checked (check digit, the
floats Excel makes of them refused with the explanation, a lowercase x and spaces cleaned), the birth
date from the ID number when the sheet gives none, the same person twice merged, footers skipped,
a reason for every row refused.

A household register lists people of all ages: its children (0–17 on 31 August of the school year)
are kept, and of the adults only the household heads (to tell whose child is whose); other adults
are dropped without a word, and counted.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import Problem, ValidationFailed
from schoolaid.common.grades import age_on
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.common.validation import clean_name, error, name_problem, warning
from schoolaid.documents import sheet_values
from schoolaid.documents.sheet_header import Header, data_rows
from schoolaid.documents.sheet_values import BadValue
from schoolaid.documents.spreadsheet import Sheet, UnreadableFile, read_workbook
from schoolaid.reconcile import lists
from schoolaid.reconcile.list_columns import COLUMNS, MAX_LENGTH, ListField
from schoolaid.reconcile.lists import ListedPerson
from schoolaid.reconcile.vocabulary import CHILD_AGES, ListKind
from schoolaid.roster import idnumber
from schoolaid.roster.categories import HouseholdCategory, read_category
from schoolaid.roster.place_names import PlaceNames
from schoolaid.storage.models import ReferenceList

_HEAD_RELATIONS = ("户主", "本人", "户主本人")
_GROUP_IN_TEXT = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[组社]")
_REGISTRY_FORMS = ("G", "L", "J")


class RowOutcome(str, enum.Enum):
    KEPT = "kept"
    MERGED = "merged"  # the same person as an earlier row: merged into it
    DROPPED = "dropped"  # an adult of a household register who is not a household head
    REJECTED = "rejected"

    def label(self) -> str:
        return {
            RowOutcome.KEPT: translate("ListImport", "Kept"),
            RowOutcome.MERGED: translate("ListImport", "Merged"),
            RowOutcome.DROPPED: translate("ListImport", "Adult, not kept"),
            RowOutcome.REJECTED: translate("ListImport", "Rejected"),
        }[self]


@dataclass
class ListSource:
    path: Path
    kind: ListKind
    headers: list[Header[ListField]]  # one per sheet that has a header of this kind of list


@dataclass
class ListImportOptions:
    village_id: int | None = None  # every row's village (--village); None: from the rows
    school_id: int | None = None  # a registry export without a school column: the school of every row


@dataclass
class ListRow:
    sheet: str
    row: int  # as Excel numbers it
    name: str
    outcome: RowOutcome
    problems: list[Problem]
    values: list[Any]  # the row's cells, as read
    person: ListedPerson | None = None
    same_as_row: int | None = None  # merged into that row
    planned: dict[str, Any] = field(default_factory=dict, repr=False)  # the person's fields, while planning

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def reason(self) -> str:
        chosen = self.errors if self.outcome is RowOutcome.REJECTED else self.warnings
        return "；".join(p.message for p in chosen)


@dataclass
class ListPlan:
    source: ListSource
    options: ListImportOptions
    rows: list[ListRow]
    school_year: int
    notes: list[str] = field(default_factory=list)  # about the whole file, not one row

    @property
    def kind(self) -> ListKind:
        return self.source.kind

    @property
    def people(self) -> list[ListedPerson]:
        return [r.person for r in self.rows if r.outcome is RowOutcome.KEPT and r.person is not None]

    def count(self, outcome: RowOutcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def children(self) -> int:
        return sum(1 for p in self.people if p.is_child)

    @property
    def rejected(self) -> list[ListRow]:
        return [r for r in self.rows if r.outcome is RowOutcome.REJECTED]

    @property
    def warned(self) -> list[ListRow]:
        return [r for r in self.rows if r.outcome in (RowOutcome.KEPT, RowOutcome.MERGED) and r.warnings]

    @property
    def village_id(self) -> int | None:
        """The list's village: the one chosen, else the one village every person lives in, else None
        (the whole township)."""
        if self.options.village_id is not None:
            return self.options.village_id
        villages = {p.village_id for p in self.people}
        return villages.pop() if len(villages) == 1 and None not in villages else None

    def summary_json(self) -> dict[str, Any]:
        def item(r: ListRow) -> dict[str, Any]:
            return {"row": r.row, "name": r.name, "reason": r.reason}

        return {"list": self.kind.value, "people": len(self.people), "children": self.children,
                "rejected": [item(r) for r in self.rejected],
                "warnings": [{"row": None, "name": "", "reason": note} for note in self.notes]
                + [item(r) for r in self.warned]}


# --- Reading -------------------------------------------------------------------------------------------


def read_list(path: Path, kind: ListKind) -> ListSource:
    """The file and the header of every sheet that has one. Raises ``UnreadableFile``."""
    path = Path(path)
    sheets = read_workbook(path)
    headers = [h for h in (COLUMNS[kind].find_header(sheet) for sheet in sheets) if h is not None]
    if not headers:
        raise UnreadableFile(translate(
            "ListImport", "No header of a {list} was found in {name}: none of its sheets has a row with \u201c姓名\u201d "
            "and other column names such as 性别, 公民身份号码 or 与户主关系 in its first {rows} rows.").format(
                list=kind.label(), name=path.name, rows=30))
    return ListSource(path, kind, headers)


def read_and_plan(session: Session, path: Path, kind: ListKind, options: ListImportOptions | None = None, *,
                  today: dt.date, progress: Progress = NO_PROGRESS) -> ListPlan:
    """The file read, then every row's outcome (what the preview shows first)."""
    return plan_list(session, read_list(path, kind), options, today=today, progress=progress)


# --- Planning ------------------------------------------------------------------------------------------


class _Row:
    """One sheet row's cells by field, and their text (read once: a register has tens of thousands)."""

    __slots__ = ("cells", "texts")

    def __init__(self, cells: dict[ListField, Any]) -> None:
        self.cells = cells
        self.texts = {field: sheet_values.text(value) for field, value in cells.items()}

    def text(self, column: ListField) -> str:
        return self.texts.get(column, "")

    def has(self, column: ListField) -> bool:
        return bool(self.texts.get(column))


def _merged_below_header(header: Header[ListField]) -> dict[tuple[int, int], Any]:
    """The value each cell covered by a merged range shows (a 户号 or 户主 merged down over the
    household's members), for the rows under the header."""
    filled: dict[tuple[int, int], Any] = {}
    sheet: Sheet = header.sheet
    for (top, left), (bottom, right) in sheet.merged:
        if bottom <= header.row:
            continue
        value = sheet.rows[top][left] if top < len(sheet.rows) and left < len(sheet.rows[top]) else ""
        for row in range(max(top, header.row + 1), min(bottom, len(sheet.rows) - 1) + 1):
            for column in range(left, right + 1):
                filled[(row, column)] = value
    return filled


def plan_list(session: Session, source: ListSource, options: ListImportOptions | None = None, *,
              today: dt.date, progress: Progress = NO_PROGRESS) -> ListPlan:
    """Every row's outcome; nothing is written."""
    options = options or ListImportOptions()
    school_year = SchoolYear.containing(today)
    planner = _Planner(source.kind, options, PlaceNames(session), today, school_year.age_reference_day)
    rows: list[ListRow] = []
    total = sum(len(h.sheet.rows) - h.row - 1 for h in source.headers) or 1
    for header in source.headers:
        filled = _merged_below_header(header)
        sheet_village = planner.places.village(header.sheet.name) if len(source.headers) > 1 else None
        columns = list(header.mapping.items())
        for index, cells in data_rows(header):
            if len(rows) % 500 == 0:
                progress.report(len(rows) / total, translate("ListImport", "Checking row {n}…").format(n=len(rows)))
            width = len(cells)
            row = _Row({f: filled.get((index, c), cells[c] if c < width else "") for c, f in columns} if filled
                       else {f: cells[c] if c < width else "" for c, f in columns})
            rows.append(planner.plan_row(header.sheet.name, index, row, cells, sheet_village))
    planner.complete_households(rows)
    planner.merge_duplicates(rows)
    for result in rows:
        if result.planned:
            result.person = ListedPerson(row=result.row, **result.planned)
            result.planned = {}
    plan = ListPlan(source, options, rows, school_year.start_year)
    if (source.kind is not ListKind.REGISTRY and options.village_id is None and plan.people
            and all(p.village_id is None for p in plan.people)):
        plan.notes.append(translate(
            "ListImport", "The file names no village of ours (no 村 column, no address naming one): choose the village "
            "the list is for, or the people are kept without a village."))
    return plan


class _Planner:
    def __init__(self, kind: ListKind, options: ListImportOptions, places: PlaceNames, today: dt.date,
                 age_day: dt.date) -> None:
        self.kind = kind
        self.options = options
        self.places = places
        self.today = today
        self.age_day = age_day

    # one row

    def plan_row(self, sheet: str, index: int, row: _Row, cells: list[Any], sheet_village: int | None) -> ListRow:
        name_text = row.text(ListField.NAME) or (row.text(ListField.HEAD) if self.kind is ListKind.POVERTY else "")
        result = ListRow(sheet, index + 1, clean_name(name_text[:MAX_LENGTH[ListField.NAME] + 1]), RowOutcome.KEPT,
                         [], cells)
        problems = result.problems
        too_long = [f for f, value in row.texts.items() if len(value) > MAX_LENGTH[f]]
        for column in too_long:
            problems.append(error(column.value, f"list.{column.value}", translate(
                "ListImport", "{column}: {length} characters is too long (at most {limit}).").format(
                    column=column.label(), length=len(row.text(column)), limit=MAX_LENGTH[column])))
        if too_long:
            result.outcome = RowOutcome.REJECTED
            return result

        adult_birth = self._adult_not_head(row, result.name) if self.kind is ListKind.HUKOU else None
        if adult_birth is not None:
            result.outcome = RowOutcome.DROPPED  # left out without a word: nothing of the row is checked
            result.planned = {"name": result.name, "birth_date": adult_birth, "is_child": False,
                              "relation": row.text(ListField.RELATION)}
            return result
        values: dict[str, Any] = {}
        self._name(result, values)
        self._identity(row, values, problems)
        self._place(row, values, problems, sheet_village)
        self._household(row, values, problems, result.name)
        if self.kind is ListKind.POVERTY:
            self._poverty(row, values, problems)
        if self.kind is ListKind.REGISTRY:
            self._registry(row, values, problems)
        if any(p.is_error for p in problems):
            result.outcome = RowOutcome.REJECTED
            return result

        birth = values.get("birth_date")
        values["is_child"] = self._is_child(birth) if birth else self.kind is ListKind.REGISTRY
        result.planned = values
        if self.kind is ListKind.HUKOU and not values["is_child"] and not _is_head(values):
            result.outcome = RowOutcome.DROPPED
        return result

    def _is_child(self, birth: dt.date) -> bool:
        return birth > self.age_day or age_on(birth, self.age_day) in CHILD_AGES

    def _quick_birth(self, row: _Row) -> dt.date | None:
        """The birth date as the row gives it, unchecked: the birth date column, else the ID number's digits."""
        if row.has(ListField.BIRTH_DATE):
            try:
                return sheet_values.date(row.cells[ListField.BIRTH_DATE])
            except BadValue:
                pass
        digits = idnumber.normalize(row.text(ListField.ID_NUMBER))
        if len(digits) == 18 and digits[:17].isdigit():
            try:
                return dt.date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
            except ValueError:
                return None
        return None

    def _adult_not_head(self, row: _Row, name: str) -> dt.date | None:
        """The birth date of an adult of a household register who is not its head, as far as the row
        shows at a glance; None for anyone else."""
        relation = row.text(ListField.RELATION).replace(" ", "")
        if relation in _HEAD_RELATIONS or (not relation and name and name == clean_name(row.text(ListField.HEAD))):
            return None
        birth = self._quick_birth(row)
        return birth if birth is not None and birth <= self.today and not self._is_child(birth) else None

    def _name(self, result: ListRow, values: dict[str, Any]) -> None:
        if not result.name:
            result.problems.append(error("name", "name.missing", translate("ListImport", "The name is empty.")))
            return
        reason = name_problem(result.name)
        if reason:
            result.problems.append(error("name", "name.invalid", f"{ListField.NAME.label()}：{reason}"))
            return
        values["name"] = result.name

    def _identity(self, row: _Row, values: dict[str, Any], problems: list[Problem]) -> None:
        """ID number, birth date, sex, ethnicity; the birth date and sex from the ID number when missing."""
        checked = None
        if row.has(ListField.ID_NUMBER):
            raw = row.text(ListField.ID_NUMBER)
            if "*" in raw:
                problems.append(error("id_number", "list.id_masked", translate(
                    "ListImport", "The ID number is masked ({value}); the full number is needed.").format(value=raw)))
            else:
                checked = idnumber.check(raw, today=self.today)
                # A region code missing from the reference table is a hint for a number typed by hand; a list
                # handed over by the police or the registry is the authority on its own numbers.
                problems.extend(p for p in checked.problems if p.code != "id.region")
                if checked.is_valid:
                    values["id_number"] = checked.number
        birth = None
        if row.has(ListField.BIRTH_DATE):
            try:
                birth = sheet_values.date(row.cells[ListField.BIRTH_DATE])
            except BadValue as exc:
                read = checked is not None and checked.is_valid  # the ID number gives the date instead
                problems.append((warning if read else error)("birth_date", "list.birth_date",
                                                             f"{ListField.BIRTH_DATE.label()}：{exc.reason}"))
        sex = None
        if row.has(ListField.SEX):
            try:
                sex = sheet_values.sex(row.cells[ListField.SEX])
            except BadValue as exc:
                problems.append(warning("sex", "list.sex", f"{ListField.SEX.label()}：{exc.reason}"))
        if checked is not None and checked.is_valid:
            problems.extend(idnumber.check_against(checked, birth, sex))
            birth = checked.birth_date  # the number is checked; a typed date is not
            sex = checked.sex.value if checked.sex else sex
        if birth is not None and birth > self.today:
            problems.append(error("birth_date", "list.birth_future", translate(
                "ListImport", "The birth date {date} is after today.").format(date=birth.isoformat())))
        elif birth is not None:
            values["birth_date"] = birth
        elif self.kind is ListKind.HUKOU and not any(p.is_error for p in problems):
            problems.append(error("birth_date", "list.no_birth_date", translate(
                "ListImport", "Neither a birth date nor an ID number: the person's age cannot be known.")))
        if sex:
            values["sex"] = sex
        if row.has(ListField.ETHNICITY):
            values["ethnicity"] = sheet_values.ethnicity(row.cells[ListField.ETHNICITY])

    def _place(self, row: _Row, values: dict[str, Any], problems: list[Problem], sheet_village: int | None) -> None:
        address = row.text(ListField.ADDRESS)
        group_text = row.text(ListField.GROUP)
        if address:
            values["address"] = address
        group = _group(group_text) or _group(address)
        if group:
            values["group_name"] = group
        if self.kind is ListKind.REGISTRY:
            return
        named = row.text(ListField.VILLAGE)
        found = (self.places.village(named) if named else None) or self.places.village(group_text) \
            or self.places.village(address)
        if self.options.village_id is not None:
            values["village_id"] = self.options.village_id
            if found is not None and found != self.options.village_id:
                problems.append(warning("village_id", "list.village_differs", translate(
                    "ListImport", "The row names another village ({named}); recorded under the village chosen for the "
                    "whole list.").format(named=named or group_text or address)))
            return
        if found is None and named:
            problems.append(warning("village_id", "list.village_unknown", translate(
                "ListImport", "The village \u201c{village}\u201d is not one of the township's villages (Settings → Schools "
                "and villages): the person is kept without a village.").format(village=named)))
        values["village_id"] = found if found is not None else sheet_village

    def _household(self, row: _Row, values: dict[str, Any], problems: list[Problem], name: str) -> None:
        if self.kind is ListKind.REGISTRY:
            return
        if row.has(ListField.HOUSEHOLD_NO):
            values["household_no"] = row.text(ListField.HOUSEHOLD_NO)
        head = clean_name(row.text(ListField.HEAD))
        if head and not name_problem(head):
            values["head_name"] = head
        relation = row.text(ListField.RELATION).replace(" ", "")
        if relation:
            values["relation"] = relation
        elif self.kind is ListKind.POVERTY and not row.has(ListField.NAME):
            values["relation"] = "户主"  # one row per household: the row is its head
        if row.has(ListField.HEAD_ID):
            raw = row.text(ListField.HEAD_ID)
            checked = idnumber.check(raw, today=self.today)
            if checked.is_valid:
                values["head_id_number"] = checked.number
            elif "*" not in raw:
                problems.append(warning("head_id_number", "list.head_id", translate(
                    "ListImport", "{column}: {reason} It is left out.").format(
                        column=ListField.HEAD_ID.label(), reason=checked.problems[0].message)))

    def _poverty(self, row: _Row, values: dict[str, Any], problems: list[Problem]) -> None:
        if row.has(ListField.CATEGORY):
            named = row.text(ListField.CATEGORY)
            read = read_category(named)
            if read is None or read[0] is HouseholdCategory.GENERAL:
                problems.append(warning("category", "list.category", translate(
                    "ListImport", "{column}: \u201c{value}\u201d is not 脱贫户 nor a 防止返贫监测对象 (脱贫不稳定户, "
                    "边缘易致贫户, 突发严重困难户). Left empty.").format(column=ListField.CATEGORY.label(), value=named)))
            else:
                values["category"] = read[0].value
                values["monitoring_type"] = read[1].value if read[1] else ""
        if row.has(ListField.LIFTED_YEAR):
            raw = row.text(ListField.LIFTED_YEAR).replace("年", "").replace("度", "").strip()
            year = int(float(raw)) if re.fullmatch(r"\d{4}(\.0)?", raw) else None
            if year is None or not 1980 <= year <= self.today.year:
                problems.append(warning("lifted_year", "list.lifted_year", translate(
                    "ListImport", "{column}: \u201c{value}\u201d is not a year. Left empty.").format(
                        column=ListField.LIFTED_YEAR.label(), value=row.text(ListField.LIFTED_YEAR))))
            else:
                values["lifted_year"] = year
        if row.has(ListField.IDENTIFIED_ON):
            try:
                identified = sheet_values.date(row.cells[ListField.IDENTIFIED_ON])
            except BadValue as exc:
                problems.append(warning("identified_on", "list.identified_on",
                                        f"{ListField.IDENTIFIED_ON.label()}：{exc.reason}"))
            else:
                if identified is not None:
                    values["identified_on"] = identified

    def _registry(self, row: _Row, values: dict[str, Any], problems: list[Problem]) -> None:
        if row.has(ListField.REGISTRY_NO):
            number = idnumber.normalize(row.text(ListField.REGISTRY_NO))
            values["registry_no"] = number
            if not number.startswith(_REGISTRY_FORMS):
                problems.append(warning("registry_no", "list.registry_form", translate(
                    "ListImport", "The registry number {number} is none of the national forms (G followed by the ID "
                    "number, L or J followed by a temporary number).").format(number=number)))
            elif number.startswith("G") and "id_number" not in values and not row.has(ListField.ID_NUMBER):
                checked = idnumber.check(number[1:], today=self.today)
                if checked.is_valid:  # the G form is the ID number itself
                    values["id_number"] = checked.number
                    values.setdefault("birth_date", checked.birth_date)
                    if checked.sex and "sex" not in values:
                        values["sex"] = checked.sex.value
            elif number.startswith("G") and values.get("id_number") and number[1:] != values["id_number"]:
                problems.append(warning("registry_no", "list.registry_id", translate(
                    "ListImport", "The registry number {number} does not carry the ID number of the row.").format(
                        number=number)))
        grade = " ".join(t for t in (row.text(ListField.GRADE), row.text(ListField.CLASS)) if t)
        if grade:
            values["grade_text"] = grade[:16]
        if row.has(ListField.SCHOOL):
            named = row.text(ListField.SCHOOL)
            school = self.places.school(named)
            values["school_name"] = named
            if school is None:
                problems.append(error("school_id", "list.school_unknown", translate(
                    "ListImport", "The school \u201c{school}\u201d is not one of our schools: the registry export is "
                    "compared with our own schools only.").format(school=named)))
            else:
                values["school_id"] = school
        elif self.options.school_id is not None:
            values["school_id"] = self.options.school_id
        else:
            problems.append(error("school_id", "list.school_missing", translate(
                "ListImport", "The file has no school column: choose the school the export is for.")))

    # the whole file

    def complete_households(self, rows: list[ListRow]) -> None:
        """Each member gets the head's name and the household's category from the household's other
        rows (registers write them on the head's row, or merge them down)."""
        if self.kind is ListKind.REGISTRY:
            return
        households: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for result in rows:
            values = result.planned
            if not values or result.outcome is not RowOutcome.KEPT:
                continue
            key = (result.sheet, values.get("household_no") or values.get("head_id_number") or values.get("head_name", ""))
            if key[1]:
                households.setdefault(key, []).append(values)
        for members in households.values():
            head = next((m for m in members if _is_head(m)), None)
            given = {name: next((m[name] for m in members if m.get(name)), None) for name in _HOUSEHOLD_FIELDS}
            if head is not None:
                given["head_name"] = given["head_name"] or head["name"]
                given["head_id_number"] = given["head_id_number"] or head.get("id_number")
            for values in members:
                for name, value in given.items():
                    if value and not values.get(name):
                        values[name] = value
        if self.kind is ListKind.POVERTY:
            for result in rows:
                if result.outcome is RowOutcome.KEPT and not result.planned.get("category"):
                    result.problems.append(warning("category", "list.category_missing", translate(
                        "ListImport", "The household's category (脱贫户 or a type of 防止返贫监测对象) is not given.")))

    def merge_duplicates(self, rows: list[ListRow]) -> None:
        """The same person twice (the same ID number, or the same name and birth date where neither
        row has one) is one person: the later row fills what the first left empty."""
        seen: dict[str, ListRow] = {}
        for result in rows:
            values = result.planned
            if result.outcome is not RowOutcome.KEPT:
                continue
            number = values.get("id_number")
            birth = values.get("birth_date")
            key = number or (f"{values['name']}|{birth}|{values.get('village_id')}" if birth else "")
            if not key:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = result
                continue
            for name in _MERGED_FIELDS:
                if values.get(name) and not first.planned.get(name):
                    first.planned[name] = values[name]
            result.outcome = RowOutcome.MERGED
            result.same_as_row = first.row
            result.problems.append(warning("id_number", "list.duplicate", translate(
                "ListImport", "The same person as row {row}: merged into that row.").format(row=first.row)
                if number else translate(
                "ListImport", "The same name and birth date as row {row}, neither with an ID number: merged into that "
                "row.").format(row=first.row)))


_HOUSEHOLD_FIELDS = ("head_name", "head_id_number", "category", "monitoring_type", "lifted_year", "identified_on",
                     "village_id", "group_name")


def _is_head(values: dict[str, Any]) -> bool:
    relation = values.get("relation", "")
    return relation in _HEAD_RELATIONS or bool(values.get("head_name") and values.get("name") == values["head_name"]
                                               and not relation)


_MERGED_FIELDS = ("sex", "ethnicity", "village_id", "group_name", "address", "household_no", "head_name",
                  "head_id_number", "relation", "category", "monitoring_type", "lifted_year", "identified_on",
                  "registry_no", "school_id", "school_name", "grade_text")


def _group(text_: str) -> str:
    """``3``, ``3组``, ``三组``, ``波西村3组`` → ``3组`` / ``三组``; "" when it names none."""
    raw = text_.replace(" ", "").replace("\u3000", "")
    if raw.isdigit() and len(raw) <= 2:
        return f"{int(raw)}组"
    match = _GROUP_IN_TEXT.search(raw)
    if match:
        number = match[1]
        return f"{int(number)}组" if number.isdigit() else f"{number}组"
    return ""


# --- Writing -------------------------------------------------------------------------------------------


@requires(Permission.EDIT_ROSTER)
def apply_list(session: Session, actor: Actor, plan: ListPlan, *, today: dt.date, source: str,
               received_on: dt.date, village_id: int | None, progress: Progress = NO_PROGRESS) -> ReferenceList:
    """Store the plan's people as one list, in the caller's transaction: all of them, or nothing."""
    people = plan.people
    if not people:  # an empty list would replace the one in force with nobody
        raise ValidationFailed([error("reference_list", "list.empty", translate(
            "ListImport", "No one in {name} could be kept: nothing was imported.").format(name=plan.source.path.name))])
    progress.report(0.1, translate("ListImport", "Storing {n} people…").format(n=len(people)))
    if village_id is not None:  # the village chosen for the whole list, for those the file placed nowhere
        people = [p if p.village_id is not None else replace(p, village_id=village_id) for p in people]
    stored = lists.store_list(session, actor, plan.kind, people, today=today, source=source,
                              received_on=received_on, village_id=village_id, school_year=plan.school_year,
                              file_name=plan.source.path.name, rejected=len(plan.rejected))
    progress.report(1.0, translate("ListImport", "Done."))
    return stored
