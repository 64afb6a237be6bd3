"""Importing a roster sheet: read, map the columns, check every row, preview, then write all or nothing.

The flow is a small state machine outside Qt: ``read_source`` (the file, its header rows) →
``make_plan`` (every row's outcome, nothing written) → the user looks, corrects the column mapping or
the choice for students already on the roster, and plans again → ``apply_plan`` (one transaction).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Collection
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.collection import collection_paused
from schoolaid.common.errors import Problem, SchoolAidError, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.validation import clean_name, clean_phone, error, name_problem, warning
from schoolaid.common.vocabulary import Relation
from schoolaid.documents import sheet_values
from schoolaid.documents.sheet_header import data_rows
from schoolaid.documents.sheet_values import BadValue
from schoolaid.documents.spreadsheet import UnreadableFile, read_workbook
from schoolaid.roster import households, idnumber, roster
from schoolaid.roster.categories import (
    GENERAL_WORDS,
    HouseholdCategory,
    MonitoringType,
    normalise_disability,
    read_category,
)
from schoolaid.roster.households import HouseholdForm, MemberForm
from schoolaid.roster.place_names import PlaceNames
from schoolaid.roster.roster import PreloadedLookups, StudentForm
from schoolaid.roster.roster_columns import MAX_LENGTH, Field, Header, find_header
from schoolaid.storage.models import Household, School, Student

_GROUP_IN_ADDRESS = re.compile(r"(\d{1,2})\s*[组社]")
_MONITORING_TYPES = frozenset(t.value for t in MonitoringType)


class Choice(str, enum.Enum):
    """What to do with a row whose student is already known (on the roster or earlier in the file)."""

    UPDATE = "update"
    SKIP = "skip"


class Outcome(str, enum.Enum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"  # already on the roster exactly as the sheet has it
    SKIP = "skip"
    REJECT = "reject"

    def label(self) -> str:
        return {
            Outcome.NEW: translate("RosterImport", "New"),
            Outcome.UPDATE: translate("RosterImport", "Update"),
            Outcome.UNCHANGED: translate("RosterImport", "Unchanged"),
            Outcome.SKIP: translate("RosterImport", "Skip"),
            Outcome.REJECT: translate("RosterImport", "Rejected"),
        }[self]


RowKey = tuple[str, int]  # sheet name, Excel row number


@dataclass
class ImportSource:
    path: Path
    headers: list[Header]  # one per sheet that has a roster header

    @property
    def has_school_column(self) -> bool:
        return all(Field.SCHOOL in h.mapping.values() for h in self.headers)


@dataclass
class ImportOptions:
    existing: Choice = Choice.UPDATE
    default_school_id: int | None = None  # for sheets without a school column
    decisions: dict[RowKey, Choice] = field(default_factory=dict)  # per-row answers to "already known"


@dataclass
class PlannedHousehold:
    key: tuple[str, int]  # head name, village id
    existing_id: int | None
    form: HouseholdForm | None  # for a household to create


@dataclass
class RowResult:
    sheet: str
    row: int  # as Excel numbers it
    name: str
    outcome: Outcome
    problems: list[Problem]
    values: list[Any]  # the row's cells, for sending rejected rows back
    form: StudentForm | None = None
    student_id: int | None = None  # the student updated
    household: PlannedHousehold | None = None
    known_as: str = ""  # for a student already on the roster: who, and where
    same_as_row: int | None = None  # for a student earlier in the same sheet: that row
    # The form is as ``roster.validate`` returned it (not merged with a later row's since): the write
    # need not check it again, only what the database may have changed (``roster.recheck``).
    validated: bool = field(default=False, repr=False, compare=False)

    @property
    def key(self) -> RowKey:
        return self.sheet, self.row

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def reason(self) -> str:
        chosen = self.errors if self.outcome is Outcome.REJECT else self.warnings
        return "；".join(p.message for p in chosen)

    @property
    def is_known(self) -> bool:
        """The student is already on the roster, or earlier in this file: the user may choose."""
        return bool(self.known_as) or self.same_as_row is not None


@dataclass
class ImportPlan:
    source: ImportSource
    options: ImportOptions
    rows: list[RowResult]
    households_to_create: int
    checked_on: dt.date | None = None  # the day the rows were checked (warnings about ages depend on it)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def rejected(self) -> list[RowResult]:
        return [r for r in self.rows if r.outcome is Outcome.REJECT]

    @property
    def warned(self) -> list[RowResult]:
        return [r for r in self.rows if r.outcome is not Outcome.REJECT and r.warnings]

    def summary_json(self) -> dict[str, Any]:
        def item(r: RowResult) -> dict[str, Any]:
            return {"row": r.row, "sheet": r.sheet, "name": r.name, "reason": r.reason}

        return {
            "new": self.count(Outcome.NEW),
            "updated": self.count(Outcome.UPDATE),
            "unchanged": self.count(Outcome.UNCHANGED),
            "skipped": self.count(Outcome.SKIP),
            "households_created": self.households_to_create,
            "rejected": [item(r) for r in self.rejected],
            "warnings": [item(r) for r in self.warned],
        }


# --- Reading -------------------------------------------------------------------------------------


def read_source(path: Path) -> ImportSource:
    """The file and the header of every sheet that has one. Raises ``UnreadableFile``."""
    path = Path(path)
    with collection_paused():
        sheets = read_workbook(path)
    headers = [h for h in (find_header(sheet) for sheet in sheets) if h is not None]
    if not headers:
        raise UnreadableFile(translate(
            "RosterImport", "No roster header was found in {name}: none of its sheets has a row with \u201c姓名\u201d "
            "and other column names such as 性别, 身份证号 or 年级 in its first {rows} rows.").format(
                name=path.name, rows=30))
    return ImportSource(path, headers)


def named_school(session: Session, source: ImportSource) -> tuple[int, str] | None:
    """The school a sheet without a school column names above its header — a title such as
    "仁和区平地镇中心校 2026年秋季学期 在校学生名册" or a row "填报单位：平地镇中心校" — when exactly one
    known school is named there (a name inside a longer named one counts once); its id and name."""
    schools: dict[str, int] = {name: sid for name, sid in session.execute(select(School.name, School.id))}
    found: set[str] = set()
    for header in source.headers:
        if Field.SCHOOL in header.mapping.values():
            continue
        above = "".join(sheet_values.text(value) for row in header.sheet.rows[:header.row] for value in row)
        above = re.sub(r"\s+", "", above)
        found.update(name for name in schools if name and name in above)
    found = {name for name in found if not any(name != other and name in other for other in found)}
    if len(found) != 1:
        return None
    name = found.pop()
    return schools[name], name


# --- Planning ------------------------------------------------------------------------------------


class _Places(PlaceNames):
    """Schools, villages and households, found by the names sheets use."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.households: dict[tuple[str, int], int] = {}
        self.categories: dict[int, str] = {}
        for hid, head, village_id, category in session.execute(
                select(Household.id, Household.head_name, Household.village_id, Household.category)
                .order_by(Household.id)):
            if village_id is not None:
                self.households.setdefault((head, village_id), hid)
            self.categories[hid] = category


@dataclass
class _Row:
    """One sheet row's cells by field."""

    cells: dict[Field, Any]
    # Each cell as text, worked out once: planning a row asks for the same cells a dozen times.
    texts: dict[Field, str] = field(init=False, repr=False, compare=False)
    categories: tuple[dict[str, Any] | None, list[Problem]] | None = field(default=None, init=False, repr=False,
                                                                           compare=False)

    def __post_init__(self) -> None:
        self.texts = {column: value.strip() if type(value) is str else sheet_values.text(value)
                      for column, value in self.cells.items()}

    def text(self, column: Field) -> str:
        return self.texts.get(column, "")

    def has(self, column: Field) -> bool:
        return bool(self.texts.get(column))


def read_and_plan(session: Session, path: Path, options: ImportOptions | None = None, *, today: dt.date,
                  progress: Progress = NO_PROGRESS) -> tuple[ImportSource, ImportPlan]:
    """The file read, then every row's outcome (what the import dialog shows first). A sheet without a
    school column that names one school above its header is planned for that school (the plan's options
    say so)."""
    source = read_source(path)
    options = replace(options) if options is not None else ImportOptions()
    if options.default_school_id is None and not source.has_school_column:
        named = named_school(session, source)
        options.default_school_id = named[0] if named is not None else None
    return source, make_plan(session, source, options, today=today, progress=progress)


def make_plan(session: Session, source: ImportSource, options: ImportOptions | None = None,
              *, today: dt.date, progress: Progress = NO_PROGRESS) -> ImportPlan:
    """Every row's outcome; nothing is written."""
    with collection_paused():
        return _make_plan(session, source, options, today=today, progress=progress)


def _make_plan(session: Session, source: ImportSource, options: ImportOptions | None,
               *, today: dt.date, progress: Progress) -> ImportPlan:
    options = options or ImportOptions()
    lookups = PreloadedLookups(session)
    places = _Places(session)
    by_id_number: dict[str, RowResult] = {}
    planned_households: dict[tuple[str, int], PlannedHousehold] = {}
    results: list[RowResult] = []
    total = sum(len(h.sheet.rows) - h.row - 1 for h in source.headers) or 1
    sheet_rows = [(header, index, cells) for header in source.headers for index, cells in data_rows(header)]
    forms = _KnownForms(session, _known_by_id_number(sheet_rows, lookups))
    same_person = _SamePerson(session, sheet_rows, forms)
    for done, (header, index, cells) in enumerate(sheet_rows, start=1):
        if done % 500 == 0:
            progress.report(done / total, translate("RosterImport", "Checking row {n}…").format(n=done))
        row = _Row({f: cells[c] if c < len(cells) else "" for c, f in header.mapping.items()})
        result = _plan_row(session, row, header, index, cells, options, today, lookups, places, forms, same_person)
        results.append(result)
        if result.outcome is Outcome.REJECT or result.form is None:
            continue
        _resolve_duplicate_in_file(result, row, by_id_number, options)
        if result.outcome in (Outcome.NEW, Outcome.UPDATE):
            _plan_household(result, row, places, planned_households)
    for result in results:
        if (result.outcome is Outcome.UPDATE and result.household is None and result.student_id is not None
                and result.form == roster.validate(session, forms.get(result.student_id), result.student_id,
                                                   today=today, lookups=lookups)[0]):
            result.outcome = Outcome.UNCHANGED
    used = {id(r.household) for r in results if r.household is not None
            and r.outcome in (Outcome.NEW, Outcome.UPDATE)}
    created = sum(1 for h in planned_households.values() if h.existing_id is None and id(h) in used)
    return ImportPlan(source, options, results, created, checked_on=today)


class _KnownForms:
    """The roster's forms of the students a sheet names, loaded together (a sheet already on the
    roster names thousands); any other student's is asked for alone."""

    def __init__(self, session: Session, student_ids: Collection[int]) -> None:
        self.session = session
        self.forms = roster.get_forms(session, student_ids) if student_ids else {}
        self.expected: set[int] = set()  # students the sheet may name otherwise: loaded together when one is

    def expect(self, student_ids: Collection[int]) -> None:
        self.expected.update(i for i in student_ids if i not in self.forms)

    def get(self, student_id: int) -> StudentForm:
        form = self.forms.get(student_id)
        if form is None and student_id in self.expected:
            self.forms.update(roster.get_forms(self.session, self.expected))
            self.expected.clear()
            form = self.forms.get(student_id)
        if form is None:
            form = self.forms[student_id] = roster.get_form(self.session, student_id)
        return form


def _known_by_id_number(sheet_rows: list[tuple[Header, int, list[Any]]], lookups: PreloadedLookups) -> set[int]:
    """The students on the roster whose ID numbers the rows give (a few more, never fewer, than the
    rows will be matched with: the numbers are not checked here)."""
    found: set[int] = set()
    columns: dict[int, int | None] = {}  # id(header) → its ID number column
    for header, _index, cells in sheet_rows:
        column = columns.get(id(header), -1)
        if column == -1:
            column = columns[id(header)] = next((c for c, f in header.mapping.items() if f is Field.ID_NUMBER), None)
        if column is None or column >= len(cells):
            continue
        number = sheet_values.text(cells[column])
        holder = lookups.holder_of(idnumber.normalize(number)) if number and "*" not in number else None
        if holder is not None and holder[0] > 0:
            found.add(holder[0])
    return found


def _name_in(text_: str) -> str:
    """A row's name as it is looked for on the roster (one too long is refused, and not looked for whole)."""
    return clean_name(text_[:MAX_LENGTH[Field.NAME][0] + 1])


class _SamePerson:
    """The students on the roster with a row's name and birth date, for rows without a full ID number:
    at the first such row, those of every name in the sheet are loaded together (a query a 500 names,
    not one a row)."""

    def __init__(self, session: Session, sheet_rows: list[tuple[Header, int, list[Any]]], forms: _KnownForms) -> None:
        self.session = session
        self.sheet_rows = sheet_rows
        self.forms = forms  # told of the students found, whose forms are then loaded together
        self.found: dict[tuple[str, dt.date | None], list[tuple[int, str | None]]] | None = None

    def students(self, name: str, birth: dt.date) -> list[tuple[int, str | None]]:
        """(id, ID number) of each student with this name and birth date."""
        if self.found is None:
            self.found = {}
            names = sorted({_name_in(sheet_values.text(cells[column])) for header, _index, cells in self.sheet_rows
                            for column, f in header.mapping.items() if f is Field.NAME and column < len(cells)})
            for start in range(0, len(names), 500):
                for sid, student_name, born, number in self.session.execute(
                        select(Student.id, Student.name, Student.birth_date, Student.id_number)
                        .where(Student.name.in_(names[start:start + 500])).order_by(Student.id)):
                    self.found.setdefault((student_name, born), []).append((sid, number))
            self.forms.expect([sid for matches in self.found.values() for sid, _number in matches])
        return self.found.get((name, birth), [])

    def without_id(self, name: str, birth: dt.date) -> int | None:
        """A student with the same name and birth date, when the sheet gives no ID number to match."""
        matches = self.students(name, birth)
        return matches[0][0] if len(matches) == 1 else None

    def masked(self, name: str, birth: dt.date, masked: str) -> int | None:
        """The one student with this name and birth date whose ID number shows the masked number's digits."""
        matches = [sid for sid, number in self.students(name, birth) if number and masked_matches(masked, number)]
        return matches[0] if len(matches) == 1 else None


def _plan_row(session: Session, row: _Row, header: Header, index: int, cells: list[Any], options: ImportOptions,
              today: dt.date, lookups: PreloadedLookups, places: _Places, forms: _KnownForms,
              same_person: _SamePerson) -> RowResult:
    sheet = header.sheet.name
    name = _name_in(row.text(Field.NAME))
    # An Excel cell holds at most 32,767 characters: the rejected-rows file must be able to carry the row back.
    kept = [c[:32_000] if isinstance(c, str) and len(c) > 32_000 else c for c in cells]
    result = RowResult(sheet, index + 1, name, Outcome.NEW, [], kept)
    parsed = _parse(row, today)
    result.problems.extend(parsed.problems)

    school_id = options.default_school_id
    if row.has(Field.SCHOOL):
        school_id = places.school(row.text(Field.SCHOOL))
        if school_id is None:
            result.problems.append(error("school_id", "import.school_unknown", translate(
                "RosterImport", "The school \u201c{school}\u201d is not on the list of schools: add it under "
                "Settings → Schools and villages, or correct the sheet.").format(school=row.text(Field.SCHOOL))))
    elif school_id is None:
        result.problems.append(error("school_id", "import.school_missing", translate(
            "RosterImport", "The sheet has no school column: choose the school the sheet is for.")))

    existing_id = None
    number = parsed.values.get("id_number", "")
    if number and idnumber.check(number, today=today).is_valid:
        holder = lookups.holder_of(idnumber.normalize(number))
        if holder is not None and holder[0] > 0:
            existing_id = holder[0]
            result.known_as = translate("RosterImport", "{name}, {school}, already on the roster").format(
                name=holder[1], school=holder[2])
    elif parsed.masked_id:
        # A sheet exported with hidden digits and filled in by class teachers comes back: the name, the
        # birth date and the digits shown pick out the student, whose number is kept as it is.
        birth = parsed.values.get("birth_date")
        existing_id = same_person.masked(name, birth, parsed.masked_id) if name and birth else None
        if existing_id is None:
            result.problems.append(error("id_number", "import.id_number_masked", f"{Field.ID_NUMBER.label()}：" + (
                translate("RosterImport", "the ID number is masked ({value}) and no single student on the roster has "
                          "this name, birth date and these digits: write the full number.")
                .format(value=parsed.masked_id))))
        else:
            result.known_as = translate(
                "RosterImport", "{name}, born {date}, ID number {masked}: already on the roster (found by name, "
                "birth date and the digits shown; the ID number is left as it is)").format(
                    name=name, date=birth.isoformat(), masked=parsed.masked_id)  # type: ignore[union-attr]
    elif not number and name and "birth_date" in parsed.values:
        existing_id = same_person.without_id(name, parsed.values["birth_date"])
        if existing_id is not None:
            result.known_as = translate("RosterImport", "{name}, born {date}, already on the roster").format(
                name=name, date=parsed.values["birth_date"].isoformat())

    if existing_id is not None:
        choice = options.decisions.get(result.key, options.existing)
        result.student_id = existing_id
        if choice is Choice.SKIP:
            result.outcome = Outcome.SKIP
            return result
        result.outcome = Outcome.UPDATE
        base = forms.get(existing_id)
    else:
        base = _BLANK_FORM
    form = roster.with_values(base, **parsed.values if parsed.values.keys() <= _FORM_FIELD_NAMES else {
        k: v for k, v in parsed.values.items() if k in _FORM_FIELD_NAMES})
    if parsed.masked_registry_no and not masked_matches(parsed.masked_registry_no, base.registry_no or ""):
        result.problems.append(warning("registry_no", "import.registry_no_masked", f"{Field.REGISTRY_NO.label()}：" + (
            translate("RosterImport", "digits are hidden ({value}); not imported, the roster's number is kept.")
            .format(value=parsed.masked_registry_no))))
    if school_id is not None and (row.has(Field.SCHOOL) or existing_id is None):
        form.school_id = school_id
    if form.sex not in ("男", "女") and form.id_number:
        check = idnumber.check(form.id_number, today=today)
        if check.sex is not None:
            form.sex = check.sex.value
    result.form = form

    if not result.errors:
        form, problems = roster.validate(session, form, existing_id, today=today, lookups=lookups)
        result.form = form
        result.validated = True
        result.problems.extend(p for p in problems if p.code != "school.missing" or not any(
            q.field == "school_id" for q in result.problems))
    if result.errors:
        result.outcome = Outcome.REJECT
    return result


_FORM_FIELD_NAMES = frozenset(f.name for f in fields(StudentForm))
# A new student's form before the sheet's values, copied for every row (``with_values`` copies).
_BLANK_FORM = StudentForm(entry_date=None)


@dataclass
class _Parsed:
    values: dict[str, Any]
    problems: list[Problem]
    masked_id: str = ""  # an ID number with digits hidden (our own export's 5104**********1234)
    masked_registry_no: str = ""  # a 学籍号 with digits hidden, likewise


_PARSERS = {
    Field.SEX: ("sex", sheet_values.sex),
    Field.BIRTH_DATE: ("birth_date", sheet_values.date),
    Field.ENTRY_DATE: ("entry_date", sheet_values.date),
    Field.ETHNICITY: ("ethnicity", sheet_values.ethnicity),
}
_YES_NO_FIELDS = ((Field.LEFT_BEHIND, "left_behind"), (Field.BOARDER, "boarder"), (Field.ORPHAN, "orphan"),
                  (Field.UNSUPPORTED, "unsupported"), (Field.PARENT_DISABLED, "parent_disabled"),
                  (Field.MARTYR_CHILD, "martyr_child"), (Field.IN_DIFFICULTY, "in_difficulty"))


def _parse(row: _Row, today: dt.date) -> _Parsed:
    """The row's cells as form values; a cell that cannot be read is an error on its field."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []

    def bad(column: Field, reason: str) -> None:
        problems.append(error(column.value, f"import.{column.value}", f"{column.label()}：{reason}"))

    def doubtful(column: Field, reason: str) -> None:
        problems.append(warning(column.value, f"import.{column.value}", f"{column.label()}：{reason}"))

    too_long = set()
    for column, cell_text in row.texts.items():
        limit = MAX_LENGTH[column][0]
        length = len(cell_text)
        if length > limit:
            too_long.add(column)
            bad(column, translate("RosterImport", "{length} characters is too long (at most {limit}).").format(
                length=length, limit=limit))
    if too_long:
        return _Parsed(values, problems)  # nothing in a row this wrong is worth reading further
    if row.has(Field.NAME):
        values["name"] = clean_name(row.text(Field.NAME))
    else:
        problems.append(error("name", "name.missing", translate("RosterImport", "The name is empty.")))
    raw_id = row.cells.get(Field.ID_NUMBER, "")
    masked_id = ""
    if row.has(Field.ID_NUMBER):
        id_text = sheet_values.text(raw_id)
        if "*" in id_text:
            masked_id = id_text.upper()  # it may still name a student on the roster (``_plan_row``)
        else:
            values["id_number"] = id_text
    for column, (key, parser) in _PARSERS.items():
        if row.has(column):
            try:
                value = parser(row.cells[column])
            except BadValue as exc:
                bad(column, exc.reason)
                continue
            if value is not None:
                values[key] = value
    for column, key in _YES_NO_FIELDS:
        if column in row.cells:
            # A blank in a yes/no column is a no; an unreadable mark is a no the user is told about.
            try:
                values[key] = sheet_values.yes_no(row.cells[column])
            except BadValue as exc:
                values[key] = False
                doubtful(column, exc.reason + translate("RosterImport", " Recorded as no."))
    grade = None
    try:
        grade = sheet_values.grade(row.cells.get(Field.GRADE, ""), today) if row.has(Field.GRADE) else None
    except BadValue as exc:
        bad(Field.GRADE, exc.reason)
    if row.has(Field.CLASS):
        values["class_name"] = sheet_values.class_name(row.cells[Field.CLASS])
        grade = grade or sheet_values.grade_in_class(row.cells[Field.CLASS], today)
    if grade is not None:
        values["stage"], values["grade"] = grade[0].value, grade[1]
    elif not row.has(Field.GRADE) and not any(p.field == "grade" for p in problems):
        problems.append(error("grade", "import.grade_missing", translate(
            "RosterImport", "The grade is missing (no 年级 column, and the class does not name one).")))
    masked_registry_no = ""
    if row.has(Field.REGISTRY_NO):
        registry_no = sheet_values.text(row.cells[Field.REGISTRY_NO]).upper()
        if "*" in registry_no:
            masked_registry_no = registry_no  # the roster's number stays (``_plan_row``)
        else:
            values["registry_no"] = registry_no
    guardian = row.text(Field.GUARDIAN) or row.text(Field.HEAD)
    if guardian:
        values["guardian_name"] = clean_name(guardian)
    if row.has(Field.GUARDIAN_RELATION):
        values["guardian_relation"] = row.text(Field.GUARDIAN_RELATION)
    if row.has(Field.PHONE):
        values["guardian_phone"] = clean_phone(row.text(Field.PHONE))
    if row.has(Field.DISABILITY):
        disability = row.text(Field.DISABILITY)
        values["disability_category"] = normalise_disability(disability)
    if row.has(Field.DISABILITY_GRADE):
        grade_text = row.text(Field.DISABILITY_GRADE)
        values["disability_grade"] = disability_grade(grade_text)
    if row.has(Field.DISABILITY_CERTIFICATE):
        values["disability_certificate"] = row.text(Field.DISABILITY_CERTIFICATE)
    if row.has(Field.NOTES):
        values["notes"] = row.text(Field.NOTES)
    problems.extend(_household_categories(row)[1])
    return _Parsed(values, problems, masked_id, masked_registry_no)


def _household_categories(row: _Row) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The household's categories as the sheet gives them (None when it gives none), and the warnings
    about cells that could not be read. 家庭类别 names the category (or a monitoring type); 是否监测对象
    yes makes it a 监测对象, 是否脱贫户 (是否建档立卡) yes a 脱贫户 unless it is a 监测对象."""
    if row.categories is None:  # asked when the row is read and again when its household is planned
        row.categories = _read_household_categories(row)
    values, problems = row.categories
    return (dict(values) if values is not None else None), list(problems)


_CATEGORY_COLUMNS = (Field.HOUSEHOLD_CATEGORY, Field.LIFTED, Field.LIFTED_YEAR, Field.MONITORED,
                     Field.MONITORING_TYPE, Field.DIBAO, Field.TEKUN)


def _read_household_categories(row: _Row) -> tuple[dict[str, Any] | None, list[Problem]]:
    problems: list[Problem] = []
    if not any(map(row.texts.get, _CATEGORY_COLUMNS)):
        return None, problems

    def doubtful(column: Field, reason: str) -> None:
        problems.append(warning(column.value, f"import.{column.value}", f"{column.label()}：{reason}"))

    def yes(column: Field) -> bool:
        if not row.has(column):
            return False
        try:
            return sheet_values.yes_no(row.cells[column])
        except BadValue as exc:
            doubtful(column, exc.reason + translate("RosterImport", " Recorded as no."))
            return False

    monitoring_type = ""
    named = row.text(Field.HOUSEHOLD_CATEGORY).replace(" ", "")
    category = HouseholdCategory.GENERAL.value
    if named:
        read = read_category(named)
        if read is not None:
            category, monitoring_type = read[0].value, read[1].value if read[1] else ""
        else:
            doubtful(Field.HOUSEHOLD_CATEGORY, translate(
                "RosterImport", "“{value}” is not a household category (write 一般户, 脱贫户 or "
                "防止返贫监测对象). Recorded as 一般户.").format(value=named))
    if yes(Field.MONITORED):
        category = HouseholdCategory.MONITORED.value
    elif yes(Field.LIFTED) and category == HouseholdCategory.GENERAL.value:
        category = HouseholdCategory.LIFTED.value
    if row.has(Field.MONITORING_TYPE):
        typed = row.text(Field.MONITORING_TYPE).replace(" ", "")
        if typed in _MONITORING_TYPES:
            monitoring_type = typed
        elif typed not in GENERAL_WORDS:
            doubtful(Field.MONITORING_TYPE, translate(
                "RosterImport", "“{value}” is not a monitoring type (脱贫不稳定户, 边缘易致贫户, "
                "突发严重困难户). Left empty.").format(value=typed))
    if monitoring_type and category != HouseholdCategory.MONITORED.value:
        category = HouseholdCategory.MONITORED.value
    lifted_year = None
    if row.has(Field.LIFTED_YEAR):
        year_text = row.text(Field.LIFTED_YEAR).replace("年", "").strip()
        try:
            lifted_year = int(float(year_text))
        except ValueError:
            doubtful(Field.LIFTED_YEAR, translate("RosterImport", "“{value}” is not a year. Left empty.")
                     .format(value=row.text(Field.LIFTED_YEAR)))
    if category == HouseholdCategory.GENERAL.value:
        lifted_year = None
    values = {"category": category, "lifted_year": lifted_year, "monitoring_type": monitoring_type,
              "dibao": yes(Field.DIBAO), "tekun": yes(Field.TEKUN)}
    return values, problems


_GRADES = {"1": "一级", "2": "二级", "3": "三级", "4": "四级", "一": "一级", "二": "二级", "三": "三级", "四": "四级"}


def disability_grade(text_: str) -> str:
    """一级 … 四级 as sheets write them: 1级, 一, 1, 三级残疾 …; blank or 无 → ""; other text kept (refused
    by the roster's validation, saying so)."""
    value = text_.strip().replace("残疾", "")
    if value in ("", "无", "否", "/", "-"):
        return ""
    key = value.removesuffix("级").removesuffix(".0")
    return _GRADES.get(key, value)


def masked_matches(masked: str, number: str) -> bool:
    """Whether a number with hidden digits (``*``) shows the digits of ``number`` where it shows any."""
    return len(masked) == len(number) and all(m == "*" or m == n for m, n in zip(masked, number.upper(), strict=True))


def _resolve_duplicate_in_file(result: RowResult, row: _Row, seen: dict[str, RowResult],
                               options: ImportOptions) -> None:
    assert result.form is not None
    number = result.form.id_number
    if not number:
        return
    first = seen.get(number)
    if first is None:
        seen[number] = result
        return
    result.same_as_row = first.row
    choice = options.decisions.get(result.key, options.existing)
    if choice is Choice.UPDATE and first.outcome in (Outcome.NEW, Outcome.UPDATE) and first.form is not None:
        # The later row's values win: it is usually the corrected copy.
        first.form = replace(first.form, **{k: getattr(result.form, k) for k in _FORM_FIELD_NAMES
                                            if k in _provided_fields(row)})
        first.validated = False
        # The warnings of the merged values now belong to the first row, which carries them in.
        first.problems.extend(p for p in result.warnings if p.code not in {q.code for q in first.problems})
        result.problems.append(warning("id_number", "import.duplicate_merged", translate(
            "RosterImport", "Same ID number as row {row}: this row's values were applied to that student.").format(
                row=first.row)))
    else:
        result.problems.append(warning("id_number", "import.duplicate_skipped", translate(
            "RosterImport", "Same ID number as row {row}: this row was skipped.").format(row=first.row)))
    result.outcome = Outcome.SKIP


def _provided_fields(row: _Row) -> set[str]:
    names = {column.value for column in row.cells if row.has(column)}
    if row.has(Field.GRADE) or row.has(Field.CLASS):
        names |= {"stage", "grade"}
    if row.has(Field.HEAD):
        names.add("guardian_name")
    return names


def _plan_household(result: RowResult, row: _Row, places: _Places,
                    planned: dict[tuple[str, int], PlannedHousehold]) -> None:
    """Match the household by head and village, or plan a new one; say why when neither is possible."""
    assert result.form is not None
    categories, _problems = _household_categories(row)
    registered = categories is not None and categories["category"] != HouseholdCategory.GENERAL.value
    if result.outcome is Outcome.UPDATE and result.form.household_id is not None:
        return  # already in a household: the import does not move families around
    head = clean_name(row.text(Field.HEAD) or row.text(Field.GUARDIAN))
    if head and (reason := name_problem(head)):
        result.problems.append(error("household_id", "import.head_name", f"{Field.HEAD.label()}：{reason}"))
        result.outcome = Outcome.REJECT
        return
    village_id = places.village(row.text(Field.VILLAGE)) or places.village(row.text(Field.ADDRESS))
    if not head or village_id is None:
        if registered or head:
            result.problems.append(warning("household_id", "import.no_household", translate(
                "RosterImport", "The household was not recorded: the sheet gives no {missing}. The household "
                "category needs a household; add it in the student's dialog.").format(
                    missing=translate("RosterImport", "guardian") if not head else translate(
                        "RosterImport", "village that is on the list"))))
        return
    key = (head, village_id)
    plan = planned.get(key)
    if plan is None:
        existing = places.households.get(key)
        if existing is not None:
            plan = PlannedHousehold(key, existing, None)
            recorded = places.categories.get(existing, HouseholdCategory.GENERAL.value)
            if categories is not None and categories["category"] != recorded:
                result.problems.append(warning("household_id", "import.household_category", translate(
                    "RosterImport", "The sheet says {sheet}, but the household of {head} on the roster is {recorded}: "
                    "the import leaves the household as it is; check, and change it in the household "
                    "dialog.").format(sheet=categories["category"], head=head, recorded=recorded)))
        else:
            address = row.text(Field.ADDRESS)
            group = _GROUP_IN_ADDRESS.search(address)
            plan = PlannedHousehold(key, None, HouseholdForm(
                head_name=head, village_id=village_id, group_name=f"{group[1]}组" if group else "",
                address=address, phone=clean_phone(row.text(Field.PHONE)),
                members=[MemberForm(name=head, relation=Relation.HEAD.value, is_main_labourer=True)],
                **(categories or {})))
        planned[key] = plan
    elif plan.form is not None and categories is not None and registered \
            and plan.form.category == HouseholdCategory.GENERAL.value:
        # A brother's row gives the category his sister's row left out.
        for name, value in categories.items():
            setattr(plan.form, name, value)
    result.household = plan


# --- Writing -------------------------------------------------------------------------------------


class PreviewOutdated(SchoolAidError):
    """The roster changed between the preview and the import."""


@dataclass
class ImportResult:
    new: int
    updated: int
    households_created: int


@requires(Permission.EDIT_ROSTER)
def apply_plan(session: Session, actor: Actor, plan: ImportPlan, progress: Progress = NO_PROGRESS, *,
               today: dt.date) -> ImportResult:
    """Write the plan in the caller's transaction: all accepted rows, or nothing."""
    with collection_paused():
        return _apply_plan(session, actor, plan, progress, today=today)


def _apply_plan(session: Session, actor: Actor, plan: ImportPlan, progress: Progress, *,
                today: dt.date) -> ImportResult:
    lookups = PreloadedLookups(session)
    accepted = [r for r in plan.rows if r.outcome in (Outcome.NEW, Outcome.UPDATE) and r.form is not None]
    household_ids: dict[int, int] = {}  # id(PlannedHousehold) → household id
    to_create: list[PlannedHousehold] = []
    for result in accepted:
        planned = result.household
        if planned is None or id(planned) in household_ids:
            continue
        if planned.existing_id is not None:
            household_ids[id(planned)] = planned.existing_id
        else:
            household_ids[id(planned)] = -1
            to_create.append(planned)
    progress.report(0.05, translate("RosterImport", "Creating households…"))
    made = households.create_households(session, actor, [(p.form, _HOUSEHOLD_WARNINGS) for p in to_create
                                                         if p.form is not None], today=today)
    for planned, household_id in zip(to_create, made, strict=True):
        household_ids[id(planned)] = household_id
        lookups.add_household(household_id)
    created = len(made)

    def form_of(result: RowResult) -> StudentForm:
        assert result.form is not None
        if result.household is not None and result.form.household_id is None:
            # A copy: the plan stays as previewed.
            return roster.with_values(result.form, household_id=household_ids[id(result.household)])
        return result.form

    def confirmed(result: RowResult) -> Collection[str]:
        return {p.code for p in result.warnings}

    same_day = plan.checked_on == today
    try:
        new_rows = [r for r in accepted if r.outcome is Outcome.NEW]
        for start in range(0, len(new_rows), 500):
            chunk = new_rows[start:start + 500]
            roster.add_students(session, actor, [(form_of(r), confirmed(r)) for r in chunk], lookups=lookups,
                                validated=[same_day and r.validated for r in chunk], today=today)
            progress.report(0.3 + 0.5 * (start + len(chunk)) / max(len(new_rows), 1),
                            translate("RosterImport", "Adding students: {n} of {total}…").format(
                                n=start + len(chunk), total=len(new_rows)))
        updates = [r for r in accepted if r.outcome is Outcome.UPDATE]
        # Load the students to update in one query; the service then finds them in the session (which
        # holds them only while something else does: hence the list).
        ids = [r.student_id for r in updates if r.student_id is not None]
        loaded: list[Student] = []
        for start in range(0, len(ids), 500):
            loaded.extend(session.scalars(select(Student).where(Student.id.in_(ids[start:start + 500]))))
        for start in range(0, len(updates), 200):
            progress.report(0.8 + 0.2 * start / len(updates), translate(
                "RosterImport", "Updating students: {n} of {total}…").format(n=start, total=len(updates)))
            roster.update_students(session, actor, [(r.student_id, form_of(r), confirmed(r))
                                                    for r in updates[start:start + 200] if r.student_id is not None],
                                   lookups=lookups, today=today)
    except ValidationFailed as failure:
        raise PreviewOutdated(translate(
            "RosterImport", "The roster changed since the preview ({detail}). Nothing was imported: preview the "
            "file again.").format(detail=failure.message)) from failure
    session.flush()
    progress.report(1.0, translate("RosterImport", "Done."))
    return ImportResult(new=len([r for r in accepted if r.outcome is Outcome.NEW]),
                        updated=len([r for r in accepted if r.outcome is Outcome.UPDATE]), households_created=created)


# A household made from a sheet may lack a card number or use a mobile written oddly: the student
# row already carries those warnings; the household should not fail the import for them.
# Confirmed for the households an import creates: a 脱贫户 without its year or a 监测对象 without the
# date identified keeps its category (the sheet rarely gives them); the dialog asks for them later.
_HOUSEHOLD_WARNINGS = frozenset({"phone.format", "category.identified_missing", "category.lifted_year_missing"})


def save_rejected(plan: ImportPlan, path: Path) -> int:
    """The rejected rows, as they were typed, with their row number and the reason, in an .xlsx to
    send back to whoever typed them. Returns the number of rows written."""
    from schoolaid.documents.workbook import BOLD, cell, new_workbook, save

    workbook = new_workbook()
    written = 0
    for header in plan.source.headers:
        rejected = [r for r in plan.rejected if r.sheet == header.sheet.name]
        if not rejected:
            continue
        sheet = workbook.create_sheet(header.sheet.name[:31])
        sheet.append([f"{plan.source.path.name}：以下 {len(rejected)} 行未能导入，请按“问题”一栏改正后重新提交"])
        titles = ["原表行号", "问题", *header.labels]
        sheet.append([cell(sheet, title, font=BOLD) for title in titles])
        for result in rejected:
            cells = [sheet_values.text(v) if isinstance(v, float) and v > 1e10 else v for v in result.values]
            # Long digit strings stay text, as typed.
            row: list[Any] = [result.row, result.reason, *(
                cell(sheet, value, text=isinstance(value, str) and value.isdigit()) for value in cells)]
            sheet.append(row)
            written += 1
        sheet.column_dimensions["B"].width = 50
    if written == 0:
        workbook.create_sheet("无").append(["没有被拒绝的行。"])
    save(workbook, path)
    return written
