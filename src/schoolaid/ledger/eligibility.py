"""Who is eligible, for how much and why; and who is covered.

A student is eligible in a month when the programme's conditions select them and they are enrolled
(在读) on the 15th of that month (or today, for the current month before the 15th): joining by
mid-month counts for the month, leaving before it does not. The conditions combine (all must hold):
the programme's rule (its hand-kept list, or an older rule such as 建档立卡), its stages and grades,
boarder or not, and its categories (any of them: household categories, student categories, or the
assessment of need, ``assessment.assessed_levels``). The amount comes from the programme's dated
standards (``standard_on``), or from its own amount when it has none. A student is covered for a
programme and period when the entries for them add up to more than zero.

Each decision carries its basis in Chinese (which condition, which standard): the posting preview
shows it, so a school can say who was paid and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from schoolaid.common import school_calendar
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Term, month_end, month_reference_day
from schoolaid.ledger import assessment, standards
from schoolaid.ledger.subsidy_programmes import ProgrammeView, StandardView, list_standards, standard_on
from schoolaid.ledger.vocabulary import Eligibility, Per
from schoolaid.roster import roster
from schoolaid.roster.categories import HouseholdCategory, lifted_or_monitored_condition
from schoolaid.storage.database import fetch_ids
from schoolaid.storage.models import Household, LedgerEntry, ProgrammeMember, Student
from schoolaid.township import township

#: Where the school keeps its holidays (the dropout rules' setting): school days for a programme
#: paid per school day.
HOLIDAYS_SETTING = "dropout.holidays"


@dataclass(frozen=True)
class Decision:
    """A student the programme pays for a period: how much, at which standard, and why."""

    student_id: int
    amount_fen: int  # the entry's amount
    standard_fen: int  # 资助标准 as the entry keeps it: per month, per term, or per school day
    units: int  # 月数, or school days for a programme paid per school day
    basis: str  # in Chinese: the condition and the standard


def _rule_selects(query: Select, programme: ProgrammeView, on: dt.date) -> Select:
    rule = programme.eligibility
    if rule is Eligibility.REGISTERED_POOR:  # 脱贫户, and 监测对象 whose risk is not removed on ``on``
        query = query.where(lifted_or_monitored_condition(on))
    elif rule is Eligibility.LEFT_BEHIND:
        query = query.where(Student.left_behind.is_(True))
    elif rule is Eligibility.BOARDER:
        query = query.where(Student.boarder.is_(True))
    elif rule is Eligibility.LIST:
        query = query.where(Student.id.in_(select(ProgrammeMember.student_id).where(
            ProgrammeMember.programme_id == programme.id)))
    return query


def _selected(session: Session, programme: ProgrammeView, on: dt.date) -> Select:
    """The students the programme's rule, stages, grades and boarding select, before enrollment
    and categories are checked."""
    query = select(Student.id).outerjoin(Household, Student.household_id == Household.id)
    if programme.stages:
        query = query.where(Student.stage.in_(programme.stages))
    if programme.grades:
        query = query.where(Student.grade.in_(programme.grades))
    if programme.boarder:
        query = query.where(Student.boarder.is_(programme.boarder == "yes"))
    return _rule_selects(query, programme, on)


def _rule_words(programme: ProgrammeView) -> str:
    return {Eligibility.REGISTERED_POOR: "脱贫户或监测对象（原建档立卡）", Eligibility.LEFT_BEHIND: "留守儿童",
            Eligibility.BOARDER: "寄宿生", Eligibility.LIST: "名单内", Eligibility.EVERYONE: ""}[programme.eligibility]


def holidays_of(session: Session) -> school_calendar.Holidays:
    try:
        return school_calendar.parse_holidays(township.get_setting(session, HOLIDAYS_SETTING)
                                              or school_calendar.DEFAULT_HOLIDAYS_TEXT)
    except Exception:  # noqa: BLE001 - a bad setting is refused when entered; fall back to the default
        return school_calendar.DEFAULT_HOLIDAYS


def official_days(session: Session) -> school_calendar.OfficialDays:
    """The statutory holidays and make-up working days: the shipped table and what the settings add."""
    try:
        return school_calendar.parse_official_days(
            township.get_setting(session, school_calendar.STATUTORY_HOLIDAYS_SETTING),
            township.get_setting(session, school_calendar.MAKEUP_WORKDAYS_SETTING))
    except Exception:  # noqa: BLE001 - refused when entered; fall back to the shipped table
        return school_calendar.DEFAULT_OFFICIAL_DAYS


def school_days_in(session: Session, first: dt.date, last: dt.date) -> int:
    """School days from ``first`` to ``last``: working days outside the school's holidays."""
    holidays, official = holidays_of(session), official_days(session)
    return sum(1 for k in range((last - first).days + 1)
               if official.is_working_day(day := first + dt.timedelta(days=k))
               and not school_calendar.is_holiday(day, holidays))


def _amount(session: Session, programme: ProgrammeView, standard: StandardView | None, month: dt.date,
            school_days: dict[str, int]) -> tuple[int, int, int, str]:
    """(amount, standard as the entry keeps it, units, the standard's words) for one student."""
    months = programme.months_for(month)
    if standard is None:  # a programme with no dated standards pays its own amount
        unit = {Per.MONTH: "每月", Per.TERM: "每学期", Per.DAY: "每天"}[programme.per]
        words = f"本项目标准{_yuan(programme.amount_fen)}元{unit}"
        if programme.per is Per.DAY:
            days = _days(session, programme, month, school_days)
            return programme.amount_fen * days, programme.amount_fen, days, f"{words}×{days}天"
        return programme.amount_fen, programme.amount_fen, months, words
    words = standard.describe()
    if standard.unit == "day":
        days = _days(session, programme, month, school_days)
        return standard.amount_fen * days, standard.amount_fen, days, f"{words}×在校{days}天"
    if standard.unit == "year":
        if programme.per is Per.TERM:
            return standard.amount_fen // 2, standard.amount_fen // 2, months, f"{words}，每学期发放一半"
        share = standard.amount_fen // max(1, len(programme.active_months))
        return share, share, 1, f"{words}，按发放月数平分"
    if programme.per is Per.TERM:
        return standard.amount_fen * months, standard.amount_fen, months, f"{words}×{months}个月"
    return standard.amount_fen, standard.amount_fen, 1, words


def _days(session: Session, programme: ProgrammeView, month: dt.date, cache: dict[str, int]) -> int:
    first, last = ((Term.containing(month).start, Term.containing(month).end) if programme.per is Per.TERM
                   else (month, month_end(month)))
    key = f"{first}/{last}"
    if key not in cache:
        cache[key] = school_days_in(session, first, last)
    return cache[key]


def _yuan(fen: int) -> str:
    return f"{fen // 100}" if fen % 100 == 0 else f"{fen / 100:.2f}"


def standard_day(programme: ProgrammeView, month: dt.date) -> dt.date:
    """The day whose standard applies: a term's first day for a termly programme (a term that
    begins under a new standard pays it from its start), else the month's first day."""
    return Term.containing(month).start if programme.per is Per.TERM else month


def programme_closed(session: Session, programme: ProgrammeView) -> str | None:
    """Why the programme pays no one at all, if a setting keeps it off (营养改善计划 outside the
    counties in the programme)."""
    key = standards.PROGRAMME_SETTINGS.get(programme.code)
    if key and township.get_setting(session, key) != "1":
        return translate("Ledger", "{name} pays only where the county is in the programme: turn on the setting "
                         "{key} if it is.").format(name=programme.name, key=key)
    return None


def _free_last_year(programme: ProgrammeView, stage: str, grade: int, month: dt.date) -> str | None:
    if (programme.code in standards.FEE_WAIVER_PROGRAMMES and stage == "学前"
            and grade == standards.LAST_PRESCHOOL_GRADE and month >= standards.FREE_LAST_PRESCHOOL_YEAR_FROM):
        return translate("Ledger", "From autumn 2025 the 大班 保育教育费 is free for every child in public kindergartens "
                         "(国办发〔2025〕27号): it is not aid, so it is not posted.")
    return None


#: What a decision reads of a student and their household, as plain columns (no ORM objects: at a
#: county's 100,000 students building them was most of the time, with the GIL held).
_DECISION_COLUMNS = (Student.id, Student.stage, Student.grade, Student.boarder, Student.orphan, Student.unsupported,
                     Student.disability_category, Student.parent_disabled, Student.martyr_child, Student.left_behind,
                     Student.in_difficulty, Household.category, Household.risk_removed_on, Household.dibao,
                     Household.tekun)


def _row_categories(row: Row, on: dt.date) -> list[str]:
    """The categories (standards.HOUSEHOLD_CATEGORIES then STUDENT_CATEGORIES) that hold on ``on`` for
    the student of a row of ``_DECISION_COLUMNS``. A monitored household counts while its risk is not
    removed (风险未消除)."""
    (_sid, _stage, _grade, _boarder, orphan, unsupported, disability, parent_disabled, martyr_child, left_behind,
     in_difficulty, category, removed, dibao, tekun) = row
    found = []
    if category == HouseholdCategory.LIFTED.value:
        found.append("脱贫户")
    if category == HouseholdCategory.MONITORED.value and (removed is None or removed > on):
        found.append("防止返贫监测对象")
    if dibao:
        found.append("低保")
    if tekun:
        found.append("特困")
    flags = (("孤儿", orphan), ("事实无人抚养", unsupported), ("残疾", bool(disability)),
             ("残疾人子女", parent_disabled), ("烈士子女", martyr_child), ("留守", left_behind),
             ("困境", in_difficulty))
    found.extend(name for name, holds in flags if holds)
    return found


def decide(session: Session, programme: ProgrammeView, month: dt.date, today: dt.date,
           enrolled: set[int] | None = None, student_ids: Collection[int] | None = None,
           *, excluding: Select | None = None) -> tuple[dict[int, Decision], dict[int, str]]:
    """({student: decision} for those the programme pays in ``month``, {student: why not} for those
    its stages, grades and rule select but a category, the free 大班 year or the standards leave
    out). ``excluding``: a query of student ids not to decide on (those already covered)."""
    if not programme.active or not programme.pays_in(month) or programme_closed(session, programme):
        return {}, {}
    day = standard_day(programme, month)
    on = day if programme.per is Per.TERM else month_reference_day(month, today)  # categories held on this day
    query = _selected(session, programme, on)
    if student_ids is not None:
        query = query.where(Student.id.in_(list(student_ids)))
    if excluding is not None:
        query = query.where(Student.id.not_in(excluding))
    if enrolled is None:
        query = query.where(roster.enrolled_on_condition(month_reference_day(month, today)))
    rows = session.execute(query.with_only_columns(*_DECISION_COLUMNS).order_by(Student.id)).all()
    if enrolled is not None:
        rows = [row for row in rows if row[0] in enrolled]
    found = list_standards(session, programme.id)
    needs_assessment = bool({standards.ASSESSED, standards.ASSESSED_BOARDER} & set(programme.categories))
    # The assessment is read on the posting month's reference day, as enrollment is: one decided in
    # September pays the autumn term, whose standard is read on its first day.
    assessed_on = month_reference_day(month, today)
    levels: dict[int, str] = {}
    if needs_assessment and rows:
        if len(rows) > 500:  # every level in force, read once, rather than hundreds of lists of ids
            levels = assessment.assessed_levels(session, None, assessed_on)
        else:
            levels = assessment.assessed_levels(session, [row[0] for row in rows], assessed_on)
    school_days: dict[str, int] = {}
    # The standard and the amount depend on the stage and boarding only: worked out once for each.
    standard_of: dict[tuple[str, bool], StandardView | None] = {}
    amount_of: dict[int, tuple[int, int, int, str]] = {}
    rule_words = _rule_words(programme)
    decisions: dict[int, Decision] = {}
    refused: dict[int, str] = {}
    for row in rows:
        sid, stage, grade, boarder = row[0], row[1], row[2], row[3]
        free = _free_last_year(programme, stage, grade, month)
        if free:
            refused[sid] = free
            continue
        condition = [grade_name_zh(stage, grade)]
        if programme.boarder:
            condition.append("寄宿生" if boarder else "非寄宿生")
        if rule_words:
            condition.append(rule_words)
        if programme.categories:
            held = set(_row_categories(row, on))
            if sid in levels:
                held.add(standards.ASSESSED)
                if boarder:
                    held.add(standards.ASSESSED_BOARDER)
            matched = [c for c in programme.categories if c in held]
            if not matched:
                refused[sid] = translate("Ledger", "In none of the programme's categories ({names}).").format(
                    names="、".join(programme.categories))
                continue
            condition.append("、".join(
                f"认定为{levels[sid]}" if c in (standards.ASSESSED, standards.ASSESSED_BOARDER) else c
                for c in matched))
        if found:
            key = (stage, boarder)
            if key not in standard_of:
                standard_of[key] = standard_on(found, stage, boarder, day)
            standard = standard_of[key]
        else:
            standard = None
        if found and standard is None:
            refused[sid] = translate("Ledger", "No standard of the programme applies to this student on "
                                     "{day}.").format(day=day.isoformat())
            continue
        if id(standard) not in amount_of:
            amount_of[id(standard)] = _amount(session, programme, standard, month, school_days)
        amount, standard_fen, units, words = amount_of[id(standard)]
        if amount <= 0:
            refused[sid] = translate("Ledger", "The programme's amount is not set: enter it first.")
            continue
        decisions[sid] = Decision(sid, amount, standard_fen, units, f"条件：{'，'.join(condition)}；标准：{words}")
    return decisions, refused


def eligible_ids(session: Session, programme: ProgrammeView, month: dt.date, today: dt.date,
                 enrolled: set[int] | None = None) -> set[int]:
    return set(decide(session, programme, month, today, enrolled)[0])


def covered_query(programme_id: int, period: str) -> Select:
    """The ids of the students whose entries for the programme and period add up to more than zero."""
    return (select(LedgerEntry.student_id).where(LedgerEntry.programme_id == programme_id,
                                                  LedgerEntry.period == period)
            .group_by(LedgerEntry.student_id).having(func.sum(LedgerEntry.amount_fen) > 0))


def covered_ids(session: Session, programme_id: int, period: str) -> set[int]:
    """Students whose entries for the programme and period add up to more than zero."""
    return set(fetch_ids(session, covered_query(programme_id, period)))
