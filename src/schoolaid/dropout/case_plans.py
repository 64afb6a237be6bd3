"""One plan per child (一人一案) and the follow-up after the return (返校后跟踪).

A case holds its plan: the responsible people (包保责任人: a school leader, a teacher, a village cadre),
the cause, the measures, and once the child is back the placement (插班 with the grade, 单独编班, 送教上门,
职业教育/普职融合). Each change of the plan is a new revision (a row, audited with the revision before
it): nothing is overwritten.

A child back at school (已返校) is followed for a set period (the setting ``dropout.follow_up_months``,
3 by default): one follow-up is due each month after the return, on the same day of the month. Each
entry counts for the earliest follow-up not yet entered if that one is due within two weeks of the
entry's date (``EARLY_DAYS``): a late entry counts for the month it was late for, and two entries in one
month count once. A due follow-up is today's work from its due day until it is entered (a missed one stays there
for a month after the period, then the case shows it as missed). When every follow-up of the period
is entered, the case is 巩固完成 (consolidated): it is no longer followed.

A new absence that begins within the period (from the return day to the last due day, both included)
reopens the same case — back to 劝返中, audited, with a line in the follow-up log — instead of opening
a new one; an absence beginning the day after the period opens a new case.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotAllowed, Problem, ValidationFailed
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.dropout.absences import check_own_class, get_record
from schoolaid.dropout.rules import setting
from schoolaid.dropout.vocabulary import CaseStatus, Reason
from schoolaid.storage.database import reserve_ids
from schoolaid.storage.models import CaseFollowUp, CasePlan, DropoutCase, Staff, Student, utcnow

PLAN = "case_plan"
FOLLOW_UP = "case_follow_up"
CASE = "dropout_case"
MONTHS_SETTING = "dropout.follow_up_months"
GRACE_DAYS = 31  # a follow-up missed at the end of the period stays today's work this long after it
EARLY_DAYS = 14  # an entry this long before its due day counts for it


class Placement(str, enum.Enum):
    """Where a child who came back is placed: the four placements issue 19 names (插班, 单独编班, 送教上门,
    职业教育/普职融合). Not a rule with a verified source: see docs/sources/case_plans.md."""

    INSERTED = "插班"
    SEPARATE_CLASS = "单独编班"
    HOME_TEACHING = "送教上门"
    VOCATIONAL = "职业教育/普职融合"

    def label(self) -> str:
        return {
            Placement.INSERTED: translate("Vocabulary", "Placed in a regular class (插班)"),
            Placement.SEPARATE_CLASS: translate("Vocabulary", "A class of their own (单独编班)"),
            Placement.HOME_TEACHING: translate("Vocabulary", "Taught at home (送教上门)"),
            Placement.VOCATIONAL: translate("Vocabulary", "Vocational education (职业教育/普职融合)"),
        }[self]


class FollowUpKind(str, enum.Enum):
    FOLLOW_UP = "follow_up"
    REOPENED = "reopened"  # the line written when a new absence reopened the case


# --- the plan ------------------------------------------------------------------------------------


@dataclass
class PlanForm:
    leader: str = ""  # a school leader (校领导)
    teacher: str = ""  # a teacher, usually the class teacher
    cadre: str = ""  # a village cadre (村干部)
    cause: str = Reason.OTHER.value
    measures: str = ""
    leader_staff_id: int | None = None  # None: found by name among the staff, when one has it
    teacher_staff_id: int | None = None


@dataclass(frozen=True)
class PlanRevision:
    id: int
    revision: int
    leader: str
    leader_staff_id: int | None
    teacher: str
    teacher_staff_id: int | None
    cadre: str
    cause: Reason
    measures: str
    placement: Placement | None
    placement_grade: int | None
    placement_label: str  # e.g. 插班（四年级）, "" before the return
    recorded_by: str
    recorded_at: dt.datetime

    def as_json(self) -> dict[str, object]:
        return {"revision": self.revision, "leader": self.leader, "leader_staff_id": self.leader_staff_id,
                "teacher": self.teacher, "teacher_staff_id": self.teacher_staff_id, "cadre": self.cadre,
                "cause": self.cause.value, "measures": self.measures,
                "placement": self.placement.value if self.placement else None,
                "placement_grade": self.placement_grade, "placement_label": self.placement_label,
                "recorded_by": self.recorded_by, "recorded_at": self.recorded_at.isoformat(timespec="seconds")}


_PLAN_FIELDS = ("leader_name", "leader_staff_id", "teacher_name", "teacher_staff_id", "cadre_name", "cause",
                "measures", "placement", "placement_grade")


def placement_label(placement: Placement | str | None, grade: int | None) -> str:
    """As printed: 插班（四年级）, 单独编班 …"""
    if not placement:
        return ""
    placement = Placement(placement)
    if placement is Placement.INSERTED and grade is not None:
        return f"{placement.value}（{grade_name_zh('小学' if grade <= 6 else '初中', grade)}）"
    return placement.value


def _staff_link(session: Session, case: DropoutCase, name: str, staff_id: int | None, field: str) -> tuple[str, int | None]:
    """The name and the staff record it names: the one given, else the one active staff member of that
    name (of the case's school first); a name the staff table does not have is kept as a name."""
    if staff_id is not None:
        member = session.get(Staff, staff_id)
        if member is None:
            raise ValidationFailed([error(field, "plan.staff", translate(
                "Dropout", "The staff member chosen no longer exists."))])
        return name.strip() or member.name, member.id
    name = name.strip()
    if not name:
        return "", None
    found = list(session.execute(select(Staff.id, Staff.school_id).where(Staff.name == name, Staff.active.is_(True))))
    own = [row for row in found if row.school_id == case.school_id]
    chosen = own if own else found
    return name, chosen[0].id if len(chosen) == 1 else None


def _latest(session: Session, case_id: int) -> CasePlan | None:
    return session.scalar(select(CasePlan).where(CasePlan.case_id == case_id).order_by(CasePlan.revision.desc())
                          .limit(1))


def _plan_values(plan: CasePlan | None) -> dict[str, object]:
    return {name: getattr(plan, name) for name in _PLAN_FIELDS} if plan is not None else {}


def _add_revision(session: Session, actor: Actor, case: DropoutCase, values: dict[str, object],
                  previous: CasePlan | None, student_name: str) -> int:
    [plan_id] = reserve_ids(session, CasePlan, 1)
    row = {"id": plan_id, "case_id": case.id, "revision": (previous.revision if previous else 0) + 1,
           "recorded_by": actor.name, "recorded_at": utcnow(), **values}
    session.connection().execute(insert(CasePlan), [row])
    audit.record(session, actor, Action.CREATE, PLAN, plan_id,
                 f"{student_name} 第{row['revision']}版", before=audit.snapshot(previous) if previous else None,
                 after=row)
    return plan_id


@requires(Permission.MANAGE_CASES)
def save_plan(session: Session, actor: Actor, case_id: int, form: PlanForm, *, today: dt.date) -> int:
    """Save the case's plan as a new revision (the same plan saved again adds none); the case's reason
    follows the plan's cause. Returns the revision's id."""
    case = get_record(session, DropoutCase, case_id)
    problems = []
    if form.cause not in {r.value for r in Reason}:
        problems.append(error("cause", "plan.cause", translate("Dropout", "Choose the cause.")))
    if not form.leader.strip() and form.leader_staff_id is None:
        problems.append(error("leader", "plan.leader", translate(
            "Dropout", "Name the school leader responsible for the child (包保责任人).")))
    if not form.teacher.strip() and form.teacher_staff_id is None:
        problems.append(error("teacher", "plan.teacher", translate(
            "Dropout", "Name the teacher responsible for the child (包保责任人).")))
    if not form.measures.strip():
        problems.append(error("measures", "plan.measures", translate("Dropout", "Write the measures of the plan.")))
    for name, limit in (("leader", 64), ("teacher", 64), ("cadre", 64)):
        if len(getattr(form, name).strip()) > limit:
            problems.append(error(name, "plan.long", translate("Dropout", "A name is at most 64 characters.")))
    if problems:
        raise ValidationFailed(problems)
    leader, leader_id = _staff_link(session, case, form.leader, form.leader_staff_id, "leader")
    teacher, teacher_id = _staff_link(session, case, form.teacher, form.teacher_staff_id, "teacher")
    previous = _latest(session, case_id)
    values: dict[str, object] = {
        "leader_name": leader, "leader_staff_id": leader_id, "teacher_name": teacher, "teacher_staff_id": teacher_id,
        "cadre_name": form.cadre.strip(), "cause": form.cause, "measures": form.measures.strip(),
        "placement": previous.placement if previous else "",
        "placement_grade": previous.placement_grade if previous else None}
    if previous is not None and _plan_values(previous) == values:
        return previous.id
    student = session.get(Student, case.student_id)
    name = student.name if student is not None else ""
    plan_id = _add_revision(session, actor, case, values, previous, name)
    if case.reason_category != form.cause:
        before = audit.snapshot(case)
        case.reason_category = form.cause
        audit.record(session, actor, Action.UPDATE, CASE, case.id, name, before=before, after=audit.snapshot(case))
    return plan_id


def check_placement(placement: Placement | str | None, grade: int | None) -> list[Problem]:
    """The placement a case needs to close as 已返校: one of the four, and the grade of 插班."""
    problems = []
    if not placement or placement not in {p.value for p in Placement}:
        problems.append(error("placement", "case.placement", translate(
            "Dropout", "Say where the child is placed on return: 插班 (with the grade), 单独编班, 送教上门 or "
            "职业教育/普职融合.")))
    elif Placement(placement) is Placement.INSERTED and (grade is None or not 1 <= grade <= 9):
        problems.append(error("placement_grade", "case.placement_grade", translate(
            "Dropout", "Give the grade the child joins (1 to 9).")))
    return problems


@requires(Permission.MANAGE_CASES)
def record_placement(session: Session, actor: Actor, case: DropoutCase, placement: Placement | str,
                     grade: int | None) -> int:
    """A revision of the plan with the placement on return (called by ``case_files.move_case``, in its
    transaction)."""
    previous = _latest(session, case.id)
    values = _plan_values(previous) or {
        "leader_name": "", "leader_staff_id": None, "teacher_name": "", "teacher_staff_id": None, "cadre_name": "",
        "cause": case.reason_category, "measures": ""}
    placement = Placement(placement)
    values.update(placement=placement.value, placement_grade=grade if placement is Placement.INSERTED else None)
    student = session.get(Student, case.student_id)
    return _add_revision(session, actor, case, values, previous, student.name if student is not None else "")


def student_grade(session: Session, case_id: int) -> int:
    """The grade the case's student is in now (the 插班 grade offered by default)."""
    case = get_record(session, DropoutCase, case_id)
    student = session.get(Student, case.student_id)
    return student.grade if student is not None else case.grade_at


def plan_history(session: Session, case_id: int) -> list[PlanRevision]:
    """The revisions of the plan, oldest first; the last one is in force."""
    return [PlanRevision(p.id, p.revision, p.leader_name, p.leader_staff_id, p.teacher_name, p.teacher_staff_id,
                         p.cadre_name, Reason(p.cause), p.measures, Placement(p.placement) if p.placement else None,
                         p.placement_grade, placement_label(p.placement, p.placement_grade), p.recorded_by,
                         p.recorded_at)
            for p in session.scalars(select(CasePlan).where(CasePlan.case_id == case_id)
                                     .order_by(CasePlan.revision))]


def current_plan(session: Session, case_id: int) -> PlanRevision | None:
    history = plan_history(session, case_id)
    return history[-1] if history else None


def plan_form(session: Session, case_id: int) -> PlanForm:
    """The plan in force as a form to change; a case with no plan yet starts from its reason and its
    class teacher."""
    plan = current_plan(session, case_id)
    if plan is not None:
        return PlanForm(plan.leader, plan.teacher, plan.cadre, plan.cause.value, plan.measures, plan.leader_staff_id,
                        plan.teacher_staff_id)
    case = get_record(session, DropoutCase, case_id)
    teacher = session.get(Staff, case.class_teacher_id) if case.class_teacher_id is not None else None
    return PlanForm(teacher=teacher.name if teacher else "", cause=case.reason_category,
                    teacher_staff_id=teacher.id if teacher else None)


# --- the follow-up after the return --------------------------------------------------------------


def months_after(day: dt.date, count: int) -> dt.date:
    """The same day ``count`` months later (the month's last day when it has no such day)."""
    index = day.year * 12 + day.month - 1 + count
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass
class FollowUpEntry:
    follow_date: dt.date | None = None
    followed_by: str = ""
    note: str = ""  # how the child is doing
    attending: bool = True


@dataclass(frozen=True)
class FollowUpView:
    id: int
    follow_date: dt.date
    followed_by: str
    note: str
    attending: bool
    kind: FollowUpKind
    recorded_by: str
    recorded_at: dt.datetime

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "date": self.follow_date.isoformat(), "by": self.followed_by, "note": self.note,
                "attending": self.attending, "kind": self.kind.value, "recorded_by": self.recorded_by}


@dataclass(frozen=True)
class FollowUpState:
    """Where a returned case's follow-up stands."""

    return_date: dt.date
    due_dates: tuple[dt.date, ...]  # one a month after the return
    done: int  # due dates covered by an entry
    entries: tuple[FollowUpView, ...]

    @property
    def period_end(self) -> dt.date:
        return self.due_dates[-1]

    @property
    def next_due(self) -> dt.date | None:
        return self.due_dates[self.done] if self.done < len(self.due_dates) else None

    @property
    def completed(self) -> bool:
        """巩固完成: every follow-up of the period entered; the child is no longer followed."""
        return self.done == len(self.due_dates)

    def is_due(self, today: dt.date) -> bool:
        """Today's work: from the due day until entered (a month's grace after the period)."""
        due = self.next_due
        return due is not None and due <= today <= self.period_end + dt.timedelta(days=GRACE_DAYS)

    def overdue(self, today: dt.date) -> bool:
        return self.is_due(today) and self.next_due is not None and self.next_due < today

    def missed(self, today: dt.date) -> bool:
        """The period and its grace passed with follow-ups missing."""
        return not self.completed and today > self.period_end + dt.timedelta(days=GRACE_DAYS)

    def as_json(self, today: dt.date) -> dict[str, object]:
        due = self.next_due
        return {"return_date": self.return_date.isoformat(), "period_end": self.period_end.isoformat(),
                "due_dates": [d.isoformat() for d in self.due_dates], "done": self.done,
                "next_due": due.isoformat() if due else None, "due": self.is_due(today),
                "overdue": self.overdue(today), "completed": self.completed, "missed": self.missed(today)}


def _views(rows: Iterable[CaseFollowUp]) -> list[FollowUpView]:
    return [FollowUpView(r.id, r.follow_date, r.followed_by, r.note, r.attending, FollowUpKind(r.kind), r.recorded_by,
                         r.recorded_at) for r in rows]


def follow_ups(session: Session, case_id: int) -> list[FollowUpView]:
    """The follow-up log of a case, the reopening lines included, in date order."""
    return _views(session.scalars(select(CaseFollowUp).where(CaseFollowUp.case_id == case_id)
                                  .order_by(CaseFollowUp.follow_date, CaseFollowUp.id)))


def state_of(return_date: dt.date, months: int, entries: list[FollowUpView]) -> FollowUpState:
    dues = tuple(months_after(return_date, k) for k in range(1, months + 1))
    done = 0
    for entry in entries:
        if (done < len(dues) and entry.kind is FollowUpKind.FOLLOW_UP and entry.follow_date >= return_date
                and dues[done] <= entry.follow_date + dt.timedelta(days=EARLY_DAYS)):
            done += 1
    return FollowUpState(return_date, dues, done, tuple(entries))


def follow_up_states(session: Session, case_ids: Iterable[int] | None = None) -> dict[int, FollowUpState]:
    """The follow-up of every case back at school (已返校 with its return day), by case id."""
    months = setting(session, MONTHS_SETTING)
    query = select(DropoutCase.id, DropoutCase.return_date).where(
        DropoutCase.status == CaseStatus.RETURNED.value, DropoutCase.return_date.is_not(None))
    if case_ids is not None:
        query = query.where(DropoutCase.id.in_(list(case_ids)))
    returned: dict[int, dt.date] = {case_id: day for case_id, day in session.execute(query) if day is not None}
    logged: dict[int, list[FollowUpView]] = {}
    ids = list(returned)
    for start in range(0, len(ids), 500):
        rows = list(session.scalars(select(CaseFollowUp).where(CaseFollowUp.case_id.in_(ids[start:start + 500]))
                                    .order_by(CaseFollowUp.follow_date, CaseFollowUp.id)))
        for row, view in zip(rows, _views(rows), strict=True):
            logged.setdefault(row.case_id, []).append(view)
    return {case_id: state_of(day, months, logged.get(case_id, [])) for case_id, day in returned.items()}


def follow_up_state(session: Session, case_id: int) -> FollowUpState | None:
    return follow_up_states(session, [case_id]).get(case_id)


@requires(Permission.LOG_PERSUASION)
def log_follow_up(session: Session, actor: Actor, case_id: int, entry: FollowUpEntry, *, today: dt.date) -> int:
    """An entry of the follow-up of a child back at school: the day, who followed, how the child is
    doing, whether they attend."""
    case = get_record(session, DropoutCase, case_id)
    check_own_class(session, actor, Permission.LOG_PERSUASION, case.student_id)
    if case.status != CaseStatus.RETURNED.value or case.return_date is None:
        raise NotAllowed(translate("Dropout", "Only a case closed as back at school (已返校) is followed up."))
    problems = []
    if entry.follow_date is None or entry.follow_date > today or entry.follow_date < case.return_date:
        problems.append(error("follow_date", "follow_up.date", translate(
            "Dropout", "The follow-up's date must fall between the return ({date}) and today.").format(
                date=case.return_date.isoformat())))
    if not entry.followed_by.strip():
        problems.append(error("followed_by", "follow_up.by", translate("Dropout", "Write who followed the child up.")))
    if not entry.note.strip():
        problems.append(error("note", "follow_up.note", translate("Dropout", "Write how the child is doing.")))
    if problems:
        raise ValidationFailed(problems)
    assert entry.follow_date is not None
    return _add_follow_up(session, actor, case, entry.follow_date, entry.followed_by.strip(), entry.note.strip(),
                          entry.attending, FollowUpKind.FOLLOW_UP)


def _add_follow_up(session: Session, actor: Actor, case: DropoutCase, day: dt.date, by: str, note: str,
                   attending: bool, kind: FollowUpKind) -> int:
    [follow_id] = reserve_ids(session, CaseFollowUp, 1)
    row = {"id": follow_id, "case_id": case.id, "follow_date": day, "followed_by": by, "note": note,
           "attending": attending, "kind": kind.value, "recorded_by": actor.name, "recorded_at": utcnow()}
    session.connection().execute(insert(CaseFollowUp), [row])
    audit.record(session, actor, Action.CREATE, FOLLOW_UP, follow_id, str(case.id), after=row)
    return follow_id


def case_to_reopen(session: Session, student_id: int, day: dt.date) -> int | None:
    """The student's case back at school whose follow-up period holds ``day`` (an absence beginning
    then reopens it), if any."""
    months = setting(session, MONTHS_SETTING)
    for case_id, returned in session.execute(
            select(DropoutCase.id, DropoutCase.return_date).where(
                DropoutCase.student_id == student_id, DropoutCase.status == CaseStatus.RETURNED.value,
                DropoutCase.return_date.is_not(None)).order_by(DropoutCase.return_date.desc())):
        if returned is not None and returned <= day <= months_after(returned, months):
            return int(case_id)
    return None


@requires(Permission.MANAGE_CASES)
def reopen_case(session: Session, actor: Actor, case_id: int, absence_id: int | None, day: dt.date) -> None:
    """Back to 劝返中 (called by ``case_files.open_case``, in its transaction): the case now
    follows the new absence; the old return day stays in the audit trail and the log."""
    case = get_record(session, DropoutCase, case_id)
    student = session.get(Student, case.student_id)
    before = audit.snapshot(case)
    returned = case.return_date
    case.status = CaseStatus.PERSUADING.value
    case.closed_on = None
    if absence_id is not None:
        case.absence_id = absence_id
    audit.record(session, actor, Action.UPDATE, CASE, case.id, student.name if student else "", before=before,
                 after=audit.snapshot(case))
    _add_follow_up(session, actor, case, day, actor.name,
                   f"返校（{returned.isoformat() if returned else '—'}）后跟踪期内自{day.isoformat()}起再次缺课，案件重新打开，"
                   f"恢复劝返", False, FollowUpKind.REOPENED)


def reopened_on(session: Session, case_ids: list[int]) -> dict[int, dt.date]:
    """The last day each case was reopened (its latest action, for the stale-case reminder)."""
    found: dict[int, dt.date] = {}
    for start in range(0, len(case_ids), 500):
        for case_id, day in session.execute(
                select(CaseFollowUp.case_id, func.max(CaseFollowUp.follow_date))
                .where(CaseFollowUp.case_id.in_(case_ids[start:start + 500]),
                       CaseFollowUp.kind == FollowUpKind.REOPENED.value).group_by(CaseFollowUp.case_id)):
            found[case_id] = day
    return found
