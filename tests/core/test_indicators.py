"""The plan's indicators on hand-built data with known answers (empty denominators included), the
village counts that replace the roster's preschool denominator, and each rule of today's
work."""

from __future__ import annotations

import datetime as dt

import pytest

from schoolaid.backup import backup
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import SCHOOL_MONTHS, Term
from schoolaid.dropout import absences, case_files
from schoolaid.reporting import indicators, work_list
from schoolaid.roster import households, roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.households import HouseholdForm
from tests.conftest import TODAY, school_id, student_form, village_id

TERM = Term.containing(TODAY)
REFERENCE = TERM.school_year.age_reference_day
ENTERED = TERM.school_year.previous().start  # on the roll since last year


def born(age: int) -> dt.date:
    """A birthday giving ``age`` on the reference day (31 August)."""
    return dt.date(REFERENCE.year - age, 3, 2)


def add(db, actor, name: str, age: int, stage: str = "小学", grade: int = 3, sequence: int = 1,
        status: EnrollmentStatus = EnrollmentStatus.ENROLLED, **changes) -> int:
    form = student_form(db, name, birth=born(age), sequence=sequence, stage=stage, grade=grade,
                        entry_date=ENTERED, class_name="1班", **changes)
    return db.run(roster.add_student, actor, form, confirmed={"id.region_unknown", "grade.age"}, status=status, today=TODAY)


@pytest.fixture
def township(township_db, actor):
    """Two preschool children enrolled and one aged 4 never enrolled; five primary pupils aged 8–10,
    two of the four who stay boarders, one who drops out this term; one registered-poor pupil paid
    this term and one not."""
    db = township_db
    poor = db.run(households.create_household, actor, HouseholdForm(
        head_name="贫困户主", village_id=village_id(db, "波西村"), category="防止返贫监测对象",
        lifted_year=2016, monitoring_type="脱贫不稳定户", monitoring_identified_on=dt.date(2024, 3, 1)), today=TODAY)
    ids = {
        "kid1": add(db, actor, "幼一", 4, "学前", 2, 1),
        "kid2": add(db, actor, "幼二", 5, "学前", 3, 2),
        "home": add(db, actor, "在家", 4, "学前", 2, 3, EnrollmentStatus.NOT_ENROLLED),
        "p1": add(db, actor, "小一", 8, sequence=4, boarder=True, household_id=poor),
        "p2": add(db, actor, "小二", 9, sequence=5, boarder=True, household_id=poor),
        "p3": add(db, actor, "小三", 10, sequence=6),
        "p4": add(db, actor, "小四", 8, sequence=7),
        "p5": add(db, actor, "小五", 9, sequence=8),
    }
    db.run(roster.change_status, actor, ids["p5"], EnrollmentStatus.DROPPED_OUT, TERM.start + dt.timedelta(days=20),
           "外出", today=TODAY)
    from schoolaid.ledger import posting, subsidy_programmes

    programme = db.run(subsidy_programmes.create_programme, actor, subsidy_programmes.ProgrammeForm(
        code="T1", name="测试补助", eligibility="everyone", amount_fen=1000))
    month = TERM.start if TERM.start.month in SCHOOL_MONTHS else TERM.start.replace(month=3)
    db.run(posting.post, actor, programme, month, [ids["p1"]], today=TODAY)
    return db, ids


def by_category(lifted_aided: int, lifted: int, monitored_aided: int, monitored: int) -> str:
    return translate("Indicators", "lifted households {a} of {n}, monitored {b} of {m}").format(
        a=lifted_aided, n=lifted, b=monitored_aided, m=monitored)


def by_key(result) -> dict[str, indicators.Indicator]:
    return {i.key: i for i in result.indicators}


def test_indicators_with_known_answers(township):
    db, _ids = township
    found = by_key(db.query(indicators.compute, TERM, today=TODAY))
    assert (found["preschool_gross_enrollment"].numerator, found["preschool_gross_enrollment"].denominator) == (2, 3)
    assert (found["school_age_enrollment"].numerator, found["school_age_enrollment"].denominator) == (4, 5)
    assert (found["primary_boarders"].numerator, found["primary_boarders"].denominator) == (2, 4)
    assert (found["primary_dropout"].numerator, found["primary_dropout"].denominator) == (1, 5)
    assert (found["poor_students_aided"].numerator, found["poor_students_aided"].denominator) == (1, 2)
    assert (found["poor_households_paired"].numerator, found["poor_households_paired"].denominator) == (0, 1)
    assert found["poor_students_aided"].note == by_category(0, 0, 1, 2)
    dropout_rate = found["primary_dropout"]
    assert dropout_rate.value == pytest.approx(0.2) and dropout_rate.met is False and not dropout_rate.at_least
    assert found["primary_boarders"].met is True  # 50 % ≥ 30 %
    assert found["preschool_gross_enrollment"].met is False  # 67 % < 85 %
    assert [term for term, _v in found["primary_boarders"].trend][-1] == TERM.short_label
    assert len(found["primary_boarders"].trend) == indicators.TREND_TERMS


def test_休学_and_转出_pupils_are_not_in_school_for_the_school_age_figure(township, actor):
    db, ids = township
    day = TERM.start + dt.timedelta(days=30)
    db.run(roster.change_status, actor, ids["p3"], EnrollmentStatus.SUSPENDED, day, "因病", today=TODAY)
    db.run(roster.change_status, actor, ids["p4"], EnrollmentStatus.TRANSFERRED_OUT, day, "随父母外出务工",
           "攀枝花市东区某小学", today=TODAY)
    found = by_key(db.query(indicators.compute, TERM, today=TODAY))
    assert (found["school_age_enrollment"].numerator, found["school_age_enrollment"].denominator) == (2, 5)
    assert "休学、转出不计" in found["school_age_enrollment"].how


def test_a_school_of_its_own(township):
    db, _ids = township
    village_school = by_key(db.query(indicators.compute, TERM, school_id(db, "波西村小学"), today=TODAY))
    assert village_school["primary_boarders"].denominator == 0
    assert village_school["primary_boarders"].value is None and village_school["primary_boarders"].met is None
    assert "poor_households_paired" not in village_school  # a township figure


def test_children_are_counted_by_category_and_a_removed_risk_stops_counting(township, actor):
    """脱贫户 children and 监测对象 children are counted apart; once a 监测对象's risk is removed its
    children no longer count (nor does its household need a pair), 低保 alone is not counted here."""
    db, ids = township
    lifted = db.run(households.create_household, actor, HouseholdForm(
        head_name="脱贫户主", village_id=village_id(db, "波西村"), category="脱贫户", lifted_year=2019), today=TODAY)
    dibao = db.run(households.create_household, actor, HouseholdForm(
        head_name="低保户主", village_id=village_id(db, "波西村"), dibao=True), today=TODAY)
    for name, household in (("小四", lifted), ("小三", dibao)):
        form = db.query(roster.get_form, ids["p4" if name == "小四" else "p3"])
        form.household_id = household
        db.run(roster.update_student, actor, ids["p4" if name == "小四" else "p3"], form,
               confirmed={"id.region_unknown", "grade.age"}, today=TODAY)
    found = by_key(db.query(indicators.compute, TERM, today=TODAY))
    assert (found["poor_students_aided"].numerator, found["poor_students_aided"].denominator) == (1, 3)
    assert found["poor_students_aided"].note == by_category(0, 1, 1, 2)
    poor = db.query(roster.get_form, ids["p1"]).household_id
    form = db.query(households.get_form, poor)
    form.risk_removed_on = TERM.start - dt.timedelta(days=1)
    db.run(households.update_household, actor, poor, form, today=TODAY)
    found = by_key(db.query(indicators.compute, TERM, today=TODAY))
    assert (found["poor_students_aided"].numerator, found["poor_students_aided"].denominator) == (0, 1)
    assert found["poor_households_paired"].denominator == 0


def test_empty_denominators_give_no_value(township_db):
    found = by_key(township_db.query(indicators.compute, TERM, today=TODAY))
    for indicator in found.values():
        if indicator.key != "poor_households_paired":
            assert indicator.denominator == 0 and indicator.value is None and indicator.met is None
    assert [i.as_json()["value"] for i in found.values()].count(None) >= 5


def test_village_counts_replace_the_roster_denominator(township, actor):
    db, _ids = township
    db.run(indicators.set_preschool_age, actor, TERM.school_year.start_year, {village_id(db, "波西村"): 10})
    preschool = by_key(db.query(indicators.compute, TERM, today=TODAY))["preschool_gross_enrollment"]
    assert (preschool.numerator, preschool.denominator) == (2, 10) and "1" in preschool.note
    counts = {c.village: c for c in db.query(indicators.village_counts, TERM.school_year.start_year)}
    assert counts["波西村"].preschool_age == 10 and counts["辣子哨村"].preschool_age is None
    db.run(indicators.set_preschool_age, actor, TERM.school_year.start_year, {village_id(db, "波西村"): None})
    assert by_key(db.query(indicators.compute, TERM, today=TODAY))["preschool_gross_enrollment"].denominator == 3
    with pytest.raises(ValidationFailed):
        db.run(indicators.set_preschool_age, actor, TERM.school_year.start_year, {village_id(db, "波西村"): -1})


def test_a_term_to_come_is_refused(township_db):
    with pytest.raises(ValidationFailed):
        township_db.query(indicators.compute, Term(TODAY.year + 1, "autumn"), today=TODAY)


# --- today's work -----------------------------------------------------------------------------------


def kinds(items) -> set[str]:
    return {item.kind for item in items}


def test_every_rule_of_todays_work_on_the_demo(demo_db):
    items = demo_db.query(work_list.today_work, today=TODAY)
    found = kinds(items)
    K = work_list.Kind
    assert {K.ABSENCE, K.STALE_CASE, K.NOTICE_EXPIRED, K.UNPAIRED, K.VISIT_OVERDUE, K.BACKUP} <= found
    absence = next(i for i in items if i.kind == K.ABSENCE)
    assert absence.urgent and absence.target in {a.id for a in demo_db.query(absences.cases_to_open,
                                                                             today=TODAY)}
    expired = next(i for i in items if i.kind == K.NOTICE_EXPIRED)
    assert demo_db.query(case_files.list_cases, case_id=expired.target)[0].notice_expired(TODAY)


def test_stale_cases_after_seven_days(demo_db):
    case = next(c for c in demo_db.query(case_files.list_cases, open_only=True) if not c.notice_expired(TODAY))
    on_the_day = demo_db.query(work_list.today_work, case.last_action + dt.timedelta(days=6))
    week_later = demo_db.query(work_list.today_work, case.last_action + dt.timedelta(days=7))
    assert case.id not in {i.target for i in on_the_day if i.kind == work_list.Kind.STALE_CASE}
    assert case.id in {i.target for i in week_later if i.kind == work_list.Kind.STALE_CASE}


def test_unpaid_students_this_month(demo_db):
    month = TODAY if TODAY.month not in (7, 8) else TODAY.replace(month=6)
    items = demo_db.query(work_list.today_work, month)
    unpaid = [i for i in items if i.kind == work_list.Kind.UNPAID]
    from schoolaid.ledger import coverage

    gaps = demo_db.query(coverage.gaps, f"{month:%Y-%m}", month)
    assert {i.target for i in unpaid} == {g.programme_id for g in gaps}
    for item in unpaid:  # one line per programme, with its number of students
        assert str(sum(1 for g in gaps if g.programme_id == item.target)) in item.text
    summer = demo_db.query(work_list.today_work, dt.date(TODAY.year, 8, 10))
    assert work_list.Kind.UNPAID not in kinds(summer)  # no subsidy months in the holidays


def test_the_term_start_report_in_the_first_weeks(demo_db):
    assert work_list.Kind.TERM_REPORT in kinds(demo_db.query(work_list.today_work, dt.date(TODAY.year, 9, 10)))
    assert work_list.Kind.TERM_REPORT in kinds(demo_db.query(work_list.today_work, dt.date(TODAY.year, 3, 20)))
    assert work_list.Kind.TERM_REPORT not in kinds(demo_db.query(work_list.today_work, dt.date(TODAY.year, 11, 29)))


def test_the_backup_reminder_after_thirty_days(demo_db, actor, tmp_path):
    info = demo_db.query(backup.export_backup, actor, tmp_path, "backup-pass-1", now=dt.datetime(2026, 11, 1, 9, 0))
    demo_db.run(backup.record_export, actor, info)
    assert work_list.Kind.BACKUP not in kinds(demo_db.query(work_list.today_work, dt.date(2026, 11, 30)))
    late = demo_db.query(work_list.today_work, dt.date(2026, 12, 1))
    reminder = next(i for i in late if i.kind == work_list.Kind.BACKUP)
    assert "30" in reminder.text and not reminder.urgent


def test_a_teachers_work_is_their_classes_and_their_pairs(demo_db):
    from schoolaid.accounts.audit import Actor
    from schoolaid.storage.models import Student

    everything = demo_db.query(work_list.today_work, today=TODAY)
    absence = next(i for i in everything if i.kind == work_list.Kind.ABSENCE)
    student_id = next(a.student_id for a in demo_db.query(absences.cases_to_open,
                                                          today=TODAY) if a.id == absence.target)
    with demo_db.read() as session:
        student = session.get(Student, student_id)
        key = (student.school_id, student.stage, student.grade, student.class_name)
    overdue = next(i for i in everything if i.kind == work_list.Kind.VISIT_OVERDUE)
    from schoolaid.pairing import pairing

    staff_id = next(p.staff_id for p in demo_db.query(pairing.list_pairings) if p.id == overdue.target)
    teacher = Actor("李老师", role="teacher", user_id=99, staff_id=staff_id, classes=frozenset({key}))
    mine = demo_db.query(work_list.today_work, TODAY, teacher)
    assert absence.target in {i.target for i in mine if i.kind == work_list.Kind.ABSENCE}
    assert overdue.target in {i.target for i in mine if i.kind == work_list.Kind.VISIT_OVERDUE}
    assert kinds(mine) <= {work_list.Kind.ABSENCE, work_list.Kind.STALE_CASE, work_list.Kind.NOTICE_EXPIRED,
                           work_list.Kind.VISIT_OVERDUE, work_list.Kind.FOLLOW_UP}  # the school's own duties are not the teacher's
    assert len(mine) < len(everything)


def test_todays_unpaid_work_counts_the_children_by_category(township, actor):
    """A programme for the children of 脱贫户 and 监测对象: the 监测对象's children are eligible too, and
    the work list says how many of those unpaid come from each category."""
    from schoolaid.ledger import subsidy_programmes

    db, ids = township
    lifted = db.run(households.create_household, actor, HouseholdForm(
        head_name="脱贫户主", village_id=village_id(db, "波西村"), category="脱贫户", lifted_year=2019), today=TODAY)
    form = db.query(roster.get_form, ids["p4"])
    form.household_id = lifted
    db.run(roster.update_student, actor, ids["p4"], form, confirmed={"id.region_unknown", "grade.age"}, today=TODAY)
    programme = db.run(subsidy_programmes.create_programme, actor, subsidy_programmes.ProgrammeForm(
        code="T2", name="测试生活补助", stage="小学", eligibility="registered_poor", amount_fen=1000))
    [item] = [i for i in db.query(work_list.today_work, TODAY) if i.kind == work_list.Kind.UNPAID
              and i.target == programme]
    assert item.text == translate("WorkList", "{programme}: {n} eligible students not yet paid this month").format(
        programme="测试生活补助", n=3) + translate(
        "WorkList", " (of them: {lifted} from lifted households, {monitored} from monitored households)").format(
        lifted=1, monitored=2)
