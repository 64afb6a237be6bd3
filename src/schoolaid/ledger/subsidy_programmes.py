"""Subsidy programmes (资助项目): who is eligible, how much, per month or per term, in which months;
and the hand-kept member list of a programme whose eligibility is a list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common import school_calendar
from schoolaid.common.errors import NotAllowed, NotFound, ValidationFailed
from schoolaid.common.grades import Stage
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Term, month_key
from schoolaid.common.validation import error
from schoolaid.ledger import standards
from schoolaid.ledger.currency import yuan
from schoolaid.ledger.vocabulary import Eligibility, EntryKind, Per
from schoolaid.storage.models import Programme, ProgrammeMember, ProgrammeStandard

PROGRAMME = "programme"
STANDARD = "programme_standard"


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
    grades: list[int] = field(default_factory=list)  # empty: every grade of the stages
    boarder: str = ""  # "yes", "no", or empty: either
    categories: list[str] = field(default_factory=list)  # any-of (standards.ALL_CATEGORIES); empty: no condition


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
    grades: tuple[int, ...] = ()
    boarder: str = ""
    categories: tuple[str, ...] = ()

    @property
    def stages(self) -> tuple[str, ...]:
        """The stages it is for (empty: every stage)."""
        return tuple(s for s in self.stage.split(",") if s)

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "code": self.code, "name": self.name, "stage": self.stage or None,
                "eligibility": self.eligibility.value, "amount_yuan": float(yuan(self.amount_fen)),
                "amount_fen": self.amount_fen, "per": self.per.value, "kind": self.kind.value,
                "funding_source": self.funding_source, "active_months": list(self.active_months),
                "active": self.active, "grades": list(self.grades), "boarder": self.boarder or None,
                "categories": list(self.categories)}

    def pays_in(self, month: dt.date) -> bool:
        return month.month in self.active_months

    def period_for(self, month: dt.date) -> str:
        return Term.containing(month).key if self.per is Per.TERM else month_key(month)

    def months_for(self, month: dt.date) -> int:
        """月数: one for a monthly programme (or one paid per school day, posted by month), the term's
        paying months for a termly one."""
        if self.per is not Per.TERM:
            return 1
        return sum(1 for m in Term.containing(month).months() if m.month in self.active_months)


def _view(programme: Programme) -> ProgrammeView:
    return ProgrammeView(programme.id, programme.code, programme.name, programme.stage,
                         Eligibility(programme.eligibility), programme.amount_fen, Per(programme.per),
                         EntryKind(programme.kind), programme.funding_source,
                         tuple(int(m) for m in programme.active_months.split(",") if m), programme.active,
                         programme.notes, tuple(int(g) for g in (programme.grades or "").split(",") if g),
                         programme.boarder or "", tuple(c for c in (programme.categories or "").split(",") if c))


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
                         form.active, form.notes.strip(), sorted(set(form.grades)), form.boarder,
                         [c for c in standards.ALL_CATEGORIES if c in set(form.categories)]
                         + sorted(set(form.categories) - set(standards.ALL_CATEGORIES)))
    problems = []
    if not _CODE.match(form.code):
        problems.append(error("code", "programme.code", translate(
            "Ledger", "The code is 2 to 16 capital letters or digits, e.g. BYJY.")))
    elif session.scalar(select(Programme.id).where(Programme.code == form.code, Programme.id != (programme_id or -1))):
        problems.append(error("code", "programme.code_taken", translate(
            "Ledger", "Another programme has the code {code}.").format(code=form.code)))
    if not form.name:
        problems.append(error("name", "programme.name", translate("Ledger", "Enter the programme's name.")))
    if form.stage and not set(form.stage.split(",")) <= {s.value for s in Stage}:
        problems.append(error("stage", "programme.stage", translate("Ledger", "Choose the stage.")))
    if form.eligibility not in {e.value for e in Eligibility}:
        problems.append(error("eligibility", "programme.eligibility", translate("Ledger", "Choose who is eligible.")))
    if form.amount_fen <= 0 and not (programme_id is not None and has_standards(session, programme_id)):
        problems.append(error("amount_fen", "programme.amount", translate("Ledger", "The amount must be above zero.")))
    if form.per not in {p.value for p in Per}:
        problems.append(error("per", "programme.per", translate(
            "Ledger", "Choose per month, per term or per school day.")))
    if form.boarder not in ("", "yes", "no"):
        problems.append(error("boarder", "programme.boarder", translate("Ledger", "Choose boarders, non-boarders or either.")))
    if not all(1 <= g <= 9 for g in form.grades):
        problems.append(error("grades", "programme.grades", translate("Ledger", "Choose grades from 1 to 9.")))
    unknown = set(form.categories) - set(standards.ALL_CATEGORIES)
    if unknown:
        problems.append(error("categories", "programme.categories", translate(
            "Ledger", "Unknown categories: {names}.").format(names="、".join(sorted(unknown)))))
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
                 "notes", "boarder"):
        setattr(programme, name, getattr(form, name))
    programme.active_months = ",".join(str(m) for m in form.active_months)
    programme.grades = ",".join(str(g) for g in form.grades)
    programme.categories = ",".join(form.categories)


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
                         view.kind.value, view.funding_source, list(view.active_months), view.active, view.notes,
                         list(view.grades), view.boarder, list(view.categories))


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


# --- Standards: each amount from the date it takes effect -------------------------------------------


@dataclass(frozen=True)
class StandardView:
    id: int
    programme_id: int
    effective_from: dt.date
    stage: str  # "" for every stage
    boarder: str  # "yes", "no" or "" for either
    amount_fen: int
    unit: str  # month, year (a term pays half), day
    source: str

    def applies_to(self, stage: str, boarder: bool) -> bool:
        return (not self.stage or self.stage == stage) and (
            not self.boarder or self.boarder == ("yes" if boarder else "no"))

    def describe(self) -> str:
        """In Chinese, as a posting's basis says it: 2024-02-01起 小学寄宿生 每生每年1250元."""
        who = self.stage + {"yes": "寄宿生", "no": "非寄宿生"}.get(self.boarder, "")
        unit = {"month": "每生每月", "year": "每生每年", "day": "每生每天"}.get(self.unit, "")
        return f"{self.effective_from.isoformat()}起{who}{unit}{currency_text(self.amount_fen)}元"

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "effective_from": self.effective_from.isoformat(), "stage": self.stage or None,
                "boarder": self.boarder or None, "amount_yuan": float(yuan(self.amount_fen)), "unit": self.unit,
                "source": self.source}


def currency_text(fen: int) -> str:
    """1250, 2.50: yuan as a basis writes them."""
    return f"{fen // 100}" if fen % 100 == 0 else f"{fen / 100:.2f}"


def list_standards(session: Session, programme_id: int) -> list[StandardView]:
    """The programme's standards, oldest first."""
    return [StandardView(s.id, s.programme_id, s.effective_from, s.stage, s.boarder, s.amount_fen, s.unit, s.source)
            for s in session.scalars(select(ProgrammeStandard).where(ProgrammeStandard.programme_id == programme_id)
                                     .order_by(ProgrammeStandard.effective_from, ProgrammeStandard.id))]


def has_standards(session: Session, programme_id: int) -> bool:
    return session.scalar(select(ProgrammeStandard.id).where(ProgrammeStandard.programme_id == programme_id)
                          .limit(1)) is not None


def standard_on(found: list[StandardView], stage: str, boarder: bool, day: dt.date) -> StandardView | None:
    """The standard in effect on ``day`` for a student of ``stage``, boarder or not: the latest that
    has taken effect and applies to them."""
    applying = [s for s in found if s.effective_from <= day and s.applies_to(stage, boarder)]
    return max(applying, key=lambda s: (s.effective_from, s.id)) if applying else None


@dataclass
class StandardForm:
    effective_from: dt.date
    amount_fen: int
    unit: str = "year"
    stage: str = ""
    boarder: str = ""
    source: str = ""


@requires(Permission.POST_LEDGER)
def add_standard(session: Session, actor: Actor, programme_id: int, form: StandardForm) -> int:
    """A new standard from a date. Entries already posted keep the amount they were posted at."""
    programme = _programme(session, programme_id)
    problems = []
    if form.amount_fen <= 0:
        problems.append(error("amount_fen", "standard.amount", translate("Ledger", "The amount must be above zero.")))
    if form.unit not in ("month", "year", "day"):
        problems.append(error("unit", "standard.unit", translate("Ledger", "Choose per month, per year or per day.")))
    if form.stage and form.stage not in {s.value for s in Stage}:
        problems.append(error("stage", "standard.stage", translate("Ledger", "Choose the stage.")))
    if form.boarder not in ("", "yes", "no"):
        problems.append(error("boarder", "standard.boarder", translate(
            "Ledger", "Choose boarders, non-boarders or either.")))
    if not form.source.strip():
        problems.append(error("source", "standard.source", translate(
            "Ledger", "Name the document the standard comes from.")))
    if problems:
        raise ValidationFailed(problems)
    standard = ProgrammeStandard(programme_id=programme_id, effective_from=form.effective_from, stage=form.stage,
                                 boarder=form.boarder, amount_fen=form.amount_fen, unit=form.unit,
                                 source=form.source.strip())
    session.add(standard)
    session.flush()
    audit.record(session, actor, Action.CREATE, STANDARD, standard.id, programme.name,
                 after=audit.snapshot(standard))
    return standard.id
