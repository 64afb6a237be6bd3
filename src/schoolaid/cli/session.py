"""A command's work on the database: opening it, signing in the person named by --user, checking
the permission the command declares, running services as that person, and printing for programs."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from schoolaid.accounts import permissions
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, Role
from schoolaid.cli.command import EXIT_OK, Command
from schoolaid.common.errors import DatabaseError, SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.common.paths import default_database_path
from schoolaid.storage import encryption
from schoolaid.storage.database import Database, open_database

T = TypeVar("T")
P = ParamSpec("P")


def clock_now() -> dt.datetime:
    """The local date and time: the one place the command line reads the clock. Every command gives
    it (or ``clock_today()``) to the services that judge "today", "overdue", "this term" or "due"."""
    return dt.datetime.now()


def clock_today() -> dt.date:
    return clock_now().date()


def clock_utcnow() -> dt.datetime:
    """``clock_now()`` in UTC, as account locks are stored."""
    return clock_now().astimezone(dt.timezone.utc).replace(tzinfo=None)


def read_password(path: Path) -> str:
    try:
        text = sys.stdin.readline() if str(path) == "-" else path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SchoolAidError(translate("Cli", "The password file {path} cannot be read: {detail}.").format(
            path=path, detail=exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        raise SchoolAidError(translate("Cli", "The password file {path} is not UTF-8 text.").format(path=path)) from exc
    lines = text.splitlines()
    password = lines[0] if lines else ""
    if not password:
        raise SchoolAidError(translate("Cli", "The password file {path} is empty.").format(path=path))
    return password


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The database, with ``args.actor`` signed in and allowed to run this command. An encrypted
    database is opened only after the sign-in (the password unwraps its key); a plain one with accounts
    is encrypted at an administrator's sign-in, and the recovery key said once, on standard error."""
    from schoolaid.accounts import unlocking

    path = Path(args.db or default_database_path())
    if not create and not path.exists():
        raise SchoolAidError(translate("Cli", "There is no database at {path}. Check the path, or create one with "
                                              "\u201cschoolaid demo\u201d or by starting the program.").format(path=path))
    remove_leftovers(path)
    if encryption.state(path) == encryption.ENCRYPTED and encryption.keys_path(path).exists():
        username, password = _credentials(args)
        opened = unlocking.sign_in_and_open(path, username, password, now=clock_utcnow(), convert=False)
        if opened.db is None:
            raise SchoolAidError(opened.outcome.message)
        db, args.actor = opened.db, opened.actor
    else:
        db = open_database(path)
    try:
        encrypted = None
        if opened_plain := db.key is None:
            args.actor = _sign_in(args, db)
        if opened_plain and args.actor.user_id is not None and args.actor.role == Role.ADMIN.value:
            username, password = _credentials(args)
            try:
                db, encrypted = unlocking.encrypt_open_database(db, username, password, args.actor, converted=True)
            except DatabaseError as exc:  # open in the window, say: the command goes on, on the plain database
                db = open_database(path)
                print(translate(
                    "Cli", "The database could not be encrypted now ({detail}). It stays as it was, and is encrypted "
                    "at an administrator's next sign-in.").format(detail=exc.message), file=sys.stderr)
        if encrypted is not None:
            print(translate(
                "Cli", "The database is now encrypted (converted at this administrator's sign-in). Its recovery key, "
                "shown this once: {key} Write it on paper and keep it in the principal's safe: it opens the "
                "database if every password is forgotten. The other accounts sign in again once an administrator "
                "resets their passwords.").format(key=encrypted.recovery_key), file=sys.stderr)
        for permission in required(args):
            db.query(permissions.check, args.actor, permission)
    except BaseException:
        db.close()
        raise
    return db


def remove_leftovers(path: Path) -> None:
    """Remove what a command or window killed in the middle of its work left beside the database (a
    snapshot, a decrypted backup, half-written copies) and say so on standard error, in one line."""
    from schoolaid.backup import leftovers

    removed = leftovers.remove_leftovers(path)
    if removed:
        print(leftovers.describe_leftovers(removed), file=sys.stderr)


def required(args: argparse.Namespace) -> list[Permission]:
    """What the command declares it needs, for the person signed in."""
    spec: Command = args.command_spec
    needed = []
    if spec.needs.permission is not None and not (spec.needs.own_classes and permissions.is_teacher(args.actor)):
        needed.append(spec.needs.permission)
    if getattr(args, "full_id", False):
        needed.append(Permission.VIEW_FULL_ID)
    return needed


def read(args: argparse.Namespace, service: Callable[Concatenate[Session, P], T], *service_args: P.args,
         **kwargs: P.kwargs) -> T:
    """One read-only service on the database, signed in and allowed."""
    db = open_db(args)
    try:
        return db.query(service, *service_args, **kwargs)
    finally:
        db.close()


def export(args: argparse.Namespace, service: Callable[Concatenate[Session, Actor, P], T], *service_args: P.args,
           **kwargs: P.kwargs) -> T:
    """One export or printout on the database, as the person signed in (the service checks again,
    and puts a full-ID export on the record before its file exists)."""
    db = open_db(args)
    try:
        return db.query(service, args.actor, *service_args, **kwargs)
    finally:
        db.close()


def _credentials(args: argparse.Namespace) -> tuple[str, str]:
    """--user and the password from --user-password-file (read once: standard input is read once)."""
    if getattr(args, "user_password", None):
        return args.user, args.user_password
    if not getattr(args, "user", None):
        raise SchoolAidError(translate(
            "Cli", "This database has accounts: name yours with --user NAME and give its password with "
            "--user-password-file F (or - to type it on standard input)."))
    if getattr(args, "user_password_file", None) is None:
        raise SchoolAidError(translate("Cli", "Give the password of {user} with --user-password-file F.").format(
            user=args.user))
    args.user_password = read_password(args.user_password_file)
    return args.user, args.user_password


def _sign_in(args: argparse.Namespace, db: Database) -> Actor:
    """The account named by --user, on a database with accounts; the operator named by --operator
    (or "command line") on one without."""
    from schoolaid.accounts import accounts

    if not db.query(permissions.accounts_enabled):
        return Actor(getattr(args, "operator", None) or translate("Cli", "command line"))
    username, password = _credentials(args)
    outcome = db.run(accounts.sign_in, username, password, now=clock_utcnow())
    if outcome.actor is None:
        raise SchoolAidError(outcome.message)
    return outcome.actor


def teacher_classes(args: argparse.Namespace) -> frozenset[tuple[int, str, int, str]] | None:
    """A teacher sees only their classes (``args.actor`` is set once signed in)."""
    actor = getattr(args, "actor", None)
    return actor.classes if actor is not None and permissions.is_teacher(actor) else None


def school_id(db: Database, name: str) -> int:
    from schoolaid.township import township

    found = next((s.id for s in db.query(township.list_schools) if s.name == name), None)
    if found is None:
        raise SchoolAidError(translate("Cli", "There is no school called {name}.").format(name=name))
    return found


def note_full_ids(path: Path) -> None:
    print(translate("Cli", "Note: {path} carries full ID numbers of minors. Keep it on this PC, or delete it when "
                           "done.").format(path=path), file=sys.stderr)


def print_json(data: object) -> int:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return EXIT_OK
