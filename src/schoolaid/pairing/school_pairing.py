"""School pairing: the central school's party branch helps one or two weak village schools
(中心校党支部结对帮扶薄弱学校), and keeps a log of what it did."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.storage.models import School, SchoolActivity, SchoolPairing

ENTITY = "school_pairing"
ACTIVITY = "school_activity"
MAX_PAIRED_SCHOOLS = 2  # the plan: the party branch pairs 1–2 weak schools


class ActivityKind(str, enum.Enum):
    TEACHING = "送教"
    OBSERVATION = "听课评课"
    TRAINING = "教师培训"
    DONATION = "捐赠"
    EXCHANGE = "教师交流"
    OTHER = "其他"

    def label(self) -> str:
        return {
            ActivityKind.TEACHING: translate("Vocabulary", "Teaching sent down"),
            ActivityKind.OBSERVATION: translate("Vocabulary", "Lessons observed"),
            ActivityKind.TRAINING: translate("Vocabulary", "Teacher training"),
            ActivityKind.DONATION: translate("Vocabulary", "Donation"),
            ActivityKind.EXCHANGE: translate("Vocabulary", "Teacher exchange"),
            ActivityKind.OTHER: translate("Vocabulary", "Other"),
        }[self]


@dataclass(frozen=True)
class SchoolPairingView:
    id: int
    helper_school: str
    school_id: int
    school: str
    start_date: dt.date
    end_date: dt.date | None
    goals: str
    activities: int


@dataclass(frozen=True)
class ActivityView:
    id: int
    school_pairing_id: int
    school: str
    activity_date: dt.date
    kind: ActivityKind
    description: str
    participants: str
    recorded_by: str


@requires(Permission.EDIT_PAIRING)
def pair_school(session: Session, actor: Actor, school_id: int, start_date: dt.date, goals: str = "", *,
                today: dt.date) -> int:
    """Pair the central school with a weak school."""
    central = session.scalars(select(School).where(School.is_central.is_(True))).first()
    school = session.get(School, school_id)
    problems = []
    if central is None:
        problems.append(error("school_id", "school_pairing.no_central", translate(
            "SchoolPairing", "There is no central school to pair from.")))
    if school is None or (central is not None and school.id == central.id):
        problems.append(error("school_id", "school_pairing.school", translate(
            "SchoolPairing", "Choose the village school to pair with.")))
    if start_date > today:
        problems.append(error("start_date", "school_pairing.future", translate(
            "SchoolPairing", "The start date is in the future.")))
    current = [p for p in list_pairings(session) if p.end_date is None]
    if school is not None and any(p.school_id == school.id for p in current):
        problems.append(error("school_id", "school_pairing.taken", translate(
            "SchoolPairing", "{school} is already paired.").format(school=school.name)))
    elif len(current) >= MAX_PAIRED_SCHOOLS:
        problems.append(error("school_id", "school_pairing.quota", translate(
            "SchoolPairing", "The plan pairs one or two weak schools; end a pairing before starting a third.")))
    if problems:
        raise ValidationFailed(problems)
    assert central is not None and school is not None
    pairing = SchoolPairing(helper_school_id=central.id, school_id=school.id, start_date=start_date,
                            goals=goals.strip())
    session.add(pairing)
    session.flush()
    audit.record(session, actor, Action.CREATE, ENTITY, pairing.id, f"{central.name} → {school.name}",
                 after=audit.snapshot(pairing))
    return pairing.id


@requires(Permission.EDIT_PAIRING)
def end_school_pairing(session: Session, actor: Actor, pairing_id: int, end_date: dt.date) -> None:
    pairing = _get(session, pairing_id)
    if pairing.end_date is not None or end_date < pairing.start_date:
        raise ValidationFailed([error("end_date", "school_pairing.end", translate(
            "SchoolPairing", "The pairing has ended already, or the date is before it began."))])
    before = audit.snapshot(pairing)
    pairing.end_date = end_date
    audit.record(session, actor, Action.UPDATE, ENTITY, pairing.id, pairing.school.name, before=before,
                 after=audit.snapshot(pairing))


@requires(Permission.EDIT_PAIRING)
def log_activity(session: Session, actor: Actor, pairing_id: int, activity_date: dt.date, kind: str,
                 description: str, participants: str = "", *, today: dt.date) -> int:
    pairing = _get(session, pairing_id)
    problems = []
    if kind not in {k.value for k in ActivityKind}:
        problems.append(error("kind", "school_activity.kind", translate("SchoolPairing", "Choose the kind of activity.")))
    if not description.strip():
        problems.append(error("description", "school_activity.description", translate(
            "SchoolPairing", "Describe what was done.")))
    if activity_date > today or activity_date < pairing.start_date:
        problems.append(error("activity_date", "school_activity.date", translate(
            "SchoolPairing", "The date must fall between the start of the pairing and today.")))
    if problems:
        raise ValidationFailed(problems)
    activity = SchoolActivity(school_pairing_id=pairing_id, activity_date=activity_date, kind=kind,
                              description=description.strip(), participants=participants.strip(),
                              recorded_by=actor.name)
    session.add(activity)
    session.flush()
    audit.record(session, actor, Action.CREATE, ACTIVITY, activity.id, pairing.school.name,
                 after=audit.snapshot(activity))
    return activity.id


def _get(session: Session, pairing_id: int) -> SchoolPairing:
    pairing = session.get(SchoolPairing, pairing_id)
    if pairing is None:
        raise NotFound(translate("SchoolPairing", "The school pairing no longer exists."))
    return pairing


def list_pairings(session: Session) -> list[SchoolPairingView]:
    helper = aliased(School)
    school = aliased(School)
    rows = session.execute(select(SchoolPairing, helper.name, school.name)
                           .join(helper, SchoolPairing.helper_school_id == helper.id)
                           .join(school, SchoolPairing.school_id == school.id)
                           .order_by(SchoolPairing.start_date))
    views = []
    for pairing, helper_name, school_name in rows:
        count = len(session.scalars(select(SchoolActivity.id).where(
            SchoolActivity.school_pairing_id == pairing.id)).all())
        views.append(SchoolPairingView(pairing.id, helper_name, pairing.school_id, school_name, pairing.start_date,
                                       pairing.end_date, pairing.goals, count))
    return views


def activities(session: Session, pairing_id: int | None = None) -> list[ActivityView]:
    query = (select(SchoolActivity, School.name)
             .join(SchoolPairing, SchoolActivity.school_pairing_id == SchoolPairing.id)
             .join(School, SchoolPairing.school_id == School.id))
    if pairing_id is not None:
        query = query.where(SchoolActivity.school_pairing_id == pairing_id)
    query = query.order_by(SchoolActivity.activity_date.desc(), SchoolActivity.id.desc())
    return [ActivityView(a.id, a.school_pairing_id, name, a.activity_date, ActivityKind(a.kind), a.description,
                         a.participants, a.recorded_by) for a, name in session.execute(query)]
