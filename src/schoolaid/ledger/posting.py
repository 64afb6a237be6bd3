"""Posting a month: every eligible student not yet covered gets an entry, in one batch; posting
again posts nothing twice. Also what the audit trail keeps of a ledger entry, posted or corrected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import month_key, month_start
from schoolaid.common.validation import error
from schoolaid.ledger.batches import BATCH
from schoolaid.ledger.currency import yuan
from schoolaid.ledger.eligibility import covered_ids, decide, programme_closed
from schoolaid.ledger.periods import parse_month
from schoolaid.ledger.subsidy_programmes import ProgrammeView, get_programme
from schoolaid.storage.database import reserve_ids
from schoolaid.storage.models import Household, LedgerBatch, LedgerEntry, School, Student, Village, utcnow

ENTRY = "ledger_entry"


@dataclass
class StudentLine:
    student_id: int
    name: str
    school: str
    grade: str
    village: str
    guardian: str
    amount_fen: int
    basis: str = ""  # which condition and which standard, in Chinese
    standard_fen: int = 0
    units: int = 1  # 月数, or school days

    def as_json(self) -> dict[str, object]:
        """A line of the posting preview."""
        return {"student_id": self.student_id, "name": self.name, "amount_yuan": float(yuan(self.amount_fen)),
                "basis": self.basis}


@dataclass
class PostingPlan:
    programme: ProgrammeView
    month: dt.date
    period: str
    lines: list[StudentLine]  # to post
    already: int  # eligible, but covered for the period already
    not_eligible: list[int]  # asked for by id, but not eligible or not enrolled
    reasons: dict[int, str] = field(default_factory=dict)  # why, for those the conditions left out

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)


def student_lines(session: Session, ids: Collection[int], amount_fen: int) -> list[StudentLine]:
    """The students as lists show them, by school, grade and name."""
    lines = []
    ordered = list(ids)
    for start in range(0, len(ordered), 500):
        rows = session.execute(
            select(Student.id, Student.name, School.name, Student.stage, Student.grade, Student.class_name,
                   Village.name, Student.guardian_name, Student.name_pinyin)
            .join(School, Student.school_id == School.id)
            .outerjoin(Household, Student.household_id == Household.id)
            .outerjoin(Village, Household.village_id == Village.id)
            .where(Student.id.in_(ordered[start:start + 500])))
        for sid, name, school, stage, grade, class_name, village, guardian, key in rows:
            lines.append((school, grade, key, StudentLine(sid, name, school, f"{grade_name_zh(stage, grade)}{class_name}",
                                                          village or "", guardian, amount_fen)))
    return [line for *_sort, line in sorted(lines, key=lambda item: item[:3])]


def plan_posting(session: Session, programme_id: int, month: dt.date | str, student_ids: Collection[int] | None = None,
                 *, today: dt.date) -> PostingPlan:
    """Who would be posted, and how much; nothing is written."""
    month = parse_month(month) if isinstance(month, str) else month_start(month)
    programme = get_programme(session, programme_id)
    problems = []
    if not programme.active:
        problems.append(error("programme", "ledger.inactive", translate(
            "Ledger", "{name} is no longer active.").format(name=programme.name)))
    if not programme.pays_in(month):
        problems.append(error("month", "ledger.holiday", translate(
            "Ledger", "{name} does not pay in {month} (a school holiday month for it).").format(
                name=programme.name, month=month_key(month))))
    closed = programme_closed(session, programme)
    if closed:
        problems.append(error("programme", "ledger.setting_off", closed))
    if month > month_start(today):
        problems.append(error("month", "ledger.future", translate(
            "Ledger", "{month} has not begun: a month is posted once it has come.").format(month=month_key(month))))
    if problems:
        raise ValidationFailed(problems)
    period = programme.period_for(month)
    decisions, refused = decide(session, programme, month, today, student_ids=student_ids)
    eligible = set(decisions)
    covered = covered_ids(session, programme_id, period)
    wanted = eligible if student_ids is None else eligible & set(student_ids)
    not_eligible = sorted(set(student_ids or ()) - eligible)
    lines = student_lines(session, wanted - covered, 0)
    for line in lines:
        decision = decisions[line.student_id]
        line.amount_fen, line.basis = decision.amount_fen, decision.basis
        line.standard_fen, line.units = decision.standard_fen, decision.units
    return PostingPlan(programme, month, period, lines, already=len(wanted & covered), not_eligible=not_eligible,
                       reasons={sid: refused[sid] for sid in not_eligible if sid in refused})


@dataclass(frozen=True)
class PostedBatch:
    """A batch already posted for the period a preview looks at."""

    batch_id: int
    posted_on: dt.date
    posted_by: str


@dataclass(frozen=True)
class PostingPreview:
    """What posting a programme's month would do, or why it cannot be posted: what the posting page
    shows as soon as a programme and a month are chosen."""

    programme: str
    month: dt.date
    plan: PostingPlan | None  # None: the month cannot be posted
    refusals: list[str]  # why not (a holiday month for the programme, a month not begun, the programme closed)
    posted: list[PostedBatch]  # the batches of the period already posted

    @property
    def payable(self) -> bool:
        return self.plan is not None

    @property
    def posted_already(self) -> bool:
        """Every eligible student has the period's entry."""
        return self.plan is not None and not self.plan.lines and self.plan.already > 0


def preview_posting(session: Session, programme_id: int, month: dt.date | str, *, today: dt.date) -> PostingPreview:
    """``plan_posting`` for the whole programme, with the ledger's reasons when the month cannot be
    posted and the batches already posted for its period; nothing is written."""
    month = parse_month(month) if isinstance(month, str) else month_start(month)
    programme = get_programme(session, programme_id)
    try:
        plan: PostingPlan | None = plan_posting(session, programme_id, month, today=today)
    except ValidationFailed as refused:
        plan, refusals = None, [problem.message for problem in refused.problems]
    else:
        refusals = []
    period = plan.period if plan is not None else programme.period_for(month)
    posted = [PostedBatch(batch_id, posted_at.date(), posted_by) for batch_id, posted_at, posted_by in session.execute(
        select(LedgerBatch.id, LedgerBatch.posted_at, LedgerBatch.posted_by)
        .where(LedgerBatch.programme_id == programme_id, LedgerBatch.period == period).order_by(LedgerBatch.id))]
    return PostingPreview(programme.name, month, plan, refusals, posted)


@dataclass(frozen=True)
class PostResult:
    batch_id: int | None
    posted: int
    total_fen: int
    already: int
    not_eligible: int
    period: str

    def as_json(self) -> dict[str, object]:
        return {"posted": self.posted, "total_yuan": float(yuan(self.total_fen)), "total_fen": self.total_fen,
                "already_posted": self.already, "not_eligible": self.not_eligible, "period": self.period,
                "batch_id": self.batch_id}


@requires(Permission.POST_LEDGER)
def post(session: Session, actor: Actor, programme_id: int, month: dt.date | str,
         student_ids: Collection[int] | None = None, *, today: dt.date) -> PostResult:
    """Post the month for every eligible student not yet covered (or for the students given), in
    one batch. Posting again posts nothing twice."""
    plan = plan_posting(session, programme_id, month, student_ids, today=today)
    if not plan.lines:
        return PostResult(None, 0, 0, plan.already, len(plan.not_eligible), plan.period)
    batch = LedgerBatch(programme_id=programme_id, period=plan.period, posted_by=actor.name)
    session.add(batch)
    session.flush()
    now = utcnow()
    ids = reserve_ids(session, LedgerEntry, len(plan.lines))
    rows: list[dict[str, Any]] = [
            {"id": entry_id, "batch_id": batch.id, "programme_id": programme_id, "student_id": line.student_id,
             "period": plan.period, "month": month_key(plan.month), "kind": plan.programme.kind.value,
             "standard_fen": line.standard_fen, "months": line.units, "amount_fen": line.amount_fen,
             "reverses_id": None, "replaces_id": None, "reason": "", "posted_at": now, "posted_by": actor.name}
            for entry_id, line in zip(ids, plan.lines, strict=True)]
    session.connection().execute(LedgerEntry.__table__.insert(), rows)
    audit.record(session, actor, Action.CREATE, BATCH, batch.id, f"{plan.programme.name} {plan.period}",
                 after={**audit.snapshot(batch), "programme": plan.programme.code, "entries": len(rows),
                        "total_fen": plan.total_fen})
    audit.record_many(session, [audit.event_values(actor, Action.CREATE, ENTRY, row["id"], line.name,
                                                   after=entry_snapshot(row))
                                for row, line in zip(rows, plan.lines, strict=True)])
    return PostResult(batch.id, len(rows), plan.total_fen, plan.already, len(plan.not_eligible), plan.period)


_ENTRY_AUDITED = ("id", "batch_id", "programme_id", "student_id", "period", "month", "kind", "standard_fen", "months",
                  "amount_fen", "reverses_id", "replaces_id", "reason", "posted_at", "posted_by")


def entry_snapshot(values: Mapping[str, object]) -> dict[str, object]:
    return {key: values[key] for key in _ENTRY_AUDITED}
