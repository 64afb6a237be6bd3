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
from schoolaid.dropout.vocabulary import CaseStatus, Party, split_parties
from schoolaid.storage.models import DropoutCase, PersuasionAttempt, Student, UrgingNotice

TITLE = "敦促入学通知书"

NOTICE = "urging_notice"


@dataclass(frozen=True)
class LoggedAttempt:
    """A persuasion attempt as the notice counts it: one that still counts (not corrected away)."""

    attempt_date: dt.date
    parties: tuple[Party, ...]
    method: str
    succeeded: bool


def logged_attempts(session: Session, case_id: int, until: dt.date | None = None) -> list[LoggedAttempt]:
    """The attempts of the case that count (a corrected entry is replaced by its correction), by date."""
    query = (select(PersuasionAttempt).where(PersuasionAttempt.case_id == case_id)
             .order_by(PersuasionAttempt.attempt_date, PersuasionAttempt.id))
    rows = session.scalars(query).all()
    corrected = {r.corrects_id for r in rows if r.corrects_id is not None}
    return [LoggedAttempt(r.attempt_date, split_parties(r.parties), r.method, r.succeeded) for r in rows
            if r.id not in corrected and (until is None or r.attempt_date <= until)]


@dataclass(frozen=True)
class NoticeRules:
    """What the log must show before a notice (settings): the failed attempts, and whether the
    village committee and the township must be among them."""

    attempts: int
    village: bool
    township: bool


def notice_rules(session: Session) -> NoticeRules:
    return NoticeRules(setting(session, "dropout.attempts_before_notice"),
                       bool(setting(session, "dropout.notice_needs_village")),
                       bool(setting(session, "dropout.notice_needs_township")))


def missing_for_notice(rules: NoticeRules, attempts: list[LoggedAttempt]) -> list[str]:
    """What the log still lacks before a notice may be issued (empty: nothing)."""
    failed = [a for a in attempts if not a.succeeded]
    missing = []
    if len(failed) < rules.attempts:
        missing.append(translate("Dropout", "{n} more failed persuasion attempts are needed (at least {needed})").format(
            n=rules.attempts - len(failed), needed=rules.attempts))
    if rules.village and not any(Party.VILLAGE in a.parties for a in failed):
        missing.append(translate("Dropout", "A failed attempt with the village committee is still needed"))
    if rules.township and not any(Party.TOWNSHIP in a.parties for a in failed):
        missing.append(translate("Dropout", "A failed attempt with the township government is still needed"))
    return missing


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
    if CaseStatus(case.status).is_open and not problems:
        # The notice states the persuasion that failed: the log must show it by the notice's date.
        problems.extend(error("case", "notice.attempts", text)
                        for text in missing_for_notice(notice_rules(session), logged_attempts(session, case_id, issued_on)))
    if problems:
        raise ValidationFailed(problems)
    number = (session.scalar(select(func.max(UrgingNotice.number)).where(UrgingNotice.year == issued_on.year)) or 0) + 1
    notice = UrgingNotice(case_id=case_id, year=issued_on.year, number=number,
                          document_number=f"{notice_prefix(session)}〔{issued_on.year}〕{number}号", guardian=guardian,
                          issued_on=issued_on, deadline=deadline, issued_by=actor.name)
    session.add(notice)
    session.flush()
    # What the notice says is fixed now: a reprint says the same whatever is logged later.
    from schoolaid.dropout import notice_pdf, receipts

    notice.issued_text = notice_pdf.freeze(notice_pdf.compose(session, notice))
    receipts.open_receipt(session, actor, receipts.NOTICE_KIND, notice.id, notice.guardian, issued_on)
    audit.record(session, actor, Action.CREATE, NOTICE, notice.id, notice.document_number, after=audit.snapshot(notice))
    return notice.id


@requires(Permission.MANAGE_CASES)
def record_receipt(session: Session, actor: Actor, notice_id: int, served_on: dt.date, served_to: str,
                   note: str = "", *, today: dt.date, manner: str = "直接送达", served_by: str = "",
                   place: str = "", witnesses: str = "", refused_reason: str = "") -> None:
    """The proof of service (送达回证): the parents signed for the notice on a day, or refused and it
    was left at the home before witnesses (留置送达), or another body served it (委托送达)."""
    from schoolaid.dropout import receipts

    notice = get_record(session, UrgingNotice, notice_id)
    service = receipts.Service(served_on, served_to, manner, served_by, place, witnesses, refused_reason, note)
    receipts.check_service(service, notice.issued_on, today)
    before = audit.snapshot(notice)
    notice.served_on, notice.served_to, notice.receipt_note = served_on, served_to.strip(), note.strip()
    audit.record(session, actor, Action.UPDATE, NOTICE, notice.id, notice.document_number, before=before,
                 after=audit.snapshot(notice))
    receipt = receipts.open_receipt(session, actor, receipts.NOTICE_KIND, notice.id, notice.guardian, notice.issued_on)
    receipts.fill(session, actor, receipt, service)


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
