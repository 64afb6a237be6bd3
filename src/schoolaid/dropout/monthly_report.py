"""The monthly report (一月一报告) of dropout control: per school, the pupils enrolled at the start and
the end of the month, what happened in it (new suspected dropouts, new dropouts, pupils back, transfers
out and whether the receiving school confirmed them), the cases still open with the step they are at,
and the 四查三比对 checks recorded in the month and still outstanding.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.common.i18n import translate
from schoolaid.dropout.case_files import CaseView, list_cases
from schoolaid.dropout.ledgers import suspected_ledger
from schoolaid.reconcile import village_counts
from schoolaid.reconcile.village_counts import VillageReconcile
from schoolaid.roster import roster, transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import School, StatusChange, Student
from schoolaid.township import township

ENROLLED = EnrollmentStatus.ENROLLED.value
DROPPED_OUT = EnrollmentStatus.DROPPED_OUT.value

#: How the report counts, printed under its table (Chinese always: the report goes to the bureau).
HOW = ("月初在读为上月末日在读人数，月末在读为本月末日（本月未完为报告日）在读人数；新增疑似辍学为月末在疑似辍学台账上、"
       "上月末日不在的学生；新增辍学为本月学籍状态变为辍学的学生；劝返复学为本月学籍状态由辍学变回在读的学生"
       "（不按档案结案计）；转出为本月转出的学生，按报告日接收学校是否已核实分列。")


@dataclass(frozen=True)
class MonthSchoolLine:
    school: str
    enrolled_at_start: int = 0  # 在读 on the day before the month's first
    enrolled_at_end: int = 0  # 在读 on the month's last day (the report day, for a month not over)
    new_suspected: int = 0
    new_dropouts: int = 0  # status became 辍学 in the month
    returned: int = 0  # status went from 辍学 back to 在读 in the month
    transfers_confirmed: int = 0  # transfers out in the month, receiving school confirmed by the report day
    transfers_unconfirmed: int = 0
    open_cases: int = 0  # cases open on the month's last day

    def row(self) -> list[int]:  # in the order of ``total_fields``
        return [self.enrolled_at_start, self.enrolled_at_end, self.new_suspected, self.new_dropouts, self.returned,
                self.transfers_confirmed, self.transfers_unconfirmed, self.open_cases]


def total_fields() -> tuple[str, ...]:
    return ("enrolled_at_start", "enrolled_at_end", "new_suspected", "new_dropouts", "returned",
            "transfers_confirmed", "transfers_unconfirmed", "open_cases")


@dataclass(frozen=True)
class OpenCaseLine:
    id: int
    name: str
    school: str
    grade: str
    opened_on: dt.date
    attempts: int
    step: str  # where the case stands: persuading (how many attempts), notice due, notice issued or overdue


@dataclass(frozen=True)
class MonthlyReport:
    title: str
    first: dt.date  # the month's first day
    as_of: dt.date  # its last day, or the report day for a month not over
    schools: list[MonthSchoolLine]
    total: MonthSchoolLine
    open_cases: list[OpenCaseLine]
    # 四查三比对 per village: differences still open, checks recorded in the month (empty: no list imported)
    reconcile: list[VillageReconcile] = field(default_factory=list)


#: From this day of a month on, the month to report is the one under way (its figures are nearly all in);
#: before it, the month just ended.
LATE_IN_MONTH = 25


def month_to_report(today: dt.date) -> tuple[int, int]:
    """The month an aid officer reports on ``today``: the one just ended, or this one late in it."""
    if today.day >= LATE_IN_MONTH:
        return today.year, today.month
    ended = today.replace(day=1) - dt.timedelta(days=1)
    return ended.year, ended.month


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def case_step(case: CaseView, on: dt.date) -> str:
    """The step of the escalation a case is at (Chinese always: printed)."""
    if case.notice is not None:
        overdue = "，已逾期" if case.notice.deadline < on else ""
        return f"已发敦促入学通知书{case.notice.document_number}（{case.notice.deadline.isoformat()}到期{overdue}）"
    if case.notice_due:
        return f"劝返{case.attempts}次未果，应发敦促入学通知书"
    return f"劝返中，已劝返{case.attempts}次" if case.attempts else "劝返中，尚未劝返"


def monthly_report(session: Session, year: int, month: int, today: dt.date) -> MonthlyReport:
    """The figures of ``month`` of ``year`` as the records show them on ``today`` (a month not over is
    counted up to ``today``)."""
    first, last = month_bounds(year, month)
    as_of = min(last, today)
    before = first - dt.timedelta(days=1)
    school_of: dict[int, str] = {sid: name for sid, name in session.execute(
        select(Student.id, School.name).join(School, Student.school_id == School.id))}
    names = set(school_of.values())
    lines: dict[str, dict[str, int]] = {name: {} for name in names}

    def add(sid: int, what: str) -> None:
        school = school_of.get(sid)
        if school is not None:
            lines[school][what] = lines[school].get(what, 0) + 1

    book = roster.StatusBook(session)
    for sid, status in book.on(before).items():
        if status == ENROLLED:
            add(sid, "enrolled_at_start")
    for sid, status in book.on(as_of).items():
        if status == ENROLLED:
            add(sid, "enrolled_at_end")
    earlier = {row.student_id for row in suspected_ledger(session, before)}
    for row in suspected_ledger(session, as_of):
        if row.student_id is not None and row.student_id not in earlier:
            add(row.student_id, "new_suspected")
    dropped: set[int] = set()
    back: set[int] = set()
    for sid, before_status, after in session.execute(
            select(StatusChange.student_id, StatusChange.from_status, StatusChange.to_status)
            .where(StatusChange.effective_date >= first, StatusChange.effective_date <= as_of)):
        if after == DROPPED_OUT:
            dropped.add(sid)
        if before_status == DROPPED_OUT and after == ENROLLED:
            back.add(sid)
    for sid in dropped:
        add(sid, "new_dropouts")
    for sid in back:
        add(sid, "returned")
    for view in transfers.latest_out(session).values():
        if first <= view.since <= as_of:
            confirmed = view.confirmed_on is not None and view.confirmed_on <= today
            add(view.student_id, "transfers_confirmed" if confirmed else "transfers_unconfirmed")
    open_lines = []
    for case in list_cases(session):
        if case.opened_on <= as_of and (case.closed_on is None or case.closed_on > as_of):
            add(case.student_id, "open_cases")
            open_lines.append(OpenCaseLine(case.id, case.student, case.school, case.grade, case.opened_on,
                                           case.attempts, case_step(case, today)))
    open_lines.sort(key=lambda c: (c.school, c.opened_on, c.id))
    # The schools in the township's order (the central school first), as the other reports list them.
    order = {name: n for n, name in enumerate(session.scalars(select(School.name).order_by(School.sort_order,
                                                                                          School.id)))}
    schools = [MonthSchoolLine(name, **counts)
               for name, counts in sorted(lines.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))]
    total = MonthSchoolLine(translate("Dropout", "All schools"),
                            *(sum(s.row()[n] for s in schools) for n in range(len(total_fields()))))
    return MonthlyReport(f"{township.township_name(session)}{year}年{month}月控辍保学月报", first, as_of, schools, total,
                         open_lines, village_counts.counts_by_village(session, as_of, first))
