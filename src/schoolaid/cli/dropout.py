"""schoolaid cases: the dropout case files and the three ledgers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import EXIT_OK, Group, Needs, command, db_option, json_option
from schoolaid.cli.session import clock_today, export, open_db, print_json, teacher_classes
from schoolaid.common.i18n import translate

CASES = Group("cases", lambda: translate("Cli", "dropout case files (控辍保学)"))


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    parser.add_argument("--open", dest="open_only", action="store_true", help=translate(
        "Cli", "only cases still being persuaded"))
    json_option(parser)


@command(CASES, "list", help=lambda: translate("Cli", "list the dropout cases, open ones first"),
         arguments=_list_arguments, needs=Needs(Permission.VIEW, own_classes=True))
def list_cases(args: argparse.Namespace) -> int:
    from schoolaid.dropout import dropout

    today = clock_today()
    db = open_db(args)
    try:  # signed in first: a teacher's classes come with the account
        found = db.query(dropout.list_cases, open_only=args.open_only, classes=teacher_classes(args))
    finally:
        db.close()
    if args.json:
        return print_json({"cases": [case.as_json(today) for case in found]})
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


def _ledgers_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE.xlsx")
    db_option(parser)


@command(CASES, "ledgers", help=lambda: translate(
    "Cli", "export the three ledgers (school-age children, suspected dropouts, dropouts) to .xlsx"),
         arguments=_ledgers_arguments, needs=Needs(Permission.EXPORT))
def export_ledgers(args: argparse.Namespace) -> int:
    from schoolaid.dropout import dropout_export

    counts = export(args, dropout_export.export_ledgers, args.file, clock_today())
    print(translate("Cli", "Ledgers written to {path}: {school_age} school-age children, {suspected} suspected "
                           "dropouts, {dropouts} dropouts.").format(path=args.file, **counts))
    return EXIT_OK
