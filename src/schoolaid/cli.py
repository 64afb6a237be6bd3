"""The command line: a second face on the same services as the window.

Exit status: 0 success, 1 bad input (one line on stderr saying what is wrong), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from schoolaid import __version__, roster
from schoolaid.audit import Actor
from schoolaid.database import Database, open_database
from schoolaid.enrollment import EnrollmentStatus
from schoolaid.errors import SchoolAidError
from schoolaid.i18n import translate
from schoolaid.paths import default_database_path

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def _db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--db", metavar="PATH", type=Path, default=default, help=translate(
        "Cli", "database file (default: {path})").format(path=default_database_path()))


def _operator_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--operator", default=translate("Cli", "command line"), help=translate(
        "Cli", "name recorded in the audit trail as the person making the change"))


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

    demo = commands.add_parser("demo", help=translate("Cli", "fill an empty database with the demo township"))
    _db_option(demo, argparse.SUPPRESS)
    demo.add_argument("--students", type=int, default=1500, metavar="N", help=translate(
        "Cli", "number of students (default 1500)"))
    demo.add_argument("--seed", type=int, default=2026, metavar="S", help=translate(
        "Cli", "random seed: the same seed gives the same township"))
    _operator_option(demo)
    return parser


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    path = Path(args.db or default_database_path())
    if not create and not path.exists():
        raise SchoolAidError(translate("Cli", "There is no database at {path}. Check the path, or create one with "
                                              "\u201cschoolaid demo\u201d or by starting the program.").format(path=path))
    return open_database(path)


def _roster_list(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        flt = roster.RosterFilter(text=args.search,
                                  statuses=frozenset({EnrollmentStatus(args.status)}) if args.status else None)
        with db.read() as session:
            rows = roster.list_rows(session, flt)
            full_ids = roster.full_id_numbers(session, [r.id for r in rows]) if args.full_id else {}
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


def _demo(args: argparse.Namespace) -> int:
    from schoolaid.demo import create_demo_township

    if args.students < 1:
        raise SchoolAidError(translate("Cli", "--students must be at least 1."))
    db = _open(args, create=True)
    try:
        result = db.run(create_demo_township, Actor(args.operator), students=args.students, seed=args.seed)
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
            return _roster_list(args)
        if args.command == "demo":
            return _demo(args)
    except SchoolAidError as exc:
        print(f"schoolaid: {exc.message}".replace("\n", " "), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(translate("Cli", "schoolaid: cannot read or write a file: {detail}").format(detail=exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    parser.print_usage(sys.stderr)
    return EXIT_USAGE
