"""What 四查三比对 changes elsewhere: the three ledgers list the register's children with their 比对
status, a child found 失学 enters the 辍学 ledger and is proposed for a case, the enrollment indicators
count the register's children, today's work counts the differences per village, the quarterly summary
and the term-start report give the counts per village, and the demo township ships its register with
exactly the differences it plants."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Term
from schoolaid.dropout import case_files, found_out_of_school, ledgers, term_report
from schoolaid.reconcile import checks, lists, village_counts
from schoolaid.reconcile import differences as compare
from schoolaid.reconcile.checks import CheckForm
from schoolaid.reconcile.vocabulary import DifferenceKind, ListKind
from schoolaid.reporting import indicators, quarterly, work_list
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import School
from tests import reconcile_township as planted
from tests.conftest import TODAY, student_form, village_id

NOT_ENROLLED = DifferenceKind.NOT_ENROLLED
PRESCHOOL = DifferenceKind.PRESCHOOL_NOT_ENROLLED
CHECKED_ON = TODAY - dt.timedelta(days=2)


def form(result: str, **fields) -> CheckForm:
    return CheckForm(result=result, checked_by="村干部王五", checked_on=CHECKED_ON, **fields)


def elsewhere() -> CheckForm:
    return form("在外地就读", school_name="攀枝花市东区炳草岗小学", place="攀枝花市东区", confirmed_how="学籍系统")


@pytest.fixture
def town(township_db, actor):
    planted.build(township_db, actor)
    return township_db


def school_age(db, today=TODAY) -> dict[str, ledgers.LedgerRow]:
    return {row.name: row for row in db.query(ledgers.school_age_ledger, today)}


# --- the ledgers ---------------------------------------------------------------------------------------


def test_the_school_age_ledger_lists_the_register_children_with_their_status(town, actor) -> None:
    rows = school_age(town)
    # The register's school-age child on no roster has a line of its own, with no student behind it.
    zhou = rows["周九"]
    assert (zhou.student_id, zhou.status, zhou.status_text) == (None, None, "无学籍")
    assert (zhou.village, zhou.guardian, zhou.age, zhou.birth_date) == ("波西村", "周大", 8, dt.date(2018, 4, 4))
    assert zhou.reconcile == "户籍有、学籍无（待核查）" and zhou.out_of_school and "待入户核查" in zhou.note
    # The roster's children keep theirs, with their 比对 status; past school age and preschool children are not here.
    assert rows["钱七"].reconcile == "已比对" and not rows["钱七"].out_of_school
    assert rows["王五"].reconcile == "无学籍（待核查）"
    assert not {"吴十", "孙八", "郑大", "宝宝", "张大山"} & set(rows)
    assert ledgers.school_age_counts(list(rows.values())) == \
        "共 7 人（花名册 6 人，户籍比对未在花名册 1 人），其中未在校 1 人，待核查 2 人"
    assert [r.village for r in rows.values()] == sorted(r.village for r in rows.values())

    town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, elsewhere(), today=TODAY)
    zhou = school_age(town)["周九"]
    assert zhou.student_id is None and not zhou.out_of_school
    assert zhou.school == "攀枝花市东区炳草岗小学" and zhou.reconcile.startswith("在外地就读（攀枝花市东区炳草岗小学")
    assert zhou.note.endswith(f"村干部王五{CHECKED_ON.isoformat()}核查")


def test_a_child_found_not_the_townships_leaves_the_school_age_ledger(town, actor) -> None:
    town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, form("迁出", place="云南省昆明市"), today=TODAY)
    assert "周九" not in school_age(town)


def test_a_deferred_child_stays_on_the_ledger_not_at_school(town, actor) -> None:
    town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, form(
        "延缓入学", approval_body="仁和区教育和体育局", approval_document="仁教体〔2026〕37号",
        approval_expires_on=dt.date(2027, 8, 31)), today=TODAY)
    zhou = school_age(town)["周九"]
    assert zhou.out_of_school and zhou.reconcile == "延缓入学（仁和区教育和体育局，仁教体〔2026〕37号，至2027-08-31）"
    # The approval ran out: to be checked again.
    assert "待核查" in school_age(town, dt.date(2027, 9, 1))["周九"].reconcile


def test_out_of_school_enters_the_dropout_ledger_and_is_proposed_for_a_case(town, actor) -> None:
    outcome = town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, form("失学"), today=TODAY)
    student = outcome.student_id
    # One line for the child in the school-age ledger: the student's (未入学), not the register's.
    lines = [r for r in town.query(ledgers.school_age_ledger, TODAY) if r.name == "周九"]
    assert [(r.student_id, r.status) for r in lines] == [(student, EnrollmentStatus.NOT_ENROLLED)]
    assert lines[0].out_of_school and lines[0].reconcile == "失学" and lines[0].village == "波西村"
    [dropout] = [r for r in town.query(ledgers.dropout_ledger, TODAY) if r.name == "周九"]
    assert (dropout.student_id, dropout.note, dropout.case_id) == (student, "失学（比对核查）", None)

    [proposed] = town.query(found_out_of_school.cases_to_open, TODAY)
    assert (proposed.student_id, proposed.checked_on, proposed.village) == (student, CHECKED_ON, "波西村")
    assert town.query(case_files.attention, TODAY).found_out_of_school == 1
    [item] = [i for i in town.query(work_list.today_work, TODAY) if i.kind == work_list.Kind.OUT_OF_SCHOOL]
    assert item.target == student and item.urgent and "周九" in item.text
    [never] = town.query(term_report.term_report, TODAY).not_enrolled
    assert (never.name, never.status) == ("周九", "未入学")

    case_id = town.run(case_files.open_case, actor, student, None, today=TODAY)
    assert town.query(found_out_of_school.cases_to_open, TODAY) == []
    assert town.query(case_files.attention, TODAY).found_out_of_school == 0
    assert not [i for i in town.query(work_list.today_work, TODAY) if i.kind == work_list.Kind.OUT_OF_SCHOOL]
    [dropout] = [r for r in town.query(ledgers.dropout_ledger, TODAY) if r.name == "周九"]
    assert dropout.case_id == case_id and dropout.note == "失学（比对核查）"


def test_the_ledgers_without_a_register_are_as_before(township_db, actor) -> None:
    assert township_db.query(ledgers.school_age_ledger, TODAY) == []
    township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    [row] = township_db.query(ledgers.school_age_ledger, TODAY)
    assert (row.reconcile, row.out_of_school, row.status_text) == ("", False, "在读")


# --- indicators -----------------------------------------------------------------------------------------


def enrollment(db) -> tuple[indicators.Indicator, indicators.Indicator]:
    found = {i.key: i for i in db.query(indicators.compute, Term.containing(TODAY), today=TODAY).indicators}
    return found["school_age_enrollment"], found["preschool_gross_enrollment"]


def test_the_register_is_the_denominator_where_a_village_has_one(town, actor) -> None:
    school, preschool = enrollment(town)
    # 波西村's register: 张三 李四 赵六 (by name and birth date) 钱七 at school, 周九 not; elsewhere the roster:
    # 王五 (no household) and 褚小 (辣子哨村, no register), both at school.
    assert (school.numerator, school.denominator) == (6, 7)
    # 3–5: 孙八 (in kindergarten) and 吴十 (at home) on the register; the roster has no other.
    assert (preschool.numerator, preschool.denominator) == (1, 2)
    registered = translate("Indicators", "children on the household register of {n} villages").format(n=1)
    assert school.note == registered + translate("Indicators", "; elsewhere the roster's")
    assert preschool.note == registered
    assert "户籍" in school.how

    # Checks change the count: in a kindergarten elsewhere counts as enrolled, an approved deferral is not counted.
    town.run(checks.record_check, actor, PRESCHOOL, planted.WU, elsewhere(), today=TODAY)
    town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, form(
        "延缓入学", approval_body="仁和区教育和体育局", approval_document="仁教体〔2026〕37号",
        approval_expires_on=dt.date(2027, 8, 31)), today=TODAY)
    school, preschool = enrollment(town)
    assert (school.numerator, school.denominator) == (6, 6)
    assert (preschool.numerator, preschool.denominator) == (2, 2)


def test_a_school_and_a_township_without_register_count_the_roster(town, actor) -> None:
    central = town.query(lambda s: s.scalar(select(School.id).where(School.is_central)))
    found = {i.key: i for i in town.query(indicators.compute, Term.containing(TODAY), central, today=TODAY).indicators}
    assert found["school_age_enrollment"].note == ""
    assert found["school_age_enrollment"].denominator == 5  # the central school's school-age pupils, by the roster


def test_the_quarterly_summary_counts_the_register_too(town, actor) -> None:
    summary = town.query(quarterly.quarterly_summary, TODAY.year, 4, TODAY)
    by_name = {i.name: i for i in summary.indicators}
    assert (by_name["义务教育适龄儿童入学率"].numerator, by_name["义务教育适龄儿童入学率"].denominator) == (6, 7)
    assert "户籍" in by_name["义务教育适龄儿童入学率"].how


# --- today's work, the quarterly summary and the term-start report ----------------------------------------


def test_todays_work_counts_the_differences_per_village_oldest_first(town, actor) -> None:
    items = [i for i in town.query(work_list.today_work, TODAY) if i.kind == work_list.Kind.RECONCILE]
    text = translate("WorkList", "{village}: {n} differences of the 比对 to check door to door, the oldest since {date}")
    assert [(i.target, i.text) for i in items] == [
        (None, text.format(village=translate("WorkList", "Village unknown"), n=2,
                           date=planted.REGISTRY_RECEIVED.isoformat())),
        (village_id(town, "波西村"), text.format(village="波西村", n=4, date=planted.REGISTER_RECEIVED.isoformat())),
    ]
    town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, elsewhere(), today=TODAY)
    [_, bx] = [i for i in town.query(work_list.today_work, TODAY) if i.kind == work_list.Kind.RECONCILE]
    assert text.format(village="波西村", n=3, date=planted.REGISTER_RECEIVED.isoformat()) == bx.text


def test_no_list_no_reconcile_work_and_no_counts(township_db) -> None:
    assert not [i for i in township_db.query(work_list.today_work, TODAY) if i.kind == work_list.Kind.RECONCILE]
    assert township_db.query(term_report.term_report, TODAY).reconcile == []
    assert township_db.query(quarterly.quarterly_summary, TODAY.year, 4, TODAY).reconcile == []


def test_the_quarterly_summary_and_the_term_start_report_give_the_counts_per_village(town, actor) -> None:
    town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, elsewhere(), today=TODAY)
    for lines in (town.query(quarterly.quarterly_summary, TODAY.year, 4, TODAY).reconcile,
                  town.query(term_report.term_report, TODAY).reconcile):
        assert [line.village for line in lines] == ["波西村", village_counts.NO_VILLAGE]
        bx, unknown = lines
        assert bx.open == {PRESCHOOL: 1, DifferenceKind.POVERTY_NOT_FLAGGED: 1,
                           DifferenceKind.FLAGGED_NOT_ON_LIST: 1}
        assert bx.checks == 1 and bx.open_total == 3
        assert unknown.row() == [0, 0, 1, 1, 0, 0, 0]
        total = village_counts.total(lines)
        assert (total.open_total, total.checks, total.oldest) == (5, 1, planted.REGISTRY_RECEIVED)
    # A check before the quarter is not among its checks.
    assert town.query(quarterly.quarterly_summary, TODAY.year, 4, TODAY).reconcile[0].checks == 1
    earlier = town.query(quarterly.quarterly_summary, TODAY.year, 4, TODAY.replace(month=10, day=2))
    assert [line.checks for line in earlier.reconcile] == [0, 0]


# --- the demo township ------------------------------------------------------------------------------------


def test_the_demo_ships_a_register_with_exactly_the_planted_differences(demo_db) -> None:
    found = demo_db.query(compare.differences, TODAY, include_checked=True)
    summary = sorted((d.kind.value, d.village, d.check.result if d.check else None) for d in found)
    assert summary == sorted([
        ("not_enrolled", "大火山村", None),  # a boy of 7 who never enrolled
        ("not_enrolled", "乌喇么村", None),  # a girl of 12 at home
        ("preschool_not_enrolled", "老村子村", None),  # four, in no kindergarten
        ("not_enrolled", "双河村", "在外地就读"),  # studying in the city with his parents
        ("not_enrolled", "啊喇村", "延缓入学"),  # enrollment deferred after heart surgery
        ("poverty_not_flagged", summary_village(found), None),  # 突发严重困难户 this autumn, 一般户 on the roster
    ])
    deferred = next(d for d in found if d.check and d.check.result == "延缓入学")
    assert deferred.check.approval_expires_on > TODAY and not deferred.is_open
    # The register: a list per village, through store_list (audited), most children matched to students.
    registers = [v for v in demo_db.query(lists.list_lists) if v.kind is ListKind.HUKOU]
    assert len(registers) == 10 and all(v.active and v.source for v in registers)
    status = demo_db.query(compare.child_status, TODAY)
    assert sum(1 for s in status.by_key.values() if s == "已比对") > 100


def summary_village(found: list[compare.Difference]) -> str:
    return next(d.village for d in found if d.kind is DifferenceKind.POVERTY_NOT_FLAGGED)
