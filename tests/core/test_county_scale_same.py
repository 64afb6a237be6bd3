"""The background services made fast for a county (coverage gaps, today's work, the indicators) give
exactly what the straightforward way gives: each is compared, on a varied demo township, with a
reference that reads ORM objects and replays every student in Python, as the services did before."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import and_, func, select, update
from sqlalchemy.orm import Session, selectinload

from schoolaid.common.grades import grade_name_zh
from schoolaid.common.school_calendar import Quarter, Term, month_key, month_reference_day, month_start
from schoolaid.ledger import assessment, coverage, eligibility, hardship, standards
from schoolaid.ledger.eligibility import Decision
from schoolaid.ledger.periods import months_of_period
from schoolaid.ledger.posting import student_lines
from schoolaid.ledger.subsidy_programmes import ProgrammeView, list_programmes, list_standards, standard_on
from schoolaid.ledger.vocabulary import Per
from schoolaid.reporting import indicators, work_list
from schoolaid.roster import categories, roster
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.database import Database
from schoolaid.storage.models import (
    HardshipAssessment,
    Household,
    LedgerEntry,
    Programme,
    ProgrammeMember,
    StatusChange,
    Student,
)
from tests.conftest import TODAY

# --- the references: the services as they were written first ------------------------------------------


class ReferenceStatusBook:
    def __init__(self, session: Session, student_ids: object = None) -> None:
        self._changes: dict[int, list[tuple[dt.date, str, str]]] = {}
        for student_id, when, before, after in session.execute(
                select(StatusChange.student_id, StatusChange.effective_date, StatusChange.from_status,
                       StatusChange.to_status).order_by(StatusChange.student_id, StatusChange.effective_date,
                                                        StatusChange.id)):
            self._changes.setdefault(student_id, []).append((when, before, after))
        self._students = list(session.execute(select(Student.id, Student.status, Student.entry_date)))

    def on(self, day: dt.date) -> dict[int, str]:
        statuses = {}
        for student_id, status, entry_date in self._students:
            history = self._changes.get(student_id)
            if history:
                earlier = [after for when, _before, after in history if when <= day]
                status = earlier[-1] if earlier else history[0][1]
            if entry_date is not None and entry_date > day and status == EnrollmentStatus.ENROLLED.value:
                status = EnrollmentStatus.NOT_ENROLLED.value
            statuses[student_id] = status
        return statuses

    def release(self) -> None:
        self._changes.clear()
        self._students.clear()


def reference_enrolled(session: Session, day: dt.date) -> set[int]:
    return {sid for sid, status in ReferenceStatusBook(session).on(day).items()
            if status == EnrollmentStatus.ENROLLED.value}


def reference_categories(household: Household | None, student: Student, on: dt.date) -> list[str]:
    found = []
    if household is not None:
        if household.category == HouseholdCategory.LIFTED.value:
            found.append("脱贫户")
        if categories.monitored_at_risk(household, on):
            found.append("防止返贫监测对象")
        if household.dibao:
            found.append("低保")
        if household.tekun:
            found.append("特困")
    flags = (("孤儿", student.orphan), ("事实无人抚养", student.unsupported), ("残疾", bool(student.disability_category)),
             ("残疾人子女", student.parent_disabled), ("烈士子女", student.martyr_child), ("留守", student.left_behind),
             ("困境", student.in_difficulty))
    found.extend(name for name, holds in flags if holds)
    return found


def reference_decide(session: Session, programme: ProgrammeView, month: dt.date, today: dt.date,
                     ) -> tuple[dict[int, Decision], dict[int, str]]:
    """``eligibility.decide`` as it was: every selected student read as an ORM object."""
    if not programme.active or not programme.pays_in(month) or eligibility.programme_closed(session, programme):
        return {}, {}
    day = eligibility.standard_day(programme, month)
    on = day if programme.per is Per.TERM else month_reference_day(month, today)
    selected = set(session.scalars(eligibility._selected(session, programme, on)))
    selected &= reference_enrolled(session, month_reference_day(month, today))
    found = list_standards(session, programme.id)
    needs_assessment = bool({standards.ASSESSED, standards.ASSESSED_BOARDER} & set(programme.categories))
    levels = assessment.assessed_levels(session, sorted(selected), month_reference_day(month, today)) \
        if needs_assessment else {}
    school_days: dict[str, int] = {}
    decisions: dict[int, Decision] = {}
    refused: dict[int, str] = {}
    for student in session.scalars(select(Student).options(selectinload(Student.household))
                                   .where(Student.id.in_(sorted(selected)))):
        free = eligibility._free_last_year(programme, student.stage, student.grade, month)
        if free:
            refused[student.id] = free
            continue
        condition = [grade_name_zh(student.stage, student.grade)]
        if programme.boarder:
            condition.append("寄宿生" if student.boarder else "非寄宿生")
        if eligibility._rule_words(programme):
            condition.append(eligibility._rule_words(programme))
        if programme.categories:
            held = set(reference_categories(student.household, student, on))
            if student.id in levels:
                held.add(standards.ASSESSED)
                if student.boarder:
                    held.add(standards.ASSESSED_BOARDER)
            matched = [c for c in programme.categories if c in held]
            if not matched:
                refused[student.id] = "categories"
                continue
            condition.append("、".join(
                f"认定为{levels[student.id]}" if c in (standards.ASSESSED, standards.ASSESSED_BOARDER) else c
                for c in matched))
        standard = standard_on(found, student.stage, student.boarder, day) if found else None
        if found and standard is None:
            refused[student.id] = "standard"
            continue
        amount, standard_fen, units, words = eligibility._amount(session, programme, standard, month, school_days)
        if amount <= 0:
            refused[student.id] = "amount"
            continue
        decisions[student.id] = Decision(student.id, amount, standard_fen, units,
                                         f"条件：{'，'.join(condition)}；标准：{words}")
    return decisions, refused


def reference_gaps(session: Session, period: str, today: dt.date) -> list[coverage.Gap]:
    this_month = month_start(today)
    months = [m for m in months_of_period(period) if m <= this_month]
    found: list[coverage.Gap] = []
    for programme in list_programmes(session, active_only=True):
        seen = set()
        for month in months:
            if not programme.pays_in(month) or programme.period_for(month) in seen:
                continue
            programme_period = programme.period_for(month)
            seen.add(programme_period)
            decisions = reference_decide(session, programme, month, today)[0]
            covered = eligibility.covered_ids(session, programme.id, programme_period)
            missing = {k: v for k, v in decisions.items() if k not in covered}
            for line in student_lines(session, missing, 0):
                found.append(coverage.Gap(line.student_id, line.name, line.school, line.grade, line.village,
                                          programme.id, programme.code, programme.name, programme_period,
                                          missing[line.student_id].amount_fen))
    return found


def reference_aided_ids(session: Session, start: dt.date, end: dt.date) -> set[int]:
    entries = list(session.scalars(select(LedgerEntry)))
    reversed_ids = {entry.reverses_id for entry in entries if entry.reverses_id is not None}
    return {entry.student_id for entry in entries if entry.amount_fen > 0 and entry.id not in reversed_ids
            and month_key(start) <= entry.month <= month_key(end)}


# --- a demo township with a little of everything ------------------------------------------------------


@pytest.fixture
def varied_db(demo_db: Database) -> Database:
    """The demo, with what it lacks: a programme on a hand-kept list, programmes limited by grade and
    boarding, assessments of need (one ended), students entering in the middle of the term, a
    payment that was reversed, status changes in the months compared."""
    with demo_db.write() as session:
        ids = list(session.scalars(select(Student.id).order_by(Student.id)))
        programmes = {p.code: p for p in session.scalars(select(Programme))}
        programmes["ZXJ"].active = True
        programmes["XQZZ"].active = True
        programmes["SHF"].boarder = "yes"
        programmes["SHF"].stage = "学前,小学"
        programmes["BYJY"].eligibility = "list"
        programmes["BYJY"].stage = "学前,小学,初中"
        programmes["BYJY"].grades = "1,2,3"
        for sid in ids[::5]:
            session.add(ProgrammeMember(programme_id=programmes["BYJY"].id, student_id=sid,
                                        added_on=dt.date(2026, 9, 1)))
        for n, sid in enumerate(ids[1::6]):
            session.add(HardshipAssessment(
                student_id=sid, school_year=2026, status=hardship.ASSESSED[n % 3], applied_on=dt.date(2026, 9, 1),
                level="困难", decided_on=dt.date(2026, 9, 10) if n % 4 else dt.date(2026, 10, 20),
                ended_on=dt.date(2026, 11, 1) if n % 7 == 0 else None))
        session.execute(update(Student).where(Student.id.in_(ids[2::9])).values(entry_date=dt.date(2026, 10, 20)))
        session.execute(update(Student).where(Student.id.in_(ids[3::11])).values(boarder=True))
        for sid in ids[4:40:7]:
            session.add(StatusChange(student_id=sid, from_status="在读", to_status="休学",
                                     effective_date=dt.date(2026, 10, 1), actor="test"))
            session.add(StatusChange(student_id=sid, from_status="休学", to_status="在读",
                                     effective_date=dt.date(2026, 11, 3), actor="test"))
        payment = session.scalars(select(LedgerEntry).where(LedgerEntry.amount_fen > 0, LedgerEntry.month >= "2026-09",
                                                            LedgerEntry.reverses_id.is_(None))).first()
        assert payment is not None
        session.add(LedgerEntry(batch_id=None, programme_id=payment.programme_id, student_id=payment.student_id,
                                period=payment.period, month=payment.month, kind="reversal",
                                standard_fen=payment.standard_fen, months=payment.months,
                                amount_fen=-payment.amount_fen, reverses_id=payment.id, reason="test",
                                posted_at=payment.posted_at, posted_by="test"))
    return demo_db


DAYS = [dt.date(2025, 3, 15), dt.date(2026, 9, 1), dt.date(2026, 9, 15), dt.date(2026, 10, 1), dt.date(2026, 10, 15),
        dt.date(2026, 10, 20), dt.date(2026, 11, 3), TODAY]


def test_statuses_and_enrollment_on_any_day_are_the_replayed_ones(varied_db: Database) -> None:
    with varied_db.read() as session:
        book, reference = roster.StatusBook(session), ReferenceStatusBook(session)
        for day in DAYS + DAYS:  # asked twice: the second answer comes from what the book kept
            statuses = book.on(day)
            assert statuses == reference.on(day)
            assert list(statuses) == list(reference.on(day))  # in the same order
            statuses.clear()  # the caller's own copy: the book keeps its answer
            enrolled = set(session.scalars(select(Student.id).where(roster.enrolled_on_condition(day))))
            assert enrolled == reference_enrolled(session, day)
        assert any(len(reference_enrolled(session, day)) != len(reference_enrolled(session, TODAY)) for day in DAYS)


def test_decisions_are_the_reference_ones(varied_db: Database) -> None:
    with varied_db.read() as session:
        decided = 0
        for programme in list_programmes(session):
            for month in (dt.date(2026, 9, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 1)):
                decisions, refused = eligibility.decide(session, programme, month, TODAY)
                expected, expected_refused = reference_decide(session, programme, month, TODAY)
                assert decisions == expected, (programme.code, month)
                assert set(refused) == set(expected_refused), (programme.code, month)
                decided += len(decisions)
        assert decided > 100


def test_coverage_gaps_are_the_reference_ones(varied_db: Database) -> None:
    with varied_db.read() as session:
        total = 0
        for period in ("2026-09", "2026-10", "2026-11", Quarter.containing(TODAY).key, "2026-Q3"):
            expected = reference_gaps(session, period, TODAY)
            assert coverage.gaps(session, period, TODAY) == expected, period
            assert coverage.gap_count(session, period, TODAY) == len(expected)
            total += len(expected)
        assert total > 50
        codes = {gap.programme_code for gap in coverage.gaps(session, Quarter.containing(TODAY).key, TODAY)}
        assert {"BYJY", "ZXJ", "SHBZ"} <= codes


def test_todays_work_is_the_reference_one(varied_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    for today in (TODAY, dt.date(2026, 9, 20)):
        fast = varied_db.query(work_list.today_work, today)
        with monkeypatch.context() as patched:
            patched.setattr(coverage, "gaps", reference_gaps)
            patched.setattr(hardship, "not_yet_assessed_count", lambda session, year, on: len(
                hardship.not_yet_assessed(session, year, on)))
            assert fast == varied_db.query(work_list.today_work, today)
        assert {item.kind for item in fast} >= {work_list.Kind.UNPAID, work_list.Kind.NOT_ASSESSED}


def test_indicators_are_the_reference_ones(varied_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with varied_db.read() as session:
        schools = [None, *session.scalars(select(Student.school_id).distinct())]
    fast = {school: varied_db.query(indicators.compute, school_id=school, today=TODAY) for school in schools}
    with monkeypatch.context() as patched:
        patched.setattr(roster, "StatusBook", ReferenceStatusBook)
        patched.setattr(indicators, "_aided_ids", reference_aided_ids)
        patched.setattr(hardship, "assessed_levels", lambda session, on, ids=None: _reference_levels(session, on))
        for school in schools:
            assert fast[school] == varied_db.query(indicators.compute, school_id=school, today=TODAY)
    found = {i.key: i for i in fast[None].indicators}
    assert found["difficulty_aided"].denominator > 0 and found["poor_students_aided"].numerator > 0


def _reference_levels(session: Session, on: dt.date) -> dict[int, str]:
    found: dict[int, str] = {}
    for record in session.scalars(select(HardshipAssessment).order_by(HardshipAssessment.decided_on,
                                                                      HardshipAssessment.id)):
        if record.decided_on is not None and record.decided_on <= on and record.level \
                and record.status in hardship.ASSESSED + (hardship.REVOKED,) \
                and (record.ended_on is None or record.ended_on > on):
            found[record.student_id] = record.level
    return found


def test_not_yet_assessed_counted_as_listed(varied_db: Database) -> None:
    with varied_db.read() as session:
        for on in (dt.date(2026, 9, 5), TODAY):
            listed = len(hardship.not_yet_assessed(session, 2026, on))
            assert hardship.not_yet_assessed_count(session, 2026, on) == listed
            assert listed > 0
        count = session.scalar(select(func.count()).select_from(HardshipAssessment).where(and_(
            HardshipAssessment.school_year == 2026)))
        assert count and Term.containing(TODAY).school_year.start_year == 2026


def test_reads_in_chunks_give_what_one_fetch_gives(varied_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read transaction's queries fetch their rows a chunk at a time (``database.ROWS_PER_CHUNK``, so that
    the GIL passes to the GUI thread in between): with chunks of 7 rows, the services give what a session
    fetching every result at once gives."""
    from sqlalchemy.engine.cursor import BufferedRowCursorFetchStrategy, CursorFetchStrategy
    from sqlalchemy.orm import Session as PlainSession

    from schoolaid.storage import database

    def services(session: Session) -> list[object]:
        return [coverage.gaps(session, Quarter.containing(TODAY).key, TODAY),
                work_list.today_work(session, TODAY), indicators.compute(session, today=TODAY),
                roster.StatusBook(session).on(TODAY), list(session.execute(select(Student.id, Student.name)))]

    monkeypatch.setattr(database, "ROWS_PER_CHUNK", 7)
    fetched: list[int] = []  # the sizes asked of the driver
    with varied_db.read() as session, monkeypatch.context() as patched:
        for strategy_class in (CursorFetchStrategy, BufferedRowCursorFetchStrategy):
            patched.setattr(strategy_class, "fetchmany", lambda strategy, result, cursor, size=None, fetchmany=(
                strategy_class.fetchmany): (fetched.append(size), fetchmany(strategy, result, cursor, size))[1])
        chunked = services(session)
    with PlainSession(varied_db.engine) as session:
        once = services(session)
    assert chunked == once
    assert len(once[-1]) > 7 and once[0] and once[1]  # type: ignore[arg-type]
    assert fetched.count(7) > 10  # the ORM's reads, 7 rows at a time
