"""Roles and what each may do: deny by default, checked in the services, so the window, the
command line and any script obey the same rules.

A database on which no account was ever created (before the administrator is set up at the first
start, or a database from an earlier version) is open to the operator named at the start; once
the first account exists, every service needs a signed-in person whose role allows the action.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from schoolaid.common.errors import Refusal
from schoolaid.common.i18n import translate

ACCOUNTS_SETTING = "accounts_enabled"
F = TypeVar("F", bound=Callable[..., Any])


class Role(str, enum.Enum):
    ADMIN = "admin"  # 管理员: accounts and settings
    AID_OFFICER = "aid_officer"  # 资助专干: roster, ledger posting, exports, backups, cases
    LEADERSHIP = "leadership"  # 校长/班子成员: the aid officer's work, reversals, notices
    TEACHER = "teacher"  # 班主任/教师: their own classes' students, absences, persuasion and visits
    TOWNSHIP_VIEWER = "township_viewer"  # 乡镇查看: read-only

    @property
    def label(self) -> str:
        return role_label(self.value)


def role_label(value: str) -> str:
    return {
        Role.ADMIN.value: translate("Permissions", "administrator"),
        Role.AID_OFFICER.value: translate("Permissions", "aid officer"),
        Role.LEADERSHIP.value: translate("Permissions", "principal or leadership"),
        Role.TEACHER.value: translate("Permissions", "class teacher or teacher"),
        Role.TOWNSHIP_VIEWER.value: translate("Permissions", "township viewer"),
    }.get(value, value)


class Permission(enum.Enum):
    MANAGE_ACCOUNTS = "manage_accounts"
    EDIT_SETTINGS = "edit_settings"  # township, schools, villages, rules, schedules
    VIEW = "view"  # read every record (ID numbers masked)
    VIEW_OWN_CLASSES = "view_own_classes"  # read the students of one's own classes only
    VIEW_FULL_ID = "view_full_id"  # reveal a full ID number (each time audited) and export it
    VIEW_AUDIT = "view_audit"
    EDIT_ROSTER = "edit_roster"  # students, households, imports
    EDIT_PAIRING = "edit_pairing"  # staff, pairings, handovers, school pairings
    LOG_VISIT = "log_visit"  # home visits (a teacher: their own pairings)
    POST_LEDGER = "post_ledger"  # programmes, posting, notices, payments
    REVERSE_LEDGER = "reverse_ledger"  # reversals and corrections (never one's own entry)
    RECORD_ABSENCE = "record_absence"  # absences (a teacher: their own classes)
    LOG_PERSUASION = "log_persuasion"  # persuasion attempts and evidence (a teacher: their own classes)
    MANAGE_CASES = "manage_cases"  # open, update, move and close dropout cases
    ISSUE_NOTICE = "issue_notice"  # the enrollment-urging notice
    EXPORT = "export"  # workbooks and printouts with personal data
    BACKUP = "backup"  # export and restore backups


P = Permission
_AID_OFFICER = frozenset({
    P.VIEW, P.VIEW_FULL_ID, P.EDIT_ROSTER, P.EDIT_PAIRING, P.LOG_VISIT, P.POST_LEDGER, P.RECORD_ABSENCE,
    P.LOG_PERSUASION, P.MANAGE_CASES, P.EXPORT, P.BACKUP,
})
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset({P.MANAGE_ACCOUNTS, P.EDIT_SETTINGS, P.VIEW, P.VIEW_AUDIT}),
    Role.AID_OFFICER: _AID_OFFICER,
    Role.LEADERSHIP: _AID_OFFICER | {P.REVERSE_LEDGER, P.ISSUE_NOTICE, P.VIEW_AUDIT},
    # A teacher: absences and persuasion for their own classes, visits for their own pairings (check_class).
    Role.TEACHER: frozenset({P.VIEW_OWN_CLASSES, P.RECORD_ABSENCE, P.LOG_PERSUASION, P.LOG_VISIT}),
    Role.TOWNSHIP_VIEWER: frozenset({P.VIEW, P.VIEW_AUDIT}),
}


def permission_label(permission: Permission) -> str:
    return {
        P.MANAGE_ACCOUNTS: translate("Permissions", "manage accounts"),
        P.EDIT_SETTINGS: translate("Permissions", "change settings, schools and villages"),
        P.VIEW: translate("Permissions", "view the records"),
        P.VIEW_OWN_CLASSES: translate("Permissions", "view one's own classes"),
        P.VIEW_FULL_ID: translate("Permissions", "see full ID numbers"),
        P.VIEW_AUDIT: translate("Permissions", "view the audit trail"),
        P.EDIT_ROSTER: translate("Permissions", "change the roster and households"),
        P.EDIT_PAIRING: translate("Permissions", "change staff and pairings"),
        P.LOG_VISIT: translate("Permissions", "log home visits"),
        P.POST_LEDGER: translate("Permissions", "post subsidies to the ledger"),
        P.REVERSE_LEDGER: translate("Permissions", "reverse or correct ledger entries"),
        P.RECORD_ABSENCE: translate("Permissions", "record absences"),
        P.LOG_PERSUASION: translate("Permissions", "log persuasion attempts"),
        P.MANAGE_CASES: translate("Permissions", "open and close dropout cases"),
        P.ISSUE_NOTICE: translate("Permissions", "issue enrollment-urging notices"),
        P.EXPORT: translate("Permissions", "export or print personal data"),
        P.BACKUP: translate("Permissions", "export and restore backups"),
    }[permission]


class NotPermitted(Refusal):
    """An action outside the person's role; refused, and recorded in the audit trail."""

    def __init__(self, message: str, actor: Any, permission: Permission | None, what: str = "") -> None:
        super().__init__(message)
        self.actor = actor
        self.permission = permission
        self.what = what

    def record(self, session: Session) -> None:
        from schoolaid.accounts import audit

        if not isinstance(self.actor, audit.Actor):
            return
        permission = self.permission.value if self.permission is not None else ""
        audit.record(session, self.actor, audit.Action.REFUSED, "permission", None, self.message,
                     after={"permission": permission, "record": self.what})


def accounts_enabled(session: Session) -> bool:
    from schoolaid.storage.models import Setting

    setting = session.get(Setting, ACCOUNTS_SETTING)
    return setting is not None and setting.value == "1"


def role_of(actor: Any) -> Role | None:
    return Role(actor.role) if getattr(actor, "role", None) else None


def allows(actor: Any, permission: Permission) -> bool:
    """Whether the actor's role grants the permission (no database needed: for showing buttons)."""
    role = role_of(actor)
    return role is not None and permission in GRANTS[role]


def check(session: Session, actor: Any, permission: Permission) -> None:
    """Refuse unless the actor may; an actor with no role passes only on a database without accounts."""
    role = role_of(actor)
    if role is None:
        if accounts_enabled(session):
            raise NotPermitted(translate("Permissions", "Sign in first: only a signed-in person can {what}.").format(
                what=permission_label(permission)), actor, permission)
        return
    if permission not in GRANTS[role]:
        raise _refusal(actor, role, permission)


def roles_allowed(*permissions: Permission) -> list[Role]:
    """The roles granted every one of the permissions, the least powerful first (the one to ask)."""
    return sorted((r for r, granted in GRANTS.items() if granted.issuperset(permissions)), key=lambda r: len(GRANTS[r]))


def who_may(*permissions: Permission) -> str:
    """The roles that may, as a refusal names them: 资助专干或校长/班子成员 ("" when no role may)."""
    return translate("Permissions", " or ").join(r.label for r in roles_allowed(*permissions))


def _refusal(actor: Any, role: Role, permission: Permission) -> NotPermitted:
    return NotPermitted(translate(
        "Permissions", "{name} ({role}) may not {what}: ask a {allowed}.").format(
            name=actor.name, role=role.label, what=permission_label(permission),
            allowed=who_may(permission)),
        actor, permission)


def check_role(actor: Any, permission: Permission) -> None:
    """For work on no database of its own (the township's comparison of schools' backups): refuse
    unless the actor's role allows it. An actor with no role passes: there are no accounts to sign
    in to (the command line on backup files only)."""
    role = role_of(actor)
    if role is not None and permission not in GRANTS[role]:
        raise _refusal(actor, role, permission)


def requires(permission: Permission) -> Callable[[F], F]:
    """A service ``f(session, actor, ...)`` that needs ``permission``."""

    def decorate(service: F) -> F:
        @functools.wraps(service)
        def checked(session: Session, actor: Any, *args: Any, **kwargs: Any) -> Any:
            check(session, actor, permission)
            return service(session, actor, *args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return decorate


def has_full_id_rights(session: Session, actor: Any) -> bool:
    """Whether lists may show the actor the region part of ID numbers and full birth dates (see
    ``idnumber.mask``). An actor with no role has them only on a database without accounts."""
    role = role_of(actor)
    if role is None:
        return not accounts_enabled(session)
    return Permission.VIEW_FULL_ID in GRANTS[role]


def is_teacher(actor: Any) -> bool:
    return role_of(actor) is Role.TEACHER


def check_class(actor: Any, permission: Permission, school_id: int, stage: str, grade: int, class_name: str,
                who: str) -> None:
    """A teacher acts only on their own classes' students."""
    if not is_teacher(actor):
        return
    if (school_id, stage, grade, class_name) not in actor.classes:
        raise NotPermitted(translate(
            "Permissions", "{who} is not in one of {name}'s classes: a class teacher can {what} only for their own "
            "classes.").format(who=who, name=actor.name, what=permission_label(permission)), actor, permission, who)
