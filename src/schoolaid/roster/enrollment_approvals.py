"""The age rule and the approvals that let a school-age child be out of class (义务教育法 art. 11):
a child of six or more on the age reference day who is still in a preschool class is due to enroll
(应入学) unless a 延缓入学 approval is in force; a pupil whose status is 休学 needs a 休学 approval, and
one whose approval has run out is flagged.

Approvals are appended, never edited or deleted: the latest approval of a kind for a student is the
one that counts, the older ones stay on record (``history``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound, Problem, ValidationFailed
from schoolaid.common.grades import Stage, age_on
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import AGE_REFERENCE_DAY, AGE_REFERENCE_MONTH, SchoolYear
from schoolaid.common.validation import error
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import EnrollmentApproval, School, Student
from schoolaid.township import township

ENTITY = "enrollment_approval"


class ApprovalKind(str, enum.Enum):
    DEFERRED = "延缓入学"
    SUSPENDED = "休学"

    def label(self) -> str:
        return {
            ApprovalKind.DEFERRED: translate("Vocabulary", "Deferred enrollment"),
            ApprovalKind.SUSPENDED: translate("Vocabulary", "Suspension"),
        }[self]


class Flag(str, enum.Enum):
    """What the roster, the home tab and the school-age ledger say of a child the rules catch."""

    DUE_TO_ENROLL = "应入学"
    SUSPENSION_UNAPPROVED = "休学无批准"
    SUSPENSION_EXPIRED = "休学已到期"
    # Set by the roster (roster.transfers), not by these rules: a 转出 child whose receiving school is
    # not confirmed is not known to be at any school.
    TRANSFER_UNCONFIRMED = "转出待核实"

    def label(self) -> str:
        return {
            Flag.DUE_TO_ENROLL: translate("Vocabulary", "Due to enroll"),
            Flag.SUSPENSION_UNAPPROVED: translate("Vocabulary", "Suspended without approval"),
            Flag.SUSPENSION_EXPIRED: translate("Vocabulary", "Suspension expired"),
            Flag.TRANSFER_UNCONFIRMED: translate("Vocabulary", "Awaiting confirmation"),
        }[self]


#: Compulsory education: ages 6 to 15 on the age reference day.
COMPULSORY_AGES = range(6, 16)
#: A 休学 is approved for at most one school year at a time; a longer absence is approved again.
MAX_SUSPENSION_YEARS = 1
#: The day ages are reckoned on, as month-day, for provinces that count another day than 31 August.
AGE_REFERENCE_SETTING = "enrollment.age_reference_day"
DEFAULT_AGE_REFERENCE = f"{AGE_REFERENCE_MONTH:02d}-{AGE_REFERENCE_DAY:02d}"

LAW = "《中华人民共和国义务教育法》（2018年修正）第十一条"
#: The rules, what each checks, and where it comes from.
ENROLLMENT_RULES: tuple[tuple[str, str, str], ...] = (
    (Flag.DUE_TO_ENROLL.value,
     "student.stage == 学前, status == 在读, age on the reference day (setting enrollment.age_reference_day, "
     "default 08-31) 6–15, no 延缓入学 approval in force (flagged again from its expiry day)",
     LAW + "：凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育；"
           "条件不具备的地区的儿童，可以推迟到七周岁。"),
    (ApprovalKind.DEFERRED.value, "approving body, approval date, document number (文号), expiry (到期日)",
     LAW + "：适龄儿童、少年因身体状况需要延缓入学或者休学的，其父母或者其他法定监护人应当提出申请，"
           "由当地乡镇人民政府或者县级人民政府教育行政部门批准。"),
    (Flag.SUSPENSION_UNAPPROVED.value, "status == 休学 and no 休学 approval on record", LAW + "（休学须经批准）"),
    (Flag.SUSPENSION_EXPIRED.value,
     "status == 休学 and the approval's last day (to-date) before today; a span longer than one year is refused",
     LAW + "（休学须经批准）；期限：省级学籍管理实施细则，如《辽宁省义务教育阶段学生学籍管理办法实施细则》"
           "“学生休学期限一般为1学年，休学期满仍不能复学的，可申请延长1年”"),
)


# --- the age reference day -------------------------------------------------------------------------


def _month_day(text: str) -> tuple[int, int] | None:
    month, _, day = text.strip().partition("-")
    try:
        dt.date(2023, int(month), int(day))  # not a leap year: 02-29 has no day in most years
    except ValueError:
        return None
    return int(month), int(day)


def age_reference_setting(session: Session) -> str:
    """The month-day ages are reckoned on, as the settings keep it (08-31 unless a province says another)."""
    text = township.get_setting(session, AGE_REFERENCE_SETTING, DEFAULT_AGE_REFERENCE)
    return text if _month_day(text) is not None else DEFAULT_AGE_REFERENCE


def age_reference_day(session: Session, year: SchoolYear) -> dt.date:
    """The day the school year's ages are reckoned on: 31 August before it unless the setting says another."""
    found = _month_day(township.get_setting(session, AGE_REFERENCE_SETTING, DEFAULT_AGE_REFERENCE))
    if found is None:
        return year.age_reference_day
    return dt.date(year.start_year, *found)


@requires(Permission.EDIT_SETTINGS)
def set_age_reference_day(session: Session, actor: Actor, text: str) -> None:
    found = _month_day(text)
    if found is None:
        raise ValidationFailed([error("age_reference_day", "enrollment.age_reference_day", translate(
            "Enrollment", "Write the day ages are reckoned on as month-day, e.g. 08-31."))])
    township.set_setting(session, actor, AGE_REFERENCE_SETTING, f"{found[0]:02d}-{found[1]:02d}")


def is_school_age(birth: dt.date | None, reference: dt.date) -> bool:
    return birth is not None and birth <= reference and age_on(birth, reference) in COMPULSORY_AGES


# --- approvals --------------------------------------------------------------------------------------


@dataclass
class ApprovalForm:
    """A 延缓入学 approval (body, date, 文号, expiry) or a 休学 approval (reason, body, date, from–to)."""

    kind: str = ApprovalKind.DEFERRED.value
    approving_body: str = ""  # 批准机关: 乡镇人民政府 or 县级教育行政部门
    approved_on: dt.date | None = None
    ends_on: dt.date | None = None  # 延缓入学: the expiry (到期日); 休学: the last day away
    document_no: str = ""  # 文号 (needed for 延缓入学)
    reason: str = ""  # 休学: 因病 …
    starts_on: dt.date | None = None  # 休学: the first day away


@dataclass(frozen=True)
class ApprovalView:
    id: int
    student_id: int
    kind: ApprovalKind
    approving_body: str
    document_no: str
    approved_on: dt.date
    starts_on: dt.date | None
    ends_on: dt.date
    reason: str
    recorded_by: str

    def in_force(self, today: dt.date) -> bool:
        """A deferral lapses on its expiry day (the child is due from then on); a suspension covers
        its last day."""
        if self.kind is ApprovalKind.DEFERRED:
            return today < self.ends_on
        return today <= self.ends_on

    def summary(self) -> str:
        """How the ledger and the record describe it (Chinese always)."""
        if self.kind is ApprovalKind.DEFERRED:
            return f"延缓入学至{self.ends_on.isoformat()}（{self.approving_body}{self.document_no}）"
        span = f"{self.starts_on.isoformat() if self.starts_on else ''}至{self.ends_on.isoformat()}"
        return f"休学{span}（{self.reason}，{self.approving_body}批准）"


_TEXT_WIDTH = 64  # the columns' width


def _one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + MAX_SUSPENSION_YEARS)
    except ValueError:  # 29 February
        return day.replace(year=day.year + MAX_SUSPENSION_YEARS, day=28)


def _cleaned(form: ApprovalForm) -> ApprovalForm:
    kind = form.kind
    base = ApprovalForm(kind=kind, approving_body=form.approving_body.strip(), approved_on=form.approved_on,
                        ends_on=form.ends_on, document_no=form.document_no.strip())
    if kind == ApprovalKind.SUSPENDED.value:
        return replace(base, reason=form.reason.strip(), starts_on=form.starts_on)
    return base


def _problems(student: Student, form: ApprovalForm, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if form.kind not in {k.value for k in ApprovalKind}:
        return [error("kind", "approval.kind", translate("Enrollment", "Choose 延缓入学 or 休学."))]
    kind = ApprovalKind(form.kind)
    if not form.approving_body:
        problems.append(error("approving_body", "approval.body", translate(
            "Enrollment", "Enter who approved it (批准机关), e.g. 乡镇人民政府 or 县级教育行政部门.")))
    elif len(form.approving_body) > _TEXT_WIDTH:
        problems.append(error("approving_body", "approval.body_long", translate(
            "Enrollment", "The approving body is at most {n} characters long.").format(n=_TEXT_WIDTH)))
    if len(form.document_no) > _TEXT_WIDTH:
        problems.append(error("document_no", "approval.document_long", translate(
            "Enrollment", "The document number is at most {n} characters long.").format(n=_TEXT_WIDTH)))
    if form.approved_on is None:
        problems.append(error("approved_on", "approval.approved_on", translate(
            "Enrollment", "Enter the day of the approval.")))
    elif form.approved_on > today:
        problems.append(error("approved_on", "approval.approved_on_future", translate(
            "Enrollment", "The day of the approval is in the future.")))
    if form.ends_on is None:
        problems.append(error("ends_on", "approval.ends_on", translate(
            "Enrollment", "Enter the day the approval ends.")))
    status = EnrollmentStatus(student.status)
    if kind is ApprovalKind.DEFERRED:
        if not form.document_no:
            problems.append(error("document_no", "approval.document", translate(
                "Enrollment", "Enter the approval's document number (文号).")))
        if form.ends_on is not None and form.approved_on is not None and form.ends_on <= form.approved_on:
            problems.append(error("ends_on", "approval.expired", translate(
                "Enrollment", "The deferral expires on or before the day it was approved.")))
        if student.stage != Stage.PRESCHOOL.value and status is not EnrollmentStatus.NOT_ENROLLED:
            problems.append(error("kind", "approval.not_preschool", translate(
                "Enrollment", "{name} is already at school: a deferred enrollment is for a child in a preschool "
                "class or not yet enrolled.").format(name=student.name)))
        return problems
    if not form.reason:
        problems.append(error("reason", "approval.reason", translate(
            "Enrollment", "Give the reason for the suspension, e.g. 因病.")))
    if form.starts_on is None:
        problems.append(error("starts_on", "approval.starts_on", translate(
            "Enrollment", "Enter the first day of the suspension.")))
    elif form.ends_on is not None:
        if form.ends_on < form.starts_on:
            problems.append(error("ends_on", "approval.ends_before_start", translate(
                "Enrollment", "The suspension ends before it starts.")))
        elif form.ends_on >= _one_year_after(form.starts_on):
            problems.append(error("ends_on", "approval.too_long", translate(
                "Enrollment", "A suspension is approved for at most one year ({start} to {last}): apply again "
                "when it runs out.").format(start=form.starts_on.isoformat(),
                                            last=(_one_year_after(form.starts_on) - dt.timedelta(days=1)).isoformat())))
    if status not in (EnrollmentStatus.ENROLLED, EnrollmentStatus.SUSPENDED):
        problems.append(error("kind", "approval.not_in_school", translate(
            "Enrollment", "{name} is \u201c{status}\u201d: only a pupil in school or suspended can be suspended.").format(
                name=student.name, status=status.label())))
    return problems


@requires(Permission.EDIT_ROSTER)
def record_approval(session: Session, actor: Actor, student_id: int, form: ApprovalForm, *, today: dt.date) -> int:
    """Record a 延缓入学 or 休学 approval: validated, appended (a newer approval supersedes), audited. A
    休学 approval for a pupil still 在读 also records the status change to 休学 from its first day."""
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Roster", "The student no longer exists (id {id}).").format(id=student_id))
    form = _cleaned(form)
    problems = _problems(student, form, today)
    if problems:
        raise ValidationFailed(problems)
    assert form.approved_on is not None and form.ends_on is not None  # checked by _problems
    if form.kind == ApprovalKind.SUSPENDED.value and student.status == EnrollmentStatus.ENROLLED.value:
        assert form.starts_on is not None
        roster.change_status(session, actor, student_id, EnrollmentStatus.SUSPENDED, form.starts_on,
                             form.reason, today=today)
    row = EnrollmentApproval(student_id=student_id, kind=form.kind, reason=form.reason,
                             approving_body=form.approving_body, document_no=form.document_no,
                             approved_on=form.approved_on, starts_on=form.starts_on, ends_on=form.ends_on,
                             recorded_by=actor.name)
    session.add(row)
    session.flush()
    audit.record(session, actor, Action.CREATE, ENTITY, row.id, f"{student.name}：{form.kind}",
                 after=audit.snapshot(row, [c.key for c in EnrollmentApproval.__table__.columns
                                            if c.key != "recorded_at"]))
    return row.id


def _view(row: Any) -> ApprovalView:  # an EnrollmentApproval, or a row of _VIEW_COLUMNS
    return ApprovalView(row.id, row.student_id, ApprovalKind(row.kind), row.approving_body, row.document_no,
                        row.approved_on, row.starts_on, row.ends_on, row.reason, row.recorded_by)


# An approval's columns, read as plain rows: the roster asks for a screenful's approvals on every keystroke, and
# loading them as objects cost more than the query.
_VIEW_COLUMNS = (EnrollmentApproval.id, EnrollmentApproval.student_id, EnrollmentApproval.kind,
                 EnrollmentApproval.approving_body, EnrollmentApproval.document_no, EnrollmentApproval.approved_on,
                 EnrollmentApproval.starts_on, EnrollmentApproval.ends_on, EnrollmentApproval.reason,
                 EnrollmentApproval.recorded_by)


def history(session: Session, student_id: int) -> list[ApprovalView]:
    """Every approval recorded for the student, oldest first (the last of each kind counts)."""
    return [_view(row) for row in session.scalars(
        select(EnrollmentApproval).where(EnrollmentApproval.student_id == student_id).order_by(EnrollmentApproval.id))]


def latest_approvals(session: Session, student_ids: Iterable[int] | None = None
                     ) -> dict[tuple[int, ApprovalKind], ApprovalView]:
    """The approval that counts, per student and kind."""
    query = select(*_VIEW_COLUMNS).order_by(EnrollmentApproval.id)
    found: dict[tuple[int, ApprovalKind], ApprovalView] = {}
    if student_ids is None:
        rows = list(session.execute(query))
    else:
        ids = list(student_ids)
        rows = [row for start in range(0, len(ids), 500)
                for row in session.execute(query.where(EnrollmentApproval.student_id.in_(ids[start:start + 500])))]
        rows.sort(key=lambda row: row.id)
    for row in rows:
        view = _view(row)
        found[(view.student_id, view.kind)] = view
    return found


def flag_of(stage: str, status: str, birth: dt.date | None, reference: dt.date, today: dt.date,
            deferral: ApprovalView | None, suspension: ApprovalView | None) -> Flag | None:
    """The rule's verdict on one child; ``reference`` is the school year's age reference day."""
    if status == EnrollmentStatus.SUSPENDED.value:
        if suspension is None:
            return Flag.SUSPENSION_UNAPPROVED
        return None if suspension.in_force(today) else Flag.SUSPENSION_EXPIRED
    if (stage == Stage.PRESCHOOL.value and status == EnrollmentStatus.ENROLLED.value
            and is_school_age(birth, reference) and not (deferral is not None and deferral.in_force(today))):
        return Flag.DUE_TO_ENROLL
    return None


def flags(session: Session, today: dt.date, student_ids: Iterable[int] | None = None) -> dict[int, Flag]:
    """The flagged students among ``student_ids`` (every student when None), with their flag."""
    reference = age_reference_day(session, SchoolYear.containing(today))
    ids = list(student_ids) if student_ids is not None else None
    approvals = latest_approvals(session, ids)
    query = select(Student.id, Student.stage, Student.status, Student.birth_date).where(
        (Student.stage == Stage.PRESCHOOL.value) | (Student.status == EnrollmentStatus.SUSPENDED.value))
    rows = list(session.execute(query)) if ids is None else [
        row for start in range(0, len(ids), 500)
        for row in session.execute(query.where(Student.id.in_(ids[start:start + 500])))]
    found = {}
    for sid, stage, status, birth in rows:
        flag = flag_of(stage, status, birth, reference, today, approvals.get((sid, ApprovalKind.DEFERRED)),
                       approvals.get((sid, ApprovalKind.SUSPENDED)))
        if flag is not None:
            found[sid] = flag
    return found


@dataclass(frozen=True)
class FlaggedStudent:
    student_id: int
    name: str
    school: str
    school_id: int
    flag: Flag


def flagged_students(session: Session, today: dt.date) -> list[FlaggedStudent]:
    """Every child the rules catch today, by school then name."""
    found = flags(session, today)
    if not found:
        return []
    rows = session.execute(select(Student.id, Student.name, School.name, School.id)
                           .join(School, Student.school_id == School.id)
                           .where(Student.id.in_(list(found)))
                           .order_by(School.sort_order, Student.name_pinyin, Student.id))
    return [FlaggedStudent(sid, name, school, school_id, found[sid]) for sid, name, school, school_id in rows]
