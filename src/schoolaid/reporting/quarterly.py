"""The quarterly summary (季度工作汇总): per school and village the students, subsidies by programme
and month with their coverage gaps, pairing and visits, dropout cases and the rate, and the plan's
indicators against their targets. Figures only: ``pdf.summary`` prints them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.common.errors import ValidationFailed
from schoolaid.common.grades import Stage, age_on
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Quarter, SchoolYear, month_key
from schoolaid.common.validation import error
from schoolaid.dropout import rates
from schoolaid.dropout.vocabulary import CaseStatus
from schoolaid.ledger import coverage, subsidy_programmes
from schoolaid.pairing import pairing
from schoolaid.reconcile import village_counts
from schoolaid.reconcile.village_counts import VillageReconcile
from schoolaid.reporting.indicators import OUT_OF_SCHOOL, register_counts
from schoolaid.roster import enrollment_approvals, roster
from schoolaid.roster.categories import HouseholdCategory, aid_group
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import (
    DropoutCase,
    Household,
    LedgerEntry,
    School,
    Staff,
    Student,
    Village,
    Visit,
)
from schoolaid.township import township

ENROLLED = EnrollmentStatus.ENROLLED.value


@dataclass(frozen=True)
class PlaceCounts:
    name: str
    students: int  # 在读 on the last day
    lifted: int  # children of 脱贫户
    monitored: int  # children of 防止返贫监测对象 whose risk is not removed on the last day
    left_behind: int
    boarders: int


@dataclass(frozen=True)
class ProgrammeLine:
    programme: str
    by_month: dict[str, tuple[int, int]]  # YYYY-MM: (entries, fen)
    gaps: int
    gap_fen: int

    @property
    def entries(self) -> int:
        return sum(n for n, _fen in self.by_month.values())

    @property
    def total_fen(self) -> int:
        return sum(fen for _n, fen in self.by_month.values())


@dataclass(frozen=True)
class PairingLine:
    school: str
    helpers: int  # staff with at least one household on the last day
    households: int  # households paired on the last day
    visits: int  # in the quarter


@dataclass(frozen=True)
class CaseLine:
    school: str
    opened: int
    returned: int
    open_at_end: int
    dropouts: int
    enrolled_at_start: int

    @property
    def rate(self) -> float:
        return self.dropouts / self.enrolled_at_start if self.enrolled_at_start else 0.0


@dataclass(frozen=True)
class Indicator:
    name: str
    numerator: int
    denominator: int
    target: float
    at_least: bool  # the target is a floor (≥) or a ceiling (≤)
    how: str
    source: str = ""  # the words the target comes from

    @property
    def value(self) -> float:
        return self.numerator / self.denominator if self.denominator else 0.0

    @property
    def met(self) -> bool:
        return bool(rates.meets(self.value, self.target, self.at_least))


@dataclass(frozen=True)
class QuarterlySummary:
    township: str
    year: int
    quarter: int
    start: dt.date
    end: dt.date  # the quarter's last day, or today for the quarter under way
    schools: list[PlaceCounts]
    villages: list[PlaceCounts]
    months: list[str]
    programmes: list[ProgrammeLine]
    pairing: list[PairingLine]
    households_needing: int
    unpaired: int
    cases: list[CaseLine]
    indicators: list[Indicator]
    # 四查三比对 per village: open differences by kind, checks recorded in the quarter (empty: no list)
    reconcile: list[VillageReconcile] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.township}{Quarter(self.year, self.quarter).label}教育帮扶工作汇总"


def _places(session: Session, end: dt.date) -> tuple[list[PlaceCounts], list[PlaceCounts]]:
    statuses = roster.statuses_on(session, end)
    by_school: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    by_village: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    order = {name: position for position, name in enumerate(session.scalars(select(School.name).order_by(
        School.sort_order, School.id)))}
    query = (select(Student.id, School.name, Village.name, Household.category, Household.risk_removed_on,
                    Student.left_behind, Student.boarder)
             .join(School, Student.school_id == School.id)
             .outerjoin(Household, Student.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id))
    for sid, school, village, category, removed, left_behind, boarder in session.execute(query):
        if statuses.get(sid) != ENROLLED:
            continue
        group = aid_group(category, removed, end)
        for bucket in (by_school[school], by_village[village or "（未填村）"]):
            bucket[0] += 1
            bucket[1] += group == HouseholdCategory.LIFTED.value
            bucket[2] += group == HouseholdCategory.MONITORED.value
            bucket[3] += bool(left_behind)
            bucket[4] += bool(boarder)
    schools = [PlaceCounts(name, *counts) for name, counts in sorted(by_school.items(), key=lambda i: order.get(i[0], 0))]
    villages = [PlaceCounts(name, *counts) for name, counts in sorted(by_village.items())]
    return schools, villages


def _programmes(session: Session, months: list[str], period: str, today: dt.date) -> list[ProgrammeLine]:
    sums: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for programme_id, month, n, fen in session.execute(
            select(LedgerEntry.programme_id, LedgerEntry.month, func.count(), func.sum(LedgerEntry.amount_fen))
            .where(LedgerEntry.month.in_(months)).group_by(LedgerEntry.programme_id, LedgerEntry.month)):
        sums[programme_id][month] = (n, fen or 0)
    gap_counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for gap in coverage.gaps(session, period, today):
        gap_counts[gap.programme_id][0] += 1
        gap_counts[gap.programme_id][1] += gap.amount_fen
    lines = []
    for programme in subsidy_programmes.list_programmes(session):
        if not programme.active and programme.id not in sums:
            continue
        gaps, gap_fen = gap_counts.get(programme.id, (0, 0))
        lines.append(ProgrammeLine(programme.name, sums.get(programme.id, {}), gaps, gap_fen))
    return lines


def _pairing(session: Session, start: dt.date, end: dt.date) -> list[PairingLine]:
    helpers: dict[str, set[int]] = defaultdict(set)
    households: dict[str, int] = defaultdict(int)
    for view in pairing.list_pairings(session, active_on=end):
        helpers[view.school].add(view.staff_id)
        households[view.school] += 1
    visits: dict[str, int] = defaultdict(int)
    for school, n in session.execute(
            select(School.name, func.count(Visit.id)).join(Staff, Visit.staff_id == Staff.id)
            .join(School, Staff.school_id == School.id)
            .where(Visit.visit_date >= start, Visit.visit_date <= end).group_by(School.name)):
        visits[school] = n
    names = [name for name in session.scalars(select(School.name).order_by(School.sort_order, School.id))
             if name in helpers or name in visits]
    return [PairingLine(name, len(helpers.get(name, ())), households.get(name, 0), visits.get(name, 0))
            for name in names]


def _cases(session: Session, start: dt.date, end: dt.date) -> list[CaseLine]:
    rows, _overall = rates.dropout_rates(session, start, end)
    by_school = {row.school: row for row in rows}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for school, opened, closed, status in session.execute(
            select(School.name, DropoutCase.opened_on, DropoutCase.closed_on, DropoutCase.status)
            .join(School, DropoutCase.school_id == School.id)):
        bucket = counts[school]
        bucket[0] += start <= opened <= end
        bucket[1] += status == CaseStatus.RETURNED.value and closed is not None and start <= closed <= end
        bucket[2] += opened <= end and (closed is None or closed > end)
    order = {name: position for position, name in enumerate(session.scalars(select(School.name).order_by(
        School.sort_order, School.id)))}
    lines = []
    for name in sorted(set(by_school) | set(counts), key=lambda n: order.get(n, 0)):
        n_opened, n_returned, n_open = counts.get(name, [0, 0, 0])
        rate = by_school.get(name)
        lines.append(CaseLine(name, n_opened, n_returned, n_open, rate.dropouts if rate else 0,
                              rate.enrolled_at_start if rate else 0))
    return lines


def _indicators(session: Session, start: dt.date, end: dt.date) -> list[Indicator]:
    """The plan's four indicators, computed from the roster (the children the households have) and,
    for the villages with a household register, from the register's children."""
    year = SchoolYear.containing(end)
    reference = enrollment_approvals.age_reference_day(session, year)
    statuses = roster.statuses_on(session, end)
    register = register_counts(session, year, end, statuses)
    preschool_age = preschool_enrolled = school_age = school_age_in = primary = boarders = 0
    for sid, birth, stage, boarder, village_id in session.execute(
            select(Student.id, Student.birth_date, Student.stage, Student.boarder, Household.village_id)
            .outerjoin(Household, Student.household_id == Household.id)):
        status = statuses.get(sid)
        age = age_on(birth, reference) if birth else None
        on_register = register is not None and register.counts_student(sid, village_id)
        if age is not None and 3 <= age <= 5 and not on_register:
            preschool_age += 1
        if stage == Stage.PRESCHOOL.value and status == ENROLLED:
            preschool_enrolled += 1
        if age is not None and 6 <= age <= 15 and not on_register:
            school_age += 1
            school_age_in += status not in OUT_OF_SCHOOL
        if stage == Stage.PRIMARY.value and status == ENROLLED:
            primary += 1
            boarders += bool(boarder)
    preschool_how, school_age_how = "在园幼儿数 ÷ 花名册上3至5周岁儿童数", "6至15周岁儿童中在校（休学、转出不计）人数 ÷ 6至15周岁儿童数"
    if register is not None:
        preschool_age += register.preschool_age
        preschool_enrolled += register.preschool_elsewhere
        school_age += register.school_age
        school_age_in += register.school_age_in
        villages = f"{len(register.villages)}个村按户籍名单，其余按花名册"
        preschool_how = f"在园幼儿数 ÷ 3至5周岁儿童数（{villages}）"
        school_age_how = f"6至15周岁儿童中在校（含外地就读；休学、转出不计）人数 ÷ 6至15周岁儿童数（{villages}）"
    _rows, primary_rate = rates.dropout_rates(session, start, end, (Stage.PRIMARY.value,))
    _rows, compulsory_rate = rates.dropout_rates(session, start, end)
    school_year = SchoolYear.containing(end)
    year_rate = rates.school_year_dropout(session, school_year, end)
    goals = rates.targets(session)

    def indicator(key: str, numerator: int, denominator: int, how: str) -> Indicator:
        target = rates.TARGETS[key]
        return Indicator(target.name, numerator, denominator, goals[key], target.at_least, how, target.source)

    return [
        indicator("preschool_gross_enrollment", preschool_enrolled, preschool_age, preschool_how),
        indicator("school_age_enrollment", school_age_in, school_age, school_age_how),
        indicator("primary_boarders", boarders, primary, "小学在读寄宿生 ÷ 小学在读学生"),
        indicator("primary_dropout", primary_rate.dropouts, primary_rate.enrolled_at_start,
                  "本季度辍学且季末仍未返校的小学生 ÷ 季初小学在读学生"),
        indicator("compulsory_dropout", compulsory_rate.dropouts, compulsory_rate.enrolled_at_start,
                  "本季度辍学且季末仍未返校的小学生和初中生 ÷ 季初小学和初中在读学生（学前不计）"),
        replace(indicator("compulsory_dropout", year_rate.dropouts, year_rate.enrolled_at_start,
                          f"{school_year.label}开学以来辍学且季末仍未返校的小学生和初中生 ÷ 学年初小学和初中在读学生"
                          "（学前不计）"), name=f"{rates.TARGETS['compulsory_dropout'].name}（本学年）"),
    ]


def quarterly_summary(session: Session, year: int, quarter: int, today: dt.date) -> QuarterlySummary:
    chosen = Quarter.parse(year, quarter)
    start = chosen.start
    if start > today:
        raise ValidationFailed([error("quarter", "quarter.future", translate(
            "Quarterly", "{year} quarter {quarter} has not begun yet.").format(year=year, quarter=quarter))])
    end = min(chosen.end, today)
    months = [month_key(month) for month in chosen.months() if month <= end]
    schools, villages = _places(session, end)
    unpaired = pairing.unpaired_households(session, end)
    needing = pairing.households_needing_pair(session)
    return QuarterlySummary(
        township=township.township_name(session), year=year, quarter=quarter, start=start, end=end,
        schools=schools, villages=villages, months=months,
        programmes=_programmes(session, months, chosen.key, today),
        pairing=_pairing(session, start, end), households_needing=needing, unpaired=len(unpaired),
        cases=_cases(session, start, end), indicators=_indicators(session, start, end),
        reconcile=village_counts.counts_by_village(session, end, start))

