"""The term-start report (开学辍学情况报告) each school sends the district bureau and the township:
its dropouts by name, the school-age children never enrolled, the graduates of the past year with their
destinations, and the counts per school.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Term
from schoolaid.dropout.case_files import CaseView, case_form, list_cases
from schoolaid.dropout.ledgers import dropout_ledger, school_age_ledger, suspected_ledger
from schoolaid.dropout.rates import RateRow, dropout_rates, school_year_dropout
from schoolaid.dropout.vocabulary import CaseStatus
from schoolaid.reconcile import village_counts
from schoolaid.reconcile.village_counts import VillageReconcile
from schoolaid.roster import transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import School, Student
from schoolaid.township import township


@dataclass(frozen=True)
class TermSchoolLine:
    school: str
    enrolled: int  # 在读 on the report day
    suspected: int
    dropouts: int
    returned: int  # cases closed as 已返校 since the previous term began
    open_cases: int
    # The term's dropout rate of compulsory education (``rates.dropout_rates``, the term up to the report
    # day): the home tab and the quarterly summary give the same figure for the same period.
    enrolled_at_start: int = 0  # primary and junior pupils 在读 on the term's first day
    term_dropouts: int = 0  # of them, dropped out in the term and still out on the report day

    @property
    def rate(self) -> float:
        return self.term_dropouts / self.enrolled_at_start if self.enrolled_at_start else 0.0


@dataclass(frozen=True)
class TermDropoutLine:
    name: str
    sex: str
    school: str
    grade: str
    village: str
    guardian: str
    since: str
    reason: str
    attempts: int
    situation: str
    remedies: str
    status: str = ""  # 学籍状态, and the case's state
    notice: str = ""  # the urging notice's number, if one was issued


@dataclass(frozen=True)
class TermReport:
    """The written report each school sends the district bureau and the township at the start of a
    term: its dropouts by name, and the counts per school."""

    title: str
    as_of: dt.date
    since: dt.date
    schools: list[TermSchoolLine]
    total: TermSchoolLine
    dropouts: list[TermDropoutLine]
    not_enrolled: list[TermDropoutLine] = field(default_factory=list)  # school-age children never enrolled
    # 四查三比对 per village: open differences by kind, checks recorded this term (empty: no list imported)
    reconcile: list[VillageReconcile] = field(default_factory=list)
    # The graduates of the year before the term began (and any primary graduate still unplaced), with their
    # destinations: the move to junior secondary school is followed
    graduates: list[GraduateLine] = field(default_factory=list)
    # The school year's dropout rate of compulsory education, from its first day to the report day
    school_year: str = ""
    school_year_start: dt.date | None = None
    school_year_rate: RateRow | None = None


@dataclass(frozen=True)
class GraduateLine:
    name: str
    school: str
    stage: str
    graduated_on: dt.date
    destination: str  # the school and its confirmation, 就业 / 未升学 and why, or 去向未登记
    unplaced: bool  # a primary graduate with no confirmed junior school after 30 September: a suspected dropout


def term_report(session: Session, today: dt.date, term: Term | None = None) -> TermReport:
    """The situation on ``today`` (the lists are of that day) for ``term`` (the one ``today`` is in
    by default)."""
    term = term or Term.containing(today)
    previous = term.previous().start
    dropout_rows = dropout_ledger(session, today)
    suspected_rows = suspected_ledger(session, today)
    cases = list_cases(session)
    by_student: dict[int, CaseView] = {}
    for view in cases:  # open cases first, then the latest: a student's current case
        by_student.setdefault(view.student_id, view)
    enrolled: dict[str, int] = {}
    for school, count in session.execute(select(School.name, func.count(Student.id))
                                         .join(Student, Student.school_id == School.id)
                                         .where(Student.status == EnrollmentStatus.ENROLLED.value)
                                         .group_by(School.name)):
        enrolled[school] = count
    rate_rows, _overall = dropout_rates(session, term.start, today)
    rates = {row.school: row for row in rate_rows}
    names = sorted({*enrolled, *(r.school for r in dropout_rows), *(r.school for r in suspected_rows),
                    *(c.school for c in cases)})
    schools = []
    for name in names:
        schools.append(TermSchoolLine(
            name, enrolled.get(name, 0), sum(1 for r in suspected_rows if r.school == name),
            sum(1 for r in dropout_rows if r.school == name),
            sum(1 for c in cases if c.school == name and c.status is CaseStatus.RETURNED and c.closed_on is not None
                and c.closed_on >= previous),
            sum(1 for c in cases if c.school == name and c.status.is_open),
            rates[name].enrolled_at_start if name in rates else 0, rates[name].dropouts if name in rates else 0))
    total = TermSchoolLine(translate("Dropout", "All schools"), *(sum(getattr(s, f) for s in schools) for f in
                                                                  ("enrolled", "suspected", "dropouts", "returned",
                                                                   "open_cases", "enrolled_at_start",
                                                                   "term_dropouts")))
    lines = []
    for row in dropout_rows:
        case = by_student.get(row.student_id) if row.student_id is not None else None
        form = case_form(session, case.id) if case is not None else None
        status = row.status_text + (f"，档案{case.status.value}" if case is not None else "，未建档")
        lines.append(TermDropoutLine(
            row.name, row.sex, row.school, row.grade, row.village, row.guardian,
            case.absence_began.isoformat() if case else "", case.reason.value if case else "",
            case.attempts if case else 0, form.current_situation if form else "", form.remedies if form else "",
            status, case.notice.document_number if case is not None and case.notice is not None else ""))
    # Never enrolled: 未入学 on the roster, and the register's children found at no school (待核查 or deferred).
    never = [child for child in school_age_ledger(session, today) if child.status is EnrollmentStatus.NOT_ENROLLED
             or (child.status is None and child.out_of_school)]
    not_enrolled = [TermDropoutLine(row.name, row.sex, row.school, row.grade, row.village, row.guardian, "", "未入学",
                                    0, "", "", row.status.value if row.status else row.reconcile) for row in never]
    return TermReport(f"{township.township_name(session)}{term.full_name}开学辍学情况报告", today, previous, schools,
                      total, lines, not_enrolled, village_counts.counts_by_village(session, today, term.start),
                      _graduates(session, today, term), term.school_year.label, term.school_year.start,
                      school_year_dropout(session, term.school_year, today))


#: Graduates of this long before the term began are reported: the school year that ended.
GRADUATES_OF_DAYS = 366


def _graduates(session: Session, today: dt.date, term: Term) -> list[GraduateLine]:
    since = term.start - dt.timedelta(days=GRADUATES_OF_DAYS)
    return [GraduateLine(g.name, g.school, g.stage, g.graduated_on, g.destination_text(), g.unplaced(today))
            for g in transfers.graduates(session)
            if g.graduated_on <= today and (g.graduated_on >= since or g.unplaced(today))]
