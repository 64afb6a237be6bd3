"""The payment batch's 公示表: the list of a batch's recipients posted at the school before payment.

It shows only what 教财厅函〔2017〕28号 allows (docs/sources/student-aid-2024.md §6): name, school,
grade, class and the amount — never the ID number, address, phone, birth date or bank card — and the
dates of the notice and the phone for objections. Modelled on the assessment's 公示表
(hardship_printouts.write_publicity).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.school_calendar import Term
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.layout import BLOCK_WIDTH, Story, build
from schoolaid.documents.workbook import chinese_date
from schoolaid.ledger import batches, currency
from schoolaid.ledger.vocabulary import EntryKind
from schoolaid.storage.models import LedgerEntry, School, Student
from schoolaid.township import township


@dataclass(frozen=True)
class NoticeLine:
    """One line of the 公示表: nothing else about the child is printed."""

    name: str
    school: str
    grade: str
    class_name: str
    amount_fen: int


def period_label(period: str) -> str:
    """2026-09 → 2026年9月; 2026秋 → 2026年秋季 (a term's grant)."""
    try:
        return Term.from_key(period).label
    except ValueError:
        pass
    year, _, month = period.partition("-")
    return f"{year}年{int(month)}月" if year.isdigit() and month.isdigit() else period


def notice_lines(session: Session, batch_id: int) -> list[NoticeLine]:
    """The batch's recipients, by school, grade, class and name: each student's amount as the ledger
    keeps it for the batch (reversals left out, a replacement over the entry it replaces, as
    export.batch_lines)."""
    rows = session.execute(
        select(Student.id, Student.name, School.name, Student.stage, Student.grade, Student.class_name,
               Student.name_pinyin, LedgerEntry.amount_fen)
        .join(Student, LedgerEntry.student_id == Student.id).join(School, Student.school_id == School.id)
        .where(LedgerEntry.batch_id == batch_id, LedgerEntry.kind != EntryKind.REVERSAL.value)
        .order_by(LedgerEntry.id))
    by_student = {row[0]: row[1:] for row in rows}
    ordered = sorted(by_student.values(), key=lambda r: (r[1], r[2] or "", r[3] or 0, r[4] or "", r[5] or "", r[0]))
    return [NoticeLine(name, school, grade_name_zh(stage, grade), class_name, amount)
            for name, school, stage, grade, class_name, _key, amount in ordered]


@requires(Permission.EXPORT)
def write_batch_notice(session: Session, actor: Actor, batch_id: int, path: Path, today: dt.date,
                       progress: Progress = NO_PROGRESS) -> int:
    """The 公示表 of a payment batch: the dates, one line per student (序号, 姓名, 学校, 年级, 班级,
    金额), the total, the phone for objections and the school's signature. Returns the pages."""
    batch = batches.get_batch(session, batch_id)
    lines = notice_lines(session, batch_id)
    faces = fonts.choose_faces()
    story = Story(faces)
    styles = story.styles
    township_name = township.township_name(session)
    title = f"{batch.programme.name}{period_label(batch.period)}资助名单公示"
    story.add(title, styles.title, "标题")
    dates = (f"{chinese_date(batch.notice_from)}至{chinese_date(batch.notice_to)}"
             if batch.notice_from and batch.notice_to
             else f"{batches.notice_working_days(session)}个工作日（日期未登记）")
    story.add(f"单位：{township_name}　　公示期：{dates}", styles.subtitle, "副标题")
    story.add(f"经个人申请、学校审核，下列学生拟享受{batch.programme.name}，现予公示。", styles.body, "说明")
    story.table(["序号", "姓名", "学校", "年级", "班级", "金额（元）"],
                [[n, line.name, line.school, line.grade, line.class_name, currency.format_yuan(line.amount_fen)]
                 for n, line in enumerate(lines, start=1)],
                [14 * mm, 26 * mm, 46 * mm, 24 * mm, 18 * mm, BLOCK_WIDTH - 128 * mm],
                lambda i: f"学生“{lines[i].name}”", numeric=(0, 5), padding=4,
                total=["", "合计", f"{len(lines)}人", "", "", currency.format_yuan(sum(x.amount_fen for x in lines))])
    story.flowables.append(Spacer(1, 10))
    phone = batch.notice_phone or "＿＿＿＿＿＿＿＿"
    story.add(f"公示期间如有异议，请向学校资助工作办公室反映。异议电话：{phone}", styles.body, "说明")
    story.flowables.append(Spacer(1, 24))
    right = styles.body_plain.clone("right", alignment=2)
    story.add(f"{township_name}中心校（盖章）", right, "署名")
    story.add(chinese_date(batch.notice_from or today), right, "日期")
    progress.report(0.6)
    return build(path, story, title=title, foot_note=audit_verify.paper_line(session))
