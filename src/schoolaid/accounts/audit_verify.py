"""Checking the audit trail: the hash chain unbroken from the first event to the last, and each
covered record (ledger entries, persuasion attempts, home visits) still as its last audited state,
so that a record changed behind the app's back with plain SQL is found as well as an edited
audit row."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Action, _plain
from schoolaid.accounts.audit_chain import GENESIS, row_hash
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress

# entity name in the trail → table
COVERED = {"ledger_entry": "ledger_entries", "persuasion": "persuasion_attempts", "visit": "visits"}
_BATCH = 20_000


@dataclass(frozen=True)
class Finding:
    event_id: int | None
    entity: str
    entity_id: int | None
    message: str


@dataclass
class AuditReport:
    rows: int = 0
    head: str = GENESIS
    chain: list[Finding] = field(default_factory=list)  # the first break of the chain, if any
    records: list[Finding] = field(default_factory=list)  # covered records that differ from the trail
    checked_records: int = 0

    @property
    def ok(self) -> bool:
        return not self.chain and not self.records

    @property
    def first_problem(self) -> Finding | None:
        problems = self.chain or self.records
        return problems[0] if problems else None

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "rows": self.rows, "head": self.head, "checked_records": self.checked_records,
                "chain": [f.__dict__ for f in self.chain], "records": [f.__dict__ for f in self.records]}


_COLUMNS = "id, at, actor, user_id, role, action, entity, entity_id, summary, before, after, prev_hash, hash"


def _events(session: Session) -> Iterator[dict[str, Any]]:
    last = 0
    while True:
        rows = session.execute(text(f"SELECT {_COLUMNS} FROM audit_events WHERE id > :last ORDER BY id "  # noqa: S608
                                    "LIMIT :n"), {"last": last, "n": _BATCH}).mappings().all()
        if not rows:
            return
        for row in rows:
            yield dict(row)
        last = rows[-1]["id"]


def chain_head(session: Session) -> tuple[int, str]:
    """The number of events and the last one's hash: what a backup header carries."""
    row = session.execute(text("SELECT count(*), (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) "
                               "FROM audit_events")).one()
    return int(row[0]), row[1] or GENESIS


def verify(session: Session, progress: Progress = NO_PROGRESS) -> AuditReport:
    report = AuditReport()
    total = max(chain_head(session)[0], 1)
    previous = GENESIS
    last_state: dict[tuple[str, int], tuple[int, str, dict[str, Any] | None]] = {}
    for event in _events(session):
        report.rows += 1
        if report.rows % _BATCH == 0:
            progress.report(0.8 * report.rows / total)
        if not report.chain:
            if event["prev_hash"] != previous:
                report.chain.append(Finding(event["id"], event["entity"], event["entity_id"], translate(
                    "AuditVerify", "audit row {id} does not follow the row before it: a row before it was removed or "
                    "inserted").format(id=event["id"])))
            elif row_hash(previous, event) != event["hash"]:
                report.chain.append(Finding(event["id"], event["entity"], event["entity_id"], translate(
                    "AuditVerify", "audit row {id} was changed after it was written").format(id=event["id"])))
        previous = event["hash"]
        report.head = event["hash"]
        if event["entity"] in COVERED and event["entity_id"] is not None:
            after = json.loads(event["after"]) if event["after"] else None
            last_state[(event["entity"], event["entity_id"])] = (event["id"], event["action"], after)
    _check_records(session, last_state, report)
    progress.report(1.0)
    return report


def _comparable(value: Any) -> Any:
    """One spelling for a value read raw from SQLite and the same value as the trail wrote it (JSON):
    booleans as 0/1, times with microseconds."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        if len(value) >= 19 and value[4] == "-" and value[10] in " T" and value[13] == ":":
            try:
                return dt.datetime.fromisoformat(value).isoformat(timespec="microseconds")
            except ValueError:
                return value
        return value
    if isinstance(value, (int, float)) or value is None:
        return value
    return json.loads(json.dumps(value, default=_plain))


def _check_records(session: Session, last_state: dict[tuple[str, int], tuple[int, str, dict[str, Any] | None]],
                   report: AuditReport) -> None:
    for entity, table in COVERED.items():
        seen: set[int] = set()
        last = 0
        while True:
            rows = session.execute(text(f'SELECT * FROM "{table}" WHERE id > :last ORDER BY id LIMIT :n'),  # noqa: S608
                                   {"last": last, "n": _BATCH}).mappings().all()
            if not rows:
                break
            last = rows[-1]["id"]
            for row in rows:
                report.checked_records += 1
                seen.add(row["id"])
                state = last_state.get((entity, row["id"]))
                if state is None:
                    report.records.append(Finding(None, entity, row["id"], translate(
                        "AuditVerify", "{table} row {id} has no audit record: it was added behind the app's "
                        "back").format(table=table, id=row["id"])))
                    continue
                event_id, _action, after = state
                if after is None:
                    continue
                current = {key: _comparable(row[key]) for key in after if key in row}
                differing = sorted(key for key in current if current[key] != _comparable(after[key]))
                if differing:
                    report.records.append(Finding(event_id, entity, row["id"], translate(
                        "AuditVerify", "{table} row {id} differs from its last audited state (audit row {event}) in: "
                        "{fields}").format(table=table, id=row["id"], event=event_id, fields=", ".join(differing))))
        for (kind, entity_id), (event_id, action, _after) in last_state.items():
            if kind == entity and entity_id not in seen and action != Action.DELETE:
                report.records.append(Finding(event_id, entity, entity_id, translate(
                    "AuditVerify", "{table} row {id} was removed behind the app's back (audit row {event})").format(
                        table=table, id=entity_id, event=event_id)))



def continues_from(session: Session, rows: int, head: str) -> Finding | None:
    """Whether the trail still passes through an earlier backup's head at the same row: newest rows
    removed (or the whole chain rebuilt) since that backup show here. None when it does."""
    if rows == 0:
        return None
    found = session.execute(text("SELECT hash FROM audit_events ORDER BY id LIMIT 1 OFFSET :n"),
                            {"n": rows - 1}).scalar()
    if found is None:
        return Finding(None, "audit", None, translate(
            "AuditVerify", "the audit trail has fewer rows than the backup of that day ({rows}): rows were removed").format(
                rows=rows))
    if found != head:
        return Finding(None, "audit", None, translate(
            "AuditVerify", "audit row {rows} is not the one the backup of that day recorded: the trail was rewritten").format(
                rows=rows))
    return None
