"""The audit trail: every change to data writes an event in the same transaction as the change."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts.audit_chain import GENESIS, row_hash
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.storage.database import insert_rows
from schoolaid.storage.models import AuditEvent, Base, utcnow


@dataclass(frozen=True)
class Actor:
    """The person doing the work: the account signed in (its role, and for a teacher the classes
    they look after), or on a database without accounts the operator named at the start."""

    name: str
    role: str | None = None  # a permissions.Role value; None only before accounts exist
    user_id: int | None = None
    staff_id: int | None = None
    classes: frozenset[tuple[int, str, int, str]] = frozenset()  # (school id, stage, grade, class)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise SchoolAidError(translate("Audit", "Choose who is working before changing anything."))


_HEAD = "schoolaid.audit_head"


class Action:
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    STATUS = "status"
    REFUSED = "refused"  # an attempt outside one's role
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"  # a wrong password or an unknown user name (never the password)
    LOCKED = "locked"  # too many wrong passwords
    REVEAL = "reveal"  # a full ID number shown


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


# What ``before`` and ``after`` hold, encoded as ``json.dumps(…, ensure_ascii=False, sort_keys=True,
# default=_plain)`` would, by one encoder made once (``json.dumps`` makes one at every call).
_SNAPSHOT = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_plain)


def snapshot(record: Base, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The record's column values, ready for JSON."""
    names = list(fields) if fields is not None else [c.key for c in record.__table__.columns]
    return {name: _plain(getattr(record, name)) for name in names}


def event_values(
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The columns of one audit event."""
    return {
        "at": utcnow(),
        "actor": actor.name,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "summary": summary,
        "before": None if before is None else _SNAPSHOT.encode(before),
        "after": None if after is None else _SNAPSHOT.encode(after),
        "user_id": actor.user_id,
        "role": actor.role or "",
    }


def _chained(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    """The event with its id, the previous event's hash and its own. Safe because every write holds
    SQLite's write lock from its BEGIN IMMEDIATE: no one else appends meanwhile."""
    head = session.info.get(_HEAD)
    if head is None:
        row = session.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
        head = (row[0], row[1]) if row else (0, GENESIS)
    chained = {**values, "id": head[0] + 1, "prev_hash": head[1]}
    chained["hash"] = row_hash(head[1], chained)
    session.info[_HEAD] = (chained["id"], chained["hash"])
    return chained


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEvent:
    event = AuditEvent(**_chained(session, event_values(actor, action, entity, entity_id, summary, before, after)))
    session.add(event)  # its id is set: the order of flushing does not matter to the chain
    return event


def record_many(session: Session, events: list[dict[str, Any]]) -> None:
    """Audit events made with ``event_values``, inserted in one statement (imports, the demo)."""
    if events:
        insert_rows(session, AuditEvent.__table__, [_chained(session, e) for e in events])


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime  # UTC
    actor: str
    action: str
    summary: str
    changes: list[Change]
    before: dict[str, Any]
    after: dict[str, Any]


def changes_between(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[Change]:
    before = before or {}
    after = after or {}
    return [
        Change(key, before.get(key), after.get(key))
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    ]


def history(session: Session, entity: str, entity_id: int) -> list[HistoryEntry]:
    """A record's audit events, oldest first, with what each one changed."""
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id).order_by(AuditEvent.id)
    )
    entries = []
    for event in events:
        before = json.loads(event.before) if event.before else {}
        after = json.loads(event.after) if event.after else {}
        entries.append(HistoryEntry(at=event.at, actor=event.actor, action=event.action, summary=event.summary,
                                    changes=changes_between(before or None, after or None), before=before, after=after))
    return entries
