"""The student roster (学生花名册): adding and editing students, status changes, and search.

Search and sort run in SQL and return ids only; rows are fetched in small batches for what is on
screen, so the roster stays quick at county scale (100,000 students).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Date,
    DateTime,
    Select,
    SQLColumnExpression,
    String,
    and_,
    bindparam,
    case,
    false,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotAllowed, NotFound, Problem, ValidationFailed
from schoolaid.common.grades import Grade, Stage, age_on, grade_label, grade_name_zh, is_valid_grade
from schoolaid.common.i18n import translate
from schoolaid.common.release import release
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.common.validation import (
    clean_name,
    clean_phone,
    error,
    looks_like_phone,
    name_problem,
    raise_unconfirmed,
    warning,
)
from schoolaid.common.vocabulary import Relation, Sex
from schoolaid.roster import enrollment_approvals, idnumber, transfers
from schoolaid.roster.categories import (
    DISABILITY_CATEGORIES,
    DISABILITY_GRADES,
    HouseholdCategory,
    normalise_disability,
)
from schoolaid.roster.enrollment import (
    LEAVING_STATUSES,
    EnrollmentStatus,
    allowed_changes,
    change_needs_reason,
)
from schoolaid.roster.pinyin_search import search_keys
from schoolaid.roster.search_index import write_search_keys
from schoolaid.storage.database import fetch_ids, insert_rows, raw_rows, reserve_ids
from schoolaid.storage.models import (
    DisabilityRecord,
    Household,
    School,
    StatusChange,
    Student,
    StudentSearchKey,
    Village,
    utcnow,
)

ENTITY = "student"
# Columns kept out of the audit snapshot: derived from others, or bookkeeping.
_NOT_AUDITED = {"name_pinyin", "name_initials", "created_at", "updated_at"}


@dataclass
class StudentForm:
    """Everything the add/edit dialog edits. Status is changed separately (``change_status``)."""

    name: str = ""
    sex: str = Sex.MALE.value
    ethnicity: str = "汉族"
    birth_date: dt.date | None = None
    id_number: str = ""
    registry_no: str = ""
    school_id: int | None = None
    stage: str = Stage.PRIMARY.value
    grade: int = 1
    class_name: str = ""
    household_id: int | None = None
    relation_to_head: str = Relation.CHILD.value
    guardian_name: str = ""
    guardian_relation: str = ""
    guardian_phone: str = ""
    left_behind: bool = False
    boarder: bool = False
    disability_category: str = ""  # "" or one of categories.DISABILITY_CATEGORIES
    disability_grade: str = ""
    disability_certificate: str = ""
    orphan: bool = False
    unsupported: bool = False
    parent_disabled: bool = False
    martyr_child: bool = False
    in_difficulty: bool = False
    entry_date: dt.date | None = None
    notes: str = ""


_FORM_FIELDS = [f.name for f in fields(StudentForm)]
_SEXES = frozenset(s.value for s in Sex)


def with_values(form: StudentForm, **values: Any) -> StudentForm:
    """``dataclasses.replace`` for a form, several times quicker: an import makes a few per row.
    StudentForm has no ``__post_init__``, so a copy of its fields is all ``replace`` would do."""
    copied = object.__new__(type(form))
    copied.__dict__.update(form.__dict__)
    unknown = values.keys() - form.__dict__.keys()
    if unknown:
        raise TypeError(f"{type(form).__name__} has no field {sorted(unknown)[0]}")
    copied.__dict__.update(values)
    return copied


def _normalized(form: StudentForm) -> StudentForm:
    return with_values(
        form,
        name=clean_name(form.name),
        id_number=idnumber.normalize(form.id_number),
        registry_no=form.registry_no.strip().upper(),
        class_name=form.class_name.strip(),
        guardian_name=clean_name(form.guardian_name),
        guardian_relation=form.guardian_relation.strip(),
        guardian_phone=clean_phone(form.guardian_phone),
        ethnicity=form.ethnicity.strip(),
        disability_category=normalise_disability(form.disability_category),
        disability_grade=form.disability_grade.strip(),
        disability_certificate=form.disability_certificate.strip().upper(),
        notes=form.notes.strip(),
    )


class Lookups:
    """What validation asks of the database, one question at a time (for a form)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def school_exists(self, school_id: int) -> bool:
        return self.session.get(School, school_id) is not None

    def household_exists(self, household_id: int) -> bool:
        return self.session.get(Household, household_id) is not None

    def holder_of(self, id_number: str) -> tuple[int, str, str] | None:
        """(student id, name, school) of the student with this ID number, if any."""
        row = self.session.execute(select(Student.id, Student.name, School.name)
                                   .join(School, Student.school_id == School.id)
                                   .where(Student.id_number == id_number)).first()
        return (row[0], row[1], row[2]) if row else None


class PreloadedLookups(Lookups):
    """The same answers from a few queries made once, for validating thousands of rows (an import)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._schools = set(session.scalars(select(School.id)))
        self._households = set(session.scalars(select(Household.id)))
        self._holders = {number: (sid, name, school) for sid, name, school, number in session.execute(
            select(Student.id, Student.name, School.name, Student.id_number)
            .join(School, Student.school_id == School.id).where(Student.id_number.is_not(None)))}

    def school_exists(self, school_id: int) -> bool:
        return school_id in self._schools

    def household_exists(self, household_id: int) -> bool:
        return household_id in self._households

    def holder_of(self, id_number: str) -> tuple[int, str, str] | None:
        return self._holders.get(id_number)

    def add_household(self, household_id: int) -> None:
        self._households.add(household_id)

    def reserve(self, id_number: str, name: str) -> None:
        """An ID number taken by a student added in this transaction (not yet flushed)."""
        self._holders.setdefault(id_number, (-1, name, ""))


def validate(session: Session, form: StudentForm, student_id: int | None = None,
             *, today: dt.date, lookups: Lookups | None = None) -> tuple[StudentForm, list[Problem]]:
    """Clean the form and list every problem with it (errors and warnings)."""
    lookups = lookups or Lookups(session)
    form = _normalized(form)
    problems: list[Problem] = []
    if not form.name:
        problems.append(error("name", "name.missing", translate("Roster", "Enter the student's name.")))
    elif reason := name_problem(form.name):
        problems.append(error("name", "name.invalid", reason))
    if form.guardian_name and (reason := name_problem(form.guardian_name)):
        problems.append(error("guardian_name", "guardian_name.invalid", translate(
            "Roster", "Guardian: {reason}").format(reason=reason)))
    if form.sex not in _SEXES:
        problems.append(error("sex", "sex.invalid", translate("Roster", "Choose the student's sex.")))

    check = idnumber.check(form.id_number, today=today)
    problems.extend(check.problems)
    if not form.id_number:
        problems.append(warning("id_number", "id.missing", translate(
            "Roster", "No ID number: the student cannot be matched with the registry or the poverty office's list.")))
    elif check.is_valid:
        form.id_number = check.number
        if form.birth_date is None:
            form.birth_date = check.birth_date
        problems.extend(idnumber.check_against(check, form.birth_date, form.sex if form.sex in {"男", "女"} else None))
        problems.extend(_holder_problems(lookups, check.number, student_id))

    if form.birth_date is None:
        problems.append(error("birth_date", "birth_date.missing", translate("Roster", "Enter the birth date.")))
    elif form.birth_date > today:
        problems.append(error("birth_date", "birth_date.future", translate("Roster", "The birth date is in the future.")))

    problems.extend(_school_problems(lookups, form))
    if not is_valid_grade(form.stage, form.grade):
        problems.append(error("grade", "grade.invalid", translate("Roster", "Choose the grade.")))
    elif form.birth_date is not None and form.birth_date <= today:
        # Ages for a grade are reckoned on the school year's reference day (31 August before it).
        if abs(age_on(form.birth_date, _age_reference_day(today)) - _entry_age(form.stage, form.grade)) > 3:
            age = age_on(form.birth_date, today)
            problems.append(warning("birth_date", "age.grade", translate(
                "Roster", "A {age}-year-old in {grade} is unusual: check the birth date and the grade.").format(
                    age=age, grade=grade_label(form.stage, form.grade))))

    problems.extend(_household_problems(lookups, form))
    if form.guardian_phone and not looks_like_phone(form.guardian_phone):
        problems.append(warning("guardian_phone", "phone.format", translate(
            "Roster", "The phone number {phone} does not look like a mobile (11 digits) or a landline.").format(
                phone=form.guardian_phone)))
    if form.entry_date and form.birth_date and form.entry_date < form.birth_date:
        problems.append(error("entry_date", "entry_date.before_birth", translate(
            "Roster", "The entry date is before the birth date.")))
    problems.extend(_disability_problems(form))
    return form, problems


@lru_cache(maxsize=64)  # the same few answers for every row of an import
def _entry_age(stage: str, grade: int) -> int:
    return Grade(Stage(stage), grade).entry_age()


@lru_cache(maxsize=16)
def _age_reference_day(today: dt.date) -> dt.date:
    return SchoolYear.containing(today).age_reference_day


def _holder_problems(lookups: Lookups, id_number: str, student_id: int | None) -> list[Problem]:
    other = lookups.holder_of(id_number)
    if other is None or other[0] == student_id:
        return []
    return [error("id_number", "id.duplicate", translate(
        "Roster", "This ID number already belongs to {name} ({school}). A student is recorded only once: "
        "edit that record instead.").format(name=other[1], school=other[2]))]


def _school_problems(lookups: Lookups, form: StudentForm) -> list[Problem]:
    if form.school_id is None or not lookups.school_exists(form.school_id):
        return [error("school_id", "school.missing", translate("Roster", "Choose the school."))]
    return []


def _household_problems(lookups: Lookups, form: StudentForm) -> list[Problem]:
    if form.household_id is not None and not lookups.household_exists(form.household_id):
        return [error("household_id", "household.missing", translate("Roster", "The household no longer exists."))]
    return []


def recheck(form: StudentForm, student_id: int | None = None, *, lookups: Lookups,
            today: dt.date) -> list[Problem]:
    """The problems of a form that ``validate`` has already cleaned and checked on ``today`` which
    depend on what the database holds: the only ones that can have changed since (an import writes
    what its preview checked without checking every row twice). Same codes, messages and order as
    ``validate``'s."""
    problems: list[Problem] = []
    if form.id_number and lookups.holder_of(form.id_number) is not None \
            and idnumber.check(form.id_number, today=today).is_valid:
        problems.extend(_holder_problems(lookups, form.id_number, student_id))
    problems.extend(_school_problems(lookups, form))
    problems.extend(_household_problems(lookups, form))
    return problems


def _disability_problems(form: StudentForm) -> list[Problem]:
    problems: list[Problem] = []
    if form.disability_category and form.disability_category not in DISABILITY_CATEGORIES:
        problems.append(error("disability_category", "disability.category", translate(
            "Roster", "Disability category {value} is not one of 视力, 听力, 言语, 肢体, 智力, 精神, 多重: choose "
            "one from the list.").format(value=form.disability_category)))
    if form.disability_grade and form.disability_grade not in DISABILITY_GRADES:
        problems.append(error("disability_grade", "disability.grade", translate(
            "Roster", "Disability grade {value} is not one of 一级, 二级, 三级, 四级.").format(value=form.disability_grade)))
    if not form.disability_category and (form.disability_grade or form.disability_certificate):
        problems.append(error("disability_category", "disability.missing", translate(
            "Roster", "A disability grade or certificate is entered without the disability category: choose the "
            "category, or clear the grade and certificate.")))
    return problems


_AUDITED_COLUMNS = [c.key for c in Student.__table__.columns if c.key not in _NOT_AUDITED]


def _student_snapshot(student: Student) -> dict[str, object]:
    return audit.snapshot(student, _AUDITED_COLUMNS)


def _column_values(form: StudentForm) -> dict[str, object]:
    """The student's columns that a form sets, search keys included."""
    values: dict[str, object] = {name: getattr(form, name) for name in _FORM_FIELDS}
    values["id_number"] = form.id_number or None
    values["name_pinyin"], values["name_initials"] = search_keys(form.name)
    return values


def _apply(student: Student, form: StudentForm) -> None:
    for name, value in _column_values(form).items():
        setattr(student, name, value)


@requires(Permission.EDIT_ROSTER)
def add_student(session: Session, actor: Actor, form: StudentForm, *, confirmed: Collection[str] = (),
                status: EnrollmentStatus = EnrollmentStatus.ENROLLED, today: dt.date) -> int:
    """Add a student. Warnings whose codes are not in ``confirmed`` refuse the save."""
    return add_students(session, actor, [(form, confirmed)], status=status, today=today)[0]


@requires(Permission.EDIT_ROSTER)
def add_students(session: Session, actor: Actor, forms: Sequence[tuple[StudentForm, Collection[str]]], *,
                 status: EnrollmentStatus = EnrollmentStatus.ENROLLED,
                 lookups: PreloadedLookups | None = None, validated: Sequence[bool] | None = None,
                 today: dt.date) -> list[int]:
    """Add several students (an import): each validated, all inserted in one statement, each audited.

    Any refused form refuses them all (``ValidationFailed`` for the first refused one). A form marked
    in ``validated`` is one ``validate`` returned on ``today`` (an import's preview): only what the
    database may have changed since is checked again (``recheck``)."""
    now = utcnow()
    rows = []
    for position, (form, confirmed) in enumerate(forms):
        if validated is not None and validated[position]:
            raise_unconfirmed(recheck(form, lookups=lookups or Lookups(session), today=today), confirmed)
        else:
            form, problems = validate(session, form, today=today, lookups=lookups)
            raise_unconfirmed(problems, confirmed)
        values = {name: getattr(form, name) for name in _FORM_FIELDS}
        values["id_number"] = form.id_number or None
        values["name_pinyin"], values["name_initials"] = search_keys(form.name)
        values.update(status=status.value, leave_date=None, created_at=now, updated_at=now)
        rows.append(values)
        if lookups is not None and form.id_number:
            lookups.reserve(form.id_number, form.name)
    if not rows:
        return []
    ids = reserve_ids(session, Student, len(rows))
    for student_id, row in zip(ids, rows, strict=True):
        row["id"] = student_id
    insert_rows(session, Student.__table__, rows)
    write_search_keys(session, ids[0], ids[-1])
    audit.record_many(session, [
        audit.event_values(actor, Action.CREATE, ENTITY, row["id"], row["name"],
                           after=_audited_values(row))
        for row in rows
    ])
    return ids


_AUDITED_DATES = [key for key in _AUDITED_COLUMNS if isinstance(Student.__table__.c[key].type, (Date, DateTime))]


def _audited_values(row: dict[str, object]) -> dict[str, object]:
    after = {key: row[key] for key in _AUDITED_COLUMNS}
    for key in _AUDITED_DATES:
        after[key] = _plain_value(after[key])
    return after


def _plain_value(value: object) -> object:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


@requires(Permission.EDIT_ROSTER)
def update_student(session: Session, actor: Actor, student_id: int, form: StudentForm, *,
                   confirmed: Collection[str] = (), lookups: Lookups | None = None, today: dt.date) -> None:
    _update_student(session, actor, student_id, form, confirmed=confirmed, lookups=lookups, today=today)


@requires(Permission.EDIT_ROSTER)
def update_students(session: Session, actor: Actor, updates: Sequence[tuple[int, StudentForm, Collection[str]]], *,
                    lookups: Lookups | None = None, today: dt.date) -> None:
    """``update_student`` for each (student id, form, confirmed warnings) of an import, the permission
    checked once (asking for it reads the database: a query a row, and the session flushed before each)."""
    for student_id, form, confirmed in updates:
        _update_student(session, actor, student_id, form, confirmed=confirmed, lookups=lookups, today=today)


def _update_student(session: Session, actor: Actor, student_id: int, form: StudentForm, *,
                    confirmed: Collection[str], lookups: Lookups | None, today: dt.date) -> None:
    student = _get(session, student_id)
    form, problems = validate(session, form, student_id, today=today, lookups=lookups)
    raise_unconfirmed(problems, confirmed)
    before = _student_snapshot(student)
    _apply(student, form)
    after = _student_snapshot(student)
    if before == after:
        return
    audit.record(session, actor, Action.UPDATE, ENTITY, student.id, student.name, before=before, after=after)
    if _disability_changed(before, after) and _has_disability_record(session, student.id):
        _record_follows_form(session, actor, student, today)


def _disability_changed(before: dict[str, object], after: dict[str, object]) -> bool:
    return any(before.get(key) != after.get(key) for key in ("disability_category", "disability_grade"))


def _has_disability_record(session: Session, student_id: int) -> bool:
    return session.scalar(select(DisabilityRecord.id).where(DisabilityRecord.student_id == student_id).limit(1)) \
        is not None


def _record_follows_form(session: Session, actor: Actor, student: Student, today: dt.date) -> None:
    """A child with a disability record: the category or grade changed on the student form is the record's
    too (a new row, the placement unchanged), so the roster and the record never disagree; the record cannot
    lose its category or grade here."""
    problems = []
    if not student.disability_category:
        problems.append(error("disability_category", "disability.recorded", translate(
            "Roster", "{name} has a disability and placement record: the category cannot be removed here. Change "
            "it in the record (right-click the student, 残疾与安置…).").format(name=student.name)))
    elif not student.disability_grade:
        problems.append(error("disability_grade", "disability.recorded", translate(
            "Roster", "{name} has a disability and placement record, which needs the grade: choose 一级 to "
            "四级.").format(name=student.name)))
    if problems:
        raise ValidationFailed(problems)
    # The record's module builds on this one: imported here, where a record is followed, to avoid a cycle.
    from schoolaid.roster import disabilities
    disabilities.follow_student_form(session, actor, student.id, today=today)


def _get(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Roster", "The student no longer exists (id {id}).").format(id=student_id))
    return student


def get_form(session: Session, student_id: int) -> StudentForm:
    student = _get(session, student_id)
    form = StudentForm(**{name: getattr(student, name) for name in _FORM_FIELDS})
    form.id_number = student.id_number or ""
    return form


def get_forms(session: Session, student_ids: Collection[int]) -> dict[int, StudentForm]:
    """``get_form`` for many students, a query per 500 of them and no ORM objects (an import of a
    sheet already on the roster asks for thousands); students that do not exist are left out."""
    ids = sorted(set(student_ids))
    columns = [getattr(Student, name) for name in _FORM_FIELDS]
    forms: dict[int, StudentForm] = {}
    for start in range(0, len(ids), 500):
        for row in session.execute(select(Student.id, *columns).where(Student.id.in_(ids[start:start + 500]))):
            form = StudentForm(**dict(zip(_FORM_FIELDS, row[1:], strict=True)))
            form.id_number = form.id_number or ""
            forms[row[0]] = form
    return forms


@dataclass(frozen=True)
class StudentSummary:
    id: int
    name: str
    status: EnrollmentStatus
    school: str
    grade_label: str
    id_masked: str
    created_at: dt.datetime
    updated_at: dt.datetime


def get_summary(session: Session, student_id: int, *, full_id_rights: bool = False) -> StudentSummary:
    student = _get(session, student_id)
    return StudentSummary(
        id=student.id, name=student.name, status=EnrollmentStatus(student.status), school=student.school.name,
        grade_label=grade_label(student.stage, student.grade), id_masked=idnumber.mask(student.id_number, full_id_rights=full_id_rights),
        created_at=student.created_at, updated_at=student.updated_at)


@requires(Permission.EDIT_ROSTER)
def change_status(session: Session, actor: Actor, student_id: int, new_status: EnrollmentStatus,
                  effective_date: dt.date, reason: str, destination: str = "", *, today: dt.date,
                  confirmation: transfers.Confirmation | None = None) -> None:
    """Record a change of enrollment status (转出, 休学, 复学 …) with its date and reason. A change to 转出
    also records the transfer with its receiving school, unconfirmed (转出待核实) unless the
    confirmation is given."""
    student = _get(session, student_id)
    current = EnrollmentStatus(student.status)
    new_status = EnrollmentStatus(new_status)
    reason = reason.strip()
    destination = destination.strip()
    problems: list[Problem] = []
    if new_status not in allowed_changes(current):
        problems.append(error("status", "status.not_allowed", translate(
            "Roster", "A student who is \u201c{current}\u201d cannot become \u201c{new}\u201d.").format(
                current=current.label(), new=new_status.label())))
    if change_needs_reason(new_status) and not reason:
        problems.append(error("reason", "reason.missing", translate("Roster", "Give the reason for the change.")))
    if new_status is EnrollmentStatus.TRANSFERRED_OUT and not destination:
        problems.append(error("destination", "destination.missing", translate(
            "Roster", "Say which school the student transferred to.")))
    if effective_date > today:
        problems.append(error("effective_date", "date.future", translate("Roster", "The date is in the future.")))
    if student.birth_date and effective_date < student.birth_date:
        problems.append(error("effective_date", "date.before_birth", translate(
            "Roster", "The date is before the student's birth date.")))
    last = session.scalars(select(StatusChange).where(StatusChange.student_id == student_id)
                           .order_by(StatusChange.id.desc()).limit(1)).first()
    if last is not None and effective_date < last.effective_date:
        problems.append(error("effective_date", "date.before_last_change", translate(
            "Roster", "The date is before the last status change ({date}).").format(date=last.effective_date.isoformat())))
    if problems:
        raise ValidationFailed(problems)

    before = _student_snapshot(student)
    student.status = new_status.value
    if new_status in LEAVING_STATUSES:
        student.leave_date = effective_date
    elif new_status is EnrollmentStatus.ENROLLED:
        student.leave_date = None
        if student.entry_date is None:
            student.entry_date = effective_date
    session.add(StatusChange(student_id=student.id, from_status=current.value, to_status=new_status.value,
                             effective_date=effective_date, reason=reason, destination=destination, actor=actor.name))
    session.flush()
    after = _student_snapshot(student)
    after_with_reason = {**after, "status_reason": reason, "status_date": effective_date.isoformat()}
    if destination:
        after_with_reason["status_destination"] = destination
    audit.record(session, actor, Action.STATUS, ENTITY, student.id, student.name, before=before, after=after_with_reason)
    if new_status is EnrollmentStatus.TRANSFERRED_OUT:
        transfers.record_transfer_out(session, actor, student.id, destination, effective_date, confirmation,
                                      today=today)


@requires(Permission.EDIT_ROSTER)
def place_in_grade(session: Session, actor: Actor, student_id: int, grade: int) -> bool:
    """Move a returning child to the grade of their 插班 (1–6 primary, 7–9 junior middle, as the plan
    numbers them); the class stays as written until the school says which. False when already there."""
    student = _get(session, student_id)
    stage = Stage.PRIMARY.value if grade <= 6 else Stage.JUNIOR.value
    if (student.stage, student.grade) == (stage, grade):
        return False
    before = {"stage": student.stage, "grade": student.grade}
    student.stage, student.grade = stage, grade
    audit.record(session, actor, Action.UPDATE, ENTITY, student.id, student.name, before=before,
                 after={"stage": stage, "grade": grade})
    return True


@dataclass(frozen=True)
class StatusChangeView:
    effective_date: dt.date
    from_status: EnrollmentStatus
    to_status: EnrollmentStatus
    reason: str
    destination: str
    actor: str


def status_history(session: Session, student_id: int) -> list[StatusChangeView]:
    rows = session.scalars(select(StatusChange).where(StatusChange.student_id == student_id).order_by(StatusChange.id))
    return [StatusChangeView(r.effective_date, EnrollmentStatus(r.from_status), EnrollmentStatus(r.to_status),
                             r.reason, r.destination, r.actor) for r in rows]


def has_history(session: Session, student_id: int) -> bool:
    """True once anything beyond the record itself refers to the student: status changes, a
    programme's hand-kept list, ledger entries, absences, dropout cases, enrollment approvals, a
    disability record and its 送教上门 visits."""
    from schoolaid.storage.models import (
        Absence,
        DisabilityRecord,
        DropoutCase,
        EnrollmentApproval,
        HomeTeachingVisit,
        LedgerEntry,
        ProgrammeMember,
    )

    return any(session.scalar(select(model.student_id).where(model.student_id == student_id).limit(1)) is not None
               for model in (StatusChange, ProgrammeMember, LedgerEntry, Absence, DropoutCase, EnrollmentApproval,
                             DisabilityRecord, HomeTeachingVisit))


@requires(Permission.EDIT_ROSTER)
def delete_student(session: Session, actor: Actor, student_id: int) -> None:
    """Remove a record entered by mistake. A student with history is never deleted: change the
    status instead (转出, 毕业 …)."""
    student = _get(session, student_id)
    if has_history(session, student_id):
        raise NotAllowed(translate(
            "Roster", "{name} has a history and cannot be deleted. Change the enrollment status instead.").format(
                name=student.name))
    before = _student_snapshot(student)
    session.delete(student)
    session.flush()
    audit.record(session, actor, Action.DELETE, ENTITY, student_id, before["name"], before=before)  # type: ignore[arg-type]


# --- Search -----------------------------------------------------------------------------------

SORT_KEYS = ("name", "sex", "age", "school", "grade", "village", "head", "category", "left_behind",
             "boarder", "status", "id_number")


@dataclass
class RosterFilter:
    text: str = ""
    school_id: int | None = None
    grade: Grade | None = None
    village_id: int | None = None
    category: str | None = None  # a HouseholdCategory value (a student without a household counts as 一般户)
    left_behind: bool | None = None
    boarder: bool | None = None
    statuses: frozenset[EnrollmentStatus] | None = None  # None: any
    household_id: int | None = None
    # A teacher sees only their classes: (school id, stage, grade, class). None: every class.
    classes: frozenset[tuple[int, str, int, str]] | None = None
    # Whether the searcher has full-ID rights (``permissions.has_full_id_rights``). Without them, ID
    # digits match only the last four characters (see ``_id_digits_condition``). False unless said.
    full_id_rights: bool = False


_DIGITS = re.compile(r"^[0-9xX]+$")
# Fewer digits than this match nearly every ID number (the region code is shared): the search
# waits for more rather than scanning the whole roster for nothing.
MIN_ID_DIGITS = 4
_LETTERS = re.compile(r"^[A-Za-z]+$")
_GRADE_ORDER = case(
    (Student.stage == Stage.PRESCHOOL.value, 0),
    (Student.stage == Stage.PRIMARY.value, 3),
    else_=3,
) + Student.grade


def is_short_id_search(text: str) -> bool:
    """Digits typed so far are too few to look for an ID number (see ``MIN_ID_DIGITS``)."""
    text = "".join(text.split())
    return bool(_DIGITS.match(text)) and len(text) < MIN_ID_DIGITS


def is_refused_id_search(text: str, full_id_rights: bool) -> bool:
    """More than the last four digits, typed by someone without full-ID rights: finds nothing."""
    text = "".join(text.split())
    return not full_id_rights and bool(_DIGITS.match(text)) and len(text) > LAST_DIGITS


# Without full-ID rights, a search by ID digits is limited to the last four characters, rather than
# refused outright: the last four are what such a person sees in the list (``idnumber.mask``), so
# finding a child by them reveals nothing new, and a class teacher with a parent's photocopy in hand
# still finds the child. A search on more digits (or anywhere else in the number) would let anyone
# test guesses of the hidden region and birth date, one search at a time, so it finds nothing and the
# window says why. The registry number (学籍号) is left out too: it is usually "G" + the ID number.
LAST_DIGITS = 4


def _text_condition(raw: str, full_id_rights: bool) -> ColumnElement[bool] | None:
    text = "".join(raw.split())
    if not text or is_short_id_search(text):
        return None
    # instr() rather than LIKE: no wildcards to escape.
    if _DIGITS.match(text):
        digits = text.upper()
        if not full_id_rights:
            if len(digits) > LAST_DIGITS:
                return false()
            return func.substr(Student.id_number, -LAST_DIGITS) == digits
        return or_(func.instr(Student.id_number, digits) > 0, func.instr(Student.registry_no, digits) > 0)
    if _LETTERS.match(text):
        # A reading of the name (full pinyin or initials) starting with the letters: "zs" finds 张三.
        return _has_key_starting("p", text.lower())
    # Text anywhere in the name is the start of one of the name's suffixes.
    return _has_key_starting("n", clean_name(text))


def _has_key_starting(kind: str, start: str) -> ColumnElement[bool]:
    """Students with a search key of this kind (``StudentSearchKey``) that begins with ``start``:
    a range on the keys' index rather than a scan of every student."""
    keys = select(StudentSearchKey.student_id).where(StudentSearchKey.kind == kind, StudentSearchKey.key >= start)
    following = ord(start[-1]) + 1  # the first character after the last one, for the end of the range
    if 0xD800 <= following < 0xE000:  # surrogates are not characters
        following = 0xE000
    if following > 0x10FFFF:
        keys = keys.where(func.substr(StudentSearchKey.key, 1, len(start)) == start)
    else:
        keys = keys.where(StudentSearchKey.key < start[:-1] + chr(following))
    return Student.id.in_(keys)


def _where(flt: RosterFilter) -> list[ColumnElement[bool]]:
    text = _text_condition(flt.text, flt.full_id_rights)
    return ([text] if text is not None else []) + _non_text_conditions(flt)


def _non_text_conditions(flt: RosterFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.school_id is not None:
        conditions.append(Student.school_id == flt.school_id)
    if flt.grade is not None:
        conditions.append(and_(Student.stage == flt.grade.stage.value, Student.grade == flt.grade.number))
    if flt.village_id is not None:
        conditions.append(Household.village_id == flt.village_id)
    if flt.category is not None:
        conditions.append(func.coalesce(Household.category, HouseholdCategory.GENERAL.value) == flt.category)
    if flt.left_behind is not None:
        conditions.append(Student.left_behind == flt.left_behind)
    if flt.boarder is not None:
        conditions.append(Student.boarder == flt.boarder)
    if flt.statuses is not None:
        conditions.append(Student.status.in_([EnrollmentStatus(s).value for s in flt.statuses]))
    if flt.household_id is not None:
        conditions.append(Student.household_id == flt.household_id)
    if flt.classes is not None:
        conditions.append(in_classes(flt.classes))
    return conditions


def in_classes(classes: Iterable[tuple[int, str, int, str]]) -> ColumnElement[bool]:
    """Students of the given classes (school id, stage, grade, class): a teacher's view."""
    return or_(false(), *(and_(Student.school_id == school, Student.stage == stage, Student.grade == grade,
                               Student.class_name == name) for school, stage, grade, name in sorted(classes)))


def _needs_household(flt: RosterFilter, sort_key: str) -> bool:
    return (flt.village_id is not None or flt.category is not None
            or sort_key in ("village", "head", "category"))


def _order(sort_key: str, descending: bool) -> list:
    by_key: dict[str, list[SQLColumnExpression[Any]]] = {
        "name": [Student.name_pinyin],
        "sex": [Student.sex],
        "age": [Student.birth_date],  # reversed below: a young age is a late birth date
        "school": [School.sort_order, School.name],
        "grade": [_GRADE_ORDER, Student.class_name],
        "village": [Village.name],
        "head": [Household.head_name],
        "category": [func.coalesce(Household.category, "")],
        "left_behind": [Student.left_behind],
        "boarder": [Student.boarder],
        "status": [Student.status],
        "id_number": [Student.id_number],
    }
    columns = by_key[sort_key] + [Student.id]
    # The id breaks ties in the same direction, so that an index on (key, id) serves both ways.
    if descending != (sort_key == "age"):
        return [c.desc() for c in columns]
    return columns


def _select_ids(flt: RosterFilter, sort_key: str | None,
                conditions: list[ColumnElement[bool]] | None = None) -> Select:
    query: Select = select(Student.id)
    if sort_key == "school":
        query = query.join(School, Student.school_id == School.id)
    if _needs_household(flt, sort_key or ""):
        query = query.outerjoin(Household, Student.household_id == Household.id)
        if sort_key == "village":
            query = query.outerjoin(Village, Household.village_id == Village.id)
    return query.where(*(_where(flt) if conditions is None else conditions))


def search_ids(session: Session, flt: RosterFilter, sort_key: str = "name", descending: bool = False) -> list[int]:
    """Ids of the students matching the filter, in display order."""
    if sort_key not in SORT_KEYS:
        raise ValueError(sort_key)
    return fetch_ids(session, _select_ids(flt, sort_key).order_by(*_order(sort_key, descending)))


@dataclass(frozen=True)
class SearchPage:
    count: int
    ids: list[int]  # the first ``limit`` of them, in display order
    rows: dict[int, RosterRow] = field(default_factory=dict)  # their display rows, when asked for (``today``)


def search_page(session: Session, flt: RosterFilter, sort_key: str = "name", descending: bool = False,
                limit: int = 200, *, today: dt.date | None = None, full_id_rights: bool = False) -> SearchPage:
    """How many students match the filter, and the first of them in display order: what a keystroke
    shows. The rest come from ``search_ids`` if the user scrolls past them. With ``today``, their display
    rows too (``fetch_rows``), read in the same transaction as the search."""
    if sort_key not in SORT_KEYS:
        raise ValueError(sort_key)
    if today is None:
        return _search_page(session, flt, sort_key, descending, limit)
    conditions = _where(flt)
    count = _count(session, flt, conditions)
    if not count:
        return SearchPage(0, [])
    if count >= _READ_IN_ORDER_FROM and sort_key in _SORT_INDEXES:
        page = _search_page(session, flt, sort_key, descending, limit, count=count, conditions=conditions)
        return SearchPage(count, page.ids, fetch_rows(session, page.ids, today, full_id_rights=full_id_rights))
    # Few found: their first rows read by the search itself, as a bare query would read them, rather than their
    # ids first and then the rows of those ids (a second statement was most of a narrow search's time).
    found = raw_rows(session, _ROWS.where(*conditions).order_by(*_order(sort_key, descending)).limit(limit))
    return SearchPage(count, [row[0] for row in found],
                      _display_rows(session, found, today, full_id_rights=full_id_rights))


def _count(session: Session, flt: RosterFilter, conditions: list[ColumnElement[bool]] | None = None) -> int:
    query = select(func.count()).select_from(_select_ids(flt, None, conditions).subquery())
    return raw_rows(session, query)[0][0]


def _search_page(session: Session, flt: RosterFilter, sort_key: str, descending: bool, limit: int,
                 count: int | None = None, conditions: list[ColumnElement[bool]] | None = None) -> SearchPage:
    if sort_key not in SORT_KEYS:
        raise ValueError(sort_key)
    if conditions is None:
        conditions = _where(flt)
    if count is None:
        count = _count(session, flt, conditions)
    if not count:
        return SearchPage(0, [])
    query = _select_ids(flt, sort_key, conditions).order_by(*_order(sort_key, descending)).limit(limit)
    index = _SORT_INDEXES.get(sort_key)
    if index is not None and count >= _READ_IN_ORDER_FROM:
        # Many found: reading the sort's index in order reaches the first page long before sorting
        # them all would (SQLite, knowing nothing of how many match, sorts them all).
        return SearchPage(count, fetch_ids(session, query, indexed_by=("students", index)))
    return SearchPage(count, fetch_ids(session, query))


_SORT_INDEXES = {"name": "ix_students_sort_name", "age": "ix_students_sort_birth"}
_READ_IN_ORDER_FROM = 2000


@dataclass(frozen=True)
class RosterReload:
    total: int  # every student, whatever the filter
    count: int  # those the filter finds
    ids: list[int]  # the first of them in display order: at least as many as asked for, all when ``kept`` needs it
    kept: bool  # whether the student to keep in view is among ``ids`` (False when none was named)
    rows: dict[int, RosterRow] = field(default_factory=dict)  # the display rows of those on screen


def reload_page(session: Session, flt: RosterFilter, sort_key: str = "name", descending: bool = False, *,
                limit: int = 200, keep: int | None = None, today: dt.date | None = None,
                full_id_rights: bool = False, rows_from: int = 0, rows: int = 200) -> RosterReload:
    """The roster read again after a change, as a background read: the count of everyone, the first ``limit``
    ids found (as many as the list had read before, so that the place scrolled to stays), and, when the student
    to ``keep`` in view matches the filter further down, every id, so that the window finds its row without
    reading them on its own thread. With ``today``, the display rows of ``rows`` ids from ``rows_from`` on (those
    on screen), or around the student kept."""
    total = count_students(session)
    page = _search_page(session, flt, sort_key, descending, limit)
    ids = page.ids
    if keep is not None and keep not in ids and page.count > len(ids) and is_match(session, flt, keep):
        ids = search_ids(session, flt, sort_key, descending)
    kept = keep is not None and keep in ids
    shown: dict[int, RosterRow] = {}
    if today is not None:
        if kept and keep is not None and not rows_from <= ids.index(keep) < rows_from + rows:  # scrolled to
            rows_from = max(0, ids.index(keep) - rows // 4)
        shown = fetch_rows(session, ids[rows_from:rows_from + rows], today, full_id_rights=full_id_rights)
    return RosterReload(total, max(page.count, len(ids)), ids, kept, shown)


def is_match(session: Session, flt: RosterFilter, student_id: int) -> bool:
    """Whether this student is among those the filter finds."""
    return session.scalar(_select_ids(flt, None).where(Student.id == student_id).limit(1)) is not None


def matching_ids(session: Session, flt: RosterFilter) -> list[int]:
    """Ids of the students matching the filter, in no particular order (see ``DisplayOrder``)."""
    return fetch_ids(session, _select_ids(flt, None))


class DisplayOrder:
    """Every student's id in display order, for arranging search results without sorting again.

    Sorting 100,000 rows is the slow part of a search, so the roster sorts once per column choice
    (and after an edit) and then only filters.
    """

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids
        self._rank: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def arrange(self, ids: list[int]) -> list[int]:
        """``ids`` in display order; ids unknown to the order (added since) come last."""
        if len(ids) * 8 < len(self.ids):
            if self._rank is None:
                self._rank = {student_id: position for position, student_id in enumerate(self.ids)}
            rank = self._rank
            last = len(self.ids)
            return sorted(ids, key=lambda i: (rank.get(i, last), i))
        wanted = set(ids)
        arranged = [i for i in self.ids if i in wanted]
        if len(arranged) < len(wanted):
            arranged.extend(sorted(wanted - set(arranged)))
        return arranged


def display_order(session: Session, sort_key: str = "name", descending: bool = False) -> DisplayOrder:
    return DisplayOrder(search_ids(session, RosterFilter(), sort_key, descending))


def count_students(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Student)) or 0


class RosterRow(NamedTuple):
    """A student as the roster lists them. A tuple rather than a frozen dataclass: a keystroke makes a screenful
    of them, and the dataclass's checks on each field cost more than reading the rows."""

    id: int
    name: str
    sex: str
    birth_date: dt.date | None
    age: int | None
    school: str
    stage: str
    grade: int
    grade_label: str
    class_name: str
    village: str
    household_head: str
    category: str  # the household's HouseholdCategory value, "" without a household
    left_behind: bool
    boarder: bool
    status: EnrollmentStatus
    id_masked: str
    household_id: int | None = None
    birth_month: str = ""  # "2014-05": for those who may not see the full birth date
    # 应入学, 休学无批准, 休学已到期 (the age rule and the approvals), 转出待核实 (roster.transfers)
    flag: enrollment_approvals.Flag | None = None

    @property
    def grade_label_zh(self) -> str:
        return grade_name_zh(self.stage, self.grade)


# The display rows of a batch of ids: built once, and written once as SQL, so that a keystroke's rows cost SQLite's
# work and little else (building and compiling the statement each time was most of a narrow search's time). The ids
# come as one JSON array (``json_each``): one statement whatever their number, kept prepared by the driver.
_ROW_IDS = func.json_each(bindparam("ids")).table_valued("value")
# The birth date as the text SQLite keeps, whether read through SQLAlchemy or straight from the driver.
_ROWS = (
    select(Student.id, Student.name, Student.sex, type_coerce(Student.birth_date, String), School.name, Student.stage,
           Student.grade, Student.class_name, Village.name, Household.head_name, Household.category,
           Student.left_behind, Student.boarder, Student.status, Student.id_number, Student.household_id)
    .join(School, Student.school_id == School.id)
    .outerjoin(Household, Student.household_id == Household.id)
    .outerjoin(Village, Household.village_id == Village.id)
)
_ROWS_BY_ID = _ROWS.where(Student.id.in_(select(_ROW_IDS.c.value)))
_ROWS_SQL: dict[str, str] = {}  # by dialect name


def _rows_by_id(session: Session, ids: list[int]) -> list[tuple]:
    dialect = session.get_bind().dialect
    sql = _ROWS_SQL.get(dialect.name)
    if sql is None:
        sql = _ROWS_SQL[dialect.name] = str(_ROWS_BY_ID.compile(dialect=dialect))
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, [json.dumps(ids)])
        return list(cursor.fetchall())
    finally:
        cursor.close()


def fetch_rows(session: Session, ids: Iterable[int], today: dt.date, *, full_id_rights: bool) -> dict[int, RosterRow]:
    """The display rows for these ids (any order; missing ids are left out).

    Without full-ID rights (``permissions.has_full_id_rights``) the ID number shows only its last
    four characters and the birth date is left out (the age and ``birth_month`` remain): the date is
    half of the ID number, and a list needs no more than the age."""
    ids = list(ids)
    found: list[tuple] = []
    for start in range(0, len(ids), 500):
        found += _rows_by_id(session, ids[start:start + 500])
    return _display_rows(session, found, today, full_id_rights=full_id_rights)


def _display_rows(session: Session, found: Sequence[Sequence[Any]], today: dt.date, *,
                  full_id_rights: bool) -> dict[int, RosterRow]:
    """The display rows of students read as ``_ROWS`` reads them."""
    # Only a 转出 pupil can be 待核实, and only a 休学 pupil or a preschool child has a flag from the age rule and the
    # approvals (``enrollment_approvals.flag_of``): the other rows need nothing more looked up.
    suspended, enrolled = EnrollmentStatus.SUSPENDED.value, EnrollmentStatus.ENROLLED.value
    preschool = Stage.PRESCHOOL.value
    reference = (enrollment_approvals.age_reference_day(session, SchoolYear.containing(today))
                 if any(row[5] == preschool for row in found) else today)
    approved = [row[0] for row in found if row[13] == suspended or (
        row[5] == preschool and row[13] == enrolled
        and enrollment_approvals.is_school_age(_date(row[3]), reference))]
    approvals = enrollment_approvals.latest_approvals(session, approved) if approved else {}
    away = [row[0] for row in found if row[13] == EnrollmentStatus.TRANSFERRED_OUT.value]
    unconfirmed = {sid for sid, view in transfers.latest_out(session, away).items() if not view.confirmed} if away \
        else set()
    grades: dict[tuple[str, int], str] = {}
    rows: dict[int, RosterRow] = {}
    for (sid, name, sex, birth_text, school, stage, grade, class_name, village, head, category, left_behind, boarder,
         status, id_number, household_id) in found:
        birth = _date(birth_text)  # straight from the driver: dates as ISO text, flags as 0 and 1
        label = grades.get((stage, grade))
        if label is None:
            label = grades[(stage, grade)] = grade_label(stage, grade)
        flag: enrollment_approvals.Flag | None
        if sid in unconfirmed:
            flag = enrollment_approvals.Flag.TRANSFER_UNCONFIRMED
        elif stage == preschool or status == suspended:
            flag = enrollment_approvals.flag_of(
                stage, status, birth, reference, today, approvals.get((sid, enrollment_approvals.ApprovalKind.DEFERRED)),
                approvals.get((sid, enrollment_approvals.ApprovalKind.SUSPENDED)))
        else:
            flag = None
        rows[sid] = RosterRow(
            id=sid, name=name, sex=sex, birth_date=birth if full_id_rights else None,
            age=age_on(birth, today) if birth else None, birth_month=birth_text[:7] if birth else "",
            school=school, stage=stage, grade=grade, grade_label=label,
            class_name=class_name, village=village or "", household_head=head or "",
            category=category or "", left_behind=bool(left_behind), boarder=bool(boarder),
            status=_STATUSES[status], id_masked=idnumber.mask(id_number, full_id_rights=full_id_rights),
            household_id=household_id, flag=flag)
    return rows


_STATUSES = {status.value: status for status in EnrollmentStatus}


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def list_rows(session: Session, flt: RosterFilter, sort_key: str = "name", *, today: dt.date) -> list[RosterRow]:
    """The rows, masked as ``flt.full_id_rights`` says (the searcher's rights decide both)."""
    ids = search_ids(session, flt, sort_key)
    rows = fetch_rows(session, ids, today, full_id_rights=flt.full_id_rights)
    return [rows[i] for i in ids]


@requires(Permission.VIEW_FULL_ID)
def reveal_id_numbers(session: Session, actor: Actor, ids: Sequence[int], purpose: str) -> dict[int, str | None]:
    """Full ID numbers for someone whose role needs them; each reveal is recorded (who, how many,
    why): the number is sensitive personal information of a minor."""
    numbers = full_id_numbers(session, ids)
    if ids:
        student = session.get(Student, ids[0]) if len(ids) == 1 else None
        subject = student.name if student is not None else ""
        audit.record(session, actor, Action.REVEAL, ENTITY, ids[0] if len(ids) == 1 else None,
                     translate("Roster", "full ID number shown: {what}").format(what=purpose),
                     after={"students": len(ids), "name": subject})
    return numbers


@requires(Permission.VIEW_FULL_ID)
def record_id_export(session: Session, actor: Actor, count: int, purpose: str) -> None:
    """A file with full ID numbers was written: on the record, like every reveal."""
    audit.record(session, actor, Action.REVEAL, ENTITY, None, translate(
        "Roster", "full ID numbers exported: {what}").format(what=purpose), after={"students": count})


def full_id_numbers(session: Session, ids: Sequence[int]) -> dict[int, str | None]:
    """Unmasked ID numbers, for the few places that need them (the edit dialog, an explicit export)."""
    result: dict[int, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        result.update((i, n) for i, n in session.execute(select(Student.id, Student.id_number).where(Student.id.in_(chunk))))
    return result


class StatusBook:
    """Every student's status history, read once, to replay on any number of days (the indicators
    of four terms need twelve)."""

    def __init__(self, session: Session, student_ids: Iterable[int] | None = None) -> None:
        self._changes: dict[int, list[tuple[dt.date, str, str]]] = {}
        for student_id, when, before, after in session.execute(
                select(StatusChange.student_id, StatusChange.effective_date, StatusChange.from_status,
                       StatusChange.to_status).order_by(StatusChange.student_id, StatusChange.effective_date,
                                                        StatusChange.id)):
            self._changes.setdefault(student_id, []).append((when, before, after))
        wanted = set(student_ids) if student_ids is not None else None
        students = [row for row in session.execute(select(Student.id, Student.status, Student.entry_date))
                    if wanted is None or row[0] in wanted]
        # Replayed on a day, most students keep the status they have now: only those with a history,
        # and those entered after the day, are looked at one by one (at 100,000 students, a loop over
        # all of them on every day was most of the indicators' time).
        self._now = {student_id: status for student_id, status, _entry in students}
        self._histories = [(student_id, self._changes[student_id]) for student_id, _status, _entry in students
                           if student_id in self._changes]
        # The latest entry first, sorted by SQLite: sorting 100,000 rows in Python is one call that holds the
        # GIL (and with it the window, when the indicators are worked out in the background) for 50 ms.
        self._entered = [(entry, student_id) for student_id, entry in session.execute(
                         select(Student.id, Student.entry_date).where(Student.entry_date.is_not(None))
                         .order_by(Student.entry_date.desc(), Student.id.desc()))
                         if entry is not None and (wanted is None or student_id in wanted)]
        self._days: dict[dt.date, dict[int, str]] = {}

    def on(self, day: dt.date) -> dict[int, str]:
        if day not in self._days:
            statuses = dict(self._now)
            for student_id, history in self._histories:
                earlier = [after for when, _before, after in history if when <= day]
                statuses[student_id] = earlier[-1] if earlier else history[0][1]
            for entry, student_id in self._entered:
                if entry <= day:
                    break
                if statuses[student_id] == EnrollmentStatus.ENROLLED.value:
                    statuses[student_id] = EnrollmentStatus.NOT_ENROLLED.value
            self._days[day] = statuses
        return dict(self._days[day])  # the caller's own: one day is asked for again by the next figure

    def release(self) -> None:
        """Let the book go a slice at a time (``common.release``): at a county's size it holds a dictionary of
        100,000 statuses for every day replayed."""
        release(self._changes, self._now, self._days, self._histories, self._entered)


def statuses_on(session: Session, day: dt.date, student_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Every student's enrollment status on ``day``, replayed from the status history. A student
    entered after ``day`` counts as 未入学 then."""
    return StatusBook(session, student_ids).on(day)


def enrolled_on(session: Session, day: dt.date, student_ids: Iterable[int] | None = None) -> set[int]:
    """Students whose enrollment status on ``day`` was 在读."""
    return {sid for sid, status in statuses_on(session, day, student_ids).items()
            if status == EnrollmentStatus.ENROLLED.value}


def enrolled_on_condition(day: dt.date) -> ColumnElement[bool]:
    """``enrolled_on`` as an SQL condition on ``students``, for queries that would otherwise replay
    every student's history in Python: the latest change by ``day`` says the status, else the first
    change's status before it, else the student's status now; 在读 before the entry date is not."""
    latest = (select(StatusChange.to_status)
              .where(StatusChange.student_id == Student.id, StatusChange.effective_date <= day)
              .order_by(StatusChange.effective_date.desc(), StatusChange.id.desc()).limit(1).scalar_subquery())
    first = (select(StatusChange.from_status).where(StatusChange.student_id == Student.id)
             .order_by(StatusChange.effective_date, StatusChange.id).limit(1).scalar_subquery())
    return and_(func.coalesce(latest, first, Student.status) == EnrollmentStatus.ENROLLED.value,
                or_(Student.entry_date.is_(None), Student.entry_date <= day))
