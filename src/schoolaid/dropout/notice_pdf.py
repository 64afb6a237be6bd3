"""The enrollment-urging notice (《敦促入学通知书》) on the 28 × 22 grid, with its tear-off proof of
service (送达回证) below a dashed cut line; one notice or all those due in one PDF, each from a new
page. Issued in the township government's name (Compulsory Education Law, art. 58), prepared by the
school."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common import school_calendar
from schoolaid.common.errors import NotFound
from schoolaid.common.files import atomic_path
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.fonts import Faces
from schoolaid.documents.pdf.layout import (
    BLOCK_WIDTH,
    BOTTOM,
    GRID_LINES,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PITCH,
    TITLE_SIZE,
    GridPage,
    page_number,
    rich,
)
from schoolaid.documents.workbook import chinese_date
from schoolaid.dropout import case_files, notices, rules
from schoolaid.storage.models import DropoutCase, PersuasionAttempt, School, Staff, Student, UrgingNotice
from schoolaid.township import township

TITLE = "敦促入学通知书"


@dataclass(frozen=True)
class NoticeText:
    """What one notice says."""

    document_number: str
    guardian: str
    student: str
    sex: str
    birth_date: dt.date | None
    school: str
    grade: str
    absence_began: dt.date
    school_days_absent: int
    attempts: int
    issued_on: dt.date
    deadline: dt.date
    issuer: str  # 平地镇人民政府
    contact: str
    contact_phone: str

    @property
    def record(self) -> str:
        return f"{self.student}的敦促入学通知书（{self.document_number}）"

    def paragraphs(self) -> list[str]:
        facts = (f"你的子女{self.student}（{self.sex}）系{self.school}{self.grade}学生，自{chinese_date(self.absence_began)}"
                 f"起未到校上学，至今已缺课{self.school_days_absent}个教学日")
        facts += (f"。学校、村民委员会和镇人民政府工作人员先后{self.attempts}次劝返无果。" if self.attempts else "。")
        law = ("根据《中华人民共和国义务教育法》第五条、第十一条，父母或者其他法定监护人应当保证适龄子女按时入学接受"
               "并完成义务教育；第五十八条规定，无正当理由未送适龄子女入学接受义务教育的，由当地乡镇人民政府或者县级"
               "人民政府教育行政部门给予批评教育，责令限期改正。")
        days = (self.deadline - self.issued_on).days
        order = (f"现责令你自接到本通知之日起{days}日内（{chinese_date(self.deadline)}前）送{self.student}到"
                 f"{self.school}报到复学。逾期仍不送子女入学的，将依法作进一步处理。")
        contact = f"联系人：{self.contact}" + (f"，电话：{self.contact_phone}" if self.contact_phone else "")
        return [facts, law, order, contact + "。"]

    def all_text(self) -> str:
        return "".join([TITLE, self.document_number, self.guardian, *self.paragraphs(), self.issuer,
                        chinese_date(self.issued_on)])


def notice_texts(session: Session, notice_ids: Sequence[int]) -> list[NoticeText]:
    """What each notice says, in the order asked (what every notice shares is read once)."""
    issuer = f"{township.township_name(session)}人民政府"
    off = rules.holidays(session)
    heads = {head.school_id: head for head in session.scalars(select(Staff).where(Staff.active.is_(True),
                                                                                  Staff.role == "校长"))}
    texts = []
    for notice_id in notice_ids:
        notice = session.get(UrgingNotice, notice_id)
        if notice is None:
            raise NotFound(translate("Printing", "The notice no longer exists."))
        case = session.get(DropoutCase, notice.case_id)
        assert case is not None
        student = session.get(Student, case.student_id)
        school = session.get(School, case.school_id)
        assert student is not None and school is not None
        # The class teacher answers; the school's head when no class teacher is on the case.
        teacher = session.get(Staff, case.class_teacher_id) if case.class_teacher_id else heads.get(school.id)
        attempts = session.scalar(
            select(func.count(PersuasionAttempt.id)).where(
                PersuasionAttempt.case_id == case.id, PersuasionAttempt.attempt_date <= notice.issued_on,
                PersuasionAttempt.id.not_in(select(PersuasionAttempt.corrects_id).where(
                    PersuasionAttempt.corrects_id.is_not(None))))) or 0
        texts.append(NoticeText(
            document_number=notice.document_number, guardian=notice.guardian, student=student.name,
            sex=student.sex, birth_date=student.birth_date, school=school.name,
            grade=grade_name_zh(case.stage_at, case.grade_at), absence_began=case.absence_began,
            school_days_absent=school_calendar.school_days_between(case.absence_began, notice.issued_on, off), attempts=attempts,
            issued_on=notice.issued_on, deadline=notice.deadline, issuer=issuer,
            contact=(f"{teacher.name}老师" if teacher is not None else f"{school.name}办公室"),
            contact_phone=teacher.phone if teacher is not None else ""))
    return texts


def _draw_notice(canvas: Canvas, faces: Faces, text: NoticeText) -> int:
    """One notice from a new page; returns the pages it took."""
    page = GridPage(canvas, faces)
    pages = 1
    page.centred_text(TITLE, TITLE_SIZE, faces.title)
    page.centred_text(text.document_number, 16, faces.body)
    page.grid_text(f"{text.guardian}：")
    for paragraph in text.paragraphs():
        rest = page.paragraph(paragraph)
        while rest:  # a long notice runs over to the next page
            page_number(canvas, pages, faces)
            canvas.showPage()
            pages += 1
            page = GridPage(canvas, faces)
            for line in rest[:page.lines_left]:
                page.grid_text(line)
            rest = rest[page.lines_left:] if len(rest) > page.lines_left else []
    # The seal (4.2 cm) sits over the issuer and the date, its top within a line of the body: a
    # blank line above them and one below keep it clear of the text and of the cut line.
    if page.lines_left < 3:
        page_number(canvas, pages, faces)
        canvas.showPage()
        pages += 1
        page = GridPage(canvas, faces)
    page.skip(1)
    page.right_aligned(f"{text.issuer}（盖章）", right_cells=2)
    page.right_aligned(chinese_date(text.issued_on), right_cells=4)
    page.skip(1)
    receipt = _receipt(faces, text)
    if page.y_below() - RECEIPT_HEADING - receipt._height < BOTTOM - 0.5:  # the receipt stays in the text block
        page_number(canvas, pages, faces)
        canvas.showPage()
        pages += 1
        page = GridPage(canvas, faces)
    _draw_receipt(canvas, faces, receipt, page.y_below())
    page_number(canvas, pages, faces)
    canvas.showPage()
    return pages


def _receipt(faces: Faces, text: NoticeText) -> Table:
    """The proof of service: the document and its number, the recipient, place and time, the
    recipient's signature or thumbprint, the deliverer's signature — three rows, so that it fits
    under a one-page notice."""
    plain = fonts.register(faces.plain)
    style = ParagraphStyle("receipt", fontName=plain, fontSize=10.5, leading=12, wordWrap="CJK")

    def named(value: str) -> Paragraph:  # names may need a fallback face
        return Paragraph(rich(value, faces.plain, faces), style)

    data = [
        ["送达文书", named(f"{TITLE}（{text.document_number}）"), "受送达人", named(text.guardian)],
        ["送达地点", "", "送达时间", "\u3000年\u3000月\u3000日\u3000时"],
        [named("受送达人签名或按手印"), "", "送达人签名", ""],
    ]
    table = Table(data, colWidths=[24 * mm, 74 * mm, 22 * mm, BLOCK_WIDTH - 120 * mm], rowHeights=[16, 16, 28])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), plain), ("FONTSIZE", (0, 0), (-1, -1), 10.5), ("LEADING", (0, 0), (-1, -1), 12),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    table.wrap(BLOCK_WIDTH, PITCH * GRID_LINES)
    return table


RECEIPT_HEADING = 26  # the cut line and the heading above the table


def _draw_receipt(canvas: Canvas, faces: Faces, table: Table, top: float) -> None:
    """Below a dashed cut line, with a gap for the words saying what to do with it."""
    plain = fonts.register(faces.plain)
    title = fonts.register(faces.title)
    y = top - 2
    label = "沿此线剪下，受送达人签收后交回学校"
    canvas.setFont(plain, 9)
    half = canvas.stringWidth(label, plain, 9) / 2 + 6
    middle = LEFT + BLOCK_WIDTH / 2
    canvas.saveState()
    canvas.setDash(4, 3)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, y, middle - half, y)
    canvas.line(middle + half, y, LEFT + BLOCK_WIDTH, y)
    canvas.restoreState()
    canvas.drawCentredString(middle, y - 3, label)
    canvas.setFont(title, 14)
    canvas.drawCentredString(middle, y - 17, "送 达 回 证")
    table.drawOn(canvas, LEFT, top - RECEIPT_HEADING - table._height)


@requires(Permission.EXPORT)
def write_notices(session: Session, actor: Actor, notice_ids: Sequence[int], path: Path,
                  progress: Progress = NO_PROGRESS) -> int:
    """The notices in one PDF, each from a new page; every character checked before anything is
    drawn. Returns the number of pages."""
    faces = fonts.choose_faces()
    texts = notice_texts(session, notice_ids)
    for text in texts:
        fonts.check(text.all_text(), faces, text.record)
    pages = 0
    with atomic_path(path) as temporary:
        # The initial font is one of ours: reportlab's default (Helvetica) would be named, never embedded.
        canvas = Canvas(str(temporary), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1,
                        initialFontName=fonts.register(faces.body))
        canvas.setTitle(TITLE if len(texts) == 1 else f"{TITLE}（{len(texts)}份）")
        canvas.setAuthor("SchoolAid 校助")
        for position, text in enumerate(texts):
            pages += _draw_notice(canvas, faces, text)
            progress.report((position + 1) / max(len(texts), 1))
        canvas.save()
    return pages


@requires(Permission.EXPORT)
def print_case_notice(session: Session, actor: Actor, case_id: int, path: Path,
                      today: dt.date, progress: Progress = NO_PROGRESS) -> notices.NoticeView:
    """The case's notice as a PDF: its latest notice again, or a new one issued today (recorded on
    the case in the same transaction: if the PDF cannot be written, no notice is issued)."""
    case_files.get_case(session, case_id)  # says so if the case is gone
    if not notices.notices(session, case_id):
        notices.issue_notice(session, actor, case_id, today, today=today)
    latest = notices.notices(session, case_id)[-1]
    write_notices(session, actor, [latest.id], path, progress)
    return latest


@requires(Permission.ISSUE_NOTICE)
def print_due_notices(session: Session, actor: Actor, path: Path, today: dt.date,
                      progress: Progress = NO_PROGRESS) -> list[int]:
    """Issue a notice on every case where repeated attempts failed and none was issued, and print
    them all in one PDF (all or none: the issue is undone if the PDF cannot be written)."""
    due = [case for case in case_files.list_cases(session, open_only=True) if case.notice_due]
    ids = [notices.issue_notice(session, actor, case.id, today, today=today) for case in due]
    if ids:
        write_notices(session, actor, ids, path, progress)
    return ids
