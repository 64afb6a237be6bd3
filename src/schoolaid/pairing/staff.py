"""School staff: the people who pair households, visit families and persuade dropouts to return.

Staff who leave are kept, with the date and the reason, and hand their households over: the
pairing history stays whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import clean_name, clean_phone, error, looks_like_phone
from schoolaid.common.vocabulary import Sex, StaffRole
from schoolaid.storage.models import School, Staff

ENTITY = "staff"
_FIELDS = ("name", "school_id", "role", "sex", "phone")


@dataclass
class StaffForm:
    name: str = ""
    school_id: int | None = None
    role: str = StaffRole.TEACHER.value
    sex: str = ""
    phone: str = ""


@dataclass(frozen=True)
class StaffView:
    id: int
    name: str
    school_id: int
    school: str
    role: StaffRole
    sex: str
    phone: str
    active: bool
    left_on: dt.date | None = None
    left_reason: str = ""


def _validate(session: Session, form: StaffForm) -> StaffForm:
    form = StaffForm(clean_name(form.name), form.school_id, form.role, form.sex, clean_phone(form.phone))
    problems = []
    if not form.name:
        problems.append(error("name", "staff.name", translate("Staff", "Enter the staff member's name.")))
    if form.school_id is None or session.get(School, form.school_id) is None:
        problems.append(error("school_id", "staff.school", translate("Staff", "Choose the school.")))
    if form.role not in {r.value for r in StaffRole}:
        problems.append(error("role", "staff.role", translate("Staff", "Choose the role.")))
    if form.sex and form.sex not in {s.value for s in Sex}:
        problems.append(error("sex", "staff.sex", translate("Staff", "Choose the sex.")))
    if form.phone and not looks_like_phone(form.phone):
        problems.append(error("phone", "staff.phone", translate(
            "Staff", "The phone number {phone} does not look like a mobile (11 digits) or a landline.").format(
                phone=form.phone)))
    if problems:
        raise ValidationFailed(problems)
    return form


@requires(Permission.EDIT_PAIRING)
def add_staff(session: Session, actor: Actor, name: str, school_id: int, role: StaffRole,
              phone: str = "", sex: str = "") -> int:
    return create_staff(session, actor, StaffForm(name, school_id, StaffRole(role).value, sex, phone))


@requires(Permission.EDIT_PAIRING)
def create_staff(session: Session, actor: Actor, form: StaffForm) -> int:
    form = _validate(session, form)
    member = Staff(**{name: getattr(form, name) for name in _FIELDS})
    session.add(member)
    session.flush()
    audit.record(session, actor, Action.CREATE, ENTITY, member.id, member.name, after=audit.snapshot(member))
    return member.id


@requires(Permission.EDIT_PAIRING)
def update_staff(session: Session, actor: Actor, staff_id: int, form: StaffForm) -> None:
    member = _get(session, staff_id)
    form = _validate(session, form)
    before = audit.snapshot(member)
    for name in _FIELDS:
        setattr(member, name, getattr(form, name))
    after = audit.snapshot(member)
    if before != after:
        audit.record(session, actor, Action.UPDATE, ENTITY, member.id, member.name, before=before, after=after)


def get_form(session: Session, staff_id: int) -> StaffForm:
    member = _get(session, staff_id)
    return StaffForm(**{name: getattr(member, name) for name in _FIELDS})


@requires(Permission.EDIT_PAIRING)
def leave(session: Session, actor: Actor, staff_id: int, left_on: dt.date, reason: str,
          handovers: Mapping[int, int | None], *, today: dt.date) -> None:
    """A staff member leaves (调离, 退休 …). Every active pairing of theirs must be in ``handovers``:
    handed to another staff member, or ended (None)."""
    from schoolaid.pairing import pairing

    member = _get(session, staff_id)
    reason = reason.strip()
    problems = []
    if not member.active:
        problems.append(error("staff_id", "staff.left", translate("Staff", "{name} has already left.").format(
            name=member.name)))
    if not reason:
        problems.append(error("reason", "staff.reason", translate("Staff", "Say why the staff member leaves.")))
    if left_on > today:
        problems.append(error("left_on", "staff.future", translate("Staff", "The date is in the future.")))
    active = pairing.list_pairings(session, active_on=left_on, staff_id=staff_id)
    missing = [p.household_head for p in active if p.id not in handovers]
    if missing:
        problems.append(error("handovers", "staff.handover", translate(
            "Staff", "Say who takes over the households of {heads}, or end those pairings.").format(
                heads="、".join(missing))))
    if problems:
        raise ValidationFailed(problems)
    for view in active:
        receiver = handovers[view.id]
        if receiver is None:
            pairing.end_pairing(session, actor, view.id, left_on, translate("Staff", "{name} left: {reason}").format(
                name=member.name, reason=reason))
        else:
            pairing.hand_over(session, actor, view.id, receiver, left_on, translate(
                "Staff", "{name} left: {reason}").format(name=member.name, reason=reason), today=today)
    before = audit.snapshot(member)
    member.active, member.left_on, member.left_reason = False, left_on, reason
    audit.record(session, actor, Action.UPDATE, ENTITY, member.id, member.name, before=before,
                 after=audit.snapshot(member))


def _get(session: Session, staff_id: int) -> Staff:
    member = session.get(Staff, staff_id)
    if member is None:
        raise NotFound(translate("Staff", "The staff member no longer exists."))
    return member


def list_staff(session: Session, *, active_only: bool = True, school_id: int | None = None) -> list[StaffView]:
    query = select(Staff, School.name).join(School, Staff.school_id == School.id)
    if active_only:
        query = query.where(Staff.active.is_(True))
    if school_id is not None:
        query = query.where(Staff.school_id == school_id)
    rank = case({StaffRole.PRINCIPAL.value: 0, StaffRole.LEADERSHIP.value: 1}, value=Staff.role, else_=2)
    query = query.order_by(School.sort_order, rank, Staff.name)
    return [StaffView(s.id, s.name, s.school_id, school, StaffRole(s.role), s.sex, s.phone, s.active, s.left_on,
                      s.left_reason) for s, school in session.execute(query)]
