"""schoolaid disability: a student's disability record and placement, the 送教上门 visits, and the list."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import EXIT_OK, Group, Needs, command, db_option, json_option, operator_option
from schoolaid.cli.session import clock_today, open_db, print_json
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.roster import disabilities
from schoolaid.roster.categories import DISABILITY_CATEGORIES, DISABILITY_GRADES
from schoolaid.roster.disabilities import DisabilityForm, Placement, VisitEntry
from schoolaid.township import attachments

DISABILITY = Group("disability", lambda: translate("Cli", "children with disabilities: placement and 送教上门"))


def _day(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationFailed([error(field, "cli.day", translate(
            "Cli", "\u201c{text}\u201d is not a date: write it like 2026-09-01.").format(text=text))]) from None


def _set_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("student", type=int, metavar="STUDENT_ID", help=translate(
        "Cli", "the student's id (roster list --json)"))
    parser.add_argument("--category", required=True, metavar="C", help=translate(
        "Cli", "the category: {values}").format(values=" / ".join(DISABILITY_CATEGORIES)))
    parser.add_argument("--grade", required=True, metavar="G", help=translate(
        "Cli", "the grade: {values}").format(values=" / ".join(DISABILITY_GRADES)))
    parser.add_argument("--assessed-on", default="", metavar="DAY", help=translate(
        "Cli", "the day of the expert committee's assessment"))
    parser.add_argument("--decision", default="", metavar="TEXT", help=translate(
        "Cli", "the expert committee's decision"))
    parser.add_argument("--placement", required=True, metavar="P", help=translate(
        "Cli", "the placement: {values}").format(values=" / ".join(p.value for p in Placement)))
    parser.add_argument("--since", default="", metavar="DAY", help=translate(
        "Cli", "the placement's first day (today unless given)"))
    db_option(parser)
    operator_option(parser)
    json_option(parser)


@command(DISABILITY, "set", help=lambda: translate(
    "Cli", "record a student's disability, the expert committee's assessment and the placement"),
         arguments=_set_arguments, needs=Needs(Permission.EDIT_ROSTER))
def set_record(args: argparse.Namespace) -> int:
    form = DisabilityForm(args.category.strip(), args.grade.strip(), args.placement.strip(),
                          _day(args.since, "since") if args.since.strip() else None,
                          _day(args.assessed_on, "assessed_on") if args.assessed_on.strip() else None, args.decision)
    db = open_db(args)
    try:
        record_id = db.run(disabilities.set_disability, args.actor, args.student, form, today=clock_today())
        record = db.query(disabilities.current, args.student)
    finally:
        db.close()
    assert record is not None
    if args.json:
        return print_json(record.as_json())
    print(translate("Cli", "Disability record {id} of student {student}: {summary}").format(
        id=record_id, student=args.student, summary=record.summary()))
    return EXIT_OK


def _visit_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("student", type=int, metavar="STUDENT_ID", help=translate(
        "Cli", "the student's id (roster list --json)"))
    parser.add_argument("--on", required=True, metavar="DAY", help=translate("Cli", "the day of the visit"))
    parser.add_argument("--teacher", required=True, metavar="NAME", help=translate("Cli", "the teacher who went"))
    parser.add_argument("--hours", required=True, metavar="H", help=translate("Cli", "the hours taught (1.5)"))
    parser.add_argument("--content", required=True, metavar="TEXT", help=translate("Cli", "what was taught"))
    parser.add_argument("--evidence", type=Path, action="append", default=[], metavar="FILE", help=translate(
        "Cli", "a photo or scanned sheet of the visit (repeatable)"))
    parser.add_argument("--corrects", type=int, default=None, metavar="VISIT_ID", help=translate(
        "Cli", "this entry corrects visit VISIT_ID, which stays in the log marked as corrected"))
    db_option(parser)
    operator_option(parser)
    json_option(parser)


@command(DISABILITY, "visit", help=lambda: translate("Cli", "log a 送教上门 visit of a child placed 送教上门"),
         arguments=_visit_arguments, needs=Needs(Permission.LOG_VISIT))
def visit(args: argparse.Namespace) -> int:
    entry = VisitEntry(_day(args.on, "on"), args.teacher, args.hours, args.content)
    files = [attachments.read_file(path) for path in args.evidence]
    db = open_db(args)
    try:
        if args.corrects is not None:
            visit_id = db.run(disabilities.correct_visit, args.actor, args.corrects, entry, files, today=clock_today(),
                              student_id=args.student)
        else:
            visit_id = db.run(disabilities.log_visit, args.actor, args.student, entry, files, today=clock_today())
    finally:
        db.close()
    if args.json:
        return print_json({"visit_id": visit_id, "student_id": args.student, "on": entry.on.isoformat(),
                           "evidence": len(files), "corrects": args.corrects})
    print(translate("Cli", "送教上门 visit {id} logged.").format(id=visit_id))
    return EXIT_OK


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)


@command(DISABILITY, "list", help=lambda: translate(
    "Cli", "list the students with a disability record, their placement and their last 送教上门 visit"),
         arguments=_list_arguments, needs=Needs(Permission.VIEW))
def list_records(args: argparse.Namespace) -> int:
    today = clock_today()
    db = open_db(args)
    try:
        found = db.query(disabilities.children)
        days = db.query(disabilities.visit_days)
    finally:
        db.close()
    if args.json:
        return print_json({"children": [{**child.as_json(), "visit_overdue": child.visit_overdue(today, days)}
                                        for child in found]})
    for child in found:
        last = child.last_visit.isoformat() if child.last_visit else "—"
        late = translate("Cli", " — no visit for {days} days").format(days=child.days_without_visit(today)) \
            if child.visit_overdue(today, days) else ""
        print(f"{child.student_id}\t{child.name}（{child.school} {child.grade}）\t{child.record.summary()}\t"
              f"{child.visits}\t{last}{late}")
    return EXIT_OK
