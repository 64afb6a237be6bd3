"""The assessment of need (家庭经济困难学生认定): once per school year, adjusted each term.

Sources (docs/sources/student-aid-2024.md §5, §6):
- 教财〔2018〕16号: "原则上每学年进行一次，每学期要按照家庭经济困难学生实际情况进行动态调整"; the steps
  提前告知、个人申请、学校认定、结果公示、建档备案. A class review (班级评议) is not one of them: here it is
  optional, a setting (``hardship.review_required``).
- The levels are set locally (two or three): a setting (``hardship.levels``), 特别困难/困难/一般困难 by default.
- The priority groups (脱贫户, 防止返贫监测对象, 低保, 特困, 孤儿 and 事实无人抚养, 残疾, 烈士子女) follow local
  and secondary texts; the rule that finds them is ``roster.categories.priority_groups``.
- 公示 (教财厅函〔2017〕28号): only name, school, grade, class (and the level); never the ID number, address,
  phone, birth date or bank card. Its minimum length in working days is the ledger's setting
  (``standards.NOTICE_DAYS_SETTING``, 5 by default after 教育部《中等职业学校学生资助工作指南》
  "不少于5个工作日", ``standards.SRC_NOTICE_DAYS``; not a national 义务教育 rule), weekends and the
  statutory holidays not counted (``school_calendar.working_days_between``).

The steps, each a service in one transaction: ``apply`` (or ``propose`` for the priority groups) →
``review`` (optional) → ``decide`` (a level and its basis, or not passed) → ``start_publicity`` →
``file_publicity`` (建档). ``adjust`` and ``revoke`` end a record and keep it: the history stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import SchoolYear, nth_working_day, working_days_between
from schoolaid.common.validation import clean_phone, error
from schoolaid.ledger import standards
from schoolaid.roster import categories
from schoolaid.storage.models import HardshipAssessment, HardshipPublicity, Household, School, Student
from schoolaid.township import township

ASSESSMENT = "hardship_assessment"
PUBLICITY = "hardship_publicity"

# --- the statuses and the settings -----------------------------------------------------------------

NOT_APPLIED = "待申请"  # a priority-group student with no record yet (never stored)
APPLIED = "已申请"
REVIEWED = "已评议"
DECIDED = "已认定"
IN_PUBLICITY = "公示中"
FILED = "已建档"
REJECTED = "未通过"
REVOKED = "已撤销"
STATUSES = (NOT_APPLIED, APPLIED, REVIEWED, DECIDED, IN_PUBLICITY, FILED, REJECTED, REVOKED)
ASSESSED = (DECIDED, IN_PUBLICITY, FILED)  # a level the school has decided and not withdrawn

LEVELS_SETTING = "hardship.levels"
DEFAULT_LEVELS = ("特别困难", "困难", "一般困难")
REVIEW_SETTING = "hardship.review_required"  # "1": a class review (评议) before the decision
SEPARATOR = "、"


def levels(session: Session) -> tuple[str, ...]:
    """The levels, most in need first (the setting, or 特别困难/困难/一般困难)."""
    text = township.get_setting(session, LEVELS_SETTING, "")
    found = tuple(part.strip() for part in text.replace("，", ",").replace("、", ",").split(",") if part.strip())
    return found or DEFAULT_LEVELS


def review_required(session: Session) -> bool:
    return township.get_setting(session, REVIEW_SETTING, "0") == "1"


def minimum_working_days(session: Session) -> int:
    """The minimum 公示 in working days: the ledger's setting (``standards.NOTICE_DAYS_SETTING``), or five."""
    text = township.get_setting(session, standards.NOTICE_DAYS_SETTING, "")
    return int(text) if text.strip().isdigit() and int(text) > 0 else standards.DEFAULT_NOTICE_WORKING_DAYS


def working_days(session: Session, start: dt.date, end: dt.date) -> int:
    """Working days from ``start`` to ``end``, both included: weekends and the statutory holidays do not
    count, the make-up working days (调休) do, as for the ledger's own 公示."""
    from schoolaid.ledger import eligibility  # eligibility reads the levels from here

    return working_days_between(start, end, eligibility.official_days(session))


def earliest_end(session: Session, start: dt.date) -> dt.date:
    """The first day a 公示 starting on ``start`` may end: its minimum of working days reached."""
    from schoolaid.ledger import eligibility

    return nth_working_day(start, minimum_working_days(session), eligibility.official_days(session))


# --- reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentView:
    id: int | None  # None: a priority-group student not yet assessed (待申请)
    student_id: int
    name: str
    school_id: int
    school: str
    grade: str
    class_name: str
    status: str
    level: str
    basis: str
    priority_groups: str
    proposed: bool
    applied_on: dt.date | None
    reasons: str
    reviewed_on: dt.date | None
    review_note: str
    decided_on: dt.date | None
    publicity_id: int | None
    publicity_from: dt.date | None
    publicity_to: dt.date | None
    filed_on: dt.date | None
    ended_on: dt.date | None
    end_reason: str
    replaces_id: int | None

    def as_json(self) -> dict[str, object]:
        return {"id": self.student_id, "name": self.name, "level": self.level, "basis": self.basis,
                "status": self.status, "assessment_id": self.id, "school": self.school, "grade": self.grade,
                "class": self.class_name, "priority_groups": self.priority_groups, "proposed": self.proposed,
                "applied_on": _iso(self.applied_on), "decided_on": _iso(self.decided_on),
                "publicity_from": _iso(self.publicity_from), "publicity_to": _iso(self.publicity_to),
                "filed_on": _iso(self.filed_on)}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _view(record: HardshipAssessment) -> AssessmentView:
    student = record.student
    publicity = record.publicity
    return AssessmentView(
        record.id, student.id, student.name, student.school_id, student.school.name,
        grade_name_zh(student.stage, student.grade), student.class_name, record.status, record.level, record.basis,
        record.priority_groups, record.proposed, record.applied_on, record.reasons, record.reviewed_on,
        record.review_note, record.decided_on, record.publicity_id,
        publicity.start_date if publicity else None, publicity.end_date if publicity else None, record.filed_on,
        record.ended_on, record.end_reason, record.replaces_id)


def _current(session: Session, school_year: int, student_ids: Sequence[int] | None = None) -> list[HardshipAssessment]:
    query = (select(HardshipAssessment).where(HardshipAssessment.school_year == school_year,
                                              HardshipAssessment.ended_on.is_(None))
             .options(selectinload(HardshipAssessment.student).selectinload(Student.school),
                      selectinload(HardshipAssessment.publicity))
             .order_by(HardshipAssessment.id))
    if student_ids is not None:
        query = query.where(HardshipAssessment.student_id.in_(student_ids))
    return list(session.scalars(query))


def _enrolled(session: Session) -> list[Student]:
    return list(session.scalars(select(Student).where(Student.status == "在读")
                                .options(selectinload(Student.household), selectinload(Student.school))
                                .order_by(Student.school_id, Student.stage, Student.grade, Student.class_name,
                                          Student.id)))


def not_yet_assessed(session: Session, school_year: int, on: dt.date) -> list[tuple[Student, list[str]]]:
    """Enrolled students in a priority group on ``on`` with no record this school year (their latest
    record, if any, neither pending nor decided)."""
    open_ids = {r.student_id for r in _current(session, school_year) if r.status not in (REJECTED, REVOKED)}
    found = []
    for student in _enrolled(session):
        if student.id in open_ids:
            continue
        groups = categories.priority_groups(student.household, student, on)
        if groups:
            found.append((student, groups))
    return found


def not_yet_assessed_count(session: Session, school_year: int, on: dt.date) -> int:
    """How many students ``not_yet_assessed`` lists, counted in SQL (today's work shows only the number)."""
    open_ids = select(HardshipAssessment.student_id).where(
        HardshipAssessment.school_year == school_year, HardshipAssessment.ended_on.is_(None),
        HardshipAssessment.status.not_in((REJECTED, REVOKED)))
    in_a_group = or_(
        Household.category == categories.HouseholdCategory.LIFTED.value,
        and_(Household.category == categories.HouseholdCategory.MONITORED.value,
             or_(Household.risk_removed_on.is_(None), Household.risk_removed_on > on)),
        Household.dibao.is_(True), Household.tekun.is_(True), Student.orphan.is_(True),
        Student.unsupported.is_(True), and_(Student.disability_category.is_not(None), Student.disability_category != ""),
        Student.martyr_child.is_(True))
    return session.scalar(
        select(func.count()).select_from(Student).outerjoin(Household, Student.household_id == Household.id)
        .where(Student.status == "在读", Student.id.not_in(open_ids), in_a_group)) or 0


def list_assessments(session: Session, school_year: int, on: dt.date, *, status: str = "",
                     school_id: int | None = None, include_pending: bool = True) -> list[AssessmentView]:
    """The year's current assessments (an adjusted record's replacement, not the old one), and the
    priority-group students not yet assessed (待申请) when ``include_pending``."""
    views = [_view(r) for r in _current(session, school_year)]
    taken = {v.student_id for v in views}
    if include_pending:
        for student, groups in not_yet_assessed(session, school_year, on):
            if student.id in taken:
                continue
            views.append(AssessmentView(
                None, student.id, student.name, student.school_id, student.school.name,
                grade_name_zh(student.stage, student.grade), student.class_name, NOT_APPLIED, "",
                SEPARATOR.join(groups), SEPARATOR.join(groups), False, None, "", None, "", None, None, None, None,
                None, None, "", None))
    if status:
        views = [v for v in views if v.status == status]
    if school_id is not None:
        views = [v for v in views if v.school_id == school_id]
    return views


def history(session: Session, student_id: int) -> list[AssessmentView]:
    """Every record of the student, the oldest first: adjustments and revocations kept."""
    records = session.scalars(select(HardshipAssessment).where(HardshipAssessment.student_id == student_id)
                              .order_by(HardshipAssessment.id))
    return [_view(r) for r in records]


def assessed_level(session: Session, student_id: int, on: dt.date) -> str:
    """The level decided for the student and in force on ``on`` (decided on or before it, not ended by
    then), or "" when none: what a programme's "assessed level" condition asks."""
    return assessed_levels(session, on, [student_id]).get(student_id, "")


def assessed_levels(session: Session, on: dt.date, student_ids: Sequence[int] | None = None) -> dict[int, str]:
    """Every student with a level in force on ``on``: student id → level. A record counts from its
    decision until it ends (adjusted or withdrawn), whatever its 公示 stage."""
    query = (select(HardshipAssessment).where(
        HardshipAssessment.decided_on.is_not(None), HardshipAssessment.decided_on <= on,
        HardshipAssessment.status.in_(ASSESSED + (REVOKED,)), HardshipAssessment.level != "")
        .order_by(HardshipAssessment.decided_on, HardshipAssessment.id))
    if student_ids is not None:
        query = query.where(HardshipAssessment.student_id.in_(student_ids))
    found: dict[int, str] = {}
    for record in session.scalars(query):
        if record.ended_on is None or record.ended_on > on:
            found[record.student_id] = record.level
    return found


def get_assessment(session: Session, assessment_id: int) -> HardshipAssessment:
    record = session.get(HardshipAssessment, assessment_id)
    if record is None:
        raise NotFound(translate("Hardship", "The assessment no longer exists."))
    return record


def get_publicity(session: Session, publicity_id: int) -> HardshipPublicity:
    record = session.get(HardshipPublicity, publicity_id)
    if record is None:
        raise NotFound(translate("Hardship", "The notice (公示) no longer exists."))
    return record


# --- the steps ------------------------------------------------------------------------------------------


def _record(session: Session, actor: Actor, action: str, record: HardshipAssessment,
            before: dict[str, object] | None) -> None:
    session.flush()
    audit.record(session, actor, action, ASSESSMENT, record.id, record.student.name, before=before,
                 after=audit.snapshot(record))


def _check_year(school_year: int) -> None:
    if not 2000 <= school_year <= 2100:
        raise ValidationFailed([error("school_year", "hardship.year", translate(
            "Hardship", "Say the school year by the year it begins in, such as 2026."))])


def _refuse_open(session: Session, student: Student, school_year: int) -> None:
    for record in _current(session, school_year, [student.id]):
        if record.status not in (REJECTED, REVOKED):
            raise ValidationFailed([error("student", "hardship.open", translate(
                "Hardship", "{name} already has an assessment this school year ({status}): adjust it instead "
                "of applying again.").format(name=student.name, status=record.status))])


@requires(Permission.POST_LEDGER)
def apply(session: Session, actor: Actor, student_id: int, school_year: int, reasons: str, applied_on: dt.date,
          *, today: dt.date) -> int:
    """A student's (or guardian's) application (个人申请) with its reasons."""
    _check_year(school_year)
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Hardship", "The student no longer exists."))
    problems = []
    if student.status != "在读":
        problems.append(error("student", "hardship.not_enrolled", translate(
            "Hardship", "{name} is not enrolled (在读): only enrolled students are assessed.").format(name=student.name)))
    if not reasons.strip():
        problems.append(error("reasons", "hardship.reasons", translate(
            "Hardship", "Write the reasons the family gives for the application.")))
    if applied_on > today:
        problems.append(error("applied_on", "hardship.future", translate(
            "Hardship", "The application date is in the future.")))
    if problems:
        raise ValidationFailed(problems)
    _refuse_open(session, student, school_year)
    groups = categories.priority_groups(student.household, student, applied_on)
    record = HardshipAssessment(student_id=student.id, school_year=school_year, status=APPLIED, proposed=False,
                                applied_on=applied_on, reasons=reasons.strip(), priority_groups=SEPARATOR.join(groups))
    session.add(record)
    record.student = student
    _record(session, actor, Action.CREATE, record, None)
    return record.id


@dataclass(frozen=True)
class ProposeResult:
    proposed: int
    already: int  # priority-group students who already had a record this year

    def as_json(self) -> dict[str, int]:
        return {"proposed": self.proposed, "already": self.already}


@requires(Permission.POST_LEDGER)
def propose(session: Session, actor: Actor, school_year: int, today: dt.date) -> ProposeResult:
    """Propose every enrolled student of a priority group on ``today`` who has no record this school
    year: an application (已申请) made by rule, its basis the groups found."""
    _check_year(school_year)
    open_ids = {r.student_id for r in _current(session, school_year) if r.status not in (REJECTED, REVOKED)}
    proposed = already = 0
    for student in _enrolled(session):
        groups = categories.priority_groups(student.household, student, today)
        if not groups:
            continue
        if student.id in open_ids:
            already += 1
            continue
        basis = SEPARATOR.join(groups)
        record = HardshipAssessment(student_id=student.id, school_year=school_year, status=APPLIED, proposed=True,
                                    applied_on=today, priority_groups=basis, basis=basis)
        session.add(record)
        record.student = student
        _record(session, actor, Action.CREATE, record, None)
        proposed += 1
    return ProposeResult(proposed, already)


@requires(Permission.POST_LEDGER)
def review(session: Session, actor: Actor, assessment_id: int, reviewed_on: dt.date, note: str, *,
           today: dt.date) -> None:
    """The class review (评议), where the school holds one: its date and what it found."""
    record = get_assessment(session, assessment_id)
    problems = []
    if record.status != APPLIED:
        problems.append(error("status", "hardship.review_status", translate(
            "Hardship", "Only an application (已申请) is reviewed; this one is {status}.").format(status=record.status)))
    if reviewed_on > today or reviewed_on < record.applied_on:
        problems.append(error("reviewed_on", "hardship.review_date", translate(
            "Hardship", "The review date must be between the application ({applied}) and today.").format(
                applied=record.applied_on.isoformat())))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(record)
    record.status, record.reviewed_on, record.review_note = REVIEWED, reviewed_on, note.strip()
    _record(session, actor, Action.STATUS, record, before)


def _decide_one(session: Session, actor: Actor, record: HardshipAssessment, level: str, basis: str,
                decided_on: dt.date, today: dt.date, allowed: tuple[str, ...]) -> None:
    problems = []
    if record.status not in (APPLIED, REVIEWED):
        problems.append(error("status", "hardship.decide_status", translate(
            "Hardship", "{name}: only an application is decided; this one is {status}.").format(
                name=record.student.name, status=record.status)))
    elif record.status == APPLIED and review_required(session):
        problems.append(error("status", "hardship.review_first", translate(
            "Hardship", "{name}: the class review (评议) comes first, as the school's settings require.").format(
                name=record.student.name)))
    if level and level not in allowed:
        problems.append(error("level", "hardship.level", translate(
            "Hardship", "\u201c{level}\u201d is not a level: choose one of {levels}.").format(
                level=level, levels=SEPARATOR.join(allowed))))
    if decided_on > today or decided_on < record.applied_on:
        problems.append(error("decided_on", "hardship.decide_date", translate(
            "Hardship", "The decision date must be between the application ({applied}) and today.").format(
                applied=record.applied_on.isoformat())))
    basis = basis.strip() or record.priority_groups or record.reasons
    if level and not basis:
        problems.append(error("basis", "hardship.basis", translate(
            "Hardship", "{name}: say what the decision rests on (a priority group or the application's "
            "reasons).").format(name=record.student.name)))
    if not level and not basis:
        problems.append(error("basis", "hardship.reject_reason", translate(
            "Hardship", "Say why the application is not passed.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(record)
    record.status = DECIDED if level else REJECTED
    record.level, record.basis, record.decided_on, record.decided_by = level, basis, decided_on, actor.name
    _record(session, actor, Action.STATUS, record, before)


@requires(Permission.POST_LEDGER)
def decide(session: Session, actor: Actor, assessment_id: int, level: str, decided_on: dt.date, basis: str = "",
           *, today: dt.date) -> None:
    """The school's decision (学校认定): a level and its basis (the priority groups, or the reasons),
    or ``level`` "" for not passed (未通过), with the reason in ``basis``."""
    record = get_assessment(session, assessment_id)
    _decide_one(session, actor, record, level.strip(), basis, decided_on, today, levels(session))


@requires(Permission.POST_LEDGER)
def confirm_proposed(session: Session, actor: Actor, school_year: int, level: str, decided_on: dt.date, *,
                     today: dt.date, school_id: int | None = None) -> int:
    """Decide every application proposed by rule this school year (of one school, or all) at ``level``,
    in one action; their basis is the priority groups found. Returns how many."""
    allowed = levels(session)
    if level.strip() not in allowed:
        raise ValidationFailed([error("level", "hardship.level", translate(
            "Hardship", "\u201c{level}\u201d is not a level: choose one of {levels}.").format(
                level=level, levels=SEPARATOR.join(allowed)))])
    waiting = [r for r in _current(session, school_year) if r.proposed and r.status in (APPLIED, REVIEWED)
               and (school_id is None or r.student.school_id == school_id)]
    if not waiting:
        raise ValidationFailed([error("proposed", "hardship.none_proposed", translate(
            "Hardship", "No proposed application is waiting for a decision this school year: propose the priority "
            "groups first."))])
    for record in waiting:
        _decide_one(session, actor, record, level.strip(), record.basis, decided_on, today, allowed)
    return len(waiting)


@requires(Permission.POST_LEDGER)
def start_publicity(session: Session, actor: Actor, school_year: int, start: dt.date, end: dt.date, phone: str,
                    *, today: dt.date, school_id: int | None = None) -> int:
    """The 公示 of every decided assessment of the year (of one school, or all): its dates (at least the
    setting's working days) and the phone for objections. Returns the 公示's number."""
    minimum = minimum_working_days(session)
    phone = clean_phone(phone)
    counted = working_days(session, start, end)
    problems = []
    if end < start:
        problems.append(error("end", "hardship.publicity_order", translate(
            "Hardship", "The notice ends before it starts.")))
    elif counted < minimum:
        problems.append(error("end", "hardship.publicity_short", translate(
            "Hardship", "The notice must stay up at least {days} working days (here: {n}, weekends and holidays "
            "not counted); end it later.").format(days=minimum, n=counted)))
    if not phone:
        problems.append(error("phone", "hardship.phone", translate(
            "Hardship", "Give the phone number for objections (异议电话).")))
    waiting = [r for r in _current(session, school_year) if r.status == DECIDED
               and (school_id is None or r.student.school_id == school_id)]
    if not waiting:
        problems.append(error("assessments", "hardship.nothing_to_publish", translate(
            "Hardship", "No decided assessment is waiting for its notice this school year.")))
    if problems:
        raise ValidationFailed(problems)
    publicity = HardshipPublicity(school_year=school_year, school_id=school_id, start_date=start, end_date=end,
                                  objection_phone=phone, recorded_by=actor.name)
    session.add(publicity)
    session.flush()
    audit.record(session, actor, Action.CREATE, PUBLICITY, publicity.id, SchoolYear(school_year).label,
                 after=audit.snapshot(publicity))
    for record in waiting:
        before = audit.snapshot(record)
        record.status, record.publicity_id = IN_PUBLICITY, publicity.id
        _record(session, actor, Action.STATUS, record, before)
    return publicity.id


@requires(Permission.POST_LEDGER)
def file_publicity(session: Session, actor: Actor, publicity_id: int, taken_down_on: dt.date, *,
                   today: dt.date) -> int:
    """The 公示 is over and was taken down: its assessments go on file (建档). Returns how many."""
    publicity = get_publicity(session, publicity_id)
    problems = []
    if publicity.taken_down_on is not None:
        problems.append(error("publicity", "hardship.filed", translate(
            "Hardship", "This notice was already taken down on {date}.").format(
                date=publicity.taken_down_on.isoformat())))
    elif taken_down_on <= publicity.end_date:
        problems.append(error("taken_down_on", "hardship.too_early", translate(
            "Hardship", "The notice runs until {date}: file the assessments after it ends.").format(
                date=publicity.end_date.isoformat())))
    if taken_down_on > today:
        problems.append(error("taken_down_on", "hardship.future", translate(
            "Hardship", "The date is in the future.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(publicity)
    publicity.taken_down_on = taken_down_on
    audit.record(session, actor, Action.UPDATE, PUBLICITY, publicity.id, SchoolYear(publicity.school_year).label,
                 before=before, after=audit.snapshot(publicity))
    records = list(session.scalars(select(HardshipAssessment).where(
        HardshipAssessment.publicity_id == publicity.id, HardshipAssessment.status == IN_PUBLICITY)))
    for record in records:
        before = audit.snapshot(record)
        record.status, record.filed_on = FILED, taken_down_on
        _record(session, actor, Action.STATUS, record, before)
    return len(records)


@requires(Permission.POST_LEDGER)
def revoke(session: Session, actor: Actor, assessment_id: int, reason: str, *, today: dt.date) -> None:
    """Withdraw an assessment (an objection upheld, the family no longer in difficulty): kept, ended."""
    record = get_assessment(session, assessment_id)
    problems = []
    if record.ended_on is not None or record.status in (REJECTED, REVOKED):
        problems.append(error("status", "hardship.revoke_status", translate(
            "Hardship", "This assessment is {status}: there is nothing to withdraw.").format(status=record.status)))
    if not reason.strip():
        problems.append(error("reason", "hardship.revoke_reason", translate(
            "Hardship", "Say why the assessment is withdrawn.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(record)
    record.status, record.ended_on, record.end_reason = REVOKED, today, reason.strip()
    _record(session, actor, Action.STATUS, record, before)


@requires(Permission.POST_LEDGER)
def adjust(session: Session, actor: Actor, assessment_id: int, level: str, reason: str, *, today: dt.date) -> int:
    """The term's adjustment (动态调整) of a decided assessment: the old record ends today and is kept;
    a new one with the new level is decided today and goes through its own 公示. Returns its number."""
    record = get_assessment(session, assessment_id)
    allowed = levels(session)
    problems = []
    if record.ended_on is not None or record.status not in ASSESSED:
        problems.append(error("status", "hardship.adjust_status", translate(
            "Hardship", "Only a decided assessment is adjusted; this one is {status}.").format(status=record.status)))
    if level not in allowed:
        problems.append(error("level", "hardship.level", translate(
            "Hardship", "\u201c{level}\u201d is not a level: choose one of {levels}.").format(
                level=level, levels=SEPARATOR.join(allowed))))
    elif level == record.level:
        problems.append(error("level", "hardship.same_level", translate(
            "Hardship", "The level is already {level}.").format(level=level)))
    if not reason.strip():
        problems.append(error("reason", "hardship.adjust_reason", translate(
            "Hardship", "Say why the level changes.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(record)
    record.ended_on, record.end_reason = today, reason.strip()
    _record(session, actor, Action.UPDATE, record, before)
    new = HardshipAssessment(student_id=record.student_id, school_year=record.school_year, status=DECIDED,
                             proposed=record.proposed, applied_on=record.applied_on, reasons=record.reasons,
                             priority_groups=record.priority_groups, reviewed_on=record.reviewed_on,
                             review_note=record.review_note, level=level,
                             basis=f"{record.basis}（{reason.strip()}）" if record.basis else reason.strip(),
                             decided_on=today, decided_by=actor.name, replaces_id=record.id)
    session.add(new)
    new.student = record.student
    _record(session, actor, Action.CREATE, new, None)
    return new.id


# --- for the printouts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicityView:
    id: int
    school_year: int
    school: str  # "" for every school
    start_date: dt.date
    end_date: dt.date
    objection_phone: str
    taken_down_on: dt.date | None
    lines: tuple[AssessmentView, ...]


def publicity_view(session: Session, publicity_id: int) -> PublicityView:
    publicity = get_publicity(session, publicity_id)
    records = session.scalars(select(HardshipAssessment).where(HardshipAssessment.publicity_id == publicity.id)
                              .join(Student).order_by(Student.school_id, Student.stage, Student.grade,
                                                      Student.class_name, Student.id))
    school = session.get(School, publicity.school_id) if publicity.school_id is not None else None
    return PublicityView(publicity.id, publicity.school_year, school.name if school else "", publicity.start_date,
                         publicity.end_date, publicity.objection_phone, publicity.taken_down_on,
                         tuple(_view(r) for r in records))


def list_publicities(session: Session, school_year: int) -> list[PublicityView]:
    ids = session.scalars(select(HardshipPublicity.id).where(HardshipPublicity.school_year == school_year)
                          .order_by(HardshipPublicity.id.desc()))
    return [publicity_view(session, i) for i in ids]
