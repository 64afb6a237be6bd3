"""The checks that close differences (核查结果): door to door or by telephone, written down and audited.

Checks are appended, never edited or deleted: a newer check of the same difference supersedes the older
one, which stays on record (``history``). Some results change the roster in the same transaction:
失学 puts the child on the roster as 未入学 (so that the child is in the ledgers and a dropout case can
be opened), 已更正 on the poverty kinds sets the household's category as the list gives it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, check, requires
from schoolaid.common.errors import NotFound, Problem, ValidationFailed
from schoolaid.common.grades import Stage, age_on, grade_name_zh, is_valid_grade
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.common.validation import error
from schoolaid.common.vocabulary import SchoolKind, Sex
from schoolaid.reconcile.differences import CheckView, Difference, find_difference
from schoolaid.reconcile.vocabulary import RESULTS, CheckResult, DifferenceKind
from schoolaid.roster import households, roster
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.roster import StudentForm
from schoolaid.storage.models import ReconcileCheck, ReferencePerson, School, Student

ENTITY = "reconcile_check"

#: How a study elsewhere was confirmed.
CONFIRMATION_WAYS = ("学籍系统", "接收学校证明", "电话")
BY_TELEPHONE = "电话"

#: The kinds whose 已更正 puts the household's category right on the roster.
POVERTY_KINDS = frozenset({DifferenceKind.POVERTY_NOT_FLAGGED, DifferenceKind.FLAGGED_NOT_ON_LIST})


@dataclass
class CheckForm:
    """What the cadre or the aid officer writes down (核查表). Only the fields of the result are kept."""

    result: str = ""  # a CheckResult value
    checked_by: str = ""  # 核查人
    checked_on: dt.date | None = None  # 核查日期
    # 在外地就读 (place also for 随迁 / 迁出)
    school_name: str = ""
    place: str = ""
    confirmed_how: str = ""  # one of CONFIRMATION_WAYS
    confirmed_with: str = ""  # with whom, when by telephone
    # 已在本校
    student_id: int | None = None
    # 延缓入学
    approval_body: str = ""
    approval_document: str = ""
    approval_expires_on: dt.date | None = None  # the day the deferral ends: from then on, to check again
    # 失学: where the child is put on the roster (None: the proposed placement)
    school_id: int | None = None
    stage: str = ""
    grade: int | None = None
    sex: str = ""  # needed only when the ID number does not say it
    evidence: str = ""  # 佐证
    note: str = ""


@dataclass(frozen=True)
class CheckOutcome:
    check_id: int
    student_id: int | None = None  # 失学: the student record opened (status 未入学); 已在本校: the one linked
    household_id: int | None = None  # 已更正 on a poverty kind: the household whose category was set


@dataclass(frozen=True)
class Placement:
    """Where a child found out of school is put on the roster: the school of the child's village, the
    grade of the child's age on 31 August (6 → 一年级 … 12 → 七年级)."""

    school_id: int
    school: str
    stage: str
    grade: int

    def label(self) -> str:
        return f"{self.school}{grade_name_zh(self.stage, self.grade)}"


def _grade_for_age(age: int) -> tuple[str, int]:
    if age <= 5:
        return Stage.PRESCHOOL.value, max(1, min(3, age - 2))
    if age <= 11:
        return Stage.PRIMARY.value, age - 5
    return Stage.JUNIOR.value, min(9, age - 5)


def proposed_placement(session: Session, difference: Difference | str, today: dt.date,
                       kind: DifferenceKind = DifferenceKind.NOT_ENROLLED) -> Placement | None:
    """The school and grade proposed for a child found out of school (``difference`` or its person key
    with ``kind``); None when the child's age is not known or there is no school."""
    if isinstance(difference, str):
        found = find_difference(session, today, kind, difference)
        if found is None:
            return None
        difference = found
    if difference.birth_date is None:
        return None
    stage, grade = _grade_for_age(age_on(difference.birth_date, SchoolYear.containing(today).age_reference_day))
    schools = session.execute(select(School.id, School.name, School.kind, School.is_central, School.village_id)
                              .where(School.active.is_(True)).order_by(School.sort_order, School.id)).all()
    registry_school = None
    if difference.reference_person_id is not None:
        registry_school = session.scalar(select(ReferencePerson.school_id)
                                         .where(ReferencePerson.id == difference.reference_person_id))

    def fits(kind_: str) -> bool:
        # A kindergarten takes the preschool ages only; a village school (村小, 教学点) no junior grades.
        if stage == Stage.PRESCHOOL.value:
            return True
        if kind_ == SchoolKind.KINDERGARTEN.value:
            return False
        return stage == Stage.PRIMARY.value or kind_ not in (SchoolKind.VILLAGE.value, SchoolKind.TEACHING_POINT.value)

    choices = [s for s in schools if s.id == registry_school] + \
        [s for s in schools if s.village_id is not None and s.village_id == difference.village_id and fits(s.kind)] + \
        [s for s in schools if s.is_central]
    if not choices:
        return None
    chosen = choices[0]
    return Placement(chosen.id, chosen.name, stage, grade)


def _text(value: str) -> str:
    return value.strip()


def _problems(session: Session, kind: DifferenceKind, form: CheckForm, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    allowed = RESULTS[kind]
    if form.result not in {r.value for r in allowed}:
        problems.append(error("result", "check.result", translate(
            "Reconcile", "Choose the result of the check: {results}.").format(
                results="、".join(r.value for r in allowed))))
        return problems
    if not form.checked_by:
        problems.append(error("checked_by", "check.checked_by", translate(
            "Reconcile", "Enter who checked (核查人).")))
    if form.checked_on is None:
        problems.append(error("checked_on", "check.checked_on", translate(
            "Reconcile", "Enter the day of the check (核查日期).")))
    elif form.checked_on > today:
        problems.append(error("checked_on", "check.checked_on_future", translate(
            "Reconcile", "The day of the check is in the future.")))
    result = CheckResult(form.result)
    if result is CheckResult.STUDYING_ELSEWHERE:
        if not form.school_name:
            problems.append(error("school_name", "check.school", translate(
                "Reconcile", "Enter the school where the child studies.")))
        if not form.place:
            problems.append(error("place", "check.place", translate(
                "Reconcile", "Enter where that school is (county or city).")))
        if form.confirmed_how not in CONFIRMATION_WAYS:
            problems.append(error("confirmed_how", "check.confirmed_how", translate(
                "Reconcile", "Choose how the study elsewhere was confirmed: 学籍系统, 接收学校证明 or 电话.")))
        elif form.confirmed_how == BY_TELEPHONE and not form.confirmed_with:
            problems.append(error("confirmed_with", "check.confirmed_with", translate(
                "Reconcile", "Enter with whom it was confirmed by telephone (name and phone).")))
    elif result is CheckResult.AT_OUR_SCHOOL:
        if form.student_id is None or session.get(Student, form.student_id) is None:
            problems.append(error("student_id", "check.student", translate(
                "Reconcile", "Choose the student of ours this child is.")))
    elif result is CheckResult.DEFERRED:
        if not form.approval_body:
            problems.append(error("approval_body", "check.approval_body", translate(
                "Reconcile", "Enter who approved the deferred enrollment.")))
        if not form.approval_document:
            problems.append(error("approval_document", "check.approval_document", translate(
                "Reconcile", "Enter the approval's document number.")))
        if form.approval_expires_on is None:
            problems.append(error("approval_expires_on", "check.approval_expires", translate(
                "Reconcile", "Enter the day the deferral ends.")))
        elif form.checked_on is not None and form.approval_expires_on <= form.checked_on:
            problems.append(error("approval_expires_on", "check.approval_expired", translate(
                "Reconcile", "The deferral ends on or before the day of the check: the child is to start school.")))
    elif result is CheckResult.OUT_OF_SCHOOL:
        if form.school_id is None or session.get(School, form.school_id) is None:
            problems.append(error("school_id", "check.placement_school", translate(
                "Reconcile", "Choose the school the child is put on the roster of.")))
        if form.grade is None or not is_valid_grade(form.stage, form.grade):
            problems.append(error("grade", "check.placement_grade", translate(
                "Reconcile", "Choose the grade the child is put in.")))
    return problems


def _cleaned(form: CheckForm) -> CheckForm:
    """Only the fields of the result are kept: a 失学 check does not carry a school elsewhere left
    in the form from an earlier choice."""
    result = form.result
    base = CheckForm(result=result, checked_by=_text(form.checked_by), checked_on=form.checked_on,
                     evidence=_text(form.evidence), note=_text(form.note))
    if result == CheckResult.STUDYING_ELSEWHERE.value:
        return replace(base, school_name=_text(form.school_name), place=_text(form.place),
                       confirmed_how=_text(form.confirmed_how),
                       confirmed_with=_text(form.confirmed_with) if _text(form.confirmed_how) == BY_TELEPHONE else "")
    if result == CheckResult.AT_OUR_SCHOOL.value:
        return replace(base, student_id=form.student_id)
    if result == CheckResult.DEFERRED.value:
        return replace(base, approval_body=_text(form.approval_body), approval_document=_text(form.approval_document),
                       approval_expires_on=form.approval_expires_on)
    if result in (CheckResult.AWAY.value, CheckResult.MOVED_OUT.value):
        return replace(base, place=_text(form.place))
    if result == CheckResult.OUT_OF_SCHOOL.value:
        return replace(base, school_id=form.school_id, stage=form.stage, grade=form.grade, sex=form.sex)
    return base


def _sex_of(difference: Difference, form: CheckForm, session: Session) -> str:
    number = difference.id_number
    if number and len(number) == 18 and number[16].isdigit():
        return Sex.MALE.value if int(number[16]) % 2 else Sex.FEMALE.value
    if form.sex in (Sex.MALE.value, Sex.FEMALE.value):
        return form.sex
    if difference.reference_person_id is not None:
        listed = session.scalar(select(ReferencePerson.sex).where(ReferencePerson.id == difference.reference_person_id))
        if listed in (Sex.MALE.value, Sex.FEMALE.value):
            return listed
    raise ValidationFailed([error("sex", "check.sex", translate(
        "Reconcile", "The child's sex is not known from an ID number: choose it."))])


def _open_student(session: Session, actor: Actor, difference: Difference, form: CheckForm, today: dt.date) -> int:
    """The child found out of school, put on the roster as 未入学 (or the student already there)."""
    if difference.student_id is not None:
        return difference.student_id
    assert form.school_id is not None and form.grade is not None  # checked by _problems
    student_form = StudentForm(name=difference.name, sex=_sex_of(difference, form, session),
                               birth_date=difference.birth_date, id_number=difference.id_number or "",
                               school_id=form.school_id, stage=form.stage, grade=form.grade,
                               notes=translate("Reconcile", "Found out of school by the check of {kind}.").format(
                                   kind=difference.kind.label()))
    _, problems = roster.validate(session, student_form, today=today)
    # The check itself is the confirmation of what the register could not say (no ID number, an age
    # unusual for the grade): warnings do not hold the child back from the roster; errors still do.
    return roster.add_student(session, actor, student_form, confirmed=[p.code for p in problems if not p.is_error],
                              status=EnrollmentStatus.NOT_ENROLLED, today=today)


def _correct_household(session: Session, actor: Actor, difference: Difference, today: dt.date) -> int:
    """已更正 on a poverty kind: the household's category as the poverty list has it (or 一般户 when the
    household is not on the list)."""
    student = session.get(Student, difference.student_id) if difference.student_id is not None else None
    if student is None or student.household_id is None:
        raise NotFound(translate("Reconcile", "The child's household is no longer on the roster."))
    form = households.get_form(session, student.household_id)
    listed = (session.get(ReferencePerson, difference.reference_person_id)
              if difference.kind is DifferenceKind.POVERTY_NOT_FLAGGED and difference.reference_person_id else None)
    if listed is None:
        form = replace(form, category=HouseholdCategory.GENERAL.value, lifted_year=None, monitoring_type="",
                       monitoring_identified_on=None, risk_removed_on=None)
    elif listed.category == HouseholdCategory.MONITORED.value or listed.monitoring_type:
        form = replace(form, category=HouseholdCategory.MONITORED.value, monitoring_type=listed.monitoring_type,
                       monitoring_identified_on=listed.identified_on or form.monitoring_identified_on,
                       lifted_year=listed.lifted_year if listed.lifted_year is not None else form.lifted_year,
                       risk_removed_on=None)
    else:
        form = replace(form, category=HouseholdCategory.LIFTED.value, monitoring_type="",
                       monitoring_identified_on=None, risk_removed_on=None,
                       lifted_year=listed.lifted_year if listed.lifted_year is not None else form.lifted_year)
    _, problems = households.validate(session, form, today)
    # The list is the source the correction follows: its missing year or date is a warning seen on it.
    households.update_household(session, actor, student.household_id, form,
                                confirmed=[p.code for p in problems if not p.is_error], today=today)
    return student.household_id


@requires(Permission.MANAGE_CASES)
def record_check(session: Session, actor: Actor, kind: DifferenceKind | str, person_key: str, form: CheckForm, *,
                 today: dt.date) -> CheckOutcome:
    """Record the check of one difference: validated against the result's required fields, appended,
    audited; 失学 opens the student record (needs the roster's permission too), 已更正 on the poverty
    kinds sets the household's category."""
    kind = DifferenceKind(kind)
    difference = find_difference(session, today, kind, person_key)
    if difference is None:
        raise NotFound(translate("Reconcile", "There is no such difference to check (it may have been "
                                 "settled by a newer list)."))
    form = _cleaned(form)
    if form.result == CheckResult.OUT_OF_SCHOOL.value:
        check(session, actor, Permission.EDIT_ROSTER)
        placement = proposed_placement(session, difference, today) if difference.student_id is None else None
        if placement is not None:  # what the caller left empty, as proposed
            form = replace(form, school_id=form.school_id if form.school_id is not None else placement.school_id,
                           stage=form.stage or placement.stage,
                           grade=form.grade if form.grade is not None else placement.grade)
    problems = _problems(session, kind, form, today)
    if difference.student_id is not None and form.result == CheckResult.OUT_OF_SCHOOL.value:
        problems = [p for p in problems if p.field not in ("school_id", "grade")]
    if problems:
        raise ValidationFailed(problems)

    student_id = form.student_id
    household_id = None
    if form.result == CheckResult.OUT_OF_SCHOOL.value:
        student_id = _open_student(session, actor, difference, form, today)
    elif form.result == CheckResult.CORRECTED.value and kind in POVERTY_KINDS:
        household_id = _correct_household(session, actor, difference, today)
        student_id = difference.student_id
    elif student_id is None and difference.student_id is not None and kind is not DifferenceKind.NOT_ENROLLED:
        student_id = difference.student_id  # the student the difference is about (无学籍, the poverty kinds)

    assert form.checked_on is not None  # checked by _problems
    row = ReconcileCheck(
        kind=kind.value, person_key=difference.person_key, name=difference.name, birth_date=difference.birth_date,
        id_number=difference.id_number, village_id=difference.village_id, result=form.result,
        school_name=form.school_name, place=form.place, confirmed_how=form.confirmed_how,
        confirmed_with=form.confirmed_with, student_id=student_id, approval_body=form.approval_body,
        approval_document=form.approval_document, approval_expires_on=form.approval_expires_on,
        checked_by=form.checked_by, checked_on=form.checked_on, evidence=form.evidence, note=form.note,
        recorded_by=actor.name)
    session.add(row)
    session.flush()
    audit.record(session, actor, Action.CREATE, ENTITY, row.id, f"{difference.name}：{kind.label()} → {form.result}",
                 after=audit.snapshot(row, [c.key for c in ReconcileCheck.__table__.columns if c.key != "recorded_at"]))
    return CheckOutcome(row.id, student_id, household_id)


def history(session: Session, kind: DifferenceKind | str, person_key: str) -> list[CheckView]:
    """Every check recorded on this difference, oldest first (the last one counts)."""
    kind = DifferenceKind(kind)
    C = ReconcileCheck  # noqa: N806
    rows = session.scalars(select(C).where(C.kind == kind.value, C.person_key == person_key).order_by(C.id)).all()
    return [CheckView(c.id, c.result, c.checked_by, c.checked_on, c.school_name, c.place, c.confirmed_how,
                      c.confirmed_with, c.student_id, c.approval_body, c.approval_document, c.approval_expires_on,
                      c.evidence, c.note, c.recorded_by) for c in rows]
