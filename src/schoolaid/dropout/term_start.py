"""The term-start check (开学摸排): in the first two weeks of a term the class teacher ticks who has
reported back (报到). Every 在读 pupil of a class is expected (休学, 转出 … are not). A tick is a record,
audited; a mistaken one is withdrawn (recorded, never deleted).

Once a class's check has begun (one pupil of it ticked this term), a pupil of it not reported back is
away from the term's first school day: after the suspected threshold in school days (the same setting
as an unexplained absence) they are a suspected dropout, and after the dropout threshold a dropout,
exactly as an absence would make them. A class nobody has ticked makes no one suspected: the check was
not used there, and the absences say who is away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, check_class, requires
from schoolaid.common import school_calendar
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Term
from schoolaid.common.validation import error
from schoolaid.dropout.rules import holidays, setting
from schoolaid.roster import disabilities, roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import ReportBack, School, Student

REPORT_BACK = "report_back"
CHECK_DAYS = 14  # the check runs two weeks from the term's first school day

ClassKey = tuple[int, str, int, str]  # school id, stage, grade, class


def check_window(session: Session, term: Term) -> tuple[dt.date, dt.date]:
    """The first school day of the term and the last day of the two weeks of the check."""
    first = term.first_school_day(holidays(session))
    return first, first + dt.timedelta(days=CHECK_DAYS - 1)


def in_check(session: Session, today: dt.date) -> bool:
    """Whether today falls in the first two weeks of its term."""
    first, last = check_window(session, Term.containing(today))
    return first <= today <= last


def _live(session: Session, term: Term, today: dt.date) -> dict[int, ReportBack]:
    """The ticks of the term standing today, by pupil."""
    return {r.student_id: r for r in session.scalars(select(ReportBack).where(
        ReportBack.term == term.key, ReportBack.reported_on <= today, ReportBack.withdrawn_on.is_(None)))}


@requires(Permission.RECORD_ABSENCE)
def mark_reported(session: Session, actor: Actor, student_ids: Iterable[int], term: Term, on_day: dt.date, *,
                  today: dt.date) -> list[int]:
    """Tick the pupils as reported back on ``on_day``; those already ticked stay as they are. Returns
    the ids of the records written."""
    ids = list(dict.fromkeys(student_ids))
    if on_day > today:
        raise ValidationFailed([error("reported_on", "report_back.future", translate(
            "TermStart", "A pupil cannot report back in the future."))])
    if not term.contains(on_day):
        raise ValidationFailed([error("reported_on", "report_back.term", translate(
            "TermStart", "{date} is not in {term}.").format(date=on_day.isoformat(), term=term.label))])
    students = _students(session, actor, ids)
    problems = [error("student_ids", "report_back.status", translate(
        "TermStart", "{name} is not 在读 (\u201c{status}\u201d): only pupils on the roll report back.").format(
            name=s.name, status=EnrollmentStatus(s.status).label()))
        for s in students if s.status != EnrollmentStatus.ENROLLED.value]
    if problems:
        raise ValidationFailed(problems)
    already = set(session.scalars(select(ReportBack.student_id).where(
        ReportBack.term == term.key, ReportBack.withdrawn_on.is_(None), ReportBack.student_id.in_(ids))))
    written = []
    for student in students:
        if student.id in already:
            continue
        tick = ReportBack(student_id=student.id, term=term.key, reported_on=on_day, recorded_by=actor.name,
                          withdrawn_by="")
        session.add(tick)
        session.flush()
        audit.record(session, actor, Action.CREATE, REPORT_BACK, tick.id, f"{student.name}：{term.key}报到",
                     after=audit.snapshot(tick))
        written.append(tick.id)
    return written


@requires(Permission.RECORD_ABSENCE)
def unmark(session: Session, actor: Actor, student_ids: Iterable[int], term: Term, *, today: dt.date) -> int:
    """Withdraw mistaken ticks: each is kept, marked withdrawn today by the actor. Returns how many."""
    ids = list(dict.fromkeys(student_ids))
    students = {s.id: s for s in _students(session, actor, ids)}
    ticks = list(session.scalars(select(ReportBack).where(
        ReportBack.term == term.key, ReportBack.withdrawn_on.is_(None), ReportBack.student_id.in_(ids))))
    for tick in ticks:
        before = audit.snapshot(tick)
        tick.withdrawn_on, tick.withdrawn_by = today, actor.name
        audit.record(session, actor, Action.UPDATE, REPORT_BACK, tick.id,
                     f"{students[tick.student_id].name}：撤销{term.key}报到", before=before, after=audit.snapshot(tick))
    return len(ticks)


def _students(session: Session, actor: Actor, ids: list[int]) -> list[Student]:
    if not ids:
        raise ValidationFailed([error("student_ids", "report_back.none", translate(
            "TermStart", "Choose the pupils who reported back."))])
    students = {s.id: s for s in session.scalars(select(Student).where(Student.id.in_(ids)))}
    if len(students) != len(ids):
        raise NotFound(translate("TermStart", "A pupil chosen no longer exists."))
    for s in students.values():
        check_class(actor, Permission.RECORD_ABSENCE, s.school_id, s.stage, s.grade, s.class_name, s.name)
    return [students[i] for i in ids]


@dataclass(frozen=True)
class Pupil:
    student_id: int
    name: str
    reported_on: dt.date | None


@dataclass
class ClassProgress:
    school_id: int
    school: str
    stage: str
    grade: int
    class_name: str
    pupils: list[Pupil] = field(default_factory=list)

    @property
    def key(self) -> ClassKey:
        return self.school_id, self.stage, self.grade, self.class_name

    @property
    def label(self) -> str:
        """三年级1班."""
        return f"{grade_name_zh(self.stage, self.grade)}{self.class_name}"

    @property
    def expected(self) -> int:
        return len(self.pupils)

    @property
    def reported(self) -> int:
        return sum(1 for p in self.pupils if p.reported_on is not None)

    @property
    def missing(self) -> list[Pupil]:
        return [p for p in self.pupils if p.reported_on is None]

    @property
    def begun(self) -> bool:
        return self.reported > 0

    def as_json(self) -> dict[str, object]:
        return {"school": self.school, "class": self.label, "expected": self.expected, "reported": self.reported,
                "not_reported": [{"id": p.student_id, "name": p.name} for p in self.missing]}


def progress(session: Session, term: Term, today: dt.date, classes: frozenset[ClassKey] | None = None,
             school_id: int | None = None) -> list[ClassProgress]:
    """Every class with 在读 pupils, in school and grade order, each pupil with the day they reported
    back (None: not yet)."""
    ticks = _live(session, term, today)
    query = (select(Student.id, Student.name, Student.school_id, School.name, Student.stage, Student.grade,
                    Student.class_name)
             .join(School, Student.school_id == School.id)
             .where(Student.status == EnrollmentStatus.ENROLLED.value)
             .order_by(School.id, Student.stage.desc(), Student.grade, Student.class_name, Student.name_pinyin,
                       Student.id))
    if classes is not None:
        query = query.where(roster.in_classes(classes))
    if school_id is not None:
        query = query.where(Student.school_id == school_id)
    found: dict[ClassKey, ClassProgress] = {}
    for sid, name, school_id_, school, stage, grade, class_name in session.execute(query):
        row = found.setdefault((school_id_, stage, grade, class_name),
                               ClassProgress(school_id_, school, stage, grade, class_name))
        tick = ticks.get(sid)
        row.pupils.append(Pupil(sid, name, tick.reported_on if tick else None))
    return list(found.values())


@dataclass(frozen=True)
class NotReported:
    """A pupil of a class whose check has begun, not reported back: away since the term's first school day."""

    student_id: int
    name: str
    school: str
    class_label: str
    since: dt.date
    school_days: int
    suspected_on: dt.date | None
    dropout_on: dt.date | None

    def state(self, today: dt.date) -> str:
        """absent, suspected or dropout (as of today), as an absence's."""
        if self.dropout_on is not None and self.dropout_on <= today:
            return "dropout"
        if self.suspected_on is not None and self.suspected_on <= today:
            return "suspected"
        return "absent"


def not_reported(session: Session, today: dt.date,
                 classes: frozenset[ClassKey] | None = None) -> list[NotReported]:
    """The pupils of today's term not reported back, in classes whose check has begun."""
    term = Term.containing(today)
    off = holidays(session)
    first = term.first_school_day(off)
    if today < first:
        return []
    suspected_on = school_calendar.nth_school_day(first, setting(session, "dropout.suspect_school_days"), off)
    dropout_on = suspected_on + dt.timedelta(days=setting(session, "dropout.dropout_days"))
    days = school_calendar.school_days_between(first, today, off)
    # A child taught at home (送教上门) does not come to school: not missing.
    at_home = disabilities.home_taught(session)
    return [NotReported(p.student_id, p.name, c.school, c.label, first, days,
                        suspected_on if suspected_on <= today else None, dropout_on if dropout_on <= today else None)
            for c in progress(session, term, today, classes) if c.begun for p in c.missing
            if p.student_id not in at_home]


def find_class(session: Session, school: str, label: str) -> ClassKey:
    """A class named as printed (三年级1班) in a school named; NotFound if it has no 在读 pupil."""
    school_id = session.scalar(select(School.id).where(School.name == school.strip()))
    if school_id is None:
        raise NotFound(translate("TermStart", "There is no school named {name}.").format(name=school))
    for row in session.execute(select(Student.stage, Student.grade, Student.class_name).distinct().where(
            Student.school_id == school_id, Student.status == EnrollmentStatus.ENROLLED.value)):
        if f"{grade_name_zh(row.stage, row.grade)}{row.class_name}" == label.strip():
            return school_id, row.stage, row.grade, row.class_name
    raise NotFound(translate("TermStart", "{school} has no class {name} with pupils on the roll.").format(
        school=school, name=label))


def not_in_class(session: Session, student_ids: Iterable[int], key: ClassKey) -> list[int]:
    """Of the ids, those not of a 在读 pupil of the class."""
    ids = list(student_ids)
    school_id, stage, grade, class_name = key
    inside = set(session.scalars(select(Student.id).where(
        Student.id.in_(ids), Student.school_id == school_id, Student.stage == stage, Student.grade == grade,
        Student.class_name == class_name, Student.status == EnrollmentStatus.ENROLLED.value)))
    return [i for i in ids if i not in inside]
