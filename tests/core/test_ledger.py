"""The subsidy ledger: eligibility, idempotent batches, reversals the database enforces, exact money,
coverage gaps, the notice before payment."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import IntegrityError

from schoolaid.accounts import audit, audit_verify
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.school_calendar import Quarter
from schoolaid.ledger import (
    batches,
    corrections,
    coverage,
    currency,
    eligibility,
    entry_search,
    export,
    posting,
    subsidy_programmes,
    totals,
)
from schoolaid.ledger.entry_search import EntryFilter
from schoolaid.ledger.subsidy_programmes import ProgrammeForm
from schoolaid.roster import households, roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.households import HouseholdForm
from tests.conftest import student_form, village_id

PHONE = "0812-2911035"  # the 公示's phone for objections
TODAY = dt.date(2026, 11, 20)
OCTOBER = dt.date(2026, 10, 1)


def code(db, programme_code: str) -> int:
    return db.query(subsidy_programmes.programme_by_code, programme_code).id


@pytest.fixture
def school(township_db, actor):
    """Preschool and primary children of a registered-poor household, one of a non-poor household,
    a left-behind boarder."""
    db = township_db
    poor = db.run(households.create_household, actor, HouseholdForm(
        head_name="张大山", village_id=village_id(db, "波西村"), category="脱贫户", lifted_year=2018), today=TODAY)
    other = db.run(households.create_household, actor, HouseholdForm(
        head_name="李小河", village_id=village_id(db, "波西村")), today=TODAY)
    entry = dt.date(2025, 9, 1)
    ids = {
        "小明": db.run(roster.add_student, actor, student_form(db, "小明", dt.date(2021, 3, 1), sequence=1, stage="学前",
                                                                grade=2, household_id=poor, entry_date=entry), today=TODAY),
        "小红": db.run(roster.add_student, actor, student_form(db, "小红", dt.date(2021, 5, 1), male=False, sequence=2,
                                                                stage="学前", grade=2, household_id=other,
                                                                entry_date=entry), today=TODAY),
        "大明": db.run(roster.add_student, actor, student_form(db, "大明", dt.date(2016, 3, 1), sequence=3,
                                                                household_id=poor, entry_date=entry), today=TODAY),
        "留守": db.run(roster.add_student, actor, student_form(db, "留守", dt.date(2016, 4, 1), sequence=4,
                                                                left_behind=True, boarder=True, entry_date=entry), today=TODAY),
    }
    # The retired 助学金 (no new postings since issue 16), reopened here as the plain termly programme.
    zxj = code(db, "ZXJ")
    db.run(subsidy_programmes.update_programme, actor, zxj, ProgrammeForm(**{
        **db.query(subsidy_programmes.programme_form, zxj).__dict__, "active": True}))
    return db, ids


def names(db, ids: dict[str, int], found: set[int]) -> set[str]:
    return {name for name, student_id in ids.items() if student_id in found}



def test_the_shipped_programmes(township_db) -> None:
    shipped = {p.code: p for p in township_db.query(subsidy_programmes.list_programmes)}
    assert set(shipped) == {"BYJY", "SHF", "ZXJ", "SHBZ", "XQZZ", "YYGS"}
    assert not shipped["ZXJ"].active and not shipped["XQZZ"].active  # retired; the province's amount not entered
    assert (shipped["BYJY"].name, shipped["BYJY"].amount_fen, shipped["BYJY"].per.value) == ("保育教育费资助", 4000, "month")
    assert (shipped["SHF"].amount_fen, shipped["SHF"].kind.value) == (9300, "waiver")  # 185 charged 92: 93 waived
    assert shipped["ZXJ"].per.value == "term"
    assert 7 not in shipped["BYJY"].active_months and 8 not in shipped["BYJY"].active_months


def test_eligibility_rules(school, actor) -> None:
    db, ids = school
    byjy = db.query(subsidy_programmes.get_programme, code(db, "BYJY"))
    assert names(db, ids, db.query(eligibility.eligible_ids, byjy, OCTOBER, TODAY)) == {"小明"}
    zxj = db.query(subsidy_programmes.get_programme, code(db, "ZXJ"))
    assert names(db, ids, db.query(eligibility.eligible_ids, zxj, OCTOBER, TODAY)) == {"大明"}
    for rule, expected in (("left_behind", {"留守"}), ("boarder", {"留守"}), ("everyone", {"大明", "留守"})):
        programme_id = db.run(subsidy_programmes.create_programme, actor, ProgrammeForm(
            code=f"T{rule[:3].upper()}", name=f"测试{rule}", stage="小学", eligibility=rule, amount_fen=1000))
        programme = db.query(subsidy_programmes.get_programme, programme_id)
        assert names(db, ids, db.query(eligibility.eligible_ids, programme, OCTOBER, TODAY)) == expected
    listed = db.run(subsidy_programmes.create_programme, actor, ProgrammeForm(code="LIST", name="名单", eligibility="list",
                                                                 amount_fen=500))
    db.run(subsidy_programmes.set_members, actor, listed, [ids["小红"]], "家庭突发困难", today=TODAY)
    programme = db.query(subsidy_programmes.get_programme, listed)
    assert names(db, ids, db.query(eligibility.eligible_ids, programme, OCTOBER, TODAY)) == {"小红"}


def test_only_students_enrolled_that_month_are_paid(school, actor) -> None:
    db, ids = school
    db.run(roster.change_status, actor, ids["大明"], EnrollmentStatus.DROPPED_OUT, dt.date(2026, 10, 8), "外出务工",
           today=TODAY)
    zxj = db.query(subsidy_programmes.get_programme, code(db, "ZXJ"))
    assert names(db, ids, db.query(eligibility.eligible_ids, zxj, OCTOBER, TODAY)) == set()  # left before the 15th
    september = dt.date(2026, 9, 1)
    assert names(db, ids, db.query(eligibility.eligible_ids, zxj, september, TODAY)) == {"大明"}
    # A student who joined after mid-month is not paid for that month.
    late = db.run(roster.add_student, actor, student_form(db, "新生", dt.date(2021, 6, 1), sequence=5, stage="学前",
                                                          grade=2, household_id=db.query(roster.get_form, ids["小明"]).household_id,
                                                          entry_date=dt.date(2026, 10, 20)), today=TODAY)
    byjy = db.query(subsidy_programmes.get_programme, code(db, "BYJY"))
    assert late not in db.query(eligibility.eligible_ids, byjy, OCTOBER, TODAY)
    assert late in db.query(eligibility.eligible_ids, byjy, dt.date(2026, 11, 1), TODAY)


def test_posting_is_one_batch_and_never_twice(school, actor) -> None:
    db, ids = school
    byjy = code(db, "BYJY")
    plan = db.query(posting.plan_posting, byjy, "2026-10", today=TODAY)
    assert ([line.name for line in plan.lines], plan.total_fen) == (["小明"], 4000)
    first = db.run(posting.post, actor, byjy, "2026-10", today=TODAY)
    assert (first.posted, first.total_fen, first.period) == (1, 4000, "2026-10")
    again = db.run(posting.post, actor, byjy, "2026-10", today=TODAY)
    assert (again.posted, again.batch_id, again.already) == (0, None, 1)
    assert len(db.query(entry_search.search_entry_ids, EntryFilter())) == 1
    [batch] = db.query(batches.list_batches)
    assert (batch.entries, batch.total_fen, batch.stage(TODAY)) == (1, 4000, "待公示")


def test_a_student_who_joins_later_is_posted_alone(school, actor) -> None:
    db, ids = school
    byjy = code(db, "BYJY")
    db.run(posting.post, actor, byjy, "2026-11", today=TODAY)
    household = db.query(roster.get_form, ids["小明"]).household_id
    newcomer = db.run(roster.add_student, actor, student_form(db, "新生", dt.date(2021, 6, 1), sequence=5, stage="学前",
                                                              grade=2, household_id=household,
                                                              entry_date=dt.date(2026, 11, 2)), today=TODAY)
    result = db.run(posting.post, actor, byjy, "2026-11", [newcomer], today=TODAY)
    assert result.posted == 1 and len(db.query(batches.list_batches)) == 2
    refused = db.run(posting.post, actor, byjy, "2026-11", [ids["小红"]], today=TODAY)
    assert (refused.posted, refused.not_eligible) == (0, 1)


def test_holiday_and_future_months_are_refused(school, actor) -> None:
    db, _ = school
    with pytest.raises(ValidationFailed, match="假期"):
        db.run(posting.post, actor, code(db, "BYJY"), "2026-08", today=TODAY)
    with pytest.raises(ValidationFailed, match="尚未到来"):
        db.run(posting.post, actor, code(db, "BYJY"), "2026-12", today=TODAY)
    with pytest.raises(ValidationFailed):
        db.run(posting.post, actor, code(db, "BYJY"), "2026/10", today=TODAY)


def test_term_grants_are_posted_once_per_term(school, actor) -> None:
    db, _ = school
    zxj = code(db, "ZXJ")
    assert db.run(posting.post, actor, zxj, "2026-09", today=TODAY).period == "2026秋"
    assert db.run(posting.post, actor, zxj, "2026-11", today=TODAY).posted == 0
    [row] = db.query(entry_search.fetch_entry_rows, db.query(entry_search.search_entry_ids, EntryFilter())).values()
    assert (row.months, row.amount_fen) == (5, 50000)


def test_reversal_and_replacement_stay_linked(school, actor) -> None:
    db, ids = school
    byjy = code(db, "BYJY")
    db.run(posting.post, actor, byjy, "2026-10", today=TODAY)
    [original] = db.query(entry_search.search_entry_ids, EntryFilter())
    with pytest.raises(ValidationFailed):
        db.run(corrections.reverse, actor, original, " ")
    reversal, replacement = db.run(corrections.replace, actor, original, 2000, "只在园半月")
    rows = db.query(entry_search.fetch_entry_rows, [original, reversal, replacement])
    assert rows[original].reversed_by == reversal
    assert (rows[reversal].amount_fen, rows[reversal].reverses_id, rows[reversal].reason) == (-4000, original, "只在园半月")
    assert (rows[replacement].amount_fen, rows[replacement].replaces_id) == (2000, original)
    assert db.query(entry_search.entry_total, EntryFilter()) == (3, 2000)
    with pytest.raises(ValidationFailed, match="已经冲销"):
        db.run(corrections.reverse, actor, original, "再冲一次")
    with pytest.raises(ValidationFailed):
        db.run(corrections.reverse, actor, reversal, "冲销冲销")
    assert db.query(eligibility.covered_ids, byjy, "2026-10") == {ids["小明"]}
    db.run(corrections.reverse, actor, replacement, "全部退回")
    assert db.query(eligibility.covered_ids, byjy, "2026-10") == set()  # a gap again
    assert [h.action for h in db.query(audit.history, "ledger_entry", reversal)] == ["create"]


def test_the_database_refuses_to_change_or_delete_entries(school, actor) -> None:
    db, _ = school
    db.run(posting.post, actor, code(db, "BYJY"), "2026-10", today=TODAY)
    for statement in ("UPDATE ledger_entries SET amount_fen = 1", "DELETE FROM ledger_entries"):
        with pytest.raises(IntegrityError, match="never"):
            with db.write() as session:
                session.connection().exec_driver_sql(statement)
    assert db.query(entry_search.entry_total, EntryFilter()) == (1, 4000)


def test_money_is_exact() -> None:
    assert currency.fen_from_yuan("92.50") == 9250 and currency.fen_from_yuan("40") == 4000
    assert currency.format_yuan(10) == "0.10" and currency.format_yuan(123456789) == "1,234,567.89"
    with pytest.raises(ValueError):
        currency.fen_from_yuan("0.001")
    assert sum(currency.yuan(fen) for fen in [10] * 10) == currency.yuan(100)  # ten dimes make a yuan, exactly


def test_totals_add_up(demo_db) -> None:
    everything = demo_db.query(entry_search.entry_total, EntryFilter())[1]
    for by in ("programme", "school", "village", "quarter"):
        assert sum(t.total_fen for t in demo_db.query(totals.totals, by)) == everything


def test_coverage_gaps(school, actor) -> None:
    db, ids = school
    byjy, shf = code(db, "BYJY"), code(db, "SHF")
    db.run(posting.post, actor, byjy, "2026-10", today=TODAY)
    gaps = db.query(coverage.gaps, "2026-10", TODAY)
    assert {(g.name, g.programme_code) for g in gaps} == {("小明", "SHF"), ("大明", "ZXJ"), ("大明", "SHBZ")}
    db.run(posting.post, actor, shf, "2026-10", today=TODAY)
    db.run(posting.post, actor, code(db, "ZXJ"), "2026-10", today=TODAY)
    db.run(posting.post, actor, code(db, "SHBZ"), "2026-10", today=TODAY)
    assert db.query(coverage.gaps, "2026-10", TODAY) == []
    quarter = db.query(coverage.gaps, "2026-Q4", TODAY)  # November unposted; December has not come
    assert {(g.name, g.period) for g in quarter} == {("小明", "2026-11")}
    assert db.query(coverage.gap_count, "2026-Q4", TODAY) == len(quarter)
    assert len([g for g in quarter if g.programme_code == "BYJY"]) == 1


def test_notice_comes_before_payment(school, actor) -> None:
    db, _ = school
    result = db.run(posting.post, actor, code(db, "BYJY"), "2026-10", today=TODAY)
    with pytest.raises(ValidationFailed, match="公示"):
        db.run(batches.record_payment, actor, result.batch_id, dt.date(2026, 10, 30), "V-1", today=TODAY)
    with pytest.raises(ValidationFailed, match="2026-10-22"):  # Friday 16th: five working days end on Thursday 22nd
        db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 10, 16), dt.date(2026, 10, 20), PHONE)
    db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 10, 16), dt.date(2026, 10, 22), PHONE)
    with pytest.raises(ValidationFailed, match="公示期结束"):
        db.run(batches.record_payment, actor, result.batch_id, dt.date(2026, 10, 22), "V-1", today=TODAY)
    db.run(batches.record_payment, actor, result.batch_id, dt.date(2026, 10, 23), "2026-10-001", today=TODAY)
    [batch] = db.query(batches.list_batches)
    assert (batch.stage(TODAY), batch.voucher_no) == ("已发放", "2026-10-001")



def test_the_notice_needs_the_phone_for_objections(school, actor) -> None:
    db, _ = school
    result = db.run(posting.post, actor, code(db, "BYJY"), "2026-10", today=TODAY)
    with pytest.raises(ValidationFailed, match="异议电话") as refused:
        db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 10, 16), dt.date(2026, 10, 22), "  ")
    assert [p.field for p in refused.value.problems] == ["phone"]
    with pytest.raises(ValidationFailed, match="12345"):
        db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 10, 16), dt.date(2026, 10, 22), "12345")
    db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 10, 16), dt.date(2026, 10, 22),
           "0812 - 291 1035")
    [batch] = db.query(batches.list_batches)
    assert (batch.notice_phone, batch.notice_taken_down_on) == ("08122911035", None)
    with db.read() as session:
        from sqlalchemy import select

        from schoolaid.storage.models import AuditEvent

        last = session.scalars(select(AuditEvent).where(AuditEvent.entity == "ledger_batch")
                               .order_by(AuditEvent.id.desc())).first()
        assert last is not None and "08122911035" in (last.after or "")


def test_the_notice_is_taken_down_after_it_ends_not_in_the_future_once(school, actor) -> None:
    db, _ = school
    result = db.run(posting.post, actor, code(db, "BYJY"), "2026-10", today=TODAY)
    with pytest.raises(ValidationFailed, match="公示"):  # no notice yet
        db.run(batches.record_notice_taken_down, actor, result.batch_id, dt.date(2026, 10, 23), today=TODAY)
    db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 10, 16), dt.date(2026, 10, 22), PHONE)
    with pytest.raises(ValidationFailed, match="2026-10-22"):
        db.run(batches.record_notice_taken_down, actor, result.batch_id, dt.date(2026, 10, 22), today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        db.run(batches.record_notice_taken_down, actor, result.batch_id, dt.date(2026, 11, 21), today=TODAY)
    assert [p.code for p in refused.value.problems] == ["ledger.notice_down_future"]
    db.run(batches.record_notice_taken_down, actor, result.batch_id, dt.date(2026, 10, 23), today=TODAY)
    with pytest.raises(ValidationFailed, match="2026-10-23"):
        db.run(batches.record_notice_taken_down, actor, result.batch_id, dt.date(2026, 10, 24), today=TODAY)
    with pytest.raises(ValidationFailed, match="2026-10-23"):  # the dates stay once it is down
        db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 10, 19), dt.date(2026, 10, 26), PHONE)
    [batch] = db.query(batches.list_batches)
    assert batch.notice_taken_down_on == dt.date(2026, 10, 23)
    with pytest.raises(ValidationFailed, match="2026-10-22"):  # payment before the notice ends stays refused
        db.run(batches.record_payment, actor, result.batch_id, dt.date(2026, 10, 22), "V-1", today=TODAY)
    db.run(batches.record_payment, actor, result.batch_id, dt.date(2026, 10, 23), "V-1", today=TODAY)
    assert db.query(audit_verify.verify).ok


def test_the_batch_notice_prints_names_classes_and_amounts_only(school, actor, tmp_path) -> None:
    import pypdfium2

    from schoolaid.ledger import batch_notice
    from schoolaid.storage.models import Student

    db, ids = school
    result = db.run(posting.post, actor, code(db, "BYJY"), "2026-10", today=TODAY)
    db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 10, 16), dt.date(2026, 10, 22), PHONE)
    out = tmp_path / "公示表.pdf"
    assert db.query(batch_notice.write_batch_notice, actor, result.batch_id, out, TODAY) == 1
    pdf = pypdfium2.PdfDocument(out)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    with db.read() as session:
        pupil = session.get(Student, ids["小明"])
        private = [pupil.id_number, pupil.guardian_phone, pupil.birth_date.isoformat(), "2021年3月1日",
                   pupil.household.address if pupil.household else ""]
        class_name = pupil.class_name
    assert "保育教育费资助2026年10月资助名单公示" in text
    assert "小明" in text and "小红" not in text and "40.00" in text and class_name in text
    assert "2026年10月16日" in text and "2026年10月22日" in text and "08122911035" in text
    assert "合计" in text and "中心校（盖章）" in text
    assert "审计链" in text  # the audit trail's anchor at the foot
    assert not [value for value in private if value and value in text]


def test_documents(school, actor, tmp_path) -> None:
    import openpyxl

    db, _ = school
    result = db.run(posting.post, actor, code(db, "BYJY"), "2026-10", today=TODAY)
    db.run(batches.record_notice, actor, result.batch_id, dt.date(2026, 10, 16), dt.date(2026, 10, 22), PHONE)
    assert db.query(export.export_ledger, actor, tmp_path / "ledger.xlsx", full_ids=True, today=TODAY) == 1
    sheet = openpyxl.load_workbook(tmp_path / "ledger.xlsx").active
    assert [c.value for c in sheet[3]] == list(export.LEDGER_HEADERS)
    row = [c.value for c in sheet[4]]
    assert row[1] == "小明" and len(row[3]) == 18 and float(row[15]) == 40.0 and row[10] == "保育教育费资助"
    assert db.query(export.export_notice, actor, result.batch_id, tmp_path / "notice.xlsx", today=TODAY) == 1
    notice = openpyxl.load_workbook(tmp_path / "notice.xlsx").active
    text = " ".join(str(c.value) for r in notice.iter_rows() for c in r if c.value is not None)
    assert "小明" in text and "2026年10月16日" in text and "异议电话：08122911035" in text
    assert "5104" not in text and "13912345678" not in text  # no ID numbers, no phones
    assert db.query(export.export_sign_off, actor, result.batch_id, tmp_path / "sign.xlsx", today=TODAY) == 1
    assert openpyxl.load_workbook(tmp_path / "sign.xlsx").active["G3"].value == "领取人签字"


def test_the_demo_has_a_year_reversals_and_gaps(demo_db) -> None:
    months = {row.month for row in demo_db.query(entry_search.fetch_entry_rows,
                                                 demo_db.query(entry_search.search_entry_ids, EntryFilter())).values()}
    assert len(months) >= 9
    entries = demo_db.query(entry_search.fetch_entry_rows, demo_db.query(entry_search.search_entry_ids, EntryFilter()))
    assert sum(1 for e in entries.values() if e.reverses_id) == 2
    assert sum(1 for e in entries.values() if e.replaces_id) == 1
    assert demo_db.query(coverage.gaps, Quarter.containing(TODAY).key, today=TODAY)


@pytest.mark.parametrize("fixture", ["schoolaid-rev0004.sqlite", "schoolaid-rev0008.sqlite"])
def test_an_old_databases_batches_take_the_phone_and_the_taken_down_date(tmp_path, fixture) -> None:
    """Migration 0012: every batch kept as it was, the two new fields empty and on the record from the
    upgrade on, so that one changed behind the app's back is found."""
    import shutil
    from pathlib import Path

    from tests.core.test_audit_coverage import findings, tamper

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    path = tmp_path / fixture
    shutil.copy(fixtures / fixture, path)
    from schoolaid.storage.database import open_database

    db = open_database(path)
    try:
        listed = db.query(batches.list_batches)
        assert len(listed) == 23 and all(b.notice_phone == "" and b.notice_taken_down_on is None for b in listed)
        assert db.query(audit_verify.verify).ok
        tamper(db, f"UPDATE ledger_batches SET notice_phone = '110', notice_taken_down_on = '2026-01-01' "
                   f"WHERE id = {listed[0].id}")
        [found] = findings(db)
        assert (found.entity, found.entity_id, found.fields) == (
            "ledger_batch", listed[0].id, ("notice_phone", "notice_taken_down_on"))
    finally:
        db.close()
