"""Programmes with conditions and dated standards (issue 16): the shipped living-cost subsidy at the
2011/2019/2024 standards, a term that begins under a new standard, categories any-of, boarders or
not, the 大班 保育教育费 free from autumn 2025, the nutrition programme only where the county is in it,
standards changed without touching posted entries, and old databases upgraded with every posted
entry unchanged."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from schoolaid.accounts import audit_verify
from schoolaid.common.errors import ValidationFailed
from schoolaid.ledger import coverage, eligibility, entry_search, posting, standards, subsidy_programmes
from schoolaid.ledger.entry_search import EntryFilter
from schoolaid.ledger.subsidy_programmes import StandardForm
from schoolaid.roster import households, roster
from schoolaid.roster.households import HouseholdForm
from schoolaid.storage.database import open_database
from schoolaid.storage.models import LedgerEntry
from schoolaid.township import township
from tests.conftest import student_form, village_id

PHONE = "0812-2911035"  # the 公示's phone for objections
TODAY = dt.date(2026, 11, 20)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def code(db, programme_code: str) -> int:
    return db.query(subsidy_programmes.programme_by_code, programme_code).id


@pytest.fixture
def school(township_db, actor):
    """A 脱贫户 with a primary boarder and a junior non-boarder; a 监测户 whose risk was removed in
    2026-10 with a primary non-boarder; an ordinary household with a disabled junior non-boarder and a
    primary pupil in no category; a 大班 and a 中班 child of the 脱贫户."""
    db = township_db
    village = village_id(db, "波西村")
    lifted = db.run(households.create_household, actor, HouseholdForm(
        head_name="张大山", village_id=village, category="脱贫户", lifted_year=2019), today=TODAY)
    monitored = db.run(households.create_household, actor, HouseholdForm(
        head_name="王二河", village_id=village, category="防止返贫监测对象", monitoring_type="突发严重困难户",
        monitoring_identified_on=dt.date(2025, 3, 1), risk_removed_on=dt.date(2026, 10, 20)), today=TODAY)
    ordinary = db.run(households.create_household, actor, HouseholdForm(head_name="李小河", village_id=village),
                      today=TODAY)
    def add(name: str, birth: dt.date, n: int, **changes: object) -> int:
        entry = dt.date(2018, 9, 1) if birth.year < 2018 else dt.date(2023, 9, 1)
        return db.run(roster.add_student, actor, student_form(db, name, birth, sequence=n, entry_date=entry, **changes),
                      today=TODAY)

    ids = {
        "寄宿小学": add("寄宿小学", dt.date(2016, 3, 1), 1, household_id=lifted, boarder=True),
        "初中走读": add("初中走读", dt.date(2012, 3, 1), 2, household_id=lifted, stage="初中", grade=8),
        "监测小学": add("监测小学", dt.date(2016, 4, 1), 3, household_id=monitored),
        "残疾初中": add("残疾初中", dt.date(2012, 4, 1), 4, household_id=ordinary, stage="初中", grade=7,
                      disability_category="肢体"),
        "一般小学": add("一般小学", dt.date(2016, 5, 1), 5, household_id=ordinary),
        "大班": add("大班", dt.date(2020, 3, 1), 6, household_id=lifted, stage="学前", grade=3),
        "中班": add("中班", dt.date(2021, 3, 1), 7, household_id=lifted, stage="学前", grade=2),
    }
    return db, ids


def decided(db, programme_code: str, month: dt.date) -> dict[str, eligibility.Decision]:
    programme = db.query(subsidy_programmes.programme_by_code, programme_code)
    decisions, _ = db.query(eligibility.decide, programme, month, TODAY)
    with db.read() as session:
        from schoolaid.storage.models import Student

        names = {s.id: s.name for s in session.query(Student)}
    return {names[sid]: d for sid, d in decisions.items()}


def test_the_living_subsidy_pays_the_groups_at_the_2024_national_base(school) -> None:
    db, ids = school
    found = decided(db, "SHBZ", dt.date(2026, 9, 1))
    # the 监测户's risk was removed on 2026-10-20, after the autumn term began on 2026-09-01: still paid
    assert {name: d.amount_fen for name, d in found.items()} == {
        "寄宿小学": 62500, "初中走读": 37500, "监测小学": 31250, "残疾初中": 37500}
    assert "脱贫户" in found["寄宿小学"].basis and "小学寄宿生每生每年1250元" in found["寄宿小学"].basis
    assert "每学期发放一半" in found["初中走读"].basis and "残疾" in found["残疾初中"].basis
    # the next term begins after the risk was removed: the 监测户 child is in no group any more
    with db.read() as session:
        programme = subsidy_programmes.programme_by_code(session, "SHBZ")
        spring, why = eligibility.decide(session, programme, dt.date(2027, 2, 1), dt.date(2027, 2, 20))
    assert set(spring) == {ids["寄宿小学"], ids["初中走读"], ids["残疾初中"]}
    assert ids["监测小学"] in why


def test_the_standards_of_each_period_stay_true_for_their_terms(school) -> None:
    """2011 boarders 1000/1250; 2019 non-boarders 500/625; from spring 2024 1250/1500 and 625/750. A
    term that begins in 2024-02 pays the new rate from its start; the autumn 2023 term, posted in
    January 2024, the old one."""
    db, _ = school
    autumn_2023 = decided(db, "SHBZ", dt.date(2024, 1, 1))
    spring_2024 = decided(db, "SHBZ", dt.date(2024, 2, 1))
    late_spring = decided(db, "SHBZ", dt.date(2024, 6, 1))
    assert (autumn_2023["寄宿小学"].amount_fen, autumn_2023["初中走读"].amount_fen) == (50000, 31250)
    assert (spring_2024["寄宿小学"].amount_fen, spring_2024["初中走读"].amount_fen) == (62500, 37500)
    assert late_spring["寄宿小学"].amount_fen == 62500  # the term's standard, whatever month it is posted in
    spring_2019 = decided(db, "SHBZ", dt.date(2019, 3, 1))
    assert set(spring_2019) == {"寄宿小学"}  # before autumn 2019 only boarders had a standard
    assert spring_2019["寄宿小学"].amount_fen == 50000


def test_a_new_standard_never_changes_a_posted_entry(school, actor) -> None:
    db, ids = school
    shbz = code(db, "SHBZ")
    db.run(posting.post, actor, shbz, "2026-09", today=TODAY)
    before = {e.student_id: e.amount_fen for e in db.query(entry_search.fetch_entry_rows, db.query(
        entry_search.search_entry_ids, EntryFilter(programme_id=shbz))).values()}
    db.run(subsidy_programmes.add_standard, actor, shbz, StandardForm(
        dt.date(2026, 9, 1), 200000, "year", "小学", "yes", "省级提高标准（测试）"))
    after = {e.student_id: e.amount_fen for e in db.query(entry_search.fetch_entry_rows, db.query(
        entry_search.search_entry_ids, EntryFilter(programme_id=shbz))).values()}
    assert before == after and after[ids["寄宿小学"]] == 62500
    assert decided(db, "SHBZ", dt.date(2026, 9, 1))["寄宿小学"].amount_fen == 100000  # new postings only
    with pytest.raises(ValidationFailed):
        db.run(subsidy_programmes.add_standard, actor, shbz, StandardForm(dt.date(2026, 9, 1), 100, "year"))  # no source
    assert db.query(audit_verify.verify).ok


def test_conditions_boarder_grades_and_categories_any_of(school, actor) -> None:
    db, _ = school
    form = subsidy_programmes.ProgrammeForm(code="TEST", name="测试", stage="小学,初中", eligibility="everyone",
                                            amount_fen=1000, per="month", grades=[8], boarder="no",
                                            categories=["脱贫户", "残疾"])
    programme = db.query(subsidy_programmes.get_programme, db.run(subsidy_programmes.create_programme, actor, form))
    assert set(decided(db, "TEST", dt.date(2026, 10, 1))) == {"初中走读"}
    assert programme.as_json()["categories"] == ["脱贫户", "残疾"]
    with pytest.raises(ValidationFailed):
        db.run(subsidy_programmes.create_programme, actor, subsidy_programmes.ProgrammeForm(
            code="BAD", name="坏", eligibility="everyone", amount_fen=1000, categories=["富裕户"]))


def test_the_big_class_fee_is_free_from_autumn_2025_not_aid(school, actor) -> None:
    db, ids = school
    byjy = code(db, "BYJY")
    assert set(decided(db, "BYJY", dt.date(2025, 6, 1))) == {"大班", "中班"}
    assert set(decided(db, "BYJY", dt.date(2025, 9, 1))) == {"中班"}
    refused = db.run(posting.post, actor, byjy, "2026-10", [ids["大班"]], today=TODAY)
    assert (refused.posted, refused.not_eligible) == (0, 1)
    plan = db.query(posting.plan_posting, byjy, "2026-10", [ids["大班"]], today=TODAY)
    assert "国办发〔2025〕27号" in plan.reasons[ids["大班"]]
    gaps = db.query(coverage.gaps, "2026-10", TODAY)
    assert ("中班", "BYJY") in {(g.name, g.programme_code) for g in gaps}
    assert ("大班", "BYJY") not in {(g.name, g.programme_code) for g in gaps}  # not aid: not a gap either


def test_nutrition_pays_per_school_day_only_where_the_county_is_in_the_programme(school, actor) -> None:
    db, _ = school
    yygs = code(db, "YYGS")
    with pytest.raises(ValidationFailed, match="ledger.nutrition_county"):
        db.query(posting.plan_posting, yygs, "2026-10", today=TODAY)
    db.run(township.set_setting, actor, standards.NUTRITION_SETTING, "1")
    october = decided(db, "YYGS", dt.date(2026, 10, 1))
    # October 2026: 22 weekdays, National Day 1–7 off (5 of them weekdays), Saturday 10 October worked
    # (调休): 22 - 5 + 1 = 18 school days
    assert (october["一般小学"].units, october["一般小学"].amount_fen) == (18, 18 * 500)
    assert "每生每天5元" in october["一般小学"].basis
    assert decided(db, "YYGS", dt.date(2021, 6, 1))["一般小学"].standard_fen == 400
    assert "大班" not in october  # the nutrition programme is for 小学 and 初中


def test_the_posting_preview_says_who_and_why(school, actor) -> None:
    db, ids = school
    plan = db.query(posting.plan_posting, code(db, "SHBZ"), "2026-09", today=TODAY)
    lines = {line.name: line.as_json() for line in plan.lines}
    assert set(lines["寄宿小学"]) == {"student_id", "name", "amount_yuan", "basis"}
    assert lines["寄宿小学"]["amount_yuan"] == 625.0 and lines["寄宿小学"]["student_id"] == ids["寄宿小学"]
    posted = db.run(posting.post, actor, code(db, "SHBZ"), "2026-09", today=TODAY)
    assert posted.total_fen == plan.total_fen == 62500 + 37500 + 31250 + 37500


@pytest.mark.parametrize("fixture", ["schoolaid-rev0004.sqlite", "schoolaid-rev0005.sqlite",
                                     "schoolaid-rev0006.sqlite"])
def test_an_old_database_keeps_every_posted_entry(tmp_path, fixture) -> None:
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    old = sqlite3.connect(FIXTURES / fixture)
    entries = old.execute("SELECT * FROM ledger_entries ORDER BY id").fetchall()
    columns = ", ".join(row[1] for row in old.execute("PRAGMA table_info(audit_events)"))
    events = old.execute(f"SELECT {columns} FROM audit_events ORDER BY id").fetchall()
    old.close()
    db = open_database(path)
    try:
        programmes = {p.code: p for p in db.query(subsidy_programmes.list_programmes)}
        assert not programmes["ZXJ"].active and programmes["SHBZ"].active
        assert len(db.query(subsidy_programmes.list_standards, programmes["SHBZ"].id)) == 8
        assert db.query(audit_verify.verify).ok
        with db.read() as session:
            assert session.query(LedgerEntry).count() == len(entries)
    finally:
        db.close()
    new = sqlite3.connect(path)
    assert new.execute("SELECT * FROM ledger_entries ORDER BY id").fetchall() == entries
    assert new.execute(f"SELECT {columns} FROM audit_events ORDER BY id LIMIT {len(events)}").fetchall() == events
    assert new.execute("SELECT count(*) FROM audit_events WHERE entity = 'programme_standard'").fetchone()[0] == 10
    new.close()


def test_a_notice_is_counted_in_working_days(school, actor) -> None:
    """Friday 27 November to Tuesday 1 December 2026 is three working days; over National Day too;
    payment before the notice ends stays refused; the minimum is a setting."""
    from schoolaid.ledger import batches

    db, _ = school
    result = db.run(posting.post, actor, code(db, "SHBZ"), "2026-09", today=TODAY)
    with pytest.raises(ValidationFailed, match="2026-12-03"):
        db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 11, 27), dt.date(2026, 12, 1), PHONE)
    with pytest.raises(ValidationFailed, match="2026-10-12"):
        db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 9, 30), dt.date(2026, 10, 9), PHONE)
    db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 9, 30), dt.date(2026, 10, 12), PHONE)
    with pytest.raises(ValidationFailed, match="2026-10-12"):
        db.run(batches.record_payment, actor, result.batch_id, dt.date(2026, 10, 12), "V-1", today=TODAY)
    db.run(batches.set_notice_working_days, actor, 3)
    assert db.query(batches.notice_working_days) == 3
    monthly = db.run(subsidy_programmes.create_programme, actor, subsidy_programmes.ProgrammeForm(
        code="MONTH", name="每月测试", stage="小学", eligibility="everyone", amount_fen=1000))
    other = db.run(posting.post, actor, monthly, "2026-11", today=TODAY)
    db.run(batches.record_notice, actor, other.batch_id, dt.date(2026, 11, 27), dt.date(2026, 12, 1), PHONE)


def test_the_ledger_export_has_the_new_columns_and_the_person_signed_in(school, actor, tmp_path) -> None:
    import openpyxl

    from schoolaid.ledger import export

    db, _ = school
    db.run(posting.post, actor, code(db, "SHBZ"), "2026-09", today=TODAY)
    assert db.query(export.export_ledger, actor, tmp_path / "ledger.xlsx", today=TODAY) == 4
    sheet = openpyxl.load_workbook(tmp_path / "ledger.xlsx").active
    headers = [c.value for c in sheet[3]]
    for column in ("性别", "班级", "家庭类别", "寄宿", "认定等级", "资金来源", "期间"):
        assert column in headers
    rows = {r[1]: dict(zip(headers, r, strict=False)) for r in sheet.iter_rows(min_row=4, max_row=7, values_only=True)}
    boarder = rows["寄宿小学"]
    assert (boarder["性别"], boarder["班级"], boarder["家庭类别"], boarder["寄宿"]) == ("男", "1班", "脱贫户", "是")
    assert boarder["认定等级"] in (None, "")  # filled once the assessment of need exists
    assert boarder["资金来源"] == "城乡义务教育补助经费（生活补助）" and boarder["期间"] == "2026秋"
    assert rows["监测小学"]["家庭类别"] == "防止返贫监测对象（风险已消除）"
    subtitle = str(sheet["A2"].value)
    assert "期间：2026-09至2026-09" in subtitle and f"经办人：{actor.name}" in subtitle


def test_the_old_registered_poor_rule_counts_monitored_households_while_at_risk(school, actor) -> None:
    """BYJY's rule (建档立卡 before 2021) selects 脱贫户 and 监测对象 whose risk is not removed on the
    month's 15th."""
    db, ids = school
    programme_id = db.run(subsidy_programmes.create_programme, actor, subsidy_programmes.ProgrammeForm(
        code="POOR", name="原建档立卡规则", stage="小学", eligibility="registered_poor", amount_fen=1000))
    programme = db.query(subsidy_programmes.get_programme, programme_id)
    at_risk = db.query(eligibility.decide, programme, dt.date(2026, 10, 1), TODAY)[0]
    assert set(at_risk) == {ids["寄宿小学"], ids["监测小学"]}  # risk removed on 20 Oct: October still counts
    removed, _ = db.query(eligibility.decide, programme, dt.date(2026, 11, 1), TODAY)
    assert set(removed) == {ids["寄宿小学"]}  # 风险消除 before 15 November
