"""The term-start check (开学摸排): ticks and their withdrawal, audited; progress per class; a pupil
not reported back after five school days of the term is a suspected dropout exactly as an absent one,
counted once with an absence; the two weeks' bounds."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import NotPermitted, Role
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.school_calendar import DEFAULT_HOLIDAYS, Term, nth_school_day
from schoolaid.dropout import absences, case_files, ledgers, term_start
from schoolaid.reporting import work_list
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import AuditEvent, ReportBack
from tests.conftest import school_id, student_form

AUTUMN = Term(2026, "autumn")
FIRST = dt.date(2026, 9, 1)  # a Tuesday: the term's first school day
FOURTH = dt.date(2026, 9, 4)  # Friday, the 4th school day
FIFTH = dt.date(2026, 9, 7)  # Monday, the 5th (the weekend not counted)
LAST = dt.date(2026, 9, 14)  # the last day of the two weeks


def pupil(db, actor, name: str, sequence: int, **changes: object) -> int:
    changes.setdefault("guardian_name", f"{name[0]}大山")
    changes.setdefault("entry_date", dt.date(2022, 9, 1))
    status = changes.pop("status", EnrollmentStatus.ENROLLED)
    return db.run(roster.add_student, actor, student_form(db, name, sequence=sequence, **changes),
                  status=status, today=dt.date(2026, 8, 20))


@pytest.fixture
def klass(township_db, actor):
    db = township_db
    ids = [pupil(db, actor, name, n) for n, name in enumerate(("张一", "王二", "李三", "赵四"), start=1)]
    other = pupil(db, actor, "钱五", 5, class_name="2班")
    resting = pupil(db, actor, "孙六", 6, status=EnrollmentStatus.SUSPENDED)
    return db, ids, other, resting


def test_calendar_bounds():
    assert AUTUMN.first_school_day(DEFAULT_HOLIDAYS) == FIRST
    assert nth_school_day(FIRST, 5, DEFAULT_HOLIDAYS) == FIFTH
    assert nth_school_day(FIRST, 4, DEFAULT_HOLIDAYS) == FOURTH


def test_progress_ticks_and_withdrawal(klass, actor):
    db, ids, other, resting = klass
    db.run(term_start.mark_reported, actor, ids[:3], AUTUMN, FIRST, today=FIRST)
    db.run(term_start.mark_reported, actor, ids[:1], AUTUMN, FIRST, today=FIRST)  # ticked twice: once
    rows = {p.label: p for p in db.query(term_start.progress, AUTUMN, FIRST)}
    assert (rows["四年级1班"].reported, rows["四年级1班"].expected) == (3, 4)  # the 休学 pupil is not expected
    assert [p.name for p in rows["四年级1班"].missing] == ["赵四"]
    assert (rows["四年级2班"].reported, rows["四年级2班"].expected) == (0, 1)
    assert db.run(term_start.unmark, actor, [ids[2]], AUTUMN, today=FIRST) == 1
    rows = {p.label: p for p in db.query(term_start.progress, AUTUMN, FIRST)}
    assert rows["四年级1班"].reported == 2
    with db.read() as session:
        ticks = session.scalars(select(ReportBack).order_by(ReportBack.id)).all()
        assert len(ticks) == 3 and ticks[2].withdrawn_on == FIRST and ticks[2].withdrawn_by == actor.name
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "report_back")).all()
        assert [e.action for e in events] == ["create", "create", "create", "update"]
    db.run(term_start.mark_reported, actor, [ids[2]], AUTUMN, FIRST, today=FIRST)  # ticked again after withdrawal
    assert {p.label: p for p in db.query(term_start.progress, AUTUMN, FIRST)}["四年级1班"].reported == 3


def test_bad_ticks_refused(klass, actor):
    db, ids, other, resting = klass
    with pytest.raises(ValidationFailed):
        db.run(term_start.mark_reported, actor, ids, AUTUMN, FOURTH, today=FIRST)  # the future
    with pytest.raises(ValidationFailed):
        db.run(term_start.mark_reported, actor, ids, AUTUMN, dt.date(2026, 8, 31), today=FIRST)  # before the term
    with pytest.raises(ValidationFailed):
        db.run(term_start.mark_reported, actor, [resting], AUTUMN, FIRST, today=FIRST)
    with pytest.raises(ValidationFailed):
        db.run(term_start.mark_reported, actor, [], AUTUMN, FIRST, today=FIRST)


def test_a_teacher_ticks_only_their_class(klass):
    db, ids, other, resting = klass
    central = school_id(db, "平地镇中心校")
    teacher = Actor("周老师", Role.TEACHER.value, classes=frozenset({(central, "小学", 4, "1班")}))
    assert len(db.run(term_start.mark_reported, teacher, ids[:1], AUTUMN, FIRST, today=FIRST)) == 1
    with pytest.raises(NotPermitted):
        db.run(term_start.mark_reported, teacher, [other], AUTUMN, FIRST, today=FIRST)
    assert [p.label for p in db.query(term_start.progress, AUTUMN, FIRST, teacher.classes)] == ["四年级1班"]


def test_two_weeks(township_db):
    assert township_db.query(term_start.in_check, LAST)
    assert not township_db.query(term_start.in_check, LAST + dt.timedelta(days=1))
    assert not township_db.query(term_start.in_check, dt.date(2026, 8, 31))


def suspected(db, day):
    return [r.name for r in db.query(ledgers.suspected_ledger, day)]


def test_not_reported_after_five_school_days(klass, actor):
    db, ids, other, resting = klass
    db.run(term_start.mark_reported, actor, ids[:3], AUTUMN, FIRST, today=FIRST)
    assert suspected(db, FOURTH) == []
    assert suspected(db, FIFTH) == ["赵四"]  # 钱五's class never began its check: no one suspected there
    work = db.query(work_list.today_work, FIFTH)
    assert [w.target for w in work if w.kind == work_list.Kind.NOT_REPORTED] == [ids[3]]
    assert any(w.kind == work_list.Kind.REPORT_BACK and "3/4" in w.text for w in work)
    assert not any(w.kind == work_list.Kind.NOT_REPORTED for w in db.query(work_list.today_work, FOURTH))
    # After the two weeks the progress lines go; the suspected pupil stays.
    later = db.query(work_list.today_work, LAST + dt.timedelta(days=1))
    assert not any(w.kind == work_list.Kind.REPORT_BACK for w in later)
    assert any(w.kind == work_list.Kind.REPORT_BACK for w in db.query(work_list.today_work, LAST))
    # A case opened: the ledger names it, today's work no longer asks for one.
    case_id = db.run(case_files.open_case, actor, ids[3], None, today=FIFTH)
    assert [r.case_id for r in db.query(ledgers.suspected_ledger, FIFTH)] == [case_id]
    assert not any(w.kind == work_list.Kind.NOT_REPORTED for w in db.query(work_list.today_work, FIFTH))
    # Reported late: written off.
    db.run(term_start.mark_reported, actor, [ids[3]], AUTUMN, FIFTH, today=FIFTH)
    assert suspected(db, FIFTH) == []


def test_counted_once_with_an_absence(klass, actor):
    db, ids, other, resting = klass
    db.run(term_start.mark_reported, actor, ids[:3], AUTUMN, FIRST, today=FIRST)
    db.run(absences.record_absence, actor, ids[3], FIRST, today=FIRST)
    assert suspected(db, FIFTH) == ["赵四"]
    rows = db.query(ledgers.suspected_ledger, FIFTH)
    assert len(rows) == 1 and "2026-09-01" in rows[0].note
    kinds = [w.kind for w in db.query(work_list.today_work, FIFTH)]
    assert kinds.count(work_list.Kind.ABSENCE) == 1 and work_list.Kind.NOT_REPORTED not in kinds
