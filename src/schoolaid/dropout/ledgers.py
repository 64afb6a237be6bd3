"""The three ledgers of dropout control: school-age children (适龄儿童), suspected dropouts (疑似辍学)
and dropouts (辍学).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from schoolaid.common.grades import Stage, age_on, grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.dropout import found_out_of_school, term_start
from schoolaid.dropout.absences import absences
from schoolaid.dropout.case_files import list_cases
from schoolaid.reconcile import differences
from schoolaid.reconcile.differences import person_key
from schoolaid.reconcile.vocabulary import CheckResult, DifferenceKind, ListKind
from schoolaid.roster import enrollment_approvals, transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.pinyin_search import search_keys
from schoolaid.storage.models import (
    Household,
    ReconcileCheck,
    ReferenceList,
    ReferencePerson,
    School,
    Student,
    Village,
)


@dataclass(frozen=True)
class LedgerRow:
    student_id: int | None  # None: a child of the household register on no roster of ours
    name: str
    sex: str
    birth_date: dt.date | None
    age: int | None
    school: str  # for a child on no roster: where a check found them studying, if anywhere
    grade: str
    village: str
    guardian: str  # for a child on no roster: the register's head of household
    status: EnrollmentStatus | None  # None: on no roster of ours
    note: str  # the absence, the case, or why the child is listed
    case_id: int | None
    reconcile: str = ""  # the 比对 status (matched, 待核查, or the check's result); "" where no register covers the child
    out_of_school: bool = False  # not known to be at school: 未入学 or 辍学, or a register child not found at any

    @property
    def status_text(self) -> str:
        """The 学籍状态 as the ledgers print it (Chinese always)."""
        return self.status.value if self.status is not None else "无学籍"


COMPULSORY_AGES = range(6, 16)  # compulsory education: ages 6 to 15
AWAY = (EnrollmentStatus.NOT_ENROLLED, EnrollmentStatus.DROPPED_OUT)


def _student_rows(session: Session, conditions: Sequence[ColumnElement[bool]], today: dt.date,
                  notes: Mapping[int, tuple[str, int | None]],
                  reconciled: differences.ChildStatuses | None = None) -> list[tuple[tuple[str, str], LedgerRow]]:
    """The ledger lines of the students the conditions select, by village then name, each with its
    sort key (village, name's pinyin)."""
    query = (select(Student.id, Student.name, Student.sex, Student.birth_date, School.name, Student.stage,
                    Student.grade, Student.class_name, Village.name, Student.guardian_name, Student.status,
                    Student.id_number, Student.name_pinyin)
             .join(School, Student.school_id == School.id)
             .outerjoin(Household, Student.household_id == Household.id)
             .outerjoin(Village, Household.village_id == Village.id)
             .where(*conditions)
             .order_by(func.coalesce(Village.name, ""), Student.name_pinyin, Student.id))
    # A child a 比对 check put on the roster has no household yet: the register's village stands.
    checked_village = {sid: village for sid, village in session.execute(
        select(ReconcileCheck.student_id, Village.name).join(Village, ReconcileCheck.village_id == Village.id)
        .where(ReconcileCheck.student_id.is_not(None)).order_by(ReconcileCheck.id))}
    rows = []
    for (sid, name, sex, birth, school, stage, grade, class_name, village, guardian, status, id_number,
         pinyin) in session.execute(query):
        village = village or checked_village.get(sid, "")
        note, case_id = notes.get(sid, ("", None))
        enrollment = EnrollmentStatus(status)
        reconcile = reconciled.of(sid, person_key(name, birth, id_number)) if reconciled else ""
        rows.append(((village or "", pinyin or ""), LedgerRow(
            sid, name, sex, birth, age_on(birth, today) if birth else None, school,
            f"{grade_name_zh(stage, grade)}{class_name}", village or "", guardian, enrollment, note, case_id,
            reconcile, enrollment in AWAY)))
    return rows


def _students(ids: Sequence[int]) -> list[ColumnElement[bool]]:
    return [Student.id.in_(list(ids))]


def school_age_ledger(session: Session, today: dt.date) -> list[LedgerRow]:
    """适龄儿童: every child of compulsory-education age (6 to 15 on 31 August before the school
    year) on the roster, enrolled or not — the 未入学 children of the households are on the roster too —
    and, where a household register was imported, every school-age child of the register on no roster
    of ours, each with their 比对 status (待核查, or what the check found)."""
    reference = enrollment_approvals.age_reference_day(session, SchoolYear.containing(today))
    youngest, oldest = COMPULSORY_AGES[0], COMPULSORY_AGES[-1]
    # age_on(birth, reference) in 6..15  <=>  reference - 16 years < birth <= reference - 6 years
    latest_birth = _years_before(reference, youngest)
    earliest_birth = _years_before(reference, oldest + 1) + dt.timedelta(days=1)
    conditions = [Student.birth_date.is_not(None), Student.birth_date >= earliest_birth,
                  Student.birth_date <= latest_birth]
    away = (EnrollmentStatus.NOT_ENROLLED.value, EnrollmentStatus.DROPPED_OUT.value)
    notes: dict[int, tuple[str, int | None]] = {
        sid: (translate("Dropout", "not at school"), None)
        for sid in session.scalars(select(Student.id).where(*conditions, Student.status.in_(away)))}
    notes.update(_approval_notes(session, conditions, today))
    has_register = bool(session.scalar(select(ReferenceList.id).where(ReferenceList.kind == ListKind.HUKOU.value)
                                       .limit(1)))
    reconciled = differences.child_status(session, today) if has_register else None
    rows = _student_rows(session, conditions, today, notes, reconciled)
    if has_register:
        rows += _register_rows(session, today)
    rows.sort(key=lambda keyed: keyed[0])
    return [row for _key, row in rows]


def _approval_notes(session: Session, conditions: Sequence[ColumnElement[bool]],
                    today: dt.date) -> dict[int, tuple[str, int | None]]:
    """What the age rule and the approvals say of the school-age preschoolers and 休学 pupils: 应入学,
    the deferral or suspension in force, or the suspension with no approval or run out."""
    E = enrollment_approvals  # noqa: N806
    statuses: dict[int, str] = {sid: status for sid, status in session.execute(
        select(Student.id, Student.status).where(*conditions, or_(
            Student.stage == Stage.PRESCHOOL.value, Student.status == EnrollmentStatus.SUSPENDED.value)))}
    ids = list(statuses)
    if not ids:
        return {}
    flags = E.flags(session, today, ids)
    approvals = E.latest_approvals(session, ids)
    notes: dict[int, tuple[str, int | None]] = {}
    for sid in ids:
        flag = flags.get(sid)
        deferral = approvals.get((sid, E.ApprovalKind.DEFERRED))
        suspension = approvals.get((sid, E.ApprovalKind.SUSPENDED))
        if flag is E.Flag.DUE_TO_ENROLL:
            note = translate("Dropout", "应入学: of compulsory-school age and still in a preschool class, with no "
                                        "延缓入学 approval in force")
            if deferral is not None:
                note += translate("Dropout", " (the deferral ran out on {date})").format(date=deferral.ends_on.isoformat())
        elif flag is E.Flag.SUSPENSION_UNAPPROVED:
            note = translate("Dropout", "休学 with no approval on record")
        elif flag is E.Flag.SUSPENSION_EXPIRED and suspension is not None:
            note = translate("Dropout", "休学 approved until {date}, run out: the pupil is to return or be approved "
                                        "again").format(date=suspension.ends_on.isoformat())
        elif statuses[sid] == EnrollmentStatus.SUSPENDED.value and suspension is not None:
            note = suspension.summary()
        elif deferral is not None and deferral.in_force(today):
            note = deferral.summary()
        else:
            continue
        notes[sid] = (note, None)
    return notes


#: Checks that take a child off the school-age ledger: not a child of the township after all.
_NOT_OURS = (CheckResult.DECEASED.value, CheckResult.MOVED_OUT.value, CheckResult.DUPLICATE.value)
#: Checks that found the child at school elsewhere, or living (and so counted) elsewhere.
_AWAY_FROM_HERE = (CheckResult.STUDYING_ELSEWHERE.value, CheckResult.AWAY.value)


def _register_rows(session: Session, today: dt.date) -> list[tuple[tuple[str, str], LedgerRow]]:
    """The school-age children of the household register on no roster of ours: open differences
    (户籍有、学籍无，待核查) and checked ones — but not those now matched to a student (the student's line
    stands for them, e.g. one a 失学 check opened) nor those a check found not the township's children."""
    found = [d for d in differences.differences(session, today, kinds=[DifferenceKind.NOT_ENROLLED],
                                                include_checked=True)
             if d.student_id is None and not (d.check is not None and d.check.student_id is not None)
             and not (d.check is not None and not d.is_open and d.check.result in _NOT_OURS)]
    wanted = [d.reference_person_id for d in found if d.reference_person_id is not None]
    people = {p.id: p for p in session.scalars(select(ReferencePerson).where(ReferencePerson.id.in_(wanted)))} \
        if wanted else {}
    rows = []
    for difference in found:
        person = people.get(difference.reference_person_id) if difference.reference_person_id else None
        check = difference.check
        birth = difference.birth_date
        if check is None:
            note, status, away = "户籍有、学籍无，待入户核查", PENDING, True
        else:
            # The status column says what was found; the note, why and who found it.
            note = "；".join(x for x in (check.note, f"{check.checked_by}{check.checked_on.isoformat()}核查") if x)
            status = check.summary() + ("，待核查" if difference.is_open else "")
            away = difference.is_open or check.result not in _AWAY_FROM_HERE
        school = check.school_name if check is not None and check.result == CheckResult.STUDYING_ELSEWHERE.value else ""
        rows.append(((difference.village, search_keys(difference.name)[0]), LedgerRow(
            None, difference.name, person.sex if person else "", birth, age_on(birth, today) if birth else None,
            school, "", difference.village, person.head_name if person else "", None, note, None, status, away)))
    return rows


PENDING = "户籍有、学籍无（待核查）"


def school_age_counts(rows: Sequence[LedgerRow]) -> str:
    """The school-age ledger's line of counts, as printed (Chinese always)."""
    register_only = sum(1 for r in rows if r.student_id is None)
    text = f"共 {len(rows)} 人"
    if register_only:
        text += f"（花名册 {len(rows) - register_only} 人，户籍比对未在花名册 {register_only} 人）"
    text += f"，其中未在校 {sum(1 for r in rows if r.out_of_school)} 人"
    pending = sum(1 for r in rows if "待核查" in r.reconcile)
    return text + (f"，待核查 {pending} 人" if pending else "")


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def suspected_ledger(session: Session, today: dt.date) -> list[LedgerRow]:
    """疑似辍学: unexplained absence past the suspected threshold, not yet past the dropout one; a transfer
    out the receiving school has not confirmed within the setting's days; a primary graduate with no
    confirmed junior school after 30 September of the graduation year."""
    found: dict[int, tuple[str, int | None]] = {}
    for transfer in transfers.overdue_transfers(session, today):
        found[transfer.student_id] = (translate(
            "Dropout", "转出待核实: transferred to {school} on {date}, not confirmed after {days} days").format(
                school=transfer.school or "—", date=transfer.since.isoformat(), days=(today - transfer.since).days),
            None)
    for graduate in transfers.unplaced_graduates(session, today):
        found[graduate.student_id] = (translate(
            "Dropout", "Graduated on {date} with no confirmed junior secondary school: {destination}").format(
                date=graduate.graduated_on.isoformat(), destination=graduate.destination_text()), None)
    # A pupil not reported back at the term's start counts once, as an absence would; one who also has
    # an absence recorded is written with the absence.
    not_reported = [p for p in term_start.not_reported(session, today) if p.state(today) == "suspected"]
    open_cases = {c.student_id: c.id for c in list_cases(session, open_only=True)} if not_reported else {}
    found.update({p.student_id: (translate("Dropout", "not reported back since {date}, {days} school days").format(
        date=p.since.isoformat(), days=p.school_days), open_cases.get(p.student_id)) for p in not_reported})
    found.update({a.student_id: (translate("Dropout", "absent since {date}, {days} school days").format(
        date=a.start_date.isoformat(), days=a.school_days), a.case_id)
        for a in absences(session, today) if a.state(today) == "suspected"})
    return [row for _key, row in _student_rows(session, _students(list(found)), today, found)]


def dropout_ledger(session: Session, today: dt.date) -> list[LedgerRow]:
    """辍学: students recorded as 辍学, and those whose absence passed the dropout threshold (their
    status still to be recorded). A returned student is written off: the list no longer has them."""
    found: dict[int, tuple[str, int | None]] = {}
    open_cases = {c.student_id: c.id for c in list_cases(session, open_only=True)}
    for sid in session.scalars(select(Student.id).where(Student.status == EnrollmentStatus.DROPPED_OUT.value)):
        found[sid] = (translate("Dropout", "recorded as 辍学"), open_cases.get(sid))
    for child in found_out_of_school.found_children(session):
        found[child.student_id] = ("失学（比对核查）", child.case_id)
    for a in absences(session, today):
        if a.state(today) == "dropout" and a.student_id not in found:
            found[a.student_id] = (translate("Dropout", "away since {date}: record the status as 辍学").format(
                date=a.start_date.isoformat()), a.case_id)
    for p in term_start.not_reported(session, today):
        if p.state(today) == "dropout" and p.student_id not in found:
            found[p.student_id] = (translate("Dropout", "away since {date}: record the status as 辍学").format(
                date=p.since.isoformat()), open_cases.get(p.student_id))
    return [row for _key, row in _student_rows(session, _students(list(found)), today, found)]
