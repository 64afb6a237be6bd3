"""Dropout-control documents as .xlsx: the three ledgers (适龄儿童、疑似辍学、辍学), the case list,
and the term-start dropout report. Chinese whatever the interface language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.progress import BATCH, NO_PROGRESS, Progress
from schoolaid.documents.workbook import cell, chinese_date, start_sheet, workbook_to
from schoolaid.dropout import case_files, ledgers, rules, term_report
from schoolaid.dropout.ledgers import LedgerRow
from schoolaid.reconcile import village_counts
from schoolaid.reconcile.differences import KIND_ORDER
from schoolaid.township import township

LEDGER_HEADERS = ("序号", "姓名", "性别", "出生日期", "年龄", "学校", "年级班级", "村", "监护人", "学籍状态", "比对情况",
                  "说明")
LEDGER_WIDTHS = (7, 10, 6, 12, 6, 18, 14, 12, 10, 10, 24, 40)


def _ledger_sheet(workbook, name: str, title: str, subtitle: str, rows: list[LedgerRow],  # noqa: ANN001
                  progress: Progress = NO_PROGRESS) -> None:
    sheet = start_sheet(workbook, name, title, subtitle, LEDGER_HEADERS, LEDGER_WIDTHS, freeze="C4")
    for number, row in enumerate(rows, start=1):
        sheet.append([number, row.name, row.sex, cell(sheet, row.birth_date, date=True), row.age, row.school, row.grade,
                      row.village, row.guardian, row.status_text, row.reconcile, row.note])
        if number % BATCH == 0:
            progress.rows(number, len(rows))
    sheet.append(["", "合计", f"{len(rows)}人"])
    progress.report(1.0)


@requires(Permission.EXPORT)
def export_ledgers(session: Session, actor: Actor, path: Path, today: dt.date,
                   progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """The three ledgers national practice asks for, one sheet each. A child brought back is written
    off (劝返一个、销号一个): the lists show the situation of the day; the case files keep the history."""
    name = township.township_name(session)
    school_age = ledgers.school_age_ledger(session, today)
    progress.report(0.3)
    suspected = ledgers.suspected_ledger(session, today)
    progress.report(0.4)
    dropouts = ledgers.dropout_ledger(session, today)
    progress.report(0.5)  # the three lists are worked out; now their rows
    with workbook_to(path) as workbook:
        date_line = f"统计日期：{chinese_date(today)}"
        _ledger_sheet(workbook, "适龄儿童", f"{name}义务教育适龄儿童台账",
                      f"{date_line}    {ledgers.school_age_counts(school_age)}", school_age, progress.part(0.5, 0.8))
        _ledger_sheet(workbook, "疑似辍学", f"{name}疑似辍学学生台账",
                      f"{date_line}    无故连续缺课 {rules.setting(session, 'dropout.suspect_school_days')} 个教学日以上"
                      f"    共 {len(suspected)} 人", suspected, progress.part(0.8, 0.85))
        _ledger_sheet(workbook, "辍学", f"{name}辍学学生台账",
                      f"{date_line}    疑似辍学满 {rules.setting(session, 'dropout.dropout_days')} 天仍未返校    "
                      f"共 {len(dropouts)} 人    劝返一个、销号一个", dropouts, progress.part(0.85, 0.9))
        progress.saving()
    return {"school_age": len(school_age), "suspected": len(suspected), "dropouts": len(dropouts)}


@requires(Permission.EXPORT)
def export_cases(session: Session, actor: Actor, path: Path, today: dt.date, progress: Progress = NO_PROGRESS) -> int:
    """Every case file with its latest state, open ones first."""
    cases = case_files.list_cases(session)
    progress.report(0.3)  # the cases are read; now the rows
    writing = progress.part(0.3, 1.0)
    with workbook_to(path) as workbook:
        sheet = start_sheet(workbook, "控辍保学档案", f"{township.township_name(session)}控辍保学工作台账",
                            f"导出日期：{chinese_date(today)}    共 {len(cases)} 件，劝返中 "
                            f"{sum(1 for c in cases if c.status.is_open)} 件",
                            ("编号", "姓名", "性别", "学校", "辍学时年级", "村", "监护人", "辍学原因", "缺课开始", "立案日期",
                             "状态", "结案日期", "劝返次数", "最近工作", "敦促入学通知书", "返校期限", "送达日期"),
                            (7, 10, 6, 18, 10, 12, 10, 18, 12, 12, 10, 12, 9, 12, 22, 12, 12), freeze="C4")
        for number, case in enumerate(cases, start=1):
            notice = case.notice
            deadline = notice.deadline.isoformat() if notice else ""
            if case.notice_expired(today):
                deadline += "（已逾期）"
            sheet.append([case.id, case.student, case.sex, case.school, case.grade, case.village, case.guardian,
                          case.reason.value, cell(sheet, case.absence_began, date=True),
                          cell(sheet, case.opened_on, date=True), case.status.value,
                          cell(sheet, case.closed_on, date=True), case.attempts, cell(sheet, case.last_action, date=True),
                          notice.document_number if notice else "", deadline,
                          cell(sheet, notice.served_on, date=True) if notice else ""])
            if number % BATCH == 0:
                writing.rows(number, len(cases))
        progress.saving()
    return len(cases)


@requires(Permission.EXPORT)
def export_term_report(session: Session, actor: Actor, path: Path, today: dt.date,
                       progress: Progress = NO_PROGRESS) -> int:
    """The data of the term-start dropout report: counts per school and the dropouts by name."""
    report = term_report.term_report(session, today)
    progress.report(0.8)
    with workbook_to(path) as workbook:
        sheet = start_sheet(workbook, "分校统计", report.title,
                            f"统计日期：{chinese_date(report.as_of)}    返校人数自{chinese_date(report.since)}起计",
                            ("学校", "在读人数", "疑似辍学", "辍学", "劝返复学", "劝返中案件", "辍学率"),
                            (20, 10, 10, 8, 10, 11, 10))
        for line in [*report.schools, report.total]:
            rate = cell(sheet, line.rate)
            rate.number_format = "0.00%"
            sheet.append([line.school, line.enrolled, line.suspected, line.dropouts, line.returned, line.open_cases, rate])
        names = start_sheet(workbook, "辍学学生名单", f"{report.title}——辍学学生名单",
                            f"共 {len(report.dropouts)} 人", ("序号", "姓名", "性别", "学校", "年级班级", "村", "监护人",
                                                            "缺课开始", "辍学原因", "劝返次数", "目前状况", "补救措施"),
                            (7, 10, 6, 18, 14, 12, 10, 12, 18, 9, 30, 30))
        for number, child in enumerate(report.dropouts, start=1):
            names.append([number, child.name, child.sex, child.school, child.grade, child.village, child.guardian,
                          child.since, child.reason, child.attempts, child.situation, child.remedies])
        if report.reconcile:
            heads = [village_counts.KIND_HEADS[kind] for kind in KIND_ORDER]
            compared = start_sheet(workbook, "比对情况", f"{report.title}——四查三比对情况",
                                   "数字为尚待入户核查的差异条数；本学期核查为本学期记录的核查结果条数",
                                   ("村", *heads, "本学期核查"), (14, *([12] * (len(heads) + 1))))
            for village in [*report.reconcile, village_counts.total(report.reconcile)]:
                compared.append([village.village, *village.row()])
        progress.saving()
    return len(report.dropouts)
