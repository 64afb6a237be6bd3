"""Enrollment-urging notices (责令入学通知书): after repeated failure the township sends the parents a
notice with a deadline, numbered per year, and records the proof of service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.dropout.absences import get_record
from schoolaid.dropout.rules import notice_prefix, setting
from schoolaid.dropout.vocabulary import CaseStatus
from schoolaid.storage.models import DropoutCase, Student, UrgingNotice

NOTICE = "urging_notice"


@requires(Permission.ISSUE_NOTICE)
def issue_notice(session: Session, actor: Actor, case_id: int, issued_on: dt.date, deadline: dt.date | None = None,
                 guardian: str = "", *, today: dt.date) -> int:
    """Record the enrollment-urging notice the township issues on a case, numbered per year."""
    case = get_record(session, DropoutCase, case_id)
    student = session.get(Student, case.student_id)
    assert student is not None
    deadline = deadline or issued_on + dt.timedelta(days=setting(session, "dropout.notice_deadline_days"))
    guardian = guardian.strip() or student.guardian_name
    problems = []
    if not CaseStatus(case.status).is_open:
        problems.append(error("case", "notice.closed", translate("Dropout", "The case is closed.")))
    if issued_on > today or issued_on < case.opened_on:
        problems.append(error("issued_on", "notice.date", translate(
            "Dropout", "The notice date must fall between the opening of the case and today.")))
    if deadline <= issued_on:
        problems.append(error("deadline", "notice.deadline", translate("Dropout", "The deadline comes after the notice.")))
    if not guardian:
        problems.append(error("guardian", "notice.guardian", translate(
            "Dropout", "Enter the guardian the notice is addressed to.")))
    if problems:
        raise ValidationFailed(problems)
    number = (session.scalar(select(func.max(UrgingNotice.number)).where(UrgingNotice.year == issued_on.year)) or 0) + 1
    notice = UrgingNotice(case_id=case_id, year=issued_on.year, number=number,
                          document_number=f"{notice_prefix(session)}〔{issued_on.year}〕{number}号", guardian=guardian,
                          issued_on=issued_on, deadline=deadline, issued_by=actor.name)
    session.add(notice)
    session.flush()
    audit.record(session, actor, Action.CREATE, NOTICE, notice.id, notice.document_number, after=audit.snapshot(notice))
    return notice.id


@requires(Permission.MANAGE_CASES)
def record_receipt(session: Session, actor: Actor, notice_id: int, served_on: dt.date, served_to: str,
                   note: str = "", *, today: dt.date) -> None:
    """The proof of service (送达回证): the parents signed for the notice on a day."""
    notice = get_record(session, UrgingNotice, notice_id)
    problems = []
    if served_on < notice.issued_on or served_on > today:
        problems.append(error("served_on", "notice.served", translate(
            "Dropout", "The receipt date must fall between the notice and today.")))
    if not served_to.strip():
        problems.append(error("served_to", "notice.served_to", translate("Dropout", "Enter who signed for it.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(notice)
    notice.served_on, notice.served_to, notice.receipt_note = served_on, served_to.strip(), note.strip()
    audit.record(session, actor, Action.UPDATE, NOTICE, notice.id, notice.document_number, before=before,
                 after=audit.snapshot(notice))


@dataclass(frozen=True)
class NoticeView:
    id: int
    document_number: str
    guardian: str
    issued_on: dt.date
    deadline: dt.date
    served_on: dt.date | None
    served_to: str


def notices(session: Session, case_id: int) -> list[NoticeView]:
    rows = session.scalars(select(UrgingNotice).where(UrgingNotice.case_id == case_id).order_by(UrgingNotice.id))
    return [NoticeView(n.id, n.document_number, n.guardian, n.issued_on, n.deadline, n.served_on, n.served_to)
            for n in rows]
