"""The township's places: villages, schools, and the settings kept with the data."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.accounts import IDLE_SETTING
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, check, requires
from schoolaid.common.errors import NotAllowed, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import clean_name, error
from schoolaid.common.vocabulary import SchoolKind
from schoolaid.storage.database import Database
from schoolaid.storage.models import School, Setting, Village

TOWNSHIP_NAME = "township_name"


def get_setting(session: Session, key: str, default: str = "") -> str:
    setting = session.get(Setting, key)
    return setting.value if setting is not None else default


# Who may change a setting, by its family (the key, or the part before its first dot). A key of no
# family here is the administrator's. The services that change settings check their own permission too.
SETTING_PERMISSIONS = {
    TOWNSHIP_NAME: Permission.EDIT_SETTINGS,
    "dropout": Permission.EDIT_SETTINGS,  # the dropout-control rules: days, deadlines, notice numbers, holidays
    "pairing": Permission.EDIT_SETTINGS,  # when a visit is overdue
    "enrollment": Permission.EDIT_SETTINGS,  # the day school ages are reckoned on (roster.enrollment_approvals)
    "targets": Permission.EDIT_SETTINGS,  # the indicators' targets (dropout.rates)
    "safety_copy_hours": Permission.EDIT_SETTINGS,
    "safety_copy_keep": Permission.EDIT_SETTINGS,
    "sign_out_idle_minutes": Permission.EDIT_SETTINGS,
    "last_backup_export": Permission.BACKUP,  # when the last backup left the PC: set by whoever exported it
    "accounts_enabled": Permission.MANAGE_ACCOUNTS,  # set once, with the first account
}


def setting_permission(key: str) -> Permission:
    """The permission needed to change the setting ``key``."""
    return SETTING_PERMISSIONS.get(key, SETTING_PERMISSIONS.get(key.split(".", 1)[0], Permission.EDIT_SETTINGS))


def set_setting(session: Session, actor: Actor, key: str, value: str) -> None:
    """Change a setting, for someone whose role allows that family of settings; recorded."""
    check(session, actor, setting_permission(key))
    setting = session.get(Setting, key)
    before = None if setting is None else {"value": setting.value}
    if setting is None:
        setting = Setting(key=key, value=value)
        session.add(setting)
    elif setting.value == value:
        return
    setting.value = value
    audit.record(session, actor, Action.UPDATE if before else Action.CREATE, "setting", None, key,
                 before=before, after={"value": value})


@dataclass
class SchoolEntry:
    name: str
    village: str = ""  # a village name from the setup, or empty
    kind: str = SchoolKind.VILLAGE.value


@dataclass
class SetupForm:
    township: str = ""
    central_school: str = ""
    central_school_village: str = ""
    villages: list[tuple[str, bool]] = field(default_factory=list)  # (name, is poor village)
    village_schools: list[SchoolEntry] = field(default_factory=list)


def is_set_up(session: Session) -> bool:
    return session.scalar(select(School.id).limit(1)) is not None


def initial_setup(session: Session, actor: Actor, form: SetupForm) -> None:
    """The first start: the township, its villages, the central school and its village schools."""
    if is_set_up(session):
        raise NotAllowed(translate("Township", "This database is already set up."))
    township = clean_name(form.township)
    central = clean_name(form.central_school)
    villages = [(clean_name(n), poor) for n, poor in form.villages if clean_name(n)]
    schools = [SchoolEntry(clean_name(s.name), clean_name(s.village), s.kind) for s in form.village_schools
               if clean_name(s.name)]
    problems = []
    if not township:
        problems.append(error("township", "township.missing", translate("Township", "Enter the township's name.")))
    if not central:
        problems.append(error("central_school", "central.missing", translate(
            "Township", "Enter the central school's name.")))
    if not villages:
        problems.append(error("villages", "villages.missing", translate(
            "Township", "Enter at least one village: households belong to villages.")))
    names = [central, *(s.name for s in schools)]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        problems.append(error("village_schools", "schools.duplicate", translate(
            "Township", "School names must differ: {names}.").format(names="、".join(duplicates))))
    village_names = [n for n, _ in villages]
    duplicate_villages = sorted({n for n in village_names if village_names.count(n) > 1})
    if duplicate_villages:
        problems.append(error("villages", "villages.duplicate", translate(
            "Township", "Village names must differ: {names}.").format(names="、".join(duplicate_villages))))
    unknown = sorted({s.village for s in schools if s.village and s.village not in village_names}
                     | ({clean_name(form.central_school_village)} - {""} - set(village_names)))
    if unknown:
        problems.append(error("village_schools", "schools.unknown_village", translate(
            "Township", "These villages are not in the village list: {names}.").format(names="、".join(unknown))))
    if problems:
        raise ValidationFailed(problems)

    set_setting(session, actor, TOWNSHIP_NAME, township)
    by_name: dict[str, Village] = {}
    for name, poor in villages:
        by_name[name] = add_village(session, actor, name, poor)
    central_village = by_name.get(clean_name(form.central_school_village))
    add_school(session, actor, central, SchoolKind.CENTRAL.value, central_village.id if central_village else None,
               is_central=True, sort_order=0)
    for order, entry in enumerate(schools, start=1):
        village = by_name.get(entry.village)
        add_school(session, actor, entry.name, entry.kind, village.id if village else None, sort_order=order)


@requires(Permission.EDIT_SETTINGS)
def add_village(session: Session, actor: Actor, name: str, is_poor_village: bool = False) -> Village:
    name = clean_name(name)
    if not name:
        raise ValidationFailed([error("name", "village.name", translate("Township", "Enter the village's name."))])
    if session.scalar(select(Village.id).where(Village.name == name)) is not None:
        raise ValidationFailed([error("name", "village.duplicate", translate(
            "Township", "There is already a village called {name}.").format(name=name))])
    village = Village(name=name, is_poor_village=is_poor_village)
    session.add(village)
    session.flush()
    audit.record(session, actor, Action.CREATE, "village", village.id, name, after=audit.snapshot(village))
    return village


@requires(Permission.EDIT_SETTINGS)
def add_school(session: Session, actor: Actor, name: str, kind: str, village_id: int | None = None, *,
               is_central: bool = False, sort_order: int | None = None) -> School:
    name = clean_name(name)
    if not name:
        raise ValidationFailed([error("name", "school.name", translate("Township", "Enter the school's name."))])
    if kind not in {k.value for k in SchoolKind}:
        raise ValidationFailed([error("kind", "school.kind", translate("Township", "Choose the kind of school."))])
    if session.scalar(select(School.id).where(School.name == name)) is not None:
        raise ValidationFailed([error("name", "school.duplicate", translate(
            "Township", "There is already a school called {name}.").format(name=name))])
    if village_id is not None and session.get(Village, village_id) is None:
        raise ValidationFailed([error("village_id", "school.village", translate("Township", "Choose the village."))])
    if sort_order is None:
        sort_order = (session.scalar(select(func.max(School.sort_order))) or 0) + 1
    school = School(name=name, kind=kind, is_central=is_central, village_id=village_id, sort_order=sort_order)
    session.add(school)
    session.flush()
    audit.record(session, actor, Action.CREATE, "school", school.id, name, after=audit.snapshot(school))
    return school


@requires(Permission.EDIT_SETTINGS)
def update_village(session: Session, actor: Actor, village_id: int, name: str, is_poor_village: bool) -> None:
    village = session.get(Village, village_id)
    if village is None:
        raise NotAllowed(translate("Township", "The village no longer exists."))
    name = clean_name(name)
    if not name:
        raise ValidationFailed([error("name", "village.name", translate("Township", "Enter the village's name."))])
    if session.scalar(select(Village.id).where(Village.name == name, Village.id != village_id)) is not None:
        raise ValidationFailed([error("name", "village.duplicate", translate(
            "Township", "There is already a village called {name}.").format(name=name))])
    before = audit.snapshot(village)
    village.name, village.is_poor_village = name, is_poor_village
    after = audit.snapshot(village)
    if before != after:
        audit.record(session, actor, Action.UPDATE, "village", village.id, name, before=before, after=after)


@requires(Permission.EDIT_SETTINGS)
def update_school(session: Session, actor: Actor, school_id: int, name: str, kind: str, village_id: int | None,
                  active: bool) -> None:
    school = session.get(School, school_id)
    if school is None:
        raise NotAllowed(translate("Township", "The school no longer exists."))
    name = clean_name(name)
    problems = []
    if not name:
        problems.append(error("name", "school.name", translate("Township", "Enter the school's name.")))
    elif session.scalar(select(School.id).where(School.name == name, School.id != school_id)) is not None:
        problems.append(error("name", "school.duplicate", translate(
            "Township", "There is already a school called {name}.").format(name=name)))
    if kind not in {k.value for k in SchoolKind}:
        problems.append(error("kind", "school.kind", translate("Township", "Choose the kind of school.")))
    if school.is_central and kind != SchoolKind.CENTRAL.value:
        problems.append(error("kind", "school.central", translate(
            "Township", "The central school stays the central school.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(school)
    school.name, school.kind, school.village_id, school.active = name, kind, village_id, active
    after = audit.snapshot(school)
    if before != after:
        audit.record(session, actor, Action.UPDATE, "school", school.id, name, before=before, after=after)


@dataclass(frozen=True)
class SchoolView:
    id: int
    name: str
    kind: str
    is_central: bool
    village: str
    village_id: int | None
    active: bool


@dataclass(frozen=True)
class VillageView:
    id: int
    name: str
    is_poor_village: bool


def list_schools(session: Session, *, open_only: bool = False) -> list[SchoolView]:
    query = select(School, Village.name).outerjoin(Village, School.village_id == Village.id)
    if open_only:
        query = query.where(School.active.is_(True))
    rows = session.execute(query.order_by(School.sort_order, School.id))
    return [SchoolView(s.id, s.name, s.kind, s.is_central, v or "", s.village_id, s.active) for s, v in rows]


def list_villages(session: Session) -> list[VillageView]:
    return [VillageView(v.id, v.name, v.is_poor_village)
            for v in session.scalars(select(Village).order_by(Village.id))]


def township_name(session: Session) -> str:
    return get_setting(session, TOWNSHIP_NAME)


def is_empty(db: Database) -> bool:
    """True for a database with no schools yet: the first start, before setup."""
    return not db.query(is_set_up)


@requires(Permission.EDIT_SETTINGS)
def set_idle_minutes(session: Session, actor: Actor, minutes: int) -> None:
    """How long a shared PC may stay signed in untouched (a setting of the township's, read by accounts)."""
    if not 0 <= minutes <= 240:
        raise ValidationFailed([error("minutes", "idle.range", translate(
            "Accounts", "Sign out after 1 to 240 idle minutes, or 0 for never."))])
    set_setting(session, actor, IDLE_SETTING, str(minutes))
