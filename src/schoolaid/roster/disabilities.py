"""Children with disabilities (残疾儿童少年): the disability record and the log of 送教上门.

A student's record holds the category and grade of the disability (GB/T 26341-2010 残疾人残疾分类和分级:
视力, 听力, 言语, 肢体, 智力, 精神, 多重; 一级 to 四级), the county expert committee's assessment
(残疾儿童少年入学评估: the day and the decision) and the placement the county arranged (残疾人教育条例
2017): 随班就读, 特教班 (特殊教育班), 特殊教育学校, 送教上门, or 待安置 while none is arranged. Sources in
docs/sources/disabilities.md.

送教上门 is a placement, not a way out of school: the child stays on the roll (在读) and counts as
enrolled; a child 辍学, 休学 or 未入学 placed 送教上门 is brought back to 在读 in the same transaction. Each
visit is logged (day, teacher, hours, what was taught) with its evidence; a child placed 送教上门 with no
visit for more than the setting's days (30) is today's work, and so is a child 待安置 for more than its
days (60).

Records are appended: a change of the record is a new row, the newest in force and the older its history;
visits are never edited. Every write is audited. The roster's disability category and grade follow the
newest record (audited as a change of the student)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, check_class, requires
from schoolaid.common.errors import NotAllowed, NotFound, Problem, ValidationFailed
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.roster import roster
from schoolaid.roster.categories import (
    DISABILITY_CATEGORIES,
    DISABILITY_GRADES,
    disability_label,
    normalise_disability,
)
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import DisabilityRecord, HomeTeachingVisit, School, Student
from schoolaid.township import attachments, township

ENTITY = "disability_record"
VISIT_ENTITY = "home_teaching_visit"
EVIDENCE_OWNER = "home_teaching"  # the attachments' owner of a visit's evidence


class Placement(str, enum.Enum):
    """The placements of 残疾人教育条例 (2017) art. 17, and 待安置 while the county has arranged none."""

    MAINSTREAM = "随班就读"
    SPECIAL_CLASS = "特教班"
    SPECIAL_SCHOOL = "特殊教育学校"
    HOME_TEACHING = "送教上门"
    PENDING = "待安置"

    def label(self) -> str:
        return {
            Placement.MAINSTREAM: translate("Vocabulary", "Regular class (随班就读)"),
            Placement.SPECIAL_CLASS: translate("Vocabulary", "Special education class (特教班)"),
            Placement.SPECIAL_SCHOOL: translate("Vocabulary", "Special education school"),
            Placement.HOME_TEACHING: translate("Vocabulary", "Taught at home (送教上门)"),
            Placement.PENDING: translate("Vocabulary", "Awaiting placement (待安置)"),
        }[self]

    @property
    def printed(self) -> str:
        """As printed (Chinese always): 特教班 in full."""
        return "特殊教育班" if self is Placement.SPECIAL_CLASS else self.value


#: The statuses a child placed 送教上门 is brought back from: they are on the roll, taught at home.
BROUGHT_BACK = (EnrollmentStatus.DROPPED_OUT, EnrollmentStatus.SUSPENDED, EnrollmentStatus.NOT_ENROLLED)

VISIT_DAYS_SETTING = "disability.home_visit_days"
VISIT_DAYS_LIMITS = (30, 7, 90)  # default, lowest, highest: a month with no visit is today's work
PENDING_DAYS_SETTING = "disability.pending_days"
PENDING_DAYS_LIMITS = (60, 14, 365)  # 待安置 this long is today's work

MAX_HOURS = Decimal(12)
_TEXT_WIDTH = 64


def _setting(session: Session, key: str, limits: tuple[int, int, int]) -> int:
    default, low, high = limits
    value = township.get_setting(session, key, str(default))
    return int(value) if value.isdigit() and low <= int(value) <= high else default


def visit_days(session: Session) -> int:
    """The days a child placed 送教上门 may go without a visit before it is today's work."""
    return _setting(session, VISIT_DAYS_SETTING, VISIT_DAYS_LIMITS)


def pending_days(session: Session) -> int:
    """The days a child may stay 待安置 before it is today's work."""
    return _setting(session, PENDING_DAYS_SETTING, PENDING_DAYS_LIMITS)


# --- the record ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DisabilityForm:
    category: str = ""
    grade: str = ""
    placement: str = Placement.PENDING.value
    since: dt.date | None = None  # the placement's first day (None: today)
    assessed_on: dt.date | None = None
    decision: str = ""


@dataclass(frozen=True)
class DisabilityView:
    id: int
    student_id: int
    category: str
    grade: str
    assessed_on: dt.date | None
    decision: str
    placement: Placement
    since: dt.date
    recorded_by: str

    @property
    def category_label(self) -> str:
        return disability_label(self.category)

    def summary(self) -> str:
        """How the trail and the lists describe it (Chinese always)."""
        text = f"{disability_label(self.category)}{self.grade}，{self.placement.printed}（{self.since.isoformat()}起）"
        if self.assessed_on is not None:
            text += f"，{self.assessed_on.isoformat()}评估：{self.decision}"
        return text

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "student_id": self.student_id, "category": self.category, "grade": self.grade,
                "assessed_on": self.assessed_on.isoformat() if self.assessed_on else None, "decision": self.decision,
                "placement": self.placement.value, "since": self.since.isoformat(), "recorded_by": self.recorded_by}


def _view(row: DisabilityRecord) -> DisabilityView:
    return DisabilityView(row.id, row.student_id, row.category, row.grade, row.assessed_on, row.decision,
                          Placement(row.placement), row.since, row.recorded_by)


def _student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Roster", "The student no longer exists (id {id}).").format(id=student_id))
    return student


def _form_problems(student: Student, form: DisabilityForm, since: dt.date, previous: DisabilityView | None,
                   today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if form.category not in DISABILITY_CATEGORIES:
        problems.append(error("category", "disability.category", translate(
            "Disabilities", "Choose the category of the disability: 视力, 听力, 言语, 肢体, 智力, 精神 or 多重.")))
    if form.grade not in DISABILITY_GRADES:
        problems.append(error("grade", "disability.grade", translate(
            "Disabilities", "Choose the grade of the disability: 一级, 二级, 三级 or 四级.")))
    if form.placement not in {p.value for p in Placement}:
        problems.append(error("placement", "disability.placement", translate(
            "Disabilities", "Choose the placement: 随班就读, 特教班, 特殊教育学校, 送教上门 or 待安置.")))
    if since > today:
        problems.append(error("since", "disability.since_future", translate(
            "Disabilities", "The placement's first day is in the future.")))
    elif previous is not None and since < previous.since:
        problems.append(error("since", "disability.since_before", translate(
            "Disabilities", "The placement's first day is before that of the record in force ({date}).").format(
                date=previous.since.isoformat())))
    if form.assessed_on is not None:
        if form.assessed_on > today:
            problems.append(error("assessed_on", "disability.assessed_future", translate(
                "Disabilities", "The day of the assessment is in the future.")))
        elif student.birth_date is not None and form.assessed_on < student.birth_date:
            problems.append(error("assessed_on", "disability.assessed_before_birth", translate(
                "Disabilities", "The day of the assessment is before the child's birth date.")))
        if not form.decision.strip():
            problems.append(error("decision", "disability.decision", translate(
                "Disabilities", "Give the expert committee's decision with the day of the assessment.")))
    elif form.decision.strip():
        problems.append(error("assessed_on", "disability.assessed_on", translate(
            "Disabilities", "Enter the day of the expert committee's assessment with its decision.")))
    return problems


def _record_columns() -> list[str]:
    return [c.key for c in DisabilityRecord.__table__.columns if c.key != "recorded_at"]


@requires(Permission.EDIT_ROSTER)
def set_disability(session: Session, actor: Actor, student_id: int, form: DisabilityForm, *, today: dt.date) -> int:
    """Record a student's disability and placement (a new row; the one in force before stays as history).
    The roster's category and grade follow; a child placed 送教上门 who was 辍学, 休学 or 未入学 is brought
    back to 在读 from the placement's first day. Returns the record's id (that in force when nothing changed)."""
    student = _student(session, student_id)
    form = DisabilityForm(normalise_disability(form.category), form.grade.strip(), form.placement.strip(), form.since,
                          form.assessed_on, form.decision.strip())
    previous = current(session, student.id)
    since = form.since or today
    problems = _form_problems(student, form, since, previous, today)
    if problems:
        raise ValidationFailed(problems)
    placement = Placement(form.placement)
    if previous is not None and (previous.category, previous.grade, previous.placement, previous.assessed_on,
                                 previous.decision) == (form.category, form.grade, placement, form.assessed_on,
                                                        form.decision):
        return previous.id
    if previous is not None and previous.placement is placement:
        since = previous.since  # the same placement goes on: its first day does not move
    row = DisabilityRecord(student_id=student.id, category=form.category, grade=form.grade,
                           assessed_on=form.assessed_on, decision=form.decision, placement=placement.value,
                           since=since, recorded_by=actor.name)
    session.add(row)
    session.flush()
    audit.record(session, actor, Action.CREATE, ENTITY, row.id, f"{student.name}：{_view(row).summary()}",
                 after=audit.snapshot(row, _record_columns()))
    _follow_on_roster(session, actor, student, form.category, form.grade)
    if placement is Placement.HOME_TEACHING and EnrollmentStatus(student.status) in BROUGHT_BACK:
        roster.change_status(session, actor, student.id, EnrollmentStatus.ENROLLED, since,
                             translate("Disabilities", "Taught at home (送教上门): on the roll"), today=today)
    return row.id


def follow_student_form(session: Session, actor: Actor, student_id: int, *, today: dt.date) -> None:
    """The student form changed the disability's category or grade: the record in force follows with a new
    row (placement, its first day and the assessment unchanged)."""
    student = _student(session, student_id)
    previous = current(session, student_id)
    if previous is None:
        return
    set_disability(session, actor, student_id, DisabilityForm(
        student.disability_category, student.disability_grade, previous.placement.value, previous.since,
        previous.assessed_on, previous.decision), today=today)


def _follow_on_roster(session: Session, actor: Actor, student: Student, category: str, grade: str) -> None:
    """The roster's category and grade as the newest record says, audited as a change of the student."""
    fields = ["disability_category", "disability_grade"]
    before = audit.snapshot(student, fields)
    student.disability_category, student.disability_grade = category, grade
    after = audit.snapshot(student, fields)
    if before != after:
        session.flush()
        audit.record(session, actor, Action.UPDATE, roster.ENTITY, student.id, student.name, before=before,
                     after=after)


def current(session: Session, student_id: int) -> DisabilityView | None:
    """The record in force (the newest), or None for a student with none."""
    row = session.scalars(select(DisabilityRecord).where(DisabilityRecord.student_id == student_id)
                          .order_by(DisabilityRecord.id.desc()).limit(1)).first()
    return _view(row) if row is not None else None


def history(session: Session, student_id: int) -> list[DisabilityView]:
    """Every record of the student, oldest first (the last is in force)."""
    return [_view(row) for row in session.scalars(select(DisabilityRecord).where(
        DisabilityRecord.student_id == student_id).order_by(DisabilityRecord.id))]


def _current_rows(session: Session, student_ids: Iterable[int] | None = None) -> dict[int, DisabilityView]:
    newest = select(func.max(DisabilityRecord.id)).group_by(DisabilityRecord.student_id)
    query = select(DisabilityRecord).where(DisabilityRecord.id.in_(newest))
    if student_ids is not None:
        query = query.where(DisabilityRecord.student_id.in_(list(student_ids)))
    return {row.student_id: _view(row) for row in session.scalars(query)}


def home_taught(session: Session, student_ids: Iterable[int] | None = None) -> set[int]:
    """The students whose record in force places them 送教上门."""
    return {sid for sid, view in _current_rows(session, student_ids).items()
            if view.placement is Placement.HOME_TEACHING}


# --- 送教上门 visits ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitEntry:
    on: dt.date
    teacher: str
    hours: Decimal | str | float
    content: str


@dataclass(frozen=True)
class VisitView:
    id: int
    student_id: int
    on: dt.date
    teacher: str
    minutes: int
    content: str
    recorded_by: str
    evidence: int = 0
    corrects_id: int | None = None
    corrected_by: int | None = None  # the entry that replaced this one

    @property
    def counts(self) -> bool:
        """Whether it counts: a corrected entry is replaced by its correction."""
        return self.corrected_by is None

    @property
    def hours(self) -> Decimal:
        return Decimal(self.minutes) / 60

    @property
    def hours_text(self) -> str:
        """The hours as written: 2, 1.5, 0.75."""
        return format_hours(self.minutes)

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "student_id": self.student_id, "on": self.on.isoformat(), "teacher": self.teacher,
                "hours": self.hours_text, "content": self.content, "evidence": self.evidence,
                "corrects": self.corrects_id, "corrected_by": self.corrected_by}


def format_hours(minutes: int) -> str:
    text = f"{Decimal(minutes) / 60:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _minutes(hours: Decimal | str | float) -> int | None:
    try:
        value = Decimal(str(hours).strip())
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite() or value <= 0 or value > MAX_HOURS:
        return None
    return int((value * 60).to_integral_value())


@requires(Permission.LOG_VISIT)
def log_visit(session: Session, actor: Actor, student_id: int, entry: VisitEntry,
              files: Sequence[tuple[str, bytes]] = (), *, today: dt.date, corrects_id: int | None = None) -> int:
    """Log a 送教上门 visit of a child placed 送教上门 on that day, with its evidence files."""
    student = _student(session, student_id)
    check_class(actor, Permission.LOG_VISIT, student.school_id, student.stage, student.grade, student.class_name,
                student.name)
    record = current(session, student.id)
    problems: list[Problem] = []
    if record is None or record.placement is not Placement.HOME_TEACHING:
        raise ValidationFailed([error("student", "home_teaching.not_placed", translate(
            "Disabilities", "{name} is not placed 送教上门: record the placement first.").format(name=student.name))])
    if entry.on > today:
        problems.append(error("on", "home_teaching.future", translate("Disabilities", "The visit's day is in the future.")))
    elif entry.on < record.since:
        problems.append(error("on", "home_teaching.before", translate(
            "Disabilities", "The visit's day is before the placement 送教上门 began ({date}).").format(
                date=record.since.isoformat())))
    teacher = entry.teacher.strip()
    if not teacher:
        problems.append(error("teacher", "home_teaching.teacher", translate(
            "Disabilities", "Enter the teacher who made the visit.")))
    elif len(teacher) > _TEXT_WIDTH:
        problems.append(error("teacher", "home_teaching.teacher_long", translate(
            "Disabilities", "The teacher's name is at most {n} characters long.").format(n=_TEXT_WIDTH)))
    minutes = _minutes(entry.hours)
    if minutes is None or minutes == 0:
        problems.append(error("hours", "home_teaching.hours", translate(
            "Disabilities", "Enter the hours taught: a number above 0 and at most {n}.").format(n=MAX_HOURS)))
    content = entry.content.strip()
    if not content:
        problems.append(error("content", "home_teaching.content", translate(
            "Disabilities", "Describe what was taught.")))
    if problems:
        raise ValidationFailed(problems)
    assert minutes is not None
    row = HomeTeachingVisit(student_id=student.id, visit_date=entry.on, teacher=teacher, minutes=minutes,
                            content=content, recorded_by=actor.name, corrects_id=corrects_id)
    session.add(row)
    session.flush()
    corrected = f"（更正第{corrects_id}条）" if corrects_id is not None else ""
    audit.record(session, actor, Action.CREATE, VISIT_ENTITY, row.id,
                 f"{student.name}：{entry.on.isoformat()}送教上门，{teacher}，{format_hours(minutes)}小时{corrected}",
                 after=audit.snapshot(row, [c.key for c in HomeTeachingVisit.__table__.columns if c.key != "recorded_at"]))
    for name, data in files:
        attachments.add(session, actor, EVIDENCE_OWNER, row.id, name, data)
    return row.id


@requires(Permission.LOG_VISIT)
def correct_visit(session: Session, actor: Actor, visit_id: int, entry: VisitEntry,
                  files: Sequence[tuple[str, bytes]] = (), *, today: dt.date, student_id: int | None = None) -> int:
    """A visit entered wrongly: the correction is a new entry pointing at the old one, which stays in
    the log marked as corrected and no longer counts (hours, the last visit, the register).
    ``student_id``, when given, must be the old entry's student."""
    old = session.get(HomeTeachingVisit, visit_id)
    if old is None or (student_id is not None and old.student_id != student_id):
        raise NotFound(translate("Disabilities", "There is no 送教上门 visit with number {id}.").format(id=visit_id))
    if session.scalar(select(HomeTeachingVisit.id).where(HomeTeachingVisit.corrects_id == visit_id)) is not None:
        raise NotAllowed(translate("Disabilities", "This entry has been corrected already: correct the correction."))
    return log_visit(session, actor, old.student_id, entry, files, today=today, corrects_id=visit_id)


@requires(Permission.LOG_VISIT)
def add_visit_evidence(session: Session, actor: Actor, visit_id: int, name: str, data: bytes) -> int:
    visit = session.get(HomeTeachingVisit, visit_id)
    if visit is None:
        raise NotFound(translate("Disabilities", "There is no 送教上门 visit with number {id}.").format(id=visit_id))
    student = _student(session, visit.student_id)
    check_class(actor, Permission.LOG_VISIT, student.school_id, student.stage, student.grade, student.class_name,
                student.name)
    return attachments.add(session, actor, EVIDENCE_OWNER, visit.id, name, data)


def visits(session: Session, student_id: int) -> list[VisitView]:
    """The student's 送教上门 visits, oldest first, each with its number of evidence files."""
    rows = list(session.scalars(select(HomeTeachingVisit).where(HomeTeachingVisit.student_id == student_id)
                                .order_by(HomeTeachingVisit.visit_date, HomeTeachingVisit.id)))
    evidence = attachments.counts_for(session, EVIDENCE_OWNER, [row.id for row in rows]) if rows else {}
    corrected_by = {row.corrects_id: row.id for row in rows if row.corrects_id is not None}
    return [VisitView(row.id, row.student_id, row.visit_date, row.teacher, row.minutes, row.content, row.recorded_by,
                      evidence.get(row.id, 0), row.corrects_id, corrected_by.get(row.id)) for row in rows]


def counted_visits(session: Session, student_id: int) -> list[VisitView]:
    """The visits that count: each corrected entry replaced by its correction."""
    return [visit for visit in visits(session, student_id) if visit.counts]


def _last_visits(session: Session) -> dict[int, dt.date]:
    replaced = select(HomeTeachingVisit.corrects_id).where(HomeTeachingVisit.corrects_id.is_not(None))
    return {sid: day for sid, day in session.execute(
        select(HomeTeachingVisit.student_id, func.max(HomeTeachingVisit.visit_date))
        .where(HomeTeachingVisit.id.not_in(replaced))
        .group_by(HomeTeachingVisit.student_id)) if day is not None}


# --- the list ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DisabledChild:
    """A student with a record, as the list, today's work and the register show them."""

    student_id: int
    name: str
    sex: str
    school_id: int
    school: str
    grade: str
    status: str
    guardian: str
    record: DisabilityView
    last_visit: dt.date | None
    visits: int

    def days_without_visit(self, today: dt.date) -> int:
        """Days since the last visit (or, with none, since the placement 送教上门 began)."""
        return (today - (self.last_visit or self.record.since)).days

    def visit_overdue(self, today: dt.date, days: int) -> bool:
        """A child placed 送教上门, on the roll, with no visit for more than ``days`` days: day ``days`` is still in time."""
        return (self.record.placement is Placement.HOME_TEACHING and self.status == EnrollmentStatus.ENROLLED.value
                and self.days_without_visit(today) > days)

    def pending_long(self, today: dt.date, days: int) -> bool:
        """待安置 for more than ``days`` days."""
        return self.record.placement is Placement.PENDING and (today - self.record.since).days > days

    def as_json(self) -> dict[str, object]:
        return {"student_id": self.student_id, "name": self.name, "school": self.school, "grade": self.grade,
                "status": self.status, "record": self.record.as_json(),
                "last_visit": self.last_visit.isoformat() if self.last_visit else None, "visits": self.visits}


def children(session: Session, school_id: int | None = None, placement: Placement | None = None,
             classes: Iterable[tuple[int, str, int, str]] | None = None) -> list[DisabledChild]:
    """Every student with a disability record, with the record in force, in school and grade order; with
    ``classes``, only the pupils of those classes (a class teacher's own)."""
    records = _current_rows(session)
    if not records:
        return []
    last = _last_visits(session)
    replaced = select(HomeTeachingVisit.corrects_id).where(HomeTeachingVisit.corrects_id.is_not(None))
    counts: dict[int, int] = {sid: n for sid, n in session.execute(
        select(HomeTeachingVisit.student_id, func.count()).where(HomeTeachingVisit.id.not_in(replaced))
        .group_by(HomeTeachingVisit.student_id))}
    query = (select(Student.id, Student.name, Student.sex, Student.school_id, School.name, Student.stage,
                    Student.grade, Student.class_name, Student.status, Student.guardian_name)
             .join(School, Student.school_id == School.id).where(Student.id.in_(list(records)))
             .order_by(School.sort_order, School.id, Student.stage.desc(), Student.grade, Student.name_pinyin,
                       Student.id))
    if school_id is not None:
        query = query.where(Student.school_id == school_id)
    if classes is not None:
        query = query.where(roster.in_classes(classes))
    found = []
    for sid, name, sex, school_id_, school, stage, grade, class_name, status, guardian in session.execute(query):
        record = records[sid]
        if placement is not None and record.placement is not placement:
            continue
        found.append(DisabledChild(sid, name, sex, school_id_, school, f"{grade_name_zh(stage, grade)}{class_name}",
                                   status, guardian, record, last.get(sid), counts.get(sid, 0)))
    return found


def overdue_home_teaching(session: Session, today: dt.date,
                          classes: Iterable[tuple[int, str, int, str]] | None = None) -> list[DisabledChild]:
    """Children placed 送教上门 with no visit for more than the setting's days, the longest waiting first; with
    ``classes``, only those of the given classes."""
    days = visit_days(session)
    found = [child for child in children(session, placement=Placement.HOME_TEACHING, classes=classes)
             if child.visit_overdue(today, days)]
    return sorted(found, key=lambda child: -child.days_without_visit(today))


def long_pending(session: Session, today: dt.date) -> list[DisabledChild]:
    """Children 待安置 for more than the setting's days, the longest waiting first."""
    days = pending_days(session)
    found = [child for child in children(session, placement=Placement.PENDING) if child.pending_long(today, days)]
    return sorted(found, key=lambda child: child.record.since)
