"""The dropout rate of a period, per school and overall, against the plan's target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.common.grades import Stage
from schoolaid.common.i18n import translate
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import School, StatusChange, Student

DROPOUT_RATE_TARGET = 0.002  # the plan: primary dropout rate at most 0.2 %


@dataclass(frozen=True)
class RateRow:
    school: str
    enrolled_at_start: int
    dropouts: int

    @property
    def rate(self) -> float:
        return self.dropouts / self.enrolled_at_start if self.enrolled_at_start else 0.0

    @property
    def meets_target(self) -> bool:
        return self.rate <= DROPOUT_RATE_TARGET


def dropout_rates(session: Session, start: dt.date, end: dt.date, stage: str = Stage.PRIMARY.value,
                  book: roster.StatusBook | None = None) -> tuple[list[RateRow], RateRow]:
    """The dropout rate of a period, per school and overall (the plan's target: primary ≤ 0.2 %).

    rate = dropouts ÷ students enrolled (在读) at the start of the period, where a dropout is a
    student of the stage whose status became 辍学 during the period and was still 辍学 at its end
    (a child brought back within the period is not counted). Schools are the students' schools."""
    book = book or roster.StatusBook(session)
    at_start = {sid for sid, status in book.on(start).items() if status == EnrollmentStatus.ENROLLED.value}
    at_end = book.on(end)
    became = set(session.scalars(select(StatusChange.student_id).where(
        StatusChange.to_status == EnrollmentStatus.DROPPED_OUT.value, StatusChange.effective_date >= start,
        StatusChange.effective_date <= end)))
    schools: dict[str, list[int]] = {}
    for sid, school, student_stage in session.execute(select(Student.id, School.name, Student.stage)
                                                      .join(School, Student.school_id == School.id)):
        if student_stage != stage:
            continue
        bucket = schools.setdefault(school, [0, 0])
        if sid in at_start:
            bucket[0] += 1
        if sid in became and at_end.get(sid) == EnrollmentStatus.DROPPED_OUT.value:
            bucket[1] += 1
    rows = [RateRow(name, enrolled, dropped) for name, (enrolled, dropped) in sorted(schools.items())]
    overall = RateRow(translate("Dropout", "All schools"), sum(r.enrolled_at_start for r in rows),
                      sum(r.dropouts for r in rows))
    return rows, overall
