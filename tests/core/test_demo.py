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
        poor = s.scalar(select(func.count()).select_from(Household).where(Household.registered_poor))
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
