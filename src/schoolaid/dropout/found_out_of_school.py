"""Children a 比对 check found out of school (核查结果 失学): the check opened a student record with
status 未入学, so the child enters the 辍学 ledger and, until a case is opened for them, is proposed for
one — as an unexplained absence past the threshold is. There is no absence: the case begins the day
it is opened (``case_files.open_case`` with no absence).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.common.grades import grade_name_zh
from schoolaid.dropout.vocabulary import CaseStatus
from schoolaid.reconcile.vocabulary import CheckResult
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import DropoutCase, Household, ReconcileCheck, School, Student, Village

#: Still away: the student record the check opened has not become 在读 (a case closed as 已返校 does that).
AWAY = (EnrollmentStatus.NOT_ENROLLED.value, EnrollmentStatus.DROPPED_OUT.value)


@dataclass(frozen=True)
class FoundChild:
    student_id: int
    name: str
    school: str
    grade: str
    village: str
    guardian: str
    status: EnrollmentStatus
    checked_on: dt.date  # the day the check found the child out of school
    checked_by: str
    case_id: int | None  # the open case, else one opened since the check, if any
    case_open: bool


def found_children(session: Session, *, classes: frozenset[tuple[int, str, int, str]] | None = None
                   ) -> list[FoundChild]:
    """The students a 失学 check opened who are still away (未入学 or 辍学), oldest check first."""
    latest = (select(ReconcileCheck.student_id, func.max(ReconcileCheck.id).label("check_id"))
              .where(ReconcileCheck.result == CheckResult.OUT_OF_SCHOOL.value, ReconcileCheck.student_id.is_not(None))
              .group_by(ReconcileCheck.student_id).subquery())
    query = (select(Student.id, Student.name, School.name, Student.stage, Student.grade, Student.class_name,
                    Village.name, Student.guardian_name, Student.status, ReconcileCheck.checked_on,
                    ReconcileCheck.checked_by)
             .join(latest, latest.c.student_id == Student.id)
             .join(ReconcileCheck, ReconcileCheck.id == latest.c.check_id)
             .join(School, Student.school_id == School.id)
             .outerjoin(Household, Student.household_id == Household.id)
             # The household's village; before the child is given a household, the register's.
             .outerjoin(Village, Village.id == func.coalesce(Household.village_id, ReconcileCheck.village_id))
             .where(Student.status.in_(AWAY))
             .order_by(ReconcileCheck.checked_on, Student.id))
    if classes is not None:
        query = query.where(roster.in_classes(classes))
    rows = session.execute(query).all()
    cases: dict[int, list[tuple[int, dt.date, bool]]] = {}
    if rows:
        for number, student_id, opened, status in session.execute(
                select(DropoutCase.id, DropoutCase.student_id, DropoutCase.opened_on, DropoutCase.status)
                .where(DropoutCase.student_id.in_([r[0] for r in rows]))):
            cases.setdefault(student_id, []).append((number, opened, status == CaseStatus.PERSUADING.value))
    found = []
    for sid, name, school, stage, grade, class_name, village, guardian, status, checked_on, checked_by in rows:
        # A case still open, whenever opened, or one opened since the check.
        since = sorted((c for c in cases.get(sid, []) if c[2] or c[1] >= checked_on), key=lambda c: (not c[2], -c[0]))
        case_id: int | None = since[0][0] if since else None
        case_open = bool(since) and since[0][2]
        found.append(FoundChild(sid, name, school, f"{grade_name_zh(stage, grade)}{class_name}", village or "",
                                guardian, EnrollmentStatus(status), checked_on, checked_by, case_id, case_open))
    return found


def cases_to_open(session: Session, today: dt.date,
                  classes: frozenset[tuple[int, str, int, str]] | None = None) -> list[FoundChild]:
    """The children found out of school with no case since the check: the app proposes opening one
    for each (``case_files.open_case`` with no absence)."""
    return [child for child in found_children(session, classes=classes)
            if child.case_id is None and child.checked_on <= today]
