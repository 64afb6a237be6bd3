"""schoolaid cases: the dropout case files and the three ledgers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import (
    EXIT_OK,
    Group,
    Needs,
    command,
    db_option,
    iso_day,
    json_option,
    operator_option,
)
from schoolaid.cli.session import clock_today, export, open_db, print_json, teacher_classes
from schoolaid.common.errors import SchoolAidError
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
    from schoolaid.dropout import case_files

    today = clock_today()
    db = open_db(args)
    try:  # signed in first: a teacher's classes come with the account
        found = db.query(case_files.list_cases, open_only=args.open_only, classes=teacher_classes(args))
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
    from schoolaid.dropout import export as dropout_export

    counts = export(args, dropout_export.export_ledgers, args.file, clock_today())
    print(translate("Cli", "Ledgers written to {path}: {school_age} school-age children, {suspected} suspected "
                           "dropouts, {dropouts} dropouts.").format(path=args.file, **counts))
    return EXIT_OK


def _report_back_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--class", dest="class_label", required=True, metavar="CLASS", help=translate(
        "Cli", "the class as printed, e.g. 三年级1班"))
    parser.add_argument("--school", required=True, metavar="NAME", help=translate("Cli", "the class's school"))
    parser.add_argument("--students", required=True, metavar="ID,ID,…", help=translate(
        "Cli", "the ids of the pupils who reported back (roster list --json)"))
    parser.add_argument("--on", type=iso_day, metavar="DAY", help=translate(
        "Cli", "the day they reported back (default: today)"))
    parser.add_argument("--withdraw", action="store_true", help=translate(
        "Cli", "withdraw mistaken ticks of these pupils instead (kept on the record as withdrawn)"))
    db_option(parser)
    operator_option(parser)
    json_option(parser)


def _ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.replace("，", ",").split(",") if part.strip()]
    except ValueError:
        raise SchoolAidError(translate("Cli", "Write the pupils' ids as numbers separated by commas, e.g. 12,15,31.")
                             ) from None
    if not ids:
        raise SchoolAidError(translate("Cli", "Write the pupils' ids as numbers separated by commas, e.g. 12,15,31."))
    return ids


@command(CASES, "report-back", help=lambda: translate(
    "Cli", "term-start check (开学摸排): tick pupils of a class as reported back (报到)"),
         arguments=_report_back_arguments, needs=Needs(Permission.RECORD_ABSENCE))
def report_back(args: argparse.Namespace) -> int:
    from schoolaid.common.school_calendar import Term
    from schoolaid.dropout import term_start

    today = clock_today()
    on_day = args.on or today
    ids = _ids(args.students)
    term = Term.containing(on_day)
    db = open_db(args)
    try:
        key = db.query(term_start.find_class, args.school, args.class_label)
        outside = db.query(term_start.not_in_class, ids, key)
        if outside:
            raise SchoolAidError(translate("Cli", "Not 在读 pupils of {klass}: {ids}.").format(
                klass=args.class_label, ids=", ".join(map(str, outside))))
        if args.withdraw:
            count = db.run(term_start.unmark, args.actor, ids, term, today=today)
        else:
            count = len(db.run(term_start.mark_reported, args.actor, ids, term, on_day, today=today))
        row = next(p for p in db.query(term_start.progress, term, today, frozenset({key})))
    finally:
        db.close()
    if args.json:
        return print_json({"term": term.key, "withdrawn" if args.withdraw else "recorded": count, **row.as_json()})
    message = (translate("Cli", "{n} ticks withdrawn.") if args.withdraw
               else translate("Cli", "{n} pupils ticked as reported back.")).format(n=count)
    print(message + " " + translate("Cli", "{klass}: reported back {reported}/{expected}.").format(
        klass=row.label, reported=row.reported, expected=row.expected))
    return EXIT_OK


def _term_start_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)


@command(CASES, "term-start", help=lambda: translate(
    "Cli", "term-start check (开学摸排): who has reported back, per class, and who has not"),
         arguments=_term_start_arguments, needs=Needs(Permission.VIEW, own_classes=True))
def term_start_progress(args: argparse.Namespace) -> int:
    from schoolaid.common.school_calendar import Term
    from schoolaid.dropout import term_start

    today = clock_today()
    term = Term.containing(today)
    db = open_db(args)
    try:
        rows = db.query(term_start.progress, term, today, teacher_classes(args))
        first, last = db.query(term_start.check_window, term)
    finally:
        db.close()
    if args.json:
        return print_json({"term": term.key, "first_school_day": first.isoformat(), "check_ends": last.isoformat(),
                           "classes": [row.as_json() for row in rows]})
    for row in rows:
        print("\t".join([row.school, row.label, f"{row.reported}/{row.expected}",
                         "、".join(p.name for p in row.missing)]))
    print(translate("Cli", "{term}: {reported} of {expected} pupils reported back; the check runs {first} to {last}.")
          .format(term=term.label, reported=sum(r.reported for r in rows), expected=sum(r.expected for r in rows),
                  first=first.isoformat(), last=last.isoformat()), file=sys.stderr)
    return EXIT_OK
