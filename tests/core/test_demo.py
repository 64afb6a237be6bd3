import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from schoolaid.common.errors import NotAllowed
from schoolaid.common.progress import Cancelled, Progress
from schoolaid.demo import VILLAGES, create_demo_township
from schoolaid.roster import idnumber, roster
from schoolaid.roster.roster import RosterFilter
from schoolaid.storage.models import AuditEvent, Household, Staff, Student
from schoolaid.township import township
from tests.conftest import TODAY


def test_demo_township_is_realistic(demo_db) -> None:
    with demo_db.read() as s:
        students = s.scalars(select(Student)).all()
        household_sizes = s.execute(select(func.count()).select_from(Student).group_by(Student.household_id)).scalars().all()
        staff_roles = set(s.scalars(select(Staff.role)))
        poor = s.scalar(select(func.count()).select_from(Household).where(Household.category != "一般户"))
        student_audits = s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "student"))
    assert len(students) == 150
    assert {v.name for v in demo_db.query(township.list_villages)} == set(VILLAGES)
    assert 4 <= len(demo_db.query(township.list_schools)) <= 6
    assert max(household_sizes) <= 4 and min(household_sizes) >= 1
    assert staff_roles == {"校长", "班子成员", "教师"}
    assert poor > 0
    assert student_audits >= 150
    for student in students:
        check = idnumber.check(student.id_number, today=TODAY)
        assert check.is_valid, student.id_number
        assert check.birth_date == student.birth_date
        assert check.sex is not None and check.sex.value == student.sex
    assert {s.stage for s in students} == {"学前", "小学"}
    assert any(s.left_behind for s in students) and any(s.boarder for s in students)
    assert any(s.status != "在读" for s in students)


def test_demo_search_keys_work(demo_db) -> None:
    row = demo_db.query(roster.list_rows, RosterFilter(), today=TODAY)[0]
    with demo_db.read() as s:
        initials = s.scalar(select(Student.name_initials).where(Student.id == row.id)).split()[0]
    assert row.id in demo_db.query(roster.search_ids, RosterFilter(text=initials))


def test_same_seed_same_township(tmp_path, actor) -> None:
    from schoolaid.storage.database import open_database

    names = []
    for n in (1, 2):
        db = open_database(tmp_path / f"{n}.sqlite")
        db.run(create_demo_township, actor, students=40, seed=3, today=dt.date(2026, 11, 29))
        names.append([r.name for r in db.query(roster.list_rows, RosterFilter(), today=TODAY)])
        db.close()
    assert names[0] == names[1]


def test_demo_refuses_a_database_with_data(demo_db, actor) -> None:
    with pytest.raises(NotAllowed):
        demo_db.run(create_demo_township, actor, students=10, today=TODAY)


def test_cancelling_the_demo_leaves_the_database_empty(db, actor) -> None:
    seen = []

    def cancel_after_first(fraction: float, message: str) -> None:
        seen.append(message)
        progress.cancel()

    progress = Progress(callback=cancel_after_first, cancel_event=threading.Event())
    with pytest.raises(Cancelled):
        db.run(create_demo_township, actor, students=3000, progress=progress, today=TODAY)
    assert seen
    assert not db.query(township.is_set_up)
    assert db.query(roster.count_students) == 0


def test_the_demo_households_and_children_have_the_2026_categories(demo_db) -> None:
    from schoolaid.storage.models import LedgerEntry

    with demo_db.read() as s:
        homes = s.scalars(select(Household)).all()
        kids = s.scalars(select(Student)).all()
        paid = set(s.scalars(select(LedgerEntry.student_id).where(LedgerEntry.amount_fen > 0)))
    by_category = {c: [h for h in homes if h.category == c] for c in ("一般户", "脱贫户", "防止返贫监测对象")}
    assert all(by_category.values())
    assert all(h.lifted_year and 2014 <= h.lifted_year <= 2020 for h in by_category["脱贫户"])
    monitored = by_category["防止返贫监测对象"]
    assert all(h.monitoring_type and h.monitoring_identified_on for h in monitored)
    assert all(h.risk_removed_on is None or h.risk_removed_on >= h.monitoring_identified_on for h in monitored)
    assert any(h.dibao for h in homes)
    monitored_ids = {h.id for h in monitored if h.risk_removed_on is None}
    monitored_kids = [k.id for k in kids if k.household_id in monitored_ids and k.stage == "小学"]
    assert monitored_kids and set(monitored_kids) & paid  # the 监测对象's children are aided too
    assert any(k.disability_category for k in kids) and any(k.in_difficulty for k in kids)
    assert sum(k.orphan or k.unsupported for k in kids) < 10  # sparse


def test_a_larger_demo_has_each_monitoring_type(db, actor) -> None:
    db.run(create_demo_township, actor, students=900, seed=11, today=TODAY)
    with db.read() as s:
        types = set(s.scalars(select(Household.monitoring_type).where(Household.category == "防止返贫监测对象")))
        tekun = s.scalar(select(func.count()).select_from(Household).where(Household.tekun))
        martyrs = s.scalar(select(func.count()).select_from(Student).where(Student.martyr_child))
    assert types == {"脱贫不稳定户", "边缘易致贫户", "突发严重困难户"}
    assert tekun > 0 and martyrs < 10  # a few 特困供养 households; 烈士子女 are rare


def test_the_demo_shows_transfers_and_graduates(demo_db) -> None:
    """Issue 18: an overdue unconfirmed transfer out, a confirmed one, a transfer in, and graduates with and
    without a confirmed junior school; the case of a parent's word (学校核实中) stays open."""
    from schoolaid.dropout import case_files, ledgers
    from schoolaid.roster import transfers

    found = demo_db.query(transfers.current_transfers)
    outgoing = [t for t in found if t.direction is transfers.Direction.OUT]
    assert any(t.confirmed for t in outgoing)
    overdue = demo_db.query(transfers.overdue_transfers, TODAY)
    assert overdue and not any(t.confirmed for t in overdue)
    [came_in] = [t for t in found if t.direction is transfers.Direction.IN]
    assert came_in.school and came_in.place
    graduates = demo_db.query(transfers.graduates)
    assert len(graduates) == 3 and sum(g.destination is None for g in graduates) == 1
    assert len([g for g in graduates if g.unplaced(TODAY)]) == 2
    suspected = {row.student_id for row in demo_db.query(ledgers.suspected_ledger, TODAY)}
    assert {t.student_id for t in overdue} | {g.student_id for g in graduates if g.unplaced(TODAY)} <= suspected
    cases = demo_db.query(case_files.list_cases)
    assert not [c for c in cases if c.status.value == "转学"]
