"""Transfers and graduates' destinations: a child recorded 转出 stays 转出待核实 until the receiving
school is confirmed (how: 学籍系统 / 接收学校回执 / 电话, with whom, on what day); unconfirmed after N days
(the setting ``dropout.transfer_confirm_days``, 30) the child is a suspected dropout. A transfer in
records the school and place the child came from. A graduate's destination is a school (升学, confirmed
as a transfer is), 就业 or 未升学 with the reason; a primary graduate with no confirmed junior school by
30 September of the graduation year is a suspected dropout.

Records are appended: a newer record of a student's transfer out or destination supersedes the older,
which stays on record; a confirmation is added once to the record it confirms, audited.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotAllowed, NotFound, Problem, ValidationFailed
from schoolaid.common.grades import Stage
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import School, Student, Transfer
from schoolaid.township import township

ENTITY = "transfer"


class Direction(str, enum.Enum):
    OUT = "转出"
    IN = "转入"
    NEXT_SCHOOL = "升学"  # a graduate's destination: the school they go on to
    WORK = "就业"
    NO_FURTHER = "未升学"

    def label(self) -> str:
        return {
            Direction.OUT: translate("Vocabulary", "Transfer out"),
            Direction.IN: translate("Vocabulary", "Transfer in"),
            Direction.NEXT_SCHOOL: translate("Vocabulary", "Goes on to a school"),
            Direction.WORK: translate("Vocabulary", "Working"),
            Direction.NO_FURTHER: translate("Vocabulary", "Not continuing school"),
        }[self]


TRANSFER_DIRECTIONS = (Direction.OUT, Direction.IN)
DESTINATIONS = (Direction.NEXT_SCHOOL, Direction.WORK, Direction.NO_FURTHER)


class ConfirmedHow(str, enum.Enum):
    REGISTRY = "学籍系统"
    RECEIPT = "接收学校回执"
    PHONE = "电话"

    def label(self) -> str:
        return {
            ConfirmedHow.REGISTRY: translate("Vocabulary", "Student registry system"),
            ConfirmedHow.RECEIPT: translate("Vocabulary", "Receiving school's receipt"),
            ConfirmedHow.PHONE: translate("Vocabulary", "Phone call"),
        }[self]


#: What the roster says of a 转出 child whose receiving school is not confirmed.
UNCONFIRMED_STATUS = "转出待核实"

CONFIRM_DAYS_SETTING = "dropout.transfer_confirm_days"
CONFIRM_DAYS_LIMITS = (30, 7, 120)  # default, lowest, highest
#: A primary graduate is to be confirmed at a junior school by this month-day of the graduation year.
GRADUATE_CONFIRM_BY = (9, 30)

_TEXT_WIDTH = 64
_SCHOOL_WIDTH = 128


def confirm_days(session: Session) -> int:
    """The days a transfer out may stay unconfirmed before the child is a suspected dropout."""
    default, low, high = CONFIRM_DAYS_LIMITS
    value = township.get_setting(session, CONFIRM_DAYS_SETTING, str(default))
    return int(value) if value.isdigit() and low <= int(value) <= high else default


@dataclass(frozen=True)
class Confirmation:
    """How the receiving school was confirmed, with whom, on what day."""

    how: str = ""
    with_whom: str = ""
    on: dt.date | None = None


@dataclass(frozen=True)
class TransferView:
    id: int
    student_id: int
    student: str
    our_school: str
    direction: Direction
    school: str
    place: str
    since: dt.date
    reason: str
    confirmed_how: str
    confirmed_with: str
    confirmed_on: dt.date | None
    recorded_by: str

    @property
    def confirmed(self) -> bool:
        return self.confirmed_on is not None

    def overdue(self, today: dt.date, days: int) -> bool:
        """A transfer out unconfirmed for more than ``days`` days: on day ``days`` it is still in time."""
        return self.direction is Direction.OUT and not self.confirmed and (today - self.since).days > days

    def confirmation_text(self) -> str:
        """The confirmation as the record and the reports print it (Chinese always)."""
        if self.confirmed_on is None:
            return "待核实"
        return f"{self.confirmed_on.isoformat()}经{self.confirmed_how}核实（{self.confirmed_with}）"

    def summary(self) -> str:
        """How the record, the ledger and the term report describe it (Chinese always)."""
        if self.direction is Direction.IN:
            came_from = "，".join(x for x in (self.school, self.place) if x)
            return f"{self.since.isoformat()}转入，来自{came_from}"
        if self.direction in (Direction.WORK, Direction.NO_FURTHER):
            return f"{self.direction.value}（{self.reason}）"
        verb = "转出至" if self.direction is Direction.OUT else "升入"
        return f"{verb}{self.school}，{self.confirmation_text()}"


def _confirmation_problems(confirmation: Confirmation, since: dt.date, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if confirmation.how not in {h.value for h in ConfirmedHow}:
        problems.append(error("confirmed_how", "transfer.how", translate(
            "Transfers", "Say how the receiving school was confirmed: 学籍系统, 接收学校回执 or 电话.")))
    if not confirmation.with_whom.strip():
        problems.append(error("confirmed_with", "transfer.with", translate(
            "Transfers", "Say with whom the transfer was confirmed (the receiving school's staff member).")))
    elif len(confirmation.with_whom.strip()) > _TEXT_WIDTH:
        problems.append(error("confirmed_with", "transfer.with_long", translate(
            "Transfers", "The name of whom it was confirmed with is at most {n} characters long.").format(n=_TEXT_WIDTH)))
    if confirmation.on is None:
        problems.append(error("confirmed_on", "transfer.on", translate(
            "Transfers", "Enter the day the transfer was confirmed.")))
    elif confirmation.on > today:
        problems.append(error("confirmed_on", "transfer.on_future", translate(
            "Transfers", "The day of the confirmation is in the future.")))
    elif confirmation.on < since:
        problems.append(error("confirmed_on", "transfer.on_before", translate(
            "Transfers", "The day of the confirmation is before the transfer ({date}).").format(date=since.isoformat())))
    return problems


def _school_problems(school: str, field_name: str = "school") -> list[Problem]:
    if not school:
        return [error(field_name, "transfer.school", translate("Transfers", "Enter the school."))]
    if len(school) > _SCHOOL_WIDTH:
        return [error(field_name, "transfer.school_long", translate(
            "Transfers", "The school's name is at most {n} characters long.").format(n=_SCHOOL_WIDTH))]
    return []


def _columns() -> list[str]:
    return [c.key for c in Transfer.__table__.columns if c.key != "recorded_at"]


def _student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Roster", "The student no longer exists (id {id}).").format(id=student_id))
    return student


def _add(session: Session, actor: Actor, student: Student, row: Transfer) -> int:
    session.add(row)
    session.flush()
    view = _view(row, student.name, "")
    audit.record(session, actor, Action.CREATE, ENTITY, row.id, f"{student.name}：{view.summary()}",
                 after=audit.snapshot(row, _columns()))
    return row.id


@requires(Permission.EDIT_ROSTER)
def record_transfer_out(session: Session, actor: Actor, student_id: int, school: str, since: dt.date,
                        confirmation: Confirmation | None = None, *, today: dt.date) -> int:
    """The transfer record of a change of status to 转出 (roster.change_status records the status):
    the receiving school, unconfirmed unless the confirmation is given."""
    student = _student(session, student_id)
    school = school.strip()
    problems = _school_problems(school, "destination")
    if confirmation is not None:
        problems += _confirmation_problems(confirmation, since, today)
    if problems:
        raise ValidationFailed(problems)
    row = Transfer(student_id=student.id, direction=Direction.OUT.value, school=school, place="", since=since,
                   reason="", recorded_by=actor.name)
    if confirmation is not None:
        _set_confirmation(row, actor, confirmation)
    return _add(session, actor, student, row)


def _set_confirmation(row: Transfer, actor: Actor, confirmation: Confirmation) -> None:
    row.confirmed_how = confirmation.how
    row.confirmed_with = confirmation.with_whom.strip()
    row.confirmed_on = confirmation.on
    row.confirmed_by = actor.name


@requires(Permission.EDIT_ROSTER)
def record_transfer_in(session: Session, actor: Actor, student_id: int, school: str, place: str, since: dt.date,
                       *, today: dt.date) -> int:
    """Where a child who transferred in came from: the school and the place (county, town)."""
    student = _student(session, student_id)
    school, place = school.strip(), place.strip()
    problems = _school_problems(school)
    if not place:
        problems.append(error("place", "transfer.place", translate(
            "Transfers", "Enter the place the child came from (county or town).")))
    elif len(place) > _SCHOOL_WIDTH:
        problems.append(error("place", "transfer.place_long", translate(
            "Transfers", "The place is at most {n} characters long.").format(n=_SCHOOL_WIDTH)))
    if since > today:
        problems.append(error("since", "transfer.since_future", translate("Transfers", "The date is in the future.")))
    if problems:
        raise ValidationFailed(problems)
    return _add(session, actor, student, Transfer(student_id=student.id, direction=Direction.IN.value, school=school,
                                                  place=place, since=since, reason="", recorded_by=actor.name))


@requires(Permission.EDIT_ROSTER)
def confirm_transfer(session: Session, actor: Actor, transfer_id: int, confirmation: Confirmation, *,
                     today: dt.date) -> None:
    """Record how the receiving school of a transfer out (or a graduate's school) was confirmed. Once:
    a confirmed transfer is not confirmed again."""
    row = session.get(Transfer, transfer_id)
    if row is None or Direction(row.direction) not in (Direction.OUT, Direction.NEXT_SCHOOL):
        raise NotFound(translate("Transfers", "There is no transfer out or graduate's school with number {id}.").format(
            id=transfer_id))
    student = _student(session, row.student_id)
    if row.confirmed_on is not None:
        raise NotAllowed(translate("Transfers", "The transfer of {name} was already confirmed on {date}.").format(
            name=student.name, date=row.confirmed_on.isoformat()))
    problems = _confirmation_problems(confirmation, row.since, today)
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(row, _columns())
    _set_confirmation(row, actor, confirmation)
    session.flush()
    audit.record(session, actor, Action.UPDATE, ENTITY, row.id,
                 f"{student.name}：{_view(row, student.name, '').summary()}",
                 before=before, after=audit.snapshot(row, _columns()))


def _view(row: Transfer, student: str, our_school: str) -> TransferView:
    return TransferView(row.id, row.student_id, student, our_school, Direction(row.direction), row.school, row.place,
                        row.since, row.reason, row.confirmed_how, row.confirmed_with, row.confirmed_on, row.recorded_by)


def _views(session: Session, directions: Iterable[Direction], student_ids: Iterable[int] | None = None
           ) -> list[TransferView]:
    query = (select(Transfer, Student.name, School.name).join(Student, Transfer.student_id == Student.id)
             .join(School, Student.school_id == School.id)
             .where(Transfer.direction.in_([d.value for d in directions])).order_by(Transfer.id))
    if student_ids is None:
        rows = list(session.execute(query))
    else:
        ids = list(student_ids)
        rows = [row for start in range(0, len(ids), 500)
                for row in session.execute(query.where(Transfer.student_id.in_(ids[start:start + 500])))]
        rows.sort(key=lambda row: row[0].id)
    return [_view(row, student, school) for row, student, school in rows]


def history(session: Session, student_id: int) -> list[TransferView]:
    """Every transfer and destination recorded for the student, oldest first."""
    return _views(session, Direction, [student_id])


def latest_out(session: Session, student_ids: Iterable[int] | None = None) -> dict[int, TransferView]:
    """The transfer out that counts (the latest), per student."""
    return {view.student_id: view for view in _views(session, [Direction.OUT], student_ids)}


def current_transfers(session: Session) -> list[TransferView]:
    """The transfers of the students now 转出 (their latest transfer out) and every transfer in, newest first."""
    outgoing = latest_out(session)
    away = _transferred_out(session)
    found = [view for sid, view in outgoing.items() if sid in away]
    found += _views(session, [Direction.IN])
    return sorted(found, key=lambda view: (view.since, view.id), reverse=True)


def unconfirmed_out(session: Session, student_ids: Iterable[int] | None = None) -> set[int]:
    """The students 转出 whose transfer is not confirmed (转出待核实)."""
    outgoing = latest_out(session, student_ids)
    if not outgoing:
        return set()
    away = _transferred_out(session)
    return {sid for sid, view in outgoing.items() if sid in away and not view.confirmed}


def _transferred_out(session: Session) -> set[int]:
    return set(session.scalars(select(Student.id).where(Student.status == EnrollmentStatus.TRANSFERRED_OUT.value)))


def overdue_transfers(session: Session, today: dt.date) -> list[TransferView]:
    """Transfers out of students still 转出, unconfirmed after the setting's days: suspected dropouts."""
    days = confirm_days(session)
    return [view for view in current_transfers(session) if view.overdue(today, days)]


def has_confirmed_transfer_out(session: Session, student_id: int) -> bool:
    view = latest_out(session, [student_id]).get(student_id)
    return view is not None and view.confirmed


# --- graduates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DestinationForm:
    """A graduate's destination: 升学 to a school (confirmed as a transfer, or later), 就业 or 未升学 with the reason."""

    direction: str = Direction.NEXT_SCHOOL.value
    school: str = ""
    reason: str = ""
    confirmation: Confirmation | None = None


@requires(Permission.EDIT_ROSTER)
def record_destination(session: Session, actor: Actor, student_id: int, form: DestinationForm, *,
                       today: dt.date) -> int:
    """Record a graduate's destination; a newer one supersedes the older, which stays on record."""
    student = _student(session, student_id)
    if student.status != EnrollmentStatus.GRADUATED.value:
        raise ValidationFailed([error("direction", "destination.not_graduate", translate(
            "Transfers", "{name} has not graduated: a destination is recorded for a graduate.").format(
                name=student.name))])
    since = student.leave_date or today
    if form.direction not in {d.value for d in DESTINATIONS}:
        raise ValidationFailed([error("direction", "destination.kind", translate(
            "Transfers", "Choose the destination: 升学, 就业 or 未升学."))])
    direction = Direction(form.direction)
    school, reason = form.school.strip(), form.reason.strip()
    problems: list[Problem] = []
    if direction is Direction.NEXT_SCHOOL:
        problems += _school_problems(school)
        if form.confirmation is not None:
            problems += _confirmation_problems(form.confirmation, since, today)
    elif not reason:
        problems.append(error("reason", "destination.reason", translate(
            "Transfers", "Give the reason the graduate is not going on to a school.")))
    if problems:
        raise ValidationFailed(problems)
    row = Transfer(student_id=student.id, direction=direction.value,
                   school=school if direction is Direction.NEXT_SCHOOL else "", place="", since=since,
                   reason=reason if direction is not Direction.NEXT_SCHOOL else "", recorded_by=actor.name)
    if direction is Direction.NEXT_SCHOOL and form.confirmation is not None:
        _set_confirmation(row, actor, form.confirmation)
    return _add(session, actor, student, row)


@dataclass(frozen=True)
class Graduate:
    student_id: int
    name: str
    school: str
    stage: str
    graduated_on: dt.date
    destination: TransferView | None

    def destination_text(self) -> str:
        return self.destination.summary() if self.destination is not None else "去向未登记"

    def unplaced(self, today: dt.date) -> bool:
        """A primary graduate with no confirmed junior school after 30 September of the graduation year."""
        deadline = dt.date(self.graduated_on.year, *GRADUATE_CONFIRM_BY)
        placed = (self.destination is not None and self.destination.direction is Direction.NEXT_SCHOOL
                  and self.destination.confirmed)
        return self.stage == Stage.PRIMARY.value and today > deadline and not placed


def graduates(session: Session, since: dt.date | None = None) -> list[Graduate]:
    """The students recorded 毕业 (from ``since`` on, when given), each with their latest destination."""
    query = (select(Student.id, Student.name, School.name, Student.stage, Student.leave_date)
             .join(School, Student.school_id == School.id)
             .where(Student.status == EnrollmentStatus.GRADUATED.value, Student.leave_date.is_not(None))
             .order_by(School.sort_order, Student.stage, Student.name_pinyin, Student.id))
    if since is not None:
        query = query.where(Student.leave_date >= since)
    rows = list(session.execute(query))
    destinations = {view.student_id: view for view in _views(session, DESTINATIONS, [row[0] for row in rows])}
    return [Graduate(sid, name, school, stage, left, destinations.get(sid))
            for sid, name, school, stage, left in rows if left is not None]


def unplaced_graduates(session: Session, today: dt.date) -> list[Graduate]:
    """Primary graduates with no confirmed junior school after 30 September of their graduation year."""
    return [g for g in graduates(session) if g.unplaced(today)]
