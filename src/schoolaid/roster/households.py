"""Households (户): head, village and group, poverty status, members, main labourers and their
practical skills (实用技术)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotAllowed, NotFound, Problem
from schoolaid.common.grades import age_on, grade_label
from schoolaid.common.i18n import translate
from schoolaid.common.validation import (
    clean_name,
    clean_phone,
    error,
    looks_like_phone,
    name_problem,
    raise_unconfirmed,
    warning,
)
from schoolaid.common.vocabulary import PovertyStatus, Relation, Sex
from schoolaid.roster.categories import (
    FIRST_LIFTED_YEAR,
    HOUSEHOLD_FIELDS,
    HouseholdCategory,
    MonitoringType,
)
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.pinyin_search import search_keys
from schoolaid.storage.database import insert_rows, reserve_ids
from schoolaid.storage.models import Household, HouseholdMember, SkillTraining, Student, Village, utcnow

ENTITY = "household"


@dataclass
class SkillForm:
    skill: str = ""
    year: int | None = None
    organiser: str = ""


@dataclass
class MemberForm:
    name: str = ""
    relation: str = Relation.OTHER.value
    sex: str = ""
    birth_year: int | None = None
    is_main_labourer: bool = False
    work: str = ""
    phone: str = ""
    skills: list[SkillForm] = field(default_factory=list)


@dataclass
class HouseholdForm:
    head_name: str = ""
    village_id: int | None = None
    group_name: str = ""
    address: str = ""
    phone: str = ""
    registered_poor: bool = False
    poor_card_no: str = ""
    poor_year: int | None = None
    poverty_status: str = PovertyStatus.NOT_POOR.value
    notes: str = ""
    members: list[MemberForm] = field(default_factory=list)
    # The categories (see roster/categories.py). The four 建档立卡 fields above are history: kept as
    # they were, no longer edited in the window.
    category: str = HouseholdCategory.GENERAL.value
    lifted_year: int | None = None
    monitoring_type: str = ""
    monitoring_identified_on: dt.date | None = None
    risk_removed_on: dt.date | None = None
    dibao: bool = False
    tekun: bool = False


_SEXES = frozenset(s.value for s in Sex)
_CATEGORIES = frozenset(c.value for c in HouseholdCategory)
_MONITORING_TYPES = frozenset(t.value for t in MonitoringType)
_SCALAR_FIELDS = ("head_name", "village_id", "group_name", "address", "phone", "registered_poor", "poor_card_no",
                  "poor_year", "poverty_status", "notes", *HOUSEHOLD_FIELDS)


def _clean(form: HouseholdForm) -> HouseholdForm:
    members = [
        MemberForm(
            name=clean_name(m.name), relation=m.relation, sex=m.sex, birth_year=m.birth_year,
            is_main_labourer=m.is_main_labourer, work=m.work.strip(), phone=clean_phone(m.phone),
            skills=[SkillForm(s.skill.strip(), s.year, s.organiser.strip()) for s in m.skills if s.skill.strip()],
        )
        for m in form.members
        if m.name.strip()
    ]
    group = form.group_name.strip()
    if group.isdigit():
        group = f"{group}组"
    return HouseholdForm(
        head_name=clean_name(form.head_name), village_id=form.village_id, group_name=group,
        address=form.address.strip(), phone=clean_phone(form.phone), registered_poor=form.registered_poor,
        poor_card_no=form.poor_card_no.strip(), poor_year=form.poor_year, poverty_status=form.poverty_status,
        notes=form.notes.strip(), members=members, category=form.category, lifted_year=form.lifted_year,
        monitoring_type=form.monitoring_type.strip(), monitoring_identified_on=form.monitoring_identified_on,
        risk_removed_on=form.risk_removed_on, dibao=form.dibao, tekun=form.tekun)


def validate(session: Session, form: HouseholdForm, today: dt.date,
             village_ids: Collection[int] | None = None) -> tuple[HouseholdForm, list[Problem]]:
    """Clean the form and list its problems. ``village_ids`` spares a query per form in bulk."""
    form = _clean(form)
    problems: list[Problem] = []
    if not form.head_name:
        problems.append(error("head_name", "head.missing", translate("Households", "Enter the household head's name.")))
    elif reason := name_problem(form.head_name):
        problems.append(error("head_name", "head.invalid", reason))
    known = (form.village_id in village_ids if village_ids is not None
             else form.village_id is not None and session.get(Village, form.village_id) is not None)
    if form.village_id is None or not known:
        problems.append(error("village_id", "village.missing", translate("Households", "Choose the village.")))
    problems.extend(category_problems(form, today))
    if form.phone and not looks_like_phone(form.phone):
        problems.append(warning("phone", "phone.format", translate(
            "Households", "The phone number {phone} does not look like a mobile (11 digits) or a landline.").format(
                phone=form.phone)))
    for member in form.members:
        if member.name != form.head_name and (reason := name_problem(member.name)):
            problems.append(error("members", "member.name", translate(
                "Households", "{name}: {reason}").format(name=member.name, reason=reason)))
        if member.birth_year is not None and not (1900 <= member.birth_year <= today.year):
            problems.append(error("members", "member.birth_year", translate(
                "Households", "{name}: the birth year {year} is impossible.").format(
                    name=member.name, year=member.birth_year)))
        if member.sex and member.sex not in _SEXES:
            problems.append(error("members", "member.sex", translate("Households", "{name}: choose the sex.").format(
                name=member.name)))
        for skill in member.skills:
            if skill.year is not None and not (1950 <= skill.year <= today.year):
                problems.append(error("members", "skill.year", translate(
                    "Households", "{name}: the training year {year} is impossible.").format(
                        name=member.name, year=skill.year)))
    return form, problems


def category_problems(form: HouseholdForm, today: dt.date) -> list[Problem]:
    """The categories' rules (sources: docs/sources/student-aid-2024.md, section 7, 中农组发〔2021〕7号):
    a 脱贫户 has its year (2013 … this year; missing, a warning); a 监测对象 may have a type, the date identified and the
    date its risk was removed, not before the date identified; the other categories have none of them."""
    problems: list[Problem] = []
    if form.category not in _CATEGORIES:
        problems.append(error("category", "category.invalid", translate(
            "Households", "Choose the household category: 一般户, 脱贫户 or 防止返贫监测对象.")))
        return problems
    lifted = form.category == HouseholdCategory.LIFTED.value
    monitored = form.category == HouseholdCategory.MONITORED.value
    if lifted and form.lifted_year is None:
        # A warning to confirm, not a refusal: sheets and older records often mark 脱贫户 without the
        # year, and the household must not lose its category (and its children their aid) for that.
        problems.append(warning("lifted_year", "category.lifted_year_missing", translate(
            "Households", "No year lifted out of poverty (脱贫年度): enter it from the household's record.")))
    elif form.lifted_year is not None and not (lifted or monitored):
        problems.append(error("lifted_year", "category.lifted_year_general", translate(
            "Households", "A year lifted out of poverty is kept only for a 脱贫户 or a 监测对象: clear it, or change "
            "the category.")))
    elif form.lifted_year is not None and not (FIRST_LIFTED_YEAR <= form.lifted_year <= today.year):
        problems.append(error("lifted_year", "category.lifted_year_range", translate(
            "Households", "The year lifted out of poverty must be between {first} and {year}.").format(
                first=FIRST_LIFTED_YEAR, year=today.year)))
    if not monitored:
        if form.monitoring_type or form.monitoring_identified_on or form.risk_removed_on:
            problems.append(error("monitoring_type", "category.monitoring_not_monitored", translate(
                "Households", "The monitoring type and dates apply only to a 防止返贫监测对象: clear them, or change "
                "the category.")))
        return problems
    if form.monitoring_type and form.monitoring_type not in _MONITORING_TYPES:
        problems.append(error("monitoring_type", "category.monitoring_type", translate(
            "Households", "Choose the monitoring type: 脱贫不稳定户, 边缘易致贫户, 突发严重困难户, or none.")))
    if form.monitoring_identified_on is not None and form.monitoring_identified_on > today:
        problems.append(error("monitoring_identified_on", "category.identified_future", translate(
            "Households", "The date identified as a monitored household is in the future.")))
    if form.risk_removed_on is not None:
        if form.risk_removed_on > today:
            problems.append(error("risk_removed_on", "category.removed_future", translate(
                "Households", "The date the risk was removed is in the future.")))
        elif form.monitoring_identified_on is not None and form.risk_removed_on < form.monitoring_identified_on:
            problems.append(error("risk_removed_on", "category.removed_before_identified", translate(
                "Households", "The risk cannot be removed ({removed}) before the household was identified "
                "({identified}).").format(removed=form.risk_removed_on.isoformat(),
                                          identified=form.monitoring_identified_on.isoformat())))
    if form.monitoring_identified_on is None:
        problems.append(warning("monitoring_identified_on", "category.identified_missing", translate(
            "Households", "No date identified as a monitored household: enter it from the monitoring list.")))
    return problems


_MEMBER_FIELDS = ("name", "relation", "sex", "birth_year", "is_main_labourer", "work", "phone")
_SKILL_FIELDS = ("skill", "year", "organiser")


def _snapshot(household_id: int, form: HouseholdForm) -> dict[str, object]:
    """What the audit keeps of a household: its fields and its members with their skills."""
    data: dict[str, object] = {"id": household_id, **{name: getattr(form, name) for name in _SCALAR_FIELDS}}
    data["members"] = [
        {**{name: getattr(m, name) for name in _MEMBER_FIELDS},
         "skills": [{name: getattr(s, name) for name in _SKILL_FIELDS} for s in m.skills]}
        for m in form.members
    ]
    return data


def _scalar_values(form: HouseholdForm) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(form, name) for name in _SCALAR_FIELDS}
    values["head_pinyin"], values["head_initials"] = search_keys(form.head_name)
    return values


def _apply(household: Household, form: HouseholdForm) -> None:
    for name, value in _scalar_values(form).items():
        setattr(household, name, value)
    # Members are replaced as a whole: they have no identity elsewhere yet, and the audit
    # snapshot keeps what they were.
    household.members.clear()
    for m in form.members:
        member = HouseholdMember(**{name: getattr(m, name) for name in _MEMBER_FIELDS})
        member.skills = [SkillTraining(**{name: getattr(s, name) for name in _SKILL_FIELDS}) for s in m.skills]
        household.members.append(member)


@requires(Permission.EDIT_ROSTER)
def create_household(session: Session, actor: Actor, form: HouseholdForm, *, confirmed: Collection[str] = (),
                     today: dt.date) -> int:
    return create_households(session, actor, [(form, confirmed)], today=today)[0]


@requires(Permission.EDIT_ROSTER)
def create_households(session: Session, actor: Actor, forms: Sequence[tuple[HouseholdForm, Collection[str]]], *,
                      today: dt.date) -> list[int]:
    """Create households (an import makes thousands): each validated, inserted a table at a time, audited."""
    village_ids = set(session.scalars(select(Village.id)))
    valid: list[HouseholdForm] = []
    for form, confirmed in forms:
        form, problems = validate(session, form, today, village_ids=village_ids)
        raise_unconfirmed(problems, confirmed)
        valid.append(form)
    if not valid:
        return []
    now = utcnow()
    ids = reserve_ids(session, Household, len(valid))
    insert_rows(session, Household.__table__, [{**_scalar_values(f), "id": hid, "created_at": now, "updated_at": now}
                                               for hid, f in zip(ids, valid, strict=True)])
    members = [(m, {"household_id": hid, **{name: getattr(m, name) for name in _MEMBER_FIELDS}})
               for hid, form in zip(ids, valid, strict=True) for m in form.members]
    if members:
        member_ids = reserve_ids(session, HouseholdMember, len(members))
        insert_rows(session, HouseholdMember.__table__, [{**values, "id": mid} for mid, (_, values)
                                                         in zip(member_ids, members, strict=True)])
        skills = [{"member_id": mid, **{name: getattr(s, name) for name in _SKILL_FIELDS}}
                  for mid, (member, _) in zip(member_ids, members, strict=True) for s in member.skills]
        if skills:
            insert_rows(session, SkillTraining.__table__, skills)
    audit.record_many(session, [audit.event_values(actor, Action.CREATE, ENTITY, hid, form.head_name,
                                                   after=_snapshot(hid, form)) for hid, form in zip(ids, valid, strict=True)])
    return ids


@requires(Permission.EDIT_ROSTER)
def update_household(session: Session, actor: Actor, household_id: int, form: HouseholdForm, *,
                     confirmed: Collection[str] = (), today: dt.date) -> None:
    household = _get(session, household_id)
    form, problems = validate(session, form, today)
    raise_unconfirmed(problems, confirmed)
    before = _snapshot(household_id, get_form(session, household_id))
    _apply(household, form)
    session.flush()
    after = _snapshot(household_id, form)
    if before != after:
        audit.record(session, actor, Action.UPDATE, ENTITY, household.id, household.head_name, before=before, after=after)


@requires(Permission.EDIT_ROSTER)
def delete_household(session: Session, actor: Actor, household_id: int) -> None:
    """Remove a household created by mistake; one that has students stays."""
    household = _get(session, household_id)
    if session.scalar(select(func.count()).select_from(Student).where(Student.household_id == household_id)):
        raise NotAllowed(translate(
            "Households", "The household of {head} still has students and cannot be deleted.").format(
                head=household.head_name))
    before = _snapshot(household_id, get_form(session, household_id))
    session.delete(household)
    session.flush()
    audit.record(session, actor, Action.DELETE, ENTITY, household_id, household.head_name, before=before)


def _get(session: Session, household_id: int) -> Household:
    household = session.get(Household, household_id, options=[selectinload(Household.members)
                                                              .selectinload(HouseholdMember.skills)])
    if household is None:
        raise NotFound(translate("Households", "The household no longer exists (id {id}).").format(id=household_id))
    return household


def get_form(session: Session, household_id: int) -> HouseholdForm:
    household = _get(session, household_id)
    return HouseholdForm(
        **{name: getattr(household, name) for name in _SCALAR_FIELDS},
        members=[
            MemberForm(name=m.name, relation=m.relation, sex=m.sex, birth_year=m.birth_year,
                       is_main_labourer=m.is_main_labourer, work=m.work, phone=m.phone,
                       skills=[SkillForm(s.skill, s.year, s.organiser) for s in m.skills])
            for m in household.members
        ],
    )


def head_names(session: Session, household_ids: Collection[int]) -> dict[int, str]:
    """How households are named to people: the head and the village group."""
    rows = session.execute(select(Household.id, Household.head_name, Village.name, Household.group_name)
                           .outerjoin(Village, Household.village_id == Village.id)
                           .where(Household.id.in_(list(household_ids))))
    return {i: f"{head}（{village or ''}{group}）" for i, head, village, group in rows}


# --- Views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdChoice:
    id: int
    head_name: str
    village: str
    group_name: str
    category: str  # HouseholdCategory value
    children: int


def search(session: Session, text: str = "", village_id: int | None = None, limit: int = 50) -> list[HouseholdChoice]:
    """Households for a picker: by the head's name, or a pinyin initial, optionally in one village."""
    children = (select(Student.household_id, func.count().label("n")).group_by(Student.household_id).subquery())
    query = (select(Household.id, Household.head_name, Village.name, Household.group_name, Household.category,
                    func.coalesce(children.c.n, 0))
             .outerjoin(Village, Household.village_id == Village.id)
             .outerjoin(children, children.c.household_id == Household.id))
    text = clean_name(text)
    if text.isascii() and text.isalpha():
        pattern = f"% {text.lower()}%"
        query = query.where(or_(Household.head_initials.like(pattern), Household.head_pinyin.like(pattern)))
    elif text:
        query = query.where(or_(Household.head_name.like(f"%{text}%"), Household.phone.like(f"%{text}%")))
    if village_id is not None:
        query = query.where(Household.village_id == village_id)
    query = query.order_by(Village.name, Household.group_name, Household.head_pinyin).limit(limit)
    return [HouseholdChoice(i, h, v or "", g, c, n) for i, h, v, g, c, n in session.execute(query)]


@dataclass(frozen=True)
class SkillView:
    skill: str
    year: int | None
    organiser: str


@dataclass(frozen=True)
class MemberView:
    name: str
    relation: str
    sex: str
    birth_year: int | None
    is_main_labourer: bool
    work: str
    skills: list[SkillView]


@dataclass(frozen=True)
class ChildView:
    student_id: int
    name: str
    sex: str
    age: int | None
    school: str
    grade_label: str
    status: EnrollmentStatus


@dataclass(frozen=True)
class HouseholdView:
    id: int
    head_name: str
    village: str
    is_poor_village: bool
    group_name: str
    address: str
    phone: str
    registered_poor: bool  # history: 建档立卡 as recorded before the categories
    poor_card_no: str
    poor_year: int | None
    poverty_status: PovertyStatus
    notes: str
    members: list[MemberView]
    children: list[ChildView]
    category: str = HouseholdCategory.GENERAL.value
    lifted_year: int | None = None
    monitoring_type: str = ""
    monitoring_identified_on: dt.date | None = None
    risk_removed_on: dt.date | None = None
    dibao: bool = False
    tekun: bool = False

    @property
    def main_labourers(self) -> list[MemberView]:
        return [m for m in self.members if m.is_main_labourer]

    @property
    def has_skilled_labourer(self) -> bool:
        """The plan's goal: one main labourer who has learned one or two practical skills."""
        return any(m.skills for m in self.main_labourers)


def view(session: Session, household_id: int, today: dt.date) -> HouseholdView:
    household = _get(session, household_id)
    children = session.scalars(select(Student).where(Student.household_id == household_id)
                               .order_by(Student.birth_date)).all()
    return HouseholdView(
        id=household.id, head_name=household.head_name,
        village=household.village.name if household.village else "",
        is_poor_village=bool(household.village and household.village.is_poor_village),
        group_name=household.group_name, address=household.address, phone=household.phone,
        registered_poor=household.registered_poor, poor_card_no=household.poor_card_no,
        poor_year=household.poor_year, poverty_status=PovertyStatus(household.poverty_status), notes=household.notes,
        members=[MemberView(m.name, m.relation, m.sex, m.birth_year, m.is_main_labourer, m.work,
                            [SkillView(s.skill, s.year, s.organiser) for s in m.skills]) for m in household.members],
        children=[ChildView(c.id, c.name, c.sex, age_on(c.birth_date, today) if c.birth_date else None,
                            c.school.name, grade_label(c.stage, c.grade), EnrollmentStatus(c.status))
                  for c in children],
        **{name: getattr(household, name) for name in HOUSEHOLD_FIELDS},
    )



@dataclass(frozen=True)
class SkillsRow:
    household_id: int
    head_name: str
    village: str
    group_name: str
    category: str  # HouseholdCategory value
    main_labourers: list[str]
    skills: list[str]  # "name：skill (year)"

    @property
    def has_skilled_labourer(self) -> bool:
        return bool(self.skills)


def skills_overview(session: Session, *, without_skills_only: bool = False) -> list[SkillsRow]:
    """脱贫户 and 监测对象 households with their main labourers and the skills those have learned.

    The plan: every poor household has one main labourer who has learned one or two skills."""
    query = (select(Household.id, Household.head_name, Village.name, Household.group_name, Household.category)
             .outerjoin(Village, Household.village_id == Village.id)
             .where(Household.category.in_([HouseholdCategory.LIFTED.value, HouseholdCategory.MONITORED.value]))
             .order_by(Village.name, Household.group_name, Household.head_pinyin))
    households = session.execute(query).all()
    members: dict[int, list[HouseholdMember]] = {}
    ids = [row[0] for row in households]
    for start in range(0, len(ids), 500):
        for member in session.scalars(select(HouseholdMember).options(selectinload(HouseholdMember.skills))
                                      .where(HouseholdMember.household_id.in_(ids[start:start + 500]),
                                             HouseholdMember.is_main_labourer.is_(True))):
            members.setdefault(member.household_id, []).append(member)
    rows = []
    for household_id, head, village, group, status in households:
        labourers = members.get(household_id, [])
        skills = [f"{m.name}：{s.skill}" + (f"（{s.year}）" if s.year else "") for m in labourers for s in m.skills]
        row = SkillsRow(household_id, head, village or "", group, status, [m.name for m in labourers],
                        skills)
        if not (without_skills_only and row.has_skilled_labourer):
            rows.append(row)
    return rows
