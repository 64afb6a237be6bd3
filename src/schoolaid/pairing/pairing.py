"""Household pairing (结对帮扶): who helps which poor household, the quotas of the plan, and the
gaps it wants closed — households with nobody, helpers who left, visits overdue.

The plan: each leadership member and school head pairs 2–3 poor households, each teacher 1–2.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.common.vocabulary import StaffRole
from schoolaid.roster.categories import HouseholdCategory, is_lifted_or_monitored, legacy_poverty_status
from schoolaid.storage.models import Household, Pairing, School, Staff, Village, Visit
from schoolaid.township import township

ENTITY = "pairing"
OVERDUE_DAYS_SETTING = "pairing.overdue_days"
DEFAULT_OVERDUE_DAYS = 30

QUOTAS: dict[StaffRole, tuple[int, int]] = {
    StaffRole.PRINCIPAL: (2, 3),
    StaffRole.LEADERSHIP: (2, 3),
    StaffRole.TEACHER: (1, 2),
}
# Households the plan wants paired: 防止返贫监测对象 whose risk is not removed (2026: "对离开帮扶政策会出现
# 返贫风险的继续实施帮扶", docs/sources/student-aid-2024.md section 7), and those an older version recorded
# as 建档立卡 未脱贫 (history kept: their pairing need stays as it was).
HISTORY_NOT_LIFTED = "未脱贫"


def quota(role: StaffRole | str) -> tuple[int, int]:
    return QUOTAS[StaffRole(role)]


def _active(today: dt.date):  # noqa: ANN202 - an SQL condition
    return and_(Pairing.start_date <= today, or_(Pairing.end_date.is_(None), Pairing.end_date > today))


def needs_pair():  # noqa: ANN202 - an SQL condition
    return or_(and_(Household.category == HouseholdCategory.MONITORED.value, Household.risk_removed_on.is_(None)),
               Household.poverty_status == HISTORY_NOT_LIFTED)


def _may_pair():  # noqa: ANN202 - an SQL condition
    """脱贫户, and 监测对象 whose risk is not removed: ``categories.is_lifted_or_monitored``."""
    return or_(Household.category == HouseholdCategory.LIFTED.value,
               and_(Household.category == HouseholdCategory.MONITORED.value, Household.risk_removed_on.is_(None)))


def overdue_days(session: Session) -> int:
    value = township.get_setting(session, OVERDUE_DAYS_SETTING, str(DEFAULT_OVERDUE_DAYS))
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_OVERDUE_DAYS


@requires(Permission.EDIT_SETTINGS)
def set_overdue_days(session: Session, actor: Actor, days: int) -> None:
    if not 1 <= days <= 365:
        raise ValidationFailed([error("days", "pairing.days", translate(
            "Pairing", "The number of days must be between 1 and 365."))])
    township.set_setting(session, actor, OVERDUE_DAYS_SETTING, str(days))


# --- Changes -------------------------------------------------------------------------------------


def _snapshot(pairing: Pairing) -> dict[str, object]:
    return audit.snapshot(pairing)


@requires(Permission.EDIT_PAIRING)
def pair(session: Session, actor: Actor, staff_id: int, household_id: int, start_date: dt.date,
         notes: str = "", handed_over_from_id: int | None = None, *, today: dt.date) -> int:
    """Pair a staff member with a household from ``start_date``."""
    staff = session.get(Staff, staff_id)
    household = session.get(Household, household_id)
    problems = []
    if staff is None or not staff.active:
        problems.append(error("staff_id", "pairing.staff", translate(
            "Pairing", "Choose a staff member who is still at the school.")))
    if household is None:
        problems.append(error("household_id", "pairing.household", translate("Pairing", "Choose the household.")))
    elif not is_lifted_or_monitored(household, start_date):
        problems.append(error("household_id", "pairing.not_poor", translate(
            "Pairing", "The household of {head} is neither a 脱贫户 nor a 防止返贫监测对象 at risk: it is not "
            "paired.").format(head=household.head_name)))
    if start_date > today:
        problems.append(error("start_date", "pairing.future", translate("Pairing", "The start date is in the future.")))
    if household is not None:
        current = session.execute(
            select(Pairing, Staff.name).join(Staff, Pairing.staff_id == Staff.id)
            .where(Pairing.household_id == household_id, _active(start_date))).first()
        if current is not None:
            problems.append(error("household_id", "pairing.taken", translate(
                "Pairing", "The household of {head} is already paired with {staff}. End that pairing or hand it "
                "over first.").format(head=household.head_name, staff=current[1])))
    if problems:
        raise ValidationFailed(problems)
    pairing = Pairing(staff_id=staff_id, household_id=household_id, start_date=start_date, notes=notes.strip(),
                      handed_over_from_id=handed_over_from_id)
    session.add(pairing)
    session.flush()
    assert staff is not None and household is not None
    audit.record(session, actor, Action.CREATE, ENTITY, pairing.id, f"{staff.name} → {household.head_name}",
                 after=_snapshot(pairing))
    return pairing.id


@requires(Permission.EDIT_PAIRING)
def end_pairing(session: Session, actor: Actor, pairing_id: int, end_date: dt.date, reason: str) -> None:
    pairing = _get(session, pairing_id)
    reason = reason.strip()
    problems = []
    if pairing.end_date is not None:
        problems.append(error("end_date", "pairing.ended", translate("Pairing", "This pairing has already ended.")))
    if end_date < pairing.start_date:
        problems.append(error("end_date", "pairing.before_start", translate(
            "Pairing", "The end date is before the start date ({date}).").format(date=pairing.start_date.isoformat())))
    if not reason:
        problems.append(error("reason", "pairing.reason", translate("Pairing", "Say why the pairing ends.")))
    if problems:
        raise ValidationFailed(problems)
    before = _snapshot(pairing)
    pairing.end_date, pairing.end_reason = end_date, reason
    audit.record(session, actor, Action.UPDATE, ENTITY, pairing.id,
                 f"{pairing.staff.name} → {pairing.household.head_name}", before=before, after=_snapshot(pairing))


@requires(Permission.EDIT_PAIRING)
def hand_over(session: Session, actor: Actor, pairing_id: int, to_staff_id: int, on: dt.date, reason: str, *,
              today: dt.date) -> int:
    """End a pairing and start the same household's pairing with someone else; both stay on file."""
    pairing = _get(session, pairing_id)
    receiver = session.get(Staff, to_staff_id)
    if receiver is None:
        raise NotFound(translate("Pairing", "The staff member no longer exists."))
    if receiver.id == pairing.staff_id:
        raise ValidationFailed([error("staff_id", "pairing.same_staff", translate(
            "Pairing", "Hand the household over to someone else."))])
    end_pairing(session, actor, pairing_id, on, translate("Pairing", "Handed over to {name}: {reason}").format(
        name=receiver.name, reason=reason.strip()) if reason.strip() else translate(
            "Pairing", "Handed over to {name}").format(name=receiver.name))
    return pair(session, actor, to_staff_id, pairing.household_id, on, handed_over_from_id=pairing_id,
                today=today)


def _get(session: Session, pairing_id: int) -> Pairing:
    pairing = session.get(Pairing, pairing_id)
    if pairing is None:
        raise NotFound(translate("Pairing", "The pairing no longer exists."))
    return pairing


# --- What the plan asks: views and gaps ---------------------------------------------------------------


@dataclass(frozen=True)
class PairingView:
    id: int
    staff_id: int
    staff: str
    staff_active: bool
    school: str
    role: StaffRole
    household_id: int
    household_head: str
    village: str
    group_name: str
    category: str  # HouseholdCategory value
    start_date: dt.date
    end_date: dt.date | None
    end_reason: str
    handed_over_from_id: int | None
    last_visit: dt.date | None
    visits: int

    def is_active(self, today: dt.date) -> bool:
        return self.start_date <= today and (self.end_date is None or self.end_date > today)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "staff_id": self.staff_id, "staff": self.staff, "staff_active": self.staff_active,
            "school": self.school, "role": self.role.value, "household_id": self.household_id,
            "household_head": self.household_head, "village": self.village, "group": self.group_name,
            "category": self.category, "poverty_status": legacy_poverty_status(self.category),
            "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat() if self.end_date else None, "end_reason": self.end_reason,
            "handed_over_from": self.handed_over_from_id,
            "last_visit": self.last_visit.isoformat() if self.last_visit else None, "visits": self.visits,
        }


def list_pairings(session: Session, *, active_on: dt.date | None = None, staff_id: int | None = None,
                  household_id: int | None = None) -> list[PairingView]:
    """Pairings with their last visit by the same helper; only those active on a day if given."""
    visits_of = select(Visit.staff_id, Visit.household_id, func.max(Visit.visit_date).label("last"),
                       func.count().label("n"))
    # One helper's or household's pairings count only their visits: grouping every visit of a county took
    # 30 ms at each helper chosen.
    if staff_id is not None:
        visits_of = visits_of.where(Visit.staff_id == staff_id)
    if household_id is not None:
        visits_of = visits_of.where(Visit.household_id == household_id)
    visits = visits_of.group_by(Visit.staff_id, Visit.household_id).subquery()
    query = (select(Pairing, Staff.name, Staff.active, School.name, Staff.role, Household.head_name, Village.name,
                    Household.group_name, Household.category, visits.c.last, visits.c.n)
             .join(Staff, Pairing.staff_id == Staff.id)
             .join(School, Staff.school_id == School.id)
             .join(Household, Pairing.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id)
             .outerjoin(visits, and_(visits.c.staff_id == Pairing.staff_id,
                                     visits.c.household_id == Pairing.household_id)))
    if active_on is not None:
        query = query.where(_active(active_on))
    if staff_id is not None:
        query = query.where(Pairing.staff_id == staff_id)
    if household_id is not None:
        query = query.where(Pairing.household_id == household_id)
    query = query.order_by(School.sort_order, Staff.name, Pairing.start_date)
    return [
        PairingView(p.id, p.staff_id, name, active, school, StaffRole(role), p.household_id, head, village or "",
                    group, status, p.start_date, p.end_date, p.end_reason, p.handed_over_from_id,
                    last, n or 0)
        for p, name, active, school, role, head, village, group, status, last, n in session.execute(query)
    ]


@dataclass(frozen=True)
class QuotaView:
    staff_id: int
    staff: str
    school: str
    role: StaffRole
    phone: str
    active: bool
    count: int
    minimum: int
    maximum: int

    @property
    def state(self) -> str:
        """under, ok or over the plan's quota."""
        if self.count < self.minimum:
            return "under"
        return "over" if self.count > self.maximum else "ok"

    def as_json(self) -> dict[str, object]:
        return {"staff_id": self.staff_id, "staff": self.staff, "school": self.school, "role": self.role.value,
                "count": self.count, "min": self.minimum, "max": self.maximum}


def quotas(session: Session, today: dt.date, *, include_departed: bool = False) -> list[QuotaView]:
    counts = {staff_id: n for staff_id, n in session.execute(
        select(Pairing.staff_id, func.count()).where(_active(today)).group_by(Pairing.staff_id))}
    query = select(Staff, School.name).join(School, Staff.school_id == School.id)
    if not include_departed:
        query = query.where(Staff.active.is_(True))
    views = []
    rank = case({StaffRole.PRINCIPAL.value: 0, StaffRole.LEADERSHIP.value: 1}, value=Staff.role, else_=2)
    for member, school in session.execute(query.order_by(School.sort_order, rank, Staff.name)):
        low, high = quota(member.role)
        views.append(QuotaView(member.id, member.name, school, StaffRole(member.role), member.phone, member.active,
                               counts.get(member.id, 0), low, high))
    return views


@dataclass(frozen=True)
class HouseholdNeed:
    household_id: int
    head: str
    village_id: int | None
    village: str
    group_name: str
    category: str  # HouseholdCategory value
    phone: str

    def as_json(self) -> dict[str, object]:
        return {"household_id": self.household_id, "head": self.head, "village": self.village,
                "group": self.group_name, "category": self.category,
                "poverty_status": legacy_poverty_status(self.category)}


def households_needing_pair(session: Session) -> int:
    """How many households the plan wants paired (监测对象 at risk, and 未脱贫 in the history)."""
    return session.scalar(select(func.count(Household.id)).where(needs_pair())) or 0


def unpaired_households(session: Session, today: dt.date) -> list[HouseholdNeed]:
    """Households the plan wants paired that have no active pairing today."""
    paired = select(Pairing.household_id).where(_active(today))
    query = (select(Household.id, Household.head_name, Household.village_id, Village.name, Household.group_name,
                    Household.category, Household.phone)
             .outerjoin(Village, Household.village_id == Village.id)
             .where(needs_pair(), Household.id.not_in(paired))
             .order_by(Village.name, Household.group_name, Household.head_pinyin))
    return [HouseholdNeed(i, h, vid, v or "", g, s, p) for i, h, vid, v, g, s, p in session.execute(query)]


def departed_helpers(session: Session, today: dt.date) -> list[PairingView]:
    """Active pairings whose helper has left: the household is paired on paper only."""
    return [p for p in list_pairings(session, active_on=today) if not p.staff_active]


@dataclass(frozen=True)
class OverdueVisit:
    pairing: PairingView
    days: int  # since the last visit, or since the pairing began when there was none

    def as_json(self) -> dict[str, object]:
        return {"pairing_id": self.pairing.id, "staff": self.pairing.staff, "staff_id": self.pairing.staff_id,
                "household_id": self.pairing.household_id, "household_head": self.pairing.household_head,
                "last_visit": self.pairing.last_visit.isoformat() if self.pairing.last_visit else None,
                "days": self.days}


def overdue_visits(session: Session, today: dt.date, days: int | None = None) -> list[OverdueVisit]:
    days = days if days is not None else overdue_days(session)
    overdue = []
    for pairing in list_pairings(session, active_on=today):
        since = pairing.last_visit or pairing.start_date
        waited = (today - since).days
        if waited > days:
            overdue.append(OverdueVisit(pairing, waited))
    return sorted(overdue, key=lambda o: -o.days)


@dataclass(frozen=True)
class Overview:
    pairings: list[PairingView]
    unpaired: list[HouseholdNeed]
    over_quota: list[QuotaView]
    under_quota: list[QuotaView]
    departed: list[PairingView]
    overdue: list[OverdueVisit]
    overdue_days: int
    quotas: list[QuotaView] = field(default_factory=list)  # every helper's, against the plan

    @property
    def gap_count(self) -> int:
        return (len(self.unpaired) + len(self.departed) + len(self.overdue) + len(self.over_quota)
                + len(self.under_quota))

    def as_json(self) -> dict[str, object]:
        return {
            "pairings": [p.as_json() for p in self.pairings],
            "unpaired_households": [h.as_json() for h in self.unpaired],
            "over_quota": [q.as_json() for q in self.over_quota],
            "under_quota": [q.as_json() for q in self.under_quota],
            "overdue_visits": [o.as_json() for o in self.overdue],
            "departed_helpers": [p.as_json() for p in self.departed],
            "overdue_days": self.overdue_days,
        }


def overview(session: Session, today: dt.date) -> Overview:
    staff_quotas = quotas(session, today)
    return Overview(
        pairings=list_pairings(session, active_on=today),
        unpaired=unpaired_households(session, today),
        over_quota=[q for q in staff_quotas if q.state == "over"],
        under_quota=[q for q in staff_quotas if q.state == "under"],
        departed=departed_helpers(session, today),
        overdue=overdue_visits(session, today),
        overdue_days=overdue_days(session),
        quotas=staff_quotas,
    )


def gap_count(session: Session, today: dt.date) -> int:
    """The gaps in the pairing, all kinds together (the pairing tab's badge)."""
    return overview(session, today).gap_count


def suggestions(session: Session, staff_id: int, today: dt.date) -> list[HouseholdNeed]:
    """Unpaired households for this staff member: those of the village of their school first."""
    member = session.get(Staff, staff_id)
    if member is None:
        raise NotFound(translate("Pairing", "The staff member no longer exists."))
    village_id = member.school.village_id
    needs = unpaired_households(session, today)
    return sorted(needs, key=lambda h: (h.village_id != village_id, h.village, h.group_name))


def eligible_households(session: Session, text: str = "") -> list[HouseholdNeed]:
    """Every household that may be paired (脱贫户, 监测对象 at risk), for choosing by name."""
    query = (select(Household.id, Household.head_name, Household.village_id, Village.name, Household.group_name,
                    Household.category, Household.phone)
             .outerjoin(Village, Household.village_id == Village.id)
             .where(_may_pair()))
    if text.strip():
        query = query.where(Household.head_name.contains(text.strip()))
    query = query.order_by(Village.name, Household.group_name, Household.head_pinyin).limit(500)
    return [HouseholdNeed(i, h, vid, v or "", g, s, p) for i, h, vid, v, g, s, p in session.execute(query)]
