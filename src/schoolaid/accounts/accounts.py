"""Accounts: who may sign in, with which role, and for a teacher which classes.

Passwords are kept only as Argon2id hashes (argon2-cffi's defaults: 64 MiB, 3 passes), never
stored or logged in clear. Five wrong passwords in a row lock the account for 15 minutes and the
lock is recorded; an administrator can unlock it and reset the password. The first account, made
at the first start, is the administrator's; from then on the database needs a signed-in person
for everything (``permissions``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import (
    ACCOUNTS_SETTING,
    Permission,
    Role,
    accounts_enabled,
    requires,
    role_label,
)
from schoolaid.common.errors import NotFound, Problem, SchoolAidError, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.storage import encryption
from schoolaid.storage.database import database_of
from schoolaid.storage.models import School, Setting, Staff, User, UserClass

ENTITY = "user"
MIN_PASSWORD_LENGTH = 8
MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15
IDLE_SETTING = "sign_out_idle_minutes"
DEFAULT_IDLE_MINUTES = 15
HASHER = PasswordHasher()  # Argon2id, 64 MiB, t=3, p=4: about 0.2 s on this kind of PC
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")


@dataclass(frozen=True)
class ClassRef:
    school_id: int
    stage: str
    grade: int
    class_name: str

    def key(self) -> tuple[int, str, int, str]:
        return (self.school_id, self.stage, self.grade, self.class_name)


@dataclass(frozen=True)
class UserForm:
    username: str
    display_name: str
    role: str
    password: str = ""
    staff_id: int | None = None
    classes: tuple[ClassRef, ...] = ()


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None
    failed_attempts: int
    last_sign_in_at: dt.datetime | None
    staff_id: int | None
    classes: tuple[ClassRef, ...] = field(default=())
    # On an encrypted database, an account without a key slot (converted from a plain database by
    # another administrator's sign-in, or reactivated) cannot sign in until its password is reset.
    needs_password_reset: bool = False

    @property
    def role_label(self) -> str:
        return role_label(self.role)

    def locked(self, now: dt.datetime) -> bool:
        """Whether the account is locked at ``now`` (UTC, as ``locked_until``)."""
        return self.locked_until is not None and self.locked_until > now


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: the actor, or the reason there is none (already recorded)."""

    actor: Actor | None
    message: str = ""


def _password_problems(password: str, field_name: str = "password") -> list[Problem]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [error(field_name, "password.short", translate(
            "Accounts", "A password needs at least {n} characters.").format(n=MIN_PASSWORD_LENGTH))]
    return []


def _validate(session: Session, form: UserForm, user_id: int | None, *, new_password: bool) -> list[Problem]:
    problems = []
    if not _USERNAME.match(form.username.strip()):
        problems.append(error("username", "username.format", translate(
            "Accounts", "A user name has 2 to 32 letters, digits or Chinese characters (no spaces).")))
    else:
        clash = session.scalar(select(User.id).where(func.lower(User.username) == form.username.strip().lower()))
        if clash is not None and clash != user_id:
            problems.append(error("username", "username.taken", translate(
                "Accounts", "The user name {name} is taken.").format(name=form.username.strip())))
    if not form.display_name.strip():
        problems.append(error("display_name", "display_name.missing", translate(
            "Accounts", "Enter the person's name as it should appear in the records.")))
    if form.role not in {r.value for r in Role}:
        problems.append(error("role", "role.unknown", translate("Accounts", "Choose a role.")))
    if form.role == Role.TEACHER.value and not form.classes:
        problems.append(error("classes", "classes.missing", translate(
            "Accounts", "A teacher's account needs the classes they look after.")))
    if form.staff_id is not None and session.get(Staff, form.staff_id) is None:
        problems.append(error("staff_id", "staff.unknown", translate("Accounts", "Choose a staff member.")))
    for ref in form.classes:
        if session.get(School, ref.school_id) is None:
            problems.append(error("classes", "classes.school", translate("Accounts", "Choose the class's school.")))
            break
    if new_password:
        problems += _password_problems(form.password)
    return problems


def _snapshot(user: User) -> dict[str, object]:
    # Never the password hash: the audit trail travels in the backup.
    return {"username": user.username, "display_name": user.display_name, "role": user.role,
            "active": user.active, "staff_id": user.staff_id,
            "classes": sorted(f"{c.school_id}/{c.stage}/{c.grade}/{c.class_name}" for c in user.classes)}


def _set_classes(user: User, classes: Iterable[ClassRef]) -> None:
    wanted = {ref.key() for ref in classes}
    user.classes = [c for c in user.classes if (c.school_id, c.stage, c.grade, c.class_name) in wanted]
    present = {(c.school_id, c.stage, c.grade, c.class_name) for c in user.classes}
    for key in sorted(wanted - present):
        user.classes.append(UserClass(school_id=key[0], stage=key[1], grade=key[2], class_name=key[3]))


def create_first_administrator(session: Session, username: str, display_name: str, password: str) -> Actor:
    """The administrator's account, made at the first start; from now on everyone signs in."""
    if accounts_enabled(session) or session.scalar(select(func.count(User.id))):
        raise SchoolAidError(translate("Accounts", "The administrator's account exists already: sign in."))
    form = UserForm(username, display_name, Role.ADMIN.value, password)
    problems = _validate(session, form, None, new_password=True)
    if problems:
        raise ValidationFailed(problems)
    user = User(username=username.strip(), display_name=display_name.strip(), role=Role.ADMIN.value,
                password_hash=HASHER.hash(password), active=True, failed_attempts=0)
    session.add(user)
    session.flush()
    session.merge(Setting(key=ACCOUNTS_SETTING, value="1"))
    actor = actor_for(user)
    audit.record(session, actor, Action.CREATE, ENTITY, user.id, user.display_name, after=_snapshot(user))
    audit.record(session, actor, Action.CREATE, "setting", None, ACCOUNTS_SETTING, after={"value": "1"})
    return actor


# Key slots (encryption at rest): on an encrypted database every service that sets a password wraps the
# database key under it in the key-slot file, after the change is flushed and before the transaction
# commits (the write lock, taken at BEGIN IMMEDIATE, keeps two writers of the slot file apart). If a crash
# falls between writing the slot file and the commit, the slot holds the new password while the database
# still holds the old hash: that one account's sign-in then fails (with the one message) until an
# administrator resets its password, or the recovery key is used; no data is lost, and the window is
# one commit long. The other way round (commit first, then the slot) would leave the same state.
def _slots(session: Session) -> tuple[encryption.KeyFile, bytes, object] | None:
    """The key slots of the session's database, its key and the slot file's path; None for a plain one."""
    try:
        db = database_of(session)
    except TypeError:
        return None
    if db.key is None or db.key_file is None:
        return None
    return encryption.KeyFile.load(db.key_file), db.key, db.key_file


def _set_slot(session: Session, username: str, password: str) -> None:
    found = _slots(session)
    if found is not None:
        slots, key, path = found
        slots.set_slot(username, password, key)
        slots.save(path)  # type: ignore[arg-type]


def _change_slot(session: Session, username: str, *, remove: bool = False, renamed_to: str = "") -> None:
    found = _slots(session)
    if found is not None:
        slots, _key, path = found
        if remove:
            slots.remove_slot(username)
        elif renamed_to:
            slots.rename_slot(username, renamed_to)
        slots.save(path)  # type: ignore[arg-type]


@requires(Permission.MANAGE_ACCOUNTS)
def add_user(session: Session, actor: Actor, form: UserForm) -> int:
    problems = _validate(session, form, None, new_password=True)
    if problems:
        raise ValidationFailed(problems)
    user = User(username=form.username.strip(), display_name=form.display_name.strip(), role=form.role,
                password_hash=HASHER.hash(form.password), staff_id=form.staff_id, active=True, failed_attempts=0)
    _set_classes(user, form.classes)
    session.add(user)
    session.flush()
    audit.record(session, actor, Action.CREATE, ENTITY, user.id, user.display_name, after=_snapshot(user))
    session.flush()
    _set_slot(session, user.username, form.password)
    return user.id


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(translate("Accounts", "There is no such account."))
    return user


def _administrators_left(session: Session, without: int) -> int:
    return session.scalar(select(func.count(User.id)).where(
        User.role == Role.ADMIN.value, User.active.is_(True), User.id != without)) or 0


@requires(Permission.MANAGE_ACCOUNTS)
def update_user(session: Session, actor: Actor, user_id: int, form: UserForm, active: bool = True) -> None:
    user = _user(session, user_id)
    problems = _validate(session, form, user_id, new_password=False)
    if user.role == Role.ADMIN.value and (form.role != Role.ADMIN.value or not active) \
            and not _administrators_left(session, user_id):
        problems.append(error("role", "admin.last", translate(
            "Accounts", "This is the only administrator: make another administrator first.")))
    if problems:
        raise ValidationFailed(problems)
    before = _snapshot(user)
    old_name = user.username
    user.username, user.display_name, user.role = form.username.strip(), form.display_name.strip(), form.role
    user.staff_id, user.active = form.staff_id, active
    _set_classes(user, form.classes)
    session.flush()
    after = _snapshot(user)
    if before != after:
        audit.record(session, actor, Action.UPDATE, ENTITY, user.id, user.display_name, before=before, after=after)
        session.flush()
    if not active:
        _change_slot(session, old_name, remove=True)  # a deactivated account no longer opens the database
    elif old_name.lower() != user.username.lower():
        _change_slot(session, old_name, renamed_to=user.username)


@requires(Permission.MANAGE_ACCOUNTS)
def reset_password(session: Session, actor: Actor, user_id: int, password: str) -> None:
    """A new password (the person changes it when they like); also lifts a lock."""
    problems = _password_problems(password)
    if problems:
        raise ValidationFailed(problems)
    user = _user(session, user_id)
    user.password_hash = HASHER.hash(password)
    user.failed_attempts = 0
    user.locked_until = None
    audit.record(session, actor, Action.UPDATE, ENTITY, user.id, translate("Accounts", "password reset"))
    session.flush()
    if user.active:
        _set_slot(session, user.username, password)


@requires(Permission.MANAGE_ACCOUNTS)
def unlock(session: Session, actor: Actor, user_id: int) -> None:
    user = _user(session, user_id)
    if user.locked_until is None and not user.failed_attempts:
        return
    user.failed_attempts = 0
    user.locked_until = None
    audit.record(session, actor, Action.UPDATE, ENTITY, user.id, translate("Accounts", "unlocked"))


def change_own_password(session: Session, actor: Actor, old: str, new: str) -> None:
    if actor.user_id is None:
        raise SchoolAidError(translate("Accounts", "Sign in first."))
    user = _user(session, actor.user_id)
    if not _verify(user, old):
        raise ValidationFailed([error("old", "password.wrong", translate("Accounts", "The current password is wrong."))])
    problems = _password_problems(new, "new")
    if problems:
        raise ValidationFailed(problems)
    user.password_hash = HASHER.hash(new)
    audit.record(session, actor, Action.UPDATE, ENTITY, user.id, translate("Accounts", "password changed"))
    session.flush()
    _set_slot(session, user.username, new)


def _verify(user: User, password: str) -> bool:
    try:
        return HASHER.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def actor_for(user: User) -> Actor:
    return Actor(user.display_name, role=user.role, user_id=user.id, staff_id=user.staff_id,
                 classes=frozenset((c.school_id, c.stage, c.grade, c.class_name) for c in user.classes))


# Every failed sign-in gets one answer, whatever went wrong: an unknown name, a deactivated account,
# a wrong password (the 1st or the 5th), or an account that is locked. A different answer for any of
# these would tell whoever sits at the PC which user names exist, and a countdown of "N more tries"
# (a count only a real account has) would do the same. What a real user needs is to
# know that there is a limit and what to do when it is reached; the fixed message says that.
#
# Locks: while an account is locked its password is not checked at all (else the lock would not
# stop guessing: a different answer for the right password would be the oracle the lock is there to
# deny), so its owner, even typing the right password, gets the same message, which names the lock
# as one possible cause and who can lift it. An attacker who types five wrong passwords for a name
# and then gets the same message still cannot tell a locked account from a name that never existed.
#
# Every failure is on the audit trail, from the first: for a known account as that account (with the
# count so far), for an unknown name with the name as typed (cut to 64 characters) and never the
# password, so the administrator sees a name being guessed at.
TYPED_NAME_KEPT = 64


def _failed(session: Session, user: User | None, typed: str, reason: str, at: dt.datetime | None = None) -> SignIn:
    after: dict[str, object] = {"username": typed[:TYPED_NAME_KEPT], "reason": reason}
    if user is not None:
        after["failed_attempts"] = user.failed_attempts
    if at is not None:  # journaled while the encrypted database could not be opened: when it happened (UTC)
        after["attempted_at"] = at.isoformat()
    actor = actor_for(user) if user is not None else Actor(typed[:TYPED_NAME_KEPT])
    audit.record(session, actor, Action.SIGN_IN_FAILED, ENTITY, user.id if user is not None else None,
                 translate("Accounts", "sign-in failed"), after=after)
    return SignIn(None, sign_in_refused_message())


def sign_in_refused_message() -> str:
    """The one answer to every failed sign-in (see the note above)."""
    return translate("Accounts", "The user name or the password is wrong.") + " " + translate(
        "Accounts", "After {n} wrong passwords in a row an account is locked for {minutes} minutes; the administrator "
        "can unlock it.").format(n=MAX_FAILED_ATTEMPTS, minutes=LOCK_MINUTES)


_DUMMY_HASH: list[str] = []


def _spend_a_verify(password: str) -> None:
    """As long as checking a real password takes, so that the time of the answer does not tell an
    unknown name from a known one."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(HASHER.hash("not a password of anyone"))
    try:
        HASHER.verify(_DUMMY_HASH[0], password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        pass


def sign_in(session: Session, username: str, password: str, *, now: dt.datetime) -> SignIn:
    """Check a password. Failures are counted, recorded and a lock recorded in this same transaction,
    so the caller commits whatever the outcome (``db.run``) and shows ``message``. ``now`` is in UTC."""
    typed = username.strip()
    user = session.scalar(select(User).where(func.lower(User.username) == typed.lower()))
    if user is None or not user.active:
        _spend_a_verify(password)
        return _failed(session, user, typed, "unknown" if user is None else "inactive")
    if user.locked_until is not None and user.locked_until > now:
        _spend_a_verify(password)
        return _failed(session, user, typed, "locked")
    if not _verify(user, password):
        return _wrong_password(session, user, typed, now)
    found = _slots(session)
    if found is not None and not found[0].has_slot(user.username):
        # The database is open (someone else signed in, or the window is locked) but this account could
        # not open it itself: it waits for a password reset, as at the start.
        return _failed(session, user, typed, "no_key_slot")
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
    user.failed_attempts = 0
    user.locked_until = None
    user.last_sign_in_at = now
    actor = actor_for(user)
    audit.record(session, actor, Action.SIGN_IN, ENTITY, user.id, translate("Accounts", "signed in"))
    return SignIn(actor)


def _wrong_password(session: Session, user: User, typed: str, now: dt.datetime, journaled: bool = False) -> SignIn:
    user.failed_attempts += 1
    outcome = _failed(session, user, typed, "wrong_password", now if journaled else None)
    if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
        user.failed_attempts = 0
        user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
        audit.record(session, actor_for(user), Action.LOCKED, ENTITY, user.id, translate(
            "Accounts", "locked for {minutes} minutes after {n} wrong passwords").format(
                minutes=LOCK_MINUTES, n=MAX_FAILED_ATTEMPTS))
    return outcome


def record_failed_unlocks(session: Session, failures: list[tuple[str, dt.datetime]]) -> None:
    """The failed sign-ins on an encrypted database, journaled beside it while it could not be opened
    (``encryption.journal_failure``: its key is not known without a right password), each recorded as
    ``sign_in`` records a failure, at its own time (UTC): counted against its account, locking it after
    five, and on the audit trail with the name as typed."""
    found = _slots(session)
    slots = found[0] if found is not None else None
    for typed, at in failures:
        user = session.scalar(select(User).where(func.lower(User.username) == typed.strip().lower()))
        if user is None or not user.active:
            _failed(session, user, typed, "unknown" if user is None else "inactive", at)
        elif slots is not None and not slots.has_slot(user.username):
            _failed(session, user, typed, "no_key_slot", at)  # waits for a password reset: not counted
        elif user.locked_until is not None and user.locked_until > at:
            _failed(session, user, typed, "locked", at)
        else:
            _wrong_password(session, user, typed, at, journaled=True)


def list_users(session: Session) -> list[UserView]:
    users = session.scalars(select(User).order_by(User.role, User.username)).all()
    try:
        found = _slots(session)
        slots = found[0] if found is not None else None
    except encryption.KeysMissing:  # removed while the database is open: nobody's slot is left
        slots = encryption.KeyFile.new()
    return [UserView(u.id, u.username, u.display_name, u.role, u.active, u.locked_until, u.failed_attempts,
                     u.last_sign_in_at, u.staff_id,
                     tuple(ClassRef(c.school_id, c.stage, c.grade, c.class_name) for c in u.classes),
                     needs_password_reset=slots is not None and u.active and not slots.has_slot(u.username))
            for u in users]


def idle_minutes(session: Session) -> int:
    setting = session.get(Setting, IDLE_SETTING)
    try:
        return int(setting.value) if setting else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def known_classes(session: Session) -> list[tuple[ClassRef, str]]:
    """The classes on the roster, to choose a teacher's from: (class, "school 三年级 2班")."""
    from schoolaid.common.grades import grade_label
    from schoolaid.storage.models import Student

    rows = session.execute(select(Student.school_id, School.name, Student.stage, Student.grade, Student.class_name)
                           .join(School, School.id == Student.school_id)
                           .where(Student.class_name != "").distinct()
                           .order_by(School.sort_order, School.id, Student.stage, Student.grade, Student.class_name))
    return [(ClassRef(school_id, stage, grade, name), f"{school} {grade_label(stage, grade)} {name}")
            for school_id, school, stage, grade, name in rows]


def recover_administrator(session: Session, username: str, new_password: str, *, now: dt.datetime) -> Actor:
    """A new password for an administrator's account, set by whoever holds the recovery key (the caller,
    ``accounts.unlocking.recover``, has opened the database with it: that is the proof). Lifts a lock;
    recorded, as that administrator, and the account's key slot made anew. ``now`` is in UTC."""
    typed = username.strip()
    user = session.scalar(select(User).where(func.lower(User.username) == typed.lower()))
    if user is None or not user.active or user.role != Role.ADMIN.value:
        raise ValidationFailed([error("username", "username.not_admin", translate(
            "Accounts", "There is no active administrator's account called {name}: the recovery key sets a new "
            "password for an administrator only. Check the user name.").format(name=typed))])
    problems = _password_problems(new_password)
    if problems:
        raise ValidationFailed(problems)
    user.password_hash = HASHER.hash(new_password)
    user.failed_attempts = 0
    user.locked_until = None
    user.last_sign_in_at = now
    actor = actor_for(user)
    audit.record(session, actor, Action.UPDATE, ENTITY, user.id, translate(
        "Accounts", "password set with the recovery key"))
    session.flush()
    _set_slot(session, user.username, new_password)
    return actor


def record_encrypted(session: Session, actor: Actor, converted: bool) -> None:
    """On the record: the database was encrypted at rest (made so with its first account, or converted
    from a plain one at an administrator's sign-in)."""
    audit.record(session, actor, Action.UPDATE, "database", None, translate(
        "Accounts", "database encrypted at rest (converted from a plain database)") if converted else translate(
        "Accounts", "database encrypted at rest"))
