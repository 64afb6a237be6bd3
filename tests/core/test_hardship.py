"""The assessment of need (家庭经济困难学生认定): each step, its refusals, the history kept, the
priority groups proposed by rule on the demo, the 公示 counted in working days."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import NotPermitted, Role
from schoolaid.common.errors import ValidationFailed
from schoolaid.ledger import hardship, standards
from schoolaid.storage.models import AuditEvent, HardshipAssessment, Household, Student
from schoolaid.township import township
from tests.conftest import TODAY

YEAR = 2026


def codes(exc: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {p.code for p in exc.value.problems}


def enrolled_without_groups(db, count: int = 2) -> list[int]:
    pending = {v.student_id for v in db.query(hardship.list_assessments, YEAR, TODAY)}
    with db.read() as session:
        ids = session.scalars(select(Student.id).where(Student.status == "在读").order_by(Student.id)).all()
    return [i for i in ids if i not in pending][:count]


def test_each_step_from_application_to_file(demo_db, actor):
    db = demo_db
    student = enrolled_without_groups(db, 1)[0]
    aid = db.run(hardship.apply, actor, student, YEAR, "父亲重病，家庭收入骤减", dt.date(2026, 9, 10), today=TODAY)
    db.run(hardship.review, actor, aid, dt.date(2026, 9, 15), "班级评议通过", today=TODAY)
    db.run(hardship.decide, actor, aid, "困难", dt.date(2026, 9, 20), today=TODAY)
    view = next(v for v in db.query(hardship.list_assessments, YEAR, TODAY) if v.id == aid)
    assert (view.status, view.level, view.basis) == ("已认定", "困难", "父亲重病，家庭收入骤减")
    assert db.query(hardship.assessed_level, student, dt.date(2026, 9, 19)) == ""
    assert db.query(hardship.assessed_level, student, dt.date(2026, 9, 20)) == "困难"
    # Monday 12 to Friday 16 October 2026: five working days.
    pid = db.run(hardship.start_publicity, actor, YEAR, dt.date(2026, 10, 12), dt.date(2026, 10, 16), "0812-1234567",
                 today=TODAY)
    assert db.query(hardship.get_assessment, aid).status == "公示中"
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.file_publicity, actor, pid, dt.date(2026, 10, 16), today=TODAY)
    assert codes(refused) == {"hardship.too_early"}
    assert db.run(hardship.file_publicity, actor, pid, dt.date(2026, 10, 19), today=TODAY) >= 1
    record = db.query(hardship.get_assessment, aid)
    assert (record.status, record.filed_on) == ("已建档", dt.date(2026, 10, 19))
    with db.read() as session:
        trail = session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "hardship_assessment",
                                                                AuditEvent.entity_id == aid)).all()
    assert trail == ["create", "status", "status", "status", "status"]
    # Every field of the assessment and of the notice is in the trail, so a change behind the app's back is found.
    from schoolaid.accounts import audit_verify

    with db.read() as session:
        left = [(c.table, key) for c, key, _action, _fields in audit_verify.unaudited(session)
                if c.table.startswith("hardship")]
    assert left == []


def test_refusals_say_why(demo_db, actor):
    db = demo_db
    student, other = enrolled_without_groups(db, 2)
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.apply, actor, student, YEAR, " ", TODAY + dt.timedelta(days=1), today=TODAY)
    assert codes(refused) == {"hardship.reasons", "hardship.future"}
    aid = db.run(hardship.apply, actor, student, YEAR, "单亲家庭", dt.date(2026, 9, 10), today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.apply, actor, student, YEAR, "再次申请", dt.date(2026, 9, 11), today=TODAY)
    assert codes(refused) == {"hardship.open"}
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.decide, actor, aid, "极困难", dt.date(2026, 9, 20), today=TODAY)
    assert codes(refused) == {"hardship.level"}
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.start_publicity, actor, YEAR, dt.date(2026, 10, 12), dt.date(2026, 10, 16), "0812-1234567",
               today=TODAY)
    assert codes(refused) == {"hardship.nothing_to_publish"}
    # The school's settings require a class review first; the levels are two.
    db.run(township.set_setting, actor, hardship.REVIEW_SETTING, "1")
    db.run(township.set_setting, actor, hardship.LEVELS_SETTING, "特别困难,困难")
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.decide, actor, aid, "困难", dt.date(2026, 9, 20), today=TODAY)
    assert codes(refused) == {"hardship.review_first"}
    db.run(hardship.review, actor, aid, dt.date(2026, 9, 15), "", today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.decide, actor, aid, "一般困难", dt.date(2026, 9, 20), today=TODAY)
    assert codes(refused) == {"hardship.level"}
    # Not passed: the reason is the basis; a new application may follow.
    db.run(hardship.decide, actor, aid, "", dt.date(2026, 9, 20), "收入高于当地标准", today=TODAY)
    assert db.query(hardship.get_assessment, aid).status == "未通过"
    assert db.run(hardship.apply, actor, student, YEAR, "母亲失业", dt.date(2026, 11, 2), today=TODAY) != aid
    # A teacher may not decide.
    teacher = Actor("王老师", role=Role.TEACHER.value)
    other_id = db.run(hardship.apply, actor, other, YEAR, "因灾", dt.date(2026, 9, 10), today=TODAY)
    with pytest.raises(NotPermitted):
        db.run(hardship.decide, teacher, other_id, "困难", dt.date(2026, 9, 20), today=TODAY)


def test_a_notice_too_short_over_a_weekend_or_national_day_is_refused(demo_db, actor):
    db = demo_db
    student = enrolled_without_groups(db, 1)[0]
    aid = db.run(hardship.apply, actor, student, YEAR, "因病", dt.date(2026, 9, 10), today=TODAY)
    db.run(hardship.decide, actor, aid, "一般困难", dt.date(2026, 9, 20), today=TODAY)
    # Friday 27 November to Tuesday 1 December 2026: five days, three of them working days.
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.start_publicity, actor, YEAR, dt.date(2026, 11, 27), dt.date(2026, 12, 1), "0812-1234567",
               today=TODAY)
    assert codes(refused) == {"hardship.publicity_short"}
    assert "5" in refused.value.problems[0].message and "3" in refused.value.problems[0].message
    # Monday 28 September to Friday 2 October 2026: National Day from the 1st, three working days; to
    # Friday 9 October, five.
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.start_publicity, actor, YEAR, dt.date(2026, 9, 28), dt.date(2026, 10, 2), "0812-1234567",
               today=TODAY)
    assert codes(refused) == {"hardship.publicity_short"}
    assert db.query(hardship.earliest_end, dt.date(2026, 9, 28)) == dt.date(2026, 10, 9)
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.start_publicity, actor, YEAR, dt.date(2026, 11, 23), dt.date(2026, 11, 27), " ", today=TODAY)
    assert codes(refused) == {"hardship.phone"}
    assert db.query(hardship.get_assessment, aid).status == "已认定"
    # The minimum is the ledger's setting.
    db.run(township.set_setting, actor, standards.NOTICE_DAYS_SETTING, "7")
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.start_publicity, actor, YEAR, dt.date(2026, 11, 23), dt.date(2026, 11, 27), "0812-1234567",
               today=TODAY)
    assert codes(refused) == {"hardship.publicity_short"} and "7" in refused.value.problems[0].message
    db.run(hardship.start_publicity, actor, YEAR, dt.date(2026, 11, 23), dt.date(2026, 12, 1), "0812-1234567",
           today=TODAY)
    assert db.query(hardship.get_assessment, aid).status == "公示中"


def test_an_adjustment_keeps_the_history(demo_db, actor):
    db = demo_db
    student = enrolled_without_groups(db, 1)[0]
    aid = db.run(hardship.apply, actor, student, YEAR, "因病", dt.date(2026, 9, 10), today=TODAY)
    db.run(hardship.decide, actor, aid, "一般困难", dt.date(2026, 9, 20), today=TODAY)
    spring = dt.date(2027, 3, 1)
    new = db.run(hardship.adjust, actor, aid, "特别困难", "父亲病故", today=spring)
    assert [(v.id, v.level, v.ended_on) for v in db.query(hardship.history, student)] == [
        (aid, "一般困难", spring), (new, "特别困难", None)]
    assert db.query(hardship.assessed_level, student, dt.date(2027, 2, 1)) == "一般困难"
    assert db.query(hardship.assessed_level, student, spring) == "特别困难"
    current = [v for v in db.query(hardship.list_assessments, YEAR, spring) if v.student_id == student]
    assert [(v.id, v.status) for v in current] == [(new, "已认定")]
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.adjust, actor, aid, "困难", "再调", today=spring)
    assert codes(refused) == {"hardship.adjust_status"}
    db.run(hardship.revoke, actor, new, "家庭情况好转", today=dt.date(2027, 4, 1))
    assert db.query(hardship.assessed_level, student, dt.date(2027, 4, 1)) == ""
    assert db.query(hardship.assessed_level, student, dt.date(2027, 3, 31)) == "特别困难"
    assert len(db.query(hardship.history, student)) == 2


def test_the_demos_priority_groups_are_proposed_and_confirmed_in_one_action(demo_db, actor):
    db = demo_db
    pending = db.query(hardship.list_assessments, YEAR, TODAY, status="待申请")
    with db.read() as session:
        monitored = set(session.scalars(select(Student.id).join(Student.household).where(
            Student.status == "在读", Household.category == "防止返贫监测对象",
            (Household.risk_removed_on.is_(None)) | (Household.risk_removed_on > TODAY))))
    assert monitored and monitored <= {v.student_id for v in pending}
    result = db.run(hardship.propose, actor, YEAR, TODAY)
    assert (result.proposed, result.already) == (len(pending), 0)
    assert db.run(hardship.propose, actor, YEAR, TODAY).proposed == 0
    views = {v.student_id: v for v in db.query(hardship.list_assessments, YEAR, TODAY)}
    assert all(views[s].status == "已申请" and "防止返贫监测对象" in views[s].basis for s in monitored)
    assert db.query(hardship.list_assessments, YEAR, TODAY, status="待申请") == []
    decided = db.run(hardship.confirm_proposed, actor, YEAR, "困难", TODAY, today=TODAY)
    assert decided == len(pending)
    assert {db.query(hardship.assessed_level, s, TODAY) for s in monitored} == {"困难"}
    with pytest.raises(ValidationFailed) as refused:
        db.run(hardship.confirm_proposed, actor, YEAR, "困难", TODAY, today=TODAY)
    assert codes(refused) == {"hardship.none_proposed"}
    with db.read() as session:
        assert session.scalar(select(HardshipAssessment).where(HardshipAssessment.proposed.is_(False))) is None


def test_the_application_form_and_the_notice_print_only_what_they_may(demo_db, actor, tmp_path):
    import pypdf

    from schoolaid.ledger import hardship_printouts

    db = demo_db
    student = enrolled_without_groups(db, 1)[0]
    aid = db.run(hardship.apply, actor, student, YEAR, "父亲重病，家庭收入骤减", dt.date(2026, 9, 10), today=TODAY)
    db.run(hardship.decide, actor, aid, "特别困难", dt.date(2026, 9, 20), today=TODAY)
    form = tmp_path / "申请表.pdf"
    assert db.query(hardship_printouts.write_application, actor, student, YEAR, form, TODAY) == 1
    text = "".join(page.extract_text() for page in pypdf.PdfReader(form).pages)
    assert "家庭经济困难学生认定申请表" in text and "父亲重病" in text and "特别困难" in text
    pid = db.run(hardship.start_publicity, actor, YEAR, dt.date(2026, 10, 12), dt.date(2026, 10, 16), "0812-1234567",
                 today=TODAY)
    notice = tmp_path / "公示表.pdf"
    assert db.query(hardship_printouts.write_publicity, actor, pid, notice, TODAY) >= 1
    text = "".join(page.extract_text() for page in pypdf.PdfReader(notice).pages)
    with db.read() as session:
        pupil = session.get(Student, student)
        private = [pupil.id_number, pupil.guardian_phone, pupil.birth_date.isoformat(),
                   pupil.household.address if pupil.household else ""]
        name = pupil.name
    assert name in text and "特别困难" in text and "08121234567" in text and "2026年10月12日" in text
    assert not [value for value in private if value and value in text]


def test_an_assessed_boarder_is_paid_the_living_subsidy_from_the_decision_on(demo_db, actor):
    from schoolaid.ledger import assessment, posting, subsidy_programmes

    db = demo_db
    with db.read() as session:
        boarders = set(session.scalars(select(Student.id).where(Student.status == "在读", Student.boarder.is_(True),
                                                                Student.stage == "小学")))
    student = next(s for s in enrolled_without_groups(db, 2000) if s in boarders)
    programme = db.query(subsidy_programmes.programme_by_code, "SHBZ")
    plan = db.query(posting.plan_posting, programme.id, "2026-11", [student], today=TODAY)
    assert plan.lines == [] and student in plan.reasons
    aid = db.run(hardship.apply, actor, student, YEAR, "父亲重病", dt.date(2026, 9, 10), today=TODAY)
    db.run(hardship.decide, actor, aid, "困难", dt.date(2026, 9, 20), today=TODAY)
    (line,) = db.query(posting.plan_posting, programme.id, "2026-11", [student], today=TODAY).lines
    assert line.student_id == student and "认定为困难" in line.basis and line.amount_fen == 62500
    # The home tab's indicator: aided ÷ assessed.
    from schoolaid.common.school_calendar import Term
    from schoolaid.reporting import indicators

    def difficulty() -> tuple[int, int]:
        found = {i.key: i for i in db.query(indicators.compute, Term.containing(TODAY), today=TODAY).indicators}
        return found["difficulty_aided"].numerator, found["difficulty_aided"].denominator

    assert difficulty() == (0, 1)
    db.run(posting.post, actor, programme.id, "2026-11", [student], today=TODAY)
    assert difficulty() == (1, 1)
    db.run(hardship.revoke, actor, aid, "家庭情况好转", today=dt.date(2026, 10, 1))
    assert db.query(assessment.assessed_levels, [student], TODAY) == {} and difficulty() == (0, 0)


@pytest.mark.parametrize("fixture", ["schoolaid-rev0004.sqlite", "schoolaid-rev0005.sqlite"])
def test_an_old_database_upgraded_takes_assessments(tmp_path, fixture, actor):
    import shutil
    from pathlib import Path

    from schoolaid.storage.database import open_database

    path = tmp_path / fixture
    shutil.copy(Path(__file__).resolve().parent.parent / "fixtures" / fixture, path)
    db = open_database(path)
    try:
        with db.read() as session:
            student = session.scalars(select(Student.id).where(Student.status == "在读")).first()
        aid = db.run(hardship.apply, actor, student, YEAR, "因病", dt.date(2026, 9, 10), today=TODAY)
        assert [v.status for v in db.query(hardship.history, student)] == ["已申请"]
        assert aid
    finally:
        db.close()


def test_the_priority_groups_not_yet_assessed_are_todays_work(demo_db, actor):
    from schoolaid.reporting import work_list

    db = demo_db
    pending = len(db.query(hardship.list_assessments, YEAR, TODAY, status="待申请"))
    items = [i for i in db.query(work_list.today_work, TODAY) if i.kind == work_list.Kind.NOT_ASSESSED]
    assert pending and [(i.target, str(pending) in i.text) for i in items] == [(YEAR, True)]
    db.run(hardship.propose, actor, YEAR, TODAY)
    assert not [i for i in db.query(work_list.today_work, TODAY) if i.kind == work_list.Kind.NOT_ASSESSED]
