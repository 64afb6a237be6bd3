"""The monthly report (一月一报告): its figures at the month's boundaries, and its PDF."""

from __future__ import annotations

import datetime as dt

import pytest

from schoolaid.common.errors import ValidationFailed
from schoolaid.dropout import case_files, monthly_report
from schoolaid.reporting import monthly
from schoolaid.roster import roster, transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from tests.conftest import school_id
from tests.core.test_printouts import (
    A4,
    assert_fonts_embedded_and_subset,
    assert_no_line_starts_with_closing_punctuation,
    failed_attempt,
    leftovers,
    open_case,
    page_sizes,
    page_texts,
    pupil,
)

TODAY = dt.date(2026, 11, 20)
OCTOBER = (2026, 10)
DROPPED = EnrollmentStatus.DROPPED_OUT
BACK = EnrollmentStatus.ENROLLED
AWAY = EnrollmentStatus.TRANSFERRED_OUT


@pytest.fixture
def october(township_db, actor):
    """October 2026 at the central school: pupils leaving on 30 September, 1 and 31 October and 1 November;
    one back from 辍学 on 31 October; transfers out in and after the month, one confirmed; a case open
    from October. At 波西村小学 one pupil who stays."""
    db = township_db

    def change(name: str, status: EnrollmentStatus, day: dt.date) -> None:
        destination = "攀枝花市第二小学" if status is AWAY else ""
        db.run(roster.change_status, actor, db_ids[name], status, day, "家长带走", destination, today=TODAY)

    names = ["九月底", "十月一", "十月底", "十一月", "回来了", "转出甲", "转出乙", "转出丙", "在读", "劝返生"]
    db_ids = {name: pupil(db, actor, name, n) for n, name in enumerate(names, start=1)}
    db_ids["村小"] = pupil(db, actor, "村小", 20, school_id=school_id(db, "波西村小学"))
    change("九月底", DROPPED, dt.date(2026, 9, 30))
    change("十月一", DROPPED, dt.date(2026, 10, 1))
    change("十月底", DROPPED, dt.date(2026, 10, 31))
    change("十一月", DROPPED, dt.date(2026, 11, 1))
    change("回来了", DROPPED, dt.date(2026, 9, 15))
    change("回来了", BACK, dt.date(2026, 10, 31))
    change("转出甲", AWAY, dt.date(2026, 10, 10))
    change("转出乙", AWAY, dt.date(2026, 10, 20))
    change("转出丙", AWAY, dt.date(2026, 11, 1))
    [confirmed] = [t for t in db.query(transfers.current_transfers) if t.student == "转出乙"]
    db.run(transfers.confirm_transfer, actor, confirmed.id, transfers.Confirmation("电话", "接收学校教务处",
                                                                                  dt.date(2026, 10, 25)), today=TODAY)
    case = open_case(db, actor, db_ids["劝返生"], dt.date(2026, 10, 12))
    failed_attempt(db, actor, case, dt.date(2026, 10, 20))
    return db, db_ids


def test_the_months_figures_count_its_first_and_last_day_and_not_the_days_around(october) -> None:
    db, _ids = october
    report = db.query(monthly_report.monthly_report, *OCTOBER, TODAY)
    assert report.title == "平地镇2026年10月控辍保学月报"
    assert (report.first, report.as_of) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    lines = {line.school: line for line in report.schools}
    central = lines["平地镇中心校"]
    # At the start: all ten but 九月底 (gone on 30 September) and 回来了 (辍学 since 15 September).
    assert central.enrolled_at_start == 8
    # At the end: less 十月一, 十月底 and the two transfers of October; plus 回来了; 十一月 still in.
    assert central.enrolled_at_end == 8 - 2 - 2 + 1
    assert (central.new_dropouts, central.returned) == (2, 1)
    assert (central.transfers_confirmed, central.transfers_unconfirmed) == (1, 1)
    assert central.open_cases == 1
    # 劝返生 absent from 12 October: a suspected dropout new in the month.
    assert central.new_suspected == 1
    assert lines["波西村小学"].row() == [1, 1, 0, 0, 0, 0, 0, 0]
    assert report.total.row() == [9, 6, 1, 2, 1, 1, 1, 1]
    [case] = report.open_cases
    assert (case.name, case.attempts, case.step) == ("劝返生", 1, "劝返中，已劝返1次")


def test_the_month_after_sees_the_first_of_november(october) -> None:
    db, _ids = october
    report = db.query(monthly_report.monthly_report, 2026, 11, TODAY)
    assert report.as_of == TODAY  # a month not over: up to the report day
    central = {line.school: line for line in report.schools}["平地镇中心校"]
    assert (central.enrolled_at_start, central.new_dropouts, central.returned) == (5, 1, 0)
    assert (central.transfers_confirmed, central.transfers_unconfirmed) == (0, 1)
    # 转出甲's transfer of 10 October, unconfirmed after 30 days: suspected from 10 November (劝返生, suspected
    # on 31 October, is not new).
    assert central.new_suspected == 1


def test_a_case_closed_in_the_month_is_not_open_at_its_end(october, actor) -> None:
    db, _ids = october
    [case] = db.query(case_files.list_cases)
    db.run(case_files.move_case, actor, case.id, "已返校", dt.date(2026, 10, 31), today=TODAY,
           return_date=dt.date(2026, 10, 31), placement="单独编班")
    assert db.query(monthly_report.monthly_report, *OCTOBER, TODAY).open_cases == []
    assert [c.name for c in db.query(monthly_report.monthly_report, 2026, 9, TODAY).open_cases] == []


@pytest.mark.parametrize(("year", "month", "code"), [
    (2026, 13, "month.range"), (2026, 0, "month.range"), (1999, 5, "month.range"),
    (2026, 12, "month.future"),  # TODAY is in November
])
def test_a_month_that_is_not_one_or_has_not_begun_is_refused(township_db, actor, tmp_path, year, month,
                                                            code) -> None:
    with pytest.raises(ValidationFailed) as refused:
        township_db.query(monthly.write_monthly, actor, year, month, tmp_path / "月报.pdf", today=TODAY)
    assert {p.code for p in refused.value.problems} == {code}
    assert leftovers(tmp_path) == []


def test_the_monthly_report_pdf(october, actor, tmp_path) -> None:
    db, _ids = october
    path = tmp_path / "月报.pdf"
    pages = db.query(monthly.write_monthly, actor, *OCTOBER, path, today=TODAY)
    texts = page_texts(path)
    assert pages == len(texts)
    lines = [line for text in texts for line in text.splitlines()]
    text = "\n".join(lines)
    assert lines[0] == "平地镇2026年10月控辍保学月报"
    assert "统计时段：2026年10月1日至2026年10月31日" in text
    for row in ("平地镇中心校 8 5 1 2 1 1 1 1", "波西村小学 1 1 0 0 0 0 0 0", "合计 9 6 1 2 1 1 1 1"):
        assert row in lines, row
    assert "由辍学变回在读" in text.replace("\n", "")  # the note says how 劝返复学 is counted
    assert "二、劝返中的档案" in lines and "劝返生" in text and "劝返中，已劝返1次" in text
    assert "三、四查三比对情况" in lines and "尚未导入" in text
    assert "平地镇中心校（盖章）" in text
    assert f"第 1 页 共 {pages} 页" in texts[0]
    assert "审计链：共" in texts[-1]  # the audit chain's line at the foot
    assert_no_line_starts_with_closing_punctuation(lines)
    assert all(size == pytest.approx(A4, abs=1) for size in page_sizes(path))
    assert_fonts_embedded_and_subset(path)



@pytest.mark.parametrize(("today", "month"), [
    (dt.date(2026, 11, 1), (2026, 10)), (dt.date(2026, 11, 24), (2026, 10)),  # the month just ended …
    (dt.date(2026, 11, 25), (2026, 11)), (dt.date(2026, 11, 30), (2026, 11)),  # … or this one, late in it
    (dt.date(2027, 1, 3), (2026, 12)),
])
def test_the_month_an_aid_officer_reports(today, month) -> None:
    assert monthly_report.month_to_report(today) == month
