"""Dropout control (控辍保学): absences, the suspected and dropout thresholds, case files with their
workflow, the append-only persuasion log, enrollment-urging notices, the three ledgers, and the
dropout rate.

The plan's rule: a student absent a week without reason is reported at once; the school, the
township and the village committee bring the child back; every attempt is logged, "open to
inspection, falsification strictly forbidden"; after repeated failure the township sends the
parents an enrollment-urging notice with a deadline.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields

from sqlalchemy import ColumnElement, func, insert, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, check_class, is_teacher, requires
from schoolaid.common import school_calendar
from schoolaid.common.errors import NotAllowed, NotFound, ValidationFailed
from schoolaid.common.grades import Stage, age_on, grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Holidays, SchoolYear, Term
from schoolaid.common.validation import error
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.database import reserve_ids
from schoolaid.storage.models import (
    Absence,
    DropoutCase,
    Household,
    PersuasionAttempt,
    School,
    Staff,
    StatusChange,
    Student,
    UrgingNotice,
    Village,
    utcnow,
)
from schoolaid.township import attachments, township

ABSENCE = "absence"
CASE = "dropout_case"
ATTEMPT = "persuasion"
NOTICE = "urging_notice"
DROPOUT_RATE_TARGET = 0.002  # the plan: primary dropout rate at most 0.2 %

SETTINGS = {  # key: (default, lowest, highest)
    "dropout.suspect_school_days": (5, 1, 30),
    "dropout.dropout_days": (30, 7, 120),  # some provinces use four weeks (28)
    "dropout.attempts_before_notice": (2, 1, 10),
    "dropout.notice_deadline_days": (15, 3, 60),
}


class CaseStatus(str, enum.Enum):
    PERSUADING = "劝返中"
    RETURNED = "已返校"
    HOME_TEACHING = "送教上门"
    TRANSFERRED = "转学"
    OTHER = "其他"

    def label(self) -> str:
        return {
            CaseStatus.PERSUADING: translate("Vocabulary", "Persuading"),
            CaseStatus.RETURNED: translate("Vocabulary", "Back at school"),
            CaseStatus.HOME_TEACHING: translate("Vocabulary", "Taught at home"),
            CaseStatus.TRANSFERRED: translate("Vocabulary", "Transferred"),
            CaseStatus.OTHER: translate("Vocabulary", "Other outcome"),
        }[self]

    @property
    def is_open(self) -> bool:
        return self is CaseStatus.PERSUADING


# The workflow: from persuading to one of four outcomes; a child taught at home may come back.
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.PERSUADING: frozenset({CaseStatus.RETURNED, CaseStatus.HOME_TEACHING, CaseStatus.TRANSFERRED,
                                      CaseStatus.OTHER}),
    CaseStatus.HOME_TEACHING: frozenset({CaseStatus.RETURNED}),
    CaseStatus.RETURNED: frozenset(),
    CaseStatus.TRANSFERRED: frozenset(),
    CaseStatus.OTHER: frozenset(),
}


class Reason(str, enum.Enum):
    LEARNING = "学习困难/厌学"
    POVERTY = "家庭经济困难"
    MIGRATION = "外出务工/随父母外出"
    EARLY_MARRIAGE = "早婚早育"
    ILLNESS = "疾病/残疾"
    PARENTS = "家长不重视"
    OTHER = "其他"

    def label(self) -> str:
        return {
            Reason.LEARNING: translate("Vocabulary", "Learning difficulties or weariness"),
            Reason.POVERTY: translate("Vocabulary", "Family hardship"),
            Reason.MIGRATION: translate("Vocabulary", "Working away or with migrant parents"),
            Reason.EARLY_MARRIAGE: translate("Vocabulary", "Early marriage or childbirth"),
            Reason.ILLNESS: translate("Vocabulary", "Illness or disability"),
            Reason.PARENTS: translate("Vocabulary", "Parents do not value school"),
            Reason.OTHER: translate("Vocabulary", "Other"),
        }[self]


class Method(str, enum.Enum):
    HOME_VISIT = "入户劝返"
    PHONE = "电话劝返"
    TALK = "约谈家长"
    VILLAGE = "村委会调解"
    TOWNSHIP = "乡镇督办"
    OTHER = "其他"

    def label(self) -> str:
        return {
            Method.HOME_VISIT: translate("Vocabulary", "Persuasion at home"),
            Method.PHONE: translate("Vocabulary", "Persuasion by phone"),
            Method.TALK: translate("Vocabulary", "Talk with the parents"),
            Method.VILLAGE: translate("Vocabulary", "Village committee mediation"),
            Method.TOWNSHIP: translate("Vocabulary", "Township supervision"),
            Method.OTHER: translate("Vocabulary", "Other"),
        }[self]


# --- Settings and school days ---------------------------------------------------------------------


def setting(session: Session, key: str) -> int:
    default, low, high = SETTINGS[key]
    value = township.get_setting(session, key, str(default))
    return int(value) if value.isdigit() and low <= int(value) <= high else default


@requires(Permission.EDIT_SETTINGS)
def set_setting(session: Session, actor: Actor, key: str, value: int) -> None:
    _default, low, high = SETTINGS[key]
    if not low <= value <= high:
        raise ValidationFailed([error(key, "dropout.setting", translate(
            "Dropout", "The value must be between {low} and {high}.").format(low=low, high=high))])
    township.set_setting(session, actor, key, str(value))


@requires(Permission.EDIT_SETTINGS)
def save_rules(session: Session, actor: Actor, values: Mapping[str, int], prefix: str,
               holidays_text: str | None = None) -> None:
    """The rules dialog's changes, together: all saved or none."""
    for key, value in values.items():
        if value != setting(session, key):
            set_setting(session, actor, key, value)
    if prefix.strip() != notice_prefix(session):
        set_notice_prefix(session, actor, prefix)
    if holidays_text is not None and holidays_text.strip() != holidays_setting(session):
        set_holidays(session, actor, holidays_text)


# --- Holidays ------------------------------------------------------------------------------------------
# Kept as the setting dropout.holidays; the school calendar reads them and counts school days.


def holidays_setting(session: Session) -> str:
    return (township.get_setting(session, "dropout.holidays", school_calendar.DEFAULT_HOLIDAYS_TEXT)
            or school_calendar.DEFAULT_HOLIDAYS_TEXT)


def holidays(session: Session) -> Holidays:
    try:
        return school_calendar.parse_holidays(holidays_setting(session))
    except ValidationFailed:
        return school_calendar.DEFAULT_HOLIDAYS


@requires(Permission.EDIT_SETTINGS)
def set_holidays(session: Session, actor: Actor, text: str) -> None:
    township.set_setting(session, actor, "dropout.holidays",
                         school_calendar.format_holidays(school_calendar.parse_holidays(text)))


# --- Absences -------------------------------------------------------------------------------------------


def _check_class(session: Session, actor: Actor, permission: Permission, student_id: int) -> None:
    """A teacher works only on their own classes' students."""
    if not is_teacher(actor):
        return
    student = session.get(Student, student_id)
    if student is not None:
        check_class(actor, permission, student.school_id, student.stage, student.grade, student.class_name,
                    student.name)


@requires(Permission.RECORD_ABSENCE)
def record_absence(session: Session, actor: Actor, student_id: int, start: dt.date, end: dt.date | None = None,
                   reason_known: bool = False, reason: str = "", *, today: dt.date) -> int:
    student = session.get(Student, student_id)
    problems = []
    if student is None:
        raise NotFound(translate("Dropout", "The student no longer exists."))
    _check_class(session, actor, Permission.RECORD_ABSENCE, student_id)
    if student.status not in (EnrollmentStatus.ENROLLED.value, EnrollmentStatus.DROPPED_OUT.value):
        problems.append(error("student_id", "absence.status", translate(
            "Dropout", "{name} is not on the roll (\u201c{status}\u201d): only enrolled students are absent.").format(
                name=student.name, status=EnrollmentStatus(student.status).label())))
    if start > today:
        problems.append(error("start_date", "absence.future", translate("Dropout", "The absence cannot begin in the future.")))
    if end is not None and end < start:
        problems.append(error("end_date", "absence.end", translate("Dropout", "The absence ends before it begins.")))
    if reason_known and not reason.strip():
        problems.append(error("reason", "absence.reason", translate("Dropout", "Write the reason of the absence.")))
    overlapping = session.scalar(select(Absence.id).where(
        Absence.student_id == student_id, Absence.start_date <= (end or dt.date.max),
        (Absence.end_date.is_(None)) | (Absence.end_date >= start)))
    if overlapping is not None:
        problems.append(error("start_date", "absence.overlap", translate(
            "Dropout", "{name} already has an absence recorded over these days.").format(name=student.name)))
    if problems:
        raise ValidationFailed(problems)
    absence = Absence(student_id=student_id, start_date=start, end_date=end, reason_known=reason_known,
                      reason=reason.strip(), recorded_by=actor.name)
    session.add(absence)
    session.flush()
    audit.record(session, actor, Action.CREATE, ABSENCE, absence.id, student.name, after=audit.snapshot(absence))
    return absence.id


@requires(Permission.RECORD_ABSENCE)
def end_absence(session: Session, actor: Actor, absence_id: int, end: dt.date, reason: str | None = None) -> None:
    absence = _get(session, Absence, absence_id)
    _check_class(session, actor, Permission.RECORD_ABSENCE, absence.student_id)
    if end < absence.start_date:
        raise ValidationFailed([error("end_date", "absence.end", translate("Dropout", "The absence ends before it begins."))])
    before = audit.snapshot(absence)
    absence.end_date = end
    if reason is not None and reason.strip():
        absence.reason_known, absence.reason = True, reason.strip()
    audit.record(session, actor, Action.UPDATE, ABSENCE, absence.id, "", before=before, after=audit.snapshot(absence))


@dataclass(frozen=True)
class AbsenceView:
    id: int
    student_id: int
    student: str
    school: str
    grade: str
    village: str
    guardian: str
    phone: str
    start_date: dt.date
    end_date: dt.date | None
    reason_known: bool
    reason: str
    school_days: int
    suspected_on: dt.date | None  # reaching the suspected-dropout threshold, if unexplained
    dropout_on: dt.date | None  # reaching the dropout threshold, if still away
    case_id: int | None
    case_status: CaseStatus | None
    student_status: EnrollmentStatus

    def state(self, today: dt.date) -> str:
        """absent, suspected or dropout (as of today)."""
        if self.dropout_on is not None and self.dropout_on <= today:
            return "dropout"
        if self.suspected_on is not None and self.suspected_on <= today:
            return "suspected"
        return "absent"


def absences(session: Session, today: dt.date, *, open_only: bool = True,
             student_id: int | None = None, classes: frozenset[tuple[int, str, int, str]] | None = None
             ) -> list[AbsenceView]:
    suspect_days = setting(session, "dropout.suspect_school_days")
    dropout_days = setting(session, "dropout.dropout_days")
    off = holidays(session)
    cases = {}
    for case_id, absence_id, status in session.execute(select(DropoutCase.id, DropoutCase.absence_id,
                                                              DropoutCase.status)):
        if absence_id is not None:
            cases[absence_id] = (case_id, CaseStatus(status))
    query = (select(Absence, Student.name, School.name, Student.stage, Student.grade, Student.class_name, Village.name,
                    Student.guardian_name, Student.guardian_phone, Student.status)
             .join(Student, Absence.student_id == Student.id)
             .join(School, Student.school_id == School.id)
             .outerjoin(Household, Student.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id)
             .order_by(Absence.start_date))
    if open_only:
        query = query.where(Absence.end_date.is_(None))
    if student_id is not None:
        query = query.where(Absence.student_id == student_id)
    if classes is not None:
        query = query.where(roster.in_classes(classes))
    views = []
    for a, name, school, stage, grade, class_name, village, guardian, phone, status in session.execute(query):
        until = min(a.end_date or today, today)
        days = school_calendar.school_days_between(a.start_date, until, off)
        suspected = None if a.reason_known else school_calendar.nth_school_day(a.start_date, suspect_days, off)
        if suspected is not None and suspected > until:
            suspected = None
        dropout = suspected + dt.timedelta(days=dropout_days) if suspected is not None else None
        if dropout is not None and dropout > until:
            dropout = None
        case = cases.get(a.id)
        views.append(AbsenceView(a.id, a.student_id, name, school, f"{grade_name_zh(stage, grade)}{class_name}",
                                 village or "", guardian, phone, a.start_date, a.end_date, a.reason_known, a.reason, days,
                                 suspected, dropout, case[0] if case else None, case[1] if case else None,
                                 EnrollmentStatus(status)))
    return views


def cases_to_open(session: Session, today: dt.date,
                  classes: frozenset[tuple[int, str, int, str]] | None = None) -> list[AbsenceView]:
    """Unexplained absences that reached the suspected-dropout threshold, with no case yet: the app
    proposes opening one for each."""
    with_open_case = set(session.scalars(select(DropoutCase.student_id).where(
        DropoutCase.status == CaseStatus.PERSUADING.value)))
    return [a for a in absences(session, today, classes=classes)
            if a.case_id is None and a.student_id not in with_open_case and a.state(today) != "absent"]


# --- Cases -----------------------------------------------------------------------------------------------


@dataclass
class CaseForm:
    reason_category: str = Reason.OTHER.value
    reason_text: str = ""
    reported_township_on: dt.date | None = None
    reported_bureau_on: dt.date | None = None
    class_teacher_id: int | None = None
    township_action: str = ""
    village_action: str = ""
    current_situation: str = ""
    remedies: str = ""


_FORM_FIELDS = [f.name for f in fields(CaseForm)]


def _check_form(session: Session, form: CaseForm, opened_on: dt.date, today: dt.date) -> None:
    problems = []
    if form.reason_category not in {r.value for r in Reason}:
        problems.append(error("reason_category", "case.reason", translate("Dropout", "Choose the reason.")))
    for name in ("reported_township_on", "reported_bureau_on"):
        day = getattr(form, name)
        if day is not None and (day < opened_on - dt.timedelta(days=60) or day > today):
            problems.append(error(name, "case.report_date", translate(
                "Dropout", "A report date must fall between the absence and today.")))
    if form.class_teacher_id is not None and session.get(Staff, form.class_teacher_id) is None:
        problems.append(error("class_teacher_id", "case.teacher", translate("Dropout", "Choose the class teacher.")))
    if problems:
        raise ValidationFailed(problems)


@requires(Permission.MANAGE_CASES)
def open_case(session: Session, actor: Actor, student_id: int, absence_id: int | None = None,
              form: CaseForm | None = None, *, today: dt.date) -> int:
    """Open a case file for a student out of school (one per episode)."""
    form = form or CaseForm()
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Dropout", "The student no longer exists."))
    current = session.scalar(select(DropoutCase.id).where(DropoutCase.student_id == student_id,
                                                          DropoutCase.status == CaseStatus.PERSUADING.value))
    if current is not None:
        raise NotAllowed(translate("Dropout", "{name} already has an open case (No. {id}).").format(
            name=student.name, id=current))
    absence = session.get(Absence, absence_id) if absence_id is not None else None
    if absence_id is not None and (absence is None or absence.student_id != student_id):
        raise NotFound(translate("Dropout", "The absence does not belong to this student."))
    began = absence.start_date if absence is not None else today
    _check_form(session, form, began, today)
    case = DropoutCase(student_id=student_id, absence_id=absence_id, status=CaseStatus.PERSUADING.value,
                       stage_at=student.stage, grade_at=student.grade, school_id=student.school_id,
                       absence_began=began, opened_on=today, opened_by=actor.name,
                       **{name: (getattr(form, name).strip() if isinstance(getattr(form, name), str)
                                 else getattr(form, name)) for name in _FORM_FIELDS})
    session.add(case)
    session.flush()
    audit.record(session, actor, Action.CREATE, CASE, case.id, student.name, after=audit.snapshot(case))
    return case.id


@requires(Permission.MANAGE_CASES)
def update_case(session: Session, actor: Actor, case_id: int, form: CaseForm, *, today: dt.date) -> None:
    case = _get(session, DropoutCase, case_id)
    _check_form(session, form, case.absence_began, today)
    before = audit.snapshot(case)
    for name in _FORM_FIELDS:
        value = getattr(form, name)
        setattr(case, name, value.strip() if isinstance(value, str) else value)
    after = audit.snapshot(case)
    if before != after:
        audit.record(session, actor, Action.UPDATE, CASE, case.id, "", before=before, after=after)


def case_form(session: Session, case_id: int) -> CaseForm:
    case = _get(session, DropoutCase, case_id)
    return CaseForm(**{name: getattr(case, name) for name in _FORM_FIELDS})


def allowed_moves(status: CaseStatus | str) -> list[CaseStatus]:
    return [s for s in CaseStatus if s in TRANSITIONS[CaseStatus(status)]]


@requires(Permission.MANAGE_CASES)
def move_case(session: Session, actor: Actor, case_id: int, new_status: CaseStatus | str, on: dt.date, *,
              today: dt.date, return_date: dt.date | None = None, transfer_to: str = "", note: str = "") -> None:
    """Move a case along its workflow; a move the workflow does not allow is refused.

    已返校 writes the child off the lists (劝返一个、销号一个): the absence ends the day before the
    return and the status goes back to 在读; 转学 records the transfer; 送教上门 keeps the child on
    the roll, taught at home."""
    case = _get(session, DropoutCase, case_id)
    current, new_status = CaseStatus(case.status), CaseStatus(new_status)
    problems = []
    if new_status not in TRANSITIONS[current]:
        problems.append(error("status", "case.move", translate(
            "Dropout", "A case that is \u201c{current}\u201d cannot become \u201c{new}\u201d.").format(
                current=current.label(), new=new_status.label())))
    if new_status is CaseStatus.RETURNED and return_date is None:
        problems.append(error("return_date", "case.return_date", translate("Dropout", "Enter the day the child came back.")))
    if return_date is not None and (return_date < case.absence_began or return_date > today):
        problems.append(error("return_date", "case.return_range", translate(
            "Dropout", "The return date must fall between the start of the absence and today.")))
    if new_status is CaseStatus.TRANSFERRED and not transfer_to.strip():
        problems.append(error("transfer_to", "case.transfer", translate("Dropout", "Say which school the child went to.")))
    if new_status in (CaseStatus.OTHER, CaseStatus.HOME_TEACHING) and not note.strip():
        problems.append(error("note", "case.note", translate("Dropout", "Describe the outcome.")))
    if on > today or on < case.opened_on:
        problems.append(error("on", "case.date", translate(
            "Dropout", "The date must fall between the opening of the case and today.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(case)
    case.status = new_status.value
    case.closed_on = on
    case.transfer_to = transfer_to.strip() or case.transfer_to
    case.outcome_note = note.strip() or case.outcome_note
    student = session.get(Student, case.student_id)
    assert student is not None
    if new_status is CaseStatus.RETURNED:
        assert return_date is not None
        case.return_date = return_date
        _end_open_absences(session, actor, case.student_id, return_date - dt.timedelta(days=1))
        if student.status != EnrollmentStatus.ENROLLED.value:
            roster.change_status(session, actor, student.id, EnrollmentStatus.ENROLLED, return_date,
                                 translate("Dropout", "Back at school after persuasion (case No. {id})").format(id=case.id),
                                 today=today)
    elif new_status is CaseStatus.TRANSFERRED:
        _end_open_absences(session, actor, case.student_id, on)
        if EnrollmentStatus.TRANSFERRED_OUT in roster.allowed_changes(student.status):
            roster.change_status(session, actor, student.id, EnrollmentStatus.TRANSFERRED_OUT, on,
                                 translate("Dropout", "Transferred during case No. {id}").format(id=case.id),
                                 destination=transfer_to, today=today)
    elif new_status is CaseStatus.HOME_TEACHING:
        _end_open_absences(session, actor, case.student_id, on)
        if student.status == EnrollmentStatus.DROPPED_OUT.value:
            roster.change_status(session, actor, student.id, EnrollmentStatus.ENROLLED, on,
                                 translate("Dropout", "Taught at home (送教上门), case No. {id}").format(id=case.id),
                                 today=today)
    audit.record(session, actor, Action.UPDATE, CASE, case.id, student.name, before=before, after=audit.snapshot(case))


def _end_open_absences(session: Session, actor: Actor, student_id: int, until: dt.date) -> None:
    for absence in session.scalars(select(Absence).where(Absence.student_id == student_id, Absence.end_date.is_(None))):
        end_absence(session, actor, absence.id, max(until, absence.start_date))


@requires(Permission.MANAGE_CASES)
def confirm_dropout(session: Session, actor: Actor, case_id: int, on: dt.date | None = None,
                    *, today: dt.date) -> None:
    """Record the student as 辍学 once the absence passed the dropout threshold."""
    case = _get(session, DropoutCase, case_id)
    student = session.get(Student, case.student_id)
    assert student is not None
    if student.status == EnrollmentStatus.DROPPED_OUT.value:
        return
    views = [a for a in absences(session, today, student_id=student.id) if a.id == case.absence_id]
    threshold = views[0].dropout_on if views else None
    if threshold is None:
        raise NotAllowed(translate(
            "Dropout", "{name} has not been away long enough to count as a dropout ({days} days after becoming a "
            "suspected dropout).").format(name=student.name, days=setting(session, "dropout.dropout_days")))
    reason = Reason(case.reason_category).value + (f"：{case.reason_text}" if case.reason_text else "")
    roster.change_status(session, actor, student.id, EnrollmentStatus.DROPPED_OUT, on or threshold, reason,
                         today=today)


# --- The persuasion log (append-only) --------------------------------------------------------------------


@dataclass
class AttemptEntry:
    attempt_date: dt.date | None = None
    visitors: str = ""
    met: str = ""
    method: str = Method.HOME_VISIT.value
    result: str = ""
    succeeded: bool = False


def _attempt_values(entry: AttemptEntry, today: dt.date) -> dict[str, object]:
    problems = []
    if entry.attempt_date is None or entry.attempt_date > today:
        problems.append(error("attempt_date", "attempt.date", translate(
            "Dropout", "Enter the date of the attempt (not in the future).")))
    if not entry.visitors.strip():
        problems.append(error("visitors", "attempt.visitors", translate("Dropout", "Write who went.")))
    if entry.method not in {m.value for m in Method}:
        problems.append(error("method", "attempt.method", translate("Dropout", "Choose how.")))
    if not entry.result.strip():
        problems.append(error("result", "attempt.result", translate("Dropout", "Write what came of it.")))
    if problems:
        raise ValidationFailed(problems)
    return {"attempt_date": entry.attempt_date, "visitors": entry.visitors.strip(), "met": entry.met.strip(),
            "method": entry.method, "result": entry.result.strip(), "succeeded": entry.succeeded}


@requires(Permission.LOG_PERSUASION)
def log_attempt(session: Session, actor: Actor, case_id: int, entry: AttemptEntry,
                files: Sequence[tuple[str, bytes]] = (), *, today: dt.date,
                corrects_id: int | None = None) -> int:
    case = _get(session, DropoutCase, case_id)
    _check_class(session, actor, Permission.LOG_PERSUASION, case.student_id)
    if not CaseStatus(case.status).is_open and corrects_id is None:
        raise NotAllowed(translate("Dropout", "The case is closed; attempts are logged on open cases."))
    values = _attempt_values(entry, today)
    if values["attempt_date"] < case.absence_began:
        raise ValidationFailed([error("attempt_date", "attempt.early", translate(
            "Dropout", "The attempt is dated before the absence began."))])
    [attempt_id] = reserve_ids(session, PersuasionAttempt, 1)
    row = {"id": attempt_id, "case_id": case_id, "corrects_id": corrects_id, "recorded_by": actor.name,
           "recorded_at": utcnow(), **values}
    session.connection().execute(insert(PersuasionAttempt), [row])
    audit.record(session, actor, Action.CREATE, ATTEMPT, attempt_id, str(case_id),
                 after={k: v for k, v in row.items() if k != "recorded_at"})
    for name, data in files:
        attachments.add(session, actor, ATTEMPT, attempt_id, name, data)
    return attempt_id


@requires(Permission.LOG_PERSUASION)
def correct_attempt(session: Session, actor: Actor, attempt_id: int, entry: AttemptEntry,
                    today: dt.date) -> int:
    """A correction is a new entry pointing at the old one; the old one stays, marked as corrected."""
    old = _get(session, PersuasionAttempt, attempt_id)
    _check_class(session, actor, Permission.LOG_PERSUASION, _get(session, DropoutCase, old.case_id).student_id)
    if session.scalar(select(PersuasionAttempt.id).where(PersuasionAttempt.corrects_id == attempt_id)) is not None:
        raise NotAllowed(translate("Dropout", "This entry has been corrected already: correct the correction."))
    return log_attempt(session, actor, old.case_id, entry, today=today, corrects_id=attempt_id)


@dataclass(frozen=True)
class AttemptView:
    id: int
    attempt_date: dt.date
    visitors: str
    met: str
    method: Method
    result: str
    succeeded: bool
    corrects_id: int | None
    corrected_by: int | None
    recorded_by: str
    recorded_at: dt.datetime
    evidence: int

    @property
    def counts(self) -> bool:
        """Whether it counts: a corrected entry is replaced by its correction."""
        return self.corrected_by is None


def attempts(session: Session, case_id: int) -> list[AttemptView]:
    rows = session.scalars(select(PersuasionAttempt).where(PersuasionAttempt.case_id == case_id)
                           .order_by(PersuasionAttempt.attempt_date, PersuasionAttempt.id)).all()
    corrected_by = {r.corrects_id: r.id for r in rows if r.corrects_id is not None}
    evidence = attachments.counts_for(session, ATTEMPT, [r.id for r in rows])
    return [AttemptView(r.id, r.attempt_date, r.visitors, r.met, Method(r.method), r.result, r.succeeded, r.corrects_id,
                        corrected_by.get(r.id), r.recorded_by, r.recorded_at, evidence.get(r.id, 0)) for r in rows]


# --- Enrollment-urging notices -----------------------------------------------------------------------------


def notice_prefix(session: Session) -> str:
    """The start of the notice number, e.g. 平府教 for the 平地镇 government's education notices."""
    default = f"{township.township_name(session)[:1] or '乡'}府教"
    return township.get_setting(session, "dropout.notice_prefix", default) or default


@requires(Permission.EDIT_SETTINGS)
def set_notice_prefix(session: Session, actor: Actor, prefix: str) -> None:
    prefix = prefix.strip()
    if not prefix or len(prefix) > 12 or any(c in prefix for c in "〔〕[]号"):
        raise ValidationFailed([error("prefix", "notice.prefix", translate(
            "Dropout", "Write the issuing body's short name for document numbers, e.g. 平府教 (at most 12 characters, "
            "without brackets or 号)."))])
    township.set_setting(session, actor, "dropout.notice_prefix", prefix)


@requires(Permission.ISSUE_NOTICE)
def issue_notice(session: Session, actor: Actor, case_id: int, issued_on: dt.date, deadline: dt.date | None = None,
                 guardian: str = "", *, today: dt.date) -> int:
    """Record the enrollment-urging notice the township issues on a case, numbered per year."""
    case = _get(session, DropoutCase, case_id)
    student = session.get(Student, case.student_id)
    assert student is not None
    deadline = deadline or issued_on + dt.timedelta(days=setting(session, "dropout.notice_deadline_days"))
    guardian = guardian.strip() or student.guardian_name
    problems = []
    if not CaseStatus(case.status).is_open:
        problems.append(error("case", "notice.closed", translate("Dropout", "The case is closed.")))
    if issued_on > today or issued_on < case.opened_on:
        problems.append(error("issued_on", "notice.date", translate(
            "Dropout", "The notice date must fall between the opening of the case and today.")))
    if deadline <= issued_on:
        problems.append(error("deadline", "notice.deadline", translate("Dropout", "The deadline comes after the notice.")))
    if not guardian:
        problems.append(error("guardian", "notice.guardian", translate(
            "Dropout", "Enter the guardian the notice is addressed to.")))
    if problems:
        raise ValidationFailed(problems)
    number = (session.scalar(select(func.max(UrgingNotice.number)).where(UrgingNotice.year == issued_on.year)) or 0) + 1
    notice = UrgingNotice(case_id=case_id, year=issued_on.year, number=number,
                          document_number=f"{notice_prefix(session)}〔{issued_on.year}〕{number}号", guardian=guardian,
                          issued_on=issued_on, deadline=deadline, issued_by=actor.name)
    session.add(notice)
    session.flush()
    audit.record(session, actor, Action.CREATE, NOTICE, notice.id, notice.document_number, after=audit.snapshot(notice))
    return notice.id


@requires(Permission.MANAGE_CASES)
def record_receipt(session: Session, actor: Actor, notice_id: int, served_on: dt.date, served_to: str,
                   note: str = "", *, today: dt.date) -> None:
    """The proof of service (送达回证): the parents signed for the notice on a day."""
    notice = _get(session, UrgingNotice, notice_id)
    problems = []
    if served_on < notice.issued_on or served_on > today:
        problems.append(error("served_on", "notice.served", translate(
            "Dropout", "The receipt date must fall between the notice and today.")))
    if not served_to.strip():
        problems.append(error("served_to", "notice.served_to", translate("Dropout", "Enter who signed for it.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(notice)
    notice.served_on, notice.served_to, notice.receipt_note = served_on, served_to.strip(), note.strip()
    audit.record(session, actor, Action.UPDATE, NOTICE, notice.id, notice.document_number, before=before,
                 after=audit.snapshot(notice))


@dataclass(frozen=True)
class NoticeView:
    id: int
    document_number: str
    guardian: str
    issued_on: dt.date
    deadline: dt.date
    served_on: dt.date | None
    served_to: str


def notices(session: Session, case_id: int) -> list[NoticeView]:
    rows = session.scalars(select(UrgingNotice).where(UrgingNotice.case_id == case_id).order_by(UrgingNotice.id))
    return [NoticeView(n.id, n.document_number, n.guardian, n.issued_on, n.deadline, n.served_on, n.served_to)
            for n in rows]


# --- Case lists -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseView:
    id: int
    student_id: int
    student: str
    sex: str
    school: str
    grade: str
    village: str
    guardian: str
    status: CaseStatus
    reason: Reason
    absence_began: dt.date
    opened_on: dt.date
    closed_on: dt.date | None
    attempts: int
    failed_attempts: int
    last_action: dt.date
    notice: NoticeView | None
    notice_due: bool  # enough failed attempts: the notice is proposed
    student_status: EnrollmentStatus
    school_id: int

    def days_open(self, today: dt.date) -> int:
        return ((self.closed_on or today) - self.opened_on).days

    def notice_expired(self, today: dt.date) -> bool:
        return self.status.is_open and self.notice is not None and self.notice.deadline < today

    def as_json(self, today: dt.date) -> dict[str, object]:
        return {"id": self.id, "student": self.student, "student_id": self.student_id, "school": self.school,
                "grade": self.grade, "status": self.status.value, "reason": self.reason.value,
                "opened": self.opened_on.isoformat(), "closed": self.closed_on.isoformat() if self.closed_on else None,
                "days_open": self.days_open(today), "attempts": self.attempts,
                "failed_attempts": self.failed_attempts, "last_action": self.last_action.isoformat(),
                "notice_number": self.notice.document_number if self.notice else None,
                "notice_deadline": self.notice.deadline.isoformat() if self.notice else None,
                "notice_served": self.notice.served_on.isoformat() if self.notice and self.notice.served_on else None,
                "notice_expired": self.notice_expired(today), "notice_due": self.notice_due}


def list_cases(session: Session, *, open_only: bool = False, case_id: int | None = None,
               classes: frozenset[tuple[int, str, int, str]] | None = None) -> list[CaseView]:
    """The cases, open ones first; ``classes`` limits them to a teacher's classes."""
    needed = setting(session, "dropout.attempts_before_notice")
    query = (select(DropoutCase, Student.name, Student.sex, School.name, Village.name, Student.guardian_name,
                    Student.status)
             .join(Student, DropoutCase.student_id == Student.id)
             .join(School, DropoutCase.school_id == School.id)
             .outerjoin(Household, Student.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id)
             .order_by(DropoutCase.status != CaseStatus.PERSUADING.value, DropoutCase.opened_on.desc()))
    if open_only:
        query = query.where(DropoutCase.status == CaseStatus.PERSUADING.value)
    if case_id is not None:
        query = query.where(DropoutCase.id == case_id)
    if classes is not None:
        query = query.where(roster.in_classes(classes))
    found = session.execute(query).all()
    wanted = [row[0].id for row in found]
    # The log and the notices of all these cases in two reads (not two per case).
    logged: dict[int, list[tuple[dt.date, bool]]] = {}
    issued: dict[int, list[UrgingNotice]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows = session.execute(select(PersuasionAttempt.case_id, PersuasionAttempt.attempt_date,
                                      PersuasionAttempt.succeeded, PersuasionAttempt.id, PersuasionAttempt.corrects_id)
                               .where(PersuasionAttempt.case_id.in_(chunk))).all()
        corrected = {corrects for *_rest, corrects in rows if corrects is not None}
        for owner, day, succeeded, attempt_id, _corrects in rows:
            if attempt_id not in corrected:
                logged.setdefault(owner, []).append((day, succeeded))
        for row in session.scalars(select(UrgingNotice).where(UrgingNotice.case_id.in_(chunk))
                                   .order_by(UrgingNotice.id)):
            issued.setdefault(row.case_id, []).append(row)
    views = []
    for case, name, sex, school, village, guardian, status in found:
        attempts_of = logged.get(case.id, [])
        notices_of = issued.get(case.id, [])
        failed = sum(1 for _day, succeeded in attempts_of if not succeeded)
        latest = notices_of[-1] if notices_of else None
        last = max([case.opened_on, *(day for day, _ok in attempts_of), *(n.issued_on for n in notices_of)])
        notice = (NoticeView(latest.id, latest.document_number, latest.guardian, latest.issued_on, latest.deadline,
                             latest.served_on, latest.served_to) if latest is not None else None)
        views.append(CaseView(case.id, case.student_id, name, sex, school, grade_name_zh(case.stage_at, case.grade_at),
                              village or "", guardian, CaseStatus(case.status), Reason(case.reason_category),
                              case.absence_began, case.opened_on, case.closed_on, len(attempts_of), failed, last, notice,
                              CaseStatus(case.status).is_open and latest is None and failed >= needed,
                              EnrollmentStatus(status), case.school_id))
    return views


def get_case(session: Session, case_id: int) -> CaseView:
    found = list_cases(session, case_id=case_id)
    if not found:
        raise NotFound(translate("Dropout", "The case no longer exists."))
    return found[0]


def _get(session: Session, model: type, item_id: int):  # noqa: ANN202 - the model's instance
    item = session.get(model, item_id)
    if item is None:
        raise NotFound(translate("Dropout", "The record no longer exists."))
    return item


# --- The three ledgers ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerRow:
    student_id: int
    name: str
    sex: str
    birth_date: dt.date | None
    age: int | None
    school: str
    grade: str
    village: str
    guardian: str
    status: EnrollmentStatus
    note: str  # the absence, the case, or why the child is listed
    case_id: int | None


COMPULSORY_AGES = range(6, 16)  # compulsory education: ages 6 to 15


def _student_rows(session: Session, conditions: Sequence[ColumnElement[bool]], today: dt.date,
                  notes: Mapping[int, tuple[str, int | None]]) -> list[LedgerRow]:
    """The ledger lines of the students the conditions select, by village then name."""
    query = (select(Student.id, Student.name, Student.sex, Student.birth_date, School.name, Student.stage,
                    Student.grade, Student.class_name, Village.name, Student.guardian_name, Student.status)
             .join(School, Student.school_id == School.id)
             .outerjoin(Household, Student.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id)
             .where(*conditions)
             .order_by(func.coalesce(Village.name, ""), Student.name_pinyin, Student.id))
    rows = []
    for sid, name, sex, birth, school, stage, grade, class_name, village, guardian, status in session.execute(query):
        note, case_id = notes.get(sid, ("", None))
        rows.append(LedgerRow(sid, name, sex, birth, age_on(birth, today) if birth else None, school,
                              f"{grade_name_zh(stage, grade)}{class_name}", village or "", guardian,
                              EnrollmentStatus(status), note, case_id))
    return rows


def _students(ids: Sequence[int]) -> list[ColumnElement[bool]]:
    return [Student.id.in_(list(ids))]


def school_age_ledger(session: Session, today: dt.date) -> list[LedgerRow]:
    """适龄儿童: every child of compulsory-education age (6 to 15 on 31 August before the school
    year) on the roster, enrolled or not — the 未入学 children of the households are on the roster too."""
    reference = SchoolYear.containing(today).age_reference_day
    youngest, oldest = COMPULSORY_AGES[0], COMPULSORY_AGES[-1]
    # age_on(birth, reference) in 6..15  <=>  reference - 16 years < birth <= reference - 6 years
    latest_birth = _years_before(reference, youngest)
    earliest_birth = _years_before(reference, oldest + 1) + dt.timedelta(days=1)
    conditions = [Student.birth_date.is_not(None), Student.birth_date >= earliest_birth,
                  Student.birth_date <= latest_birth]
    away = (EnrollmentStatus.NOT_ENROLLED.value, EnrollmentStatus.DROPPED_OUT.value)
    notes = {sid: (translate("Dropout", "not at school"), None) for sid in session.scalars(
        select(Student.id).where(*conditions, Student.status.in_(away)))}
    return _student_rows(session, conditions, today, notes)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def suspected_ledger(session: Session, today: dt.date) -> list[LedgerRow]:
    """疑似辍学: unexplained absence past the suspected threshold, not yet past the dropout one."""
    found = {a.student_id: (translate("Dropout", "absent since {date}, {days} school days").format(
        date=a.start_date.isoformat(), days=a.school_days), a.case_id)
        for a in absences(session, today) if a.state(today) == "suspected"}
    return _student_rows(session, _students(list(found)), today, found)


def dropout_ledger(session: Session, today: dt.date) -> list[LedgerRow]:
    """辍学: students recorded as 辍学, and those whose absence passed the dropout threshold (their
    status still to be recorded). A returned student is written off: the list no longer has them."""
    found: dict[int, tuple[str, int | None]] = {}
    open_cases = {c.student_id: c.id for c in list_cases(session, open_only=True)}
    for sid in session.scalars(select(Student.id).where(Student.status == EnrollmentStatus.DROPPED_OUT.value)):
        found[sid] = (translate("Dropout", "recorded as 辍学"), open_cases.get(sid))
    for a in absences(session, today):
        if a.state(today) == "dropout" and a.student_id not in found:
            found[a.student_id] = (translate("Dropout", "away since {date}: record the status as 辍学").format(
                date=a.start_date.isoformat()), a.case_id)
    return _student_rows(session, _students(list(found)), today, found)


# --- The dropout rate ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    school: str
    enrolled_at_start: int
    dropouts: int

    @property
    def rate(self) -> float:
        return self.dropouts / self.enrolled_at_start if self.enrolled_at_start else 0.0

    @property
    def meets_target(self) -> bool:
        return self.rate <= DROPOUT_RATE_TARGET


def dropout_rates(session: Session, start: dt.date, end: dt.date, stage: str = Stage.PRIMARY.value,
                  book: roster.StatusBook | None = None) -> tuple[list[RateRow], RateRow]:
    """The dropout rate of a period, per school and overall (the plan's target: primary ≤ 0.2 %).

    rate = dropouts ÷ students enrolled (在读) at the start of the period, where a dropout is a
    student of the stage whose status became 辍学 during the period and was still 辍学 at its end
    (a child brought back within the period is not counted). Schools are the students' schools."""
    book = book or roster.StatusBook(session)
    at_start = {sid for sid, status in book.on(start).items() if status == EnrollmentStatus.ENROLLED.value}
    at_end = book.on(end)
    became = set(session.scalars(select(StatusChange.student_id).where(
        StatusChange.to_status == EnrollmentStatus.DROPPED_OUT.value, StatusChange.effective_date >= start,
        StatusChange.effective_date <= end)))
    schools: dict[str, list[int]] = {}
    for sid, school, student_stage in session.execute(select(Student.id, School.name, Student.stage)
                                                      .join(School, Student.school_id == School.id)):
        if student_stage != stage:
            continue
        bucket = schools.setdefault(school, [0, 0])
        if sid in at_start:
            bucket[0] += 1
        if sid in became and at_end.get(sid) == EnrollmentStatus.DROPPED_OUT.value:
            bucket[1] += 1
    rows = [RateRow(name, enrolled, dropped) for name, (enrolled, dropped) in sorted(schools.items())]
    overall = RateRow(translate("Dropout", "All schools"), sum(r.enrolled_at_start for r in rows),
                      sum(r.dropouts for r in rows))
    return rows, overall


@requires(Permission.LOG_PERSUASION)
def add_evidence(session: Session, actor: Actor, attempt_id: int, name: str, data: bytes) -> int:
    """Evidence may come later than the entry (photos developed, a receipt scanned)."""
    attempt = _get(session, PersuasionAttempt, attempt_id)
    _check_class(session, actor, Permission.LOG_PERSUASION, _get(session, DropoutCase, attempt.case_id).student_id)
    return attachments.add(session, actor, ATTEMPT, attempt_id, name, data)


# --- The term-start report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TermSchoolLine:
    school: str
    enrolled: int  # 在读 on the report day
    suspected: int
    dropouts: int
    returned: int  # cases closed as 已返校 since the previous term began
    open_cases: int

    @property
    def rate(self) -> float:
        """Dropouts of the school ÷ (its enrolled students + its dropouts)."""
        base = self.enrolled + self.dropouts
        return self.dropouts / base if base else 0.0


@dataclass(frozen=True)
class TermDropoutLine:
    name: str
    sex: str
    school: str
    grade: str
    village: str
    guardian: str
    since: str
    reason: str
    attempts: int
    situation: str
    remedies: str
    status: str = ""  # 学籍状态, and the case's state
    notice: str = ""  # the urging notice's number, if one was issued


@dataclass(frozen=True)
class TermReport:
    """The written report each school sends the district bureau and the township at the start of a
    term: its dropouts by name, and the counts per school."""

    title: str
    as_of: dt.date
    since: dt.date
    schools: list[TermSchoolLine]
    total: TermSchoolLine
    dropouts: list[TermDropoutLine]
    not_enrolled: list[TermDropoutLine] = field(default_factory=list)  # school-age children never enrolled


def term_report(session: Session, today: dt.date, term: Term | None = None) -> TermReport:
    """The situation on ``today`` (the lists are of that day) for ``term`` (the one ``today`` is in
    by default)."""
    term = term or Term.containing(today)
    previous = term.previous().start
    dropout_rows = dropout_ledger(session, today)
    suspected_rows = suspected_ledger(session, today)
    cases = list_cases(session)
    by_student: dict[int, CaseView] = {}
    for view in cases:  # open cases first, then the latest: a student's current case
        by_student.setdefault(view.student_id, view)
    enrolled: dict[str, int] = {}
    for school, count in session.execute(select(School.name, func.count(Student.id))
                                         .join(Student, Student.school_id == School.id)
                                         .where(Student.status == EnrollmentStatus.ENROLLED.value)
                                         .group_by(School.name)):
        enrolled[school] = count
    names = sorted({*enrolled, *(r.school for r in dropout_rows), *(r.school for r in suspected_rows),
                    *(c.school for c in cases)})
    schools = []
    for name in names:
        schools.append(TermSchoolLine(
            name, enrolled.get(name, 0), sum(1 for r in suspected_rows if r.school == name),
            sum(1 for r in dropout_rows if r.school == name),
            sum(1 for c in cases if c.school == name and c.status is CaseStatus.RETURNED and c.closed_on is not None
                and c.closed_on >= previous),
            sum(1 for c in cases if c.school == name and c.status.is_open)))
    total = TermSchoolLine(translate("Dropout", "All schools"), *(sum(getattr(s, f) for s in schools) for f in
                                                                  ("enrolled", "suspected", "dropouts", "returned",
                                                                   "open_cases")))
    lines = []
    for row in dropout_rows:
        case = by_student.get(row.student_id)
        form = case_form(session, case.id) if case is not None else None
        status = row.status.value + (f"，档案{case.status.value}" if case is not None else "，未建档")
        lines.append(TermDropoutLine(
            row.name, row.sex, row.school, row.grade, row.village, row.guardian,
            case.absence_began.isoformat() if case else "", case.reason.value if case else "",
            case.attempts if case else 0, form.current_situation if form else "", form.remedies if form else "",
            status, case.notice.document_number if case is not None and case.notice is not None else ""))
    never = [child for child in school_age_ledger(session, today) if child.status is EnrollmentStatus.NOT_ENROLLED]
    not_enrolled = [TermDropoutLine(row.name, row.sex, row.school, row.grade, row.village, row.guardian, "", "未入学",
                                    0, "", "", row.status.value) for row in never]
    return TermReport(f"{township.township_name(session)}{term.full_name}开学辍学情况报告", today, previous, schools,
                      total, lines, not_enrolled)


# --- What needs doing ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attention:
    """What the dropout tab's badge counts: absences waiting for a case, cases ready for an urging
    notice, and notices whose deadline passed without the child back."""

    to_open: int
    notice_due: int
    expired: int

    @property
    def total(self) -> int:
        return self.to_open + self.notice_due + self.expired


def attention(session: Session, today: dt.date,
              classes: frozenset[tuple[int, str, int, str]] | None = None) -> Attention:
    cases = list_cases(session, open_only=True, classes=classes)
    return Attention(len(cases_to_open(session, today, classes)), sum(1 for c in cases if c.notice_due),
                     sum(1 for c in cases if c.notice_expired(today)))


@dataclass(frozen=True)
class SchoolCases:
    school: str
    open: int
    closed: int
    returned: int
    expired: int


def cases_per_school(session: Session, today: dt.date) -> list[SchoolCases]:
    grouped: dict[str, list[CaseView]] = {}
    for case in list_cases(session):
        grouped.setdefault(case.school, []).append(case)
    return [SchoolCases(school, sum(1 for c in cases if c.status.is_open), sum(1 for c in cases if not c.status.is_open),
                        sum(1 for c in cases if c.status is CaseStatus.RETURNED),
                        sum(1 for c in cases if c.notice_expired(today)))
            for school, cases in sorted(grouped.items())]
