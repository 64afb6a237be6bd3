"""Coverage gaps: eligible students with no entry for a period that has come.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from schoolaid.common.school_calendar import month_start
from schoolaid.ledger.currency import yuan
from schoolaid.ledger.eligibility import Decision, covered_query, decide
from schoolaid.ledger.periods import months_of_period
from schoolaid.ledger.posting import student_lines
from schoolaid.ledger.subsidy_programmes import ProgrammeView, list_programmes


@dataclass(frozen=True)
class Gap:
    student_id: int
    name: str
    school: str
    grade: str
    village: str
    programme_id: int
    programme_code: str
    programme: str
    period: str
    amount_fen: int

    def as_json(self) -> dict[str, object]:
        return {"student_id": self.student_id, "name": self.name, "school": self.school, "grade": self.grade,
                "village": self.village, "programme": self.programme_code, "programme_name": self.programme,
                "period": self.period, "amount_yuan": float(yuan(self.amount_fen))}


def _missing(session: Session, period: str, today: dt.date,
             ) -> list[tuple[ProgrammeView, str, dict[int, Decision]]]:
    """For each active programme and each of its periods within ``period`` that has come: the
    eligible students with no entry."""
    this_month = month_start(today)
    months = [m for m in months_of_period(period) if m <= this_month]
    found = []
    for programme in list_programmes(session, active_only=True):
        seen_periods = set()
        for month in months:
            if not programme.pays_in(month):
                continue
            programme_period = programme.period_for(month)
            if programme_period in seen_periods:
                continue
            seen_periods.add(programme_period)
            # Enrollment and coverage are checked in the query: once a month is posted most students
            # are covered, and none is read for nothing.
            found.append((programme, programme_period, decide(
                session, programme, month, today, excluding=covered_query(programme.id, programme_period))[0]))
    return found


def gap_count(session: Session, period: str, today: dt.date) -> int:
    """How many gaps ``gaps`` would list (for a badge: no names are looked up)."""
    return sum(len(missing) for _, _, missing in _missing(session, period, today))


def gaps(session: Session, period: str, today: dt.date) -> list[Gap]:
    """Eligible students with no entry, for every month of ``period`` (a month or a quarter) that has
    come, and every active programme that pays in it."""
    found: list[Gap] = []
    for programme, programme_period, missing in _missing(session, period, today):
        for line in student_lines(session, missing, 0):
            found.append(Gap(line.student_id, line.name, line.school, line.grade, line.village, programme.id,
                             programme.code, programme.name, programme_period, missing[line.student_id].amount_fen))
    return found
