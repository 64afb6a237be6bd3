"""Ledger documents: the ledger in the bureau's columns, the public notice of recipients (公示名单,
masked), and the parents' sign-off sheet (签领表). Chinese whatever the interface language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, check, requires
from schoolaid.common.progress import BATCH, NO_PROGRESS, Progress
from schoolaid.documents.workbook import cell, chinese_date, start_sheet, workbook_to
from schoolaid.ledger import assessment, batches, coverage, currency, entry_search, posting
from schoolaid.ledger.entry_search import EntryFilter
from schoolaid.ledger.vocabulary import EntryKind
from schoolaid.roster import categories, idnumber, roster
from schoolaid.storage.database import record_first
from schoolaid.storage.models import Household, LedgerBatch, LedgerEntry, Student
from schoolaid.township import township

LEDGER_HEADERS = ("序号", "姓名", "性别", "身份证号", "学校", "年级", "班级", "家庭类别", "寄宿", "认定等级", "资助项目",
                  "资金来源", "期间", "资助标准", "月数", "金额", "发放日期", "凭证号", "录入人", "备注")
LEDGER_WIDTHS = (7, 9, 5, 21, 15, 10, 8, 14, 5, 9, 14, 16, 9, 9, 6, 10, 11, 12, 8, 30)
MONEY = "#,##0.00"


def _money(sheet, fen: int):  # noqa: ANN001, ANN202 - an openpyxl cell
    result = cell(sheet, currency.yuan(fen))
    result.number_format = MONEY
    return result


def _students_of(session: Session, entry_ids: list[int]) -> int:
    """How many students these entries are about."""
    students: set[int] = set()
    for start in range(0, len(entry_ids), 500):
        students.update(session.scalars(select(func.distinct(LedgerEntry.student_id)).where(
            LedgerEntry.id.in_(entry_ids[start:start + 500]))))
    return len(students)


@requires(Permission.EXPORT)
def export_ledger(session: Session, actor: Actor, path: Path, flt: EntryFilter | None = None, *,
                  full_ids: bool = False, today: dt.date, progress: Progress = NO_PROGRESS) -> int:
    """The entries the filter selects, oldest first, in the columns the education bureau asks for;
    returns how many. With full ID numbers, the export is on the record with the number of students
    in it before the file exists."""
    if full_ids:
        check(session, actor, Permission.VIEW_FULL_ID)
    ids = list(reversed(entry_search.search_entry_ids(session, flt or EntryFilter())))
    if full_ids:
        record_first(session, roster.record_id_export, actor, _students_of(session, ids), str(path))
    covered = _months_covered(session, ids, flt or EntryFilter())
    with workbook_to(path) as workbook:
        sheet = start_sheet(workbook, "资助台账", f"{township.township_name(session)}学生资助台账",
                            f"期间：{covered}    导出日期：{chinese_date(today)}    共 {len(ids)} 条    经办人：{actor.name}" +
                            ("" if full_ids else "    （身份证号已隐去中间数字）"), LEDGER_HEADERS, LEDGER_WIDTHS, freeze="C4")
        total = 0
        writing = progress.part(0.0, 0.9)  # the rows; then the file is saved
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            rows = entry_search.fetch_entry_rows(session, chunk)
            students = {row.student_id for row in rows.values()}
            kinds = _household_categories(session, students, today)
            levels = assessment.assessed_levels(session, students, today)
            for number, entry_id in enumerate(chunk, start=start + 1):
                row = rows[entry_id]
                total += row.amount_fen
                remark = row.kind.chinese
                if row.reverses_id:
                    remark = f"冲销第 {row.reverses_id} 条：{row.reason}"
                elif row.replaces_id:
                    remark = f"更正第 {row.replaces_id} 条：{row.reason}"
                elif row.reversed_by:
                    remark += f"（已由第 {row.reversed_by} 条冲销）"
                remark = f"[{row.id}] {remark}"
                number_text = (row.id_number or "") if full_ids else idnumber.mask(row.id_number)
                sheet.append([number, row.student, row.sex, cell(sheet, number_text, text=True), row.school, row.grade,
                              row.class_name, kinds.get(row.student_id, ""), "是" if row.boarder else "否",
                              levels.get(row.student_id, ""), row.programme, row.funding_source, row.period,
                              _money(sheet, row.standard_fen), row.months, _money(sheet, row.amount_fen),
                              cell(sheet, row.paid_on, date=True), cell(sheet, row.voucher_no, text=True), row.posted_by,
                              remark])
            writing.rows(start + len(chunk), len(ids))
        sheet.append(["", "合计", *[""] * 13, _money(sheet, total)])
        sheet.append([])
        sheet.append(["", f"经办人：{actor.name}", "", "", "", "审核人：", "", "", "", "", "负责人："])
        progress.saving()
    return len(ids)


def _months_covered(session: Session, ids: list[int], flt: EntryFilter) -> str:
    """The period the export covers: the filter's months, else the first and last month of its entries."""
    first, last = flt.month_from, flt.month_to
    if ids and not (first and last):
        low, high = session.execute(select(func.min(LedgerEntry.month), func.max(LedgerEntry.month))
                                    .where(*entry_search.entry_conditions(flt))).one()
        first, last = first or low or "", last or high or ""
    return f"{first}至{last}" if first or last else "—"


def _household_categories(session: Session, student_ids: set[int], today: dt.date) -> dict[int, str]:
    """家庭类别 as printed, with 低保 and 特困 after it: 脱贫户、低保."""
    found = {}
    ordered = sorted(student_ids)
    for start in range(0, len(ordered), 500):
        for household, student_id in session.execute(
                select(Household, Student.id).join(Student, Student.household_id == Household.id)
                .where(Student.id.in_(ordered[start:start + 500]))):
            parts = [categories.category_label(household, today)]
            parts += [name for name, holds in (("低保", household.dibao), ("特困", household.tekun)) if holds]
            found[student_id] = "、".join(p for p in parts if p)
    return found


def _batch_standards(session: Session, batch_id: int, per: str) -> str:
    """The standards the batch was posted at (as its entries keep them): 625.00元、375.00元每学期."""
    found = sorted(set(session.scalars(select(LedgerEntry.standard_fen).where(
        LedgerEntry.batch_id == batch_id, LedgerEntry.kind != EntryKind.REVERSAL.value))), reverse=True)
    unit = {"month": "每月", "term": "每学期", "day": "每天"}.get(per, "")
    return "、".join(f"{currency.format_yuan(fen)}元" for fen in found) + unit


def batch_lines(session: Session, batch_id: int) -> tuple[LedgerBatch, list[posting.StudentLine]]:
    batch = batches.get_batch(session, batch_id)
    amounts = {sid: amount for sid, amount in session.execute(
        select(LedgerEntry.student_id, LedgerEntry.amount_fen).where(LedgerEntry.batch_id == batch_id,
                                                                     LedgerEntry.kind != EntryKind.REVERSAL.value))}
    lines = posting.student_lines(session, amounts, 0)
    for line in lines:
        line.amount_fen = amounts[line.student_id]
    return batch, lines


@requires(Permission.EXPORT)
def export_notice(session: Session, actor: Actor, batch_id: int, path: Path, today: dt.date,
                  progress: Progress = NO_PROGRESS) -> int:
    """The public notice of recipients (公示名单): names, schools, grades and amounts only — no ID
    numbers, addresses or phones, as the national student-aid centre requires."""
    batch, lines = batch_lines(session, batch_id)
    programme = batch.programme
    name = township.township_name(session)
    notice = (f"公示期：{chinese_date(batch.notice_from)}至{chinese_date(batch.notice_to)}"
              if batch.notice_from and batch.notice_to else f"公示期：{batches.notice_working_days(session)}个工作日")
    phone = f"异议电话：{batch.notice_phone}" if batch.notice_phone else ""
    with workbook_to(path) as workbook:
        sheet = start_sheet(workbook, "公示", f"{name}{programme.name}受助学生名单公示（{batch.period}）",
                            f"{notice}    如有异议，请在公示期内向学校资助工作办公室反映。{phone}",
                            ("序号", "姓名", "学校", "年级", "资助项目", "资助金额（元）"),
                            (7, 10, 18, 12, 16, 14))
        for number, line in enumerate(lines, start=1):
            sheet.append([number, line.name, line.school, line.grade, programme.name, _money(sheet, line.amount_fen)])
            if number % BATCH == 0:
                progress.rows(number, len(lines))
        sheet.append(["", "合计", f"{len(lines)}人", "", "", _money(sheet, sum(line.amount_fen for line in lines))])
        sheet.append([])
        sheet.append(["", f"{name}中心校（盖章）    {chinese_date(today)}"])
        progress.saving()
    return len(lines)


@requires(Permission.EXPORT)
def export_sign_off(session: Session, actor: Actor, batch_id: int, path: Path, today: dt.date,
                    progress: Progress = NO_PROGRESS) -> int:
    """The parents' sign-off sheet (签领表) for a batch: one line per child, signed on receipt."""
    batch, lines = batch_lines(session, batch_id)
    programme = batch.programme
    guardians = {sid: guardian for sid, guardian in session.execute(
        select(Student.id, Student.guardian_name).where(Student.id.in_([line.student_id for line in lines])))}
    with workbook_to(path) as workbook:
        sheet = start_sheet(workbook, "签领表", f"{programme.name}签领表（{batch.period}）",
                            f"单位：{township.township_name(session)}    资助标准：{_batch_standards(session, batch_id, programme.per)}"
                            f"    打印日期：{chinese_date(today)}",
                            ("序号", "姓名", "学校", "年级", "监护人", "金额（元）", "领取人签字", "与学生关系", "领取日期"),
                            (7, 10, 18, 12, 10, 12, 14, 10, 12))
        for number, line in enumerate(lines, start=1):
            sheet.append([number, line.name, line.school, line.grade, guardians.get(line.student_id, ""),
                          _money(sheet, line.amount_fen), "", "", ""])
            if number % BATCH == 0:
                progress.rows(number, len(lines))
        sheet.append(["", "合计", f"{len(lines)}人", "", "", _money(sheet, sum(line.amount_fen for line in lines))])
        sheet.append([])
        sheet.append(["", "经办人：", "", "", "审核人：", "", "校长："])
        sheet.append([])
        sheet.append(["", audit_verify.paper_line(session)])
        progress.saving()
    return len(lines)


@requires(Permission.EXPORT)
def export_gaps(session: Session, actor: Actor, period: str, path: Path, today: dt.date,
                progress: Progress = NO_PROGRESS) -> int:
    """The eligible students with no aid in a month or quarter, to follow up."""
    found = coverage.gaps(session, period, today)
    progress.report(0.5)  # who was missed is worked out; now the rows
    writing = progress.part(0.5, 1.0)
    with workbook_to(path) as workbook:
        sheet = start_sheet(workbook, "资助覆盖缺口", f"{township.township_name(session)}资助覆盖缺口（{period}）",
                            f"符合条件但未资助的学生    统计日期：{chinese_date(today)}    共 {len(found)} 项",
                            ("序号", "姓名", "学校", "年级", "村", "资助项目", "期间", "应资助金额（元）"),
                            (7, 10, 18, 12, 10, 16, 10, 14))
        for number, gap in enumerate(found, start=1):
            sheet.append([number, gap.name, gap.school, gap.grade, gap.village, gap.programme, gap.period,
                          _money(sheet, gap.amount_fen)])
            if number % BATCH == 0:
                writing.rows(number, len(found))
        progress.saving()
    return len(found)
