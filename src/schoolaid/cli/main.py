"""The command line: a second face on the same services as the window.

Exit status: 0 success, 1 bad input (one line on stderr saying what is wrong), 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from schoolaid import __version__
from schoolaid.accounts import permissions
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.common.paths import default_database_path
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.database import Database, open_database
from schoolaid.township import township

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def _db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--db", metavar="PATH", type=Path, default=default, help=translate(
        "Cli", "database file (default: {path})").format(path=default_database_path()))
    if default is argparse.SUPPRESS:  # a command that works on the database: who is working
        _user_options(parser)


def _user_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAME", help=translate(
        "Cli", "the account to act as, on a database with accounts (its role decides what is allowed)"))
    parser.add_argument("--user-password-file", type=Path, metavar="F", help=translate(
        "Cli", "a file whose first line is that account's password, or - for standard input"))


def _operator_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--operator", default=translate("Cli", "command line"), help=translate(
        "Cli", "name recorded in the audit trail as the person making the change"))


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-file", type=Path, required=True, metavar="F", help=translate(
        "Cli", "a file whose first line is the backup password, or - to read it from standard input (never "
        "typed as an argument: others could read it in the process list)"))


def _read_password(path: Path) -> str:
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="schoolaid",
        description=translate("Cli", "SchoolAid: student roster, household pairing, subsidy ledger and dropout "
                                     "case files of a township central school. Without a command, opens the window."))
    parser.add_argument("--version", action="version", version=f"SchoolAid {__version__}")
    _db_option(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    roster_parser = commands.add_parser("roster", help=translate("Cli", "the student roster"))
    roster_commands = roster_parser.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    listing = roster_commands.add_parser("list", help=translate("Cli", "list students"))
    _db_option(listing, argparse.SUPPRESS)
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    listing.add_argument("--search", default="", help=translate(
        "Cli", "name, pinyin initials or ID digits, as in the search box"))
    listing.add_argument("--status", choices=[s.value for s in EnrollmentStatus], help=translate(
        "Cli", "only students with this enrollment status"))
    listing.add_argument("--full-id", action="store_true", help=translate(
        "Cli", "include full ID numbers (they are masked otherwise)"))

    importing = roster_commands.add_parser("import", help=translate(
        "Cli", "import students from an Excel or CSV roster (.xlsx, .xls, .csv)"))
    importing.add_argument("file", type=Path, metavar="FILE")
    _db_option(importing, argparse.SUPPRESS)
    importing.add_argument("--dry-run", action="store_true", help=translate(
        "Cli", "check the file and report, without writing anything"))
    importing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    importing.add_argument("--existing", choices=["update", "skip"], default="update", help=translate(
        "Cli", "students already on the roster (same ID number): update them from the sheet, or skip them "
        "(default: update)"))
    importing.add_argument("--school", metavar="NAME", help=translate(
        "Cli", "the school of every row, for a sheet without a school column"))
    importing.add_argument("--rejected", type=Path, metavar="OUT.xlsx", help=translate(
        "Cli", "also save the rejected rows, with the reasons, to send back to whoever typed them"))
    _operator_option(importing)

    exporting = roster_commands.add_parser("export", help=translate("Cli", "export the roster to .xlsx"))
    exporting.add_argument("file", type=Path, metavar="FILE.xlsx")
    _db_option(exporting, argparse.SUPPRESS)
    exporting.add_argument("--search", default="", help=translate(
        "Cli", "name, pinyin initials or ID digits, as in the search box"))
    exporting.add_argument("--status", choices=[s.value for s in EnrollmentStatus], help=translate(
        "Cli", "only students with this enrollment status"))
    exporting.add_argument("--full-id", action="store_true", help=translate(
        "Cli", "include full ID numbers (they are masked otherwise)"))

    surveying = roster_commands.add_parser("survey", help=translate(
        "Cli", "export the poor villages' survey of children's education (贫困村儿童、青少年接受教育情况调查表)"))
    surveying.add_argument("file", type=Path, metavar="FILE.xlsx")
    _db_option(surveying, argparse.SUPPRESS)

    pairing_parser = commands.add_parser("pairing", help=translate("Cli", "household pairing (结对帮扶)"))
    pairing_commands = pairing_parser.add_subparsers(dest="pairing_command", metavar="ACTION", required=True)
    pairing_list = pairing_commands.add_parser("list", help=translate(
        "Cli", "active pairings and the gaps: unpaired households, quotas, overdue visits"))
    _db_option(pairing_list, argparse.SUPPRESS)
    pairing_list.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    register = pairing_commands.add_parser("register", help=translate(
        "Cli", "export the pairing register (结对帮扶花名册) to .xlsx"))
    register.add_argument("file", type=Path, metavar="FILE.xlsx")
    _db_option(register, argparse.SUPPRESS)
    visit_sheets = pairing_commands.add_parser("visits", help=translate(
        "Cli", "export a visit record sheet per helper (走访记录表) to .xlsx"))
    visit_sheets.add_argument("file", type=Path, metavar="FILE.xlsx")
    _db_option(visit_sheets, argparse.SUPPRESS)

    ledger_parser = commands.add_parser("ledger", help=translate("Cli", "the subsidy ledger (资助台账)"))
    ledger_commands = ledger_parser.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    programmes = ledger_commands.add_parser("programmes", help=translate("Cli", "list the subsidy programmes"))
    _db_option(programmes, argparse.SUPPRESS)
    programmes.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    posting = ledger_commands.add_parser("post", help=translate(
        "Cli", "post a programme's month for every eligible student not yet covered"))
    posting.add_argument("--programme", required=True, metavar="CODE", help=translate("Cli", "the programme's code"))
    posting.add_argument("--month", required=True, metavar="YYYY-MM")
    _db_option(posting, argparse.SUPPRESS)
    posting.add_argument("--dry-run", action="store_true", help=translate(
        "Cli", "show who and how much, without writing anything"))
    posting.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    _operator_option(posting)
    gaps_parser = ledger_commands.add_parser("gaps", help=translate(
        "Cli", "eligible students with no entry for a month or a quarter"))
    gaps_parser.add_argument("--period", required=True, metavar="YYYY-QN|YYYY-MM")
    _db_option(gaps_parser, argparse.SUPPRESS)
    gaps_parser.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    ledger_export_parser = ledger_commands.add_parser("export", help=translate(
        "Cli", "export the ledger to .xlsx in the bureau's columns"))
    ledger_export_parser.add_argument("file", type=Path, metavar="FILE.xlsx")
    _db_option(ledger_export_parser, argparse.SUPPRESS)
    ledger_export_parser.add_argument("--from", dest="month_from", metavar="YYYY-MM", default="")
    ledger_export_parser.add_argument("--to", dest="month_to", metavar="YYYY-MM", default="")
    ledger_export_parser.add_argument("--full-id", action="store_true", help=translate(
        "Cli", "include full ID numbers (they are masked otherwise)"))

    cases_parser = commands.add_parser("cases", help=translate("Cli", "dropout case files (控辍保学)"))
    cases_commands = cases_parser.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    cases_list = cases_commands.add_parser("list", help=translate("Cli", "list the dropout cases, open ones first"))
    _db_option(cases_list, argparse.SUPPRESS)
    cases_list.add_argument("--open", dest="open_only", action="store_true", help=translate(
        "Cli", "only cases still being persuaded"))
    cases_list.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    ledgers = cases_commands.add_parser("ledgers", help=translate(
        "Cli", "export the three ledgers (school-age children, suspected dropouts, dropouts) to .xlsx"))
    ledgers.add_argument("file", type=Path, metavar="FILE.xlsx")
    _db_option(ledgers, argparse.SUPPRESS)

    print_parser = commands.add_parser("print", help=translate("Cli", "printed documents as PDF"))
    print_commands = print_parser.add_subparsers(dest="print_command", metavar="DOCUMENT", required=True)
    notice = print_commands.add_parser("notice", help=translate(
        "Cli", "the enrollment-urging notice of a case (issued now if the case has none)"))
    notice.add_argument("case_id", type=int, metavar="CASE_ID")
    _db_option(notice, argparse.SUPPRESS)
    notice.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    _operator_option(notice)
    due = print_commands.add_parser("due-notices", help=translate(
        "Cli", "issue and print every notice due (repeated attempts failed), in one PDF"))
    _db_option(due, argparse.SUPPRESS)
    due.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    _operator_option(due)
    quarterly_parser = print_commands.add_parser("quarterly", help=translate("Cli", "the quarterly summary"))
    quarterly_parser.add_argument("--year", type=int, required=True, metavar="Y")
    quarterly_parser.add_argument("--quarter", type=int, required=True, metavar="Q", choices=(1, 2, 3, 4))
    _db_option(quarterly_parser, argparse.SUPPRESS)
    quarterly_parser.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    term_parser = print_commands.add_parser("term-report", help=translate("Cli", "the term-start dropout report"))
    term_parser.add_argument("--year", type=int, required=True, metavar="Y")
    term_parser.add_argument("--term", required=True, choices=("autumn", "spring"))
    _db_option(term_parser, argparse.SUPPRESS)
    term_parser.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    for name, helptext in (("ledgers", translate("Cli", "the three dropout ledgers")),
                           ("register", translate("Cli", "the pairing register"))):
        other = print_commands.add_parser(name, help=helptext)
        _db_option(other, argparse.SUPPRESS)
        other.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    sign_off = print_commands.add_parser("sign-off", help=translate("Cli", "the sign-off sheet of a ledger batch"))
    sign_off.add_argument("batch_id", type=int, metavar="BATCH_ID")
    _db_option(sign_off, argparse.SUPPRESS)
    sign_off.add_argument("--out", type=Path, required=True, metavar="F.pdf")

    backup_parser = commands.add_parser("backup", help=translate(
        "Cli", "encrypted backups to carry to the township (.sabk)"))
    backup_commands = backup_parser.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    # No abbreviated options here: "--password" must not quietly mean "--password-file".
    exporting_backup = backup_commands.add_parser("export", allow_abbrev=False, help=translate(
        "Cli", "export an encrypted backup of the database"))
    _db_option(exporting_backup, argparse.SUPPRESS)
    exporting_backup.add_argument("--out", required=True, metavar="FILE", help=translate(
        "Cli", "the backup file, or a folder to put it in under the usual name"))
    _password_option(exporting_backup)
    _operator_option(exporting_backup)
    verifying = backup_commands.add_parser("verify", allow_abbrev=False, help=translate(
        "Cli", "decrypt a backup and check every part of it, writing nothing"))
    verifying.add_argument("file", type=Path, metavar="FILE")
    _password_option(verifying)
    verifying.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    restoring = backup_commands.add_parser("restore", allow_abbrev=False, help=translate(
        "Cli", "restore a backup into a database file (a database already there is kept as a dated copy)"))
    restoring.add_argument("file", type=Path, metavar="FILE")
    restoring.add_argument("--db", metavar="NEWPATH", type=Path, required=True, help=translate(
        "Cli", "the database file to restore into"))
    _user_options(restoring)
    _password_option(restoring)
    describing = backup_commands.add_parser("info", help=translate(
        "Cli", "what a backup file holds, read from its header without the password"))
    describing.add_argument("file", type=Path, metavar="FILE")
    describing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))

    township_parser = commands.add_parser("township", help=translate("Cli", "the township's view of its schools"))
    township_commands = township_parser.add_subparsers(dest="township_command", metavar="ACTION", required=True)
    summarizing = township_commands.add_parser("summary", allow_abbrev=False, help=translate(
        "Cli", "each school's key figures side by side, from their backups, as .xlsx"))
    summarizing.add_argument("files", type=Path, nargs="+", metavar="FILE")
    _password_option(summarizing)
    summarizing.add_argument("--out", type=Path, required=True, metavar="summary.xlsx")

    users_parser = commands.add_parser("users", help=translate("Cli", "accounts: who signs in, with which role"))
    users_commands = users_parser.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    adding = users_commands.add_parser("add", allow_abbrev=False, help=translate(
        "Cli", "add an account (the first one, on a database without accounts, must be the administrator's)"))
    _db_option(adding, argparse.SUPPRESS)
    adding.add_argument("--username", required=True, metavar="NAME")
    adding.add_argument("--name", required=True, metavar="DISPLAY", help=translate(
        "Cli", "the person's name as the records show it"))
    adding.add_argument("--role", required=True, choices=[r.value for r in permissions.Role])
    adding.add_argument("--class", dest="classes", action="append", default=[], metavar="SCHOOL/STAGE/GRADE/CLASS",
                        help=translate("Cli", "a teacher's class, e.g. 平地镇中心校/小学/3/2班 (repeat for more)"))
    adding.add_argument("--staff-id", type=int, metavar="ID", help=translate(
        "Cli", "the staff member this account belongs to (a teacher's own pairings and visits)"))
    adding.add_argument("--new-password-file", type=Path, required=True, metavar="F", help=translate(
        "Cli", "a file whose first line is the new account's password, or - for standard input"))
    listing_users = users_commands.add_parser("list", help=translate("Cli", "list the accounts"))
    _db_option(listing_users, argparse.SUPPRESS)
    listing_users.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    resetting = users_commands.add_parser("reset-password", allow_abbrev=False, help=translate(
        "Cli", "set a new password for an account (also unlocks it)"))
    resetting.add_argument("username", metavar="USERNAME")
    _db_option(resetting, argparse.SUPPRESS)
    resetting.add_argument("--new-password-file", type=Path, required=True, metavar="F")
    unlocking = users_commands.add_parser("unlock", help=translate("Cli", "unlock an account locked by wrong passwords"))
    unlocking.add_argument("username", metavar="USERNAME")
    _db_option(unlocking, argparse.SUPPRESS)

    audit_parser = commands.add_parser("audit", help=translate("Cli", "the audit trail"))
    audit_commands = audit_parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    checking = audit_commands.add_parser("verify", help=translate(
        "Cli", "check the audit trail's hash chain and that the ledger, case logs and visits match it"))
    _db_option(checking, argparse.SUPPRESS)
    checking.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    checking.add_argument("--against", type=Path, metavar="BACKUP.sabk", help=translate(
        "Cli", "also check that the trail still passes through the head recorded in an earlier backup's header "
        "(newest rows removed since)"))

    indicators_parser = commands.add_parser("indicators", help=translate(
        "Cli", "the plan's indicators against their targets, for a term (the one under way by default)"))
    _db_option(indicators_parser, argparse.SUPPRESS)
    indicators_parser.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))
    indicators_parser.add_argument("--year", type=int, metavar="Y")
    indicators_parser.add_argument("--term", choices=("autumn", "spring"))
    indicators_parser.add_argument("--school", metavar="NAME", help=translate(
        "Cli", "one school instead of the township"))

    demo = commands.add_parser("demo", help=translate("Cli", "fill an empty database with the demo township"))
    _db_option(demo, argparse.SUPPRESS)
    demo.add_argument("--students", type=int, default=1500, metavar="N", help=translate(
        "Cli", "number of students (default 1500)"))
    demo.add_argument("--seed", type=int, default=2026, metavar="S", help=translate(
        "Cli", "random seed: the same seed gives the same township"))
    _operator_option(demo)
    return parser


T = TypeVar("T")
P = ParamSpec("P")


def _now() -> dt.datetime:
    """The local date and time: the one place the command line reads the clock. Every service that
    judges "today", "overdue", "this term" or "due" is given it (or ``_today()``) by the command."""
    return dt.datetime.now()


def _today() -> dt.date:
    return _now().date()


def _utcnow() -> dt.datetime:
    """``_now()`` in UTC, as account locks are stored."""
    return _now().astimezone(dt.timezone.utc).replace(tzinfo=None)


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The database, with ``args.actor`` signed in and allowed to run this command."""
    path = Path(args.db or default_database_path())
    if not create and not path.exists():
        raise SchoolAidError(translate("Cli", "There is no database at {path}. Check the path, or create one with "
                                              "\u201cschoolaid demo\u201d or by starting the program.").format(path=path))
    db = open_database(path)
    try:
        args.actor = _sign_in(args, db)
        for permission in _required(args):
            db.query(permissions.check, args.actor, permission)
    except BaseException:
        db.close()
        raise
    return db


def _read(args: argparse.Namespace, service: Callable[Concatenate[Session, P], T], *service_args: P.args,
          **kwargs: P.kwargs) -> T:
    """One read-only service on the database, signed in and allowed."""
    db = _open(args)
    try:
        return db.query(service, *service_args, **kwargs)
    finally:
        db.close()


def _required(args: argparse.Namespace) -> list[Permission]:
    """What the command needs; the services check their own part again."""
    command = args.command
    action = getattr(args, f"{command}_command", None)
    if command in ("roster", "cases") and action == "list":  # a teacher: their classes only
        needed = [] if permissions.is_teacher(args.actor) else [Permission.VIEW]
    elif command == "users":
        needed = [] if action == "add" else [Permission.MANAGE_ACCOUNTS]
    else:
        needed = [_REQUIRED.get((command, action), Permission.VIEW)]
    if getattr(args, "full_id", False):
        needed.append(Permission.VIEW_FULL_ID)
    return needed


_REQUIRED = {
    ("roster", "import"): Permission.EDIT_ROSTER, ("roster", "export"): Permission.EXPORT,
    ("roster", "survey"): Permission.EXPORT, ("pairing", "register"): Permission.EXPORT,
    ("pairing", "visits"): Permission.EXPORT, ("ledger", "post"): Permission.POST_LEDGER,
    ("ledger", "export"): Permission.EXPORT, ("cases", "ledgers"): Permission.EXPORT,
    ("print", "notice"): Permission.EXPORT, ("print", "due-notices"): Permission.ISSUE_NOTICE,
    ("print", "quarterly"): Permission.EXPORT, ("print", "term-report"): Permission.EXPORT,
    ("print", "ledgers"): Permission.EXPORT, ("print", "register"): Permission.EXPORT,
    ("print", "sign-off"): Permission.EXPORT, ("backup", "export"): Permission.BACKUP,
    ("backup", "restore"): Permission.BACKUP, ("demo", None): Permission.EDIT_SETTINGS,
    ("audit", "verify"): Permission.VIEW_AUDIT,
}


def _sign_in(args: argparse.Namespace, db: Database) -> Actor:
    """The account named by --user, on a database with accounts; the operator named by --operator
    (or "command line") on one without."""
    from schoolaid.accounts import accounts

    if not db.query(permissions.accounts_enabled):
        return Actor(getattr(args, "operator", None) or translate("Cli", "command line"))
    if not getattr(args, "user", None):
        raise SchoolAidError(translate(
            "Cli", "This database has accounts: name yours with --user NAME and give its password with "
            "--user-password-file F (or - to type it on standard input)."))
    if getattr(args, "user_password_file", None) is None:
        raise SchoolAidError(translate("Cli", "Give the password of {user} with --user-password-file F.").format(
            user=args.user))
    outcome = db.run(accounts.sign_in, args.user, _read_password(args.user_password_file),
                     now=_utcnow())
    if outcome.actor is None:
        raise SchoolAidError(outcome.message)
    return outcome.actor


def _full_ids(args: argparse.Namespace, db: Database, ids: list[int], purpose: str) -> dict[int, str | None]:
    """Full ID numbers, revealed on the record, with a warning that the output carries them."""
    print(translate("Cli", "Note: the output carries full ID numbers of minors. Keep it on this PC, or delete it when "
                           "done."), file=sys.stderr)
    return db.run(roster.reveal_id_numbers, args.actor, ids, purpose)


def _note_full_ids(args: argparse.Namespace, db: Database, count: int, purpose: str) -> None:
    print(translate("Cli", "Note: {path} carries full ID numbers of minors. Keep it on this PC, or delete it when "
                           "done.").format(path=purpose), file=sys.stderr)
    db.run(roster.record_id_export, args.actor, count, purpose)


def _roster_list(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        flt = _roster_filter(args)
        with db.read() as session:
            rows = roster.list_rows(session, flt, today=_today())
        full_ids = _full_ids(args, db, [r.id for r in rows], "roster list") if args.full_id else {}
    finally:
        db.close()
    if args.json:
        items = []
        for r in rows:
            item = {
                "id": r.id, "name": r.name, "sex": r.sex,
                "birth_date": r.birth_date.isoformat() if r.birth_date else None,
                "school": r.school, "stage": r.stage, "grade": r.grade_label_zh, "grade_number": r.grade,
                "class": r.class_name, "village": r.village, "household_head": r.household_head,
                "registered_poor": r.registered_poor, "left_behind": r.left_behind, "boarder": r.boarder,
                "status": r.status.value, "id_number_masked": r.id_masked,
            }
            if args.full_id:
                item["id_number"] = full_ids.get(r.id)
            items.append(item)
        json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    headers = [translate("Cli", "Name"), translate("Cli", "Sex"), translate("Cli", "Birth date"),
               translate("Cli", "School"), translate("Cli", "Grade"), translate("Cli", "Class"),
               translate("Cli", "Status"), translate("Cli", "ID number")]
    lines = [headers] + [
        [r.name, r.sex, r.birth_date.isoformat() if r.birth_date else "", r.school, r.grade_label, r.class_name,
         r.status.label(), full_ids.get(r.id) or r.id_masked if args.full_id else r.id_masked]
        for r in rows
    ]
    for line in lines:
        print("\t".join(line))
    print(translate("Cli", "{n} students").format(n=len(rows)), file=sys.stderr)
    return EXIT_OK


def _roster_import(args: argparse.Namespace) -> int:
    from schoolaid.roster import roster_import
    from schoolaid.roster.roster_import import Choice, ImportOptions, Outcome

    source = roster_import.read_source(args.file)  # an unreadable file stops here, with exit status 1
    db = _open(args)
    try:
        school_id = None
        if args.school:
            school_id = next((s.id for s in db.query(township.list_schools) if s.name == args.school), None)
            if school_id is None:
                raise SchoolAidError(translate("Cli", "There is no school called {name}.").format(name=args.school))
        options = ImportOptions(existing=Choice(args.existing), default_school_id=school_id)
        plan = db.query(roster_import.make_plan, source, options, today=_today())
        if not args.dry_run:
            db.run(roster_import.apply_plan, args.actor, plan, today=_today())
    finally:
        db.close()
    if args.rejected and plan.rejected:
        roster_import.save_rejected(plan, args.rejected)
    if args.json:
        json.dump(plan.summary_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    verb = translate("Cli", "Would import") if args.dry_run else translate("Cli", "Imported")
    print(translate("Cli", "{verb}: {new} new, {updated} updated, {unchanged} unchanged, {skipped} skipped; "
                           "{rejected} rows rejected, {warned} with warnings.").format(
        verb=verb, new=plan.count(Outcome.NEW), updated=plan.count(Outcome.UPDATE),
        unchanged=plan.count(Outcome.UNCHANGED), skipped=plan.count(Outcome.SKIP), rejected=len(plan.rejected),
        warned=len(plan.warned)))
    for result in plan.rejected:
        print(translate("Cli", "Rejected: {sheet} row {row} {name}: {reason}").format(
            sheet=result.sheet, row=result.row, name=result.name, reason=result.reason))
    for result in plan.warned:
        print(translate("Cli", "Warning: {sheet} row {row} {name}: {reason}").format(
            sheet=result.sheet, row=result.row, name=result.name, reason=result.reason))
    return EXIT_OK


def _roster_filter(args: argparse.Namespace) -> roster.RosterFilter:
    return roster.RosterFilter(text=args.search,
                               statuses=frozenset({EnrollmentStatus(args.status)}) if args.status else None,
                               classes=_roster_filter_classes(args))


def _roster_filter_classes(args: argparse.Namespace) -> frozenset[tuple[int, str, int, str]] | None:
    """A teacher sees only their classes (``args.actor`` is set once signed in)."""
    actor = getattr(args, "actor", None)
    return actor.classes if actor is not None and permissions.is_teacher(actor) else None


def _roster_export(args: argparse.Namespace) -> int:
    from schoolaid.roster import roster_export

    db = _open(args)
    try:
        count = db.query(roster_export.export_roster, args.file, _roster_filter(args), full_ids=args.full_id,
                         today=_today())
        if args.full_id:
            _note_full_ids(args, db, count, str(args.file))
    finally:
        db.close()
    print(translate("Cli", "{n} students written to {path}.").format(n=count, path=args.file))
    return EXIT_OK


def _roster_survey(args: argparse.Namespace) -> int:
    from schoolaid.roster import roster_export

    villages = _read(args, roster_export.export_survey, args.file, _today())
    print(translate("Cli", "Survey of {n} poor villages written to {path}.").format(n=villages, path=args.file))
    return EXIT_OK


def _pairing_list(args: argparse.Namespace) -> int:
    from schoolaid.pairing import pairing

    overview = _read(args, pairing.overview, _today())
    if args.json:
        return _print_json(overview.as_json())
    for p in overview.pairings:
        last = p.last_visit.isoformat() if p.last_visit else translate("Cli", "never")
        print("\t".join([p.staff, p.school, p.role.label(), p.household_head, p.village + p.group_name,
                         p.start_date.isoformat(), translate("Cli", "last visit {date}").format(date=last)]))
    print(translate("Cli", "{pairs} active pairings; {unpaired} households need a pair; {over} helpers over quota, "
                           "{under} under; {departed} pairs whose helper left; {overdue} not visited for {days} "
                           "days.").format(
        pairs=len(overview.pairings), unpaired=len(overview.unpaired), over=len(overview.over_quota),
        under=len(overview.under_quota), departed=len(overview.departed), overdue=len(overview.overdue),
        days=overview.overdue_days), file=sys.stderr)
    return EXIT_OK


def _pairing_register(args: argparse.Namespace) -> int:
    from schoolaid.pairing import pairing_export

    count = _read(args, pairing_export.export_register, args.file, _today())
    print(translate("Cli", "{n} pairings written to {path}.").format(n=count, path=args.file))
    return EXIT_OK


def _pairing_visits(args: argparse.Namespace) -> int:
    from schoolaid.pairing import pairing_export

    count = _read(args, pairing_export.export_visit_sheets, args.file, today=_today())
    print(translate("Cli", "Visit record sheets of {n} helpers written to {path}.").format(n=count, path=args.file))
    return EXIT_OK


def _print_json(data: object) -> int:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return EXIT_OK


def _ledger_programmes(args: argparse.Namespace) -> int:
    from schoolaid.ledger import ledger

    programmes = _read(args, ledger.list_programmes)
    if args.json:
        return _print_json([p.as_json() for p in programmes])
    for p in programmes:
        print("\t".join([p.code, p.name, p.stage or "—", p.eligibility.label(),
                         f"{ledger.format_yuan(p.amount_fen)} {p.per.label()}", p.kind.label(),
                         "" if p.active else translate("Cli", "inactive")]))
    return EXIT_OK


def _ledger_post(args: argparse.Namespace) -> int:
    from schoolaid.ledger import ledger

    db = _open(args)
    try:
        programme = db.query(ledger.programme_by_code, args.programme)
        if args.dry_run:
            plan = db.query(ledger.plan_posting, programme.id, args.month, today=_today())
            result = ledger.PostResult(None, len(plan.lines), plan.total_fen, plan.already, len(plan.not_eligible),
                                       plan.period)
        else:
            result = db.run(ledger.post, args.actor, programme.id, args.month, today=_today())
    finally:
        db.close()
    if args.json:
        return _print_json({**result.as_json(), "programme": programme.code, "month": args.month,
                            "dry_run": args.dry_run})
    verb = translate("Cli", "Would post") if args.dry_run else translate("Cli", "Posted")
    print(translate("Cli", "{verb} {programme} {period}: {n} students, {total} yuan; {already} already posted.").format(
        verb=verb, programme=programme.name, period=result.period, n=result.posted,
        total=ledger.format_yuan(result.total_fen), already=result.already))
    return EXIT_OK


def _ledger_gaps(args: argparse.Namespace) -> int:
    from schoolaid.ledger import ledger

    found = _read(args, ledger.gaps, args.period, _today())
    if args.json:
        return _print_json({"gaps": [g.as_json() for g in found], "period": args.period})
    for gap in found:
        print("\t".join([gap.name, gap.school, gap.grade, gap.village, gap.programme, gap.period,
                         ledger.format_yuan(gap.amount_fen)]))
    print(translate("Cli", "{n} eligible students without aid in {period}.").format(n=len(found), period=args.period),
          file=sys.stderr)
    return EXIT_OK


def _ledger_export(args: argparse.Namespace) -> int:
    from schoolaid.ledger import ledger, ledger_export

    db = _open(args)
    try:
        count = db.query(ledger_export.export_ledger, args.file,
                         ledger.EntryFilter(month_from=args.month_from, month_to=args.month_to), full_ids=args.full_id,
                         today=_today())
        if args.full_id:
            _note_full_ids(args, db, count, str(args.file))
    finally:
        db.close()
    print(translate("Cli", "{n} ledger entries written to {path}.").format(n=count, path=args.file))
    return EXIT_OK


def _cases_list(args: argparse.Namespace) -> int:
    from schoolaid.dropout import dropout

    today = _today()
    db = _open(args)
    try:  # signed in first: a teacher's classes come with the account
        found = db.query(dropout.list_cases, open_only=args.open_only, classes=_roster_filter_classes(args))
    finally:
        db.close()
    if args.json:
        return _print_json({"cases": [case.as_json(today) for case in found]})
    for case in found:
        notice = ""
        if case.notice is not None:
            notice = translate("Cli", "notice {number}, deadline {deadline}").format(
                number=case.notice.document_number, deadline=case.notice.deadline.isoformat())
            if case.notice_expired(today):
                notice += translate("Cli", " (expired)")
        print("\t".join([str(case.id), case.student, case.school, case.grade, case.status.value,
                         case.opened_on.isoformat(), translate("Cli", "{n} days").format(n=case.days_open(today)),
                         translate("Cli", "{n} attempts").format(n=case.attempts), notice]))
    print(translate("Cli", "{n} cases, {open} open.").format(
        n=len(found), open=sum(1 for c in found if c.status.is_open)), file=sys.stderr)
    return EXIT_OK


def _cases_ledgers(args: argparse.Namespace) -> int:
    from schoolaid.dropout import dropout_export

    counts = _read(args, dropout_export.export_ledgers, args.file, _today())
    print(translate("Cli", "Ledgers written to {path}: {school_age} school-age children, {suspected} suspected "
                           "dropouts, {dropouts} dropouts.").format(path=args.file, **counts))
    return EXIT_OK


def _print(args: argparse.Namespace) -> int:
    from schoolaid.dropout import notice
    from schoolaid.reporting import reports, summary

    db = _open(args)
    try:
        if args.print_command == "notice":
            number = db.run(notice.print_case_notice, args.actor, args.case_id, args.out, _today()).document_number
            print(translate("Cli", "Notice {number} of case {case} written to {path}.").format(
                number=number, case=args.case_id, path=args.out))
        elif args.print_command == "due-notices":
            ids = db.run(notice.print_due_notices, args.actor, args.out, _today())
            if ids:
                print(translate("Cli", "{n} notices issued and written to {path}.").format(n=len(ids), path=args.out))
            else:
                print(translate("Cli", "No notice is due: no file written."))
        elif args.print_command == "quarterly":
            pages = db.query(summary.write_quarterly, args.year, args.quarter, args.out, _today())
            print(translate("Cli", "Quarterly summary written to {path} ({pages} pages).").format(
                path=args.out, pages=pages))
        elif args.print_command == "term-report":
            pages = db.query(reports.write_term_report, args.out, args.year, args.term, today=_today())
            print(translate("Cli", "Term-start dropout report written to {path} ({pages} pages).").format(
                path=args.out, pages=pages))
        elif args.print_command == "ledgers":
            pages = db.query(reports.write_dropout_ledgers, args.out, _today())
            print(translate("Cli", "The three ledgers written to {path} ({pages} pages).").format(
                path=args.out, pages=pages))
        elif args.print_command == "register":
            pages = db.query(reports.write_register, args.out, _today())
            print(translate("Cli", "Pairing register written to {path} ({pages} pages).").format(
                path=args.out, pages=pages))
        elif args.print_command == "sign-off":
            pages = db.query(reports.write_sign_off, args.batch_id, args.out, _today())
            print(translate("Cli", "Sign-off sheet written to {path} ({pages} pages).").format(
                path=args.out, pages=pages))
    finally:
        db.close()
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    from schoolaid.backup import backup

    if args.backup_command == "export":
        db = _open(args)  # checks and upgrades the file; the export reads it through its own connection
        try:
            password = _read_password(args.password_file)
            info = backup.export_backup(db.path, args.out, password, now=_now())
            db.run(backup.record_export, args.actor, info)
        finally:
            db.close()
        print(translate("Cli", "Backup written to {path} ({size} bytes, {students} students). Keep the password: "
                               "without it the backup cannot be opened.").format(
            path=info.path, size=info.size, students=info.counts.get("students", 0)))
    elif args.backup_command == "verify":
        verification = backup.verify_backup(args.file, _read_password(args.password_file))
        if args.json:
            return _print_json({"file": str(args.file), "ok": True, **_info_json(verification.info),
                                "found": verification.counts})
        print(translate("Cli", "The backup is complete and sound: {school}, made {created}.").format(
            school=verification.info.school, created=verification.info.created.strftime("%Y-%m-%d %H:%M")))
        for check in verification.checks:
            print(f"  ✓ {check}")
    elif args.backup_command == "restore":
        if Path(args.db).exists():  # replacing a database: only someone allowed to, on a database with accounts
            _open(args).close()
        restored = backup.restore_backup(args.file, _read_password(args.password_file), args.db, now=_now())
        print(translate("Cli", "Backup of {school} made {created} restored into {path}.").format(
            school=restored.info.school, created=restored.info.created.strftime("%Y-%m-%d %H:%M"),
            path=restored.database))
        if restored.kept is not None:
            print(translate("Cli", "The database that was there is kept as {path}.").format(path=restored.kept))
    elif args.backup_command == "info":
        info = backup.read_info(args.file)
        if args.json:
            return _print_json({"file": str(args.file), **_info_json(info)})
        print(translate("Cli", "School: {school}\nTownship: {township}\nMade: {created} by SchoolAid {version}\n"
                               "Size: {size} bytes").format(
            school=info.school, township=info.township, created=info.created.strftime("%Y-%m-%d %H:%M"),
            version=info.app_version, size=info.size))
        for key, value in info.counts.items():
            print(f"  {key}: {value}")
    return EXIT_OK


def _info_json(info: object) -> dict:
    from schoolaid.backup.backup import BackupInfo

    assert isinstance(info, BackupInfo)
    return {"school": info.school, "township": info.township, "created": info.created.isoformat(),
            "app_version": info.app_version, "schema": info.schema, "counts": info.counts}


def _township_summary(args: argparse.Namespace) -> int:
    from schoolaid.reporting import township_summary

    figures = township_summary.collect(args.files, _read_password(args.password_file))
    township_summary.write(figures, args.out, _today())
    print(translate("Cli", "Summary of {n} schools written to {path}.").format(n=len(figures), path=args.out))
    return EXIT_OK


def _users(args: argparse.Namespace) -> int:
    from schoolaid.accounts import accounts

    db = _open(args)
    try:
        if args.users_command == "add":
            password = _read_password(args.new_password_file)
            if not db.query(permissions.accounts_enabled):
                if args.role != permissions.Role.ADMIN.value:
                    raise SchoolAidError(translate(
                        "Cli", "This database has no accounts yet: the first account must be the administrator's "
                        "(--role admin)."))
                db.run(accounts.create_first_administrator, args.username, args.name, password)
            else:
                classes = tuple(_class_ref(db, text) for text in args.classes)
                db.run(accounts.add_user, args.actor, accounts.UserForm(
                    args.username, args.name, args.role, password, args.staff_id, classes))
            print(translate("Cli", "Account {user} ({role}) added.").format(
                user=args.username, role=permissions.role_label(args.role)))
        elif args.users_command == "list":
            users = db.query(accounts.list_users)
            if args.json:
                return _print_json({"users": [{
                    "id": u.id, "username": u.username, "name": u.display_name, "role": u.role, "active": u.active,
                    "locked": u.locked(_utcnow()), "last_sign_in": u.last_sign_in_at.isoformat() if u.last_sign_in_at else None,
                    "classes": [f"{c.school_id}/{c.stage}/{c.grade}/{c.class_name}" for c in u.classes]}
                    for u in users]})
            for u in users:
                state = translate("Cli", "locked") if u.locked(_utcnow()) else ("" if u.active else translate("Cli", "inactive"))
                print("\t".join([u.username, u.display_name, u.role_label, state]))
        else:
            user = next((u for u in db.query(accounts.list_users) if u.username.lower() == args.username.lower()), None)
            if user is None:
                raise SchoolAidError(translate("Cli", "There is no account {user}.").format(user=args.username))
            if args.users_command == "reset-password":
                db.run(accounts.reset_password, args.actor, user.id, _read_password(args.new_password_file))
                print(translate("Cli", "New password set for {user}.").format(user=user.username))
            else:
                db.run(accounts.unlock, args.actor, user.id)
                print(translate("Cli", "{user} is unlocked.").format(user=user.username))
    finally:
        db.close()
    return EXIT_OK


def _class_ref(db: Database, text: str) -> Any:
    from schoolaid.accounts import accounts

    parts = text.split("/")
    if len(parts) != 4 or not parts[2].isdigit():
        raise SchoolAidError(translate("Cli", "Write a class as SCHOOL/STAGE/GRADE/CLASS, e.g. 平地镇中心校/小学/3/2班: "
                                              "{text}").format(text=text))
    school = next((s.id for s in db.query(township.list_schools) if s.name == parts[0]), None)
    if school is None:
        raise SchoolAidError(translate("Cli", "There is no school called {name}.").format(name=parts[0]))
    return accounts.ClassRef(school, parts[1], int(parts[2]), parts[3])


def _audit(args: argparse.Namespace) -> int:
    from schoolaid.accounts import audit_verify

    db = _open(args)
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
        _print_json(report.as_json())
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


def _indicators(args: argparse.Namespace) -> int:
    from schoolaid.reporting import indicators

    today = _today()
    if (args.year is None) != (args.term is None):
        raise SchoolAidError(translate("Cli", "Give --year and --term together, or neither for the term under way."))
    term = indicators.Term.parse(args.year, args.term) if args.year is not None else None
    db = _open(args)
    try:
        school_id = None
        if args.school:
            school_id = next((s.id for s in db.query(township.list_schools) if s.name == args.school), None)
            if school_id is None:
                raise SchoolAidError(translate("Cli", "There is no school called {name}.").format(name=args.school))
        result = db.query(indicators.compute, term, school_id, today=today)
    finally:
        db.close()
    shown_term = term or indicators.Term.containing(today)
    if args.json:
        return _print_json({"indicators": [i.as_json() for i in result.indicators], "term": shown_term.label,
                            "school": result.school})
    print(f"{result.school} {shown_term.label}")
    for i in result.indicators:
        value = "—" if i.value is None else f"{i.value:.2%}"
        sign = "≥" if i.at_least else "≤"
        state = "" if i.met is None else ("✓" if i.met else "✗")
        print(f"{i.name}\t{value}\t{sign}{i.target:.1%}\t{i.numerator}/{i.denominator}\t{state}")
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from schoolaid.demo import create_demo_township

    if args.students < 1:
        raise SchoolAidError(translate("Cli", "--students must be at least 1."))
    db = _open(args, create=True)
    try:
        result = db.run(create_demo_township, args.actor, students=args.students, seed=args.seed,
                        today=_today())
    finally:
        db.close()
    print(translate("Cli", "Demo township created: {schools} schools, {villages} villages, {households} households, "
                           "{students} students, {staff} staff.").format(
        schools=result.schools, villages=result.villages, households=result.households, students=result.students,
        staff=result.staff))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(parser, args)
    except BrokenPipeError:
        # The output went to a program that stopped reading (``| head``): not an error.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return EXIT_OK


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        if args.command is None:
            from schoolaid.ui.app import run_gui

            return run_gui(args.db)
        if args.command == "roster":
            return {"list": _roster_list, "import": _roster_import, "export": _roster_export,
                    "survey": _roster_survey}[args.roster_command](args)
        if args.command == "pairing":
            return {"list": _pairing_list, "register": _pairing_register,
                    "visits": _pairing_visits}[args.pairing_command](args)
        if args.command == "ledger":
            return {"programmes": _ledger_programmes, "post": _ledger_post, "gaps": _ledger_gaps,
                    "export": _ledger_export}[args.ledger_command](args)
        if args.command == "cases":
            return {"list": _cases_list, "ledgers": _cases_ledgers}[args.cases_command](args)
        if args.command == "print":
            return _print(args)
        if args.command == "backup":
            return _backup(args)
        if args.command == "township":
            return _township_summary(args)
        if args.command == "users":
            return _users(args)
        if args.command == "audit":
            return _audit(args)
        if args.command == "indicators":
            return _indicators(args)
        if args.command == "demo":
            return _demo(args)
    except SchoolAidError as exc:
        print(f"schoolaid: {exc.message}".replace("\n", " "), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(translate("Cli", "schoolaid: cannot read or write a file: {detail}").format(detail=exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    parser.print_usage(sys.stderr)
    return EXIT_USAGE
