"""The quick write of an import (issue 21) writes what the slow, check-everything-again write wrote:
the same students, the same audit, the same refusal when the roster changed since the preview."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from schoolaid.accounts import audit_verify
from schoolaid.roster import roster, roster_import
from schoolaid.storage.database import open_database
from schoolaid.storage.models import AuditEvent, Household, Student
from schoolaid.township import township
from schoolaid.township.township import SchoolEntry, SetupForm
from tests.conftest import student_form
from tests.sheets import id_for, registry_export, student_row

TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def sheet(tmp_path) -> Path:
    return registry_export(tmp_path / "花名册.xlsx", [
        student_row("张三", dt.date(2016, 3, 2), 1),
        student_row("李四", dt.date(2016, 5, 6), 2, male=False, birth_cell="2016.5.6",
                    id_number=id_for(dt.date(2016, 5, 6), 2, False).lower()),
        student_row("赵六", dt.date(2016, 8, 1), 5, birth_cell="2016年8月2日"),  # differs from the ID number
        student_row("张三", dt.date(2016, 3, 2), 1, klass="(2)班"),  # same ID: merged into the first
        student_row("周八", dt.date(2016, 2, 2), 7, birth_cell=42402.0, guardian="周大海",
                    address="平地镇辣子哨村5组", poor="是", boarder="", phone="13800001111"),
        student_row("吴九", dt.date(2015, 2, 2), 8, guardian="吴大山", address="平地镇波西村2组"),
    ])


def _second_township(tmp_path: Path, actor):
    db = open_database(tmp_path / "second.sqlite")
    db.run(township.initial_setup, actor, SetupForm(
        township="平地镇", central_school="平地镇中心校", villages=[("波西村", True), ("辣子哨村", True)],
        village_schools=[SchoolEntry("波西村小学", "波西村")]))
    return db


def _plan(db, path: Path, *, checked_again: bool) -> roster_import.ImportPlan:
    plan = db.query(roster_import.make_plan, roster_import.read_source(path), today=TODAY)
    if checked_again:
        for row in plan.rows:
            row.validated = False
    return plan


def _written(db) -> tuple[list[tuple], list[tuple], list[tuple]]:
    skipped = {"id", "created_at", "updated_at"}
    with db.read() as session:
        students = [tuple((c.key, getattr(s, c.key)) for c in Student.__table__.columns if c.key not in skipped)
                    for s in session.scalars(select(Student).order_by(Student.id))]
        homes = [tuple((c.key, getattr(h, c.key)) for c in Household.__table__.columns if c.key not in skipped)
                 for h in session.scalars(select(Household).order_by(Household.id))]
        events = [(e.action, e.entity, e.entity_id, e.summary, json.loads(e.after or "null"))
                  for e in session.scalars(select(AuditEvent).where(AuditEvent.entity.in_(("student", "household")))
                                           .order_by(AuditEvent.id))]
    return students, homes, events


def test_the_quick_write_writes_what_checking_every_row_again_wrote(township_db, sheet, actor, tmp_path) -> None:
    quick = township_db.run(roster_import.apply_plan, actor, _plan(township_db, sheet, checked_again=False),
                            today=TODAY)
    other = _second_township(tmp_path, actor)
    try:
        slow = other.run(roster_import.apply_plan, actor, _plan(other, sheet, checked_again=True), today=TODAY)
        assert (quick.new, quick.households_created) == (slow.new, slow.households_created) == (5, 3)
        assert _written(township_db) == _written(other)
    finally:
        other.close()
    with township_db.read() as session:
        report = audit_verify.verify(session)
        assert report.ok, report.first_problem
        assert report.checked_records >= 7
        birth, left_behind = session.execute(select(Student.birth_date, Student.left_behind)
                                             .where(Student.name == "周八")).one()
    assert birth == dt.date(2016, 2, 2) and left_behind is False  # dates and yes/no bound as the ORM reads them


def test_a_roster_changed_since_the_preview_is_refused_in_the_same_words(township_db, sheet, actor) -> None:
    plan = _plan(township_db, sheet, checked_again=False)
    township_db.run(roster.add_student, actor, student_form(township_db, "张三"), today=TODAY)
    with pytest.raises(roster_import.PreviewOutdated) as quick:
        township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    for row in plan.rows:
        row.validated = False
    with pytest.raises(roster_import.PreviewOutdated) as slow:
        township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    assert str(quick.value) == str(slow.value) and "张三" in str(quick.value)


def test_only_a_merged_row_or_a_plan_applied_on_another_day_is_checked_again(township_db, sheet, actor, tmp_path,
                                                                             monkeypatch) -> None:
    days = []
    real_validate = roster.validate

    def counting_validate(*args, **kwargs):
        days.append(kwargs.get("today"))
        return real_validate(*args, **kwargs)

    plan = _plan(township_db, sheet, checked_again=False)
    monkeypatch.setattr(roster, "validate", counting_validate)
    township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    assert days == [TODAY]  # the row a later row with the same ID number was merged into
    other = _second_township(tmp_path, actor)
    try:
        monkeypatch.setattr(roster, "validate", real_validate)
        plan = _plan(other, sheet, checked_again=False)
        monkeypatch.setattr(roster, "validate", counting_validate)
        days.clear()
        result = other.run(roster_import.apply_plan, actor, plan, today=TODAY + dt.timedelta(days=1))
    finally:
        other.close()
    assert days == [TODAY + dt.timedelta(days=1)] * result.new == [TODAY + dt.timedelta(days=1)] * 5
