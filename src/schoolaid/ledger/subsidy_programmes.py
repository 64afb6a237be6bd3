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
from schoolaid.ledger.currency import yuan
from schoolaid.ledger.vocabulary import Eligibility, EntryKind, Per
from schoolaid.storage.models import Programme, ProgrammeMember

PROGRAMME = "programme"


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
