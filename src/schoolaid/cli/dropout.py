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


# --- The persuasion log, the proofs of service and the escalation after a notice (issue 19) ---


def _log_arguments(parser: argparse.ArgumentParser) -> None:
    from schoolaid.dropout.vocabulary import Method, Party

    parser.add_argument("case_id", type=int, metavar="CASE_ID")
    parser.add_argument("--on", type=iso_day, metavar="DAY", help=translate("Cli", "the day of the attempt (today)"))
    parser.add_argument("--visitors", required=True, metavar="TEXT", help=translate("Cli", "who went"))
    parser.add_argument("--met", default="", metavar="TEXT", help=translate("Cli", "whom they met"))
    parser.add_argument("--method", default=Method.HOME_VISIT.value, choices=[m.value for m in Method])
    parser.add_argument("--result", required=True, metavar="TEXT", help=translate("Cli", "what came of it"))
    parser.add_argument("--succeeded", action="store_true", help=translate("Cli", "the family agreed to the return"))
    parser.add_argument("--parties", default=Party.SCHOOL.value, metavar="、".join(p.value for p in Party),
                        help=translate("Cli", "who took part, separated by commas or 、 (the school unless said)"))
    db_option(parser)
    operator_option(parser)


@command(CASES, "log", help=lambda: translate("Cli", "log a persuasion attempt on a case (who took part: the school, "
                                                     "the village committee, the township)"),
         arguments=_log_arguments, needs=Needs(Permission.LOG_PERSUASION, own_classes=True))
def log_attempt(args: argparse.Namespace) -> int:
    from schoolaid.dropout import persuasion

    today = clock_today()
    parties = tuple(p.strip() for p in args.parties.replace("，", ",").replace("、", ",").split(",") if p.strip())
    entry = persuasion.AttemptEntry(args.on or today, args.visitors, args.met, args.method, args.result,
                                    args.succeeded, parties)
    db = open_db(args)
    try:
        attempt_id = db.run(persuasion.log_attempt, args.actor, args.case_id, entry, today=today)
    finally:
        db.close()
    print(translate("Cli", "Attempt {id} logged on case {case}.").format(id=attempt_id, case=args.case_id))
    return EXIT_OK


def _escalate_arguments(parser: argparse.ArgumentParser) -> None:
    from schoolaid.dropout.escalation import KINDS

    parser.add_argument("case_id", type=int, metavar="CASE_ID")
    parser.add_argument("--step", choices=KINDS, help=translate(
        "Cli", "issue this step (it must be the one due); without it, say where the case stands"))
    parser.add_argument("--on", type=iso_day, metavar="DAY", help=translate("Cli", "the day of issue (today)"))
    db_option(parser)
    json_option(parser)
    operator_option(parser)


@command(CASES, "escalate", help=lambda: translate(
    "Cli", "where a case stands after its notice's deadline (report, order to correct, demand, application to the "
           "court), or issue the step due"), arguments=_escalate_arguments, needs=Needs(Permission.VIEW))
def escalate(args: argparse.Namespace) -> int:
    from schoolaid.dropout import escalation

    today = clock_today()
    db = open_db(args)
    try:
        issued = None
        if args.step:
            document_id = db.run(escalation.issue_step, args.actor, args.case_id, args.step, args.on or today,
                                 today=today)
            issued = next(s for s in db.query(escalation.chain, args.case_id).steps if s.id == document_id
                          and s.kind == args.step)
        where = db.query(escalation.chain, args.case_id)
    finally:
        db.close()
    if args.json:
        return print_json({**where.as_json(), "issued": issued.document_number if issued else None})
    if issued is not None:
        print(translate("Cli", "{step} {number} issued on case {case}.").format(
            step=escalation.step_label(issued.kind), number=issued.document_number, case=args.case_id))
    for step in where.steps:
        if step.issued:
            served = (translate("Cli", "served {day} ({manner})").format(day=step.served_on.isoformat(),
                                                                          manner=step.manner or "—")
                      if step.served_on else translate("Cli", "not served"))
            print("\t".join([step.kind, step.document_number, step.issued_on.isoformat() if step.issued_on else "",
                             step.deadline.isoformat() if step.deadline else "", step.receipt_number, served]))
    if where.next_kind is not None and where.next_due is not None:
        print(translate("Cli", "Next: the {step}, from {day}.").format(step=escalation.step_label(where.next_kind),
                                                                      day=where.next_due.isoformat()))
    else:
        print(where.waiting)
    return EXIT_OK


def _serve_arguments(parser: argparse.ArgumentParser) -> None:
    from schoolaid.dropout.escalation import KINDS
    from schoolaid.dropout.vocabulary import Manner

    parser.add_argument("case_id", type=int, metavar="CASE_ID")
    parser.add_argument("--document", required=True, choices=("notice", *KINDS))
    parser.add_argument("--on", type=iso_day, metavar="DAY", help=translate("Cli", "the day it was served (today)"))
    parser.add_argument("--to", required=True, metavar="NAME", help=translate("Cli", "who received it"))
    parser.add_argument("--manner", default=Manner.DIRECT.value, choices=[m.value for m in Manner])
    parser.add_argument("--by", default="", metavar="NAME", help=translate("Cli", "who served it"))
    parser.add_argument("--place", default="", metavar="TEXT")
    parser.add_argument("--witnesses", default="", metavar="NAMES", help=translate(
        "Cli", "留置送达: the witnesses, separated by 、"))
    parser.add_argument("--refused-reason", default="", metavar="TEXT", help=translate(
        "Cli", "留置送达: why the recipient refused"))
    parser.add_argument("--note", default="", metavar="TEXT")
    db_option(parser)
    operator_option(parser)


@command(CASES, "serve", help=lambda: translate(
    "Cli", "record the proof of service (送达回证) of a case's notice or escalation document"),
         arguments=_serve_arguments, needs=Needs(Permission.MANAGE_CASES))
def serve(args: argparse.Namespace) -> int:
    from schoolaid.dropout import escalation
    from schoolaid.dropout.receipts import Service

    today = clock_today()
    service = Service(args.on or today, args.to, args.manner, args.by, args.place, args.witnesses,
                      args.refused_reason, args.note)
    db = open_db(args)
    try:
        db.run(escalation.record_service, args.actor, args.case_id, args.document, service, today=today)
    finally:
        db.close()
    print(translate("Cli", "Service of the {step} of case {case} recorded.").format(
        step=escalation.step_label(args.document), case=args.case_id))
    return EXIT_OK
