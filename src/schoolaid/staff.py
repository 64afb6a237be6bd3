"""School staff: the people who pair households, visit families and persuade dropouts to return."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from schoolaid import audit
from schoolaid.audit import Action, Actor
from schoolaid.errors import ValidationFailed
from schoolaid.i18n import translate
from schoolaid.models import School, Staff
from schoolaid.validation import clean_name, clean_phone, error
from schoolaid.vocabulary import StaffRole


@dataclass(frozen=True)
class StaffView:
    id: int
    name: str
    school: str
    role: StaffRole
    phone: str
    active: bool


def add_staff(session: Session, actor: Actor, name: str, school_id: int, role: StaffRole,
              phone: str = "", sex: str = "") -> int:
    name = clean_name(name)
    problems = []
    if not name:
        problems.append(error("name", "staff.name", translate("Staff", "Enter the staff member's name.")))
    if session.get(School, school_id) is None:
        problems.append(error("school_id", "staff.school", translate("Staff", "Choose the school.")))
    if problems:
        raise ValidationFailed(problems)
    member = Staff(name=name, school_id=school_id, role=role.value, phone=clean_phone(phone), sex=sex)
    session.add(member)
    session.flush()
    audit.record(session, actor, Action.CREATE, "staff", member.id, name, after=audit.snapshot(member))
    return member.id


def list_staff(session: Session, *, active_only: bool = True) -> list[StaffView]:
    query = select(Staff, School.name).join(School, Staff.school_id == School.id)
    if active_only:
        query = query.where(Staff.active.is_(True))
    rank = case({StaffRole.PRINCIPAL.value: 0, StaffRole.LEADERSHIP.value: 1}, value=Staff.role, else_=2)
    query = query.order_by(School.sort_order, rank, Staff.name)
    return [StaffView(s.id, s.name, school, StaffRole(s.role), s.phone, s.active) for s, school in session.execute(query)]
