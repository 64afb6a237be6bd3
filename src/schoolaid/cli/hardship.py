"""schoolaid hardship: the assessment of need (家庭经济困难学生认定): list, propose the priority groups,
apply, review, decide (or confirm the proposed), the 公示 and its table, on file, the application form."""

from __future__ import annotations

import argparse
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
from schoolaid.cli.session import clock_today, export, open_db, print_json, school_id
from schoolaid.common.i18n import translate

HARDSHIP = Group("hardship", lambda: translate("Cli", "the assessment of need (家庭经济困难学生认定)"))


def _year_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, metavar="Y", help=translate(
        "Cli", "the school year, by the year it begins in (2026: 2026—2027学年)"))


def _school_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--school", default="", metavar="NAME", help=translate("Cli", "one school only"))


def _date_option(parser: argparse.ArgumentParser, name: str = "--date") -> None:
    parser.add_argument(name, type=iso_day, default=None, metavar="YYYY-MM-DD", help=translate(
        "Cli", "the day it happened (default: today)"))


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    _year_option(parser)
    parser.add_argument("--status", default="", metavar="STATUS", help=translate(
        "Cli", "only this status (待申请, 已申请, 已评议, 已认定, 公示中, 已建档, 未通过, 已撤销)"))
    _school_option(parser)
    db_option(parser)
    json_option(parser)


@command(HARDSHIP, "list", help=lambda: translate(
    "Cli", "the year's assessments, and the priority groups not yet assessed (待申请)"),
         arguments=_list_arguments, needs=Needs(Permission.VIEW))
def list_assessments(args: argparse.Namespace) -> int:
    from schoolaid.ledger import hardship

    db = open_db(args)
    try:
        school = school_id(db, args.school) if args.school else None
        found = db.query(hardship.list_assessments, args.year, clock_today(), status=args.status, school_id=school)
    finally:
        db.close()
    if args.json:
        return print_json({"students": [view.as_json() for view in found]})
    for view in found:
        print("\t".join([str(view.id or ""), str(view.student_id), view.name, view.school, view.grade, view.class_name,
                         view.status, view.level or "—", view.basis]))
    return EXIT_OK


def _propose_arguments(parser: argparse.ArgumentParser) -> None:
    _year_option(parser)
    db_option(parser)
    json_option(parser)
    operator_option(parser)


@command(HARDSHIP, "propose", help=lambda: translate(
    "Cli", "propose every student of a priority group not yet assessed this year (已申请, basis filled in)"),
         arguments=_propose_arguments, needs=Needs(Permission.POST_LEDGER))
def propose(args: argparse.Namespace) -> int:
    from schoolaid.ledger import hardship

    db = open_db(args)
    try:
        result = db.run(hardship.propose, args.actor, args.year, clock_today())
    finally:
        db.close()
    if args.json:
        return print_json({**result.as_json(), "year": args.year})
    print(translate("Cli", "Proposed {n} students of the priority groups; {already} already had an assessment this "
                           "year.").format(n=result.proposed, already=result.already))
    return EXIT_OK


def _apply_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--student", type=int, required=True, metavar="ID")
    _year_option(parser)
    parser.add_argument("--reasons", required=True, help=translate("Cli", "the reasons the family gives"))
    _date_option(parser)
    db_option(parser)
    operator_option(parser)


@command(HARDSHIP, "apply", help=lambda: translate("Cli", "record a student's application"),
         arguments=_apply_arguments, needs=Needs(Permission.POST_LEDGER))
def apply(args: argparse.Namespace) -> int:
    from schoolaid.ledger import hardship

    today = clock_today()
    db = open_db(args)
    try:
        number = db.run(hardship.apply, args.actor, args.student, args.year, args.reasons, args.date or today,
                        today=today)
    finally:
        db.close()
    print(translate("Cli", "Application {number} recorded.").format(number=number))
    return EXIT_OK


def _review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--assessment", type=int, required=True, metavar="ID")
    parser.add_argument("--note", default="", help=translate("Cli", "what the class review found"))
    _date_option(parser)
    db_option(parser)
    operator_option(parser)


@command(HARDSHIP, "review", help=lambda: translate("Cli", "record the class review (评议) of an application"),
         arguments=_review_arguments, needs=Needs(Permission.POST_LEDGER))
def review(args: argparse.Namespace) -> int:
    from schoolaid.ledger import hardship

    today = clock_today()
    db = open_db(args)
    try:
        db.run(hardship.review, args.actor, args.assessment, args.date or today, args.note, today=today)
    finally:
        db.close()
    print(translate("Cli", "Review of application {number} recorded.").format(number=args.assessment))
    return EXIT_OK


def _decide_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--assessment", type=int, metavar="ID", help=translate("Cli", "one application"))
    which.add_argument("--proposed", type=int, metavar="Y", help=translate(
        "Cli", "every application proposed by rule in school year Y, in one action"))
    verdict = parser.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--level", help=translate("Cli", "the level decided (特别困难, 困难, 一般困难 by default)"))
    verdict.add_argument("--reject", metavar="REASON", help=translate("Cli", "not passed, and why"))
    parser.add_argument("--basis", default="", help=translate(
        "Cli", "what the decision rests on (default: the priority groups, or the application's reasons)"))
    _school_option(parser)
    _date_option(parser)
    db_option(parser)
    json_option(parser)
    operator_option(parser)


@command(HARDSHIP, "decide", help=lambda: translate(
    "Cli", "the school's decision: a level and its basis, or not passed"), arguments=_decide_arguments,
         needs=Needs(Permission.POST_LEDGER))
def decide(args: argparse.Namespace) -> int:
    from schoolaid.common.errors import SchoolAidError
    from schoolaid.ledger import hardship

    today = clock_today()
    day = args.date or today
    db = open_db(args)
    try:
        if args.proposed is not None:
            if args.reject is not None:
                raise SchoolAidError(translate("Cli", "Proposed applications are confirmed at a level: give --level."))
            school = school_id(db, args.school) if args.school else None
            count = db.run(hardship.confirm_proposed, args.actor, args.proposed, args.level, day, today=today,
                           school_id=school)
        else:
            level = args.level if args.level is not None else ""
            basis = args.basis if args.level is not None else args.reject
            db.run(hardship.decide, args.actor, args.assessment, level, day, basis, today=today)
            count = 1
    finally:
        db.close()
    if args.json:
        return print_json({"decided": count, "level": args.level or ""})
    print(translate("Cli", "{n} applications decided.").format(n=count))
    return EXIT_OK


def _publicity_arguments(parser: argparse.ArgumentParser) -> None:
    _year_option(parser)
    parser.add_argument("--from", dest="start", type=iso_day, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=iso_day, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--phone", required=True, help=translate("Cli", "the phone number for objections"))
    _school_option(parser)
    parser.add_argument("--out", type=Path, metavar="F.pdf", help=translate("Cli", "print the 公示表 to this file"))
    db_option(parser)
    json_option(parser)
    operator_option(parser)


@command(HARDSHIP, "publicity", help=lambda: translate(
    "Cli", "post the decided assessments publicly (公示): dates, phone for objections, and the 公示表"),
         arguments=_publicity_arguments, needs=Needs(Permission.POST_LEDGER))
def publicity(args: argparse.Namespace) -> int:
    from schoolaid.ledger import hardship, hardship_printouts

    today = clock_today()
    db = open_db(args)
    try:
        school = school_id(db, args.school) if args.school else None
        number = db.run(hardship.start_publicity, args.actor, args.year, args.start, args.end, args.phone,
                        today=today, school_id=school)
        lines = len(db.query(hardship.publicity_view, number).lines)
        pages = db.query(hardship_printouts.write_publicity, args.actor, number, args.out, today) if args.out else 0
    finally:
        db.close()
    if args.json:
        return print_json({"publicity": number, "students": lines, "pages": pages,
                           "out": str(args.out) if args.out else None})
    print(translate("Cli", "公示 {number}: {n} students, {start} to {end}.").format(
        number=number, n=lines, start=args.start.isoformat(), end=args.end.isoformat()))
    if args.out:
        print(translate("Cli", "{pages} pages written to {path}.").format(pages=pages, path=args.out))
    return EXIT_OK


def _file_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--publicity", type=int, required=True, metavar="ID")
    _date_option(parser)
    db_option(parser)
    operator_option(parser)


@command(HARDSHIP, "file", help=lambda: translate(
    "Cli", "the 公示 is over and taken down: put its assessments on file (建档)"), arguments=_file_arguments,
         needs=Needs(Permission.POST_LEDGER))
def file_publicity(args: argparse.Namespace) -> int:
    from schoolaid.ledger import hardship

    today = clock_today()
    db = open_db(args)
    try:
        count = db.run(hardship.file_publicity, args.actor, args.publicity, args.date or today, today=today)
    finally:
        db.close()
    print(translate("Cli", "{n} assessments on file.").format(n=count))
    return EXIT_OK


def _form_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--student", type=int, required=True, metavar="ID")
    _year_option(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    db_option(parser)


@command(HARDSHIP, "form", help=lambda: translate("Cli", "print a student's application form (申请表)"),
         arguments=_form_arguments, needs=Needs(Permission.EXPORT))
def print_form(args: argparse.Namespace) -> int:
    from schoolaid.ledger import hardship_printouts

    pages = export(args, hardship_printouts.write_application, args.student, args.year, args.out, clock_today())
    print(translate("Cli", "{pages} pages written to {path}.").format(pages=pages, path=args.out))
    return EXIT_OK
