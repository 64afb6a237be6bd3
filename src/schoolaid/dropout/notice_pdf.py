"""The enrollment-urging notice (《敦促入学通知书》) on the 28 × 22 grid, with its tear-off proof of
service (送达回证) below a dashed cut line; one notice or all those due in one PDF, each from a new
page. Issued in the township government's name (Compulsory Education Law, art. 58), prepared by the
school. Its account of the persuasion is the log's failed attempts up to the notice's day, and its
text is kept when issued: printing again prints what was issued."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common import school_calendar
from schoolaid.common.errors import NotFound
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.documents.workbook import chinese_date
from schoolaid.dropout import case_files, document_pdf, legal_basis, notices, receipts, rules
from schoolaid.dropout.vocabulary import Party
from schoolaid.storage.models import (
    DropoutCase,
    Household,
    School,
    ServiceReceipt,
    Staff,
    Student,
    UrgingNotice,
    Village,
)
from schoolaid.township import township

TITLE = notices.TITLE


@dataclass(frozen=True)
class AttemptLine:
    """One failed attempt as the notice states it: the day, who took part, how."""

    attempt_date: dt.date
    parties: tuple[str, ...]  # as printed: 学校, 大田村民委员会, 平地镇人民政府
    method: str


@dataclass(frozen=True)
class NoticeText:
    """What one notice says, fixed when it is issued (``freeze``) so that a reprint says the same."""

    document_number: str
    guardian: str
    student: str
    sex: str
    birth_date: dt.date | None
    school: str
    grade: str
    absence_began: dt.date
    school_days_absent: int
    attempts: tuple[AttemptLine, ...]
    issued_on: dt.date
    deadline: dt.date
    issuer: str  # 平地镇人民政府
    contact: str
    contact_phone: str

    @property
    def record(self) -> str:
        return f"{self.student}的敦促入学通知书（{self.document_number}）"

    def account(self) -> str:
        """The persuasion as the log shows it: how many failed attempts, when, by whom."""
        if not self.attempts:
            return ""
        everyone: list[str] = []
        for line in self.attempts:
            everyone += [p for p in line.parties if p not in everyone]
        who = _joined(everyone)
        items = "；".join(f"{chinese_date(a.attempt_date)}，{_joined(list(a.parties))}（{a.method}）"
                         for a in self.attempts)
        return f"{who}工作人员先后{len(self.attempts)}次劝返无果：{items}。"

    def paragraphs(self) -> list[str]:
        facts = (f"你的子女{self.student}（{self.sex}）系{self.school}{self.grade}学生，自{chinese_date(self.absence_began)}"
                 f"起未到校上学，至今已缺课{self.school_days_absent}个教学日。") + self.account()
        law = legal_basis.grounds(legal_basis.NOTICE_ARTICLES)
        days = (self.deadline - self.issued_on).days
        order = (f"现责令你自接到本通知之日起{days}日内（{chinese_date(self.deadline)}前）送{self.student}到"
                 f"{self.school}报到复学。逾期仍不送子女入学的，将依法作进一步处理。")
        contact = f"联系人：{self.contact}" + (f"，电话：{self.contact_phone}" if self.contact_phone else "")
        return [facts, law, order, contact + "。"]

    def all_text(self) -> str:
        return "".join([TITLE, self.document_number, self.guardian, *self.paragraphs(), self.issuer,
                        chinese_date(self.issued_on)])


def _joined(names: list[str]) -> str:
    """学校、大田村民委员会和平地镇人民政府."""
    return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1]


def freeze(text: NoticeText) -> str:
    """The notice's text as stored when issued."""
    values = asdict(text)
    return json.dumps(values, ensure_ascii=False, default=lambda day: day.isoformat())


def thaw(stored: str) -> NoticeText:
    values = json.loads(stored)
    for name in ("birth_date", "absence_began", "issued_on", "deadline"):
        values[name] = dt.date.fromisoformat(values[name]) if values[name] else None
    values["attempts"] = tuple(AttemptLine(dt.date.fromisoformat(a["attempt_date"]), tuple(a["parties"]), a["method"])
                               for a in values["attempts"])
    return NoticeText(**values)


def party_names(session: Session, student: Student) -> dict[Party, str]:
    """How the notice names each party: the school, the child's village committee, the township."""
    household = session.get(Household, student.household_id) if student.household_id else None
    village = session.get(Village, household.village_id) if household is not None and household.village_id else None
    village_name = village.name if village is not None else ""
    # The formal name: 波西村村民委员会 (a village named without 村 gets it: 大田 → 大田村村民委员会).
    committee = f"{village_name if village_name.endswith('村') or not village_name else village_name + '村'}村民委员会"
    return {Party.SCHOOL: "学校", Party.VILLAGE: committee,
            Party.TOWNSHIP: f"{township.township_name(session)}人民政府"}


def attempt_lines(session: Session, case: DropoutCase, student: Student, until: dt.date) -> tuple[AttemptLine, ...]:
    """The case's failed attempts that count, up to a day, as the documents state them."""
    names = party_names(session, student)
    return tuple(AttemptLine(a.attempt_date, tuple(names[p] for p in a.parties), a.method)
                 for a in notices.logged_attempts(session, case.id, until) if not a.succeeded)


def compose(session: Session, notice: UrgingNotice) -> NoticeText:
    """What the notice says from the record as it stands (at issue time)."""
    issuer = f"{township.township_name(session)}人民政府"
    case = session.get(DropoutCase, notice.case_id)
    assert case is not None
    student = session.get(Student, case.student_id)
    school = session.get(School, case.school_id)
    assert student is not None and school is not None
    # The class teacher answers; the school's head when no class teacher is on the case.
    teacher = session.get(Staff, case.class_teacher_id) if case.class_teacher_id else session.scalar(
        select(Staff).where(Staff.active.is_(True), Staff.role == "校长", Staff.school_id == school.id).limit(1))
    return NoticeText(
        document_number=notice.document_number, guardian=notice.guardian, student=student.name,
        sex=student.sex, birth_date=student.birth_date, school=school.name,
        grade=grade_name_zh(case.stage_at, case.grade_at), absence_began=case.absence_began,
        school_days_absent=school_calendar.school_days_between(case.absence_began, notice.issued_on,
                                                               rules.holidays(session)),
        attempts=attempt_lines(session, case, student, notice.issued_on),
        issued_on=notice.issued_on, deadline=notice.deadline, issuer=issuer,
        contact=(f"{teacher.name}老师" if teacher is not None else f"{school.name}办公室"),
        contact_phone=teacher.phone if teacher is not None else "")


def notice_texts(session: Session, notice_ids: Sequence[int]) -> list[NoticeText]:
    """What each notice says, in the order asked: as issued (a notice issued before its text was kept
    is composed from the record)."""
    found: dict[int, UrgingNotice] = {}
    for start in range(0, len(notice_ids), 500):  # in one query a few hundred at a time
        found.update((n.id, n) for n in session.scalars(
            select(UrgingNotice).where(UrgingNotice.id.in_(notice_ids[start:start + 500]))))
    texts = []
    for notice_id in notice_ids:
        notice = found.get(notice_id)
        if notice is None:
            raise NotFound(translate("Printing", "The notice no longer exists."))
        texts.append(thaw(notice.issued_text) if notice.issued_text else compose(session, notice))
    return texts


def notice_page(session: Session, notice_id: int, text: NoticeText,
                found_receipts: Mapping[int, ServiceReceipt] | None = None) -> document_pdf.Page:
    return document_pdf.Page(
        TITLE, text.document_number, f"{text.guardian}：", tuple(text.paragraphs()), text.issuer, text.issued_on,
        text.record, receipts.receipt_text(session, receipts.NOTICE_KIND, notice_id,
                                           f"{TITLE}（{text.document_number}）", text.guardian, found_receipts))


@requires(Permission.EXPORT)
def write_notices(session: Session, actor: Actor, notice_ids: Sequence[int], path: Path,
                  progress: Progress = NO_PROGRESS) -> int:
    """The notices in one PDF, each from a new page with its proof of service; every character
    checked before anything is drawn. Returns the number of pages."""
    texts = notice_texts(session, notice_ids)
    found = receipts.receipts_of(session, receipts.NOTICE_KIND, notice_ids)
    pages = [notice_page(session, notice_id, text, found) for notice_id, text in zip(notice_ids, texts, strict=True)]
    return document_pdf.write(path, pages, TITLE if len(pages) == 1 else f"{TITLE}（{len(pages)}份）", progress)


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
