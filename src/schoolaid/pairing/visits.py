"""The visit log (走访记录): every visit to a paired household, with its evidence files."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import NotPermitted, Permission, is_teacher, requires
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.storage.models import Household, School, Staff, Village, Visit
from schoolaid.township import attachments

ENTITY = "visit"
EARLIEST = dt.date(2014, 1, 1)  # registration of poor households (建档立卡) began in 2014


class VisitKind(str, enum.Enum):
    HOME = "入户"
    PHONE = "电话"
    AT_SCHOOL = "到校"

    def label(self) -> str:
        return {
            VisitKind.HOME: translate("Vocabulary", "Home visit"),
            VisitKind.PHONE: translate("Vocabulary", "Phone call"),
            VisitKind.AT_SCHOOL: translate("Vocabulary", "At school"),
        }[self]


@dataclass
class VisitEntry:
    staff_id: int | None = None
    household_id: int | None = None
    visit_date: dt.date | None = None
    form: str = VisitKind.HOME.value
    done: str = ""  # what was done or given
    problems: str = ""
    next_step: str = ""


_ENTRY_FIELDS = [f.name for f in fields(VisitEntry)]


def _validate(session: Session, entry: VisitEntry, today: dt.date) -> VisitEntry:
    entry = VisitEntry(**{name: getattr(entry, name) for name in _ENTRY_FIELDS})
    entry.done, entry.problems, entry.next_step = entry.done.strip(), entry.problems.strip(), entry.next_step.strip()
    problems = []
    if entry.staff_id is None or session.get(Staff, entry.staff_id) is None:
        problems.append(error("staff_id", "visit.staff", translate("Visits", "Choose who visited.")))
    if entry.household_id is None or session.get(Household, entry.household_id) is None:
        problems.append(error("household_id", "visit.household", translate("Visits", "Choose the household visited.")))
    if entry.visit_date is None:
        problems.append(error("visit_date", "visit.date", translate("Visits", "Enter the date of the visit.")))
    elif entry.visit_date > today:
        problems.append(error("visit_date", "visit.future", translate("Visits", "The visit date is in the future.")))
    elif entry.visit_date < EARLIEST:
        problems.append(error("visit_date", "visit.early", translate(
            "Visits", "The visit date is before 2014, when the households to help were first registered.")))
    if entry.form not in {k.value for k in VisitKind}:
        problems.append(error("form", "visit.form", translate("Visits", "Choose how the visit was made.")))
    if not entry.done:
        problems.append(error("done", "visit.done", translate(
            "Visits", "Write what was done or given during the visit.")))
    if problems:
        raise ValidationFailed(problems)
    return entry


@requires(Permission.LOG_VISIT)
def add_visit(session: Session, actor: Actor, entry: VisitEntry, files: Sequence[tuple[str, bytes]] = (),
              *, today: dt.date) -> int:
    """Log a visit, with its evidence files, in one transaction."""
    entry = _validate(session, entry, today)
    _check_own(actor, entry.staff_id)
    visit = Visit(**{name: getattr(entry, name) for name in _ENTRY_FIELDS}, recorded_by=actor.name)
    session.add(visit)
    session.flush()
    audit.record(session, actor, Action.CREATE, ENTITY, visit.id, _summary(session, visit),
                 after=audit.snapshot(visit, _ENTRY_FIELDS))
    for name, data in files:
        attachments.add(session, actor, ENTITY, visit.id, name, data)
    return visit.id


@requires(Permission.LOG_VISIT)
def update_visit(session: Session, actor: Actor, visit_id: int, entry: VisitEntry,
                 today: dt.date) -> None:
    visit = _get(session, visit_id)
    _check_own(actor, visit.staff_id)
    entry = _validate(session, entry, today)
    _check_own(actor, entry.staff_id)
    before = audit.snapshot(visit, _ENTRY_FIELDS)
    for name in _ENTRY_FIELDS:
        setattr(visit, name, getattr(entry, name))
    after = audit.snapshot(visit, _ENTRY_FIELDS)
    if before != after:
        audit.record(session, actor, Action.UPDATE, ENTITY, visit.id, _summary(session, visit), before=before,
                     after=after)


@requires(Permission.LOG_VISIT)
def add_evidence(session: Session, actor: Actor, visit_id: int, name: str, data: bytes) -> int:
    _check_own(actor, _get(session, visit_id).staff_id)
    return attachments.add(session, actor, ENTITY, visit_id, name, data)


def _check_own(actor: Actor, staff_id: int | None) -> None:
    """A teacher logs only their own visits, to the households paired with them."""
    if is_teacher(actor) and (actor.staff_id is None or staff_id != actor.staff_id):
        raise NotPermitted(translate(
            "Visits", "{name} can log only their own visits: choose yourself as the visitor.").format(name=actor.name),
            actor, Permission.LOG_VISIT)


def get_entry(session: Session, visit_id: int) -> VisitEntry:
    visit = _get(session, visit_id)
    return VisitEntry(**{name: getattr(visit, name) for name in _ENTRY_FIELDS})


def _get(session: Session, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(translate("Visits", "The visit no longer exists."))
    return visit


def _summary(session: Session, visit: Visit) -> str:
    staff = session.get(Staff, visit.staff_id)
    household = session.get(Household, visit.household_id)
    return f"{staff.name if staff else '?'} → {household.head_name if household else '?'} {visit.visit_date}"


@dataclass(frozen=True)
class VisitView:
    id: int
    visit_date: dt.date
    staff_id: int
    staff: str
    school: str
    household_id: int
    household_head: str
    village: str
    form: VisitKind
    done: str
    problems: str
    next_step: str
    evidence: int  # number of evidence files
    recorded_by: str


def list_visits(session: Session, *, household_id: int | None = None, staff_id: int | None = None,
                since: dt.date | None = None, limit: int | None = None) -> list[VisitView]:
    """Visits, newest first."""
    query = (select(Visit, Staff.name, School.name, Household.head_name, Village.name)
             .join(Staff, Visit.staff_id == Staff.id)
             .join(School, Staff.school_id == School.id)
             .join(Household, Visit.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id))
    if household_id is not None:
        query = query.where(Visit.household_id == household_id)
    if staff_id is not None:
        query = query.where(Visit.staff_id == staff_id)
    if since is not None:
        query = query.where(Visit.visit_date >= since)
    query = query.order_by(Visit.visit_date.desc(), Visit.id.desc())
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    counts = attachments.counts_for(session, ENTITY, [v.id for v, *_ in rows])
    return [VisitView(v.id, v.visit_date, v.staff_id, staff, school, v.household_id, head, village or "",
                      VisitKind(v.form), v.done, v.problems, v.next_step, counts.get(v.id, 0), v.recorded_by)
            for v, staff, school, head, village in rows]
