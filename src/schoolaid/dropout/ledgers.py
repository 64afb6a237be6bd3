"""The three ledgers of dropout control: school-age children (适龄儿童), suspected dropouts (疑似辍学)
and dropouts (辍学).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from schoolaid.common.grades import age_on, grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.dropout.absences import absences
from schoolaid.dropout.case_files import list_cases
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import Household, School, Student, Village


@dataclass(frozen=True)
class LedgerRow:
    student_id: int
    name: str
    sex: str
    birth_date: dt.date | None
    age: int | None
    school: str
    grade: str
    village: str
    guardian: str
    status: EnrollmentStatus
    note: str  # the absence, the case, or why the child is listed
    case_id: int | None


COMPULSORY_AGES = range(6, 16)  # compulsory education: ages 6 to 15


def _student_rows(session: Session, conditions: Sequence[ColumnElement[bool]], today: dt.date,
                  notes: Mapping[int, tuple[str, int | None]]) -> list[LedgerRow]:
    """The ledger lines of the students the conditions select, by village then name."""
    query = (select(Student.id, Student.name, Student.sex, Student.birth_date, School.name, Student.stage,
                    Student.grade, Student.class_name, Village.name, Student.guardian_name, Student.status)
             .join(School, Student.school_id == School.id)
             .outerjoin(Household, Student.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id)
             .where(*conditions)
             .order_by(func.coalesce(Village.name, ""), Student.name_pinyin, Student.id))
    rows = []
    for sid, name, sex, birth, school, stage, grade, class_name, village, guardian, status in session.execute(query):
        note, case_id = notes.get(sid, ("", None))
        rows.append(LedgerRow(sid, name, sex, birth, age_on(birth, today) if birth else None, school,
                              f"{grade_name_zh(stage, grade)}{class_name}", village or "", guardian,
                              EnrollmentStatus(status), note, case_id))
    return rows


def _students(ids: Sequence[int]) -> list[ColumnElement[bool]]:
    return [Student.id.in_(list(ids))]


def school_age_ledger(session: Session, today: dt.date) -> list[LedgerRow]:
    """适龄儿童: every child of compulsory-education age (6 to 15 on 31 August before the school
    year) on the roster, enrolled or not — the 未入学 children of the households are on the roster too."""
    reference = SchoolYear.containing(today).age_reference_day
    youngest, oldest = COMPULSORY_AGES[0], COMPULSORY_AGES[-1]
    # age_on(birth, reference) in 6..15  <=>  reference - 16 years < birth <= reference - 6 years
    latest_birth = _years_before(reference, youngest)
    earliest_birth = _years_before(reference, oldest + 1) + dt.timedelta(days=1)
    conditions = [Student.birth_date.is_not(None), Student.birth_date >= earliest_birth,
                  Student.birth_date <= latest_birth]
    away = (EnrollmentStatus.NOT_ENROLLED.value, EnrollmentStatus.DROPPED_OUT.value)
    notes = {sid: (translate("Dropout", "not at school"), None) for sid in session.scalars(
        select(Student.id).where(*conditions, Student.status.in_(away)))}
    return _student_rows(session, conditions, today, notes)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def suspected_ledger(session: Session, today: dt.date) -> list[LedgerRow]:
    """疑似辍学: unexplained absence past the suspected threshold, not yet past the dropout one."""
    found = {a.student_id: (translate("Dropout", "absent since {date}, {days} school days").format(
        date=a.start_date.isoformat(), days=a.school_days), a.case_id)
        for a in absences(session, today) if a.state(today) == "suspected"}
    return _student_rows(session, _students(list(found)), today, found)


def dropout_ledger(session: Session, today: dt.date) -> list[LedgerRow]:
    """辍学: students recorded as 辍学, and those whose absence passed the dropout threshold (their
    status still to be recorded). A returned student is written off: the list no longer has them."""
    found: dict[int, tuple[str, int | None]] = {}
    open_cases = {c.student_id: c.id for c in list_cases(session, open_only=True)}
    for sid in session.scalars(select(Student.id).where(Student.status == EnrollmentStatus.DROPPED_OUT.value)):
        found[sid] = (translate("Dropout", "recorded as 辍学"), open_cases.get(sid))
    for a in absences(session, today):
        if a.state(today) == "dropout" and a.student_id not in found:
            found[a.student_id] = (translate("Dropout", "away since {date}: record the status as 辍学").format(
                date=a.start_date.isoformat()), a.case_id)
    return _student_rows(session, _students(list(found)), today, found)
