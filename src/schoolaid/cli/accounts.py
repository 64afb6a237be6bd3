"""schoolaid users and schoolaid audit: accounts, and the audit trail's check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from schoolaid.accounts import permissions
from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    NOTHING,
    Group,
    Needs,
    command,
    db_option,
    json_option,
)
from schoolaid.cli.session import clock_today, clock_utcnow, open_db, print_json, read_password, school_id
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.storage.database import Database

USERS = Group("users", lambda: translate("Cli", "accounts: who signs in, with which role"))
AUDIT = Group("audit", lambda: translate("Cli", "the audit trail"))


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    parser.add_argument("--username", required=True, metavar="NAME")
    parser.add_argument("--name", required=True, metavar="DISPLAY", help=translate(
        "Cli", "the person's name as the records show it"))
    parser.add_argument("--role", required=True, choices=[r.value for r in permissions.Role])
    parser.add_argument("--class", dest="classes", action="append", default=[], metavar="SCHOOL/STAGE/GRADE/CLASS",
                        help=translate("Cli", "a teacher's class, e.g. 平地镇中心校/小学/3/2班 (repeat for more)"))
    parser.add_argument("--staff-id", type=int, metavar="ID", help=translate(
        "Cli", "the staff member this account belongs to (a teacher's own pairings and visits)"))
    parser.add_argument("--new-password-file", type=Path, required=True, metavar="F", help=translate(
        "Cli", "a file whose first line is the new account's password, or - for standard input"))
    recovery_sheet_option(parser)


def recovery_sheet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--recovery-sheet", type=Path, metavar="FILE.pdf", help=translate(
        "Cli", "when this encrypts the database (its first account), also write the recovery-key sheet to print "
        "for the principal's safe"))


def say_recovery_key(args: argparse.Namespace, db: Database, recovery_key: str) -> None:
    """The recovery key, once, on standard output (and the sheet, if asked for); never kept."""
    print(translate(
        "Cli", "The database is now encrypted. Its recovery key, shown this once: {key} Write it on paper (or print "
        "the sheet) and keep it in the principal's safe: it opens the database if every password is "
        "forgotten.").format(key=recovery_key))
    if getattr(args, "recovery_sheet", None):
        from schoolaid.documents.pdf import recovery_sheet
        from schoolaid.township import township

        schools = db.query(township.list_schools)
        recovery_sheet.write_sheet(args.recovery_sheet, schools[0].name if schools else "", clock_today(),
                                   recovery_key)
        print(translate("Cli", "Recovery-key sheet written to {path}: print it, then delete the file.").format(
            path=args.recovery_sheet))


# The services decide: the first account (the administrator's) needs no one signed in; every later
# one, someone who may manage accounts.
@command(USERS, "add", help=lambda: translate(
    "Cli", "add an account (the first one, on a database without accounts, must be the administrator's)"),
         arguments=_add_arguments, needs=NOTHING, allow_abbrev=False)
def add_user(args: argparse.Namespace) -> int:
    from schoolaid.accounts import accounts, unlocking

    db = open_db(args)
    try:
        password = read_password(args.new_password_file)
        if not db.query(permissions.accounts_enabled):
            if args.role != permissions.Role.ADMIN.value:
                raise SchoolAidError(translate(
                    "Cli", "This database has no accounts yet: the first account must be the administrator's "
                    "(--role admin)."))
            actor = db.run(accounts.create_first_administrator, args.username, args.name, password)
            db, encrypted = unlocking.encrypt_open_database(db, args.username, password, actor)
            print(translate("Cli", "Account {user} ({role}) added.").format(
                user=args.username, role=permissions.role_label(args.role)))
            say_recovery_key(args, db, encrypted.recovery_key)
            return EXIT_OK
        else:
            classes = tuple(_class_ref(db, text) for text in args.classes)
            db.run(accounts.add_user, args.actor, accounts.UserForm(
                args.username, args.name, args.role, password, args.staff_id, classes))
    finally:
        db.close()
    print(translate("Cli", "Account {user} ({role}) added.").format(
        user=args.username, role=permissions.role_label(args.role)))
    return EXIT_OK


def _class_ref(db: Database, text: str) -> Any:
    from schoolaid.accounts import accounts

    parts = text.split("/")
    if len(parts) != 4 or not parts[2].isdigit():
        raise SchoolAidError(translate("Cli", "Write a class as SCHOOL/STAGE/GRADE/CLASS, e.g. 平地镇中心校/小学/3/2班: "
                                              "{text}").format(text=text))
    return accounts.ClassRef(school_id(db, parts[0]), parts[1], int(parts[2]), parts[3])


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)


@command(USERS, "list", help=lambda: translate("Cli", "list the accounts"), arguments=_list_arguments,
         needs=Needs(Permission.MANAGE_ACCOUNTS))
def list_users(args: argparse.Namespace) -> int:
    from schoolaid.accounts import accounts

    db = open_db(args)
    try:
        users = db.query(accounts.list_users)
    finally:
        db.close()
    if args.json:
        return print_json({"users": [{
            "id": u.id, "username": u.username, "name": u.display_name, "role": u.role, "active": u.active,
            "locked": u.locked(clock_utcnow()), "last_sign_in": u.last_sign_in_at.isoformat() if u.last_sign_in_at else None,
            "needs_password_reset": u.needs_password_reset,
            "classes": [f"{c.school_id}/{c.stage}/{c.grade}/{c.class_name}" for c in u.classes]}
            for u in users]})
    for u in users:
        state = translate("Cli", "locked") if u.locked(clock_utcnow()) else ("" if u.active else translate("Cli", "inactive"))
        if u.needs_password_reset:
            state = " ".join(filter(None, [state, translate("Cli", "needs a password reset")]))
        print("\t".join([u.username, u.display_name, u.role_label, state]))
    return EXIT_OK


def _account(db: Database, username: str) -> Any:
    from schoolaid.accounts import accounts

    user = next((u for u in db.query(accounts.list_users) if u.username.lower() == username.lower()), None)
    if user is None:
        raise SchoolAidError(translate("Cli", "There is no account {user}.").format(user=username))
    return user


def _reset_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username", metavar="USERNAME")
    db_option(parser)
    parser.add_argument("--new-password-file", type=Path, required=True, metavar="F")


@command(USERS, "reset-password", help=lambda: translate("Cli", "set a new password for an account (also unlocks it)"),
         arguments=_reset_arguments, needs=Needs(Permission.MANAGE_ACCOUNTS), allow_abbrev=False)
def reset_password(args: argparse.Namespace) -> int:
    from schoolaid.accounts import accounts

    db = open_db(args)
    try:
        user = _account(db, args.username)
        db.run(accounts.reset_password, args.actor, user.id, read_password(args.new_password_file))
    finally:
        db.close()
    print(translate("Cli", "New password set for {user}.").format(user=user.username))
    return EXIT_OK


def _unlock_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username", metavar="USERNAME")
    db_option(parser)


@command(USERS, "unlock", help=lambda: translate("Cli", "unlock an account locked by wrong passwords"),
         arguments=_unlock_arguments, needs=Needs(Permission.MANAGE_ACCOUNTS))
def unlock(args: argparse.Namespace) -> int:
    from schoolaid.accounts import accounts

    db = open_db(args)
    try:
        user = _account(db, args.username)
        db.run(accounts.unlock, args.actor, user.id)
    finally:
        db.close()
    print(translate("Cli", "{user} is unlocked.").format(user=user.username))
    return EXIT_OK


def _verify_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)
    parser.add_argument("--against", type=Path, metavar="BACKUP.sabk", help=translate(
        "Cli", "also check that the trail still passes through the head recorded in an earlier backup's header "
        "(newest rows removed since)"))


@command(AUDIT, "verify", help=lambda: translate(
    "Cli", "check the audit trail's hash chain and that the ledger, case logs and visits match it"),
         arguments=_verify_arguments, needs=Needs(Permission.VIEW_AUDIT))
def verify_audit(args: argparse.Namespace) -> int:
    from schoolaid.accounts import audit_verify

    db = open_db(args)
    try:
        report = db.query(audit_verify.verify)
        if args.against is not None:
            from schoolaid.backup import backup

            earlier = backup.read_info(args.against)
            finding = db.query(audit_verify.continues_from, earlier.audit_rows, earlier.audit_head)
            if finding is not None:
                report.chain.insert(0, finding)
    finally:
        db.close()
    if args.json:
        print_json(report.as_json())
    elif report.ok:
        print(translate("Cli", "The audit trail is intact: {rows} rows, chain head {head}; {records} ledger entries, "
                               "case log entries and visits match it.").format(
            rows=report.rows, head=report.head[:16], records=report.checked_records))
    if not report.ok:
        problem = report.first_problem
        assert problem is not None
        print(translate("Cli", "schoolaid: the audit trail shows tampering: {problem}").format(
            problem=problem.message), file=sys.stderr)
        for finding in (report.chain + report.records)[1:20]:
            print(f"  {finding.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _recover_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser, default=None)
    parser.add_argument("--recovery-key-file", type=Path, required=True, metavar="F", help=translate(
        "Cli", "a file whose first line is the recovery key from the sheet in the principal's safe, or - for "
        "standard input"))
    parser.add_argument("--user", required=True, metavar="NAME", help=translate(
        "Cli", "the administrator's account that gets a new password"))
    parser.add_argument("--new-password-file", type=Path, required=True, metavar="F", help=translate(
        "Cli", "a file whose first line is the new password, or - for standard input"))


@command(USERS, "recover", help=lambda: translate(
    "Cli", "with the recovery key, open the encrypted database and set a new password for an administrator"),
         arguments=_recover_arguments, needs=NOTHING, allow_abbrev=False)
def recover(args: argparse.Namespace) -> int:
    from schoolaid.accounts import unlocking
    from schoolaid.cli.session import remove_leftovers
    from schoolaid.common.paths import default_database_path

    path = Path(args.db or default_database_path())
    if not path.exists():
        raise SchoolAidError(translate("Cli", "There is no database at {path}. Check the path.").format(path=path))
    remove_leftovers(path)
    recovery_key = read_password(args.recovery_key_file)
    new_password = read_password(args.new_password_file)
    opened = unlocking.recover(path, recovery_key, args.user, new_password, now=clock_utcnow())
    assert opened.db is not None
    opened.db.close()
    print(translate("Cli", "New password set for {user} with the recovery key; other accounts without a key slot "
                           "need an administrator to reset their passwords.").format(user=args.user))
    return EXIT_OK
