"""schoolaid reconcile: 四查三比对 — the household register, the poverty list and the student registry
imported and kept on record."""

from __future__ import annotations

import argparse
import json
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
from schoolaid.cli.session import clock_today, open_db, school_id
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.reconcile.vocabulary import ListKind
from schoolaid.storage.database import Database

RECONCILE = Group("reconcile", lambda: translate(
    "Cli", "四查三比对: the household register, the poverty list and the student registry against the roster"))


def _village_id(db: Database, name: str) -> int:
    from schoolaid.roster.place_names import PlaceNames

    found = db.query(lambda session: PlaceNames(session).village(name))
    if found is None:
        raise SchoolAidError(translate(
            "Cli", "There is no village called {name} in the township (see Settings → Schools and villages).").format(
                name=name))
    return found


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--list", required=True, choices=[k.value for k in ListKind], help=translate(
        "Cli", "which list: hukou (the household register), poverty (脱贫户 and 防止返贫监测对象), registry (the "
        "national student registry's export)"))
    db_option(parser)
    parser.add_argument("--village", metavar="NAME", help=translate(
        "Cli", "the village the whole list is for (default: each row's village, from its 村 column or address; a "
        "list of several villages is the whole township's)"))
    parser.add_argument("--school", metavar="NAME", help=translate(
        "Cli", "the school of every row, for a registry export without a school column"))
    parser.add_argument("--source", default="", metavar="TEXT", help=translate(
        "Cli", "who handed the list over (某某派出所, 某某村委会, 学籍系统)"))
    parser.add_argument("--received", type=iso_day, metavar="YYYY-MM-DD", help=translate(
        "Cli", "the day the list was handed over (default: today)"))
    parser.add_argument("--dry-run", action="store_true", help=translate(
        "Cli", "check the file and report, without writing anything"))
    json_option(parser)
    operator_option(parser)


@command(RECONCILE, "import", help=lambda: translate(
    "Cli", "import a household register, poverty list or registry export (.xlsx, .xls, .csv)"),
         arguments=_import_arguments, needs=Needs(Permission.EDIT_ROSTER))
def import_list(args: argparse.Namespace) -> int:
    from schoolaid.reconcile import list_import
    from schoolaid.reconcile.list_import import ListImportOptions, RowOutcome

    kind = ListKind(args.list)
    source = list_import.read_list(args.file, kind)  # an unreadable file stops here, with exit status 1
    db = open_db(args)
    try:
        options = ListImportOptions(village_id=_village_id(db, args.village) if args.village else None,
                                    school_id=school_id(db, args.school) if args.school else None)
        today = clock_today()
        plan = db.query(list_import.plan_list, source, options, today=today)
        if not args.dry_run and plan.people:  # nobody kept: nothing to store (the summary says why)
            db.run(list_import.apply_list, args.actor, plan, today=today, source=args.source,
                   received_on=args.received or today, village_id=plan.village_id)
    finally:
        db.close()
    if args.json:
        json.dump(plan.summary_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    verb = translate("Cli", "Would import") if args.dry_run else translate("Cli", "Imported")
    print(translate("Cli", "{verb} {list}: {people} people, of whom {children} children; {merged} listed twice "
                           "(merged), {dropped} other adults left out; {rejected} rows rejected, {warned} with "
                           "warnings.").format(
        verb=verb, list=kind.label(), people=len(plan.people), children=plan.children,
        merged=plan.count(RowOutcome.MERGED), dropped=plan.count(RowOutcome.DROPPED), rejected=len(plan.rejected),
        warned=len(plan.warned)))
    for note in plan.notes:
        print(translate("Cli", "Note: {note}").format(note=note))
    for result in plan.rejected:
        print(translate("Cli", "Rejected: {sheet} row {row} {name}: {reason}").format(
            sheet=result.sheet, row=result.row, name=result.name, reason=result.reason))
    for result in plan.warned:
        print(translate("Cli", "Warning: {sheet} row {row} {name}: {reason}").format(
            sheet=result.sheet, row=result.row, name=result.name, reason=result.reason))
    return EXIT_OK


def _lists_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)


@command(RECONCILE, "lists", help=lambda: translate(
    "Cli", "the lists imported, newest first (those replaced by a newer list too)"), arguments=_lists_arguments,
         needs=Needs(Permission.VIEW))
def show_lists(args: argparse.Namespace) -> int:
    from schoolaid.reconcile import lists

    db = open_db(args)
    try:
        found = db.query(lists.list_lists)
    finally:
        db.close()
    if args.json:
        json.dump({"lists": [view.as_json() for view in found]}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    for view in found:
        state = translate("Cli", "in force") if view.active else translate("Cli", "replaced on {day}").format(
            day=view.replaced_on.isoformat() if view.replaced_on else "")
        print("\t".join([view.received_on.isoformat(), view.kind.label(), view.place, view.source, view.file_name,
                         translate("Cli", "{people} people, {children} children").format(
                             people=view.people, children=view.children), state]))
    print(translate("Cli", "{n} lists").format(n=len(found)), file=sys.stderr)
    return EXIT_OK
