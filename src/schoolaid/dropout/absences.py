"""Absences: recording and ending them, and when an unexplained absence makes a suspected dropout
(the suspected threshold in school days) and then a dropout (the dropout threshold in days).

The plan's rule: a student absent a week without reason is reported at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, check_class, is_teacher, requires
from schoolaid.common import school_calendar
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.dropout.rules import holidays, setting
from schoolaid.dropout.vocabulary import CaseStatus
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import Absence, DropoutCase, Household, School, Student, Village

ABSENCE = "absence"


def check_own_class(session: Session, actor: Actor, permission: Permission, student_id: int) -> None:
    """A teacher works only on their own classes' students."""
    if not is_teacher(actor):
        return
    student = session.get(Student, student_id)
    if student is not None:
        check_class(actor, permission, student.school_id, student.stage, student.grade, student.class_name,
                    student.name)


@requires(Permission.RECORD_ABSENCE)
def record_absence(session: Session, actor: Actor, student_id: int, start: dt.date, end: dt.date | None = None,
                   reason_known: bool = False, reason: str = "", *, today: dt.date) -> int:
    student = session.get(Student, student_id)
    problems = []
    if student is None:
        raise NotFound(translate("Dropout", "The student no longer exists."))
    check_own_class(session, actor, Permission.RECORD_ABSENCE, student_id)
    if student.status not in (EnrollmentStatus.ENROLLED.value, EnrollmentStatus.DROPPED_OUT.value):
        problems.append(error("student_id", "absence.status", translate(
            "Dropout", "{name} is not on the roll (\u201c{status}\u201d): only enrolled students are absent.").format(
                name=student.name, status=EnrollmentStatus(student.status).label())))
    if start > today:
        problems.append(error("start_date", "absence.future", translate("Dropout", "The absence cannot begin in the future.")))
    if end is not None and end < start:
        problems.append(error("end_date", "absence.end", translate("Dropout", "The absence ends before it begins.")))
    if reason_known and not reason.strip():
        problems.append(error("reason", "absence.reason", translate("Dropout", "Write the reason of the absence.")))
    overlapping = session.scalar(select(Absence.id).where(
        Absence.student_id == student_id, Absence.start_date <= (end or dt.date.max),
        (Absence.end_date.is_(None)) | (Absence.end_date >= start)))
    if overlapping is not None:
        problems.append(error("start_date", "absence.overlap", translate(
            "Dropout", "{name} already has an absence recorded over these days.").format(name=student.name)))
    if problems:
        raise ValidationFailed(problems)
    absence = Absence(student_id=student_id, start_date=start, end_date=end, reason_known=reason_known,
                      reason=reason.strip(), recorded_by=actor.name)
    session.add(absence)
    session.flush()
    audit.record(session, actor, Action.CREATE, ABSENCE, absence.id, student.name, after=audit.snapshot(absence))
    return absence.id


@requires(Permission.RECORD_ABSENCE)
def end_absence(session: Session, actor: Actor, absence_id: int, end: dt.date, reason: str | None = None) -> None:
    absence = get_record(session, Absence, absence_id)
    check_own_class(session, actor, Permission.RECORD_ABSENCE, absence.student_id)
    if end < absence.start_date:
        raise ValidationFailed([error("end_date", "absence.end", translate("Dropout", "The absence ends before it begins."))])
    before = audit.snapshot(absence)
    absence.end_date = end
    if reason is not None and reason.strip():
        absence.reason_known, absence.reason = True, reason.strip()
    audit.record(session, actor, Action.UPDATE, ABSENCE, absence.id, "", before=before, after=audit.snapshot(absence))


@dataclass(frozen=True)
class AbsenceView:
    id: int
    student_id: int
    student: str
    school: str
    grade: str
    village: str
    guardian: str
    phone: str
    start_date: dt.date
    end_date: dt.date | None
    reason_known: bool
    reason: str
    school_days: int
    suspected_on: dt.date | None  # reaching the suspected-dropout threshold, if unexplained
    dropout_on: dt.date | None  # reaching the dropout threshold, if still away
    case_id: int | None
    case_status: CaseStatus | None
    student_status: EnrollmentStatus

    def state(self, today: dt.date) -> str:
        """absent, suspected or dropout (as of today)."""
        if self.dropout_on is not None and self.dropout_on <= today:
            return "dropout"
        if self.suspected_on is not None and self.suspected_on <= today:
            return "suspected"
        return "absent"


def absences(session: Session, today: dt.date, *, open_only: bool = True,
             student_id: int | None = None, classes: frozenset[tuple[int, str, int, str]] | None = None
             ) -> list[AbsenceView]:
    suspect_days = setting(session, "dropout.suspect_school_days")
    dropout_days = setting(session, "dropout.dropout_days")
    off = holidays(session)
    cases = {}
    for case_id, absence_id, status in session.execute(select(DropoutCase.id, DropoutCase.absence_id,
                                                              DropoutCase.status)):
        if absence_id is not None:
            cases[absence_id] = (case_id, CaseStatus(status))
    query = (select(Absence, Student.name, School.name, Student.stage, Student.grade, Student.class_name, Village.name,
                    Student.guardian_name, Student.guardian_phone, Student.status)
             .join(Student, Absence.student_id == Student.id)
             .join(School, Student.school_id == School.id)
             .outerjoin(Household, Student.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id)
             .order_by(Absence.start_date))
    if open_only:
        query = query.where(Absence.end_date.is_(None))
    if student_id is not None:
        query = query.where(Absence.student_id == student_id)
    if classes is not None:
        query = query.where(roster.in_classes(classes))
    views = []
    for a, name, school, stage, grade, class_name, village, guardian, phone, status in session.execute(query):
        until = min(a.end_date or today, today)
        days = school_calendar.school_days_between(a.start_date, until, off)
        suspected = None if a.reason_known else school_calendar.nth_school_day(a.start_date, suspect_days, off)
        if suspected is not None and suspected > until:
            suspected = None
        dropout = suspected + dt.timedelta(days=dropout_days) if suspected is not None else None
        if dropout is not None and dropout > until:
            dropout = None
        case = cases.get(a.id)
        views.append(AbsenceView(a.id, a.student_id, name, school, f"{grade_name_zh(stage, grade)}{class_name}",
                                 village or "", guardian, phone, a.start_date, a.end_date, a.reason_known, a.reason, days,
                                 suspected, dropout, case[0] if case else None, case[1] if case else None,
                                 EnrollmentStatus(status)))
    return views


def cases_to_open(session: Session, today: dt.date,
                  classes: frozenset[tuple[int, str, int, str]] | None = None) -> list[AbsenceView]:
    """Unexplained absences that reached the suspected-dropout threshold, with no case yet: the app
    proposes opening one for each."""
    with_open_case = set(session.scalars(select(DropoutCase.student_id).where(
        DropoutCase.status == CaseStatus.PERSUADING.value)))
    return [a for a in absences(session, today, classes=classes)
            if a.case_id is None and a.student_id not in with_open_case and a.state(today) != "absent"]


def get_record(session: Session, model: type, item_id: int):  # noqa: ANN202 - the model's instance
    item = session.get(model, item_id)
    if item is None:
        raise NotFound(translate("Dropout", "The record no longer exists."))
    return item
