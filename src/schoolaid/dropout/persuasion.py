"""The persuasion log (劝返记录), append-only: every attempt to bring the child back is logged, "open
to inspection, falsification strictly forbidden"; a correction is a new entry pointing at the
old one. Evidence (photos, receipts) is attached to an entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotAllowed, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.dropout.absences import check_own_class, get_record
from schoolaid.dropout.vocabulary import CaseStatus, Method, Party, join_parties, split_parties
from schoolaid.storage.database import reserve_ids
from schoolaid.storage.models import DropoutCase, PersuasionAttempt, utcnow
from schoolaid.township import attachments

ATTEMPT = "persuasion"


@dataclass
class AttemptEntry:
    attempt_date: dt.date | None = None
    visitors: str = ""
    met: str = ""
    method: str = Method.HOME_VISIT.value
    result: str = ""
    succeeded: bool = False
    # Who took part: the school, the village committee, the township government (several together).
    parties: tuple[str, ...] = (Party.SCHOOL.value,)


def _attempt_values(entry: AttemptEntry, today: dt.date) -> dict[str, object]:
    problems = []
    if entry.attempt_date is None or entry.attempt_date > today:
        problems.append(error("attempt_date", "attempt.date", translate(
            "Dropout", "Enter the date of the attempt (not in the future).")))
    if not entry.visitors.strip():
        problems.append(error("visitors", "attempt.visitors", translate("Dropout", "Write who went.")))
    if entry.method not in {m.value for m in Method}:
        problems.append(error("method", "attempt.method", translate("Dropout", "Choose how.")))
    if not entry.result.strip():
        problems.append(error("result", "attempt.result", translate("Dropout", "Write what came of it.")))
    if not entry.parties or any(p not in {party.value for party in Party} for p in entry.parties):
        problems.append(error("parties", "attempt.parties", translate(
            "Dropout", "Tick who took part: the school, the village committee, the township.")))
    if problems:
        raise ValidationFailed(problems)
    return {"attempt_date": entry.attempt_date, "visitors": entry.visitors.strip(), "met": entry.met.strip(),
            "method": entry.method, "result": entry.result.strip(), "succeeded": entry.succeeded,
            "parties": join_parties(entry.parties)}


@requires(Permission.LOG_PERSUASION)
def log_attempt(session: Session, actor: Actor, case_id: int, entry: AttemptEntry,
                files: Sequence[tuple[str, bytes]] = (), *, today: dt.date,
                corrects_id: int | None = None) -> int:
    case = get_record(session, DropoutCase, case_id)
    check_own_class(session, actor, Permission.LOG_PERSUASION, case.student_id)
    if not CaseStatus(case.status).is_open and corrects_id is None:
        raise NotAllowed(translate("Dropout", "The case is closed; attempts are logged on open cases."))
    values = _attempt_values(entry, today)
    if values["attempt_date"] < case.absence_began:
        raise ValidationFailed([error("attempt_date", "attempt.early", translate(
            "Dropout", "The attempt is dated before the absence began."))])
    [attempt_id] = reserve_ids(session, PersuasionAttempt, 1)
    row = {"id": attempt_id, "case_id": case_id, "corrects_id": corrects_id, "recorded_by": actor.name,
           "recorded_at": utcnow(), **values}
    session.connection().execute(insert(PersuasionAttempt), [row])
    audit.record(session, actor, Action.CREATE, ATTEMPT, attempt_id, str(case_id),
                 after=row)
    for name, data in files:
        attachments.add(session, actor, ATTEMPT, attempt_id, name, data)
    return attempt_id


@requires(Permission.LOG_PERSUASION)
def correct_attempt(session: Session, actor: Actor, attempt_id: int, entry: AttemptEntry,
                    today: dt.date) -> int:
    """A correction is a new entry pointing at the old one; the old one stays, marked as corrected."""
    old = get_record(session, PersuasionAttempt, attempt_id)
    check_own_class(session, actor, Permission.LOG_PERSUASION, get_record(session, DropoutCase, old.case_id).student_id)
    if session.scalar(select(PersuasionAttempt.id).where(PersuasionAttempt.corrects_id == attempt_id)) is not None:
        raise NotAllowed(translate("Dropout", "This entry has been corrected already: correct the correction."))
    return log_attempt(session, actor, old.case_id, entry, today=today, corrects_id=attempt_id)


@dataclass(frozen=True)
class AttemptView:
    id: int
    attempt_date: dt.date
    visitors: str
    met: str
    method: Method
    result: str
    succeeded: bool
    corrects_id: int | None
    corrected_by: int | None
    recorded_by: str
    recorded_at: dt.datetime
    evidence: int
    parties: tuple[Party, ...] = (Party.SCHOOL,)

    @property
    def counts(self) -> bool:
        """Whether it counts: a corrected entry is replaced by its correction."""
        return self.corrected_by is None


def attempts(session: Session, case_id: int) -> list[AttemptView]:
    rows = session.scalars(select(PersuasionAttempt).where(PersuasionAttempt.case_id == case_id)
                           .order_by(PersuasionAttempt.attempt_date, PersuasionAttempt.id)).all()
    corrected_by = {r.corrects_id: r.id for r in rows if r.corrects_id is not None}
    evidence = attachments.counts_for(session, ATTEMPT, [r.id for r in rows])
    return [AttemptView(r.id, r.attempt_date, r.visitors, r.met, Method(r.method), r.result, r.succeeded, r.corrects_id,
                        corrected_by.get(r.id), r.recorded_by, r.recorded_at, evidence.get(r.id, 0),
                        split_parties(r.parties)) for r in rows]


@requires(Permission.LOG_PERSUASION)
def add_evidence(session: Session, actor: Actor, attempt_id: int, name: str, data: bytes) -> int:
    """Evidence may come later than the entry (photos developed, a receipt scanned)."""
    attempt = get_record(session, PersuasionAttempt, attempt_id)
    check_own_class(session, actor, Permission.LOG_PERSUASION, get_record(session, DropoutCase, attempt.case_id).student_id)
    return attachments.add(session, actor, ATTEMPT, attempt_id, name, data)
