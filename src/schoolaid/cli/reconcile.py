"""schoolaid reconcile: 四查三比对 — the household register, the poverty list and the student registry
imported and kept on record, compared with the roster, and the checks that close each difference."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from schoolaid.accounts.permissions import Permission, has_full_id_rights
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
from schoolaid.cli.session import clock_today, note_full_ids, open_db, print_json, school_id
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.reconcile.vocabulary import CheckResult, DifferenceKind, ListKind
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


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)
    parser.add_argument("--out", type=Path, metavar="FILE.xlsx", help=translate(
        "Cli", "also write the check sheets (one per kind, with the columns the village cadre fills in)"))
    parser.add_argument("--all", dest="include_checked", action="store_true", help=translate(
        "Cli", "include the differences already checked, with their check"))
    parser.add_argument("--full-id", action="store_true", help=translate(
        "Cli", "write full ID numbers into the workbook (they are masked otherwise)"))


@command(RECONCILE, "report", help=lambda: translate(
    "Cli", "list the differences between the lists and the roster (still to check, oldest first)"),
         arguments=_report_arguments, needs=Needs(Permission.VIEW))
def report(args: argparse.Namespace) -> int:
    from schoolaid.reconcile import differences, report_export

    today = clock_today()
    db = open_db(args)
    try:
        found = db.query(differences.differences, today, include_checked=args.include_checked)
        full_id_rights = db.query(has_full_id_rights, args.actor)
        if args.out is not None:
            db.query(report_export.write_report, args.actor, args.out, today=today, full_ids=args.full_id,
                     include_checked=args.include_checked)
    finally:
        db.close()
    counts = {kind.value: 0 for kind in differences.KIND_ORDER}
    for difference in found:
        counts[difference.kind.value] += 1
    if args.out is not None:
        print(translate("Cli", "Check sheets written to {path}.").format(path=args.out), file=sys.stderr)
        if args.full_id:
            note_full_ids(args.out)
    if args.json:
        return print_json({"differences": [d.as_json(full_id_rights=full_id_rights) for d in found],
                           "counts": counts, "open": sum(1 for d in found if d.is_open)})
    for difference in found:
        check = difference.check.summary() if difference.check is not None else translate("Cli", "to check")
        print("\t".join([difference.kind.label(), difference.name, difference.village,
                         difference.birth_date.isoformat() if difference.birth_date else "",
                         difference.as_json(full_id_rights=full_id_rights)["id_number_masked"], difference.detail,
                         difference.since.isoformat(), check]))
    print(translate("Cli", "{n} differences: {counts}.").format(
        n=len(found), counts=", ".join(f"{DifferenceKind(kind).label()} {n}" for kind, n in counts.items())),
        file=sys.stderr)
    return EXIT_OK


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=[k.value for k in DifferenceKind], metavar="KIND", help=translate(
        "Cli", "the kind of difference: {kinds}").format(kinds=", ".join(k.value for k in DifferenceKind)))
    parser.add_argument("person_key", metavar="PERSON_KEY", help=translate(
        "Cli", "the child: the ID number, or name|birth date (the \u201ckey\u201d of reconcile report --json)"))
    parser.add_argument("--result", required=True, choices=[r.value for r in CheckResult], metavar="R",
                        help=translate("Cli", "the result: {results}").format(
                            results=", ".join(r.value for r in CheckResult)))
    parser.add_argument("--checked-by", required=True, metavar="NAME", help=translate("Cli", "who checked (核查人)"))
    parser.add_argument("--checked-on", type=iso_day, metavar="DAY", help=translate(
        "Cli", "the day of the check (核查日期), default today"))
    parser.add_argument("--school", default="", help=translate("Cli", "在外地就读: the school where the child studies"))
    parser.add_argument("--place", default="", help=translate("Cli", "在外地就读, 随迁, 迁出: where"))
    parser.add_argument("--how", default="", metavar="HOW", help=translate(
        "Cli", "在外地就读: how it was confirmed (学籍系统, 接收学校证明, 电话)"))
    parser.add_argument("--with", dest="confirmed_with", default="", metavar="WHOM", help=translate(
        "Cli", "在外地就读 by telephone: with whom"))
    parser.add_argument("--student", type=int, metavar="ID", help=translate(
        "Cli", "已在本校: the student's id (roster list --json)"))
    parser.add_argument("--approval-body", default="", help=translate("Cli", "延缓入学: who approved"))
    parser.add_argument("--approval-document", default="", help=translate("Cli", "延缓入学: the document number"))
    parser.add_argument("--expires", type=iso_day, metavar="DAY", help=translate(
        "Cli", "延缓入学: the day the deferral ends"))
    parser.add_argument("--into-school", metavar="NAME", help=translate(
        "Cli", "失学: the school the child is put on the roster of (default: the school of the child's village)"))
    parser.add_argument("--into-grade", type=int, metavar="N", help=translate(
        "Cli", "失学: the grade, 1–9 (default: by age)"))
    parser.add_argument("--sex", choices=["男", "女"], help=translate(
        "Cli", "失学: the child's sex, when no ID number says it"))
    parser.add_argument("--evidence", default="", help=translate("Cli", "the evidence (佐证)"))
    parser.add_argument("--note", default="")
    db_option(parser)
    operator_option(parser)
    json_option(parser)


@command(RECONCILE, "check", help=lambda: translate(
    "Cli", "record the check of a difference (核查结果); 失学 puts the child on the roster as 未入学"),
         arguments=_check_arguments, needs=Needs(Permission.MANAGE_CASES))
def record(args: argparse.Namespace) -> int:
    from schoolaid.common.grades import Stage
    from schoolaid.reconcile import checks

    today = clock_today()
    form = checks.CheckForm(
        result=args.result, checked_by=args.checked_by, checked_on=args.checked_on or today,
        school_name=args.school, place=args.place, confirmed_how=args.how, confirmed_with=args.confirmed_with,
        student_id=args.student, approval_body=args.approval_body, approval_document=args.approval_document,
        approval_expires_on=args.expires, sex=args.sex or "", evidence=args.evidence, note=args.note)
    if args.into_grade is not None:
        form.grade = args.into_grade
        form.stage = (Stage.PRIMARY if args.into_grade <= 6 else Stage.JUNIOR).value
    db = open_db(args)
    try:
        if args.into_school:
            form.school_id = school_id(db, args.into_school)
        outcome = db.run(checks.record_check, args.actor, args.kind, args.person_key, form, today=today)
    finally:
        db.close()
    if args.json:
        return print_json({"check_id": outcome.check_id, "kind": args.kind, "result": args.result,
                           "student_id": outcome.student_id, "household_id": outcome.household_id})
    print(translate("Cli", "Check recorded ({result}).").format(result=args.result))
    if outcome.student_id is not None and args.result == CheckResult.OUT_OF_SCHOOL.value:
        print(translate("Cli", "The child is on the roster as 未入学 (student {id}): open a dropout case with the "
                               "dropout tab.").format(id=outcome.student_id))
    return EXIT_OK
