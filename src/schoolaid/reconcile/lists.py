"""The lists of 四查三比对 as they were handed over: each import kept on record (which list, from
whom, when, how many people), and its people. A newer list of the same kind and village replaces the
older one's people (no longer active, pointing at the list that replaced them); nothing is deleted.

The people of a list are audited through the list's ``people_digest`` (a SHA-256 of its rows, see
``accounts.audit_verify.reference_people_digests``), so a person changed behind the app's back is found
without writing thousands of events per import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.audit_verify import reference_people_digests
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.reconcile.vocabulary import ListKind
from schoolaid.storage.models import ReferenceList, ReferencePerson, Village

ENTITY = "reference_list"
MAX_SOURCE = 64  # the column's width: 某某县公安局某某派出所 and the like fit


@dataclass(frozen=True)
class ListedPerson:
    """One person of a list as the import read them (cleaned and checked): the fields of
    ``ReferencePerson`` without its ids. Only the fields of the list's kind are filled."""

    name: str
    row: int = 0  # the file's row (Excel numbering)
    sex: str = ""
    ethnicity: str = ""
    birth_date: dt.date | None = None
    id_number: str | None = None
    is_child: bool = True  # 0–17 on 31 August of the list's school year
    village_id: int | None = None
    group_name: str = ""
    address: str = ""
    household_no: str = ""
    head_name: str = ""
    head_id_number: str | None = None
    relation: str = ""
    category: str = ""  # "" or a HouseholdCategory value
    monitoring_type: str = ""  # "" or a MonitoringType value
    lifted_year: int | None = None
    identified_on: dt.date | None = None
    registry_no: str = ""
    school_id: int | None = None
    school_name: str = ""
    grade_text: str = ""


_PERSON_FIELDS = tuple(f.name for f in fields(ListedPerson))


def people_digest(session: Session, list_id: int) -> str:
    """The SHA-256 of a list's people as they are in the database now (what its audit records)."""
    return reference_people_digests(session, [list_id])[list_id]


def _problem(code: str, message: str) -> ValidationFailed:
    return ValidationFailed([error("reference_list", code, message)])


def _current_lists(session: Session, kind: ListKind, village_id: int | None) -> list[ReferenceList]:
    """The lists of this kind and village whose people are active (normally one)."""
    same_village = ReferenceList.village_id.is_(None) if village_id is None else ReferenceList.village_id == village_id
    return list(session.scalars(select(ReferenceList).where(
        ReferenceList.kind == kind.value, same_village, ReferenceList.replaced_by_id.is_(None)).order_by(ReferenceList.id)))


@requires(Permission.EDIT_ROSTER)
def store_list(session: Session, actor: Actor, kind: ListKind, people: Sequence[ListedPerson], *, today: dt.date,
               source: str, received_on: dt.date, village_id: int | None, school_year: int, file_name: str = "",
               rejected: int = 0) -> ReferenceList:
    """Write one list with its people in the caller's transaction. The lists of the same kind and
    village (None: the whole township) it replaces keep their record, their people no longer active."""
    source = " ".join(source.split())
    if len(source) > MAX_SOURCE:
        raise _problem("reference_list.source", translate(
            "ReferenceLists", "Who the list came from is at most {n} characters long.").format(n=MAX_SOURCE))
    if received_on > today:
        raise _problem("reference_list.received_on", translate(
            "ReferenceLists", "The day the list was received ({day}) is after today.").format(day=received_on.isoformat()))
    if village_id is not None and session.get(Village, village_id) is None:
        raise _problem("reference_list.village", translate("ReferenceLists", "That village is not on the list of villages."))
    replaced = _current_lists(session, kind, village_id)
    for older in replaced:
        if older.received_on > received_on:
            raise _problem("reference_list.older", translate(
                "ReferenceLists", "A list of the same kind received on {newer} is already imported; this one was "
                "received earlier ({older}) and cannot replace it.").format(
                    newer=older.received_on.isoformat(), older=received_on.isoformat()))

    reference = ReferenceList(kind=kind.value, village_id=village_id, source=source, received_on=received_on,
                              school_year=school_year, file_name=file_name[:255], people=len(people),
                              children=sum(1 for p in people if p.is_child), rejected=rejected,
                              imported_by=actor.name[:64], people_digest="")
    session.add(reference)
    session.flush()
    rows = [{**{name: getattr(person, name) for name in _PERSON_FIELDS}, "list_id": reference.id, "active": True}
            for person in people]
    for start in range(0, len(rows), 5000):
        session.execute(insert(ReferencePerson), rows[start:start + 5000])

    for older in replaced:
        session.execute(update(ReferencePerson).where(ReferencePerson.list_id == older.id).values(active=False))
    digests = reference_people_digests(session, [reference.id, *(older.id for older in replaced)])
    reference.people_digest = digests[reference.id]
    session.flush()
    audit.record(session, actor, Action.CREATE, ENTITY, reference.id, _summary(reference),
                 after=audit.snapshot(reference))
    for older in replaced:
        before = audit.snapshot(older, ("replaced_by_id", "replaced_on", "people_digest"))
        older.replaced_by_id = reference.id
        older.replaced_on = today
        older.people_digest = digests[older.id]
        session.flush()
        audit.record(session, actor, Action.UPDATE, ENTITY, older.id, _summary(older), before=before,
                     after=audit.snapshot(older, ("replaced_by_id", "replaced_on", "people_digest")))
    return reference


def _summary(reference: ReferenceList) -> str:
    return f"{ListKind(reference.kind).label()} {reference.received_on.isoformat()} {reference.source}".strip()


@dataclass(frozen=True)
class ListView:
    id: int
    kind: ListKind
    village_id: int | None
    village: str  # "" for the whole township
    source: str
    received_on: dt.date
    school_year: int
    file_name: str
    people: int
    children: int
    rejected: int
    imported_by: str
    imported_at: dt.datetime
    replaced_by_id: int | None
    replaced_on: dt.date | None

    @property
    def active(self) -> bool:
        return self.replaced_by_id is None

    @property
    def place(self) -> str:
        return self.village or translate("ReferenceLists", "Whole township")

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "list": self.kind.value, "village": self.village or None, "source": self.source,
                "received_on": self.received_on.isoformat(), "school_year": self.school_year,
                "file_name": self.file_name, "people": self.people, "children": self.children,
                "rejected": self.rejected, "imported_by": self.imported_by, "active": self.active,
                "replaced_by": self.replaced_by_id,
                "replaced_on": self.replaced_on.isoformat() if self.replaced_on else None}


def list_lists(session: Session) -> list[ListView]:
    """Every list imported, newest first (the replaced ones too)."""
    rows = session.execute(select(ReferenceList, Village.name).outerjoin(Village, ReferenceList.village_id == Village.id)
                           .order_by(ReferenceList.received_on.desc(), ReferenceList.id.desc()))
    return [ListView(r.id, ListKind(r.kind), r.village_id, name or "", r.source, r.received_on, r.school_year,
                     r.file_name, r.people, r.children, r.rejected, r.imported_by, r.imported_at, r.replaced_by_id,
                     r.replaced_on) for r, name in rows]


def active_people(session: Session, kind: ListKind, *, children_only: bool = False,
                  village_id: int | None = None) -> list[ReferencePerson]:
    """The people of the lists of this kind now in force, in list and row order. ``village_id``: only
    the people living in that village (by their own village, as a township-wide list gives it)."""
    query = (select(ReferencePerson).join(ReferenceList, ReferencePerson.list_id == ReferenceList.id)
             .where(ReferenceList.kind == kind.value, ReferencePerson.active.is_(True)))
    if children_only:
        query = query.where(ReferencePerson.is_child.is_(True))
    if village_id is not None:
        query = query.where(ReferencePerson.village_id == village_id)
    return list(session.scalars(query.order_by(ReferencePerson.list_id, ReferencePerson.id)))


def register_villages(session: Session, school_year: int) -> set[int]:
    """The villages with a household register in force for the school year: the hukou lists of that
    year or before not replaced by one of that year or before. A village's list covers its village; a
    township-wide list covers the villages its people live in."""
    later = ReferenceList.__table__.alias("later")
    in_force = (select(ReferenceList.id, ReferenceList.village_id)
                .outerjoin(later, later.c.id == ReferenceList.replaced_by_id)
                .where(ReferenceList.kind == ListKind.HUKOU.value, ReferenceList.school_year <= school_year,
                       or_(ReferenceList.replaced_by_id.is_(None), later.c.school_year > school_year)))
    villages: set[int] = set()
    township_lists: list[int] = []
    for list_id, village_id in session.execute(in_force):
        if village_id is None:
            township_lists.append(list_id)
        else:
            villages.add(village_id)
    if township_lists:
        villages.update(session.scalars(select(ReferencePerson.village_id).distinct().where(
            ReferencePerson.list_id.in_(township_lists), ReferencePerson.village_id.is_not(None))))
    return villages
