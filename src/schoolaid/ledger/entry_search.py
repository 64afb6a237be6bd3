"""Looking at the ledger: the entries a filter selects, their rows, the filter's total, a student's
history. Entries are never changed or deleted (the database refuses it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from schoolaid.common.grades import grade_name_zh
from schoolaid.ledger.vocabulary import EntryKind
from schoolaid.storage.database import fetch_ids
from schoolaid.storage.models import LedgerBatch, LedgerEntry, Programme, School, Student


@dataclass
class EntryFilter:
    programme_id: int | None = None
    period: str = ""  # a period as stored (2026-09, 2026秋), or empty
    month_from: str = ""  # YYYY-MM, inclusive
    month_to: str = ""
    school_id: int | None = None
    text: str = ""  # the student's name
    student_id: int | None = None
    batch_id: int | None = None


def entry_conditions(flt: EntryFilter) -> list:
    conditions = []
    if flt.programme_id is not None:
        conditions.append(LedgerEntry.programme_id == flt.programme_id)
    if flt.period:
        conditions.append(LedgerEntry.period == flt.period)
    if flt.month_from:
        conditions.append(LedgerEntry.month >= flt.month_from)
    if flt.month_to:
        conditions.append(LedgerEntry.month <= flt.month_to)
    if flt.student_id is not None:
        conditions.append(LedgerEntry.student_id == flt.student_id)
    if flt.batch_id is not None:
        conditions.append(LedgerEntry.batch_id == flt.batch_id)
    return conditions


def search_entry_ids(session: Session, flt: EntryFilter) -> list[int]:
    """Entry ids, newest first."""
    query = select(LedgerEntry.id).where(*entry_conditions(flt))
    if flt.school_id is not None or flt.text.strip():
        query = query.join(Student, LedgerEntry.student_id == Student.id)
        if flt.school_id is not None:
            query = query.where(Student.school_id == flt.school_id)
        if flt.text.strip():
            text = "".join(flt.text.split())
            query = query.where(or_(func.instr(Student.name, text) > 0,
                                    func.instr(Student.name_initials, " " + text.lower()) > 0))
    return fetch_ids(session, query.order_by(LedgerEntry.id.desc()))


@dataclass(frozen=True)
class EntryRow:
    id: int
    posted_at: dt.datetime
    posted_by: str
    programme: str
    period: str
    month: str
    student_id: int
    student: str
    id_number: str | None
    school: str
    grade: str
    kind: EntryKind
    standard_fen: int
    months: int
    amount_fen: int
    reverses_id: int | None
    replaces_id: int | None
    reversed_by: int | None
    reason: str
    paid_on: dt.date | None
    voucher_no: str
    sex: str = ""
    class_name: str = ""
    boarder: bool = False
    funding_source: str = ""


def fetch_entry_rows(session: Session, ids: Iterable[int]) -> dict[int, EntryRow]:
    ids = list(ids)
    rows: dict[int, EntryRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        reversed_by = {reverses: rid for rid, reverses in session.execute(
            select(LedgerEntry.id, LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.in_(chunk)))}
        result = session.execute(
            select(LedgerEntry, Programme.name, Student.name, Student.id_number, School.name, Student.stage,
                   Student.grade, LedgerBatch.paid_on, LedgerBatch.voucher_no, Student.sex, Student.class_name,
                   Student.boarder, Programme.funding_source)
            .join(Programme, LedgerEntry.programme_id == Programme.id)
            .join(Student, LedgerEntry.student_id == Student.id)
            .join(School, Student.school_id == School.id)
            .outerjoin(LedgerBatch, LedgerEntry.batch_id == LedgerBatch.id)
            .where(LedgerEntry.id.in_(chunk)))
        for e, programme, student, number, school, stage, grade, paid_on, voucher, sex, class_name, boarder, source \
                in result:
            rows[e.id] = EntryRow(e.id, e.posted_at, e.posted_by, programme, e.period, e.month, e.student_id, student,
                                  number, school, grade_name_zh(stage, grade), EntryKind(e.kind), e.standard_fen,
                                  e.months, e.amount_fen, e.reverses_id, e.replaces_id, reversed_by.get(e.id), e.reason,
                                  paid_on, voucher or "", sex, class_name or "", bool(boarder), source or "")
        session.expunge_all()  # a million-entry ledger is browsed a screen at a time, not kept
    return rows


def entry_total(session: Session, flt: EntryFilter) -> tuple[int, int]:
    """(entries, total fen) of what the filter shows: the status line of the ledger view."""
    query = select(func.count(), func.coalesce(func.sum(LedgerEntry.amount_fen), 0)).where(*entry_conditions(flt))
    if flt.school_id is not None or flt.text.strip():
        query = query.join(Student, LedgerEntry.student_id == Student.id)
        if flt.school_id is not None:
            query = query.where(Student.school_id == flt.school_id)
        if flt.text.strip():
            text = "".join(flt.text.split())
            query = query.where(or_(func.instr(Student.name, text) > 0,
                                    func.instr(Student.name_initials, " " + text.lower()) > 0))
    count, total = session.execute(query).one()
    return count, total


def student_history(session: Session, student_id: int) -> list[EntryRow]:
    ids = search_entry_ids(session, EntryFilter(student_id=student_id))
    rows = fetch_entry_rows(session, ids)
    return [rows[i] for i in ids]


def ids_and_total(session: Session, flt: EntryFilter) -> tuple[list[int], tuple[int, int]]:
    """What the ledger view shows, read together: the entry ids and (entries, total fen)."""
    return search_entry_ids(session, flt), entry_total(session, flt)
