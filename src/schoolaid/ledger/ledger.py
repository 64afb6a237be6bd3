"""The subsidy ledger (资助台账): programmes, monthly batches, reversals, totals and coverage gaps.

Money is integer fen. Entries are never changed or deleted (the database refuses it): a mistake is
reversed by a negative entry that points at it, and, if needed, replaced by a new one. A student is
covered for a programme and period when the entries for them add up to more than zero.

A student is eligible in a month when the programme's rule selects them and they are enrolled
(在读) on the 15th of that month (or today, for the current month before the 15th): joining by
mid-month counts for the month, leaving before it does not.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import NotPermitted, Permission, requires
from schoolaid.common import school_calendar
from schoolaid.common.errors import NotAllowed, NotFound, ValidationFailed
from schoolaid.common.grades import Stage, grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Quarter, Term, month_key, month_reference_day, month_start
from schoolaid.common.validation import error
from schoolaid.roster import roster
from schoolaid.storage.database import fetch_ids, reserve_ids
from schoolaid.storage.models import (
    Household,
    LedgerBatch,
    LedgerEntry,
    Programme,
    ProgrammeMember,
    School,
    Student,
    Village,
    utcnow,
)

PROGRAMME = "programme"
BATCH = "ledger_batch"
ENTRY = "ledger_entry"
MINIMUM_NOTICE_DAYS = 5  # recipients are listed publicly at least five days before payment


class Eligibility(str, enum.Enum):
    REGISTERED_POOR = "registered_poor"
    LEFT_BEHIND = "left_behind"
    BOARDER = "boarder"
    EVERYONE = "everyone"
    LIST = "list"

    def label(self) -> str:
        return {
            Eligibility.REGISTERED_POOR: translate("Vocabulary", "Registered-poor households' children"),
            Eligibility.LEFT_BEHIND: translate("Vocabulary", "Left-behind children"),
            Eligibility.BOARDER: translate("Vocabulary", "Boarders"),
            Eligibility.EVERYONE: translate("Vocabulary", "Everyone in the stage"),
            Eligibility.LIST: translate("Vocabulary", "A hand-kept list"),
        }[self]


class Per(str, enum.Enum):
    MONTH = "month"
    TERM = "term"

    def label(self) -> str:
        return {Per.MONTH: translate("Vocabulary", "per month"), Per.TERM: translate("Vocabulary", "per term")}[self]


class EntryKind(str, enum.Enum):
    PAYMENT = "payment"
    WAIVER = "waiver"
    REVERSAL = "reversal"

    def label(self) -> str:
        return {
            EntryKind.PAYMENT: translate("Vocabulary", "Paid"),
            EntryKind.WAIVER: translate("Vocabulary", "Fee waived"),
            EntryKind.REVERSAL: translate("Vocabulary", "Reversal"),
        }[self]

    @property
    def chinese(self) -> str:
        """As printed in ledgers, whatever the interface language."""
        return {EntryKind.PAYMENT: "发放", EntryKind.WAIVER: "减免", EntryKind.REVERSAL: "冲销"}[self]


# --- Money and periods -----------------------------------------------------------------------------


def yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def format_yuan(fen: int) -> str:
    return f"{yuan(fen):,.2f}"


def fen_from_yuan(text: str) -> int:
    """``40``, ``40.5`` or ``40.50`` yuan as fen; anything else raises ValueError."""
    value = Decimal(text.strip().replace(",", "").replace("元", ""))
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(text)
    return int(fen)


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> dt.date:
    """``2026-09`` → 2026-09-01."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValidationFailed([error("month", "ledger.month", translate(
            "Ledger", "\u201c{text}\u201d is not a month: write it like 2026-09.").format(text=text))])
    return dt.date(int(match[1]), int(match[2]), 1)


def months_of_period(text: str) -> list[dt.date]:
    """The months of ``2026-09`` or ``2026-Q3``."""
    try:
        return Quarter.from_key(text).months()
    except ValueError:
        pass
    if _MONTH.match(text.strip()):
        return [parse_month(text)]
    raise ValidationFailed([error("period", "ledger.period", translate(
        "Ledger", "\u201c{text}\u201d is not a period: write a month like 2026-09 or a quarter like 2026-Q3.").format(
            text=text))])


# --- Programmes ------------------------------------------------------------------------------------


@dataclass
class ProgrammeForm:
    code: str = ""
    name: str = ""
    stage: str = ""
    eligibility: str = Eligibility.REGISTERED_POOR.value
    amount_fen: int = 0
    per: str = Per.MONTH.value
    kind: str = EntryKind.PAYMENT.value
    funding_source: str = ""
    active_months: list[int] = field(default_factory=lambda: list(school_calendar.SCHOOL_MONTHS))
    active: bool = True
    notes: str = ""


@dataclass(frozen=True)
class ProgrammeView:
    id: int
    code: str
    name: str
    stage: str
    eligibility: Eligibility
    amount_fen: int
    per: Per
    kind: EntryKind
    funding_source: str
    active_months: tuple[int, ...]
    active: bool
    notes: str

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "code": self.code, "name": self.name, "stage": self.stage or None,
                "eligibility": self.eligibility.value, "amount_yuan": float(yuan(self.amount_fen)),
                "amount_fen": self.amount_fen, "per": self.per.value, "kind": self.kind.value,
                "funding_source": self.funding_source, "active_months": list(self.active_months),
                "active": self.active}

    def pays_in(self, month: dt.date) -> bool:
        return month.month in self.active_months

    def period_for(self, month: dt.date) -> str:
        return month_key(month) if self.per is Per.MONTH else Term.containing(month).key

    def months_for(self, month: dt.date) -> int:
        """月数: one for a monthly programme, the term's paying months for a termly one."""
        if self.per is Per.MONTH:
            return 1
        return sum(1 for m in Term.containing(month).months() if m.month in self.active_months)


def _view(programme: Programme) -> ProgrammeView:
    return ProgrammeView(programme.id, programme.code, programme.name, programme.stage,
                         Eligibility(programme.eligibility), programme.amount_fen, Per(programme.per),
                         EntryKind(programme.kind), programme.funding_source,
                         tuple(int(m) for m in programme.active_months.split(",") if m), programme.active,
                         programme.notes)


def list_programmes(session: Session, *, active_only: bool = False) -> list[ProgrammeView]:
    query = select(Programme).order_by(Programme.id)
    if active_only:
        query = query.where(Programme.active.is_(True))
    return [_view(p) for p in session.scalars(query)]


def get_programme(session: Session, programme_id: int) -> ProgrammeView:
    return _view(_programme(session, programme_id))


def programme_by_code(session: Session, code: str) -> ProgrammeView:
    programme = session.scalars(select(Programme).where(Programme.code == code.strip().upper())).first()
    if programme is None:
        raise NotFound(translate("Ledger", "There is no programme with the code {code}.").format(code=code))
    return _view(programme)


def _programme(session: Session, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound(translate("Ledger", "The programme no longer exists."))
    return programme


_CODE = re.compile(r"^[A-Z0-9]{2,16}$")


def _validate_programme(session: Session, form: ProgrammeForm, programme_id: int | None) -> ProgrammeForm:
    form = ProgrammeForm(form.code.strip().upper(), form.name.strip(), form.stage, form.eligibility, form.amount_fen,
                         form.per, form.kind, form.funding_source.strip(), sorted(set(form.active_months)),
                         form.active, form.notes.strip())
    problems = []
    if not _CODE.match(form.code):
        problems.append(error("code", "programme.code", translate(
            "Ledger", "The code is 2 to 16 capital letters or digits, e.g. BYJY.")))
    elif session.scalar(select(Programme.id).where(Programme.code == form.code, Programme.id != (programme_id or -1))):
        problems.append(error("code", "programme.code_taken", translate(
            "Ledger", "Another programme has the code {code}.").format(code=form.code)))
    if not form.name:
        problems.append(error("name", "programme.name", translate("Ledger", "Enter the programme's name.")))
    if form.stage and form.stage not in {s.value for s in Stage}:
        problems.append(error("stage", "programme.stage", translate("Ledger", "Choose the stage.")))
    if form.eligibility not in {e.value for e in Eligibility}:
        problems.append(error("eligibility", "programme.eligibility", translate("Ledger", "Choose who is eligible.")))
    if form.amount_fen <= 0:
        problems.append(error("amount_fen", "programme.amount", translate("Ledger", "The amount must be above zero.")))
    if form.per not in {p.value for p in Per}:
        problems.append(error("per", "programme.per", translate("Ledger", "Choose per month or per term.")))
    if form.kind not in (EntryKind.PAYMENT.value, EntryKind.WAIVER.value):
        problems.append(error("kind", "programme.kind", translate("Ledger", "Choose paid or fee waived.")))
    if not form.active_months or not all(1 <= m <= 12 for m in form.active_months):
        problems.append(error("active_months", "programme.months", translate(
            "Ledger", "Choose the months in which the programme pays.")))
    if problems:
        raise ValidationFailed(problems)
    return form


def _apply_programme(programme: Programme, form: ProgrammeForm) -> None:
    for name in ("code", "name", "stage", "eligibility", "amount_fen", "per", "kind", "funding_source", "active",
                 "notes"):
        setattr(programme, name, getattr(form, name))
    programme.active_months = ",".join(str(m) for m in form.active_months)


@requires(Permission.POST_LEDGER)
def create_programme(session: Session, actor: Actor, form: ProgrammeForm) -> int:
    form = _validate_programme(session, form, None)
    programme = Programme()
    _apply_programme(programme, form)
    session.add(programme)
    session.flush()
    audit.record(session, actor, Action.CREATE, PROGRAMME, programme.id, programme.name,
                 after=audit.snapshot(programme))
    return programme.id


@requires(Permission.POST_LEDGER)
def update_programme(session: Session, actor: Actor, programme_id: int, form: ProgrammeForm) -> None:
    """Change a programme from now on; entries already posted keep the standard they were posted at."""
    programme = _programme(session, programme_id)
    form = _validate_programme(session, form, programme_id)
    before = audit.snapshot(programme)
    _apply_programme(programme, form)
    after = audit.snapshot(programme)
    if before != after:
        audit.record(session, actor, Action.UPDATE, PROGRAMME, programme.id, programme.name, before=before, after=after)


def programme_form(session: Session, programme_id: int) -> ProgrammeForm:
    view = get_programme(session, programme_id)
    return ProgrammeForm(view.code, view.name, view.stage, view.eligibility.value, view.amount_fen, view.per.value,
                         view.kind.value, view.funding_source, list(view.active_months), view.active, view.notes)


@requires(Permission.POST_LEDGER)
def set_members(session: Session, actor: Actor, programme_id: int, student_ids: Collection[int], reason: str = "",
                *, today: dt.date) -> None:
    """The hand-kept list of a programme whose eligibility is ``list``."""
    programme = _programme(session, programme_id)
    if programme.eligibility != Eligibility.LIST.value:
        raise NotAllowed(translate("Ledger", "Only a programme with a hand-kept list has members to choose."))
    current = {m.student_id: m for m in session.scalars(select(ProgrammeMember).where(
        ProgrammeMember.programme_id == programme_id))}
    wanted = set(student_ids)
    for student_id in wanted - set(current):
        session.add(ProgrammeMember(programme_id=programme_id, student_id=student_id, added_on=today,
                                    reason=reason.strip()))
    for student_id in set(current) - wanted:
        session.delete(current[student_id])
    if wanted != set(current):
        audit.record(session, actor, Action.UPDATE, PROGRAMME, programme_id, programme.name,
                     before={"members": sorted(current)}, after={"members": sorted(wanted)})


def members(session: Session, programme_id: int) -> list[int]:
    return list(session.scalars(select(ProgrammeMember.student_id).where(ProgrammeMember.programme_id == programme_id)))


# --- Who is eligible ----------------------------------------------------------------------------------


def _selected(session: Session, programme: ProgrammeView) -> Select:
    """The students the programme's rule selects, before enrollment is checked."""
    query = select(Student.id).outerjoin(Household, Student.household_id == Household.id)
    if programme.stage:
        query = query.where(Student.stage == programme.stage)
    rule = programme.eligibility
    if rule is Eligibility.REGISTERED_POOR:
        query = query.where(Household.registered_poor.is_(True))
    elif rule is Eligibility.LEFT_BEHIND:
        query = query.where(Student.left_behind.is_(True))
    elif rule is Eligibility.BOARDER:
        query = query.where(Student.boarder.is_(True))
    elif rule is Eligibility.LIST:
        query = query.where(Student.id.in_(select(ProgrammeMember.student_id).where(
            ProgrammeMember.programme_id == programme.id)))
    return query


def eligible_ids(session: Session, programme: ProgrammeView, month: dt.date, today: dt.date,
                 enrolled: set[int] | None = None) -> set[int]:
    if not programme.active or not programme.pays_in(month):
        return set()
    selected = set(fetch_ids(session, _selected(session, programme)))
    enrolled = enrolled if enrolled is not None else roster.enrolled_on(session, month_reference_day(month, today), selected)
    return selected & enrolled


def covered_ids(session: Session, programme_id: int, period: str) -> set[int]:
    """Students whose entries for the programme and period add up to more than zero."""
    query = (select(LedgerEntry.student_id).where(LedgerEntry.programme_id == programme_id,
                                                   LedgerEntry.period == period)
             .group_by(LedgerEntry.student_id).having(func.sum(LedgerEntry.amount_fen) > 0))
    return set(fetch_ids(session, query))


# --- Posting ---------------------------------------------------------------------------------------------


@dataclass
class StudentLine:
    student_id: int
    name: str
    school: str
    grade: str
    village: str
    guardian: str
    amount_fen: int


@dataclass
class PostingPlan:
    programme: ProgrammeView
    month: dt.date
    period: str
    lines: list[StudentLine]  # to post
    already: int  # eligible, but covered for the period already
    not_eligible: list[int]  # asked for by id, but not eligible or not enrolled

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
    if month > month_start(today):
        problems.append(error("month", "ledger.future", translate(
            "Ledger", "{month} has not begun: a month is posted once it has come.").format(month=month_key(month))))
    if problems:
        raise ValidationFailed(problems)
    period = programme.period_for(month)
    eligible = eligible_ids(session, programme, month, today)
    covered = covered_ids(session, programme_id, period)
    wanted = eligible if student_ids is None else eligible & set(student_ids)
    not_eligible = sorted(set(student_ids or ()) - eligible)
    amount = programme.amount_fen
    return PostingPlan(programme, month, period, student_lines(session, wanted - covered, amount),
                       already=len(wanted & covered), not_eligible=not_eligible)


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
    months = plan.programme.months_for(plan.month)
    ids = reserve_ids(session, LedgerEntry, len(plan.lines))
    rows: list[dict[str, Any]] = [
            {"id": entry_id, "batch_id": batch.id, "programme_id": programme_id, "student_id": line.student_id,
             "period": plan.period, "month": month_key(plan.month), "kind": plan.programme.kind.value,
             "standard_fen": plan.programme.amount_fen, "months": months, "amount_fen": line.amount_fen,
             "reverses_id": None, "replaces_id": None, "reason": "", "posted_at": now, "posted_by": actor.name}
            for entry_id, line in zip(ids, plan.lines, strict=True)]
    session.connection().execute(LedgerEntry.__table__.insert(), rows)
    audit.record(session, actor, Action.CREATE, BATCH, batch.id, f"{plan.programme.name} {plan.period}",
                 after={"programme": plan.programme.code, "period": plan.period, "entries": len(rows),
                        "total_fen": plan.total_fen})
    audit.record_many(session, [audit.event_values(actor, Action.CREATE, ENTRY, row["id"], line.name,
                                                   after=_entry_snapshot(row))
                                for row, line in zip(rows, plan.lines, strict=True)])
    return PostResult(batch.id, len(rows), plan.total_fen, plan.already, len(plan.not_eligible), plan.period)


_ENTRY_AUDITED = ("id", "batch_id", "programme_id", "student_id", "period", "month", "kind", "standard_fen", "months",
                  "amount_fen", "reverses_id", "replaces_id", "reason")


def _entry_snapshot(values: Mapping[str, object]) -> dict[str, object]:
    return {key: values[key] for key in _ENTRY_AUDITED}


# --- Corrections -----------------------------------------------------------------------------------------


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
    audit.record(session, actor, Action.CREATE, ENTRY, entry_id, summary, after=_entry_snapshot(row))
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


# --- Batches: the public notice and the payment --------------------------------------------------------------


@dataclass(frozen=True)
class BatchView:
    id: int
    programme_id: int
    programme: str
    period: str
    posted_at: dt.datetime
    posted_by: str
    entries: int
    total_fen: int
    notice_from: dt.date | None
    notice_to: dt.date | None
    paid_on: dt.date | None
    voucher_no: str

    def stage(self, today: dt.date) -> str:
        """Where the batch is on ``today``: 待公示, 公示中, 待发放, 已发放."""
        if self.paid_on is not None:
            return "已发放"
        if self.notice_from is None:
            return "待公示"
        return "公示中" if self.notice_to is None or self.notice_to >= today else "待发放"


def list_batches(session: Session, programme_id: int | None = None) -> list[BatchView]:
    totals = (select(LedgerEntry.batch_id, func.count().label("n"), func.sum(LedgerEntry.amount_fen).label("total"))
              .where(LedgerEntry.batch_id.is_not(None)).group_by(LedgerEntry.batch_id).subquery())
    query = (select(LedgerBatch, Programme.name, totals.c.n, totals.c.total)
             .join(Programme, LedgerBatch.programme_id == Programme.id)
             .outerjoin(totals, totals.c.batch_id == LedgerBatch.id)
             .order_by(LedgerBatch.id.desc()))
    if programme_id is not None:
        query = query.where(LedgerBatch.programme_id == programme_id)
    return [BatchView(b.id, b.programme_id, name, b.period, b.posted_at, b.posted_by, n or 0, total or 0,
                      b.notice_from, b.notice_to, b.paid_on, b.voucher_no)
            for b, name, n, total in session.execute(query)]


@requires(Permission.POST_LEDGER)
def record_notice(session: Session, actor: Actor, batch_id: int, notice_from: dt.date, notice_to: dt.date) -> None:
    """The dates the list of recipients was posted publicly (公示): at least five days."""
    batch = get_batch(session, batch_id)
    problems = []
    if batch.paid_on is not None:
        problems.append(error("notice", "ledger.notice_paid", translate(
            "Ledger", "The batch has been paid: its notice dates stay as they were.")))
    if (notice_to - notice_from).days + 1 < MINIMUM_NOTICE_DAYS:
        problems.append(error("notice", "ledger.notice_short", translate(
            "Ledger", "The list must be posted for at least {days} days (here: {n}).").format(
                days=MINIMUM_NOTICE_DAYS, n=(notice_to - notice_from).days + 1)))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(batch)
    batch.notice_from, batch.notice_to = notice_from, notice_to
    audit.record(session, actor, Action.UPDATE, BATCH, batch.id, batch.programme.name, before=before,
                 after=audit.snapshot(batch))


@requires(Permission.POST_LEDGER)
def record_payment(session: Session, actor: Actor, batch_id: int, paid_on: dt.date, voucher_no: str, *,
                   today: dt.date) -> None:
    """The batch was paid (or the fees waived) on a day, under a voucher number; only after its notice."""
    batch = get_batch(session, batch_id)
    voucher_no = voucher_no.strip()
    problems = []
    if batch.notice_from is None or batch.notice_to is None:
        problems.append(error("paid_on", "ledger.no_notice", translate(
            "Ledger", "Post the list of recipients publicly (公示) first, and record its dates.")))
    elif paid_on <= batch.notice_to:
        problems.append(error("paid_on", "ledger.paid_during_notice", translate(
            "Ledger", "Payment comes after the notice period, which ends on {date}.").format(
                date=batch.notice_to.isoformat())))
    if paid_on > today:
        problems.append(error("paid_on", "ledger.paid_future", translate("Ledger", "The payment date is in the future.")))
    if not voucher_no:
        problems.append(error("voucher_no", "ledger.voucher", translate("Ledger", "Enter the voucher number (凭证号).")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(batch)
    batch.paid_on, batch.voucher_no = paid_on, voucher_no
    audit.record(session, actor, Action.UPDATE, BATCH, batch.id, batch.programme.name, before=before,
                 after=audit.snapshot(batch))


def get_batch(session: Session, batch_id: int) -> LedgerBatch:
    batch = session.get(LedgerBatch, batch_id)
    if batch is None:
        raise NotFound(translate("Ledger", "The batch no longer exists."))
    return batch


# --- Looking at the ledger -------------------------------------------------------------------------------


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


def _entry_conditions(flt: EntryFilter) -> list:
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
    query = select(LedgerEntry.id).where(*_entry_conditions(flt))
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


def fetch_entry_rows(session: Session, ids: Iterable[int]) -> dict[int, EntryRow]:
    ids = list(ids)
    rows: dict[int, EntryRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        reversed_by = {reverses: rid for rid, reverses in session.execute(
            select(LedgerEntry.id, LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.in_(chunk)))}
        result = session.execute(
            select(LedgerEntry, Programme.name, Student.name, Student.id_number, School.name, Student.stage,
                   Student.grade, LedgerBatch.paid_on, LedgerBatch.voucher_no)
            .join(Programme, LedgerEntry.programme_id == Programme.id)
            .join(Student, LedgerEntry.student_id == Student.id)
            .join(School, Student.school_id == School.id)
            .outerjoin(LedgerBatch, LedgerEntry.batch_id == LedgerBatch.id)
            .where(LedgerEntry.id.in_(chunk)))
        for e, programme, student, number, school, stage, grade, paid_on, voucher in result:
            rows[e.id] = EntryRow(e.id, e.posted_at, e.posted_by, programme, e.period, e.month, e.student_id, student,
                                  number, school, grade_name_zh(stage, grade), EntryKind(e.kind), e.standard_fen,
                                  e.months, e.amount_fen, e.reverses_id, e.replaces_id, reversed_by.get(e.id), e.reason,
                                  paid_on, voucher or "")
        session.expunge_all()  # a million-entry ledger is browsed a screen at a time, not kept
    return rows


def entry_total(session: Session, flt: EntryFilter) -> tuple[int, int]:
    """(entries, total fen) of what the filter shows: the status line of the ledger view."""
    query = select(func.count(), func.coalesce(func.sum(LedgerEntry.amount_fen), 0)).where(*_entry_conditions(flt))
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


@dataclass(frozen=True)
class Total:
    key: str
    entries: int  # 人次
    total_fen: int


def _month_range(month_from: str, month_to: str) -> tuple[str, dict[str, str]]:
    conditions, params = [], {}
    if month_from:
        conditions.append("month >= :month_from")
        params["month_from"] = month_from
    if month_to:
        conditions.append("month <= :month_to")
        params["month_to"] = month_to
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def totals(session: Session, by: str, month_from: str = "", month_to: str = "") -> list[Total]:
    """Sums by ``programme``, ``school``, ``village`` or ``quarter`` (reversals included, so they net out).

    The entries are read once in table order (NOT INDEXED) and summed per programme, month or
    student, then rolled up: over a million entries this is several times quicker than letting
    SQLite walk an index and fetch each row."""
    where, params = _month_range(month_from, month_to)
    if by == "programme":
        sums = session.execute(text(f"SELECT programme_id, count(*), sum(amount_fen) FROM ledger_entries NOT INDEXED"
                                    f"{where} GROUP BY programme_id"), params).all()
        names = {p.id: p.name for p in list_programmes(session)}
        return [Total(names.get(pid, str(pid)), n, total) for pid, n, total in sorted(sums)]
    if by == "quarter":
        by_quarter: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for month, n, total in session.execute(text(
                f"SELECT month, count(*), sum(amount_fen) FROM ledger_entries NOT INDEXED{where} GROUP BY month"), params):
            bucket = by_quarter[Quarter.containing(parse_month(month)).key]
            bucket[0] += n
            bucket[1] += total
        return [Total(key, n, total) for key, (n, total) in sorted(by_quarter.items())]
    if by in ("school", "village"):
        key = "schools.name" if by == "school" else "coalesce(villages.name, '—')"
        query = text(
            f"SELECT {key} AS key, sum(per_student.n), sum(per_student.total) FROM ("
            f"SELECT student_id, count(*) AS n, sum(amount_fen) AS total FROM ledger_entries NOT INDEXED{where} "
            "GROUP BY student_id) AS per_student "
            "JOIN students ON students.id = per_student.student_id "
            "JOIN schools ON schools.id = students.school_id "
            "LEFT JOIN households ON households.id = students.household_id "
            "LEFT JOIN villages ON villages.id = households.village_id "
            "GROUP BY key ORDER BY key")
        return [Total(k, n, total) for k, n, total in session.execute(query, params)]
    raise ValueError(by)


# --- Coverage gaps ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    student_id: int
    name: str
    school: str
    grade: str
    village: str
    programme_id: int
    programme_code: str
    programme: str
    period: str
    amount_fen: int

    def as_json(self) -> dict[str, object]:
        return {"student_id": self.student_id, "name": self.name, "school": self.school, "grade": self.grade,
                "village": self.village, "programme": self.programme_code, "programme_name": self.programme,
                "period": self.period, "amount_yuan": float(yuan(self.amount_fen))}


def _missing(session: Session, period: str, today: dt.date) -> list[tuple[ProgrammeView, str, set[int]]]:
    """For each active programme and each of its periods within ``period`` that has come: the
    eligible students with no entry."""
    this_month = month_start(today)
    months = [m for m in months_of_period(period) if m <= this_month]
    found = []
    enrolled_cache: dict[dt.date, set[int]] = {}
    for programme in list_programmes(session, active_only=True):
        seen_periods = set()
        for month in months:
            if not programme.pays_in(month):
                continue
            programme_period = programme.period_for(month)
            if programme_period in seen_periods:
                continue
            seen_periods.add(programme_period)
            day = month_reference_day(month, today)
            if day not in enrolled_cache:
                enrolled_cache[day] = roster.enrolled_on(session, day)
            missing = eligible_ids(session, programme, month, today, enrolled_cache[day]) - covered_ids(
                session, programme.id, programme_period)
            found.append((programme, programme_period, missing))
    return found


def gap_count(session: Session, period: str, today: dt.date) -> int:
    """How many gaps ``gaps`` would list (for a badge: no names are looked up)."""
    return sum(len(missing) for _, _, missing in _missing(session, period, today))


def gaps(session: Session, period: str, today: dt.date) -> list[Gap]:
    """Eligible students with no entry, for every month of ``period`` (a month or a quarter) that has
    come, and every active programme that pays in it."""
    found: list[Gap] = []
    for programme, programme_period, missing in _missing(session, period, today):
        for line in student_lines(session, missing, programme.amount_fen):
            found.append(Gap(line.student_id, line.name, line.school, line.grade, line.village, programme.id,
                             programme.code, programme.name, programme_period, programme.amount_fen))
    return found
