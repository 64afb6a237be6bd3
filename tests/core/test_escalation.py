"""Notices true to the record and the escalation after their deadline (issue 19): a notice refused
until the log shows the failed attempts the settings ask for (with the village committee and the
township), its text naming the attempts logged and kept as issued; the four documents of the
escalation, in order and on time, each numbered, printed and read back with its proof of service;
the manner of service and the witnesses of 留置送达; the legal-basis table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pdfplumber
import pytest

from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import DEFAULT_HOLIDAYS, nth_school_day
from schoolaid.common.vocabulary import StaffRole
from schoolaid.dropout import (
    absences,
    case_files,
    case_plans,
    escalation,
    legal_basis,
    notice_pdf,
    notices,
    persuasion,
    receipts,
    rules,
)
from schoolaid.dropout.persuasion import AttemptEntry
from schoolaid.dropout.receipts import Service
from schoolaid.dropout.vocabulary import CaseStatus, Method, Party
from schoolaid.pairing import staff
from schoolaid.reporting import work_list
from schoolaid.roster import households, roster
from schoolaid.roster.households import HouseholdForm
from tests.conftest import school_id, student_form, village_id


def said(text: str) -> str:
    """What the service says, in the language the tests run in."""
    return translate("Dropout", text)


MORE_ATTEMPTS = "{n} more failed persuasion attempts are needed (at least {needed})"
NEEDS_VILLAGE = "A failed attempt with the village committee is still needed"
NEEDS_TOWNSHIP = "A failed attempt with the township government is still needed"
MONDAY = dt.date(2026, 10, 12)
ISSUED = dt.date(2026, 10, 23)
TODAY = dt.date(2026, 11, 20)
LATER = dt.date(2027, 6, 30)  # far enough for the whole chain


def page_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "".join((page.extract_text() or "").replace("\n", "") for page in pdf.pages)


def codes(refused: pytest.ExceptionInfo) -> set[str]:
    return {p.code for p in refused.value.problems}


def messages(refused: pytest.ExceptionInfo) -> list[str]:
    return [p.message for p in refused.value.problems]


@pytest.fixture
def pupil_case(township_db, actor):
    """张小明 of 波西村 at the central school, away from MONDAY, his case opened on the fifth school day."""
    db = township_db
    db.run(staff.add_staff, actor, "王建国", school_id(db, "平地镇中心校"), StaffRole.PRINCIPAL, "13900000001")
    home = db.run(households.create_household, actor, HouseholdForm(head_name="张大山",
                                                                   village_id=village_id(db, "波西村")), today=TODAY)
    student = db.run(roster.add_student, actor, student_form(db, "张小明", sequence=1, guardian_name="张大山",
                                                             household_id=home, entry_date=dt.date(2022, 9, 1)),
                     today=TODAY)
    absence = db.run(absences.record_absence, actor, student, MONDAY, today=TODAY)
    case_id = db.run(case_files.open_case, actor, student, absence,
                     today=nth_school_day(MONDAY, 5, DEFAULT_HOLIDAYS))
    return db, case_id


def attempt(db, actor, case_id: int, day: dt.date, parties: tuple[Party, ...], method: Method = Method.HOME_VISIT,
            *, succeeded: bool = False) -> int:
    return db.run(persuasion.log_attempt, actor, case_id, AttemptEntry(
        day, "班主任 李老师", "张大山（祖父）", method.value, "家长仍不同意返校", succeeded,
        tuple(p.value for p in parties)), today=TODAY)


def ready(db, actor, case_id: int) -> None:
    """The two failed attempts a notice needs: the school alone, then the three together."""
    attempt(db, actor, case_id, dt.date(2026, 10, 17), (Party.SCHOOL,), Method.PHONE)
    attempt(db, actor, case_id, dt.date(2026, 10, 21), (Party.SCHOOL, Party.VILLAGE, Party.TOWNSHIP), Method.VILLAGE)


# --- The notice ---------------------------------------------------------------------------------------------


def test_a_notice_is_refused_until_the_log_shows_what_the_settings_ask(pupil_case, actor, tmp_path) -> None:
    db, case_id = pupil_case
    attempt(db, actor, case_id, dt.date(2026, 10, 17), (Party.SCHOOL,), Method.PHONE)
    with pytest.raises(ValidationFailed) as refused:
        db.run(notices.issue_notice, actor, case_id, ISSUED, today=TODAY)
    assert codes(refused) == {"notice.attempts"}
    assert messages(refused) == [said(MORE_ATTEMPTS).format(n=1, needed=2), said(NEEDS_VILLAGE), said(NEEDS_TOWNSHIP)]
    assert not db.query(case_files.get_case, case_id).notice_due
    with pytest.raises(ValidationFailed):  # printing issues: refused the same way, nothing written
        db.run(notice_pdf.print_case_notice, actor, case_id, tmp_path / "n.pdf", today=ISSUED)
    assert not (tmp_path / "n.pdf").exists() and db.query(notices.notices, case_id) == []
    # The village committee alone: the township is still missing.
    attempt(db, actor, case_id, dt.date(2026, 10, 19), (Party.SCHOOL, Party.VILLAGE))
    with pytest.raises(ValidationFailed) as refused:
        db.run(notices.issue_notice, actor, case_id, ISSUED, today=TODAY)
    assert messages(refused) == [said(NEEDS_TOWNSHIP)]
    # The township's part need not be asked for (setting): then the notice may go.
    db.run(rules.set_setting, actor, "dropout.notice_needs_township", 0)
    assert db.query(case_files.get_case, case_id).notice_due
    db.run(rules.set_setting, actor, "dropout.notice_needs_township", 1)
    attempt(db, actor, case_id, dt.date(2026, 10, 21), (Party.TOWNSHIP,), Method.TOWNSHIP)
    assert db.query(case_files.get_case, case_id).notice_due
    issued = db.run(notice_pdf.print_case_notice, actor, case_id, tmp_path / "n.pdf", today=ISSUED)
    assert issued.document_number == "平府教〔2026〕1号"


def test_an_attempt_after_the_notice_day_or_corrected_away_does_not_count(pupil_case, actor) -> None:
    db, case_id = pupil_case
    attempt(db, actor, case_id, dt.date(2026, 10, 17), (Party.SCHOOL,))
    wrong = attempt(db, actor, case_id, dt.date(2026, 10, 19), (Party.SCHOOL, Party.VILLAGE, Party.TOWNSHIP))
    db.run(persuasion.correct_attempt, actor, wrong, AttemptEntry(
        dt.date(2026, 10, 19), "班主任 李老师", "张大山", Method.HOME_VISIT.value, "家长仍不同意返校", False,
        (Party.SCHOOL.value,)), today=TODAY)
    attempt(db, actor, case_id, dt.date(2026, 10, 26), (Party.VILLAGE, Party.TOWNSHIP))
    with pytest.raises(ValidationFailed) as refused:  # on the 23rd the log showed the school alone
        db.run(notices.issue_notice, actor, case_id, ISSUED, today=TODAY)
    assert len(messages(refused)) == 2
    db.run(notices.issue_notice, actor, case_id, dt.date(2026, 10, 26), today=TODAY)


def test_the_notice_names_the_attempts_logged_and_reprints_as_issued(pupil_case, actor, tmp_path) -> None:
    db, case_id = pupil_case
    ready(db, actor, case_id)
    first = tmp_path / "通知书.pdf"
    db.run(notice_pdf.print_case_notice, actor, case_id, first, today=ISSUED)
    text = page_text(first)
    for expected in ("学校、波西村村民委员会和平地镇人民政府工作人员先后2次劝返无果",
                     "2026年10月17日，学校（电话劝返）",
                     "2026年10月21日，学校、波西村村民委员会和平地镇人民政府（村委会调解）",
                     "第五条", "第十一条", "第十三条", "第五十八条", "《中华人民共和国未成年人保护法》第十六条",
                     "第十七条", "《中华人民共和国家庭教育促进法》第十四条", "村民委员会协助政府督促"):
        assert expected in text, expected
    assert "先后1次" not in text
    # Later entries do not change what was issued.
    attempt(db, actor, case_id, dt.date(2026, 10, 28), (Party.SCHOOL,))
    again = tmp_path / "again.pdf"
    db.run(notice_pdf.print_case_notice, actor, case_id, again, today=TODAY)
    assert page_text(again) == text
    # Its receipt has its own number.
    [notice] = db.query(notices.notices, case_id)
    receipt = db.query(receipts.receipt_of, receipts.NOTICE_KIND, notice.id)
    assert receipt.receipt_number == "平府教送〔2026〕1号" and "平府教送〔2026〕1号" in text
    assert "□直接送达" in text and "□留置送达" in text and "□委托送达" in text


def test_left_at_the_home_needs_witnesses_and_the_reason(pupil_case, actor, tmp_path) -> None:
    db, case_id = pupil_case
    ready(db, actor, case_id)
    notice_id = db.run(notices.issue_notice, actor, case_id, ISSUED, today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        db.run(notices.record_receipt, actor, notice_id, dt.date(2026, 10, 24), "张大山", today=TODAY,
               manner="留置送达")
    assert codes(refused) == {"receipt.witnesses", "receipt.refused"}
    with pytest.raises(ValidationFailed) as refused:
        db.run(notices.record_receipt, actor, notice_id, dt.date(2026, 10, 24), "张大山", today=TODAY,
               manner="邮寄")
    assert codes(refused) == {"receipt.manner"}
    db.run(notices.record_receipt, actor, notice_id, dt.date(2026, 10, 24), "张大山", today=TODAY,
           manner="留置送达", served_by="李老师", witnesses="村委会 王主任、村民 赵四",
           refused_reason="称孩子在外务工，拒绝签收")
    receipt = db.query(receipts.receipt_of, receipts.NOTICE_KIND, notice_id)
    assert (receipt.manner, receipt.witnesses, receipt.refused_reason, receipt.served_on) == (
        "留置送达", "村委会 王主任、村民 赵四", "称孩子在外务工，拒绝签收", dt.date(2026, 10, 24))
    path = tmp_path / "n.pdf"
    db.run(notice_pdf.print_case_notice, actor, case_id, path, today=TODAY)
    text = page_text(path)
    assert "■留置送达" in text and "村委会 王主任、村民 赵四" in text.replace("\u3000", " ")
    # Cells wrap: their lines interleave in the text read back.
    assert all(part in text for part in ("称孩子在外务工", "拒绝签收", "见证人（留置", "拒收事由"))


# --- The escalation ---------------------------------------------------------------------------------------


def serve(db, actor, case_id: int, kind: str, day: dt.date, to: str = "张大山") -> None:
    db.run(escalation.record_service, actor, case_id, kind, Service(day, to, "直接送达", "李老师"), today=LATER)


def test_the_chain_in_order_each_document_printed_and_read_back(pupil_case, actor, tmp_path) -> None:
    db, case_id = pupil_case
    assert db.query(escalation.chain, case_id).next_kind is None  # no notice yet
    ready(db, actor, case_id)
    db.run(notices.issue_notice, actor, case_id, ISSUED, today=TODAY)
    where = db.query(escalation.chain, case_id)
    assert (where.stage, where.next_kind, where.next_due) == ("notice", "report", None)  # not served yet
    with pytest.raises(ValidationFailed) as refused:
        db.run(escalation.issue_step, actor, case_id, "report", TODAY, today=TODAY)
    assert codes(refused) == {"escalation.waiting"}
    serve(db, actor, case_id, "notice", dt.date(2026, 10, 24))
    deadline = ISSUED + dt.timedelta(days=15)  # 2026-11-07
    where = db.query(escalation.chain, case_id)
    assert (where.next_kind, where.next_due) == ("report", deadline + dt.timedelta(days=1))
    with pytest.raises(ValidationFailed) as refused:  # the deadline has not passed
        db.run(escalation.issue_step, actor, case_id, "report", deadline, today=TODAY)
    assert codes(refused) == {"escalation.early"}
    with pytest.raises(ValidationFailed) as refused:  # out of order
        db.run(escalation.issue_step, actor, case_id, "penalty", TODAY, today=TODAY)
    assert codes(refused) == {"escalation.order"}

    # 1. The school's report to the bureau, printed from the case.
    report_pdf = tmp_path / "report.pdf"
    printed = db.run(escalation.print_step, actor, case_id, "report", report_pdf, today=dt.date(2026, 11, 9))
    assert (printed.document_number, printed.issued_now) == ("平地校报〔2026〕1号", True)
    text = page_text(report_pdf)
    for expected in ("关于辍学学生劝返无效情况的书面报告", "平地校报〔2026〕1号", "区教育局：", "张小明（男）",
                     "先后2次劝返无果", "平府教〔2026〕1号", "2026年10月24日送达",
                     "《中华人民共和国未成年人保护法》第二十八条", "平地镇中心校（盖章）", "2026年11月9日", "送 达 回 证",
                     "平府教送〔2026〕2号"):
        assert expected in text, expected
    serve(db, actor, case_id, "report", dt.date(2026, 11, 10), to="区教育局 收文员")

    # 2. The township's order to correct, due once the report was served.
    assert db.query(escalation.chain, case_id).next_due == dt.date(2026, 11, 10)
    penalty_pdf = tmp_path / "penalty.pdf"
    db.run(escalation.print_step, actor, case_id, "penalty", penalty_pdf, today=dt.date(2026, 11, 11))
    text = page_text(penalty_pdf)
    for expected in ("责令限期改正决定书", "平府教责〔2026〕1号", "张大山：", "2026年11月26日前送张小明到平地镇中心校",
                     "第五十八条", "《中华人民共和国行政诉讼法》第四十六条第一款", "六个月内", "平地镇人民政府（盖章）"):
        assert expected in text, expected
    serve(db, actor, case_id, "penalty", dt.date(2026, 11, 12))

    # 3. The demand to perform, after the order's period.
    assert db.query(escalation.chain, case_id).next_due == dt.date(2026, 11, 27)
    demand_pdf = tmp_path / "demand.pdf"
    db.run(escalation.print_step, actor, case_id, "demand", demand_pdf, today=dt.date(2026, 11, 27))
    text = page_text(demand_pdf)
    for expected in ("履行催告书", "平府教催〔2026〕1号", "平府教责〔2026〕1号", "10日内",
                     "《中华人民共和国行政强制法》第三十五条", "第五十四条", "陈述和申辩"):
        assert expected in text, expected
    serve(db, actor, case_id, "demand", dt.date(2026, 11, 28))

    # 4. The application to the court: ten days after the demand, and six months after the order was served.
    where = db.query(escalation.chain, case_id)
    assert (where.stage, where.next_kind, where.next_due) == ("demand", "enforcement", dt.date(2027, 5, 13))
    with pytest.raises(ValidationFailed) as refused:
        db.run(escalation.issue_step, actor, case_id, "enforcement", dt.date(2026, 12, 9), today=LATER)
    assert codes(refused) == {"escalation.early"}
    enforcement_pdf = tmp_path / "enforcement.pdf"
    db.run(escalation.print_step, actor, case_id, "enforcement", enforcement_pdf, today=dt.date(2027, 5, 13))
    text = page_text(enforcement_pdf)
    for expected in ("强制执行申请书", "平府教执〔2027〕1号", "区人民法院：", "申请人：平地镇人民政府",
                     "被申请人：张大山", "平府教责〔2026〕1号", "平府教催〔2026〕1号", "平地校报〔2026〕1号",
                     "第五十三条", "第五十四条", "此致", "平府教送〔2027〕1号"):
        assert expected in text, expected
    where = db.query(escalation.chain, case_id)
    assert (where.stage, where.next_kind) == ("enforcement", None)
    assert [s.document_number for s in where.steps] == [
        "平府教〔2026〕1号", "平地校报〔2026〕1号", "平府教责〔2026〕1号", "平府教催〔2026〕1号", "平府教执〔2027〕1号"]
    # Printing again reprints what was issued.
    again = tmp_path / "again.pdf"
    reprinted = db.run(escalation.print_step, actor, case_id, "report", again, today=LATER)
    assert not reprinted.issued_now and page_text(again).startswith(page_text(report_pdf)[:200])


def test_a_closed_case_offers_no_step_and_todays_work_shows_the_step_due(pupil_case, actor) -> None:
    db, case_id = pupil_case
    ready(db, actor, case_id)
    db.run(notices.issue_notice, actor, case_id, ISSUED, today=TODAY)
    serve(db, actor, case_id, "notice", dt.date(2026, 10, 24))
    items = db.query(work_list.today_work, TODAY)
    [item] = [i for i in items if i.target == case_id and i.kind == work_list.Kind.NOTICE_EXPIRED]
    assert escalation.step_label("report") in item.text and "2026-11-08" in item.text
    db.run(escalation.issue_step, actor, case_id, "report", TODAY, today=TODAY)
    items = db.query(work_list.today_work, TODAY)
    [item] = [i for i in items if i.target == case_id and i.kind == work_list.Kind.ESCALATION]
    assert translate("Dropout", "Waiting for the proof of service of the {step} ({number}).").format(
        step=escalation.step_label("report"), number="平地校报〔2026〕1号") in item.text
    serve(db, actor, case_id, "report", TODAY)
    items = db.query(work_list.today_work, TODAY)
    [item] = [i for i in items if i.target == case_id and i.kind == work_list.Kind.ESCALATION]
    assert escalation.step_label("penalty") in item.text and item.urgent
    db.run(case_files.move_case, actor, case_id, CaseStatus.RETURNED, TODAY, return_date=TODAY,
           placement=case_plans.Placement.SEPARATE_CLASS.value, today=TODAY)
    assert db.query(escalation.chain, case_id).next_kind is None
    assert not [i for i in db.query(work_list.today_work, TODAY) if i.target == case_id
                and i.kind in (work_list.Kind.ESCALATION, work_list.Kind.NOTICE_EXPIRED)]


# --- The legal basis --------------------------------------------------------------------------------------------


def test_the_legal_basis_table_keeps_its_articles() -> None:
    articles = legal_basis.ARTICLES
    expected = {
        "cel5": ("义务教育法", "第五条第二款", "按时入学接受并完成义务教育", True),
        "cel11": ("义务教育法", "第十一条第一款", "凡年满六周岁的儿童", True),
        "cel13": ("义务教育法", "第十三条", "居民委员会和村民委员会协助政府做好工作", True),
        "cel58": ("义务教育法", "第五十八条", "批评教育，责令限期改正", True),
        "mpl16": ("未成年人保护法", "第十六条第五项", "保障适龄未成年人依法接受并完成义务教育", True),
        "mpl17": ("未成年人保护法", "第十七条第五项", "放任或者迫使应当接受义务教育的未成年人失学、辍学", True),
        "mpl28": ("未成年人保护法", "第二十八条第二款", "劝返无效的，应当及时向教育行政部门书面报告", True),
        "fel14": ("家庭教育促进法", "第十四条", "家长是第一任老师", True),
        "acl35": ("行政强制法", "第三十五条", "陈述权和申辩权", False),
        "acl53": ("行政强制法", "第五十三条", "三个月内，依照本章规定申请人民法院强制执行", True),
        "acl54": ("行政强制法", "第五十四条", "催告书送达十日后", True),
        "all46": ("行政诉讼法", "第四十六条第一款", "六个月内提出", True),
    }
    assert set(articles) == set(expected)
    for key, (law, number, phrase, verbatim) in expected.items():
        article = articles[key]
        assert law in article.law and article.number == number and phrase in article.text, key
        assert article.verbatim is verbatim, key
    for keys in (legal_basis.NOTICE_ARTICLES, *legal_basis.DOCUMENT_ARTICLES.values()):
        assert set(keys) <= set(articles)
    assert {"cel5", "cel11", "cel13", "cel58", "mpl16", "mpl17", "fel14"} <= set(legal_basis.NOTICE_ARTICLES)
    assert "mpl28" in legal_basis.DOCUMENT_ARTICLES["report"]
    # The waiting periods come from the table's sources.
    assert rules.SETTINGS["dropout.demand_wait_days"][:2] == (10, 10)  # 行政强制法 art. 54: ten days at least
    assert rules.SETTINGS["dropout.challenge_months"][0] == 6  # 行政诉讼法 art. 46: six months


# --- Upgrading a database of revision 0016 ---------------------------------------------------------------------


def test_upgrading_0016_keeps_every_row_and_adds_parties_texts_and_receipts(tmp_path) -> None:
    import shutil
    import sqlite3

    from schoolaid.accounts import accounts, audit_verify
    from schoolaid.accounts.accounts import UserForm
    from schoolaid.accounts.permissions import Role
    from schoolaid.storage.database import open_database

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "schoolaid-rev0016.sqlite"
    old = sqlite3.connect(fixture)
    attempts_before = old.execute("SELECT * FROM persuasion_attempts ORDER BY id").fetchall()
    notices_before = old.execute("SELECT * FROM urging_notices ORDER BY id").fetchall()
    old.close()
    assert attempts_before and notices_before
    path = tmp_path / "old.sqlite"
    shutil.copy(fixture, path)
    db = open_database(path)
    try:
        raw = sqlite3.connect(path)
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] >= "0017"
        # Every row as it was, the new column after it: 学校 for the entries logged before, '' for the texts.
        after = raw.execute("SELECT * FROM persuasion_attempts ORDER BY id").fetchall()
        assert [row[:-1] for row in after] == attempts_before and {row[-1] for row in after} == {"学校"}
        after = raw.execute("SELECT * FROM urging_notices ORDER BY id").fetchall()
        assert [row[:-1] for row in after] == notices_before and {row[-1] for row in after} == {""}
        assert raw.execute("SELECT count(*) FROM case_documents").fetchone()[0] == 0
        assert raw.execute("SELECT count(*) FROM service_receipts").fetchone()[0] == 0
        # The log stays append-only: the column was added without rebuilding the table (and its triggers).
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute("UPDATE persuasion_attempts SET parties = '村民委员会' WHERE id = 1")
        raw.close()
        assert db.query(audit_verify.verify).ok
        # The notice issued before its text was kept prints from the record; served, it gets a numbered receipt.
        now = dt.datetime(2026, 12, 1, 8)
        admin = db.run(accounts.sign_in, "admin", "fixture-pass-1", now=now).actor
        db.run(accounts.add_user, admin, UserForm("wang", "王校长", Role.LEADERSHIP.value, "fixture-pass-2", None, ()))
        actor = db.run(accounts.sign_in, "wang", "fixture-pass-2", now=now).actor
        notice_id, case_id = notices_before[0][0], notices_before[0][1]
        out = tmp_path / "old-notice.pdf"
        db.query(notice_pdf.write_notices, actor, [notice_id], out)
        assert notices_before[0][4] in page_text(out)
        db.run(escalation.record_service, actor, case_id, "notice",
               Service(dt.date.fromisoformat(notices_before[0][8]), "监护人", "委托送达", "村委会"), today=LATER)
        receipt = db.query(receipts.receipt_of, receipts.NOTICE_KIND, notice_id)
        assert receipt.manner == "委托送达" and receipt.receipt_number.endswith("〔2026〕1号")
        assert db.query(audit_verify.verify).ok
    finally:
        db.close()
