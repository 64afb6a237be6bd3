"""The comparison itself (三比对): the household register, the student registry and the poverty list
against the roster, one ``Difference`` per child and kind, each closed by its latest recorded check.

Matching is by ID number first (both sides normalised as people type them), then by name + birth date
(a weaker match, flagged). Everything is read with one query per table and compared in dictionaries:
a 50,000-person register against a township's roster takes well under a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.common.grades import Stage, age_on, grade_name_zh
from schoolaid.common.release import release
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.reconcile.vocabulary import PRESCHOOL_AGES, SCHOOL_AGES, CheckResult, DifferenceKind, ListKind
from schoolaid.roster.categories import HouseholdCategory, category_label, monitored_at_risk
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.idnumber import mask, normalize
from schoolaid.storage.models import (
    Household,
    ReconcileCheck,
    ReferenceList,
    ReferencePerson,
    School,
    Student,
    Village,
)

#: The kinds in the order the report, the workbook and the view give them.
KIND_ORDER: tuple[DifferenceKind, ...] = (
    DifferenceKind.NOT_ENROLLED,
    DifferenceKind.PRESCHOOL_NOT_ENROLLED,
    DifferenceKind.REGISTRY_NOT_ON_ROSTER,
    DifferenceKind.NOT_ON_REGISTRY,
    DifferenceKind.POVERTY_NOT_FLAGGED,
    DifferenceKind.FLAGGED_NOT_ON_LIST,
)

#: The stages the national student registry (全国中小学生学籍信息管理系统) holds: compulsory education.
#: Kindergartens keep theirs in a separate system, so a preschool class is never 无学籍.
REGISTRY_STAGES = frozenset({Stage.PRIMARY.value, Stage.JUNIOR.value})

#: The categories a poverty list gives a household (its monitoring types all mean 监测对象).
POVERTY_CATEGORIES = frozenset({HouseholdCategory.LIFTED.value, HouseholdCategory.MONITORED.value})


def person_key(name: str, birth_date: dt.date | None, id_number: str | None) -> str:
    """How a child is known across lists and checks: the ID number, else ``姓名|YYYY-MM-DD``."""
    number = normalize(id_number) if id_number else ""
    if number:
        return number
    return f"{name.strip()}|{birth_date.isoformat() if birth_date else ''}"


@dataclass(frozen=True)
class CheckView:
    """The latest check recorded on a difference (核查结果)."""

    id: int
    result: str  # a CheckResult value
    checked_by: str
    checked_on: dt.date
    school_name: str
    place: str
    confirmed_how: str
    confirmed_with: str
    student_id: int | None
    approval_body: str
    approval_document: str
    approval_expires_on: dt.date | None
    evidence: str
    note: str
    recorded_by: str
    #: A 延缓入学 whose approval has run out by the day compared (on its expiry day or after): the
    #: child is to be checked again.
    expired: bool = False

    def summary(self) -> str:
        """One line in Chinese for the report and the ledgers: 在外地就读（攀枝花市第二小学，学籍系统）."""
        details: list[str] = []
        if self.result == CheckResult.STUDYING_ELSEWHERE.value:
            details = [part for part in (self.school_name, self.place, self.confirmed_how, self.confirmed_with) if part]
        elif self.result == CheckResult.DEFERRED.value:
            until = f"至{self.approval_expires_on.isoformat()}" if self.approval_expires_on else ""
            details = [part for part in (self.approval_body, self.approval_document, until) if part]
            if self.expired:
                details.append("已到期")
        elif self.place:
            details = [self.place]
        return f"{self.result}（{'，'.join(details)}）" if details else self.result


@dataclass(frozen=True)
class Difference:
    kind: DifferenceKind
    person_key: str
    name: str
    village: str  # "" when unknown
    village_id: int | None
    birth_date: dt.date | None
    id_number: str | None  # full; masked for display and JSON
    detail: str  # Chinese, one line: what was found
    weak_match: bool  # matched by name + birth date only
    student_id: int | None
    reference_person_id: int | None
    since: dt.date  # when it was first seen: the list's received_on
    check: CheckView | None  # the latest check, if any

    @property
    def name_key(self) -> str:
        """``姓名|YYYY-MM-DD``: how a script or a cadre names the child without the ID number (JSON's
        "key"); ``find_difference`` takes it as well as ``person_key``."""
        return f"{self.name}|{self.birth_date.isoformat() if self.birth_date else ''}"

    @property
    def is_open(self) -> bool:
        """Still to check: no check recorded, or a 延缓入学 whose approval has run out."""
        return self.check is None or self.check.expired

    def as_json(self, *, full_id_rights: bool = False) -> dict[str, Any]:
        check = self.check
        return {
            "kind": self.kind.value,
            "name": self.name,
            "village": self.village,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "id_number_masked": mask(self.id_number, full_id_rights=full_id_rights),
            "detail": self.detail,
            "key": self.name_key,
            "weak_match": self.weak_match,
            "student_id": self.student_id,
            "since": self.since.isoformat(),
            "open": self.is_open,
            "check": None if check is None else {
                "result": check.result, "checked_by": check.checked_by,
                "checked_on": check.checked_on.isoformat(), "summary": check.summary()},
        }


@dataclass(frozen=True)
class VillageCounts:
    """Open differences of one village (``village_id`` None: people of no known village)."""

    village_id: int | None
    village: str
    counts: dict[DifferenceKind, int] = field(default_factory=dict)
    oldest: dt.date | None = None  # the ``since`` of its oldest open difference

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# --- reading the tables: one query each, plain tuples -------------------------------------------------

@dataclass(slots=True)
class _Listed:
    id: int
    kind: str
    name: str
    sex: str
    birth_date: dt.date | None
    id_number: str | None
    is_child: bool
    village_id: int | None
    group_name: str
    household_no: str
    head_name: str
    head_id_number: str | None
    relation: str
    category: str
    monitoring_type: str
    registry_no: str
    school_id: int | None
    school_name: str
    grade_text: str
    list_village_id: int | None
    received_on: dt.date
    key: str = ""

    def __post_init__(self) -> None:
        self.key = self.id_number or person_key(self.name, self.birth_date, None)


@dataclass(slots=True)
class _Pupil:
    id: int
    name: str
    birth_date: dt.date | None
    id_number: str | None
    registry_no: str
    school_id: int
    school: str
    stage: str
    grade: int
    status: str
    household_id: int | None
    village_id: int | None
    group_name: str
    head_name: str
    category: str
    risk_removed_on: dt.date | None
    key: str = ""

    def __post_init__(self) -> None:
        self.key = self.id_number or person_key(self.name, self.birth_date, None)


def _birth_from_id(number: str | None) -> dt.date | None:
    if not number or len(number) != 18:
        return None
    try:
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def _clean_id(raw: str | None) -> str | None:
    """An ID number as ``normalize`` leaves it; the lists' and the roster's are stored clean already,
    so the common case costs no regular expression."""
    if not raw:
        return None
    if raw.isascii() and raw.isalnum() and "x" not in raw:
        return raw
    return normalize(raw) or None


def _listed_people(session: Session, kind: ListKind, *, children_only: bool = False) -> list[_Listed]:
    """The active people of the lists of this kind, oldest list first."""
    P = ReferencePerson  # noqa: N806
    query = (select(P.id, ReferenceList.kind, P.name, P.sex, P.birth_date, P.id_number, P.is_child, P.village_id,
                    P.group_name, P.household_no, P.head_name, P.head_id_number, P.relation, P.category,
                    P.monitoring_type, P.registry_no, P.school_id, P.school_name, P.grade_text,
                    ReferenceList.village_id, ReferenceList.received_on)
             .join(ReferenceList, P.list_id == ReferenceList.id)
             .where(P.active.is_(True), ReferenceList.kind == kind.value)
             .order_by(ReferenceList.received_on, ReferenceList.id, P.id))
    if children_only:
        query = query.where(P.is_child.is_(True))
    people: list[_Listed] = []
    for row in session.connection().execute(query):  # plain rows: no ORM work for 50,000 people
        number = _clean_id(row[5])
        people.append(_Listed(row[0], row[1], row[2].strip(), row[3] or "", row[4] or _birth_from_id(number), number,
                              bool(row[6]), row[7] if row[7] is not None else row[19], row[8] or "", row[9] or "",
                              (row[10] or "").strip(), _clean_id(row[11]), row[12] or "", row[13] or "",
                              row[14] or "", (row[15] or "").strip().upper(), row[16], row[17] or "",
                              row[18] or "", row[19], row[20]))
    return people


def _pupils(session: Session) -> list[_Pupil]:
    rows = session.connection().execute(
        select(Student.id, Student.name, Student.birth_date, Student.id_number, Student.registry_no,
               Student.school_id, School.name, Student.stage, Student.grade, Student.status, Student.household_id,
               Household.village_id, Household.group_name, Household.head_name, Household.category,
               Household.risk_removed_on)
        .join(School, Student.school_id == School.id)
        .outerjoin(Household, Student.household_id == Household.id)
        .order_by(Student.id))
    return [_Pupil(r[0], r[1].strip(), r[2], _clean_id(r[3]), (r[4] or "").strip().upper(),
                   r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12] or "", r[13] or "", r[14] or "", r[15])
            for r in rows]


def _latest_checks(session: Session, today: dt.date) -> dict[tuple[str, str], CheckView]:
    latest: dict[tuple[str, str], CheckView] = {}
    C = ReconcileCheck  # noqa: N806
    for row in session.connection().execute(select(
            C.id, C.kind, C.person_key, C.result, C.checked_by, C.checked_on, C.school_name, C.place,
            C.confirmed_how, C.confirmed_with, C.student_id, C.approval_body, C.approval_document,
            C.approval_expires_on, C.evidence, C.note, C.recorded_by).order_by(C.id)):
        expired = (row[3] == CheckResult.DEFERRED.value and row[13] is not None and row[13] <= today)
        latest[(row[1], row[2])] = CheckView(row[0], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
                                             row[10], row[11], row[12], row[13], row[14], row[15], row[16],
                                             expired=expired)
    return latest


class _Roster:
    """The roster indexed for matching: by ID number, by 学籍号, by name + birth date."""

    def __init__(self, pupils: list[_Pupil]) -> None:
        self.pupils = pupils
        self.by_id = {p.id_number: p for p in pupils if p.id_number}
        self.by_registry = {p.registry_no: p for p in pupils if p.registry_no}
        self.by_name_birth: dict[tuple[str, dt.date], _Pupil] = {}
        for pupil in pupils:
            if pupil.birth_date is not None:
                self.by_name_birth.setdefault((pupil.name, pupil.birth_date), pupil)

    def release(self) -> None:
        release(self.by_id, self.by_registry, self.by_name_birth, self.pupils)

    def match(self, name: str, birth_date: dt.date | None, id_number: str | None,
              registry_no: str = "") -> tuple[_Pupil | None, bool]:
        """The student this person is, and whether only by name + birth date (weak)."""
        if id_number and id_number in self.by_id:
            return self.by_id[id_number], False
        if registry_no:
            found = self.by_registry.get(registry_no.strip().upper())
            if found is not None:
                return found, False
        if birth_date is not None:
            found = self.by_name_birth.get((name, birth_date))
            if found is not None:
                return found, True
        return None, False


# --- the comparison ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Found:
    """A difference found, before its check is looked up. ``present`` False: the situation no longer
    holds (the child was found, the household corrected) — shown only as a closed, checked difference."""

    kind: DifferenceKind
    key: str
    name: str
    village_id: int | None
    birth_date: dt.date | None
    id_number: str | None
    detail: str
    weak_match: bool
    student_id: int | None
    reference_person_id: int | None
    since: dt.date
    present: bool = True


def _place(villages: dict[int, str], village_id: int | None, group_name: str) -> str:
    village = villages.get(village_id, "") if village_id is not None else ""
    group = group_name if not group_name or group_name.endswith("组") else f"{group_name}组"
    return f"{village}{group}"


def _register_findings(register: list[_Listed], roster: _Roster, reference_day: dt.date,
                       villages: dict[int, str]) -> list[_Found]:
    found: list[_Found] = []
    seen: set[tuple[DifferenceKind, str]] = set()
    for person in register:
        if not person.is_child or person.birth_date is None:
            continue
        age = age_on(person.birth_date, reference_day)
        if age in SCHOOL_AGES:
            kind = DifferenceKind.NOT_ENROLLED
        elif age in PRESCHOOL_AGES:
            kind = DifferenceKind.PRESCHOOL_NOT_ENROLLED
        else:
            continue
        key = person.key
        if (kind, key) in seen:
            continue  # the same child on a village list and a township-wide one
        seen.add((kind, key))
        pupil, weak = roster.match(person.name, person.birth_date, person.id_number)
        place = _place(villages, person.village_id, person.group_name)
        head = f" 户主{person.head_name}" if person.head_name else ""
        if pupil is None:
            detail = f"户籍：{place}{head}，{age}岁；花名册：无"
        else:
            detail = f"户籍：{place}{head}，{age}岁；花名册：{pupil.school}（{pupil.status}）"
        found.append(_Found(kind, key, person.name, person.village_id, person.birth_date, person.id_number,
                            detail, weak, pupil.id if pupil else None, person.id, person.received_on,
                            present=pupil is None))
    release(seen)
    return found


def _registry_findings(registry: list[_Listed], roster: _Roster, schools: dict[str, int],
                       school_names: dict[int, str], school_villages: dict[int, int | None]) -> list[_Found]:
    """Counted under the child's village where known, else the school's (today's work is per village)."""
    found: list[_Found] = []
    matched_students: set[int] = set()
    covered: dict[int, dt.date] = {}
    seen: set[str] = set()
    for person in registry:
        school_id = person.school_id if person.school_id is not None else schools.get(person.school_name.strip())
        if school_id is not None:
            covered.setdefault(school_id, person.received_on)
        pupil, weak = roster.match(person.name, person.birth_date, person.id_number, person.registry_no)
        if pupil is not None:
            matched_students.add(pupil.id)
        key = person.key
        if key in seen:
            continue
        seen.add(key)
        school = school_names.get(school_id, person.school_name) if school_id is not None else person.school_name
        registry_no = f" 学籍号{person.registry_no}" if person.registry_no else ""
        where = f"{school}{person.grade_text}"
        roster_text = "无" if pupil is None else f"{pupil.school}（{pupil.status}）"
        village_id = person.village_id if person.village_id is not None else school_villages.get(school_id or 0)
        found.append(_Found(DifferenceKind.REGISTRY_NOT_ON_ROSTER, key, person.name, village_id,
                            person.birth_date, person.id_number, f"学籍：{where}{registry_no}；花名册：{roster_text}",
                            weak, pupil.id if pupil else None, person.id, person.received_on,
                            present=pupil is None))
    for pupil in roster.pupils:
        if pupil.school_id not in covered or pupil.stage not in REGISTRY_STAGES:
            continue
        present = pupil.id not in matched_students and pupil.status == EnrollmentStatus.ENROLLED.value
        grade = grade_name_zh(pupil.stage, pupil.grade)
        detail = (f"花名册：{pupil.school}{grade}（{pupil.status}）；学籍：无" if present
                  else f"花名册：{pupil.school}{grade}（{pupil.status}）；学籍：有")
        village_id = pupil.village_id if pupil.village_id is not None else school_villages.get(pupil.school_id)
        found.append(_Found(DifferenceKind.NOT_ON_REGISTRY, pupil.key, pupil.name, village_id,
                            pupil.birth_date, pupil.id_number, detail, False, pupil.id, None,
                            covered[pupil.school_id], present=present))
    return found


@dataclass
class _PovertyHousehold:
    category: str
    head_name: str
    village_id: int | None
    reference_person_id: int
    received_on: dt.date


@dataclass(frozen=True)
class _HouseholdCategoryView:
    """A roster household's category as the category helpers read it."""

    category: str
    risk_removed_on: dt.date | None
    dibao: bool = False
    tekun: bool = False


def _poverty_category(person: _Listed) -> str:
    if person.category in POVERTY_CATEGORIES:
        return person.category
    if person.monitoring_type:
        return HouseholdCategory.MONITORED.value
    return HouseholdCategory.LIFTED.value  # on the list without a word: a 脱贫户, as the list is of them


def _poverty_findings(poverty: list[_Listed], roster: _Roster, today: dt.date,
                      villages: dict[int, str]) -> list[_Found]:
    if not poverty:
        return []
    by_number: dict[str, _PovertyHousehold] = {}
    by_head: dict[tuple[str, int | None], _PovertyHousehold] = {}
    # What the list says of each household's members: their names, and whether it gives their ID
    # numbers (then a child whose number is not among them is not of that household, whatever the
    # head's name — two heads of the same name in one village are common).
    member_names: dict[tuple[str, int | None], set[str]] = {}
    members_numbered: set[tuple[str, int | None]] = set()
    covered_villages: dict[int | None, dt.date] = {}
    for person in poverty:
        covered_villages.setdefault(person.list_village_id, person.received_on)
        household = _PovertyHousehold(_poverty_category(person), person.head_name or person.name,
                                      person.village_id, person.id, person.received_on)
        for number in (person.id_number, person.head_id_number):
            if number:
                by_number.setdefault(number, household)
        if household.head_name:
            head_key = (household.head_name, person.village_id)
            by_head.setdefault(head_key, household)
            if person.name != household.head_name:
                member_names.setdefault(head_key, set()).add(person.name)
                if person.id_number:
                    members_numbered.add(head_key)
    township_wide = covered_villages.get(None)

    def by_head_name(pupil: _Pupil) -> _PovertyHousehold | None:
        """The listed household of the pupil's head of household, when nothing on the list says the
        pupil is not of it: a list with its members' ID numbers would have matched the pupil's; a list
        naming its members must name the pupil."""
        head_key = (pupil.head_name, pupil.village_id)
        listed = by_head.get(head_key)
        if listed is None:
            return None
        if pupil.id_number and head_key in members_numbered:
            return None
        names = member_names.get(head_key)
        if names and pupil.name not in names:
            return None
        return listed

    found: list[_Found] = []
    for pupil in roster.pupils:
        if pupil.household_id is None:
            continue
        listed = by_number.get(pupil.id_number) if pupil.id_number else None
        weak = False
        if listed is None and pupil.head_name:
            listed = by_head_name(pupil)
            weak = listed is not None
        ours = pupil.category
        ours_text = category_label(_HouseholdCategoryView(ours, pupil.risk_removed_on), today)
        place = _place(villages, pupil.village_id, pupil.group_name)
        if listed is not None:
            found.append(_Found(
                DifferenceKind.POVERTY_NOT_FLAGGED, pupil.key, pupil.name, pupil.village_id, pupil.birth_date,
                pupil.id_number, f"名单：{place} 户主{listed.head_name}，{listed.category}；花名册：{ours_text}",
                weak, pupil.id, listed.reference_person_id, listed.received_on, present=ours != listed.category))
            continue
        flagged = ours == HouseholdCategory.LIFTED.value or monitored_at_risk(
            _HouseholdCategoryView(ours, pupil.risk_removed_on), today)
        since = covered_villages.get(pupil.village_id) if pupil.village_id is not None else None
        since = since or township_wide
        if since is None:
            continue  # no poverty list covers the household's village: nothing to compare with
        found.append(_Found(
            DifferenceKind.FLAGGED_NOT_ON_LIST, pupil.key, pupil.name, pupil.village_id, pupil.birth_date,
            pupil.id_number, f"花名册：{place} 户主{pupil.head_name}，{ours_text}；名单：无", False, pupil.id, None,
            since, present=flagged))
    release(by_number, by_head, member_names, members_numbered)
    return found


def _findings(session: Session, today: dt.date, kinds: set[DifferenceKind],
              villages: dict[int, str]) -> list[_Found]:
    roster = _Roster(_pupils(session))
    found: list[_Found] = []
    if kinds & {DifferenceKind.NOT_ENROLLED, DifferenceKind.PRESCHOOL_NOT_ENROLLED}:
        reference_day = SchoolYear.containing(today).age_reference_day
        register = _listed_people(session, ListKind.HUKOU, children_only=True)
        found += _register_findings(register, roster, reference_day, villages)
        release(register)
    if kinds & {DifferenceKind.REGISTRY_NOT_ON_ROSTER, DifferenceKind.NOT_ON_REGISTRY}:
        school_rows = session.execute(select(School.id, School.name, School.village_id)).all()
        registry = _listed_people(session, ListKind.REGISTRY)
        found += _registry_findings(registry, roster,
                                    {name: sid for sid, name, _ in school_rows},
                                    {sid: name for sid, name, _ in school_rows},
                                    {sid: village for sid, _, village in school_rows})
        release(registry)
    if kinds & {DifferenceKind.POVERTY_NOT_FLAGGED, DifferenceKind.FLAGGED_NOT_ON_LIST}:
        poverty = _listed_people(session, ListKind.POVERTY)
        found += _poverty_findings(poverty, roster, today, villages)
        release(poverty)
    roster.release()
    wanted = [f for f in found if f.kind in kinds]
    release(found)
    return wanted


def _compared(session: Session, today: dt.date, kinds: set[DifferenceKind]) -> list[tuple[_Found, Difference | None]]:
    """Every finding with its difference: None when the situation no longer holds (a register child
    found on the roster, a household corrected) and no check was recorded on it."""
    villages: dict[int, str] = {vid: name for vid, name in session.execute(select(Village.id, Village.name))}
    checks = _latest_checks(session, today)
    result: list[tuple[_Found, Difference | None]] = []
    findings = _findings(session, today, kinds, villages)
    for found in findings:
        check = checks.get((found.kind.value, found.key))
        if not found.present:
            if check is None:
                result.append((found, None))
                continue
            if check.expired:  # the child turned up since: the expired deferral is settled by that
                check = replace(check, expired=False)
        result.append((found, Difference(
            found.kind, found.key, found.name, villages.get(found.village_id, "") if found.village_id else "",
            found.village_id, found.birth_date, found.id_number, found.detail, found.weak_match,
            found.student_id, found.reference_person_id, found.since, check)))
    release(findings)
    return result


def differences(session: Session, today: dt.date, *, kinds: Iterable[DifferenceKind] | None = None,
                village_id: int | None = None, include_checked: bool = False) -> list[Difference]:
    """The differences between the lists and the roster on ``today``, oldest first. Open ones only
    unless ``include_checked``: then closed ones too, each with its latest check."""
    wanted = set(KIND_ORDER if kinds is None else (DifferenceKind(k) for k in kinds))
    compared = _compared(session, today, wanted)
    result = [d for _, d in compared
              if d is not None and (d.is_open or include_checked)
              and (village_id is None or d.village_id == village_id)]
    release(compared)
    order = {kind: n for n, kind in enumerate(KIND_ORDER)}
    result.sort(key=lambda d: (d.since, order[d.kind], d.village, d.name, d.person_key))
    return result


def find_difference(session: Session, today: dt.date, kind: DifferenceKind, key: str) -> Difference | None:
    """The difference of this kind for this child (open or checked) by its ``person_key`` or its
    ``name_key``; None when there is none, or when the name and birth date fit two children."""
    found = differences(session, today, kinds=[kind], include_checked=True)
    exact = next((d for d in found if d.person_key == key), None)
    if exact is not None:
        return exact
    number = normalize(key)
    by_number = next((d for d in found if d.id_number is not None and d.id_number == number), None)
    if by_number is not None:
        return by_number
    named = [d for d in found if d.name_key == key.strip()]
    return named[0] if len(named) == 1 else None


def open_counts_by_village(session: Session, today: dt.date) -> list[VillageCounts]:
    """Open differences counted per village and kind, the village with the oldest first."""
    counts: dict[int | None, dict[DifferenceKind, int]] = {}
    oldest: dict[int | None, dt.date] = {}
    names: dict[int | None, str] = {}
    found = differences(session, today)
    for difference in found:
        per_kind = counts.setdefault(difference.village_id, {})
        per_kind[difference.kind] = per_kind.get(difference.kind, 0) + 1
        names[difference.village_id] = difference.village
        if difference.village_id not in oldest or difference.since < oldest[difference.village_id]:
            oldest[difference.village_id] = difference.since
    release(found)
    rows = [VillageCounts(vid, names[vid], per_kind, oldest[vid]) for vid, per_kind in counts.items()]
    rows.sort(key=lambda row: (row.oldest or dt.date.max, row.village))
    return rows


@dataclass(frozen=True)
class ChildStatuses:
    """The 比对 status of each child compared, by ``person_key`` and, for a child matched to a student
    (by ID number, 学籍号 or only by name + birth date), by the student's id as well."""

    by_key: dict[str, str]
    by_student: dict[int, str]

    def of(self, student_id: int, key: str) -> str:
        """A student's status: the match to the student first, as the register may know the child by
        another key (an ID number the roster lacks, or a name + birth date)."""
        return self.by_student.get(student_id) or self.by_key.get(key, "")


def child_status(session: Session, today: dt.date) -> ChildStatuses:
    """For every child of the register of school or preschool age, and every child with a difference:
    the 比对 status the ledgers print (Chinese): 已比对, 已比对（姓名+出生日期）, 户籍有、学籍无（待核查）,
    or the latest check's result (在外地就读（…）, 延缓入学（…）, 失学 …)."""
    by_key: dict[str, str] = {}
    by_student: dict[int, str] = {}
    # Later kinds first, so that the enrollment differences (what the ledgers are about) win.
    compared = _compared(session, today, set(KIND_ORDER))
    compared.sort(key=lambda pair: -KIND_ORDER.index(pair[0].kind))
    for found, difference in compared:
        if difference is None:
            if found.kind not in (DifferenceKind.NOT_ENROLLED, DifferenceKind.PRESCHOOL_NOT_ENROLLED):
                continue
            status = "已比对（姓名+出生日期）" if found.weak_match else "已比对"
        elif difference.check is None:
            status = f"{_STATUS_WORDS[found.kind]}（待核查）"
        elif difference.is_open:
            status = f"{difference.check.summary()}，待核查"
        else:
            status = difference.check.summary()
        by_key[found.key] = status
        student_id = found.student_id if found.student_id is not None else (
            difference.check.student_id if difference is not None and difference.check is not None else None)
        if student_id is not None:
            by_student[student_id] = status
    release(compared)
    return ChildStatuses(by_key, by_student)


_STATUS_WORDS = {
    DifferenceKind.NOT_ENROLLED: "户籍有、学籍无",
    DifferenceKind.PRESCHOOL_NOT_ENROLLED: "学前适龄未入园",
    DifferenceKind.REGISTRY_NOT_ON_ROSTER: "名在人不在",
    DifferenceKind.NOT_ON_REGISTRY: "无学籍",
    DifferenceKind.POVERTY_NOT_FLAGGED: "脱贫名单有、花名册未标注",
    DifferenceKind.FLAGGED_NOT_ON_LIST: "花名册标注、脱贫名单无",
}
