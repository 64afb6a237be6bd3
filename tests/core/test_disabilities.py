"""Children with disabilities (issue 19): the record and its history, the placement 送教上门 that keeps a
child on the roll and in the enrollment counts, the log of visits, today's work at its boundaries, the
register printed and read back, and the upgrade from revision 0016."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from schoolaid.accounts import audit, audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import NotPermitted, Role
from schoolaid.common.errors import NotAllowed, NotFound, ValidationFailed
from schoolaid.common.school_calendar import Term
from schoolaid.dropout.rates import dropout_rates
from schoolaid.reporting import home_teaching, indicators, work_list
from schoolaid.roster import disabilities, roster
from schoolaid.roster.disabilities import DisabilityForm, Placement, VisitEntry
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.database import open_database
from schoolaid.township import attachments, township
from tests.conftest import school_id, student_form

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = dt.date(2026, 11, 20)
PLACED = dt.date(2026, 10, 8)
ASSESSED = dt.date(2026, 9, 25)


def pupil(db, actor, name: str = "张三", sequence: int = 1, **changes) -> int:
    form = student_form(db, name=name, sequence=sequence, **changes)
    _, problems = db.query(roster.validate, form, today=TODAY)
    return db.run(roster.add_student, actor, form, confirmed=[p.code for p in problems], today=TODAY)


def placed(placement: str = Placement.HOME_TEACHING.value, since: dt.date = PLACED, **changes) -> DisabilityForm:
    values = {"category": "肢体", "grade": "一级", "placement": placement, "since": since, "assessed_on": ASSESSED,
              "decision": "需专人护理，不能到校就读，安排送教上门", **changes}
    return DisabilityForm(**values)


def visit(on: dt.date, hours: str = "2", content: str = "识字卡片，握笔练习") -> VisitEntry:
    return VisitEntry(on, "刘老师", hours, content)


def problems(refused: pytest.ExceptionInfo) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in refused.value.problems}


# --- the record and its history --------------------------------------------------------------------


def test_a_record_changed_keeps_its_history_and_the_trail(township_db, actor) -> None:
    db = township_db
    sid = pupil(db, actor)
    first = db.run(disabilities.set_disability, actor, sid, placed(Placement.PENDING.value, dt.date(2026, 9, 1),
                                                                   assessed_on=None, decision=""), today=TODAY)
    second = db.run(disabilities.set_disability, actor, sid, placed(), today=TODAY)
    assert second != first
    history = db.query(disabilities.history, sid)
    assert [(r.placement, r.since, r.assessed_on) for r in history] == [
        (Placement.PENDING, dt.date(2026, 9, 1), None), (Placement.HOME_TEACHING, PLACED, ASSESSED)]
    current = db.query(disabilities.current, sid)
    assert current is not None and current.id == second
    assert current.summary() == "肢体残疾一级，送教上门（2026-10-08起），2026-09-25评估：需专人护理，不能到校就读，安排送教上门"
    # The roster follows the record in force.
    assert (db.query(roster.get_form, sid).disability_category, db.query(roster.get_form, sid).disability_grade) == (
        "肢体", "一级")
    # The same record again adds nothing; the grade changed is a new row and the placement's first day stays.
    assert db.run(disabilities.set_disability, actor, sid, placed(), today=TODAY) == second
    db.run(disabilities.set_disability, actor, sid, placed(grade="二级", since=TODAY), today=TODAY)
    latest = db.query(disabilities.current, sid)
    assert latest is not None and (latest.grade, latest.since) == ("二级", PLACED)
    assert len(db.query(disabilities.history, sid)) == 3
    events = db.query(audit.history, disabilities.ENTITY, second)
    assert [e.action for e in events] == ["create"] and events[0].after["placement"] == "送教上门"
    assert db.query(audit_verify.verify).ok


def test_a_record_is_refused_with_what_is_wrong(township_db, actor) -> None:
    db = township_db
    sid = pupil(db, actor)
    with pytest.raises(ValidationFailed) as refused:
        db.run(disabilities.set_disability, actor, sid, DisabilityForm("近视", "五级", "在家", TODAY + dt.timedelta(days=1),
                                                                       TODAY + dt.timedelta(days=2), ""), today=TODAY)
    assert problems(refused) == {("category", "disability.category"), ("grade", "disability.grade"),
                                 ("placement", "disability.placement"), ("since", "disability.since_future"),
                                 ("assessed_on", "disability.assessed_future"), ("decision", "disability.decision")}
    with pytest.raises(ValidationFailed) as refused:
        db.run(disabilities.set_disability, actor, sid, placed(assessed_on=None), today=TODAY)
    assert problems(refused) == {("assessed_on", "disability.assessed_on")}
    db.run(disabilities.set_disability, actor, sid, placed(), today=TODAY)
    with pytest.raises(ValidationFailed) as refused:  # a placement before the one in force
        db.run(disabilities.set_disability, actor, sid, placed(Placement.MAINSTREAM.value, PLACED - dt.timedelta(days=1)),
               today=TODAY)
    assert problems(refused) == {("since", "disability.since_before")}
    assert db.query(disabilities.current, sid).placement is Placement.HOME_TEACHING  # type: ignore[union-attr]


def test_the_categories_are_those_of_gb_t_26341() -> None:
    from schoolaid.roster.categories import DISABILITY_CATEGORIES, DISABILITY_GRADES

    assert DISABILITY_CATEGORIES == ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
    assert DISABILITY_GRADES == ("一级", "二级", "三级", "四级")
    assert [p.value for p in Placement] == ["随班就读", "特教班", "特殊教育学校", "送教上门", "待安置"]
    assert Placement.SPECIAL_CLASS.printed == "特殊教育班"


# --- 送教上门 counts as enrolled ----------------------------------------------------------------------


def test_a_child_taught_at_home_is_in_school_in_every_count(township_db, actor) -> None:
    db = township_db
    sid = pupil(db, actor, birth=dt.date(2016, 3, 2), grade=4, entry_date=dt.date(2022, 9, 1))
    other = pupil(db, actor, "李四", 2, birth=dt.date(2016, 5, 2), grade=4, entry_date=dt.date(2022, 9, 1))
    for student in (sid, other):
        db.run(roster.change_status, actor, student, EnrollmentStatus.DROPPED_OUT, dt.date(2026, 9, 20), "重度残疾，未到校",
               today=TODAY)
    db.run(disabilities.set_disability, actor, sid, placed(), today=TODAY)
    # Placed 送教上门: back on the roll from the placement's first day, the change on the status history.
    assert db.query(roster.get_summary, sid).status == "在读"
    assert db.query(roster.status_history, sid)[-1].to_status == "在读"
    assert sid in db.query(roster.enrolled_on, TODAY) and other not in db.query(roster.enrolled_on, TODAY)
    # The enrollment indicator counts them at school; the dropout rate of the term counts only the other.
    found = db.query(indicators.compute, Term.containing(TODAY), today=TODAY)
    enrollment = next(i for i in found.indicators if i.key == "school_age_enrollment")
    assert (enrollment.numerator, enrollment.denominator) == (1, 2)
    _rows, overall = db.query(dropout_rates, dt.date(2026, 9, 1), TODAY)
    assert (overall.enrolled_at_start, overall.dropouts) == (2, 1)
    assert db.query(disabilities.home_taught) == {sid}


# --- the visits ---------------------------------------------------------------------------------------


def test_a_visit_is_logged_with_its_evidence(township_db, actor) -> None:
    db = township_db
    sid = pupil(db, actor)
    with pytest.raises(ValidationFailed) as refused:  # not placed 送教上门
        db.run(disabilities.log_visit, actor, sid, visit(TODAY), today=TODAY)
    assert problems(refused) == {("student", "home_teaching.not_placed")}
    db.run(disabilities.set_disability, actor, sid, placed(), today=TODAY)
    visit_id = db.run(disabilities.log_visit, actor, sid, visit(dt.date(2026, 10, 15), "1.5"),
                      [("照片.png", b"\x89PNG fake")], today=TODAY)
    [logged] = db.query(disabilities.visits, sid)
    assert (logged.id, logged.on, logged.teacher, logged.minutes, logged.hours_text, logged.evidence) == (
        visit_id, dt.date(2026, 10, 15), "刘老师", 90, "1.5", 1)
    assert [a.file_name for a in db.query(attachments.list_for, disabilities.EVIDENCE_OWNER, visit_id)] == ["照片.png"]
    [event] = db.query(audit.history, disabilities.VISIT_ENTITY, visit_id)
    assert event.after["minutes"] == 90 and "1.5小时" in event.summary
    with pytest.raises(ValidationFailed) as refused:
        db.run(disabilities.log_visit, actor, sid, VisitEntry(PLACED - dt.timedelta(days=1), " ", "0", " "), today=TODAY)
    assert problems(refused) == {("on", "home_teaching.before"), ("teacher", "home_teaching.teacher"),
                                 ("hours", "home_teaching.hours"), ("content", "home_teaching.content")}
    with pytest.raises(ValidationFailed) as refused:
        db.run(disabilities.log_visit, actor, sid, visit(TODAY + dt.timedelta(days=1), "13"), today=TODAY)
    assert problems(refused) == {("on", "home_teaching.future"), ("hours", "home_teaching.hours")}
    assert db.query(audit_verify.verify).ok


def test_a_wrong_visit_is_corrected_by_a_new_entry_and_stops_counting(township_db, actor) -> None:
    db = township_db
    sid = pupil(db, actor)
    db.run(disabilities.set_disability, actor, sid, placed(), today=TODAY)
    wrong = db.run(disabilities.log_visit, actor, sid, visit(dt.date(2026, 11, 12), "12"), today=TODAY)  # 12 hours on the wrong day
    right = db.run(disabilities.correct_visit, actor, wrong, visit(dt.date(2026, 11, 2), "2"), today=TODAY)
    old, new = db.query(disabilities.visits, sid)  # both kept, in the order of the visits' days
    assert (new.id, new.corrected_by, new.counts) == (wrong, right, False)
    assert (old.id, old.corrects_id, old.counts, old.minutes) == (right, wrong, True, 120)
    assert [v.id for v in db.query(disabilities.counted_visits, sid)] == [right]
    [child] = db.query(disabilities.children)
    assert (child.visits, child.last_visit) == (1, dt.date(2026, 11, 2))  # the wrong day no longer the last visit
    [event] = db.query(audit.history, disabilities.VISIT_ENTITY, right)
    assert f"更正第{wrong}条" in event.summary
    with pytest.raises(NotAllowed):  # one correction each: a second one corrects the correction
        db.run(disabilities.correct_visit, actor, wrong, visit(dt.date(2026, 11, 3)), today=TODAY)
    with pytest.raises(NotFound):  # named with another child's number
        db.run(disabilities.correct_visit, actor, right, visit(dt.date(2026, 11, 3)), today=TODAY, student_id=sid + 99)
    with pytest.raises(ValidationFailed):  # the correction is checked as any entry
        db.run(disabilities.correct_visit, actor, right, visit(TODAY + dt.timedelta(days=1)), today=TODAY)
    with pytest.raises(Exception, match="never changed"):  # the log is append-only in the file itself
        db.run(lambda session, _actor: session.execute(text("UPDATE home_teaching_visits SET minutes = 1")), actor)
    assert db.query(roster.has_history, sid)  # a child with a 送教上门 log is not deleted as entered by mistake
    assert db.query(audit_verify.verify).ok


def test_only_a_role_that_logs_visits_may(township_db, actor) -> None:
    from schoolaid.accounts.audit import Actor
    from schoolaid.accounts.permissions import Role

    db = township_db
    sid = pupil(db, actor)
    db.run(disabilities.set_disability, actor, sid, placed(), today=TODAY)
    viewer = Actor("乡镇查看", role=Role.TOWNSHIP_VIEWER.value)
    with pytest.raises(NotPermitted):
        db.run(disabilities.log_visit, viewer, sid, visit(TODAY), today=TODAY)
    with pytest.raises(NotPermitted):
        db.run(disabilities.set_disability, viewer, sid, placed(), today=TODAY)


# --- today's work -------------------------------------------------------------------------------------


def home_items(db, today: dt.date) -> list[work_list.WorkItem]:
    return [i for i in db.query(work_list.today_work, today) if i.kind == work_list.Kind.HOME_TEACHING]


@pytest.mark.parametrize(("days", "due"), [(29, False), (30, False), (31, True)])
def test_no_visit_for_a_month_is_todays_work_from_day_31(township_db, actor, days: int, due: bool) -> None:
    db = township_db
    sid = pupil(db, actor)
    db.run(disabilities.set_disability, actor, sid, placed(since=dt.date(2026, 9, 1)), today=TODAY)
    last = dt.date(2026, 10, 1)
    db.run(disabilities.log_visit, actor, sid, visit(last), today=TODAY)
    items = home_items(db, last + dt.timedelta(days=days))
    assert [(i.target, i.urgent) for i in items] == ([(sid, True)] if due else [])
    if due:
        assert "31" in items[0].text


def test_with_no_visit_yet_the_placement_day_counts_and_the_setting_is_the_townships(township_db, actor) -> None:
    db = township_db
    sid = pupil(db, actor)
    db.run(disabilities.set_disability, actor, sid, placed(since=dt.date(2026, 9, 1)), today=TODAY)
    assert [i.target for i in home_items(db, dt.date(2026, 10, 1))] == []  # 30 days
    assert [i.target for i in home_items(db, dt.date(2026, 10, 2))] == [sid]
    db.run(township.set_setting, actor, disabilities.VISIT_DAYS_SETTING, "45")
    assert home_items(db, dt.date(2026, 10, 2)) == []
    assert [i.target for i in home_items(db, dt.date(2026, 10, 17))] == [sid]


def test_the_student_forms_category_and_grade_are_the_records(township_db, actor) -> None:
    db = township_db
    sid = pupil(db, actor)
    first = db.run(disabilities.set_disability, actor, sid, placed(), today=TODAY)
    form = db.query(roster.get_form, sid)
    form.disability_category, form.disability_grade = "智力", "二级"
    db.run(roster.update_student, actor, sid, form, today=TODAY)
    record = db.query(disabilities.current, sid)
    assert record is not None and record.id != first
    assert (record.category, record.grade, record.placement, record.since, record.assessed_on) == (
        "智力", "二级", Placement.HOME_TEACHING, PLACED, ASSESSED)
    assert [r.category for r in db.query(disabilities.history, sid)] == ["肢体", "智力"]
    form.guardian_phone = "13800000000"  # a change elsewhere on the form leaves the record alone
    db.run(roster.update_student, actor, sid, form, today=TODAY)
    assert len(db.query(disabilities.history, sid)) == 2
    form.disability_category, form.disability_grade = "", ""
    with pytest.raises(ValidationFailed) as refused:
        db.run(roster.update_student, actor, sid, form, today=TODAY)
    assert problems(refused) == {("disability_category", "disability.recorded")}
    assert db.query(roster.get_form, sid).disability_category == "智力"
    assert db.query(audit_verify.verify).ok


def test_a_class_teacher_is_reminded_of_their_own_pupils_taught_at_home(township_db, actor) -> None:
    db = township_db
    own = pupil(db, actor)
    other = pupil(db, actor, "李四", 2, grade=5)
    for sid in (own, other):
        db.run(disabilities.set_disability, actor, sid, placed(since=dt.date(2026, 9, 1)), today=TODAY)
    central = school_id(db, "平地镇中心校")
    teacher = Actor("周老师", Role.TEACHER.value, classes=frozenset({(central, "小学", 4, "1班")}))

    def reminded(who: Actor | None) -> list[int | None]:
        return [i.target for i in db.query(work_list.today_work, TODAY, who) if i.kind == work_list.Kind.HOME_TEACHING]

    assert reminded(teacher) == [own]
    assert sorted(reminded(None)) == sorted([own, other])
    db.run(disabilities.log_visit, actor, own, visit(TODAY), today=TODAY)
    assert reminded(teacher) == []


def test_awaiting_placement_too_long_is_a_line_of_todays_work(township_db, actor) -> None:
    db = township_db
    sid = pupil(db, actor)
    db.run(disabilities.set_disability, actor, sid, placed(Placement.PENDING.value, dt.date(2026, 9, 1)), today=TODAY)

    def pending(today: dt.date) -> list[int | None]:
        return [i.target for i in db.query(work_list.today_work, today) if i.kind == work_list.Kind.AWAITING_PLACEMENT]

    assert pending(dt.date(2026, 10, 31)) == []  # 60 days
    assert pending(dt.date(2026, 11, 1)) == [sid]
    db.run(disabilities.set_disability, actor, sid, placed(Placement.MAINSTREAM.value, dt.date(2026, 11, 1)),
           today=TODAY)
    assert pending(TODAY) == []


# --- the register --------------------------------------------------------------------------------------


def test_the_register_is_printed_and_read_back(township_db, actor, tmp_path) -> None:
    db = township_db
    sid = pupil(db, actor, guardian_name="张大山")
    mainstream = pupil(db, actor, "李四", 2)
    db.run(disabilities.set_disability, actor, sid, placed(), today=TODAY)
    db.run(disabilities.set_disability, actor, mainstream, placed(Placement.MAINSTREAM.value), today=TODAY)
    db.run(disabilities.log_visit, actor, sid, visit(dt.date(2026, 10, 15), "2", "语文：认读生字十个"), today=TODAY)
    db.run(disabilities.log_visit, actor, sid, VisitEntry(dt.date(2026, 10, 22), "陈老师", "1.5", "数学：数数1到20"),
           today=TODAY)
    out = tmp_path / "register.pdf"
    pages = db.query(home_teaching.write_register, actor, out, TODAY, year=2026)
    assert pages == 1
    text = "".join(page.extract_text() for page in PdfReader(out).pages).replace(" ", "")
    for expected in ("平地镇教育系统送教上门登记表", "2026—2027学年", "共1人，送教2次，3.5小时", "张三", "肢体残疾",
                     "一级", "送教上门（2026-10-08起）", "2026-09-25", "2026-10-15", "刘老师", "语文：认读生字十个",
                     "2026-10-22", "陈老师", "1.5", "数学：数数1到20", "校长（签字）"):
        assert expected in text, expected
    assert "李四" not in text  # 随班就读: not on the register
    # One school, and a year with nobody.
    db.query(home_teaching.write_register, actor, out, TODAY, school="平地镇中心校", year=2025)
    text = "".join(page.extract_text() for page in PdfReader(out).pages).replace(" ", "")
    assert "平地镇中心校送教上门登记表" in text and "本学年无送教上门学生" in text


# --- the upgrade ----------------------------------------------------------------------------------------


def _table_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        names = [n for (n,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        return {name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        connection.close()


def test_the_upgrade_from_0018_keeps_every_row_and_adds_the_tables(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0018.sqlite", path)  # the revision before the disability records
    before = _table_counts(path)
    assert "disability_records" not in before and before["students"] > 0
    connection = sqlite3.connect(path)
    students_before = connection.execute("SELECT * FROM students ORDER BY id").fetchall()
    cases_before = connection.execute("SELECT * FROM dropout_cases ORDER BY id").fetchall()
    assert any(case[3] == "送教上门" for case in cases_before)  # an old case closed so, kept as it was
    connection.close()
    db = open_database(path)
    try:
        assert db.query(disabilities.children) == []
        assert db.query(audit_verify.verify).ok
    finally:
        db.close()
    after = _table_counts(path)
    assert {name: after[name] for name in before} == before
    assert (after["disability_records"], after["home_teaching_visits"]) == (0, 0)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT * FROM students ORDER BY id").fetchall() == students_before
        assert connection.execute("SELECT * FROM dropout_cases ORDER BY id").fetchall() == cases_before
    finally:
        connection.close()


def test_a_child_taught_at_home_is_not_missing_at_the_term_start_check(township_db, actor) -> None:
    """A class whose check has begun: the pupil not ticked is missing, the child taught at home is not."""
    from schoolaid.dropout import rules, term_start

    db = township_db
    term = Term.containing(TODAY)
    first = term.first_school_day(db.query(rules.holidays))
    at_school = pupil(db, actor, "李四", 2, grade=4)
    at_home = pupil(db, actor, "王五", 3, grade=4)
    away = pupil(db, actor, "赵六", 4, grade=4)
    db.run(disabilities.set_disability, actor, at_home, placed(since=first), today=TODAY)
    db.run(term_start.mark_reported, actor, [at_school], term, first, today=TODAY)
    missing = {p.student_id for p in db.query(term_start.not_reported, TODAY)}
    assert away in missing and at_home not in missing and at_school not in missing


def test_the_upgrade_from_0019_keeps_every_visit_and_makes_the_log_append_only(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0019.sqlite", path)  # the revision before the visits' corrections
    before = _table_counts(path)
    connection = sqlite3.connect(path)
    visits_before = connection.execute("SELECT * FROM home_teaching_visits ORDER BY id").fetchall()
    assert visits_before  # the demo's home-taught child has visits
    connection.close()
    open_database(path).close()
    after = _table_counts(path)
    assert {name: after[name] for name in before} == before  # later revisions may add tables of their own
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT * FROM home_teaching_visits ORDER BY id").fetchall()
        assert [row[:-1] for row in rows] == visits_before and {row[-1] for row in rows} == {None}  # corrects_id
        with pytest.raises(sqlite3.DatabaseError, match="never changed"):
            connection.execute("UPDATE home_teaching_visits SET minutes = 1")
        with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
            connection.execute("DELETE FROM home_teaching_visits")
    finally:
        connection.close()
