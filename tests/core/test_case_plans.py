"""One plan per child (一人一案) and the follow-up after the return (issue 19): the plan's revisions
and their audit, the placement 已返校 needs, the monthly follow-up in today's work at its boundary
days, and a new absence reopening the same case within the period (a new case after it)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from sqlcipher3 import (
    dbapi2 as sqlite3,  # the app's driver: two SQLite libraries on one file in one process break its locks
)

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit_log import AuditFilter, search
from schoolaid.common.errors import NotAllowed, ValidationFailed
from schoolaid.common.vocabulary import StaffRole
from schoolaid.dropout import absences, case_files, case_plans, rules
from schoolaid.dropout.case_plans import FollowUpEntry, FollowUpKind, Placement, PlanForm
from schoolaid.dropout.vocabulary import CaseStatus, Reason
from schoolaid.pairing import staff
from schoolaid.reporting import work_list
from schoolaid.roster import households, roster
from schoolaid.roster.households import HouseholdForm
from schoolaid.storage.database import open_database
from tests.conftest import school_id, village_id
from tests.core.test_dropout import TODAY, case_for, pupil

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BACK = dt.date(2026, 10, 19)  # the child of the case (absent from 12 October) came back on this Monday
# Follow-ups due one month apart after the return, the last one ending the three months' period.
DUE = (dt.date(2026, 11, 19), dt.date(2026, 12, 19), dt.date(2027, 1, 19))


@pytest.fixture
def school(township_db, actor):
    """Two primary pupils of the central school with their household in 波西村."""
    db = township_db
    home = db.run(households.create_household, actor, HouseholdForm(head_name="张大山", village_id=village_id(db, "波西村")),
                  today=TODAY)
    return db, {"张小明": pupil(db, actor, "张小明", 1, household_id=home),
                "李小红": pupil(db, actor, "李小红", 2, male=False, household_id=home)}


def plan(**changes: object) -> PlanForm:
    form = PlanForm(leader="王校长", teacher="李老师", cadre="波西村委会 张主任", cause=Reason.POVERTY.value,
                    measures="落实生活补助，班主任每周家访一次")
    for name, value in changes.items():
        setattr(form, name, value)
    return form


def returned_case(db, actor, student_id: int, back: dt.date = BACK) -> int:
    case_id = case_for(db, actor, student_id)
    db.run(case_files.move_case, actor, case_id, CaseStatus.RETURNED, back, return_date=back, today=back,
           placement=Placement.INSERTED.value, placement_grade=4)
    return case_id


def follow(db, actor, case_id: int, day: dt.date, *, attending: bool = True) -> int:
    return db.run(case_plans.log_follow_up, actor, case_id, FollowUpEntry(day, "李老师", "按时到校，情绪稳定", attending),
                  today=day)


def due_items(db, day: dt.date) -> list[work_list.WorkItem]:
    return [i for i in db.query(work_list.today_work, day) if i.kind == work_list.Kind.FOLLOW_UP]


# --- the plan --------------------------------------------------------------------------------------


def test_a_plan_changed_is_a_new_revision_audited_with_the_one_before(school, actor) -> None:
    db, ids = school
    leader = db.run(staff.add_staff, actor, "王校长", school_id(db, "平地镇中心校"), StaffRole.PRINCIPAL)
    case_id = case_for(db, actor, ids["张小明"])
    first = db.run(case_plans.save_plan, actor, case_id, plan(), today=TODAY)
    assert db.run(case_plans.save_plan, actor, case_id, plan(), today=TODAY) == first  # nothing changed: no revision
    second = db.run(case_plans.save_plan, actor, case_id, plan(
        cause=Reason.LEARNING.value, measures="安排学习结对帮扶，补习数学", cadre="波西村委会 李主任"), today=TODAY)
    history = db.query(case_plans.plan_history, case_id)
    assert [(p.id, p.revision) for p in history] == [(first, 1), (second, 2)]
    assert (history[0].cause, history[0].measures, history[0].cadre) == (
        Reason.POVERTY, "落实生活补助，班主任每周家访一次", "波西村委会 张主任")  # the first stays as it was
    assert (history[1].cause, history[1].cadre) == (Reason.LEARNING, "波西村委会 李主任")
    assert (history[1].leader, history[1].leader_staff_id) == ("王校长", leader)  # the staff table has him
    assert (history[1].teacher, history[1].teacher_staff_id) == ("李老师", None)  # a name it does not have
    assert db.query(case_files.get_case, case_id).reason is Reason.LEARNING  # the case's reason follows the plan
    events, _total = db.run(search, actor, AuditFilter(entity="case_plan"))
    by_id = {e.entity_id: e for e in events}
    assert set(by_id) == {first, second}
    assert by_id[first].before is None
    before, after = json.loads(by_id[second].before), json.loads(by_id[second].after)
    assert (before["cause"], after["cause"]) == (Reason.POVERTY.value, Reason.LEARNING.value)
    assert (before["revision"], after["revision"]) == (1, 2)
    assert db.query(audit_verify.verify).ok


def test_a_plan_needs_its_people_its_cause_and_its_measures(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    with pytest.raises(ValidationFailed) as refused:
        db.run(case_plans.save_plan, actor, case_id, plan(leader=" ", teacher="", measures="", cause="失恋"), today=TODAY)
    assert {p.code for p in refused.value.problems} == {"plan.leader", "plan.teacher", "plan.measures", "plan.cause"}
    assert db.query(case_plans.plan_history, case_id) == []


def test_back_at_school_is_refused_without_the_placement(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    db.run(case_plans.save_plan, actor, case_id, plan(), today=TODAY)
    move = (case_files.move_case, actor, case_id, CaseStatus.RETURNED, BACK)
    with pytest.raises(ValidationFailed) as refused:
        db.run(*move, return_date=BACK, today=TODAY)
    assert {p.code for p in refused.value.problems} == {"case.placement"}
    with pytest.raises(ValidationFailed) as refused:
        db.run(*move, return_date=BACK, today=TODAY, placement=Placement.INSERTED.value)  # 插班: which grade?
    assert {p.code for p in refused.value.problems} == {"case.placement_grade"}
    assert db.query(case_files.get_case, case_id).status is CaseStatus.PERSUADING
    db.run(*move, return_date=BACK, today=TODAY, placement=Placement.INSERTED.value, placement_grade=4)
    assert db.query(case_files.get_case, case_id).status is CaseStatus.RETURNED
    first, second = db.query(case_plans.plan_history, case_id)
    assert (first.placement, second.placement, second.placement_label) == (None, Placement.INSERTED, "插班（四年级）")
    assert (second.leader, second.measures) == (first.leader, first.measures)  # the rest of the plan carried on



def test_placed_in_a_regular_class_moves_the_child_to_that_grade(school, actor) -> None:
    db, ids = school
    student = ids["张小明"]  # in grade 4, placed in grade 5 on return
    case_id = case_for(db, actor, student)
    db.run(case_files.move_case, actor, case_id, CaseStatus.RETURNED, BACK, return_date=BACK, today=BACK,
           placement=Placement.INSERTED.value, placement_grade=5)
    form = db.query(roster.get_form, student)
    assert (form.stage, form.grade) == ("小学", 5)
    lines, _ = db.query(search, actor, AuditFilter(entity="student", entity_id=student))
    moves = [line for line in lines if json.loads(line.after or "{}") == {"stage": "小学", "grade": 5}]
    assert len(moves) == 1 and json.loads(moves[0].before) == {"stage": "小学", "grade": 4}
    assert db.run(roster.place_in_grade, actor, student, 5) is False  # already there: nothing recorded
    assert len(db.query(search, actor, AuditFilter(entity="student", entity_id=student))[0]) == len(lines)

# --- the follow-up after the return ----------------------------------------------------------------


def test_follow_ups_fall_due_monthly_and_show_in_todays_work(school, actor) -> None:
    db, ids = school
    case_id = returned_case(db, actor, ids["张小明"])
    state = db.query(case_plans.follow_up_state, case_id)
    assert (state.due_dates, state.next_due, state.completed) == (DUE, DUE[0], False)
    assert due_items(db, DUE[0] - dt.timedelta(days=1)) == []  # the day before: not yet
    [item] = due_items(db, DUE[0])  # the day it is due
    assert (item.target, item.urgent) == (case_id, False)
    assert "张小明" in item.text and "1" in item.text and DUE[0].isoformat() in item.text
    assert [i.urgent for i in due_items(db, DUE[0] + dt.timedelta(days=3))] == [True]  # overdue
    follow(db, actor, case_id, DUE[0] + dt.timedelta(days=3))
    follow(db, actor, case_id, DUE[0] + dt.timedelta(days=10))  # twice in one month counts once
    assert db.query(case_plans.follow_up_state, case_id).done == 1
    assert due_items(db, DUE[1] - dt.timedelta(days=1)) == []
    assert [i.target for i in due_items(db, DUE[1])] == [case_id]
    follow(db, actor, case_id, DUE[1], attending=False)
    follow(db, actor, case_id, DUE[2])  # the last, on the day the period ends
    state = db.query(case_plans.follow_up_state, case_id)
    assert (state.done, state.completed, state.next_due) == (3, True, None)
    assert due_items(db, DUE[2] + dt.timedelta(days=1)) == []  # the day after the period: no longer followed
    assert [e.attending for e in state.entries] == [True, True, False, True]


def test_a_missed_last_follow_up_stays_todays_work_a_month_after_the_period(school, actor) -> None:
    db, ids = school
    case_id = returned_case(db, actor, ids["张小明"])
    for day in DUE[:2]:
        follow(db, actor, case_id, day)
    end = DUE[2] + dt.timedelta(days=case_plans.GRACE_DAYS)
    assert [i.target for i in due_items(db, end)] == [case_id]
    assert due_items(db, end + dt.timedelta(days=1)) == []
    assert db.query(case_plans.follow_up_state, case_id).missed(end + dt.timedelta(days=1))


def test_a_follow_up_is_for_a_child_back_at_school_dated_after_the_return(school, actor) -> None:
    db, ids = school
    open_case = case_for(db, actor, ids["李小红"])
    with pytest.raises(NotAllowed):
        follow(db, actor, open_case, TODAY)
    case_id = returned_case(db, actor, ids["张小明"])
    with pytest.raises(ValidationFailed) as refused:
        db.run(case_plans.log_follow_up, actor, case_id, FollowUpEntry(BACK - dt.timedelta(days=1), "", " "),
               today=TODAY)
    assert {p.code for p in refused.value.problems} == {"follow_up.date", "follow_up.by", "follow_up.note"}


@pytest.mark.parametrize(("months", "start", "reopens"), [
    (3, dt.date(2026, 11, 2), True),  # two weeks after the return
    (1, DUE[0], True),  # the last day of a one-month period
    (1, DUE[0] + dt.timedelta(days=1), False),  # the day after it ends: a new episode, a new case
])
def test_a_new_absence_in_the_follow_up_reopens_the_same_case(school, actor, months, start, reopens) -> None:
    db, ids = school
    db.run(rules.set_setting, actor, case_plans.MONTHS_SETTING, months)
    sid = ids["张小明"]
    case_id = returned_case(db, actor, sid)
    today = start + dt.timedelta(days=10)
    absence_id = db.run(absences.record_absence, actor, sid, start, today=today)
    [proposed] = db.query(absences.cases_to_open, today)  # the absence still asks for its case …
    assert proposed.id == absence_id
    opened = db.run(case_files.open_case, actor, sid, absence_id, today=today)  # … and opening it reopens
    cases = db.query(case_files.list_cases)
    if not reopens:
        assert opened != case_id and len(cases) == 2
        assert db.query(case_files.get_case, case_id).status is CaseStatus.RETURNED
        return
    assert opened == case_id and [c.id for c in cases] == [case_id]  # the same case, no new one
    view = db.query(case_files.get_case, case_id)
    assert (view.status, view.closed_on, view.last_action) == (CaseStatus.PERSUADING, None, start)
    [line] = db.query(case_plans.follow_ups, case_id)
    assert (line.kind, line.follow_date, line.attending) == (FollowUpKind.REOPENED, start, False)
    assert "重新打开" in line.note
    assert db.query(absences.cases_to_open, today) == []
    [absence] = db.query(absences.absences, today)
    assert absence.case_id == case_id
    event = db.run(search, actor, AuditFilter(entity="dropout_case", entity_id=case_id))[0][0]  # newest first
    assert (json.loads(event.before)["status"], json.loads(event.after)["status"]) == ("已返校", "劝返中")
    assert db.query(case_plans.follow_up_state, case_id) is None  # being persuaded: not followed up
    assert db.query(audit_verify.verify).ok


# --- the upgrade ------------------------------------------------------------------------------------


def test_upgrading_revision_0017_keeps_every_row_and_adds_the_plan_tables(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0017.sqlite", path)  # the revision before the plans
    with sqlite3.connect(path) as raw:
        tables = [name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                                  "LIKE 'sqlite_%' AND name != 'alembic_version'")]
        before = {table: raw.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall() for table in tables}
    raw.close()
    assert "case_plans" not in tables and before["dropout_cases"]
    db = open_database(path)
    try:
        assert db.query(case_files.list_cases)
        assert all(db.query(case_plans.plan_history, c.id) == [] for c in db.query(case_files.list_cases))
    finally:
        db.close()
    with sqlite3.connect(path) as raw:
        for table, rows in before.items():
            after = raw.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            if table == "audit_events":  # the upgrade may only add events
                assert after[:len(rows)] == rows
            else:
                assert after == rows, table
        assert raw.execute("SELECT count(*) FROM case_plans").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM case_follow_ups").fetchone() == (0,)
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] >= "0018"
    raw.close()
