"""Corrections: a mistake is reversed by a negative entry that points at it, and, if needed,
replaced by a new one; the entries stay linked. Whoever posted an entry cannot also take it back.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import NotPermitted, Permission, requires
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.ledger.posting import ENTRY, entry_snapshot
from schoolaid.ledger.vocabulary import EntryKind
from schoolaid.storage.database import reserve_ids
from schoolaid.storage.models import LedgerEntry, Student, utcnow


def _entry(session: Session, entry_id: int) -> LedgerEntry:
    entry = session.get(LedgerEntry, entry_id)
    if entry is None:
        raise NotFound(translate("Ledger", "The ledger entry no longer exists."))
    return entry


def _insert_entry(session: Session, actor: Actor, values: dict[str, object], summary: str) -> int:
    [entry_id] = reserve_ids(session, LedgerEntry, 1)
    row = {"id": entry_id, "batch_id": None, "posted_at": utcnow(), "posted_by": actor.name, "replaces_id": None,
           "reverses_id": None, "reason": "", **values}
    session.connection().execute(LedgerEntry.__table__.insert(), [row])
    audit.record(session, actor, Action.CREATE, ENTRY, entry_id, summary, after=entry_snapshot(row))
    return entry_id


@requires(Permission.REVERSE_LEDGER)
def reverse(session: Session, actor: Actor, entry_id: int, reason: str) -> int:
    """Cancel an entry with a negative one that points at it. Both stay in the ledger."""
    entry = _entry(session, entry_id)
    if actor.user_id is not None and entry.posted_by == actor.name:
        # Two people for every reversal: whoever posted an entry cannot also take it back.
        raise NotPermitted(translate(
            "Ledger", "{name} posted this entry, so another member of the leadership must reverse or correct it.").format(
                name=actor.name), actor, Permission.REVERSE_LEDGER, str(entry_id))
    reason = reason.strip()
    problems = []
    if entry.kind == EntryKind.REVERSAL.value:
        problems.append(error("entry", "ledger.reverse_reversal", translate(
            "Ledger", "A reversal is not reversed: post the entry again instead.")))
    elif session.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses_id == entry_id)) is not None:
        problems.append(error("entry", "ledger.reversed", translate("Ledger", "This entry has been reversed already.")))
    if not reason:
        problems.append(error("reason", "ledger.reason", translate("Ledger", "Give the reason for the reversal.")))
    if problems:
        raise ValidationFailed(problems)
    student = session.get(Student, entry.student_id)
    return _insert_entry(session, actor, {
        "programme_id": entry.programme_id, "student_id": entry.student_id, "period": entry.period,
        "month": entry.month, "kind": EntryKind.REVERSAL.value, "standard_fen": entry.standard_fen,
        "months": entry.months, "amount_fen": -entry.amount_fen, "reverses_id": entry.id, "reason": reason,
    }, student.name if student else "")


@requires(Permission.REVERSE_LEDGER)
def replace(session: Session, actor: Actor, entry_id: int, amount_fen: int, reason: str) -> tuple[int, int]:
    """Reverse an entry and post the right amount in its place; the three stay linked."""
    if amount_fen <= 0:
        raise ValidationFailed([error("amount_fen", "ledger.amount", translate(
            "Ledger", "The corrected amount must be above zero."))])
    entry = _entry(session, entry_id)
    reversal = reverse(session, actor, entry_id, reason)
    student = session.get(Student, entry.student_id)
    replacement = _insert_entry(session, actor, {
        "programme_id": entry.programme_id, "student_id": entry.student_id, "period": entry.period,
        "month": entry.month, "kind": entry.kind, "standard_fen": entry.standard_fen, "months": entry.months,
        "amount_fen": amount_fen, "replaces_id": entry.id, "reason": reason.strip(),
    }, student.name if student else "")
    return reversal, replacement
