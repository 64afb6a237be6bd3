"""Case files (控辍保学档案): opening one for a child out of school, its form, its workflow
(persuading, then back at school, taught at home, transferred or another outcome), recording the
student as 辍学, the case lists and what needs doing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotAllowed, NotFound, ValidationFailed
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.dropout import case_plans, found_out_of_school
from schoolaid.dropout.absences import absences, cases_to_open, end_absence, get_record
from schoolaid.dropout.notices import LoggedAttempt, NoticeView, missing_for_notice, notice_rules
from schoolaid.dropout.rules import setting
from schoolaid.dropout.vocabulary import TRANSITIONS, CaseStatus, Reason, split_parties
from schoolaid.roster import disabilities, roster, transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import (
    Absence,
    DropoutCase,
    Household,
    PersuasionAttempt,
    School,
    Staff,
    Student,
    UrgingNotice,
    Village,
)

CASE = "dropout_case"


@dataclass
class CaseForm:
    reason_category: str = Reason.OTHER.value
    reason_text: str = ""
    reported_township_on: dt.date | None = None
    reported_bureau_on: dt.date | None = None
    class_teacher_id: int | None = None
    township_action: str = ""
    village_action: str = ""
    current_situation: str = ""
    remedies: str = ""


_FORM_FIELDS = [f.name for f in fields(CaseForm)]


def _check_form(session: Session, form: CaseForm, opened_on: dt.date, today: dt.date) -> None:
    problems = []
    if form.reason_category not in {r.value for r in Reason}:
        problems.append(error("reason_category", "case.reason", translate("Dropout", "Choose the reason.")))
    for name in ("reported_township_on", "reported_bureau_on"):
        day = getattr(form, name)
        if day is not None and (day < opened_on - dt.timedelta(days=60) or day > today):
            problems.append(error(name, "case.report_date", translate(
                "Dropout", "A report date must fall between the absence and today.")))
    if form.class_teacher_id is not None and session.get(Staff, form.class_teacher_id) is None:
        problems.append(error("class_teacher_id", "case.teacher", translate("Dropout", "Choose the class teacher.")))
    if problems:
        raise ValidationFailed(problems)


@requires(Permission.MANAGE_CASES)
def open_case(session: Session, actor: Actor, student_id: int, absence_id: int | None = None,
              form: CaseForm | None = None, *, today: dt.date) -> int:
    """Open a case file for a student out of school (one per episode). An absence beginning within the
    follow-up period of the student's case back at school reopens that case instead (the form is then
    not used: the case keeps its file); its id is returned."""
    form = form or CaseForm()
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Dropout", "The student no longer exists."))
    current = session.scalar(select(DropoutCase.id).where(DropoutCase.student_id == student_id,
                                                          DropoutCase.status == CaseStatus.PERSUADING.value))
    if current is not None:
        raise NotAllowed(translate("Dropout", "{name} already has an open case (No. {id}).").format(
            name=student.name, id=current))
    absence = session.get(Absence, absence_id) if absence_id is not None else None
    if absence_id is not None and (absence is None or absence.student_id != student_id):
        raise NotFound(translate("Dropout", "The absence does not belong to this student."))
    began = absence.start_date if absence is not None else today
    # Away again within the follow-up after a return: the same case is reopened (一人一案), not a new one.
    reopen = case_plans.case_to_reopen(session, student_id, began)
    if reopen is not None:
        case_plans.reopen_case(session, actor, reopen, absence_id, began)
        return reopen
    _check_form(session, form, began, today)
    case = DropoutCase(student_id=student_id, absence_id=absence_id, status=CaseStatus.PERSUADING.value,
                       stage_at=student.stage, grade_at=student.grade, school_id=student.school_id,
                       absence_began=began, opened_on=today, opened_by=actor.name,
                       **{name: (getattr(form, name).strip() if isinstance(getattr(form, name), str)
                                 else getattr(form, name)) for name in _FORM_FIELDS})
    session.add(case)
    session.flush()
    audit.record(session, actor, Action.CREATE, CASE, case.id, student.name, after=audit.snapshot(case))
    return case.id


@requires(Permission.MANAGE_CASES)
def update_case(session: Session, actor: Actor, case_id: int, form: CaseForm, *, today: dt.date) -> None:
    case = get_record(session, DropoutCase, case_id)
    _check_form(session, form, case.absence_began, today)
    before = audit.snapshot(case)
    for name in _FORM_FIELDS:
        value = getattr(form, name)
        setattr(case, name, value.strip() if isinstance(value, str) else value)
    after = audit.snapshot(case)
    if before != after:
        audit.record(session, actor, Action.UPDATE, CASE, case.id, "", before=before, after=after)


def case_form(session: Session, case_id: int) -> CaseForm:
    case = get_record(session, DropoutCase, case_id)
    return CaseForm(**{name: getattr(case, name) for name in _FORM_FIELDS})


def allowed_moves(status: CaseStatus | str) -> list[CaseStatus]:
    return [s for s in CaseStatus if s in TRANSITIONS[CaseStatus(status)]]


@requires(Permission.MANAGE_CASES)
def move_case(session: Session, actor: Actor, case_id: int, new_status: CaseStatus | str, on: dt.date, *,
              today: dt.date, return_date: dt.date | None = None, transfer_to: str = "", note: str = "",
              confirmation: transfers.Confirmation | None = None, placement: str | None = None,
              placement_grade: int | None = None) -> None:
    """Move a case along its workflow; a move the workflow does not allow is refused.

    已返校 writes the child off the lists (劝返一个、销号一个): the absence ends the day before the
    return and the status goes back to 在读; 转学 needs the receiving school confirmed — already on
    the student's transfer out, or given here — and records the transfer; 送教上门 keeps the child on
    the roll, taught at home: it needs the child's disability record, whose placement becomes 送教上门
    in the same transaction (a case closed so before the record existed stays as it was). 已返校 needs the
    placement (``case_plans.Placement``; 插班 with the grade), written into the plan as a new revision; the
    follow-up period begins."""
    case = get_record(session, DropoutCase, case_id)
    current, new_status = CaseStatus(case.status), CaseStatus(new_status)
    problems = []
    if new_status not in TRANSITIONS[current]:
        problems.append(error("status", "case.move", translate(
            "Dropout", "A case that is \u201c{current}\u201d cannot become \u201c{new}\u201d.").format(
                current=current.label(), new=new_status.label())))
    if new_status is CaseStatus.RETURNED and return_date is None:
        problems.append(error("return_date", "case.return_date", translate("Dropout", "Enter the day the child came back.")))
    if new_status is CaseStatus.RETURNED:
        problems.extend(case_plans.check_placement(placement, placement_grade))
    if return_date is not None and (return_date < case.absence_began or return_date > today):
        problems.append(error("return_date", "case.return_range", translate(
            "Dropout", "The return date must fall between the start of the absence and today.")))
    if new_status is CaseStatus.TRANSFERRED and not transfer_to.strip():
        problems.append(error("transfer_to", "case.transfer", translate("Dropout", "Say which school the child went to.")))
    student = session.get(Student, case.student_id)
    assert student is not None
    if new_status is CaseStatus.TRANSFERRED and confirmation is None and not _transfer_confirmed(session, student):
        problems.append(error("confirmation", "case.transfer_unconfirmed", translate(
            "Dropout", "{name}'s transfer is not confirmed by the receiving school: a case is closed as 转学 only with "
            "the confirmation — how (学籍系统, 接收学校回执 or 电话), with whom and on what day.").format(name=student.name)))
    disability = disabilities.current(session, student.id) if new_status is CaseStatus.HOME_TEACHING else None
    if new_status is CaseStatus.HOME_TEACHING and disability is None:
        problems.append(error("status", "case.no_disability", translate(
            "Dropout", "送教上门 is a placement for a child with a disability: record {name}'s disability and the "
            "expert committee's placement first (残疾与安置).").format(name=student.name)))
    if new_status in (CaseStatus.OTHER, CaseStatus.HOME_TEACHING) and not note.strip():
        problems.append(error("note", "case.note", translate("Dropout", "Describe the outcome.")))
    if on > today or on < case.opened_on:
        problems.append(error("on", "case.date", translate(
            "Dropout", "The date must fall between the opening of the case and today.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(case)
    case.status = new_status.value
    case.closed_on = on
    case.transfer_to = transfer_to.strip() or case.transfer_to
    case.outcome_note = note.strip() or case.outcome_note
    if new_status is CaseStatus.RETURNED:
        assert return_date is not None and placement is not None
        case.return_date = return_date
        case_plans.record_placement(session, actor, case, placement, placement_grade)
        if case_plans.Placement(placement) is case_plans.Placement.INSERTED and placement_grade is not None:
            roster.place_in_grade(session, actor, student.id, placement_grade)
        _end_open_absences(session, actor, case.student_id, return_date - dt.timedelta(days=1))
        if student.status != EnrollmentStatus.ENROLLED.value:
            roster.change_status(session, actor, student.id, EnrollmentStatus.ENROLLED, return_date,
                                 translate("Dropout", "Back at school after persuasion (case No. {id})").format(id=case.id),
                                 today=today)
    elif new_status is CaseStatus.TRANSFERRED:
        _end_open_absences(session, actor, case.student_id, on)
        if EnrollmentStatus.TRANSFERRED_OUT in roster.allowed_changes(student.status):
            roster.change_status(session, actor, student.id, EnrollmentStatus.TRANSFERRED_OUT, on,
                                 translate("Dropout", "Transferred during case No. {id}").format(id=case.id),
                                 destination=transfer_to, today=today, confirmation=confirmation)
        elif confirmation is not None and not _transfer_confirmed(session, student):
            pending = transfers.latest_out(session, [student.id]).get(student.id)
            if pending is None:
                raise ValidationFailed([error("confirmation", "case.no_transfer", translate(
                    "Dropout", "{name} has no transfer out on record to confirm.").format(name=student.name))])
            transfers.confirm_transfer(session, actor, pending.id, confirmation, today=today)
    elif new_status is CaseStatus.HOME_TEACHING:
        _end_open_absences(session, actor, case.student_id, on)
        if student.status == EnrollmentStatus.DROPPED_OUT.value:
            roster.change_status(session, actor, student.id, EnrollmentStatus.ENROLLED, on,
                                 translate("Dropout", "Taught at home (送教上门), case No. {id}").format(id=case.id),
                                 today=today)
        assert disability is not None
        if disability.placement is not disabilities.Placement.HOME_TEACHING:
            disabilities.set_disability(session, actor, student.id, disabilities.DisabilityForm(
                disability.category, disability.grade, disabilities.Placement.HOME_TEACHING.value, on,
                disability.assessed_on, disability.decision), today=today)
    audit.record(session, actor, Action.UPDATE, CASE, case.id, student.name, before=before, after=audit.snapshot(case))


def _transfer_confirmed(session: Session, student: Student) -> bool:
    """Whether the student is 转出 with the receiving school confirmed."""
    return (student.status == EnrollmentStatus.TRANSFERRED_OUT.value
            and transfers.has_confirmed_transfer_out(session, student.id))


def _end_open_absences(session: Session, actor: Actor, student_id: int, until: dt.date) -> None:
    for absence in session.scalars(select(Absence).where(Absence.student_id == student_id, Absence.end_date.is_(None))):
        end_absence(session, actor, absence.id, max(until, absence.start_date))


@requires(Permission.MANAGE_CASES)
def confirm_dropout(session: Session, actor: Actor, case_id: int, on: dt.date | None = None,
                    *, today: dt.date) -> None:
    """Record the student as 辍学 once the absence passed the dropout threshold."""
    case = get_record(session, DropoutCase, case_id)
    student = session.get(Student, case.student_id)
    assert student is not None
    if student.status == EnrollmentStatus.DROPPED_OUT.value:
        return
    views = [a for a in absences(session, today, student_id=student.id) if a.id == case.absence_id]
    threshold = views[0].dropout_on if views else None
    if threshold is None:
        raise NotAllowed(translate(
            "Dropout", "{name} has not been away long enough to count as a dropout ({days} days after becoming a "
            "suspected dropout).").format(name=student.name, days=setting(session, "dropout.dropout_days")))
    reason = Reason(case.reason_category).value + (f"：{case.reason_text}" if case.reason_text else "")
    roster.change_status(session, actor, student.id, EnrollmentStatus.DROPPED_OUT, on or threshold, reason,
                         today=today)


@dataclass(frozen=True)
class CaseView:
    id: int
    student_id: int
    student: str
    sex: str
    school: str
    grade: str
    village: str
    guardian: str
    status: CaseStatus
    reason: Reason
    absence_began: dt.date
    opened_on: dt.date
    closed_on: dt.date | None
    attempts: int
    failed_attempts: int
    last_action: dt.date
    notice: NoticeView | None
    notice_due: bool  # enough failed attempts: the notice is proposed
    student_status: EnrollmentStatus
    school_id: int

    def days_open(self, today: dt.date) -> int:
        return ((self.closed_on or today) - self.opened_on).days

    def notice_expired(self, today: dt.date) -> bool:
        return self.status.is_open and self.notice is not None and self.notice.deadline < today

    def as_json(self, today: dt.date) -> dict[str, object]:
        return {"id": self.id, "student": self.student, "student_id": self.student_id, "school": self.school,
                "grade": self.grade, "status": self.status.value, "reason": self.reason.value,
                "opened": self.opened_on.isoformat(), "closed": self.closed_on.isoformat() if self.closed_on else None,
                "days_open": self.days_open(today), "attempts": self.attempts,
                "failed_attempts": self.failed_attempts, "last_action": self.last_action.isoformat(),
                "notice_number": self.notice.document_number if self.notice else None,
                "notice_deadline": self.notice.deadline.isoformat() if self.notice else None,
                "notice_served": self.notice.served_on.isoformat() if self.notice and self.notice.served_on else None,
                "notice_expired": self.notice_expired(today), "notice_due": self.notice_due}


def list_cases(session: Session, *, open_only: bool = False, case_id: int | None = None,
               classes: frozenset[tuple[int, str, int, str]] | None = None) -> list[CaseView]:
    """The cases, open ones first; ``classes`` limits them to a teacher's classes."""
    needed = notice_rules(session)
    query = (select(DropoutCase, Student.name, Student.sex, School.name, Village.name, Student.guardian_name,
                    Student.status)
             .join(Student, DropoutCase.student_id == Student.id)
             .join(School, DropoutCase.school_id == School.id)
             .outerjoin(Household, Student.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id)
             .order_by(DropoutCase.status != CaseStatus.PERSUADING.value, DropoutCase.opened_on.desc()))
    if open_only:
        query = query.where(DropoutCase.status == CaseStatus.PERSUADING.value)
    if case_id is not None:
        query = query.where(DropoutCase.id == case_id)
    if classes is not None:
        query = query.where(roster.in_classes(classes))
    found = session.execute(query).all()
    wanted = [row[0].id for row in found]
    # The log and the notices of all these cases in two reads (not two per case).
    logged: dict[int, list[LoggedAttempt]] = {}
    issued: dict[int, list[UrgingNotice]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows = session.execute(select(PersuasionAttempt.case_id, PersuasionAttempt.attempt_date,
                                      PersuasionAttempt.succeeded, PersuasionAttempt.parties, PersuasionAttempt.method,
                                      PersuasionAttempt.id, PersuasionAttempt.corrects_id)
                               .where(PersuasionAttempt.case_id.in_(chunk))).all()
        corrected = {corrects for *_rest, corrects in rows if corrects is not None}
        for owner, day, succeeded, parties, method, attempt_id, _corrects in rows:
            if attempt_id not in corrected:
                logged.setdefault(owner, []).append(LoggedAttempt(day, split_parties(parties), method, succeeded))
        for row in session.scalars(select(UrgingNotice).where(UrgingNotice.case_id.in_(chunk))
                                   .order_by(UrgingNotice.id)):
            issued.setdefault(row.case_id, []).append(row)
    reopened = case_plans.reopened_on(session, [row[0].id for row in found if row[0].status == CaseStatus.PERSUADING.value])
    views = []
    for case, name, sex, school, village, guardian, status in found:
        attempts_of = logged.get(case.id, [])
        notices_of = issued.get(case.id, [])
        failed = sum(1 for a in attempts_of if not a.succeeded)
        latest = notices_of[-1] if notices_of else None
        last = max([case.opened_on, *(a.attempt_date for a in attempts_of), *(n.issued_on for n in notices_of),
                    *([reopened[case.id]] if case.id in reopened else [])])
        notice = (NoticeView(latest.id, latest.document_number, latest.guardian, latest.issued_on, latest.deadline,
                             latest.served_on, latest.served_to) if latest is not None else None)
        views.append(CaseView(case.id, case.student_id, name, sex, school, grade_name_zh(case.stage_at, case.grade_at),
                              village or "", guardian, CaseStatus(case.status), Reason(case.reason_category),
                              case.absence_began, case.opened_on, case.closed_on, len(attempts_of), failed, last, notice,
                              CaseStatus(case.status).is_open and latest is None
                              and not missing_for_notice(needed, attempts_of),
                              EnrollmentStatus(status), case.school_id))
    return views


def get_case(session: Session, case_id: int) -> CaseView:
    found = list_cases(session, case_id=case_id)
    if not found:
        raise NotFound(translate("Dropout", "The case no longer exists."))
    return found[0]


@dataclass(frozen=True)
class Attention:
    """What the dropout tab's badge counts: absences waiting for a case, cases ready for an urging
    notice, notices whose deadline passed without the child back, and children a 比对 check found out
    of school (失学) with no case yet."""

    to_open: int
    notice_due: int
    expired: int
    found_out_of_school: int = 0

    @property
    def total(self) -> int:
        return self.to_open + self.notice_due + self.expired + self.found_out_of_school


def attention(session: Session, today: dt.date,
              classes: frozenset[tuple[int, str, int, str]] | None = None) -> Attention:
    cases = list_cases(session, open_only=True, classes=classes)
    return Attention(len(cases_to_open(session, today, classes)), sum(1 for c in cases if c.notice_due),
                     sum(1 for c in cases if c.notice_expired(today)),
                     len(found_out_of_school.cases_to_open(session, today, classes)))


@dataclass(frozen=True)
class SchoolCases:
    school: str
    open: int
    closed: int
    returned: int
    expired: int


def cases_per_school(session: Session, today: dt.date) -> list[SchoolCases]:
    grouped: dict[str, list[CaseView]] = {}
    for case in list_cases(session):
        grouped.setdefault(case.school, []).append(case)
    return [SchoolCases(school, sum(1 for c in cases if c.status.is_open), sum(1 for c in cases if not c.status.is_open),
                        sum(1 for c in cases if c.status is CaseStatus.RETURNED),
                        sum(1 for c in cases if c.notice_expired(today)))
            for school, cases in sorted(grouped.items())]
